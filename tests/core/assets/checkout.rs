use super::shop;
use backoffice_core::domain::assets::asset::AssetStatus;
use backoffice_core::domain::assets::checkout::{CheckinInput, CheckoutInput};
use backoffice_core::error::ErrorCode;

fn to_person(employee: i64) -> CheckoutInput {
    CheckoutInput {
        employee_id: Some(employee),
        location_id: None,
        out_on: None,
        expected_return: None,
        condition: Some("Nuovo".into()),
        note: None,
    }
}

fn back() -> CheckinInput {
    CheckinInput {
        in_on: None,
        condition: Some("Graffio sul coperchio".into()),
        note: None,
    }
}

#[test]
fn check_out_and_in_keep_every_holder() {
    let s = shop();
    let app = &s.o.t.app;
    let a = s.asset("NB-00001", "Portatile");
    let a = app
        .checkout_asset(&s.it, a.id, a.version, &to_person(s.o.clerk))
        .unwrap();
    assert_eq!(a.status, AssetStatus::InUse);
    assert_eq!(a.holder_employee_id, Some(s.o.clerk));
    // Out already: refused, with the reason.
    let e = app
        .checkout_asset(&s.it, a.id, a.version, &to_person(s.o.boss))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition, "{e:?}");
    assert_eq!(e.params["reason"], "already_out");
    // The employee's file lists it.
    let held = app.assets_held_by(&s.o.t.admin, s.o.clerk).unwrap();
    assert_eq!(held.len(), 1);
    assert_eq!(held[0].asset_tag, "NB-00001");
    // Back in stock, then out to a room.
    let a = app.checkin_asset(&s.it, a.id, a.version, &back()).unwrap();
    assert_eq!(a.status, AssetStatus::InStock);
    assert_eq!(a.holder_employee_id, None);
    let e = app
        .checkin_asset(&s.it, a.id, a.version, &back())
        .unwrap_err();
    assert_eq!(e.params["reason"], "not_out");
    let room = backoffice_core::domain::assets::checkout::CheckoutInput {
        employee_id: None,
        location_id: Some(s.room),
        ..to_person(0)
    };
    let a = app.checkout_asset(&s.it, a.id, a.version, &room).unwrap();
    assert_eq!(
        a.holder_location_path.as_deref(),
        Some("Sede di Milano › Sala server")
    );
    let holders = app.asset_holders(&s.it, a.id, 0, 50).unwrap();
    assert_eq!(holders.total, 2);
    assert_eq!(holders.items[0].location_id, Some(s.room));
    assert_eq!(holders.items[1].employee_id, Some(s.o.clerk));
    assert_eq!(
        holders.items[1].in_condition.as_deref(),
        Some("Graffio sul coperchio")
    );
    assert!(app
        .assets_held_by(&s.o.t.admin, s.o.clerk)
        .unwrap()
        .is_empty());
    let report =
        s.o.t
            .app
            .verify_history(&s.o.t.admin, &mut |_| true)
            .unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn retired_assets_and_bad_hand_overs_are_refused() {
    let s = shop();
    let app = &s.o.t.app;
    let a = s.asset("NB-00001", "Portatile");
    // Neither a person nor a place, or both.
    let mut both = to_person(s.o.clerk);
    both.location_id = Some(s.room);
    let e = app
        .checkout_asset(&s.it, a.id, a.version, &both)
        .unwrap_err();
    assert_eq!(e.fields[0].code, "one_holder");
    // A return expected before the hand-over.
    let mut early = to_person(s.o.clerk);
    early.out_on = Some(crate::audits::date(2026, 1, 10));
    early.expected_return = Some(crate::audits::date(2026, 1, 9));
    let e = app
        .checkout_asset(&s.it, a.id, a.version, &early)
        .unwrap_err();
    assert_eq!(e.fields[0].code, "before_checkout");
    // Retired: it cannot go out.
    let mut v = super::input("NB-00001", "Portatile", s.laptop.id);
    v.status = AssetStatus::Retired;
    v.status_date = Some(crate::audits::date(2026, 1, 5));
    let a = app.update_asset(&s.it, a.id, a.version, &v).unwrap();
    let e = app
        .checkout_asset(&s.it, a.id, a.version, &to_person(s.o.clerk))
        .unwrap_err();
    assert_eq!(e.params["reason"], "asset_gone");
    // Out: it cannot be retired before it is checked in.
    let b = s.asset("NB-00002", "Altro");
    let b = app
        .checkout_asset(&s.it, b.id, b.version, &to_person(s.o.clerk))
        .unwrap();
    let mut v = super::input("NB-00002", "Altro", s.laptop.id);
    v.status = AssetStatus::Retired;
    v.status_date = Some(crate::audits::date(2026, 1, 5));
    let e = app.update_asset(&s.it, b.id, b.version, &v).unwrap_err();
    assert_eq!(e.params["reason"], "asset_checked_out");
}

#[test]
fn each_person_sees_what_they_may() {
    let s = shop();
    let app = &s.o.t.app;
    let mine = s.asset("NB-00001", "Portatile del contabile");
    app.checkout_asset(&s.it, mine.id, mine.version, &to_person(s.o.clerk))
        .unwrap();
    let boss = s.asset("NB-00002", "Portatile del capo");
    app.checkout_asset(&s.it, boss.id, boss.version, &to_person(s.o.boss))
        .unwrap();
    s.asset("NB-00003", "In magazzino");
    let q = |who| {
        let mut q = super::inventory_query();
        q.page.limit = 50;
        app.list_assets(who, &q)
            .unwrap()
            .items
            .into_iter()
            .map(|r| r.tag)
            .collect::<Vec<_>>()
    };
    assert_eq!(q(&s.it).len(), 3);
    // The viewer is the clerk: only what they hold.
    assert_eq!(q(&s.viewer), ["NB-00001"]);
    assert_eq!(app.asset(&s.viewer, mine.id).unwrap().tag, "NB-00001");
    assert_eq!(
        app.asset(&s.viewer, boss.id).unwrap_err().code,
        ErrorCode::NotFound
    );
    // The manager heads the store: the boss's laptop is in their department.
    assert_eq!(q(&s.o.manager), ["NB-00002"]);
    // Nobody but IT and administrators writes.
    let e = app
        .checkin_asset(&s.o.manager, boss.id, 2, &back())
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}
