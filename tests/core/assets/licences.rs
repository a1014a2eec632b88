//! Licences: seats handed out up to their count, a leaver's seats listed for release, and the
//! key hidden in every read, revealed only with write rights and recorded each time.

use super::{shop, Shop};
use crate::audits::date;
use backoffice_core::domain::assets::licence::{
    Licence, LicenceInput, LicenceKind, LicenceQuery, LicenceSort, SeatUse, SoftwareProductInput,
};
use backoffice_core::domain::assets::seat::SeatInput;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::staff::employee::TerminationInput;
use backoffice_core::error::ErrorCode;

pub(super) const KEY: &str = "ABCDE-12345-FGHIJ-67890";

pub(super) fn product(s: &Shop, name: &str, version: &str) -> i64 {
    s.o.t
        .app
        .save_software_product(
            &s.it,
            None,
            0,
            &SoftwareProductInput {
                name: name.into(),
                publisher: Some("Microsoft".into()),
                product_version: Some(version.into()),
                notes: None,
            },
        )
        .unwrap()
        .id
}

pub(super) fn licence_input(product_id: i64, seats: i64) -> LicenceInput {
    LicenceInput {
        product_id,
        licence_key: Some(KEY.into()),
        kind: LicenceKind::PerSeat,
        seats,
        purchase_date: Some(date(2025, 4, 1)),
        expiry_date: Some(date(2027, 4, 1)),
        cost_cents: Some(45_000),
        currency: None,
        supplier_name: Some("Rossi Forniture S.r.l.".into()),
        order_number: Some("ORD-77".into()),
        notes: None,
    }
}

fn licence(s: &Shop, seats: i64) -> Licence {
    let p = product(s, "Office", "2021");
    s.o.t
        .app
        .save_licence(&s.it, None, 0, &licence_input(p, seats))
        .unwrap()
}

fn to_person(employee: i64) -> SeatInput {
    SeatInput {
        employee_id: Some(employee),
        asset_id: None,
        assigned_on: None,
        note: None,
    }
}

pub(super) fn query() -> LicenceQuery {
    LicenceQuery {
        search: None,
        product_id: None,
        kind: None,
        expiring_within_days: None,
        seat_use: None,
        include_retired: false,
        sort: LicenceSort::Product,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    }
}

pub(super) fn verify(s: &Shop) {
    let report =
        s.o.t
            .app
            .verify_history(&s.o.t.admin, &mut |_| true)
            .unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn seats_are_handed_out_up_to_the_count() {
    let s = shop();
    let app = &s.o.t.app;
    let l = licence(&s, 2);
    let laptop = s.asset("NB-00001", "Portatile");
    let first = app.assign_seat(&s.it, l.id, &to_person(s.o.clerk)).unwrap();
    assert_eq!(first.employee_id, Some(s.o.clerk));
    let device = SeatInput {
        employee_id: None,
        asset_id: Some(laptop.id),
        ..to_person(0)
    };
    app.assign_seat(&s.it, l.id, &device).unwrap();
    // Both seats held: the next is refused, whoever it is for.
    let e = app
        .assign_seat(&s.it, l.id, &to_person(s.o.boss))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition, "{e:?}");
    assert_eq!(e.params["reason"], "no_free_seat");
    assert_eq!(app.licence(&s.it, l.id).unwrap().seats_used, 2);
    // Released, a seat is free again; the same person twice is refused.
    let freed = app
        .release_seat(&s.it, first.id, first.version, None)
        .unwrap();
    assert_eq!(freed.released_on, Some(date(2026, 3, 2)));
    let e = app
        .release_seat(&s.it, freed.id, freed.version, None)
        .unwrap_err();
    assert_eq!(e.params["reason"], "already_released");
    app.assign_seat(&s.it, l.id, &to_person(s.o.boss)).unwrap();
    let e = app
        .assign_seat(&s.it, l.id, &to_person(s.o.boss))
        .unwrap_err();
    assert_eq!(e.params["reason"], "already_assigned");
    // Who holds what.
    assert_eq!(app.licence_seats(&s.it, l.id, true).unwrap().len(), 2);
    assert_eq!(app.licence_seats(&s.it, l.id, false).unwrap().len(), 3);
    assert_eq!(app.employee_seats(&s.it, s.o.clerk).unwrap().len(), 1);
    assert_eq!(app.asset_seats(&s.it, laptop.id).unwrap().len(), 1);
    // A viewer does not read the software inventory.
    let e = app.list_licences(&s.viewer, &query()).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    // Fewer seats than held: listed as over-used.
    let l = app.licence(&s.it, l.id).unwrap();
    app.save_licence(
        &s.it,
        Some(l.id),
        l.version,
        &licence_input(l.product_id, 1),
    )
    .unwrap();
    let over = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                seat_use: Some(SeatUse::Over),
                ..query()
            },
        )
        .unwrap();
    assert_eq!(over.total, 1);
    let under = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                seat_use: Some(SeatUse::Under),
                ..query()
            },
        )
        .unwrap();
    assert_eq!(under.total, 0);
    verify(&s);
}

