//! IT networks end to end, in the real window: a subnet refused with its host bits set, then
//! added; the next free address given to a device; the site's map drawn and saved; an nmap scan
//! reconciled one difference at a time; a label sheet printed and looked at.

use crate::screens::{
    choose_option, click_text, count, go, invoke, set_up, switch_language, wait_field_error,
};
use crate::staff::ok;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

fn scan_file() -> std::path::PathBuf {
    std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/core/ipam/files/office_scan.xml")
}

/// Renders a PDF's first page to PNG beside the screenshots, to be looked at.
fn render_first_page(pdf: &std::path::Path, name: &str) {
    let prefix = crate::support::screenshot_file(name, "page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "70", "-f", "1", "-l", "1"])
        .arg(pdf)
        .arg(prefix.with_extension(""))
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "pdftoppm renders the labels"
    );
}

#[test]
fn a_subnet_its_next_free_address_the_map_a_scan_and_labels() {
    let out = tempfile::tempdir().unwrap();
    let map_png = out.path().join("mappa.png");
    let labels = out.path().join("etichette.pdf");
    // The scan the person chooses: a copy, as a file of theirs would be.
    let scan = out.path().join("scansione-ufficio.xml");
    std::fs::copy(scan_file(), &scan).unwrap();
    let app = App::launch_with(
        "assets_network",
        Launch::italian().dialog_answers(out.path(), &[&map_png, &scan, &labels]),
    );
    set_up(&app);
    // A site, a switch and a printer already in the inventory (through the commands).
    ok(invoke(
        &app,
        "save_location",
        json!({ "id": null, "version": 0, "input": { "parent_id": null, "kind": "site", "name": "Sede di Milano", "address": null } }),
    ));
    let cats = ok(invoke(
        &app,
        "list_asset_categories",
        json!({ "includeInactive": false }),
    ));
    let cat = |code: &str| {
        cats.as_array()
            .unwrap()
            .iter()
            .find(|c| c["code"] == code)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let asset = |tag: &str, name: &str, category: i64| {
        ok(invoke(
            &app,
            "save_asset",
            json!({ "id": null, "version": 0, "input": {
                "tag": tag, "name": name, "category_id": category, "manufacturer": null, "model": null,
                "serial": null, "supplier_name": null, "order_number": null, "purchase_date": null,
                "cost_cents": null, "currency": null, "warranty_end": null, "location_id": null,
                "department_id": null, "status": "in_stock", "status_date": null, "notes": null } }),
        ))["id"]
            .as_i64()
            .unwrap()
    };
    let switch = asset("NET-0001", "Switch piano terra", cat("network"));
    let printer = asset("PRN-0001", "Stampante piano 2", cat("printer"));

    go(&app, "assets");
    click_text(&app, "[data-testid=assets-view]", "Reti");
    app.wait_for("[data-testid=subnet-new]", TIMEOUT);
    app.click("[data-testid=subnet-new]");
    app.wait_for("[data-testid=subnet-form]", TIMEOUT);
    app.type_text(
        "[data-testid=subnet-form] input[name=cidr]",
        "192.168.10.7/24",
    );
    app.type_text("[data-testid=subnet-form] input[name=name]", "Uffici");
    app.type_text(
        "[data-testid=subnet-form] input[name=gateway]",
        "192.168.10.1",
    );
    app.click("[data-testid=subnet-save]");
    let error = wait_field_error(&app, "[data-testid=subnet-form] input[name=cidr]");
    assert!(error.contains("192.168.10.0/24"), "{error}");
    assert_eq!(count(&app, "SELECT count(*) FROM subnets"), 0);
    app.screenshot("subnet-host-bits");
    app.execute(
        "const i = document.querySelector('[data-testid=subnet-form] input[name=cidr]'); i.select(); return 1;",
        vec![],
    );
    app.type_text(
        "[data-testid=subnet-form] input[name=cidr]",
        "192.168.10.0/24",
    );
    app.type_text(
        "[data-testid=subnet-form] input[name=dhcp_start]",
        "192.168.10.100",
    );
    app.type_text(
        "[data-testid=subnet-form] input[name=dhcp_end]",
        "192.168.10.199",
    );
    app.click("[data-testid=subnet-save]");
    app.wait_for(
        "[data-testid=subnet-row][data-cidr='192.168.10.0/24']",
        TIMEOUT,
    );
    app.screenshot("networks");

    // The next free address (after the gateway) goes to the switch.
    app.click("[data-testid=subnet-row] td");
    app.wait_until("the next free address", TIMEOUT, || {
        Ok(crate::staff::text_now(&app, "[data-testid=next-free]") == "192.168.10.2")
    });
    app.click("[data-testid=take-next-free]");
    app.wait_for("[data-testid=interface-form]", TIMEOUT);
    app.type_text(
        "[data-testid=interface-form] input[data-testid=interface-asset]",
        "NET",
    );
    choose_option(
        &app,
        "[data-testid=interface-form] input[data-testid=interface-asset]",
        "NET-0001 · Switch piano terra",
    );
    app.type_text(
        "[data-testid=interface-form] input[name=mac]",
        "0011.2233.4455",
    );
    app.type_text("[data-testid=interface-form] input[name=hostname]", "sw-pt");
    app.click("[data-testid=interface-save]");
    app.wait_for(
        "[data-testid=used-address][data-ip='192.168.10.2']",
        TIMEOUT,
    );
    app.wait_until("the next one", TIMEOUT, || {
        Ok(crate::staff::text_now(&app, "[data-testid=next-free]") == "192.168.10.3")
    });
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM interfaces WHERE mac = '00:11:22:33:44:55'"
        ),
        1
    );
    app.screenshot("subnet-addresses");
    // The printer at .20 with last year's name, and a cable from the switch.
    let subnet: i64 = count(&app, "SELECT id FROM subnets");
    ok(invoke(
        &app,
        "save_interface",
        json!({ "id": null, "version": 0, "input": { "asset_id": printer, "subnet_id": subnet, "name": "eth0",
                "ip": "192.168.10.20", "mac": "3C:52:82:11:22:33", "hostname": "printer-1" } }),
    ));
    ok(invoke(
        &app,
        "add_network_link",
        json!({ "input": { "from_asset_id": switch, "from_port": "Gi1/0/12", "to_asset_id": printer, "to_port": "eth0", "notes": null } }),
    ));

    // The map, drawn and saved as PNG.
    app.click("[data-testid=back-to-networks]");
    app.click("[data-testid=network-map-open]");
    app.wait_until("the map drawn", TIMEOUT, || {
        Ok(app.execute(
            "return document.querySelector('[data-testid=map-drawn]')?.dataset.ms ?? '';",
            vec![],
        ) != json!(""))
    });
    let ms = app.execute(
        "return document.querySelector('[data-testid=map-drawn]').dataset.ms;",
        vec![],
    );
    println!("network map of a 2-device site drawn in {ms} ms");
    app.screenshot("network-map");
    app.click("[data-testid=map-png]");
    app.wait_until("the map saved", TIMEOUT, || Ok(map_png.exists()));
    assert!(std::fs::read(&map_png).unwrap().starts_with(b"\x89PNG"));

    // The scan: the printer's new name is accepted, the host not in the inventory ignored.
    app.click("[data-testid=back-to-networks]");
    app.click("[data-testid=scan-open]");
    app.wait_for("[data-testid=scan-differences]", TIMEOUT);
    let changes = count(&app, "SELECT count(*) FROM changes");
    app.screenshot("scan-review");
    app.click(
        "[data-testid=scan-difference][data-kind=hostname_changed] [data-testid=scan-accept]",
    );
    app.wait_for(
        "[data-testid=scan-difference][data-kind=hostname_changed][data-state=accepted]",
        TIMEOUT,
    );
    app.click("[data-testid=scan-difference][data-kind=new_host] [data-testid=scan-ignore]");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM interfaces WHERE hostname = 'printer-2.office.lan'"
        ),
        1
    );
    assert!(count(&app, "SELECT count(*) FROM changes") > changes);
    app.screenshot("scan-accepted");
    app.click("[data-testid=scan-close]");

    // Labels for the whole inventory, in English.
    switch_language(&app, "EN");
    click_text(&app, "[data-testid=assets-view]", "Inventory");
    app.wait_for("[data-testid=asset-row]", TIMEOUT);
    app.click("[data-testid=labels-open]");
    app.wait_for("[data-testid=labels-print]", TIMEOUT);
    app.screenshot("labels-dialog-en");
    app.click("[data-testid=labels-print]");
    app.wait_until("the label sheet saved", TIMEOUT, || Ok(labels.exists()));
    render_first_page(&labels, "assets_network-labels");
}
