//! Retiring a course end to end: the confirmation, the greyed row, a refusal while a requirement
//! asks for it, the course gone from the training picker but still named on the training already
//! recorded, bringing it back, and both changes in history; in Italian and English.

use crate::screens::{click_text, go, invoke, set_up, switch_language};
use crate::staff::{contract_type, create_employees, department, ok, pick, tax_code, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

const COURSE: &str = "Antincendio";

fn row(name: &str) -> String {
    format!("[data-testid=catalog-row][data-name=\"{name}\"]")
}

fn course_id(app: &App, code: &str) -> i64 {
    let list = ok(invoke(
        app,
        "list_courses",
        json!({ "includeInactive": true }),
    ));
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap()["id"]
        .as_i64()
        .unwrap()
}

fn open_courses(app: &App) {
    go(app, "staffSettings");
    app.click("[data-testid=settings-tab-courses]");
    app.wait_for("[data-testid=courses-table]", TIMEOUT);
}

/// Deactivates `name` through its row's action and the confirmation.
fn deactivate(app: &App, name: &str, screenshot: Option<&str>) {
    app.click(&format!("{} [data-testid=catalog-deactivate]", row(name)));
    app.wait_for("[data-testid=catalog-deactivate-dialog]", TIMEOUT);
    if let Some(step) = screenshot {
        app.screenshot(step);
    }
    app.click("[data-testid=catalog-deactivate-confirm]");
    app.wait_gone("[data-testid=catalog-deactivate-dialog]", TIMEOUT);
}

/// The course options the training form's picker offers right now.
fn training_picker_options(app: &App) -> Vec<String> {
    app.click("[data-testid=training-add]");
    let input = "[data-testid=training-form] input[data-field=course_id]";
    app.wait_for(input, TIMEOUT);
    app.click(input);
    app.wait_for("[role=listbox] [role=option]", TIMEOUT);
    let options = app.execute(
        "return [...document.querySelectorAll('[role=listbox] [role=option]')]
                 .map((o) => o.textContent.trim());",
        vec![],
    );
    options
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap().to_owned())
        .collect()
}

/// Flips the "show inactive" switch (its input is visually hidden behind Mantine's track).
fn toggle_inactive(app: &App) {
    app.wait_until("the show-inactive switch", TIMEOUT, || {
        Ok(app.execute(
            "const s = document.querySelector('[data-testid=catalog-show-inactive]');
             if (!s) return false;
             s.click();
             return true;",
            vec![],
        ) == json!(true))
    });
}

fn close_notifications(app: &App) {
    app.execute(
        "document.querySelectorAll('.mantine-Notification-closeButton').forEach((b) => b.click());
         return 1;",
        vec![],
    );
    app.wait_gone(".mantine-Notification-root", TIMEOUT);
}

/// The record cell and the changes of the newest History row of `entity` created.
fn created_in_history(app: &App, entity: &str) -> (String, String) {
    let sel = format!("[data-testid=history-row][data-entity={entity}][data-op=insert]");
    app.wait_for(&sel, TIMEOUT);
    (
        app.text(&format!("{sel} [data-testid=history-record]")),
        app.text(&format!("{sel} [data-testid=change-summary]")),
    )
}

/// History names records and referenced records, and shows dates as dd/mm/yyyy, in the
/// current language: the training recorded and the employee it belongs to.
fn history_reads_as_words(app: &App, course: &str, course_label: &str, completed: &str) {
    let (record, changes) = created_in_history(app, "training_records");
    assert_eq!(record, format!("{course} · Ferrari Luca"));
    assert!(
        changes.contains(&format!("{course_label}: {course}")),
        "{changes}"
    );
    assert!(
        changes.contains(&format!("{completed}: 10/05/2024")),
        "{changes}"
    );
    assert!(changes.contains("Ferrari Luca"), "{changes}");
    assert!(!changes.contains("2024-05-10"), "{changes}");
    let (record, changes) = created_in_history(app, "employees");
    assert_eq!(record, "Ferrari Luca");
    for shown in ["Magazzino", "01/03/2021"] {
        assert!(changes.contains(shown), "{changes}");
    }
    assert!(!changes.contains("2021-03-01"), "{changes}");
}

