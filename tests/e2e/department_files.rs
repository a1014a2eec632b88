//! A department's page, opened from the list: its files tab attaches a plan through the
//! (scripted) open dialog and lists it with the file's name and who attached it; the same page in
//! English.

use crate::screens::{count, go, set_up, switch_language};
use crate::staff::{department, text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};

const PDF: &[u8] =
    b"%PDF-1.4\n% plan\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

#[test]
fn a_department_gets_a_file_through_the_open_dialog_and_lists_it() {
    let out = tempfile::tempdir().unwrap();
    let plan = out.path().join("piano-evacuazione.pdf");
    std::fs::write(&plan, PDF).unwrap();
    let app = App::launch_with(
        "department_files",
        Launch::italian().dialog_answers(out.path(), &[&plan]),
    );
    set_up(&app);
    let id = department(&app, "Magazzino");
    department(&app, "Vendite");

    // A row opens the department's page; its files tab starts empty and says what to do.
    go(&app, "departments");
    app.click("[data-testid=department-row][data-name='Magazzino']");
    wait_text(&app, "[data-testid=page-title]", "Magazzino");
    app.screenshot("page-details");
    app.click("[data-testid=tab-files]");
    app.wait_for("[data-testid=attachments-empty]", TIMEOUT);
    assert!(app
        .text("[data-testid=attachments-empty]")
        .contains("Allega file"));
    app.screenshot("files-empty");

    // Attach: title first, then the file from the open dialog. Departments keep no list of
    // kinds of file, so the form asks for none.
    app.click("[data-testid=attachment-attach]");
    app.wait_for("[data-testid=attach-form]", TIMEOUT);
    assert_eq!(
        app.count("[data-testid=attach-form] [data-field=type_id]"),
        0
    );
    app.type_text(
        "[data-testid=attach-form] input[name=title]",
        "Piano di evacuazione",
    );
    app.screenshot("attach-dialog");
    app.click("[data-testid=attach-choose]");
    app.wait_gone("[data-testid=attach-form]", TIMEOUT);
    let row = "[data-testid=attachment-row][data-title='Piano di evacuazione']";
    app.wait_for(row, TIMEOUT);
    assert!(app.text(row).contains("piano-evacuazione.pdf"));
    app.wait_until("the files counted on the tab", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=tab-files]").ends_with('1'))
    });
    app.screenshot("files");

    // Stored for this department, with its own copy of the bytes and an entry in history.
    let (entity, record_id, sha): (String, i64, String) = app
        .db()
        .query_row(
            "SELECT entity, record_id, sha256 FROM attachments",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((entity.as_str(), record_id), ("departments", id));
    assert_eq!(sha.len(), 64);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'attachments' AND op = 'insert'"
        ),
        1
    );

    // The other department has none.
    app.click("[data-testid=back-to-departments]");
    app.click("[data-testid=department-row][data-name='Vendite']");
    wait_text(&app, "[data-testid=page-title]", "Vendite");
    app.click("[data-testid=tab-files]");
    app.wait_for("[data-testid=attachments-empty]", TIMEOUT);

    // The same page in English.
    app.click("[data-testid=back-to-departments]");
    app.click("[data-testid=department-row][data-name='Magazzino']");
    wait_text(&app, "[data-testid=page-title]", "Magazzino");
    switch_language(&app, "EN");
    app.wait_until("the tab's name in English", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=tab-files]").starts_with("Files"))
    });
    app.screenshot("page-details-en");
    app.click("[data-testid=tab-files]");
    app.wait_for(row, TIMEOUT);
    assert!(app
        .text("[data-testid=attachments-table]")
        .contains("Attached"));
    app.screenshot("files-en");
}
