//! Screens stay current after changes and repeated navigation: home's counts and the header's
//! search after an edit, a list opened on a filter while already shown, a document row
//! highlighted again when opened a second time, and the re-read after saving a file not recorded
//! as a second opening.

use crate::screens::{count, set_up};
use crate::staff::{
    attach_contract, contract_type, create_employees, department, tax_code, text_now, wait_text,
};
use crate::support::webdriver::{keys, Element};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::{json, Value};
use std::time::Duration;

const BOX: &str = "[data-testid=global-search]";
const HIT: &str = "[data-testid=search-hit]";
const FORM: &str = "[data-testid=employee-form]";

fn press(app: &App, keys: &str) {
    let active = app
        .webdriver()
        .execute("return document.activeElement;", vec![])
        .ok()
        .and_then(|v| Element::from_json(&v))
        .expect("a focused element");
    app.webdriver().send_keys(&active, keys).unwrap();
}

/// Focuses the header's search, types `text` and waits for `expect` hits of the finished search.
fn search(app: &App, text: &str, expect: usize) {
    press(app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    app.type_text(BOX, text);
    app.wait_until(&format!("{expect} results for `{text}`"), TIMEOUT, || {
        Ok(app.count(HIT) == expect
            && app.execute(
                "return document.querySelector('[data-testid=global-search]').dataset.busy === undefined;",
                vec![],
            ) == json!(true))
    });
}

/// The number of recorded changes home shows.
fn home_changes(app: &App) -> Option<i64> {
    app.execute(
        "const m = document.querySelector('[data-testid=home-history]')?.textContent
           .match(/Recorded changes([\\d,]+)/);
         return m ? Number(m[1].replaceAll(',', '')) : null;",
        vec![],
    )
    .as_i64()
}

fn wait_home_current(app: &App, what: &str) {
    app.wait_until(what, TIMEOUT, || {
        Ok(home_changes(app) == Some(count(app, "SELECT count(*) FROM changes")))
    });
}

fn person(surname: &str, name: &str, n: usize, dept: i64, contract: i64) -> Value {
    json!({
        "employee_number": format!("{:05}", 200 + n), "first_name": name, "last_name": surname,
        "tax_code": tax_code(&surname[..3].to_uppercase(), &name[..3].to_uppercase(), n),
        "birth_date": null, "birth_place": null, "sex": null,
        "email": null, "phone": null, "address": null, "iban": null, "department_id": dept,
        "job_title": "Impiegato", "manager_id": null, "hire_date": "2019-04-01",
        "contract_type_id": contract, "contract_end": null, "ccnl": null, "level": null,
    })
}

fn reads(app: &App, id: i64) -> i64 {
    count(
        app,
        &format!(
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'read' AND row_id = {id}"
        ),
    )
}

/// Whether the highlight animation is running on `css`.
fn animating(app: &App, css: &str) -> bool {
    app.execute(
        "return (document.querySelector(arguments[0])?.getAnimations() ?? []).length > 0;",
        vec![json!(css)],
    ) == json!(true)
}

#[test]
fn screens_follow_changes_and_repeated_navigation() {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("contratto.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    // The one file dialog (attaching the contract) answers with this PDF.
    let app = App::launch_with(
        "freshness",
        Launch::english().dialog_answers(out.path(), &[&pdf]),
    );
    set_up(&app);
    let verona = department(&app, "Logistica Verona");
    let admin = department(&app, "Amministrazione");
    let permanent = contract_type(&app, "permanent");
    let names = [
        "Anna", "Bruno", "Carla", "Dario", "Elena", "Fabio", "Gino", "Ivo",
    ];
    let people: Vec<Value> = names
        .iter()
        .enumerate()
        .map(|(n, name)| person("Bianchi", name, n, verona, permanent))
        .collect();
    create_employees(&app, people);
    let anna: i64 = app
        .db()
        .query_row(
            "SELECT id FROM employees WHERE first_name = 'Anna'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Giulia reports to Anna.
    let mut giulia = person("Esposito", "Giulia", 20, admin, permanent);
    giulia["manager_id"] = json!(anna);
    create_employees(&app, vec![giulia]);
    let giulia = app
        .db()
        .query_row(
            "SELECT id FROM employees WHERE last_name = 'Esposito'",
            [],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();

    // Her contract, attached before her file is first shown (this bypasses the screens, which
    // would otherwise show the file as first read).
    let doc = attach_contract(&app, &json!(giulia), "Contratto di assunzione firmato");
    // The header's search after a rename: the old name no longer finds her.
    app.click("[data-testid=nav-home]");
    search(&app, "Giulia", 1);
    press(&app, keys::ENTER);
    wait_text(&app, "[data-testid=page-title]", "Esposito Giulia");
    app.wait_for(FORM, TIMEOUT);
    // Opening the file is recorded once; saving it and showing the saved file is not a second
    // opening.
    assert_eq!(reads(&app, giulia), 1);
    app.type_text(&format!("{FORM} input[name=first_name]"), "Giorgia");
    app.click("[data-testid=employee-save]");
    wait_text(&app, "[data-testid=page-title]", "Esposito Giorgia");
    search(&app, "Giulia", 0);
    app.wait_for("[data-testid=search-empty]", TIMEOUT);
    press(&app, keys::ESCAPE);
    press(&app, keys::ESCAPE);
    assert_eq!(
        reads(&app, giulia),
        1,
        "the re-read after saving was recorded"
    );

    // Home after an edit made elsewhere: its count of changes is the database's.
    app.click("[data-testid=nav-home]");
    wait_home_current(&app, "home showing every change");
    search(&app, "Giorgia", 1);
    press(&app, keys::ENTER);
    app.wait_for(FORM, TIMEOUT);
    // Opening the file again, within a minute of the first, is a second opening: recorded.
    app.wait_until("the second opening recorded", TIMEOUT, || {
        Ok(reads(&app, giulia) == 2)
    });
    app.type_text(&format!("{FORM} input[name=job_title]"), "Contabile");
    app.click("[data-testid=employee-save]");
    app.wait_until("the job title saved", TIMEOUT, || {
        Ok(count(
            &app,
            "SELECT count(*) FROM employees WHERE job_title = 'Contabile'",
        ) == 1)
    });
    // Her file's history names her manager, in the creation and in every change shown.
    app.click("[data-testid=tab-history]");
    app.wait_for(
        "[data-testid=employee-history-row][data-op=insert]",
        TIMEOUT,
    );
    let history = text_now(&app, "[data-testid=employee-history]");
    assert!(history.contains("Bianchi Anna"), "{history}");
    assert!(!history.contains("employee no."), "{history}");
    app.screenshot("file-history-manager");
    app.click("[data-testid=nav-home]");
    wait_home_current(&app, "home counting the change just saved");
    app.screenshot("home-current");

    // "Show every match" while the staff list is already shown: the list takes the search.
    app.click("[data-testid=nav-staff]");
    app.wait_until("the whole staff listed", TIMEOUT, || {
        Ok(app.count("[data-testid=staff-row]") == 9)
    });
    search(&app, "bianchi", 6);
    app.click("[data-testid=search-all-employees]");
    app.wait_until("the staff list filtered on the search", TIMEOUT, || {
        Ok(
            app.property("[data-testid=staff-search]", "value") == json!("bianchi")
                && app.count("[data-testid=staff-row]") == 8,
        )
    });
    app.screenshot("staff-filtered-from-search");

    // A department chosen in the header's search, then another while the first one's page is
    // shown: each time the page shows the one chosen.
    app.click("[data-testid=nav-departments]");
    app.wait_for("[data-testid=department-row]", TIMEOUT);
    for (text, name) in [
        ("verona", "Logistica Verona"),
        ("amministr", "Amministrazione"),
    ] {
        search(&app, text, 1);
        press(&app, keys::ENTER);
        wait_text(&app, "[data-testid=page-title]", name);
        app.wait_for("[data-testid=department-status]", TIMEOUT);
    }

    // The same document opened twice from the search: its row is highlighted each time.
    let row = format!("[data-testid=attachment-row][data-id='{}']", doc["id"]);
    for time in ["first", "second"] {
        search(&app, "contratto assunzione", 1);
        press(&app, keys::ENTER);
        app.wait_until(
            &format!("the row highlighted the {time} time"),
            TIMEOUT,
            || Ok(animating(&app, &row)),
        );
        // Let the highlight run its course before the next opening.
        app.wait_until("the highlight over", Duration::from_secs(5), || {
            Ok(!animating(&app, &row))
        });
    }
}
