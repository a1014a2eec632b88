//! Recurring maintenance end to end, in the real window: a monthly plan for every laptop, its
//! task completed with the checklist ticked and its next due date moved a month on, the month's
//! calendar; in both languages.

use crate::screens::{choose_option, click_text, count, go, set_up, switch_language};
use crate::support::{App, Launch, TIMEOUT};

fn due(app: &App) -> String {
    app.execute(
        "return document.querySelector('[data-testid=plan-panel]')?.dataset.due ?? '';",
        vec![],
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

#[test]
fn a_monthly_plan_is_completed_and_its_next_due_date_moves() {
    let out = tempfile::tempdir().unwrap();
    let sheet = out.path().join("rapporto-intervento.pdf");
    std::fs::write(&sheet, b"%PDF-1.4\n% rapporto di intervento\n%%EOF\n").unwrap();
    let app = App::launch_with(
        "assets_maintenance",
        Launch::italian().dialog_answers(out.path(), &[&sheet]),
    );
    set_up(&app);
    go(&app, "assets");
    app.wait_for("[data-testid=assets-view]", TIMEOUT);
    click_text(&app, "[data-testid=assets-view]", "Manutenzione");
    app.click("[data-testid=plan-new]");
    app.wait_for("[data-testid=plan-form]", TIMEOUT);
    app.type_text(
        "[data-testid=plan-form] input[name=title]",
        "Aggiornamenti di sicurezza del sistema operativo",
    );
    click_text(&app, "[data-testid=plan-target-kind]", "Una categoria");
    app.click("[data-testid=plan-form] input[data-testid=plan-target]");
    choose_option(
        &app,
        "[data-testid=plan-form] input[data-testid=plan-target]",
        "Portatile",
    );
    app.screenshot("plan-form");
    app.click("[data-testid=plan-save]");
    app.wait_for("[data-testid=plan-panel]", TIMEOUT);
    let first = due(&app);
    assert!(!first.is_empty());
    app.screenshot("plan");

    // Done today: the next due date moves a month on, and history holds the move.
    app.click("[data-testid=plan-complete]");
    app.wait_for("[data-testid=work-form]", TIMEOUT);
    app.type_text(
        "[data-testid=work-form] [data-testid=work-text]",
        "Installati gli aggiornamenti di dicembre su tutti i portatili",
    );
    app.screenshot("work-form");
    app.click("[data-testid=work-save]");
    app.wait_until("the next due date to move", TIMEOUT, || {
        let now = due(&app);
        Ok(!now.is_empty() && now != first)
    });
    let next = due(&app);
    let today = chrono::Local::now().date_naive();
    let expected = today.checked_add_months(chrono::Months::new(1)).unwrap();
    assert_eq!(next, expected.format("%Y-%m-%d").to_string());
    assert_eq!(count(&app, "SELECT count(*) FROM maintenance_log"), 1);
    assert!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'maintenance_plans' AND op = 'update'"
        ) >= 1
    );
    app.screenshot("plan-done");

    // The technician's report goes with the work done, as a file of the log entry.
    app.click("[data-testid=log-row] [data-testid=log-files]");
    app.click("[data-testid=attachment-attach]");
    app.wait_for("[data-testid=attach-form]", TIMEOUT);
    app.type_text(
        "[data-testid=attach-form] input[name=title]",
        "Rapporto di intervento",
    );
    app.click("[data-testid=attach-choose]");
    app.wait_gone("[data-testid=attach-form]", TIMEOUT);
    app.wait_for(
        "[data-testid=attachment-row][data-title='Rapporto di intervento']",
        TIMEOUT,
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM attachments WHERE entity = 'maintenance_log'"
        ),
        1
    );
    app.screenshot("work-files");
    app.execute(
        "document.querySelectorAll('.mantine-Modal-close').forEach((b) => b.click()); return 1;",
        vec![],
    );
    app.wait_gone("[data-testid=attachment-attach]", TIMEOUT);
    app.execute("document.activeElement?.blur(); return 1;", vec![]);
    app.webdriver()
        .send_keys(
            &app.wait_for("body", TIMEOUT),
            crate::support::webdriver::keys::ESCAPE,
        )
        .ok();

    // The calendar of this month shows the work done; in English too.
    click_text(&app, "[data-testid=maintenance-view]", "Calendario");
    app.wait_for("[data-testid=calendar]", TIMEOUT);
    app.wait_for("[data-testid=calendar-entry]", TIMEOUT);
    app.screenshot("calendar");
    switch_language(&app, "EN");
    app.wait_for("[data-testid=calendar]", TIMEOUT);
    app.screenshot("calendar-en");
}
