//! The foundation end to end: start-up, languages, departments, history and its verification.

use crate::screens::{click_text, count, go, set_up, switch_language, wait_field_error};
use crate::support::{App, Launch, TIMEOUT};

#[test]
fn first_run_setup_then_home_in_both_languages() {
    let app = App::launch_with("first_run", Launch::italian());
    app.wait_for("[data-testid=setup-form]", TIMEOUT);
    assert_eq!(
        app.text("[data-testid=auth-title]"),
        "Benvenuto in Backoffice"
    );
    // Bad input: a short password and a wrong VAT number are refused beside their inputs.
    app.type_text("input[name='organisation.name']", "Rossi Forniture S.r.l.");
    app.type_text("input[name='organisation.vat_number']", "00488410011");
    app.type_text("input[name='admin.full_name']", "Anna Amministratrice");
    app.type_text("input[name='admin.username']", "admin");
    app.type_text("input[name='admin.password']", "corta");
    app.type_text("input[name='admin.confirm']", "corta");
    app.click("[data-testid=setup-submit]");
    assert_eq!(
        wait_field_error(&app, "input[name='admin.password']"),
        "Almeno 10 caratteri"
    );
    assert!(
        wait_field_error(&app, "input[name='organisation.vat_number']")
            .contains("Partita IVA non valida")
    );
    app.screenshot("setup-errors");
    assert_eq!(count(&app, "SELECT count(*) FROM users"), 0);
    assert_eq!(count(&app, "SELECT count(*) FROM changes"), 0);
    drop(app);

    let app = App::launch_with("first_run_ok", Launch::italian());
    set_up(&app);
    assert_eq!(
        app.text("[data-testid=home-organisation-name]"),
        "Rossi Forniture S.r.l."
    );
    assert!(app
        .text("[data-testid=home-db-path]")
        .ends_with("backoffice.sqlite3"));
    assert!(app.text("[data-testid=app-version]").contains("0.1.0"));
    assert_eq!(app.text("[data-testid=nav-departments]"), "Reparti");
    app.screenshot("home-it");

    switch_language(&app, "EN");
    app.wait_until("English navigation", TIMEOUT, || {
        Ok(app.text("[data-testid=nav-departments]") == "Departments")
    });
    app.screenshot("home-en");
    let saved: String = app
        .db()
        .query_row(
            "SELECT value FROM preferences WHERE key = 'ui.language'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(saved, "en");

    switch_language(&app, "IT");
    app.wait_until("Italian navigation", TIMEOUT, || {
        Ok(app.text("[data-testid=nav-departments]") == "Reparti")
    });
    // The choice is remembered for the person, across a restart.
    let app = app.relaunch();
    crate::screens::sign_in(&app, "admin", crate::screens::ADMIN_PASSWORD);
    app.wait_until("Italian after restart", TIMEOUT, || {
        Ok(app.text("[data-testid=nav-departments]") == "Reparti")
    });
}

#[test]
fn departments_validation_edit_and_history() {
    let app = App::launch_with("departments", Launch::italian());
    set_up(&app);
    go(&app, "departments");
    app.wait_for("[data-testid=departments-empty]", TIMEOUT);
    app.screenshot("empty");

    // An empty name: a translated error at the field, nothing written.
    let changes = count(&app, "SELECT count(*) FROM changes");
    app.click("[data-testid=department-new]");
    app.click("[data-testid=department-save]");
    assert_eq!(
        wait_field_error(&app, "[data-testid=department-form] input[name=name]"),
        "Obbligatorio"
    );
    app.screenshot("empty-name");
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 0);
    assert_eq!(count(&app, "SELECT count(*) FROM changes"), changes);

    app.type_text("[data-testid=department-form] input[name=name]", "Acquisti");
    app.type_text("[data-testid=department-form] input[name=code]", "acq");
    app.type_text(
        "[data-testid=department-form] input[name=cost_centre]",
        "CC-100",
    );
    app.click("[data-testid=department-save]");
    app.wait_gone("[data-testid=department-form]", TIMEOUT);
    app.wait_for(
        "[data-testid=department-row][data-name='Acquisti']",
        TIMEOUT,
    );

    // The same name in another case: refused beside the input, nothing written.
    app.click("[data-testid=department-new]");
    app.type_text("[data-testid=department-form] input[name=name]", "ACQUISTI");
    app.click("[data-testid=department-save]");
    assert_eq!(
        wait_field_error(&app, "[data-testid=department-form] input[name=name]"),
        "Già in uso"
    );
    app.screenshot("duplicate-name");
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 1);
    click_text(&app, "[data-testid=department-form]", "Annulla");
    app.wait_gone("[data-testid=department-form]", TIMEOUT);

    // Edit, then find the change in History with who and before → after.
    app.click("[data-testid=department-row][data-name='Acquisti'] [data-testid=department-edit]");
    app.type_text(
        "[data-testid=department-form] input[name=name]",
        "Ufficio Acquisti",
    );
    app.type_text(
        "[data-testid=department-form] input[name=head]",
        "Marco Verdi",
    );
    app.click("[data-testid=department-save]");
    app.wait_for(
        "[data-testid=department-row][data-name='Ufficio Acquisti']",
        TIMEOUT,
    );
    app.wait_gone("[data-testid=department-form]", TIMEOUT);
    app.screenshot("list");
    let stored: String = app
        .db()
        .query_row("SELECT name FROM departments", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "Ufficio Acquisti");

    go(&app, "history");
    let first = "[data-testid=history-row]:first-child";
    app.wait_for(
        &format!("{first}[data-op=update][data-entity=departments]"),
        TIMEOUT,
    );
    assert_eq!(
        app.text(&format!("{first} [data-testid=history-actor]")),
        "admin"
    );
    let summary = app.text(&format!("{first} [data-testid=change-summary]"));
    assert!(summary.contains("Acquisti → Ufficio Acquisti"), "{summary}");
    assert!(summary.contains("Marco Verdi"), "{summary}");
    app.click("[data-testid=history-verify]");
    let result = app.wait_for("[data-testid=verify-result]", TIMEOUT);
    let ok = app.webdriver().attribute(&result, "data-ok").unwrap();
    assert_eq!(ok.as_deref(), Some("true"));
    assert!(app
        .text("[data-testid=verify-result]")
        .contains("Storico verificato"));
    app.screenshot("history-verified");
}

#[test]
fn a_foreign_database_is_refused_with_a_clear_message() {
    let app = App::launch_with(
        "foreign_db",
        Launch::italian().prepare(|dir| {
            let c = rusqlite::Connection::open(dir.join("backoffice.sqlite3")).unwrap();
            c.execute_batch(
                "CREATE TABLE fatture (id INTEGER PRIMARY KEY); INSERT INTO fatture VALUES (1);",
            )
            .unwrap();
        }),
    );
    let before = std::fs::read(app.db_path()).unwrap();
    app.wait_for("[data-testid=startup-error]", TIMEOUT);
    assert_eq!(
        app.text("[data-testid=startup-error-message]"),
        "Questo file non è un database di Backoffice."
    );
    app.screenshot("refused");
    assert_eq!(std::fs::read(app.db_path()).unwrap(), before);
}
