use super::{shop, Shop};
use crate::audits::date;
use backoffice_core::domain::assets::consumable::{
    Consumable, ConsumableCategory, ConsumableInput, ConsumableQuery, MoveInput,
};
use backoffice_core::domain::assets::licence::{LicenceInput, LicenceKind, SoftwareProductInput};
use backoffice_core::domain::assets::seat::SeatInput;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::permissions::Area;
use backoffice_core::error::ErrorCode;

fn input(name: &str, min_level: i64) -> ConsumableInput {
    ConsumableInput {
        name: name.into(),
        category: ConsumableCategory::Toner,
        unit: "pz".into(),
        min_level,
        location_id: None,
        supplier_name: Some("Rossi Forniture S.r.l.".into()),
        unit_cost_cents: Some(8_900),
        currency: None,
        notes: None,
    }
}

fn item(s: &Shop, name: &str, min_level: i64) -> Consumable {
    let mut i = input(name, min_level);
    i.location_id = Some(s.room);
    s.o.t.app.save_consumable(&s.it, None, 0, &i).unwrap()
}

fn moved(quantity: i64, employee_id: Option<i64>) -> MoveInput {
    MoveInput {
        quantity,
        employee_id,
        moved_on: None,
        note: None,
    }
}

fn query() -> ConsumableQuery {
    ConsumableQuery {
        search: None,
        category: None,
        low_only: false,
        include_inactive: false,
        page: PageRequest::default(),
    }
}

#[test]
fn stock_moves_never_leave_it_below_zero() {
    let s = shop();
    let app = &s.o.t.app;
    let toner = item(&s, "Toner HP 26A", 2);
    assert_eq!((toner.stock, toner.low), (0, true));
    let toner = app
        .move_consumable(&s.it, toner.id, &moved(5, None))
        .unwrap();
    assert_eq!((toner.stock, toner.low), (5, false));
    let toner = app
        .move_consumable(&s.it, toner.id, &moved(-4, Some(s.o.clerk)))
        .unwrap();
    assert_eq!(toner.stock, 1);
    // More than is left: refused, the stock and the moves as they were.
    let changes = s.o.t.count("SELECT count(*) FROM changes");
    let e = app
        .move_consumable(&s.it, toner.id, &moved(-2, None))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition, "{e:?}");
    assert_eq!(e.params["reason"], "not_enough_stock");
    assert_eq!(app.consumable(&s.it, toner.id).unwrap().stock, 1);
    assert_eq!(s.o.t.count("SELECT count(*) FROM consumable_moves"), 2);
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), changes);
    // Bad moves: each field named.
    for (m, field) in [
        (moved(0, None), "quantity"),
        (moved(3, Some(s.o.clerk)), "employee_id"),
        (
            MoveInput {
                moved_on: Some(date(2027, 1, 1)),
                ..moved(1, None)
            },
            "moved_on",
        ),
    ] {
        let e = app.move_consumable(&s.it, toner.id, &m).unwrap_err();
        assert_eq!(e.fields[0].field, field, "{e:?}");
    }
    // Each move is listed, and the person's issued items.
    let moves = app.consumable_moves(&s.it, toner.id, 0, 50).unwrap();
    assert_eq!(moves.total, 2);
    let issued = app.consumables_issued_to(&s.o.t.admin, s.o.clerk).unwrap();
    assert_eq!(issued.len(), 1);
    assert_eq!(issued[0].quantity, -4);
    // The clerk's own account sees what they took.
    assert_eq!(
        app.consumables_issued_to(&s.viewer, s.o.clerk)
            .unwrap()
            .len(),
        1
    );
    // Only IT writes.
    let e = app
        .move_consumable(&s.viewer, toner.id, &moved(1, None))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    // A negative cost and a negative minimum are refused.
    let mut bad = input("Cavo HDMI", -1);
    bad.unit_cost_cents = Some(-5);
    let e = app.save_consumable(&s.it, None, 0, &bad).unwrap_err();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["min_level", "unit_cost_cents"]);
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn lists_page_and_search() {
    let s = shop();
    let app = &s.o.t.app;
    for name in ["Toner HP 26A", "Toner Brother TN-2420", "Mouse USB"] {
        item(&s, name, 0);
    }
    let toner = app
        .list_consumables(
            &s.it,
            &ConsumableQuery {
                search: Some("toner".into()),
                ..query()
            },
        )
        .unwrap();
    assert_eq!(toner.total, 2);
    assert_eq!(toner.items[0].name, "Toner Brother TN-2420");
    assert_eq!(
        toner.items[0].location_path.as_deref(),
        Some("Sede di Milano › Sala server")
    );
    let page = app
        .list_consumables(
            &s.it,
            &ConsumableQuery {
                page: PageRequest {
                    offset: 2,
                    limit: 2,
                },
                ..query()
            },
        )
        .unwrap();
    assert_eq!((page.total, page.items.len()), (3, 1));
    let e = app
        .save_consumable(&s.it, None, 0, &input("mouse usb", 0))
        .unwrap_err();
    assert_eq!(e.fields[0].code, "duplicate");
}

