//! Suppliers' price lists: entries checked at their fields, no two prices for the same break on
//! the same day, the list's search and sorts, the price an order line gets for its quantity, and
//! who may change them.

use super::buyers;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::purchasing::price_list::{PriceQuery, PriceSort, SupplierPriceInput};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn price(code: &str, description: &str, euros_e4: i64, min_units: i64) -> SupplierPriceInput {
    SupplierPriceInput {
        item_code: Some(code.into()),
        description: description.into(),
        unit: Some("pz".into()),
        category_id: None,
        unit_price: euros_e4,
        currency: None,
        discount_bp: 0,
        vat_rate_bp: Some(2200),
        nature: None,
        min_quantity: min_units * 1000,
        valid_from: Some(d("2026-01-01")),
        valid_to: Some(d("2026-12-31")),
        notes: None,
    }
}

fn codes(e: &backoffice_core::Error) -> Vec<(String, String)> {
    e.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

#[test]
fn bad_entries_and_overlapping_breaks_are_refused_and_nothing_is_written() {
    let b = buyers();
    let s = b.supplier("Cartoleria Milanese S.r.l.", "00488410010");
    let count = || b.t.count("SELECT count(*) FROM supplier_prices");

    let mut bad = price("TN-247", "Toner nero", -1, 0);
    bad.vat_rate_bp = Some(0);
    bad.valid_to = Some(d("2025-06-30"));
    let e =
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &bad)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let got = codes(&e);
    for want in [
        ("unit_price", "negative"),
        ("nature", "nature_required"),
        ("valid_to", "before_start"),
    ] {
        assert!(
            got.contains(&(want.0.into(), want.1.into())),
            "{want:?} in {got:?}"
        );
    }
    assert_eq!(count(), 0);

    let first =
        b.t.app
            .save_supplier_price(
                &b.buyer,
                s.id,
                None,
                0,
                &price("TN-247", "Toner nero", 45_5000, 0),
            )
            .unwrap();
    // The same code in other case and the same break, for dates that meet the first: refused.
    let mut again = price("tn-247", "Toner nero TN247", 44_0000, 0);
    again.valid_from = Some(d("2026-12-31"));
    again.valid_to = None;
    let e =
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &again)
            .unwrap_err();
    assert_eq!(
        codes(&e),
        [("valid_from".to_owned(), "overlaps".to_owned())]
    );
    assert_eq!(count(), 1);
    // From the next year it is the new price.
    again.valid_from = Some(d("2027-01-01"));
    b.t.app
        .save_supplier_price(&b.buyer, s.id, None, 0, &again)
        .unwrap();
    // Another break of the same item may share the dates.
    b.t.app
        .save_supplier_price(
            &b.buyer,
            s.id,
            None,
            0,
            &price("TN-247", "Toner nero", 41_0000, 10),
        )
        .unwrap();
    assert_eq!(count(), 3);

    // An entry saved over an old version is a conflict, and nothing changes.
    let mut cheaper = price("TN-247", "Toner nero", 43_0000, 0);
    b.t.app
        .save_supplier_price(&b.buyer, s.id, Some(first.id), first.version, &cheaper)
        .unwrap();
    cheaper.unit_price = 1;
    let e =
        b.t.app
            .save_supplier_price(&b.buyer, s.id, Some(first.id), first.version, &cheaper)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);

    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn an_order_line_gets_the_break_for_its_quantity_on_the_day() {
    let b = buyers();
    let s = b.supplier("Cartoleria Milanese S.r.l.", "00488410010");
    let save = |p: SupplierPriceInput| {
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &p)
            .unwrap()
    };
    save(price("TN-247", "Toner nero TN-247", 45_5000, 0));
    save(price("TN-247", "Toner nero TN-247", 41_0000, 10));
    let mut expired = price("TN-247", "Toner nero TN-247", 30_0000, 50);
    expired.valid_to = Some(d("2026-03-31"));
    save(expired);
    let mut bulk = price("CA-A4", "Carta A4 80 g, risma", 3_2000, 100);
    bulk.valid_from = None;
    bulk.valid_to = None;
    save(bulk);

    let suggest = |search: &str, units: i64, day: &str| {
        b.t.app
            .price_suggestions(&b.buyer, s.id, search, units * 1000, Some(d(day)))
            .unwrap()
    };
    let one = suggest("toner", 5, "2026-06-01");
    assert_eq!(one.len(), 1);
    assert!(one[0].applies);
    assert_eq!(one[0].price.unit_price, 45_5000);
    assert_eq!(
        suggest("tn-2", 12, "2026-06-01")[0].price.unit_price,
        41_0000
    );
    // The 50-piece price held only until March.
    assert_eq!(
        suggest("toner", 60, "2026-03-15")[0].price.unit_price,
        30_0000
    );
    assert_eq!(
        suggest("toner", 60, "2026-06-01")[0].price.unit_price,
        41_0000
    );
    // Below every break of the paper, its smallest is shown as not applying.
    let paper = suggest("carta", 20, "2026-06-01");
    assert_eq!(paper.len(), 1);
    assert!(!paper[0].applies);
    assert_eq!(paper[0].price.min_quantity, 100_000);
    // Outside every validity nothing is offered.
    assert!(suggest("toner", 5, "2028-01-01").is_empty());
    assert!(suggest("nothing like it", 5, "2026-06-01").is_empty());
}

