//! The departments import, the second area on the shared import wizard: its button beside "New
//! department", a file with a problem reported at its line and column, then a clean list
//! imported with its active flags and saved again as shown; the same wizard in English.

use crate::screens::{count, go, set_up, switch_language};
use crate::support::{App, Launch, TIMEOUT};
use std::time::Duration;

#[test]
fn a_department_list_imports_through_the_shared_wizard() {
    let out = tempfile::tempdir().unwrap();
    let bad = out.path().join("reparti-errori.csv");
    std::fs::write(
        &bad,
        "Codice;Reparto;Responsabile;Attivo\nAMM;Amministrazione;Maria Rossi;forse\n",
    )
    .unwrap();
    let clean = out.path().join("reparti.csv");
    std::fs::write(
        &clean,
        "Elenco reparti\nCodice;Reparto;Responsabile;Centro di costo;Attivo\n\
         AMM;Amministrazione;Maria Rossi;CC-100;sì\n\
         MAG;Magazzino;;CC-200;\n\
         VEN;Vendite;Luca Bianchi;;no\n",
    )
    .unwrap();
    let export = out.path().join("reparti-esportati.csv");
    let app = App::launch_with(
        "departments_import",
        Launch::italian().dialog_answers(out.path(), &[bad, clean.clone(), export.clone(), clean]),
    );
    set_up(&app);
    go(&app, "departments");
    app.screenshot("page");
    app.click("[data-testid=department-import]");
    app.click("[data-testid=import-choose]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    assert_eq!(
        app.property("[data-testid=map-name]", "value"),
        serde_json::json!("Reparto")
    );
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-errors]", TIMEOUT);
    let problem = app.text("[data-testid=import-error-table]");
    assert!(problem.contains("Attivo"), "{problem}");
    assert!(problem.contains("Usa sì o no"), "{problem}");
    app.screenshot("report-errors");

    app.click("[data-testid=import-another]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    app.screenshot("mapping");
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    app.click("[data-testid=import-start]");
    app.wait_for("[data-testid=import-done]", Duration::from_secs(30));
    assert!(app.text("[data-testid=import-done]").contains("3 nuovi"));
    app.click("[data-testid=import-close]");
    // The list shows the active ones.
    app.wait_until("the active departments listed", TIMEOUT, || {
        Ok(app.count("[data-testid=department-row]") == 2)
    });
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 3);
    assert_eq!(
        count(&app, "SELECT count(*) FROM departments WHERE active = 0"),
        1
    );
    app.screenshot("list");

    // The list as shown (the active ones) saved through the dialog, with the import's columns.
    app.click("[data-testid=department-export-csv]");
    app.wait_until("the exported list", TIMEOUT, || Ok(export.exists()));
    let text = std::fs::read_to_string(&export).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "Codice;Nome;Responsabile;Centro di costo;Attivo",
            "AMM;Amministrazione;Maria Rossi;CC-100;sì",
            "MAG;Magazzino;;CC-200;sì",
        ]
    );

    // The same file in English: matched on the codes, nothing to change.
    switch_language(&app, "EN");
    app.click("[data-testid=department-import]");
    app.click("[data-testid=import-choose]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    assert!(app
        .text("[data-testid=import-mapping]")
        .contains("Cost centre"));
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    let ready = app.text("[data-testid=import-ready]");
    assert!(ready.contains("importing changes nothing"), "{ready}");
    app.screenshot("report-en");
}
