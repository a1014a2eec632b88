//! Receiving end to end, in the real window: an order approved by a manager is received in part
//! (two laptops become IT assets, four of ten toners arrive), its back order shows on the order
//! and in "orders to receive" (late), too many toners are refused with the line and the most
//! that may still arrive, the receipt is reversed with a reason (the assets retired), and the
//! same in English; the receipt list at the end.

use crate::screens::{
    choose_option, click_text, go, invoke, set_up, sign_in, sign_out, switch_language,
    wait_field_error, ADMIN, ADMIN_PASSWORD,
};
use crate::staff::{ok, text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::{json, Value};

const MANAGER: &str = "mrossi";
const MANAGER_PASSWORD: &str = "Magazzino-2026!";

/// Replaces the input's text with real key presses (an empty text empties it).
fn set_input(app: &App, css: &str, text: &str) {
    app.type_text(css, text);
}

/// A screenshot with the order's receipts in view, then back to the page's top (its actions).
fn shot_with_receipts(app: &App, step: &str) {
    let into_view = |css: &str| {
        app.execute(
            "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' });",
            vec![json!(css)],
        );
    };
    into_view("[data-testid=order-receipts]");
    app.screenshot(step);
    into_view("[data-testid=page-title]");
}

fn line(row: usize) -> String {
    format!("[data-testid=receive-form] input[name='lines.{row}.quantity']")
}

fn order_line(description: &str, category: Option<i64>, qty: i64, euros: i64) -> Value {
    json!({ "item_code": null, "description": description, "category_id": category,
        "unit": "pz", "quantity": qty * 1000, "unit_price": euros * 10_000, "discount_bp": 0,
        "vat_rate_bp": 2200, "nature": null })
}

/// A supplier, a manager and an order of two laptops (IT hardware) and ten toners, due three
/// days ago, raised by the administrator and approved by the manager.
fn approved_order(app: &App) -> i64 {
    let supplier = ok(invoke(
        app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Informatica Bianchi S.r.l.",
            "vat_number": "00488410010", "fiscal_code": null, "street": "Via Torino 12",
            "postcode": "20123", "city": "Milano", "province": "MI", "country": null,
            "email": null, "pec": null, "sdi_code": "M5UXCR1", "phone": null, "website": null,
            "iban": null, "payment_terms": "30 gg DFFM", "rating": 4, "notes": null,
            "category_ids": [] } }),
    ));
    let categories = ok(invoke(
        app,
        "list_purchase_categories",
        json!({ "includeInactive": false }),
    ));
    let it_hardware = categories
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == "it_hardware")
        .unwrap()["id"]
        .as_i64();
    ok(invoke(
        app,
        "create_user",
        json!({ "input": { "username": MANAGER, "full_name": "Mario Rossi",
            "password": MANAGER_PASSWORD, "roles": ["manager"] } }),
    ));
    let due: String = app
        .db()
        .query_row("SELECT date('now', 'localtime', '-3 days')", [], |r| {
            r.get(0)
        })
        .unwrap();
    let order = ok(invoke(
        app,
        "save_order",
        json!({ "id": null, "version": 0, "input": { "supplier_id": supplier["id"],
            "department_id": null, "currency": null, "exchange_rate": null,
            "delivery_address": "Via Roma 1, Milano", "delivery_date": due,
            "payment_terms": "30 gg DFFM", "notes": null, "lines": [
                order_line("Portatile Latitude 5440", it_hardware, 2, 850),
                order_line("Toner HP 26A", None, 10, 45),
            ] } }),
    ));
    let id = order["id"].as_i64().unwrap();
    ok(invoke(
        app,
        "move_order",
        json!({ "id": id, "version": order["version"], "step": "submit", "reason": null }),
    ));
    // 2.150 € net: a manager approves it, not the person who raised it.
    sign_out(app);
    sign_in(app, MANAGER, MANAGER_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    let version: i64 = app
        .db()
        .query_row(
            "SELECT version FROM purchase_orders WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap();
    ok(invoke(
        app,
        "move_order",
        json!({ "id": id, "version": version, "step": "approve", "reason": null }),
    ));
    sign_out(app);
    sign_in(app, ADMIN, ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    id
}

fn count(app: &App, sql: &str) -> i64 {
    crate::screens::count(app, sql)
}

fn status(app: &App, state: &str) {
    app.wait_for(
        &format!("[data-testid=order-status][data-status={state}]"),
        TIMEOUT,
    );
}

fn back_order(app: &App, row: usize) -> String {
    text_now(
        app,
        &format!(
            "[data-testid=order-line-row]:nth-child({row}) [data-testid=order-line-back-order]"
        ),
    )
}

#[test]
fn goods_arrive_in_part_too_many_are_refused_and_a_receipt_is_reversed() {
    let app = App::launch_with("purchasing_receiving", Launch::italian());
    set_up(&app);
    let order = approved_order(&app);

    // The approved order waits for its goods, late.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Ordini da ricevere");
    app.wait_for("[data-testid=to-receive-row][data-late=true]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=to-receive-remaining]").contains("2.150,00"));
    app.screenshot("to-receive");

    // Two laptops (each an asset) and four toners arrive.
    app.click("[data-testid=to-receive-row]");
    status(&app, "approved");
    app.click("[data-testid=order-receive]");
    app.wait_for("[data-testid=receive-form]", TIMEOUT);
    let category = "[data-testid=receive-form] input[data-testid=receive-line-asset-category]";
    app.click(category);
    choose_option(&app, category, "Portatile");
    set_input(&app, &line(1), "4");
    app.type_text(
        "[data-testid=receive-form] input[name=delivery_note]",
        "2026/118",
    );
    app.screenshot("receive-form");
    app.click("[data-testid=receive-save]");
    app.wait_gone("[data-testid=receive-form]", TIMEOUT);
    status(&app, "partly_received");
    wait_text(
        &app,
        "[data-testid=order-line-row]:nth-child(2) [data-testid=order-line-back-order]",
        "inevaso 6",
    );
    assert_eq!(back_order(&app, 1), "completo");
    let receipts = text_now(&app, "[data-testid=order-receipts]");
    assert!(
        receipts.contains("NB-00001, NB-00002") && receipts.contains("2026/118"),
        "{receipts}"
    );
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM assets WHERE status = 'in_stock' AND order_number IS NOT NULL"
        ),
        2
    );
    shot_with_receipts(&app, "order-partly-received");

    // Seven toners when six are missing: refused at the line, with the most that may arrive.
    app.click("[data-testid=order-receive]");
    app.wait_for("[data-testid=receive-form]", TIMEOUT);
    assert_eq!(
        app.count("[data-testid=receive-line]"),
        1,
        "only the open line"
    );
    set_input(&app, &line(0), "7");
    app.click("[data-testid=receive-save]");
    let error = wait_field_error(&app, &line(0));
    assert!(
        error.contains("Riga 2") && error.contains("al massimo altri 6"),
        "{error}"
    );
    app.screenshot("receive-too-much");
    assert_eq!(count(&app, "SELECT count(*) FROM purchase_receipts"), 1);
    click_text(&app, "[data-testid=receive-form]", "Annulla");
    app.wait_gone("[data-testid=receive-form]", TIMEOUT);

    // Reversed with a reason: the goods are owed again and the laptops leave the inventory.
    app.click("[data-testid=receipt-reverse]");
    app.wait_for("[data-testid=receipt-reason]", TIMEOUT);
    app.click("[data-testid=receipt-reverse-confirm]");
    let error = wait_field_error(&app, "[data-testid=receipt-reason]");
    assert!(!error.is_empty());
    app.type_text(
        "[data-testid=receipt-reason]",
        "Merce danneggiata nel trasporto",
    );
    app.click("[data-testid=receipt-reverse-confirm]");
    app.wait_for("[data-testid=receipt][data-reversed=true]", TIMEOUT);
    status(&app, "sent");
    assert!(text_now(&app, "[data-testid=receipt-reversal]").contains("Merce danneggiata"));
    wait_text(
        &app,
        "[data-testid=order-line-row]:nth-child(2) [data-testid=order-line-back-order]",
        "inevaso 10",
    );
    assert_eq!(
        count(&app, "SELECT count(*) FROM assets WHERE status = 'retired'"),
        2
    );
    assert_eq!(
        count(&app, "SELECT sum(received) FROM purchase_order_lines"),
        0
    );
    shot_with_receipts(&app, "receipt-reversed");

    // In English: twelve toners are refused, ten arrive; the laptops stay on back order.
    switch_language(&app, "EN");
    wait_text(
        &app,
        "[data-testid=order-line-row]:nth-child(1) [data-testid=order-line-back-order]",
        "back order 2",
    );
    app.click("[data-testid=order-receive]");
    app.wait_for("[data-testid=receive-form]", TIMEOUT);
    set_input(&app, &line(0), "");
    set_input(&app, &line(1), "12");
    app.click("[data-testid=receive-save]");
    let error = wait_field_error(&app, &line(1));
    assert!(
        error.contains("Line 2") && error.contains("at most 10 more"),
        "{error}"
    );
    app.screenshot("receive-too-much-en");
    set_input(&app, &line(1), "10");
    app.click("[data-testid=receive-save]");
    app.wait_gone("[data-testid=receive-form]", TIMEOUT);
    status(&app, "partly_received");
    wait_text(
        &app,
        "[data-testid=order-line-row]:nth-child(2) [data-testid=order-line-back-order]",
        "complete",
    );
    assert_eq!(back_order(&app, 1), "back order 2");
    shot_with_receipts(&app, "order-received-en");

    // The laptops will not come: the order is closed short, saying why.
    app.click("[data-testid=order-close]");
    app.click("[data-testid=order-close-confirm]");
    assert!(!wait_field_error(&app, "[data-testid=order-close-reason]").is_empty());
    app.type_text(
        "[data-testid=order-close-reason]",
        "Model discontinued by the supplier",
    );
    app.click("[data-testid=order-close-confirm]");
    status(&app, "closed");
    assert!(text_now(&app, "[data-testid=order-status-reason]").contains("Model discontinued"));
    assert_eq!(app.count("[data-testid=order-receive]"), 0);
    assert_eq!(app.count("[data-testid=receipt-reverse]"), 0);
    app.screenshot("order-closed-en");

    app.click("[data-testid=back-to-orders]");
    click_text(&app, "[data-testid=purchasing-view]", "Receipts");
    app.wait_until("two receipts", TIMEOUT, || {
        Ok(app.count("[data-testid=receipt-row]") == 2)
    });
    assert_eq!(app.count("[data-testid=receipt-status]"), 2);
    app.screenshot("receipts-en");
    assert_eq!(
        count(
            &app,
            &format!("SELECT count(*) FROM purchase_receipts WHERE order_id = {order}")
        ),
        2
    );

    // The supplier's page shows how it delivered, computed from the receipts: the one delivery
    // still counting came three days after the date asked for.
    click_text(&app, "[data-testid=purchasing-view]", "Suppliers");
    app.click("[data-testid=supplier-row]");
    app.wait_until("the delivery year", TIMEOUT, || {
        Ok(app.count("[data-testid=performance-year]") == 1)
    });
    let year = text_now(&app, "[data-testid=performance-year]");
    assert!(year.contains("0 %") && year.contains("3 days"), "{year}");
    app.screenshot("supplier-performance-en");
}
