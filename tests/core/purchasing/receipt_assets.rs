//! Receiving IT goods: one asset per unit with the order's data, and a reversal that retires
//! them only while they are still in stock.

use super::receipts::{day, fields, line, reason, receipt, setup};
use backoffice_core::domain::assets::asset::{Asset, AssetInput, AssetStatus};
use backoffice_core::domain::purchasing::order_state::OrderState;

fn asset_input(a: &Asset, status: AssetStatus) -> AssetInput {
    AssetInput {
        tag: a.tag.clone(),
        name: a.name.clone(),
        category_id: a.category_id,
        manufacturer: a.manufacturer.clone(),
        model: a.model.clone(),
        serial: a.serial.clone(),
        supplier_name: a.supplier_name.clone(),
        order_number: a.order_number.clone(),
        purchase_date: a.purchase_date,
        cost_cents: a.cost_cents,
        currency: Some(a.currency.clone()),
        warranty_end: a.warranty_end,
        location_id: a.location_id,
        department_id: a.department_id,
        status,
        status_date: a.status_date,
        notes: a.notes.clone(),
    }
}

#[test]
fn an_it_line_creates_its_assets_and_a_reversal_retires_them() {
    let s = setup();
    let app = &s.b.t.app;
    let it_hw = s.category("it_hardware");
    let laptops = app
        .list_asset_categories(&s.b.it, false)
        .unwrap()
        .into_iter()
        .find(|c| c.code.as_deref() == Some("laptop"))
        .unwrap();
    let mut laptop = line(
        "Portatile Latitude 5440\nRAM 16 GB, SSD 512 GB",
        3,
        850,
        Some(it_hw),
    );
    laptop.item_code = Some("LAT5440".into());
    laptop.discount_bp = 1000;
    let o = s.approved(vec![laptop]);

    // One asset per unit: a part of a laptop is refused.
    let mut input = receipt(&o, &[(0, "1.5")]);
    input.lines[0].asset_category_id = Some(laptops.id);
    assert_eq!(
        fields(&app.receive_order(&s.b.buyer, &input).unwrap_err()),
        [("lines.0.quantity".into(), "not_whole".into())]
    );
    assert_eq!(s.b.t.count("SELECT count(*) FROM assets"), 0);

    input.lines[0].quantity = "2".into();
    let r = app.receive_order(&s.b.buyer, &input).unwrap();
    let tags: Vec<&str> = r.lines[0].assets.iter().map(|a| a.tag.as_str()).collect();
    assert_eq!(tags, ["NB-00001", "NB-00002"]);
    let a = app.asset(&s.b.it, r.lines[0].assets[0].id).unwrap();
    assert_eq!(a.name, "Portatile Latitude 5440");
    assert_eq!(a.model.as_deref(), Some("LAT5440"));
    assert_eq!(a.category_id, laptops.id);
    assert_eq!(a.supplier_name.as_deref(), Some("Ferramenta Rossi"));
    assert_eq!(a.order_number, o.number);
    assert_eq!(a.purchase_date, Some(day(2)));
    // 850 € less 10 %.
    assert_eq!((a.cost_cents, a.currency.as_str()), (Some(76_500), "EUR"));
    assert_eq!(a.status, AssetStatus::InStock);

    // Once IT has it in repair, the receipt is not reversed and nothing changes.
    let a = app
        .update_asset(
            &s.b.it,
            a.id,
            a.version,
            &asset_input(&a, AssetStatus::InRepair),
        )
        .unwrap();
    let e = app
        .reverse_receipt(&s.b.buyer, r.id, r.version, "Reso al fornitore")
        .unwrap_err();
    assert_eq!(
        (reason(&e).as_str(), e.params["tag"].as_str()),
        ("asset_in_use", "NB-00001")
    );
    assert_eq!(s.received(o.id), [2000]);
    assert_eq!(s.order(o.id).status, OrderState::PartlyReceived);

    // Back in stock, the reversal retires both.
    app.update_asset(
        &s.b.it,
        a.id,
        a.version,
        &asset_input(&a, AssetStatus::InStock),
    )
    .unwrap();
    app.reverse_receipt(&s.b.buyer, r.id, r.version, "Reso al fornitore")
        .unwrap();
    for asset in &r.lines[0].assets {
        let a = app.asset(&s.b.it, asset.id).unwrap();
        assert_eq!(a.status, AssetStatus::Retired);
        assert_eq!(a.notes.as_deref(), Some("Reso al fornitore"));
    }
    assert_eq!(s.received(o.id), [0]);
    assert_eq!(s.order(o.id).status, OrderState::Sent);
    s.verify();
}
