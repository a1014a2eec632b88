//! The second half of the whole purchase, in the real window, after the quotes have become an
//! order (`purchasing_quotes`): the order over the buyer's limit waits for a manager and cannot
//! go out before; approved, it is printed (pages rendered) and so sent; half the drills arrive;
//! the supplier's FatturaPA invoice naming the order bills one drill dearer than agreed; it is
//! matched to the order, the price difference is accepted by accounting with a reason and the
//! invoice approved for payment; Italian, then English.

use crate::fatturapa::invoice_xml;
use crate::screens::{click_text, go, invoke, sign_in, sign_out, switch_language};
use crate::screens::{ADMIN, ADMIN_PASSWORD};
use crate::staff::{ok, text_now, wait_text};
use crate::support::{App, TIMEOUT};
use serde_json::json;
use std::path::Path;

const MANAGER: &str = "mrossi";
const MANAGER_PASSWORD: &str = "Magazzino-2026!";
const ACCOUNTANT: &str = "lverdi";
const ACCOUNTANT_PASSWORD: &str = "Contabilita-2026!";

fn as_user(app: &App, username: &str, password: &str) {
    sign_out(app);
    sign_in(app, username, password);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
}

fn status(app: &App, state: &str) {
    app.wait_for(
        &format!("[data-testid=order-status][data-status={state}]"),
        TIMEOUT,
    );
}

/// Closes the notifications so a screenshot shows what is under them.
fn quiet(app: &App) {
    app.execute(
        "document.querySelectorAll('.mantine-Notification-closeButton').forEach((b) => b.click()); return 1;",
        vec![],
    );
    std::thread::sleep(std::time::Duration::from_millis(400));
}

fn open_the_order(app: &App) {
    go(app, "purchasing");
    click_text(app, "[data-testid=purchasing-view]", "Ordini");
    app.click("[data-testid=order-row]");
    app.wait_for("[data-testid=order-status]", TIMEOUT);
}