#[test]
fn expiring_licences_and_low_stock_need_it_and_count_once_per_area() {
    let s = shop();
    let app = &s.o.t.app;
    // Below minimum, stock 0: one high item.
    item(&s, "Toner HP 26A", 2);
    // Enough: no item.
    let mouse = item(&s, "Mouse USB", 1);
    app.move_consumable(&s.it, mouse.id, &moved(3, None))
        .unwrap();
    let product = app
        .save_software_product(
            &s.it,
            None,
            0,
            &SoftwareProductInput {
                name: "Antivirus".into(),
                publisher: None,
                product_version: None,
                notes: None,
            },
        )
        .unwrap()
        .id;
    let licence = |expiry| LicenceInput {
        product_id: product,
        licence_key: None,
        kind: LicenceKind::Subscription,
        seats: 5,
        purchase_date: Some(date(2025, 1, 1)),
        expiry_date: Some(expiry),
        cost_cents: None,
        currency: None,
        supplier_name: None,
        order_number: None,
        notes: None,
    };
    // Expiring in 30 days: medium; in 90: nothing yet; expired with a seat held: high;
    // expired with none held: nothing.
    app.save_licence(&s.it, None, 0, &licence(date(2026, 4, 1)))
        .unwrap();
    app.save_licence(&s.it, None, 0, &licence(date(2026, 6, 1)))
        .unwrap();
    let held = app
        .save_licence(&s.it, None, 0, &licence(date(2026, 3, 1)))
        .unwrap();
    app.save_licence(&s.it, None, 0, &licence(date(2026, 2, 1)))
        .unwrap();
    // The seat was handed out before it expired.
    let seat = SeatInput {
        employee_id: Some(s.o.boss),
        asset_id: None,
        assigned_on: Some(date(2026, 2, 20)),
        note: None,
    };
    app.assign_seat(&s.it, held.id, &seat).unwrap();
    // Expired by today: no new seat.
    let e = app
        .assign_seat(
            &s.it,
            held.id,
            &SeatInput {
                employee_id: Some(s.o.clerk),
                assigned_on: None,
                ..seat
            },
        )
        .unwrap_err();
    assert_eq!(e.params["reason"], "expired");

    let list = app.attention(&s.it, Severity::Low, 100).unwrap();
    let assets: Vec<_> = list
        .items
        .iter()
        .filter(|i| i.area == Area::Assets)
        .collect();
    let kinds: Vec<&str> = assets
        .iter()
        .map(|i| i.reason["kind"].as_str().unwrap())
        .collect();
    assert_eq!(assets.len(), 3, "{kinds:?}");
    assert!(kinds.contains(&"licence_expiring"));
    assert!(kinds.contains(&"licence_expired"));
    assert!(kinds.contains(&"below_minimum"));
    // Two providers of one area: one count per severity, adding both up.
    let high: Vec<_> = list
        .counts
        .iter()
        .filter(|c| c.area == Area::Assets && c.severity == Severity::High)
        .collect();
    assert_eq!(high.len(), 1, "{:?}", list.counts);
    assert_eq!(high[0].count, 2);
    let assets_total: i64 = list
        .counts
        .iter()
        .filter(|c| c.area == Area::Assets)
        .map(|c| c.count)
        .sum();
    assert_eq!(assets_total, 3);
    // A viewer reads assets but does not keep the inventory: nothing of this for them.
    let theirs = app.attention(&s.viewer, Severity::Low, 100).unwrap();
    assert!(theirs.items.iter().all(|i| i.area != Area::Assets));
    // Stocked again, the item leaves the list.
    let toner = app
        .list_consumables(
            &s.it,
            &ConsumableQuery {
                low_only: true,
                ..query()
            },
        )
        .unwrap();
    assert_eq!(toner.total, 1);
    app.move_consumable(&s.it, toner.items[0].id, &moved(2, None))
        .unwrap();
    let list = app.attention(&s.it, Severity::Low, 100).unwrap();
    assert_eq!(
        list.items.iter().filter(|i| i.area == Area::Assets).count(),
        2
    );
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}
