//! The three-way match end to end, in the real window: an order approved by a manager and
//! received in full; a FatturaPA invoice referring to it, imported through the open dialog, bills
//! one line at a higher price. The buyer opens the invoice's match, confirms the suggested order
//! line and sees the price difference in words; accounting accepts it with a reason and approves
//! the invoice for payment; the page in English at the end.

use crate::fatturapa::invoice_xml;
use crate::screens::{click_text, go, invoke, set_up, sign_in, sign_out, switch_language};
use crate::screens::{ADMIN, ADMIN_PASSWORD};
use crate::staff::{ok, text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

const MANAGER: &str = "mrossi";
const MANAGER_PASSWORD: &str = "Magazzino-2026!";
pub(crate) const ACCOUNTANT: &str = "lverdi";
pub(crate) const ACCOUNTANT_PASSWORD: &str = "Contabilita-2026!";

fn user(app: &App, username: &str, full_name: &str, password: &str, role: &str) {
    ok(invoke(
        app,
        "create_user",
        json!({ "input": { "username": username, "full_name": full_name,
            "password": password, "roles": [role] } }),
    ));
}

fn version(app: &App, table: &str, id: i64) -> i64 {
    app.db()
        .query_row(
            &format!("SELECT version FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

pub(crate) fn as_user(app: &App, username: &str, password: &str) {
    sign_out(app);
    sign_in(app, username, password);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
}

/// The supplier, an order of ten boxes of screws at 120 € raised by the administrator and
/// approved by the manager, received in full; returns the order's number.
pub(crate) fn received_order(app: &App) -> String {
    let supplier = ok(invoke(
        app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Ferramenta Rossi S.r.l.",
            "vat_number": "00488410010", "fiscal_code": null, "street": "Via Torino 12",
            "postcode": "20123", "city": "Milano", "province": "MI", "country": null,
            "email": null, "pec": null, "sdi_code": "M5UXCR1", "phone": null, "website": null,
            "iban": null, "payment_terms": "30 gg DFFM", "rating": 4, "notes": null,
            "category_ids": [] } }),
    ));
    user(app, MANAGER, "Mario Rossi", MANAGER_PASSWORD, "manager");
    user(
        app,
        ACCOUNTANT,
        "Laura Verdi",
        ACCOUNTANT_PASSWORD,
        "accounting",
    );
    let order = ok(invoke(
        app,
        "save_order",
        json!({ "id": null, "version": 0, "input": { "supplier_id": supplier["id"],
            "department_id": null, "currency": null, "exchange_rate": null,
            "delivery_address": null, "delivery_date": null, "payment_terms": null,
            "notes": null, "lines": [{ "item_code": null, "description": "Viti M6 inox (conf. 100)",
                "category_id": null, "unit": "pz", "quantity": 10_000, "unit_price": 1_200_000,
                "discount_bp": 0, "vat_rate_bp": 2200, "nature": null }] } }),
    ));
    let id = order["id"].as_i64().unwrap();
    ok(invoke(
        app,
        "move_order",
        json!({ "id": id, "version": order["version"], "step": "submit", "reason": null }),
    ));
    as_user(app, MANAGER, MANAGER_PASSWORD);
    ok(invoke(
        app,
        "move_order",
        json!({ "id": id, "version": version(app, "purchase_orders", id),
            "step": "approve", "reason": null }),
    ));
    as_user(app, ADMIN, ADMIN_PASSWORD);
    let (line, number): (i64, String) = app
        .db()
        .query_row(
            "SELECT l.id, o.number FROM purchase_order_lines l
             JOIN purchase_orders o ON o.id = l.order_id WHERE o.id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let today = crate::screens::today(app);
    ok(invoke(
        app,
        "receive_order",
        json!({ "input": { "order_id": id, "received_on": today, "delivery_note": "DDT 41",
            "delivery_note_date": null, "notes": null,
            "lines": [{ "order_line_id": line, "quantity": "10", "asset_category_id": null }] } }),
    ));
    number
}

/// Closes the notifications so a screenshot shows the buttons under them.
pub(crate) fn quiet(app: &App) {
    app.execute(
        "document.querySelectorAll('.mantine-Notification-closeButton').forEach((b) => b.click()); return 1;",
        vec![],
    );
    std::thread::sleep(std::time::Duration::from_millis(400));
}

pub(crate) fn open_match_tab(app: &App) {
    app.click("[data-testid=tab-match]");
    app.wait_for("[data-testid=match-pairing]", TIMEOUT);
}

#[test]
fn an_invoice_is_matched_its_price_difference_accepted_and_approved_for_payment() {
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("IT00488410010_FT77.xml");
    let app = App::launch_with(
        "purchasing_match",
        Launch::italian().dialog_answers(files.path(), std::slice::from_ref(&path)),
    );
    set_up(&app);
    let number = received_order(&app);
    let today = crate::screens::today(&app);
    // Ten boxes of screws at 125 € where the order says 120 €.
    let xml = invoice_xml(
        ("Ferramenta Rossi S.r.l.", "00488410010"),
        "FT-77",
        &today,
        &number,
        &[("Viti M6 inox (conf. 100)", 10, 12_500)],
    );
    std::fs::write(&path, xml).unwrap();

    // Import the invoice through the open dialog.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Da fatturare");
    app.wait_for("[data-testid=to-invoice-row]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=to-invoice-amount]").contains("1.200,00"));
    app.screenshot("to-invoice");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    app.click("[data-testid=invoice-import]");
    app.wait_for("[data-testid=import-invoice][data-verdict=ready]", TIMEOUT);
    app.click("[data-testid=invoice-import-confirm]");
    app.wait_for("[data-testid=imported-invoice]", TIMEOUT);
    app.click("[data-testid=imported-invoice]");
    wait_text(&app, "[data-testid=page-title]", "Fattura FT-77");

    // The buyer's side: the suggested order line, confirmed; the price difference in words.
    open_match_tab(&app);
    let figures = text_now(&app, "[data-testid=match-order-figures]");
    assert!(
        figures.contains("ordinati 10, ricevuti 10, fatturati da altri documenti 0"),
        "{figures}"
    );
    let chosen = app.property("[data-testid=match-select]", "value");
    assert!(
        chosen.as_str().unwrap_or_default().contains(&number),
        "{chosen:?}"
    );
    quiet(&app);
    app.screenshot("match-proposal");
    app.click("[data-testid=match-confirm]");
    app.wait_for(
        "[data-testid=match-difference][data-kind=price][data-state=open]",
        TIMEOUT,
    );
    let price = text_now(&app, "[data-testid=match-difference-text]");
    assert!(
        price.contains("Prezzo 125,00") && price.contains("120,00") && price.contains("+50,00"),
        "{price}"
    );
    // Approving needs the difference resolved first: the button says so by being off.
    assert_eq!(
        app.property("[data-testid=approve-for-payment]", "disabled"),
        json!(true)
    );
    assert!(text_now(&app, "[data-testid=match-waits]").contains("1 differenza"));
    quiet(&app);
    app.screenshot("match-difference");

    // Accounting accepts it with a reason and approves the invoice for payment.
    as_user(&app, ACCOUNTANT, ACCOUNTANT_PASSWORD);
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Fatture");
    app.wait_for("[data-testid=invoice-open-differences]", TIMEOUT);
    app.screenshot("invoices-with-differences");
    app.click("[data-testid=invoice-row]");
    wait_text(&app, "[data-testid=page-title]", "Fattura FT-77");
    open_match_tab(&app);
    app.wait_for("[data-testid=accept-difference]", TIMEOUT);
    app.click("[data-testid=accept-difference]");
    app.wait_for("[data-testid=accept-reason]", TIMEOUT);
    // An empty reason is refused beside the field.
    app.click("[data-testid=accept-save]");
    app.wait_until("the reason required", TIMEOUT, || {
        Ok(text_now(&app, ".mantine-Modal-content").contains("Obbligatorio"))
    });
    app.type_text(
        "[data-testid=accept-reason]",
        "Aumento listino concordato al telefono con il fornitore",
    );
    app.screenshot("accept-reason");
    app.click("[data-testid=accept-save]");
    app.wait_for(
        "[data-testid=match-difference][data-state=accepted]",
        TIMEOUT,
    );
    assert!(text_now(&app, "[data-testid=match-difference-accepted]").contains("Laura Verdi"));
    // Home now lists the invoice for accounting, and opens its match from there.
    go(&app, "home");
    app.wait_until("the invoice on the attention list", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=attention-items]")
            .contains("Fattura da approvare per il pagamento"))
    });
    app.screenshot("home-invoice-to-approve");
    app.click("[data-testid=attention-open-invoice]");
    app.wait_for("[data-testid=approve-for-payment]", TIMEOUT);
    app.wait_until("approval enabled", TIMEOUT, || {
        Ok(app.property("[data-testid=approve-for-payment]", "disabled") == json!(false))
    });
    app.click("[data-testid=approve-for-payment]");
    app.wait_for("[data-testid=match-approved]", TIMEOUT);
    app.wait_for(
        "[data-testid=invoice-status][data-status=approved_for_payment]",
        TIMEOUT,
    );
    assert_eq!(
        crate::screens::count(
            &app,
            "SELECT count(*) FROM supplier_invoices WHERE status = 'approved_for_payment'"
        ),
        1
    );
    assert_eq!(
        crate::screens::count(&app, "SELECT invoiced FROM purchase_order_lines"),
        10_000
    );
    quiet(&app);
    app.screenshot("match-approved");

    switch_language(&app, "EN");
    app.wait_until("the match in English", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=match-difference-text]").contains("on the order"))
    });
    assert!(text_now(&app, "[data-testid=match-approved]").contains("Approved for payment by"));
    quiet(&app);
    app.screenshot("match-approved-en");

    // The administrator sets the general tolerances beside the approval tiers; the supplier's
    // page shows its mismatches at match and its own tolerances.
    as_user(&app, ADMIN, ADMIN_PASSWORD);
    go(&app, "purchasing");
    switch_language(&app, "EN");
    click_text(&app, "[data-testid=purchasing-view]", "Rules");
    app.wait_for("[data-testid=match-tolerances-save]", TIMEOUT);
    app.type_text("[data-testid=match-tolerances-price]", "5");
    app.click("[data-testid=match-tolerances-save]");
    app.wait_until("the tolerances saved", TIMEOUT, || {
        Ok(crate::screens::count(
            &app,
            "SELECT count(*) FROM purchasing_rules WHERE match_price_bp = 500",
        ) == 1)
    });
    app.execute(
        "document.querySelector('[data-testid=match-tolerances]').scrollIntoView({ block: 'center' }); return 1;",
        vec![],
    );
    quiet(&app);
    app.screenshot("match-tolerances-en");
    let supplier: i64 = crate::screens::count(&app, "SELECT id FROM suppliers");
    ok(invoke(
        &app,
        "supplier_match_years",
        json!({ "supplierId": supplier }),
    ));
    click_text(&app, "[data-testid=purchasing-view]", "Suppliers");
    app.wait_for("[data-testid=supplier-row]", TIMEOUT);
    app.click("[data-testid=supplier-row]");
    app.wait_for("[data-testid=mismatch-year]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=mismatch-year]").contains("100 %"));
    app.execute(
        "document.querySelector('[data-testid=supplier-mismatches]').scrollIntoView({ block: 'center' }); return 1;",
        vec![],
    );
    app.screenshot("supplier-mismatches-en");
}