/// From the order the chosen quote became (the administrator is signed in, the manager
/// `mrossi` exists): approval, print, a partial receipt; returns the order's number.
fn approve_print_and_receive(app: &App, order_pdf: &Path) -> String {
    switch_language(app, "IT");
    open_the_order(app);
    status(app, "draft");
    app.click("[data-testid=order-submit]");
    status(app, "pending_approval");
    // 6.300,00 € net is above the buyer's 1.000,00 €: a manager's to approve.
    let need = text_now(app, "[data-testid=order-approval-need]");
    assert!(need.contains("Responsabile"), "{need}");
    assert_eq!(app.count("[data-testid=order-approve]"), 0);
    let (id, version): (i64, i64) = app
        .db()
        .query_row("SELECT id, version FROM purchase_orders", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    // Neither sent nor received before it is approved, whatever the window shows.
    let refused = invoke(
        app,
        "move_order",
        json!({ "id": id, "version": version, "step": "mark_sent", "reason": null }),
    );
    assert_eq!(
        refused["err"]["params"]["reason"], "not_approved",
        "{refused}"
    );
    let line: i64 = crate::screens::count(app, "SELECT min(id) FROM purchase_order_lines");
    let today = crate::screens::today(app);
    let refused = invoke(
        app,
        "receive_order",
        json!({ "input": { "order_id": id, "received_on": today, "delivery_note": null,
            "delivery_note_date": null, "notes": null,
            "lines": [{ "order_line_id": line, "quantity": "1", "asset_category_id": null }] } }),
    );
    assert_eq!(
        refused["err"]["params"]["reason"], "not_approved",
        "{refused}"
    );
    assert_eq!(
        crate::screens::count(app, "SELECT count(*) FROM purchase_receipts"),
        0
    );
    app.screenshot("flow-order-waiting");

    as_user(app, MANAGER, MANAGER_PASSWORD);
    go(app, "purchasing");
    click_text(
        app,
        "[data-testid=orders-filters]",
        "In attesa della mia approvazione",
    );
    app.click("[data-testid=order-row][data-status=pending_approval]");
    app.click("[data-testid=order-approve]");
    status(app, "approved");
    let number: String = app
        .db()
        .query_row("SELECT number FROM purchase_orders", [], |r| r.get(0))
        .unwrap();
    wait_text(app, "[data-testid=page-title]", &number);
    app.screenshot("flow-order-approved");

    // The buyer prints it: the final copy, and the order is sent.
    as_user(app, ADMIN, ADMIN_PASSWORD);
    open_the_order(app);
    app.click("[data-testid=order-pdf]");
    app.wait_until("the order saved", TIMEOUT, || Ok(order_pdf.exists()));
    status(app, "sent");
    crate::audits::render_pages(order_pdf, "flow-order-pdf");
    let text = std::process::Command::new("pdftotext")
        .arg(order_pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    for w in [number.as_str(), "Utensili Bianchi", "Trapano a percussione"] {
        assert!(text.contains(w), "{w} in {text}");
    }

    // One drill of two and all the bits arrive.
    app.click("[data-testid=order-receive]");
    app.wait_for("[data-testid=receive-form]", TIMEOUT);
    app.type_text(
        "[data-testid=receive-form] input[name='lines.0.quantity']",
        "1",
    );
    app.type_text(
        "[data-testid=receive-form] input[name=delivery_note]",
        "DDT 77",
    );
    app.screenshot("flow-receive");
    app.click("[data-testid=receive-save]");
    app.wait_gone("[data-testid=receive-form]", TIMEOUT);
    status(app, "partly_received");
    wait_text(
        app,
        "[data-testid=order-line-row]:nth-child(1) [data-testid=order-line-back-order]",
        "inevaso 1",
    );
    number
}

/// The supplier's invoice for what arrived, one drill at 2.950 € where the order says 2.900 €:
/// imported, matched, the difference accepted by accounting and the invoice approved.
fn invoice_and_match(app: &App, number: &str, invoice: &Path) {
    ok(invoke(
        app,
        "create_user",
        json!({ "input": { "username": ACCOUNTANT, "full_name": "Laura Verdi",
            "password": ACCOUNTANT_PASSWORD, "roles": ["accounting"] } }),
    ));
    let today = crate::screens::today(app);
    let lines = [
        ("Trapano a percussione", 1, 295_000),
        ("Punte HSS", 100, 500),
    ];
    let xml = invoice_xml(
        ("Utensili Bianchi S.p.A.", "01114601006"),
        "FT-2026/118",
        &today,
        number,
        &lines,
    );
    std::fs::write(invoice, xml).unwrap();
    go(app, "purchasing");
    click_text(app, "[data-testid=purchasing-view]", "Fatture");
    app.click("[data-testid=invoice-import]");
    app.wait_for("[data-testid=import-invoice][data-verdict=ready]", TIMEOUT);
    let report = text_now(app, "[data-testid=import-invoice]");
    assert!(report.contains(number), "{report}");
    app.click("[data-testid=invoice-import-confirm]");
    app.wait_for("[data-testid=imported-invoice]", TIMEOUT);
    app.click("[data-testid=imported-invoice]");
    wait_text(app, "[data-testid=page-title]", "Fattura FT-2026/118");

    // Both lines find their order line from the reference; the drill's price is a difference.
    app.click("[data-testid=tab-match]");
    app.wait_for("[data-testid=match-pairing]", TIMEOUT);
    quiet(app);
    app.screenshot("flow-match-proposal");
    app.click("[data-testid=match-confirm]");
    app.wait_for(
        "[data-testid=match-difference][data-kind=price][data-state=open]",
        TIMEOUT,
    );
    assert_eq!(app.count("[data-testid=match-difference]"), 1);
    let price = text_now(app, "[data-testid=match-difference-text]");
    assert!(
        price.contains("2.950,00") && price.contains("2.900,00") && price.contains("+50,00"),
        "{price}"
    );
    assert_eq!(
        app.property("[data-testid=approve-for-payment]", "disabled"),
        json!(true)
    );
    quiet(app);
    app.screenshot("flow-match-difference");

    as_user(app, ACCOUNTANT, ACCOUNTANT_PASSWORD);
    go(app, "purchasing");
    click_text(app, "[data-testid=purchasing-view]", "Fatture");
    app.click("[data-testid=invoice-row]");
    wait_text(app, "[data-testid=page-title]", "Fattura FT-2026/118");
    app.click("[data-testid=tab-match]");
    app.click("[data-testid=accept-difference]");
    app.wait_for("[data-testid=accept-reason]", TIMEOUT);
    app.type_text(
        "[data-testid=accept-reason]",
        "Listino aggiornato dal fornitore, accettato dall'ufficio acquisti",
    );
    app.click("[data-testid=accept-save]");
    app.wait_for(
        "[data-testid=match-difference][data-state=accepted]",
        TIMEOUT,
    );
    app.wait_until("approval enabled", TIMEOUT, || {
        Ok(app.property("[data-testid=approve-for-payment]", "disabled") == json!(false))
    });
    app.click("[data-testid=approve-for-payment]");
    app.wait_for("[data-testid=match-approved]", TIMEOUT);
    assert_eq!(
        crate::screens::count(
            app,
            "SELECT count(*) FROM supplier_invoices WHERE status = 'approved_for_payment'"
        ),
        1
    );
    quiet(app);
    app.screenshot("flow-match-approved");

    switch_language(app, "EN");
    app.wait_until("the match in English", TIMEOUT, || {
        Ok(text_now(app, "[data-testid=match-approved]").contains("Approved for payment by"))
    });
    quiet(app);
    app.screenshot("flow-match-approved-en");
}

/// Everything after the quotes, in order.
pub(crate) fn from_order_to_payment(app: &App, order_pdf: &Path, invoice: &Path) {
    let number = approve_print_and_receive(app, order_pdf);
    invoice_and_match(app, &number, invoice);
}
