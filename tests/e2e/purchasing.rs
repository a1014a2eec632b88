//! Purchasing end to end, in the real window: a supplier refused for a wrong VAT number, then
//! saved with a good one; its DURC attached through the (scripted) open dialog with an expiry
//! that makes it an item on Home; a contact; the supplier blocked with a reason; the screens in
//! both languages.

use crate::screens::{
    choose_option, click_text, count, go, set_up, switch_language, wait_field_error,
};
use crate::staff::{text_now, wait_text};
use crate::support::webdriver::keys;
use crate::support::{App, Launch, TIMEOUT};

const PDF: &[u8] =
    b"%PDF-1.4\n% durc\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn form(field: &str) -> String {
    format!("[data-testid=supplier-form] input[name={field}]")
}

#[test]
fn a_supplier_is_checked_saved_reminded_and_blocked() {
    let out = tempfile::tempdir().unwrap();
    let durc = out.path().join("DURC-Verdi.pdf");
    std::fs::write(&durc, PDF).unwrap();
    let app = App::launch_with(
        "purchasing",
        Launch::italian().dialog_answers(out.path(), &[&durc]),
    );
    set_up(&app);

    go(&app, "purchasing");
    // The page opens on the orders; the suppliers are the next view.
    click_text(&app, "[data-testid=purchasing-view]", "Fornitori");
    app.wait_for("[data-testid=suppliers-empty]", TIMEOUT);
    app.screenshot("suppliers-empty");

    // A wrong check digit is refused beside the field, and nothing is stored.
    app.click("[data-testid=supplier-new]");
    app.wait_for("[data-testid=supplier-form]", TIMEOUT);
    app.type_text(&form("name"), "Carpenteria Verdi S.p.A.");
    app.type_text(&form("vat_number"), "07643520568");
    app.type_text(&form("street"), "Via Emilia 120");
    app.type_text(&form("postcode"), "40133");
    app.type_text(&form("city"), "Bologna");
    app.type_text(&form("province"), "BO");
    app.type_text(&form("pec"), "amministrazione@pec.carpenteriaverdi.it");
    app.type_text(&form("sdi_code"), "M5UXCR1");
    app.type_text(&form("iban"), "IT60 X054 2811 1010 0000 0123 456");
    app.type_text(&form("payment_terms"), "30/60 gg DFFM");
    app.click("input[data-testid=supplier-categories]");
    choose_option(
        &app,
        "input[data-testid=supplier-categories]",
        "Componenti e semilavorati",
    );
    let field = app.wait_for("input[data-testid=supplier-categories]", TIMEOUT);
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    app.wait_gone("[role=listbox]", TIMEOUT);
    app.screenshot("supplier-form");
    app.click("[data-testid=supplier-save]");
    let error = wait_field_error(&app, &form("vat_number"));
    assert!(error.contains("Partita IVA italiana non valida"), "{error}");
    app.screenshot("supplier-bad-vat");
    assert_eq!(count(&app, "SELECT count(*) FROM suppliers"), 0);

    // The right number: saved, and its page opens.
    app.webdriver()
        .clear(&app.wait_for(&form("vat_number"), TIMEOUT))
        .unwrap();
    app.type_text(&form("vat_number"), "IT07643520567");
    app.click("[data-testid=supplier-save]");
    app.wait_gone("[data-testid=supplier-form]", TIMEOUT);
    wait_text(&app, "[data-testid=page-title]", "Carpenteria Verdi S.p.A.");
    assert_eq!(
        text_now(&app, "[data-testid=supplier-vat]"),
        "IT07643520567"
    );
    let (vat, iban): (String, String) = app
        .db()
        .query_row("SELECT vat_number, iban FROM suppliers", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(vat, "IT07643520567");
    assert_eq!(
        count(&app, "SELECT count(*) FROM supplier_categories"),
        1,
        "the category chosen"
    );
    assert_eq!(iban, "IT60X0542811101000000123456");
    app.screenshot("supplier-page");

    // The DURC, due in ten days: attached through the open dialog with its expiry.
    let expiry: String = app
        .db()
        .query_row(
            "SELECT strftime('%d/%m/%Y', 'now', 'localtime', '+10 days')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    app.click("[data-testid=tab-files]");
    app.wait_for("[data-testid=attachments-empty]", TIMEOUT);
    app.click("[data-testid=attachment-attach]");
    app.wait_for("[data-testid=attach-form]", TIMEOUT);
    app.type_text("[data-testid=attach-form] input[name=title]", "DURC");
    app.type_text(
        "[data-testid=attach-form] input[data-field=expires_on]",
        &expiry,
    );
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    app.click("[data-testid=attach-choose]");
    app.wait_gone("[data-testid=attach-form]", TIMEOUT);
    app.wait_for("[data-testid=attachment-row][data-title='DURC']", TIMEOUT);
    app.screenshot("supplier-files");

    // A contact.
    app.click("[data-testid=tab-contacts]");
    app.click("[data-testid=contact-add]");
    app.wait_for("[data-testid=contact-form]", TIMEOUT);
    app.type_text(
        "[data-testid=contact-form] input[name=name]",
        "Giulia Bianchi",
    );
    app.type_text(
        "[data-testid=contact-form] input[name=role]",
        "Ufficio vendite",
    );
    app.type_text(
        "[data-testid=contact-form] input[name=email]",
        "giulia.bianchi@carpenteriaverdi.it",
    );
    app.click("[data-testid=contact-save]");
    app.wait_gone("[data-testid=contact-form]", TIMEOUT);
    app.wait_for("[data-testid=contact-row]", TIMEOUT);
    app.screenshot("supplier-contacts");

    // Home reminds purchasing of the DURC, and opens the supplier's files from there.
    go(&app, "home");
    app.wait_until("the DURC on the attention list", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=attention-items]").contains("DURC"))
    });
    assert!(text_now(&app, "[data-testid=attention-items]").contains("In scadenza"));
    app.screenshot("home-durc");
    app.click("[data-testid=attention-open-supplier]");
    app.wait_for("[data-testid=attachment-row][data-title='DURC']", TIMEOUT);

    // Blocked with a reason: the page says since when and why.
    app.click("[data-testid=tab-details]");
    app.click("[data-testid=supplier-block]");
    app.type_text(
        "[data-testid=supplier-block-reason]",
        "Non conformità ripetute sulle saldature",
    );
    app.click("[data-testid=supplier-block-confirm]");
    app.wait_for("[data-testid=supplier-blocked-notice]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=supplier-blocked-notice]").contains("saldature"));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM suppliers WHERE status = 'blocked'"
        ),
        1
    );
    app.screenshot("supplier-blocked");

    // The list shows it blocked, with its file due; then the same screens in English.
    app.click("[data-testid=back-to-suppliers]");
    app.wait_for("[data-testid=supplier-row]", TIMEOUT);
    // Badges are shown in capitals, and innerText reads them so.
    app.wait_until("the row blocked", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=supplier-row]")
            .to_lowercase()
            .contains("bloccato"))
    });
    app.screenshot("suppliers-list");
    switch_language(&app, "EN");
    app.wait_until("the list in English", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=supplier-row]")
            .to_lowercase()
            .contains("blocked"))
    });
    app.screenshot("suppliers-list-en");
    app.click("[data-testid=supplier-row]");
    wait_text(&app, "[data-testid=page-title]", "Carpenteria Verdi S.p.A.");
    app.screenshot("supplier-page-en");
    app.click("[data-testid=supplier-edit]");
    app.wait_for("[data-testid=supplier-form]", TIMEOUT);
    app.screenshot("supplier-form-en");
}
