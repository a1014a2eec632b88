//! Licence forms and lists: each bad input named by its field with nothing written, the same
//! product twice refused, and the list's search, expiry filter, sort and paging.

use super::licences::{licence_input, product, query, verify};
use super::shop;
use crate::audits::date;
use backoffice_core::domain::assets::licence::{
    LicenceInput, LicenceQuery, LicenceSort, SoftwareProductInput,
};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::error::ErrorCode;

#[test]
fn bad_licences_are_refused_field_by_field_and_nothing_written() {
    let s = shop();
    let app = &s.o.t.app;
    let p = product(&s, "Office", "2021");
    let before = s.o.t.count("SELECT count(*) FROM changes");
    let cases = [
        (
            LicenceInput {
                seats: 0,
                ..licence_input(p, 1)
            },
            "seats",
            "out_of_range",
        ),
        (
            LicenceInput {
                expiry_date: Some(date(2025, 1, 1)),
                ..licence_input(p, 1)
            },
            "expiry_date",
            "not_after_purchase",
        ),
        (
            LicenceInput {
                cost_cents: Some(-1),
                ..licence_input(p, 1)
            },
            "cost_cents",
            "out_of_range",
        ),
        (
            LicenceInput {
                currency: Some("EURO".into()),
                ..licence_input(p, 1)
            },
            "currency",
            "bad_currency",
        ),
        (
            LicenceInput {
                product_id: 9_999,
                ..licence_input(p, 1)
            },
            "product_id",
            "not_found",
        ),
    ];
    for (input, field, code) in cases {
        let e = app.save_licence(&s.it, None, 0, &input).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{field}: {e:?}");
        assert_eq!(e.fields[0].field, field, "{e:?}");
        assert_eq!(e.fields[0].code, code, "{e:?}");
    }
    // The same product and version, whatever the case: refused.
    let e = app
        .save_software_product(
            &s.it,
            None,
            0,
            &SoftwareProductInput {
                name: " office ".into(),
                publisher: None,
                product_version: Some("2021".into()),
                notes: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "duplicate");
    assert_eq!(s.o.t.count("SELECT count(*) FROM licences"), 0);
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), before);
    verify(&s);
}

#[test]
fn lists_search_and_filter_by_expiry() {
    let s = shop();
    let app = &s.o.t.app;
    let office = product(&s, "Office", "2021");
    let acrobat =
        s.o.t
            .app
            .save_software_product(
                &s.it,
                None,
                0,
                &SoftwareProductInput {
                    name: "Acrobat".into(),
                    publisher: Some("Adobe".into()),
                    product_version: None,
                    notes: None,
                },
            )
            .unwrap()
            .id;
    app.save_licence(&s.it, None, 0, &licence_input(office, 10))
        .unwrap();
    let soon = LicenceInput {
        expiry_date: Some(date(2026, 4, 1)),
        ..licence_input(acrobat, 2)
    };
    app.save_licence(&s.it, None, 0, &soon).unwrap();
    let found = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                search: Some("adob".into()),
                ..query()
            },
        )
        .unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].product_name, "Acrobat");
    let expiring = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                expiring_within_days: Some(60),
                ..query()
            },
        )
        .unwrap();
    assert_eq!(expiring.total, 1);
    let sorted = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                sort: LicenceSort::Expiry,
                dir: SortDir::Desc,
                ..query()
            },
        )
        .unwrap();
    assert_eq!(sorted.items[0].product_name, "Office");
    let page = app
        .list_licences(
            &s.it,
            &LicenceQuery {
                page: PageRequest {
                    offset: 1,
                    limit: 1,
                },
                ..query()
            },
        )
        .unwrap();
    assert_eq!((page.total, page.items.len()), (2, 1));
    assert_eq!(page.items[0].product_name, "Office");
}
