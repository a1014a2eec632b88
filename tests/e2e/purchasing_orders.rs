//! A purchase order end to end, in the real window: raised by the administrator with two lines
//! at two VAT rates, sent for approval, refused when asked to go out unapproved, approved by a
//! manager who finds it among the orders waiting for them, numbered at approval; both languages.

use crate::screens::{
    choose_option, click_text, go, invoke, set_up, sign_in, sign_out, switch_language,
};
use crate::staff::{ok, text_now, wait_text};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

fn line_input(app: &App, row: usize, field: &str, text: &str) {
    app.type_checked(
        &format!("[data-testid=order-form] input[name='lines.{row}.{field}']"),
        text,
    );
}

#[test]
fn an_order_waits_for_its_approval_and_gets_its_number() {
    let out = tempfile::tempdir().unwrap();
    let draft_pdf = out.path().join("ordine-bozza.pdf");
    let final_pdf = out.path().join("OA-finale.pdf");
    let app = App::launch_with(
        "purchasing_orders",
        Launch::italian().dialog_answers(out.path(), &[&draft_pdf, &final_pdf]),
    );
    set_up(&app);
    ok(invoke(
        &app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Ferramenta Rossi S.r.l.",
            "vat_number": "00488410010", "fiscal_code": null, "street": "Via Torino 12",
            "postcode": "20123", "city": "Milano", "province": "MI", "country": null,
            "email": null, "pec": null, "sdi_code": "M5UXCR1", "phone": null, "website": null,
            "iban": null, "payment_terms": "30 gg DFFM", "rating": 4, "notes": null,
            "category_ids": [] } }),
    ));
    ok(invoke(
        &app,
        "create_user",
        json!({ "input": { "username": "mrossi", "full_name": "Mario Rossi",
            "password": "Magazzino-2026!", "roles": ["manager"] } }),
    ));

    go(&app, "purchasing");
    app.wait_for("[data-testid=orders-empty]", TIMEOUT);
    app.screenshot("orders-empty");

    // Two lines, 22 % and 10 %: 4 × 1.150,00 € and 10 × 35,50 € with 5 % off.
    app.click("[data-testid=order-new]");
    app.wait_for("[data-testid=order-form]", TIMEOUT);
    app.type_text(
        "[data-testid=order-form] input[data-testid=order-supplier]",
        "Ferr",
    );
    choose_option(
        &app,
        "[data-testid=order-form] input[data-testid=order-supplier]",
        "Ferramenta Rossi S.r.l.",
    );
    line_input(&app, 0, "item_code", "BL-200");
    line_input(&app, 0, "description", "Banco da lavoro in acciaio");
    line_input(&app, 0, "quantity", "4");
    line_input(&app, 0, "unit_price", "1150");
    app.click("[data-testid=order-add-line]");
    line_input(&app, 1, "description", "Manuale di sicurezza");
    line_input(&app, 1, "quantity", "10");
    line_input(&app, 1, "unit_price", "35,5");
    line_input(&app, 1, "discount_bp", "5");
    let vat = "[data-testid=order-form] [data-testid=order-line]:nth-child(2) input[data-testid=order-line-vat]";
    app.click(vat);
    choose_option(&app, vat, "10 %");
    // The payment terms came from the supplier's card.
    wait_text_value(
        &app,
        "[data-testid=order-form] input[name=payment_terms]",
        "30 gg DFFM",
    );
    app.screenshot("order-form");
    app.click("[data-testid=order-save]");
    app.wait_gone("[data-testid=order-form]", TIMEOUT);
    wait_text(
        &app,
        "[data-testid=page-title]",
        "Ordine non ancora numerato",
    );
    // 4.600,00 at 22 % (1.012,00) + 337,25 at 10 % (33,73 rounded from 33,725) = 5.982,98.
    let total = text_now(&app, "[data-testid=order-total]");
    assert!(total.contains("5.982,98"), "{total}");
    let summary = text_now(&app, "[data-testid=order-vat-summary]");
    assert!(
        summary.contains("1.012,00") && summary.contains("33,73"),
        "{summary}"
    );
    app.screenshot("order-draft");

    // Sent for approval: 4.937,25 € net is a manager's to approve.
    app.click("[data-testid=order-submit]");
    app.wait_for(
        "[data-testid=order-status][data-status=pending_approval]",
        TIMEOUT,
    );
    let need = text_now(&app, "[data-testid=order-approval-need]");
    assert!(need.contains("Responsabile"), "{need}");
    assert_eq!(
        app.count("[data-testid=order-approve]"),
        0,
        "the requester cannot approve"
    );
    // Going out unapproved is refused by the core, whatever the window shows.
    let id: i64 = app
        .db()
        .query_row("SELECT id FROM purchase_orders", [], |r| r.get(0))
        .unwrap();
    let version: i64 = app
        .db()
        .query_row("SELECT version FROM purchase_orders", [], |r| r.get(0))
        .unwrap();
    let refused = invoke(
        &app,
        "move_order",
        json!({ "id": id, "version": version, "step": "mark_sent", "reason": null }),
    );
    assert_eq!(
        refused["err"]["params"]["reason"], "not_approved",
        "{refused}"
    );
    app.screenshot("order-pending");
    // Printed while it waits: a DRAFT copy, and nothing changes.
    app.click("[data-testid=order-pdf]");
    app.wait_until("the draft copy saved", TIMEOUT, || Ok(draft_pdf.exists()));
    crate::audits::render_pages(&draft_pdf, "order-draft-pdf");
    app.wait_for(
        "[data-testid=order-status][data-status=pending_approval]",
        TIMEOUT,
    );

    // The manager finds it among the orders waiting for them and approves it.
    sign_out(&app);
    sign_in(&app, "mrossi", "Magazzino-2026!");
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "purchasing");
    click_text(
        &app,
        "[data-testid=orders-filters]",
        "In attesa della mia approvazione",
    );
    app.wait_for(
        "[data-testid=order-row][data-status=pending_approval]",
        TIMEOUT,
    );
    app.screenshot("orders-waiting");
    app.click("[data-testid=order-row]");
    app.click("[data-testid=order-approve]");
    app.wait_for("[data-testid=order-status][data-status=approved]", TIMEOUT);
    let year: String = app
        .db()
        .query_row("SELECT strftime('%Y', 'now', 'localtime')", [], |r| {
            r.get(0)
        })
        .unwrap();
    wait_text(&app, "[data-testid=page-title]", &format!("OA-{year}-0001"));
    assert!(text_now(&app, "[data-testid=order-approvals]").contains("Mario Rossi"));
    app.screenshot("order-approved");

    switch_language(&app, "EN");
    app.wait_until("the page in English", TIMEOUT, || {
        Ok(text_now(&app, "[data-testid=order-approvals]").contains("Approved by"))
    });
    app.screenshot("order-approved-en");
    app.click("[data-testid=back-to-orders]");
    app.wait_for("[data-testid=order-row][data-status=approved]", TIMEOUT);
    assert!(text_now(&app, "[data-testid=order-row-total]").contains("5,982.98"));
    app.screenshot("orders-en");

    // The buyer prints the approved order: the final copy, and the order is marked sent.
    sign_out(&app);
    sign_in(&app, crate::screens::ADMIN, crate::screens::ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "purchasing");
    app.click("[data-testid=order-row]");
    app.click("[data-testid=order-pdf]");
    app.wait_until("the final copy saved", TIMEOUT, || Ok(final_pdf.exists()));
    app.wait_for("[data-testid=order-status][data-status=sent]", TIMEOUT);
    crate::audits::render_pages(&final_pdf, "order-final-pdf");
    app.screenshot("order-sent");
}

/// Waits until the input `css` holds `value`.
fn wait_text_value(app: &App, css: &str, value: &str) {
    app.wait_until(&format!("`{value}` in `{css}`"), TIMEOUT, || {
        Ok(app.property(css, "value") == json!(value))
    });
}
