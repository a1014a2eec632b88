//! A supplier's price list end to end, in the real window: a price whose validity ends before
//! it starts is refused beside the field, two price breaks are entered, and a new order's line
//! takes the break for its quantity from the list; Italian, then English.

use crate::screens::{
    choose_option, click_text, go, invoke, set_up, switch_language, wait_field_error,
};
use crate::staff::{ok, text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

fn price_field(name: &str) -> String {
    format!("[data-testid=price-form] input[name={name}]")
}

fn price_date(field: &str) -> String {
    format!("[data-testid=price-form] input[data-field={field}]")
}

fn line_value(app: &App, field: &str) -> String {
    app.property(
        &format!("[data-testid=order-form] input[name='lines.0.{field}']"),
        "value",
    )
    .as_str()
    .unwrap_or("")
    .to_owned()
}

/// Fills the price form and saves it; the form closes when the core accepts it.
fn enter_price(app: &App, code: &str, description: &str, price: &str, from_qty: &str) {
    app.click("[data-testid=price-add]");
    app.wait_for("[data-testid=price-form]", TIMEOUT);
    app.type_text(&price_field("item_code"), code);
    app.type_text(&price_field("description"), description);
    app.type_text(&price_field("unit_price"), price);
    app.type_text(&price_field("min_quantity"), from_qty);
    app.type_text(&price_date("valid_from"), "01/01/2026");
    app.type_text(&price_date("valid_to"), "31/12/2026");
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    app.click("[data-testid=price-save]");
    app.wait_gone("[data-testid=price-form]", TIMEOUT);
}

#[test]
fn an_order_line_takes_the_suppliers_price_for_its_quantity() {
    let app = App::launch_with("purchasing_prices", Launch::italian());
    set_up(&app);
    let supplier = ok(invoke(
        &app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Cartoleria Milanese S.r.l.",
            "vat_number": "00488410010", "fiscal_code": null, "street": "Via Torino 12",
            "postcode": "20123", "city": "Milano", "province": "MI", "country": null,
            "email": null, "pec": null, "sdi_code": "M5UXCR1", "phone": null, "website": null,
            "iban": null, "payment_terms": "30 gg DFFM", "rating": 4, "notes": null,
            "category_ids": [] } }),
    ));
    assert!(supplier["id"].as_i64().is_some());

    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Fornitori");
    app.click("[data-testid=supplier-row]");
    wait_text(
        &app,
        "[data-testid=page-title]",
        "Cartoleria Milanese S.r.l.",
    );
    app.click("[data-testid=tab-prices]");
    app.wait_for("[data-testid=prices-empty]", TIMEOUT);

    // A validity that ends before it starts is refused beside the field; nothing is stored.
    app.click("[data-testid=price-add]");
    app.wait_for("[data-testid=price-form]", TIMEOUT);
    app.type_text(&price_field("item_code"), "TN-247");
    app.type_text(&price_field("description"), "Toner nero TN-247");
    app.type_text(&price_field("unit_price"), "45,50");
    app.type_text(&price_date("valid_from"), "01/07/2026");
    app.type_text(&price_date("valid_to"), "30/06/2026");
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    app.click("[data-testid=price-save]");
    let err = wait_field_error(&app, &price_date("valid_to"));
    assert!(err.contains("inizio"), "{err}");
    app.screenshot("price-form-error");
    assert_eq!(
        app.db()
            .query_row("SELECT count(*) FROM supplier_prices", [], |r| r
                .get::<_, i64>(0))
            .unwrap(),
        0
    );
    click_text(&app, "[data-testid=price-form] button", "Annulla");
    app.wait_gone("[data-testid=price-form]", TIMEOUT);

    // One piece at 45,50 €; from ten pieces 41,00 €.
    enter_price(&app, "TN-247", "Toner nero TN-247", "45,50", "0");
    enter_price(&app, "TN-247", "Toner nero TN-247", "41", "10");
    app.wait_until("two prices listed", TIMEOUT, || {
        Ok(app.count("[data-testid=price-row]") == 2)
    });
    let list = text_now(&app, "[data-testid=prices-table]");
    assert!(list.contains("45,50") && list.contains("41,00"), "{list}");
    app.screenshot("supplier-price-list");

    // A new order for 12 toners: the list gives the ten-piece price.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Ordini");
    app.click("[data-testid=order-new]");
    app.wait_for("[data-testid=order-form]", TIMEOUT);
    app.type_text(
        "[data-testid=order-form] input[data-testid=order-supplier]",
        "Carto",
    );
    choose_option(
        &app,
        "[data-testid=order-form] input[data-testid=order-supplier]",
        "Cartoleria Milanese S.r.l.",
    );
    app.type_text(
        "[data-testid=order-form] input[name='lines.0.quantity']",
        "12",
    );
    app.click("[data-testid=order-line-price-list]");
    app.wait_for("[data-testid=price-picker]", TIMEOUT);
    app.type_text("[data-testid=price-picker-search]", "toner");
    app.wait_until("the toner offered", TIMEOUT, || {
        Ok(app.count("[data-testid=price-suggestion]") == 1
            && text_now(&app, "[data-testid=price-suggestion]").contains("41,00"))
    });
    app.screenshot("order-price-picker");
    app.click("[data-testid=price-suggestion-use]");
    app.wait_until("the line filled from the list", TIMEOUT, || {
        Ok(line_value(&app, "description") == "Toner nero TN-247")
    });
    assert_eq!(line_value(&app, "item_code"), "TN-247");
    assert_eq!(line_value(&app, "unit_price"), "41");
    app.screenshot("order-line-from-price-list");
    app.click("[data-testid=order-save]");
    app.wait_gone("[data-testid=order-form]", TIMEOUT);
    // 12 × 41,00 = 492,00 net, 108,24 VAT.
    app.wait_until("the order's total", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=order-total]").contains("600,24"))
    });

    // The header's search finds the draft by what it buys, and opens it.
    app.type_text("[data-testid=global-search]", "toner nero");
    app.wait_until("the order among the hits", TIMEOUT, || {
        Ok(app.count("[data-testid=search-hit]") == 1
            && text_now(&app, "[data-testid=search-hit]").contains("Toner nero TN-247"))
    });
    app.screenshot("global-search-order");
    app.click("[data-testid=search-hit]");
    wait_text(
        &app,
        "[data-testid=page-title]",
        "Ordine non ancora numerato",
    );

    // The list's amount filter: above 1.000 € nothing, from 500 € the order.
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Ordini");
    app.wait_for("[data-testid=order-row]", TIMEOUT);
    app.click("[data-testid=order-more-filters]");
    app.type_text("[data-testid=order-min-total]", "1000");
    app.wait_for("[data-testid=orders-empty]", TIMEOUT);
    app.screenshot("orders-filtered-empty");
    app.type_text("[data-testid=order-min-total]", "500");
    app.wait_until("the order back in the list", TIMEOUT, || {
        Ok(app.count("[data-testid=order-row]") == 1)
    });
    app.screenshot("orders-filtered");
    // The list's search: a word of a line as typed so far, then a word no order has.
    app.type_text("[data-testid=order-search]", "TONER n");
    app.wait_until("the order found by its line", TIMEOUT, || {
        Ok(app.count("[data-testid=order-row]") == 1)
    });
    app.type_text("[data-testid=order-search]", "trapano");
    app.wait_for("[data-testid=orders-empty]", TIMEOUT);
    app.screenshot("orders-searched-empty");

    // The same screens in English.
    switch_language(&app, "EN");
    go(&app, "purchasing");
    click_text(&app, "[data-testid=purchasing-view]", "Suppliers");
    app.click("[data-testid=supplier-row]");
    app.click("[data-testid=tab-prices]");
    app.wait_until("the list in English", TIMEOUT, || {
        let t = text_now(&app, "[data-testid=prices-table]");
        Ok(t.contains("€41.00") && t.contains("From quantity"))
    });
    app.screenshot("supplier-price-list-en");
}
