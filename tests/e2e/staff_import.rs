//! Staff import and export through the native dialogs: a file with errors changes nothing and
//! says why row by row; a clean Windows-1252 payroll export imports with progress; the list
//! exports to CSV; a file changed after it was chosen is refused.

use crate::screens::{count, go, set_up, switch_language};
use crate::support::{App, Launch, TIMEOUT};
use std::path::PathBuf;
use std::time::Duration;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(name)
}

/// The app in Italian, set up, with the import dialog showing the mapping of the first of
/// `answers` (the paths the file dialogs answer with, in order; kept in `dir`).
fn open_import(name: &str, dir: &std::path::Path, answers: &[PathBuf]) -> App {
    let app = App::launch_with(name, Launch::italian().dialog_answers(dir, answers));
    set_up(&app);
    go(&app, "staff");
    app.click("[data-testid=staff-import]");
    app.click("[data-testid=import-choose]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    app
}

#[test]
fn import_with_errors_then_clean_then_export() {
    let out = tempfile::tempdir().unwrap();
    let export = out.path().join("personale.csv");
    let app = open_import(
        "staff_import",
        out.path(),
        &[
            fixture("staff_10_errors.csv"),
            fixture("staff_it_semicolon_cp1252.csv"),
            export.clone(),
        ],
    );
    assert!(app
        .text("[data-testid=import-source]")
        .contains("staff_10_errors.csv"));
    app.screenshot("mapping");
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-errors]", TIMEOUT);
    let reported = app.count("[data-testid=import-error-table] [data-testid=import-error-row]");
    assert!(reported >= 10, "only {reported} problems listed");
    assert!(app
        .text("[data-testid=import-errors]")
        .contains("righe hanno errori"));
    assert_eq!(
        app.property("[data-testid=import-start]", "disabled"),
        serde_json::json!(true)
    );
    app.screenshot("report-errors");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 0);

    // A clean export from an Italian payroll program: ';', Windows-1252, dd/mm/yyyy.
    app.click("[data-testid=import-another]");
    app.wait_until("the second file", TIMEOUT, || {
        Ok(app
            .text("[data-testid=import-source]")
            .contains("staff_it_semicolon_cp1252.csv"))
    });
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    app.screenshot("report-ready");
    app.click("[data-testid=import-start]");
    app.wait_for("[data-testid=import-done]", Duration::from_secs(30));
    app.screenshot("done");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 4);
    let niccolo = count(
        &app,
        "SELECT count(*) FROM employees WHERE first_name = 'Niccolò'",
    );
    assert_eq!(niccolo, 1);

    app.click("[data-testid=import-close]");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    app.click("[data-testid=staff-export-csv]");
    app.wait_until("the exported list", TIMEOUT, || Ok(export.exists()));
    let text = std::fs::read_to_string(&export).unwrap();
    assert!(text.starts_with('\u{feff}'));
    assert!(text.contains("Niccolò"));
    assert!(text.lines().next().unwrap().contains(';'));
}

#[test]
fn a_payroll_report_with_a_title_and_one_name_column_imports() {
    // Title lines above the header, a line of totals below the rows, and "Nominativo": surname
    // and name in one column, in either order, split by each person's tax code.
    let out = tempfile::tempdir().unwrap();
    let report = fixture("staff_report_nominativo.csv");
    let app = open_import("staff_import_report", out.path(), &[report.clone(), report]);
    assert!(app.text("[data-testid=import-source]").contains("4 righe"));
    assert_eq!(
        app.property("[data-testid=map-full_name]", "value"),
        serde_json::json!("Nominativo")
    );
    assert_eq!(
        app.property("[data-testid=import-capitalise-names]", "checked"),
        serde_json::json!(true)
    );
    app.screenshot("mapping");
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    app.click("[data-testid=import-start]");
    app.wait_for("[data-testid=import-done]", Duration::from_secs(30));
    let names: Vec<(String, String)> = app
        .db()
        .prepare("SELECT last_name, first_name FROM employees ORDER BY employee_number")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    // Names the report prints in capitals get capital initials (the dialog's default).
    assert_eq!(
        names,
        [
            pair("Rossi", "Mario"),
            pair("De Luca", "Maria Grazia"),
            pair("Esposito", "Giulia"),
            pair("Verdi", "Luca"),
        ]
    );
    app.click("[data-testid=import-close]");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    app.screenshot("list");

    // The same file again, in English: the column read as one, nothing left to change.
    switch_language(&app, "EN");
    app.click("[data-testid=staff-import]");
    app.click("[data-testid=import-choose]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    assert!(app
        .text("[data-testid=import-mapping]")
        .contains("Surname and name (one column)"));
    app.screenshot("mapping-en");
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    // Split and capitalised the same way again: the four files are unchanged.
    let ready = app.text("[data-testid=import-ready]");
    assert!(ready.contains("importing changes nothing"), "{ready}");
    app.screenshot("report-en");
}

#[test]
fn a_file_changed_after_it_was_chosen_is_refused() {
    // A copy the test may change, as a spreadsheet saving over it would.
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("personale.csv");
    std::fs::copy(fixture("staff_it_semicolon_cp1252.csv"), &file).unwrap();
    let app = open_import(
        "staff_import_changed",
        out.path(),
        std::slice::from_ref(&file),
    );
    // One letter changed after the preview: the same size, another content.
    let mut bytes = std::fs::read(&file).unwrap();
    let at = bytes.iter().position(|&b| b == b'R').unwrap();
    bytes[at] = b'P';
    std::fs::write(&file, &bytes).unwrap();
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-problem]", TIMEOUT);
    let problem = app.text("[data-testid=import-problem]");
    assert!(
        problem.contains("è cambiato dopo che l'hai scelto"),
        "{problem}"
    );
    assert!(problem.contains("personale.csv"), "{problem}");
    app.screenshot("file-changed");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 0);
}