fn notification_text(app: &App) -> String {
    app.wait_for(".mantine-Notification-description", TIMEOUT);
    app.text(".mantine-Notification-description")
}

#[test]
fn a_retired_course_leaves_the_picker_but_stays_on_recorded_training() {
    let app = App::launch_with("staff_catalog", Launch::italian());
    set_up(&app);
    let dept = department(&app, "Magazzino");
    let permanent = contract_type(&app, "permanent");
    create_employees(
        &app,
        vec![json!({
            "employee_number": null, "first_name": "Luca", "last_name": "Ferrari",
            "tax_code": tax_code("FRR", "LCU", 3),
            "birth_date": null, "birth_place": null, "sex": null, "email": null,
            "phone": null, "address": null, "iban": null, "department_id": dept,
            "job_title": "Magazziniere", "manager_id": null, "hire_date": "2021-03-01",
            "contract_type_id": permanent, "contract_end": null, "ccnl": null, "level": null,
        })],
    );
    let fire = course_id(&app, "fire_fighting");
    let first_aid = course_id(&app, "first_aid");
    ok(invoke(
        &app,
        "add_training",
        json!({ "employeeId": 1, "input": {
            "course_id": fire, "completed_on": "2024-05-10", "provider": "Vigili del Fuoco",
            "certificate_document_id": null, "notes": null,
        } }),
    ));
    // Every warehouse worker needs first aid: that course cannot be retired.
    ok(invoke(
        &app,
        "create_requirement",
        json!({ "input": {
            "job_title": "Magazziniere", "department_id": null,
            "required": { "kind": "course", "course_id": first_aid },
        } }),
    ));

    // Retiring the fire-fighting course: asked first, then greyed and marked, not gone.
    open_courses(&app);
    deactivate(&app, COURSE, Some("it-deactivate-confirm"));
    app.wait_for(&format!("{}[data-active=false]", row(COURSE)), TIMEOUT);
    assert!(app.text(&row(COURSE)).to_lowercase().contains("non attivo"));
    assert!(notification_text(&app).contains("«Antincendio» disattivato"));
    let active: i64 = app
        .db()
        .query_row("SELECT active FROM courses WHERE id = ?1", [fire], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(active, 0);
    app.screenshot("it-courses-inactive");
    // The switch hides retired entries, and shows them again.
    toggle_inactive(&app);
    app.wait_gone(&row(COURSE), TIMEOUT);
    toggle_inactive(&app);
    app.wait_for(&row(COURSE), TIMEOUT);

    // A required course is refused, with the reason and what to do.
    deactivate(&app, "Primo soccorso", None);
    app.wait_until("the refusal", TIMEOUT, || {
        Ok(app
            .execute(
                "return [...document.querySelectorAll('.mantine-Notification-description')]
                     .map((n) => n.textContent).join(' | ');",
                vec![],
            )
            .as_str()
            .unwrap_or_default()
            .contains("è ancora richiesto da 1 requisito"))
    });
    app.screenshot("it-required-refused");
    assert!(app
        .text(&format!("{}[data-active=true]", row("Primo soccorso")))
        .contains("Primo soccorso"));

    // The employee's training still names the course, marked; the picker no longer offers it.
    go(&app, "staff");
    app.click("[data-testid=staff-row][data-index='0']");
    wait_text(&app, "[data-testid=page-title]", "Ferrari Luca");
    app.click("[data-testid=tab-training]");
    app.wait_for("[data-testid=training-row]", TIMEOUT);
    let recorded = app.text("[data-testid=training-row]");
    assert!(recorded.contains(COURSE), "{recorded}");
    assert_eq!(
        app.count("[data-testid=training-row] [data-testid=inactive-mark]"),
        1
    );
    app.screenshot("it-training-inactive-course");
    let offered = training_picker_options(&app);
    assert!(offered.iter().any(|o| o == "Primo soccorso"), "{offered:?}");
    assert!(!offered.iter().any(|o| o.contains(COURSE)), "{offered:?}");
    app.screenshot("it-training-picker");
    click_text(&app, "[data-testid=training-form]", "Annulla");
    app.wait_gone("[data-testid=training-form]", TIMEOUT);

    // Brought back: offered again.
    open_courses(&app);
    app.click(&format!("{} [data-testid=catalog-reactivate]", row(COURSE)));
    app.wait_for(&format!("{}[data-active=true]", row(COURSE)), TIMEOUT);
    go(&app, "staff");
    app.click("[data-testid=staff-row][data-index='0']");
    app.click("[data-testid=tab-training]");
    app.wait_for("[data-testid=training-row]", TIMEOUT);
    assert_eq!(
        app.count("[data-testid=training-row] [data-testid=inactive-mark]"),
        0
    );
    let offered = training_picker_options(&app);
    assert!(offered.iter().any(|o| o == COURSE), "{offered:?}");
    click_text(&app, "[data-testid=training-form]", "Annulla");
    app.wait_gone("[data-testid=training-form]", TIMEOUT);

    // History: the retirement and the return, newest first.
    close_notifications(&app);
    go(&app, "history");
    let course_rows = "[data-testid=history-row][data-entity=courses][data-op=update]";
    app.wait_for(course_rows, TIMEOUT);
    let summaries = app.execute(
        "return [...document.querySelectorAll(arguments[0])]
                 .map((r) => r.querySelector('[data-testid=change-summary]').textContent);",
        vec![json!(course_rows)],
    );
    let summaries: Vec<&str> = summaries
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(summaries.len(), 2, "{summaries:?}");
    assert!(summaries[0].contains("No → Sì"), "{summaries:?}");
    assert!(summaries[1].contains("Sì → No"), "{summaries:?}");
    history_reads_as_words(&app, COURSE, "Corso", "Data di completamento");
    assert!(app
        .text("[data-testid=history-row][data-entity=employees][data-op=insert]")
        .contains("Dipendente #1"));
    app.screenshot("it-history");

    // The same in English (the Italian messages closed first, so the pictures show only English).
    close_notifications(&app);
    switch_language(&app, "EN");
    open_courses(&app);
    wait_text(&app, "[data-testid=page-title]", "Staff lists");
    deactivate(&app, COURSE, Some("en-deactivate-confirm"));
    app.wait_for(&format!("{}[data-active=false]", row(COURSE)), TIMEOUT);
    assert!(app.text(&row(COURSE)).to_lowercase().contains("inactive"));
    app.screenshot("en-courses-inactive");
    go(&app, "staff");
    app.click("[data-testid=staff-row][data-index='0']");
    app.click("[data-testid=tab-training]");
    app.wait_for(
        "[data-testid=training-row] [data-testid=inactive-mark]",
        TIMEOUT,
    );
    app.screenshot("en-training-inactive-course");

    close_notifications(&app);
    go(&app, "history");
    app.wait_until("the second retirement in history", TIMEOUT, || {
        Ok(app.count("[data-testid=history-row][data-entity=courses][data-op=update]") == 3)
    });
    history_reads_as_words(&app, "Fire fighting", "Course", "Completed on");
    assert!(app
        .text("[data-testid=history-row][data-entity=employees][data-op=insert]")
        .contains("Employee #1"));
    app.screenshot("en-history");

    // A retired contract type stays in the staff list's filter, marked: people are still on it.
    go(&app, "staffSettings");
    app.click("[data-testid=settings-tab-contract-types]");
    app.wait_for("[data-testid=contract-types-table]", TIMEOUT);
    deactivate(&app, "Tempo indeterminato", None);
    app.wait_for(
        &format!("{}[data-active=false]", row("Tempo indeterminato")),
        TIMEOUT,
    );
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row][data-index='0']", TIMEOUT);
    pick(
        &app,
        "[data-testid=staff-filter-contract]",
        "Permanent (inactive)",
    );
    app.wait_until("the list filtered on the retired contract", TIMEOUT, || {
        Ok(app.count("[data-testid=staff-row]") == 1)
    });
    assert!(app
        .text("[data-testid=staff-row][data-index='0']")
        .contains("Ferrari Luca"));
}
