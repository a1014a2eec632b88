//! The IT inventory end to end, in the real window: an import with an error then a clean one,
//! a physical inventory check with one asset missing, a licence and a consumable; screenshots
//! in both languages.

use crate::screens::{choose_option, click_text, count, go, invoke, set_up, switch_language};
use crate::staff::ok;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;
use std::time::Duration;

const HEADER: &str =
    "Asset Tag,Asset Name,Category,Manufacturer,Model,Serial,Purchase Date,Purchase Cost,Status,Location\n";

#[test]
fn an_import_an_inventory_check_a_licence_and_a_consumable() {
    let out = tempfile::tempdir().unwrap();
    let bad = out.path().join("snipeit-errore.csv");
    std::fs::write(
        &bad,
        format!(
            "{HEADER}NB-00010,\"Portatile, reception\",Laptop,Lenovo,T14,PF1A,2024-03-10,\"1,299.00\",Ready to Deploy,Sala server\n\
             NB-00011,Portatile amministrazione,Laptop,Lenovo,T14,PF1B,2024-13-45,899.00,Ready to Deploy,Sala server\n"
        ),
    )
    .unwrap();
    let clean = out.path().join("snipeit.csv");
    std::fs::write(
        &clean,
        format!(
            "{HEADER}NB-00010,\"Portatile, reception\",Laptop,Lenovo,T14,PF1A,2024-03-10,\"1,299.00\",Ready to Deploy,Sala server\n\
             NB-00011,Portatile amministrazione,Laptop,Lenovo,T14,PF1B,2024-11-05,899.00,Ready to Deploy,Sala server\n"
        ),
    )
    .unwrap();
    let app = App::launch_with(
        "assets_inventory",
        Launch::italian().dialog_answers(out.path(), &[&bad, &clean]),
    );
    set_up(&app);
    let site = ok(invoke(
        &app,
        "save_location",
        json!({ "id": null, "version": 0, "input": { "parent_id": null, "kind": "site", "name": "Sede di Milano", "address": null } }),
    ));
    ok(invoke(
        &app,
        "save_location",
        json!({ "id": null, "version": 0, "input": { "parent_id": site["id"], "kind": "room", "name": "Sala server", "address": null } }),
    ));

    // The import: the bad date is reported at its line and nothing is written; then the clean file.
    go(&app, "assets");
    app.click("[data-testid=asset-import]");
    app.click("[data-testid=import-choose]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-errors]", TIMEOUT);
    let problem = app.text("[data-testid=import-error-table]");
    assert!(problem.contains('3'), "the line of the bad row: {problem}");
    assert_eq!(count(&app, "SELECT count(*) FROM assets"), 0);
    app.screenshot("import-errors");
    app.click("[data-testid=import-another]");
    app.wait_for("[data-testid=import-mapping]", TIMEOUT);
    app.click("[data-testid=import-check]");
    app.wait_for("[data-testid=import-ready]", TIMEOUT);
    app.click("[data-testid=import-start]");
    app.wait_for("[data-testid=import-done]", Duration::from_secs(30));
    app.screenshot("import-done");
    app.click("[data-testid=import-close]");
    assert_eq!(count(&app, "SELECT count(*) FROM assets"), 2);
    assert_eq!(
        count(&app, "SELECT cost_cents FROM assets WHERE tag = 'NB-00010'"),
        129_900
    );

    // Both laptops are in the server room; the walk finds only one.
    click_text(&app, "[data-testid=assets-view]", "Ubicazioni");
    app.wait_for(
        "[data-testid=location-row][data-path='Sede di Milano › Sala server']",
        TIMEOUT,
    );
    app.click("[data-testid=location-row][data-path='Sede di Milano › Sala server'] [data-testid=location-check]");
    app.wait_for("[data-testid=check-scan]", TIMEOUT);
    // A keyboard-wedge scanner types the code and presses Enter.
    app.type_text("[data-testid=check-scan]", "nb-00010");
    let field = app.wait_for("[data-testid=check-scan]", TIMEOUT);
    app.webdriver()
        .send_keys(&field, crate::support::webdriver::keys::ENTER)
        .unwrap();
    app.wait_for(
        "[data-testid=check-row][data-tag=NB-00010][data-seen=true]",
        TIMEOUT,
    );
    app.screenshot("inventory-check");
    app.click("[data-testid=check-record]");
    app.wait_for("[data-testid=check-missing][data-tag=NB-00011]", TIMEOUT);
    app.screenshot("inventory-check-result");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM assets WHERE last_checked_on IS NOT NULL"
        ),
        1
    );
    app.execute("document.querySelector('[data-testid=check-result]')?.closest('.mantine-Modal-content')?.querySelector('button')?.click(); return 1;", vec![]);

    // A product and its licence, then a toner below its minimum.
    click_text(&app, "[data-testid=assets-view]", "Software");
    app.click("[data-testid=product-new]");
    app.wait_for("[data-testid=product-form]", TIMEOUT);
    app.type_text(
        "[data-testid=product-form] [data-testid=product-name]",
        "Microsoft 365 Business Standard",
    );
    app.type_text(
        "[data-testid=product-form] [data-testid=product-publisher]",
        "Microsoft",
    );
    app.click("[data-testid=product-save]");
    app.wait_gone("[data-testid=product-form]", TIMEOUT);
    app.click("[data-testid=licence-new]");
    app.wait_for("[data-testid=licence-form]", TIMEOUT);
    app.click("[data-testid=licence-form] input[data-testid=licence-product]");
    choose_option(
        &app,
        "[data-testid=licence-form] input[data-testid=licence-product]",
        "Microsoft 365 Business Standard · Microsoft",
    );
    app.screenshot("licence-form");
    app.click("[data-testid=licence-save]");
    app.wait_for("[data-testid=licence-row]", TIMEOUT);
    app.screenshot("licences");
    click_text(&app, "[data-testid=assets-view]", "Consumo");
    app.click("[data-testid=consumable-new]");
    app.wait_for("[data-testid=consumable-form]", TIMEOUT);
    app.type_text(
        "[data-testid=consumable-form] [data-testid=consumable-name]",
        "Toner HP 59A",
    );
    app.click("[data-testid=consumable-save]");
    app.wait_for("[data-testid=consumable-row]", TIMEOUT);
    switch_language(&app, "EN");
    app.wait_for("[data-testid=consumable-row]", TIMEOUT);
    app.screenshot("consumables-en");
    go(&app, "home");
    app.screenshot("home-en");
}
