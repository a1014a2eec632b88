//! An invoice whose supplier's VAT number fails its check digit is never matched or created
//! from the file: the report says so, nothing can be imported until the person gives the
//! invoice to one of our suppliers, and then it imports under that supplier.

use crate::purchasing_invoices::invoice_xml;
use crate::screens::{choose_option, go, invoke, set_up, switch_language};
use crate::staff::text_now;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

#[test]
fn an_invoice_with_a_wrong_vat_number_imports_once_given_to_one_of_our_suppliers() {
    let files = tempfile::tempdir().unwrap();
    let file = files.path().join("IT00488410011_0A1B3.xml");
    // The supplier's P.IVA with its last digit wrong.
    std::fs::write(&file, invoice_xml().replace("00488410010", "00488410011")).unwrap();
    let app = App::launch_with(
        "purchasing_invoice_assign",
        Launch::english().dialog_answers(files.path(), &[file.display().to_string()]),
    );
    set_up(&app);
    let saved = invoke(
        &app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Ferramenta Rossi S.r.l.",
            "vat_number": "00488410010", "fiscal_code": null, "street": "Via Roma 1",
            "postcode": "10100", "city": "Torino", "province": "TO", "country": null,
            "email": null, "pec": null, "sdi_code": null, "phone": null, "website": null,
            "iban": null, "payment_terms": null, "rating": null, "notes": null,
            "category_ids": [] } }),
    );
    let supplier_id = saved["ok"]["id"].as_i64().expect("supplier saved");
    go(&app, "purchasing");
    crate::screens::click_text(&app, "[data-testid=purchasing-view]", "Invoices");
    app.click("[data-testid=invoice-import]");
    app.wait_for("[data-testid=invoice-import-report]", TIMEOUT);

    let invoice = "[data-testid=import-invoice][data-number='FT-2026/0042']";
    app.wait_for(&format!("{invoice}[data-verdict=needs_supplier]"), TIMEOUT);
    let said = text_now(&app, invoice);
    assert!(
        said.contains("00488410011") && said.contains("wrong check digit"),
        "{said}"
    );
    assert_eq!(
        app.property("[data-testid=invoice-import-confirm]", "disabled"),
        json!(true),
        "nothing can be imported before the invoice has a supplier"
    );
    app.screenshot("assign-needed-en");

    app.type_text("input[data-testid=import-assign-supplier]", "Ferr");
    choose_option(
        &app,
        "input[data-testid=import-assign-supplier]",
        "Ferramenta Rossi S.r.l.",
    );
    app.wait_for(&format!("{invoice}[data-verdict=ready]"), TIMEOUT);
    switch_language(&app, "IT");
    app.wait_until("the report in Italian", TIMEOUT, || {
        Ok(text_now(&app, invoice).contains("cifra di controllo errata"))
    });
    app.screenshot("assign-chosen-it");
    app.click("[data-testid=invoice-import-confirm]");
    app.wait_for("[data-testid=invoice-import-outcome]", TIMEOUT);
    let stored: (i64, i64) = app
        .db()
        .query_row(
            "SELECT count(*), max(supplier_id) FROM supplier_invoices",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(stored, (1, supplier_id));
    assert_eq!(
        crate::screens::count(&app, "SELECT count(*) FROM suppliers"),
        1
    );
    app.screenshot("assign-imported-it");
}
