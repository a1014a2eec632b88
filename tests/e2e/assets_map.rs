//! The network map at a real office's size, in the real window: a site with two VLANs, four
//! subnets and 500 devices, 20 of them switches cabled to each other and to the others' ports.
//! Prints how long the map takes to lay out and draw its first frame (goal: under 1 s).

use crate::screens::{click_text, go, invoke, set_up};
use crate::staff::ok;
use crate::support::{App, Launch};
use serde_json::{json, Value};
use std::time::Duration;

fn id(v: Value) -> i64 {
    ok(v)["id"].as_i64().unwrap()
}

#[test]
fn a_500_device_site_is_mapped_in_under_a_second() {
    let app = App::launch_with("assets_map", Launch::italian());
    set_up(&app);
    let site = id(invoke(
        &app,
        "save_location",
        json!({ "id": null, "version": 0, "input": { "parent_id": null, "kind": "site", "name": "Sede di Torino", "address": null } }),
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
    let (network, desktop) = (cat("network"), cat("desktop"));
    let mut subnets = Vec::new();
    for (v, name) in [(10, "Uffici"), (20, "Produzione")] {
        let vlan = id(invoke(
            &app,
            "save_vlan",
            json!({ "id": null, "version": 0, "input": { "site_id": site, "number": v, "name": name, "notes": null } }),
        ));
        for half in 0..2 {
            let third = v + half;
            subnets.push((
                third,
                id(invoke(
                    &app,
                    "save_subnet",
                    json!({ "id": null, "version": 0, "input": { "site_id": site, "vlan_id": vlan,
                        "cidr": format!("10.1.{third}.0/24"), "name": format!("{name} {half}"),
                        "gateway": format!("10.1.{third}.1"), "dhcp_start": null, "dhcp_end": null,
                        "dns": null, "notes": null } }),
                )),
            ));
        }
    }
    let mut switches = Vec::new();
    for n in 0..500 {
        let is_switch = n < 20;
        let (tag, name, category) = if is_switch {
            (format!("NET-{n:04}"), format!("Switch {n}"), network)
        } else {
            (format!("PC-{n:05}"), format!("Postazione {n}"), desktop)
        };
        let asset = id(invoke(
            &app,
            "save_asset",
            json!({ "id": null, "version": 0, "input": {
                "tag": tag, "name": name, "category_id": category, "manufacturer": null, "model": null,
                "serial": null, "supplier_name": null, "order_number": null, "purchase_date": null,
                "cost_cents": null, "currency": null, "warranty_end": null, "location_id": site,
                "department_id": null, "status": "in_use", "status_date": null, "notes": null } }),
        ));
        let (third, subnet) = subnets[n % subnets.len()];
        let host = 10 + n / subnets.len();
        ok(invoke(
            &app,
            "save_interface",
            json!({ "id": null, "version": 0, "input": { "asset_id": asset, "subnet_id": subnet,
                "name": "eth0", "ip": format!("10.1.{third}.{host}"),
                "mac": format!("02:00:00:00:{:02X}:{:02X}", n / 256, n % 256),
                "hostname": format!("host-{n}") } }),
        ));
        if is_switch {
            // Each switch is cabled to the one before it: a chain through the building.
            if let Some(&previous) = switches.last() {
                ok(invoke(
                    &app,
                    "add_network_link",
                    json!({ "input": { "from_asset_id": previous, "from_port": "Gi1/0/48",
                        "to_asset_id": asset, "to_port": "Gi1/0/47", "notes": null } }),
                ));
            }
            switches.push(asset);
        }
    }

    go(&app, "assets");
    click_text(&app, "[data-testid=assets-view]", "Reti");
    app.click("[data-testid=network-map-open]");
    let deadline = Duration::from_secs(60);
    app.wait_until("the map drawn", deadline, || {
        Ok(app.execute(
            "return document.querySelector('[data-testid=map-drawn]')?.dataset.ms ?? '';",
            vec![],
        ) != json!(""))
    });
    let ms: u64 = app
        .execute(
            "return document.querySelector('[data-testid=map-drawn]').dataset.ms;",
            vec![],
        )
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    println!("network map of a 500-device site drawn in {ms} ms");
    app.screenshot("network-map-500");
    // A timing is reported, not asserted: benchmarks hold the goals, tests hold behaviour.
    assert!(ms > 0);
}
