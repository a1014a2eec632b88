//! A credit note end to end, in the real window: ten boxes of screws ordered, received and
//! invoiced; two are sent back and the supplier's credit note (TD04) for them arrives with the
//! invoice, both files picked at once in the open dialog. Matched to the same order line, the
//! credit note brings what the line has invoiced from ten down to eight, without a difference,
//! and the two boxes are again "received, to be invoiced". Both languages.

use crate::fatturapa::{credit_note_xml, invoice_xml};
use crate::purchasing_match::{
    as_user, open_match_tab, quiet, received_order, ACCOUNTANT, ACCOUNTANT_PASSWORD,
};
use crate::screens::{click_text, count, go, set_up, switch_language, ADMIN, ADMIN_PASSWORD};
use crate::staff::{text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

const SELLER: (&str, &str) = ("Ferramenta Rossi S.r.l.", "00488410010");
const SCREWS: &str = "Viti M6 inox (conf. 100)";

/// Clicks the first `css` element whose text holds `text`, and waits for the page `title`.
fn open_holding(app: &App, css: &str, text: &str, title: &str) {
    app.wait_until(&format!("`{text}` in `{css}`"), TIMEOUT, || {
        let hit = app.execute(
            "for (const el of document.querySelectorAll(arguments[0])) {
               if (el.textContent.includes(arguments[1])) { el.click(); return true; }
             }
             return false;",
            vec![json!(css), json!(text)],
        );
        Ok(hit == json!(true))
    });
    wait_text(app, "[data-testid=page-title]", title);
}

#[test]
fn a_credit_note_matched_to_the_order_reduces_what_it_has_invoiced() {
    let files = tempfile::tempdir().unwrap();
    let invoice = files.path().join("IT00488410010_FT80.xml");
    let credit = files.path().join("IT00488410010_NC3.xml");
    let both = format!("{}|{}", invoice.display(), credit.display());
    let app = App::launch_with(
        "purchasing_credit_note",
        Launch::italian().dialog_answers(files.path(), &[both.clone(), both]),
    );
    set_up(&app);
    let number = received_order(&app);
    let today = crate::screens::today(&app);
    std::fs::write(
        &invoice,
        invoice_xml(SELLER, "FT-80", &today, &number, &[(SCREWS, 10, 12_000)]),
    )
    .unwrap();
    std::fs::write(
        &credit,
        credit_note_xml(SELLER, "NC-3", &today, &number, &[(SCREWS, 2, 12_000)]),
    )
    .unwrap();

    // Both files through the dialog at once; the report names the credit note as such.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    app.click("[data-testid=invoice-import]");
    app.wait_until("both documents ready", TIMEOUT, || {
        Ok(app.count("[data-testid=import-invoice][data-verdict=ready]") == 2)
    });
    app.screenshot("import-report");
    app.click("[data-testid=invoice-import-confirm]");
    app.wait_until("both imported", TIMEOUT, || {
        Ok(app.count("[data-testid=imported-invoice]") == 2)
    });

    // The invoice first: its ten boxes match the order exactly.
    open_holding(
        &app,
        "[data-testid=imported-invoice]",
        "FT-80",
        "Fattura FT-80",
    );
    open_match_tab(&app);
    app.click("[data-testid=match-confirm]");
    app.wait_for("[data-testid=match-no-differences]", TIMEOUT);
    assert_eq!(
        count(&app, "SELECT invoiced FROM purchase_order_lines"),
        10_000
    );

    // Then the credit note: suggested against the line it credits, and no difference since
    // the line had invoiced more than it gives back.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    open_holding(
        &app,
        "[data-testid=invoice-row]",
        "NC-3",
        "Nota di credito NC-3",
    );
    open_match_tab(&app);
    let figures = text_now(&app, "[data-testid=match-order-figures]");
    assert!(
        figures.contains("fatturati da altri documenti 10"),
        "{figures}"
    );
    quiet(&app);
    app.screenshot("credit-note-proposal");
    app.click("[data-testid=match-confirm]");
    app.wait_for("[data-testid=match-no-differences]", TIMEOUT);
    assert_eq!(
        count(&app, "SELECT invoiced FROM purchase_order_lines"),
        8_000
    );
    quiet(&app);
    app.screenshot("credit-note-matched");

    // The two boxes are received and no longer invoiced: 240,00 € to be invoiced.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Da fatturare");
    app.wait_until("two boxes to be invoiced", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=to-invoice-amount]").contains("240,00"))
    });
    app.screenshot("to-invoice-after-credit");

    // Accounting approves the credit note for payment like an invoice; in English.
    as_user(&app, ACCOUNTANT, ACCOUNTANT_PASSWORD);
    go(&app, "purchasing");
    switch_language(&app, "EN");
    click_text(&app, "[data-testid=purchasing-view]", "Invoices");
    open_holding(
        &app,
        "[data-testid=invoice-row]",
        "NC-3",
        "Credit note NC-3",
    );
    open_match_tab(&app);
    app.wait_until("approval enabled", TIMEOUT, || {
        Ok(app.property("[data-testid=approve-for-payment]", "disabled") == json!(false))
    });
    app.click("[data-testid=approve-for-payment]");
    app.wait_for("[data-testid=match-approved]", TIMEOUT);
    quiet(&app);
    app.screenshot("credit-note-approved-en");
    as_user(&app, ADMIN, ADMIN_PASSWORD);
}