#[test]
fn the_list_searches_sorts_and_pages_in_sql() {
    let b = buyers();
    let s = b.supplier("Cartoleria Milanese S.r.l.", "00488410010");
    for i in 0..30 {
        let p = price(
            &format!("ART-{i:03}"),
            &format!("Articolo {i}"),
            (i + 1) * 1_0000,
            0,
        );
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &p)
            .unwrap();
    }
    let page =
        b.t.app
            .supplier_prices(
                &b.buyer,
                s.id,
                &PriceQuery {
                    page: PageRequest {
                        offset: 0,
                        limit: 10,
                    },
                    sort: Some(PriceSort::Price),
                    dir: Some(SortDir::Desc),
                    ..PriceQuery::default()
                },
            )
            .unwrap();
    assert_eq!(page.total, 30);
    assert_eq!(page.items.len(), 10);
    assert_eq!(page.items[0].unit_price, 30_0000);
    let found =
        b.t.app
            .supplier_prices(
                &b.buyer,
                s.id,
                &PriceQuery {
                    search: Some("art-02".into()),
                    valid_on: Some(d("2026-05-05")),
                    ..PriceQuery::default()
                },
            )
            .unwrap();
    assert_eq!(found.total, 10);
    let none_valid =
        b.t.app
            .supplier_prices(
                &b.buyer,
                s.id,
                &PriceQuery {
                    valid_on: Some(d("2027-05-05")),
                    ..PriceQuery::default()
                },
            )
            .unwrap();
    assert_eq!(none_valid.total, 0);
}

#[test]
fn only_purchasing_changes_a_price_list_and_accounting_reads_it() {
    let b = buyers();
    let s = b.supplier("Cartoleria Milanese S.r.l.", "00488410010");
    let p = price("TN-247", "Toner nero", 45_5000, 0);
    for who in [&b.accountant, &b.manager, &b.it] {
        let e =
            b.t.app
                .save_supplier_price(who, s.id, None, 0, &p)
                .unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
    }
    let saved =
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &p)
            .unwrap();
    let list =
        b.t.app
            .supplier_prices(&b.accountant, s.id, &PriceQuery::default())
            .unwrap();
    assert_eq!(list.total, 1);
    let e =
        b.t.app
            .delete_supplier_price(&b.accountant, saved.id, saved.version)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    b.t.app
        .delete_supplier_price(&b.buyer, saved.id, saved.version)
        .unwrap();
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_prices"), 0);
}
