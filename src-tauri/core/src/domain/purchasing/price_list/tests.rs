use super::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn input() -> SupplierPriceInput {
    SupplierPriceInput {
        item_code: Some(" tn-247 ".into()),
        description: "Toner  nero TN-247".into(),
        unit: None,
        category_id: None,
        unit_price: 45_5000,
        currency: None,
        discount_bp: 0,
        vat_rate_bp: Some(2200),
        nature: None,
        min_quantity: 0,
        valid_from: Some(d("2026-01-01")),
        valid_to: Some(d("2026-12-31")),
        notes: None,
    }
}

fn entry(id: i64, min: i64, price: i64, from: Option<&str>, to: Option<&str>) -> SupplierPrice {
    SupplierPrice {
        id,
        supplier_id: 1,
        item_code: Some("TN-247".into()),
        description: "Toner".into(),
        unit: "pz".into(),
        category_id: None,
        unit_price: price,
        currency: "EUR".into(),
        discount_bp: 0,
        vat_rate_bp: None,
        nature: None,
        min_quantity: min,
        valid_from: from.map(d),
        valid_to: to.map(d),
        notes: None,
        version: 1,
    }
}

fn fields(e: crate::Error) -> Vec<(String, String)> {
    e.fields.into_iter().map(|f| (f.field, f.code)).collect()
}

#[test]
fn a_good_entry_is_cleaned_and_keyed_by_its_code() {
    let v = input().validate().unwrap();
    assert_eq!(v.item_code.as_deref(), Some("tn-247"));
    assert_eq!(v.item_key, "#TN-247");
    assert_eq!(v.unit, "pz");
    assert_eq!(v.currency, "EUR");
}

#[test]
fn without_a_code_the_description_is_the_key() {
    assert_eq!(item_key(None, "  Carta  A4 80g "), "carta a4 80g");
}

#[test]
fn every_bad_number_is_named_at_its_field() {
    let mut i = input();
    i.unit_price = -1;
    i.discount_bp = 10_001;
    i.min_quantity = -5;
    i.vat_rate_bp = Some(1900);
    i.valid_to = Some(d("2025-12-31"));
    i.currency = Some("euro".into());
    let f = fields(i.validate().unwrap_err());
    for want in [
        ("unit_price", "negative"),
        ("discount_bp", "out_of_range"),
        ("min_quantity", "negative"),
        ("vat_rate_bp", "not_allowed"),
        ("valid_to", "before_start"),
        ("currency", "invalid_currency"),
    ] {
        assert!(
            f.iter().any(|(a, b)| a == want.0 && b == want.1),
            "{want:?} in {f:?}"
        );
    }
}

#[test]
fn a_zero_rate_needs_its_nature() {
    let mut i = input();
    i.vat_rate_bp = Some(0);
    let f = fields(i.validate().unwrap_err());
    assert!(f.iter().any(|(a, _)| a == "nature"), "{f:?}");
    i.nature = Some(Nature::N4);
    assert_eq!(i.validate().unwrap().nature, Some(Nature::N4));
}

#[test]
fn periods_overlap_with_open_ends() {
    let p = |a: Option<&str>, b: Option<&str>| (a.map(d), b.map(d));
    assert!(periods_overlap(
        p(Some("2026-01-01"), Some("2026-06-30")),
        p(Some("2026-06-30"), None)
    ));
    assert!(!periods_overlap(
        p(Some("2026-01-01"), Some("2026-06-29")),
        p(Some("2026-06-30"), None)
    ));
    assert!(periods_overlap(p(None, None), p(Some("2030-01-01"), None)));
    assert!(!periods_overlap(
        p(None, Some("2025-12-31")),
        p(Some("2026-01-01"), None)
    ));
}

#[test]
fn the_highest_break_not_above_the_quantity_applies() {
    let breaks = [
        entry(1, 0, 50_0000, None, None),
        entry(2, 10_000, 45_0000, None, None),
        entry(3, 100_000, 40_0000, None, Some("2026-03-31")),
    ];
    let day = d("2026-02-01");
    assert_eq!(applicable(&breaks, 9_999, day).unwrap().id, 1);
    assert_eq!(applicable(&breaks, 10_000, day).unwrap().id, 2);
    assert_eq!(applicable(&breaks, 150_000, day).unwrap().id, 3);
    // Once the big break has expired, the next one down holds.
    assert_eq!(applicable(&breaks, 150_000, d("2026-04-01")).unwrap().id, 2);
    assert!(applicable(&breaks[1..], 1_000, day).is_none());
}

#[test]
fn validity_includes_both_ends() {
    let (f, t) = (Some(d("2026-01-01")), Some(d("2026-01-31")));
    assert!(valid_on(f, t, d("2026-01-01")));
    assert!(valid_on(f, t, d("2026-01-31")));
    assert!(!valid_on(f, t, d("2026-02-01")));
    assert!(!valid_on(f, t, d("2025-12-31")));
}
