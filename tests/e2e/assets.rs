//! IT assets end to end, in the real window: a site and a room, an asset added with its
//! suggested tag, checked out to an employee (seen on the employee's file) and back in; the
//! screens in both languages.

use crate::screens::{choose_option, click_text, count, go, set_up, switch_language};
use crate::staff::{create_employees, department, pick, tax_code, text_now};
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

fn add_location(app: &App, kind: &str, parent: Option<&str>, name: &str) {
    app.click("[data-testid=location-new]");
    app.wait_for("[data-testid=location-form]", TIMEOUT);
    pick(
        app,
        "[data-testid=location-form] input[data-testid=location-kind]",
        kind,
    );
    if let Some(p) = parent {
        pick(
            app,
            "[data-testid=location-form] input[data-testid=location-parent]",
            p,
        );
    }
    app.type_text("[data-testid=location-form] input[name=name]", name);
    app.click("[data-testid=location-save]");
    app.wait_gone("[data-testid=location-form]", TIMEOUT);
}

#[test]
fn an_asset_is_added_checked_out_to_an_employee_and_back() {
    let app = App::launch_with("assets", Launch::italian());
    set_up(&app);
    let store = department(&app, "Magazzino");
    create_employees(
        &app,
        vec![json!({
            "employee_number": "00401", "first_name": "Mario", "last_name": "Rossi",
            "tax_code": tax_code("RSS", "MRA", 1),
            "birth_date": null, "birth_place": null, "sex": null,
            "email": null, "phone": null, "address": null, "iban": null, "department_id": store,
            "job_title": "Magazziniere", "manager_id": null, "hire_date": "2019-04-01",
            "contract_type_id": null, "contract_end": null, "ccnl": null, "level": null,
        })],
    );

    go(&app, "assets");
    app.wait_for("[data-testid=asset-search]", TIMEOUT);
    app.screenshot("assets-empty");

    // Where things are: the office as a site, its server room inside.
    click_text(&app, "[data-testid=assets-view]", "Ubicazioni");
    add_location(&app, "Sede", None, "Sede di Milano");
    add_location(&app, "Stanza", Some("Sede di Milano"), "Sala server");
    app.wait_for(
        "[data-testid=location-row][data-path='Sede di Milano › Sala server']",
        TIMEOUT,
    );
    app.screenshot("locations");
    click_text(&app, "[data-testid=assets-view]", "Categorie");
    app.wait_for("[data-testid=asset-categories]", TIMEOUT);
    app.screenshot("asset-categories");

    // A laptop: choosing the category suggests its tag.
    click_text(&app, "[data-testid=assets-view]", "Inventario");
    app.click("[data-testid=asset-new]");
    app.wait_for("[data-testid=asset-form]", TIMEOUT);
    app.click("[data-testid=asset-form] input[data-testid=asset-category]");
    choose_option(
        &app,
        "[data-testid=asset-form] input[data-testid=asset-category]",
        "Portatile",
    );
    app.wait_until("the suggested tag", TIMEOUT, || {
        Ok(app.execute(
            "return document.querySelector('[data-testid=asset-form] input[name=tag]').value;",
            vec![],
        ) == json!("NB-00001"))
    });
    app.type_text(
        "[data-testid=asset-form] input[name=name]",
        "Portatile di Mario",
    );
    app.type_text("[data-testid=asset-form] input[name=serial]", "PF3XK2LM");
    app.type_text("[data-testid=asset-form] input[name=cost]", "1299");
    app.click("[data-testid=asset-form] input[data-testid=asset-location]");
    choose_option(
        &app,
        "[data-testid=asset-form] input[data-testid=asset-location]",
        "Sede di Milano › Sala server",
    );
    app.screenshot("asset-form");
    app.click("[data-testid=asset-save]");
    app.wait_for("[data-testid=asset-checkout]", TIMEOUT);
    assert_eq!(
        count(&app, "SELECT cost_cents FROM assets WHERE tag = 'NB-00001'"),
        129_900
    );
    app.screenshot("asset-page");

    // Handed to Mario.
    app.click("[data-testid=asset-checkout]");
    app.wait_for("[data-testid=checkout-form]", TIMEOUT);
    app.type_text(
        "[data-testid=checkout-form] input[data-testid=checkout-person]",
        "Rossi",
    );
    click_text(&app, "[role=listbox]", "Rossi Mario");
    app.type_text(
        "[data-testid=checkout-form] input[data-testid=checkout-condition]",
        "Nuovo, con alimentatore",
    );
    app.screenshot("checkout-form");
    app.click("[data-testid=checkout-save]");
    app.wait_for("[data-testid=asset-status][data-status=in_use]", TIMEOUT);
    assert_eq!(text_now(&app, "[data-testid=asset-holder]"), "Rossi Mario");
    app.screenshot("asset-checked-out");

    // Mario's file lists what he holds.
    go(&app, "staff");
    app.click("[data-testid=staff-row]");
    app.click("[data-testid=tab-assets]");
    app.wait_for("[data-testid=held-row][data-tag=NB-00001]", TIMEOUT);
    app.screenshot("employee-assets");

    // The reports: the laptop counted in its group and its cost of ownership listed.
    go(&app, "assets");
    click_text(&app, "[data-testid=assets-view]", "Report");
    app.wait_for("[data-testid=report-group]", TIMEOUT);
    app.wait_for("[data-testid=report-tco-row]", TIMEOUT);
    assert!(app
        .text("[data-testid=report-tco-table]")
        .contains("NB-00001"));
    app.screenshot("assets-reports");

    // The inventory in English, then the laptop back in stock.
    switch_language(&app, "EN");
    go(&app, "assets");
    click_text(&app, "[data-testid=assets-view]", "Inventory");
    app.wait_for("[data-testid=asset-row][data-tag=NB-00001]", TIMEOUT);
    app.screenshot("assets-list-en");
    app.click("[data-testid=asset-row]");
    app.click("[data-testid=asset-checkin]");
    app.wait_for("[data-testid=checkin-form]", TIMEOUT);
    app.type_text(
        "[data-testid=checkin-form] input[data-testid=checkin-condition]",
        "Scratched lid",
    );
    app.click("[data-testid=checkin-save]");
    app.wait_for("[data-testid=asset-status][data-status=in_stock]", TIMEOUT);
    app.click("[data-testid=tab-holders]");
    app.wait_for("[data-testid=holder-row][data-open=false]", TIMEOUT);
    app.screenshot("asset-holders-en");
    go(&app, "assets");
    click_text(&app, "[data-testid=assets-view]", "Reports");
    app.wait_for("[data-testid=report-tco-row]", TIMEOUT);
    app.screenshot("assets-reports-en");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM asset_checkouts WHERE in_on IS NOT NULL AND in_condition = 'Scratched lid'"
        ),
        1
    );
}
