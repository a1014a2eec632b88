//! Accounts end to end: sign-in, roles enforced in Rust, users, idle lock, history proof files.

use crate::screens::{count, go, invoke, set_up, sign_in, sign_out, ADMIN, ADMIN_PASSWORD};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;
use std::time::Duration;

#[test]
fn wrong_then_right_password() {
    let app = App::launch_with("sign_in", Launch::italian());
    set_up(&app);
    sign_out(&app);
    app.screenshot("sign-in");
    sign_in(&app, ADMIN, "password-sbagliata");
    assert_eq!(
        app.text("[data-testid=sign-in-error]"),
        "Nome utente o password errati."
    );
    app.screenshot("wrong-password");
    sign_in(&app, ADMIN, ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    let failed = count(
        &app,
        "SELECT count(*) FROM changes WHERE after LIKE '%sign_in_failed%'",
    );
    assert_eq!(failed, 1);
}

#[test]
fn admin_creates_a_viewer_who_cannot_create_departments() {
    let app = App::launch_with("roles", Launch::italian());
    set_up(&app);
    go(&app, "users");
    app.click("[data-testid=user-new]");
    app.type_text(
        "[data-testid=user-form] input[name=full_name]",
        "Vera Lettrice",
    );
    app.type_text("[data-testid=user-form] input[name=username]", "vera");
    app.type_text(
        "[data-testid=user-form] input[name=password]",
        "vera-password-1",
    );
    app.execute(
        "document.querySelector('[data-testid=role-viewer]').click(); return 1",
        vec![],
    );
    app.screenshot("new-user");
    app.click("[data-testid=user-save]");
    app.wait_for("[data-testid=user-row][data-username=vera]", TIMEOUT);
    app.screenshot("users");

    sign_out(&app);
    sign_in(&app, "vera", "vera-password-1");
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    assert_eq!(app.count("[data-testid=nav-users]"), 0);
    assert_eq!(app.count("[data-testid=nav-history]"), 0);
    go(&app, "departments");
    app.wait_for("[data-testid=departments-empty]", TIMEOUT);
    assert_eq!(app.count("[data-testid=department-new]"), 0);
    app.screenshot("viewer-departments");

    // A call forced past the UI is refused by Rust, writes no department, and is recorded.
    let out = invoke(
        &app,
        "create_department",
        json!({ "input": { "name": "Forzato", "code": null, "head": null, "cost_centre": null } }),
    );
    assert_eq!(out["err"]["code"], "forbidden", "{out}");
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 0);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE actor = 'vera' AND after LIKE '%denied%'"
        ),
        1
    );

    // The administrator sees in History who did what.
    sign_out(&app);
    sign_in(&app, ADMIN, ADMIN_PASSWORD);
    go(&app, "history");
    app.wait_for("[data-testid=history-row][data-entity=security]", TIMEOUT);
    let rows = app.execute(
        "return [...document.querySelectorAll('[data-testid=history-row]')].map(r => r.innerText).join('\\n')",
        vec![],
    );
    let rows = rows.as_str().unwrap();
    assert!(rows.contains("vera"), "{rows}");
    assert!(rows.contains("Rifiutato"), "{rows}");
    app.screenshot("history-who");
}

#[test]
fn idle_lock_keeps_unsaved_input() {
    let app = App::launch_with(
        "auto_lock",
        Launch::italian().env("BACKOFFICE_AUTO_LOCK_SECONDS", "3"),
    );
    set_up(&app);
    go(&app, "settings");
    app.type_text("input[name=city]", "Monza (non salvato)");
    app.wait_for("[data-testid=unlock-form]", Duration::from_secs(15));
    app.screenshot("locked");
    // While locked, Rust refuses data calls too.
    assert_eq!(
        invoke(&app, "list_users", json!({}))["err"]["code"],
        "session_locked"
    );
    app.type_text("input[name=unlock-password]", "sbagliata-123");
    app.click("[data-testid=unlock-submit]");
    app.wait_for("[data-testid=unlock-error]", TIMEOUT);
    app.type_text("input[name=unlock-password]", ADMIN_PASSWORD);
    app.click("[data-testid=unlock-submit]");
    app.wait_gone("[data-testid=unlock-form]", TIMEOUT);
    assert_eq!(
        app.property("input[name=city]", "value"),
        json!("Monza (non salvato)")
    );
}