#[test]
fn a_leaver_s_seats_are_listed_for_release() {
    let s = shop();
    let app = &s.o.t.app;
    let l = licence(&s, 5);
    app.assign_seat(&s.it, l.id, &to_person(s.o.clerk)).unwrap();
    assert!(app.seats_to_release(&s.it).unwrap().is_empty());
    let e = app.employee(&s.o.t.admin, s.o.clerk).unwrap().employee;
    app.terminate_employee(
        &s.o.t.admin,
        e.id,
        e.version,
        &TerminationInput {
            termination_date: Some(date(2026, 2, 27)),
            reason: None,
        },
    )
    .unwrap();
    let leaving = app.seats_to_release(&s.it).unwrap();
    assert_eq!(leaving.len(), 1);
    assert!(leaving[0].employee_terminated);
    // IT sees it on the attention list.
    let waiting = |s: &Shop| {
        s.o.t
            .app
            .attention(&s.it, Severity::Low, 100)
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.reason["kind"] == "seat_of_leaver")
            .count()
    };
    assert_eq!(waiting(&s), 1);
    // A leaver takes no new seat.
    let other = licence_input(product(&s, "Visio", "2021"), 1);
    let other = app.save_licence(&s.it, None, 0, &other).unwrap();
    let e = app
        .assign_seat(&s.it, other.id, &to_person(s.o.clerk))
        .unwrap_err();
    assert_eq!(e.fields[0].field, "employee_id");
    let seat = &leaving[0];
    app.release_seat(&s.it, seat.id, seat.version, None)
        .unwrap();
    assert!(app.seats_to_release(&s.it).unwrap().is_empty());
    assert_eq!(waiting(&s), 0);
    verify(&s);
}

#[test]
fn the_key_is_hidden_and_every_reveal_recorded() {
    let s = shop();
    let app = &s.o.t.app;
    let l = licence(&s, 3);
    assert_eq!(l.licence_key, None);
    assert!(l.has_key);
    assert_eq!(app.licence(&s.it, l.id).unwrap().licence_key, None);
    let listed = app.list_licences(&s.it, &query()).unwrap();
    assert!(listed.items.iter().all(|x| x.licence_key.is_none()));
    // History holds the key's digest, never the key.
    let leaked = s.o.t.count(&format!(
        "SELECT count(*) FROM changes WHERE after LIKE '%{KEY}%' OR before LIKE '%{KEY}%'"
    ));
    assert_eq!(leaked, 0);
    let reads = || {
        s.o.t
            .count("SELECT count(*) FROM changes WHERE entity = 'licences' AND op = 'read'")
    };
    // Reading staff files or the inventory is not enough to see a key.
    let accountant = &s.o.auditor;
    assert!(app.list_licences(accountant, &query()).is_ok());
    let e = app.reveal_licence_key(accountant, l.id).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(
        app.reveal_licence_key(&s.viewer, l.id).unwrap_err().code,
        ErrorCode::Forbidden
    );
    assert_eq!(reads(), 0);
    for n in 1..=2 {
        let shown = app.reveal_licence_key(&s.it, l.id).unwrap();
        assert_eq!(shown.licence_key.as_deref(), Some(KEY));
        assert_eq!(reads(), n);
    }
    let actor = s.o.t.count(
        "SELECT count(*) FROM changes WHERE entity = 'licences' AND op = 'read' AND actor = 'sistemista'",
    );
    assert_eq!(actor, 2);
    // An edit without a key keeps it; an empty one removes it.
    let l = app.licence(&s.it, l.id).unwrap();
    let keep = LicenceInput {
        licence_key: None,
        ..licence_input(l.product_id, 3)
    };
    let l = app
        .save_licence(&s.it, Some(l.id), l.version, &keep)
        .unwrap();
    assert!(l.has_key);
    let clear = LicenceInput {
        licence_key: Some(" ".into()),
        ..keep
    };
    let l = app
        .save_licence(&s.it, Some(l.id), l.version, &clear)
        .unwrap();
    assert!(!l.has_key);
    assert_eq!(
        app.reveal_licence_key(&s.it, l.id).unwrap().licence_key,
        None
    );
    verify(&s);
}