#[test]
fn history_export_and_proof_through_the_dialogs() {
    let out = tempfile::tempdir().unwrap();
    let csv = out.path().join("storico.csv");
    let head = out.path().join("prova.json");
    let app = App::launch_with(
        "history_files",
        Launch::italian().dialog_answers(out.path(), &[&csv, &head, &head]),
    );
    set_up(&app);
    go(&app, "history");
    app.click("[data-testid=history-export-csv]");
    app.wait_until("the CSV file", TIMEOUT, || Ok(csv.exists()));
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("\u{feff}id;at_utc;actor;entity"), "{text}");
    assert!(text.contains("Rossi Forniture"));
    assert!(!text.contains("$argon2"));
    // The export is itself in history, as the file's last line and on the screen in words.
    assert!(text.lines().last().unwrap().contains(";exports;"), "{text}");
    go(&app, "home");
    go(&app, "history");
    app.wait_for("[data-testid=change-export]", TIMEOUT);
    let said = app.text("[data-testid=change-export]");
    assert!(said.contains("Esportato lo storico in CSV"), "{said}");
    assert!(said.contains("storico.csv"), "{said}");
    app.screenshot("export-event");

    app.click("[data-testid=history-proof]");
    app.click("[data-testid=history-export-head]");
    app.wait_until("the proof file", TIMEOUT, || Ok(head.exists()));
    let proof: serde_json::Value = serde_json::from_slice(&std::fs::read(&head).unwrap()).unwrap();
    assert_eq!(proof["kind"], "backoffice-history-head");

    app.click("[data-testid=history-proof]");
    app.click("[data-testid=history-verify-against]");
    app.wait_for("[data-testid=verify-against]", TIMEOUT);
    app.screenshot("verified-against-proof");
}

#[test]
fn a_reset_password_must_be_replaced_at_sign_in() {
    let app = App::launch_with("password_reset", Launch::english());
    set_up(&app);
    go(&app, "users");
    app.click("[data-testid=user-new]");
    app.type_text(
        "[data-testid=user-form] input[name=full_name]",
        "Marco Verdi",
    );
    app.type_text("[data-testid=user-form] input[name=username]", "marco");
    app.type_text(
        "[data-testid=user-form] input[name=password]",
        "marco-password-1",
    );
    app.execute(
        "document.querySelector('[data-testid=role-hr]').click(); return 1",
        vec![],
    );
    app.click("[data-testid=user-save]");
    app.click("[data-testid=user-row][data-username=marco] [data-testid=user-edit]");
    app.type_text(
        "[data-testid=user-form] input[name=new_password]",
        "temporanea-2026",
    );
    app.click("[data-testid=user-save]");
    app.wait_gone("[data-testid=user-form]", TIMEOUT);
    assert_eq!(
        count(
            &app,
            "SELECT must_change_password FROM users WHERE username = 'marco'"
        ),
        1
    );
    // Opening the account in the editor was recorded as a read.
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE op = 'read' AND entity = 'users'"
        ),
        1
    );

    sign_out(&app);
    sign_in(&app, "marco", "temporanea-2026");
    app.wait_for("[data-testid=change-password-form]", TIMEOUT);
    app.screenshot("must-change");
    app.type_text("input[name=old_password]", "temporanea-2026");
    app.type_text("input[name=new_password]", "la-mia-password-2026");
    app.type_text("input[name=confirm]", "la-mia-password-2026");
    app.execute("document.querySelector('[data-testid=change-password-form] button[type=submit]').click(); return 1", vec![]);
    app.wait_gone("[data-testid=change-password-form]", TIMEOUT);
    assert_eq!(
        count(
            &app,
            "SELECT must_change_password FROM users WHERE username = 'marco'"
        ),
        0
    );
}
