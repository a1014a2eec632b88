use super::*;
use crate::error::ErrorCode;
use proptest::prelude::*;

fn line(quantity: i64, unit_price: i64, discount_bp: i64, rate: i64) -> OrderLineInput {
    OrderLineInput {
        quantity,
        unit_price,
        discount_bp,
        vat_rate_bp: rate,
        nature: (rate == 0).then_some(Nature::N4),
    }
}

#[test]
fn rounds_each_line_then_the_vat_per_rate() {
    // 3 × 0,3333 € = 0,9999 € → 1,00 €; 1,5 × 10 € less 10 % = 13,50 €.
    let t = compute_totals(
        &[
            line(3000, 3333, 0, 2200),
            line(1500, 100_000, 1000, 2200),
            line(1000, 50_000, 0, 400),
        ],
        "eur",
        None,
    )
    .unwrap();
    assert_eq!(
        t.lines.iter().map(|l| l.net).collect::<Vec<_>>(),
        [100, 1350, 500]
    );
    assert_eq!(t.currency, "EUR");
    assert_eq!(
        t.summary,
        [
            VatSummaryRow {
                rate_bp: 2200,
                nature: None,
                taxable: 1450,
                tax: 319
            },
            VatSummaryRow {
                rate_bp: 400,
                nature: None,
                taxable: 500,
                tax: 20
            },
        ]
    );
    assert_eq!((t.taxable, t.tax, t.total), (1950, 339, 2289));
}

#[test]
fn vat_on_the_sum_differs_from_the_sum_of_line_vat() {
    // Three lines of 0,05 € at 22 %: each line's VAT rounds to 0,01 € (0,011), the rate's
    // VAT on 0,15 € is 0,03 € (0,033): the summary is the one kept.
    let t = compute_totals(&[line(1000, 500, 0, 2200); 3], "EUR", None).unwrap();
    assert_eq!(t.lines.iter().map(|l| l.tax).sum::<i64>(), 3);
    assert_eq!(t.tax, 3);
    let t = compute_totals(&[line(1000, 250, 0, 2200); 4], "EUR", None).unwrap();
    // 0,025 € a line → 0,03 € each half-up (0,0055 VAT → 0,01), 0,12 € → 0,0264 → 0,03.
    assert_eq!(t.lines[0].net, 3);
    assert_eq!((t.taxable, t.tax), (12, 3));
    assert_eq!(t.lines.iter().map(|l| l.tax).sum::<i64>(), 4);
}

#[test]
fn zero_rate_lines_are_summarised_per_nature() {
    let mut exempt = line(1000, 10_000, 0, 0);
    exempt.nature = Some(Nature::N4);
    let mut export = exempt;
    export.nature = Some(Nature::N3_1);
    let t = compute_totals(&[exempt, export, exempt], "EUR", None).unwrap();
    assert_eq!(t.summary.len(), 2);
    assert!(t.summary.iter().all(|r| r.tax == 0));
    assert_eq!(t.total, 300);
}

#[test]
fn bad_lines_are_all_reported_by_field() {
    let e = compute_totals(
        &[
            line(-1000, 100, 0, 2200),
            line(1000, -1, 0, 2100),
            line(1000, 1, 12_000, 0),
        ],
        "EUR",
        None,
    )
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let got: Vec<(&str, &str)> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("lines.0.quantity", "negative"),
            ("lines.1.unit_price", "negative"),
            ("lines.1.vat_rate_bp", "not_allowed"),
            ("lines.2.discount_bp", "out_of_range"),
        ]
    );
    let mut no_nature = line(1000, 1, 0, 0);
    no_nature.nature = None;
    let e = compute_totals(&[no_nature], "USD", None).unwrap_err();
    let got: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(got, ["exchange_rate", "lines.0.nature"]);
}

#[test]
fn overflow_is_a_field_error() {
    let e = compute_totals(&[line(i64::MAX, i64::MAX, 0, 2200)], "EUR", None).unwrap_err();
    assert_eq!(e.fields[0].field, "lines.0.unit_price");
    assert_eq!(e.fields[0].code, "too_large");
    // Each line fits, their sum does not.
    let big = line(1000, 60_000_000_000_000_000, 0, 2200);
    let e = compute_totals(&[big, big], "EUR", None).unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("lines", "too_large")
    );
}

#[test]
fn other_currencies_keep_their_rate() {
    let t = compute_totals(&[line(1000, 10_000, 0, 2200)], "USD", Some(1_085_600)).unwrap();
    assert_eq!(
        (t.currency.as_str(), t.exchange_rate),
        ("USD", Some(1_085_600))
    );
    let e = compute_totals(&[], "EUR", Some(1)).unwrap_err();
    assert_eq!(e.fields[0].code, "not_for_eur");
}

fn any_line() -> impl Strategy<Value = OrderLineInput> {
    let rate = prop_oneof![Just(2200i64), Just(1000), Just(500), Just(400), Just(0)];
    let nature = prop_oneof![Just(Nature::N4), Just(Nature::N3_1), Just(Nature::N6_7)];
    (
        1i64..5_000_000,
        0i64..50_000_000,
        prop_oneof![Just(0i64), 0i64..=10_000],
        rate,
        nature,
    )
        .prop_map(
            |(quantity, unit_price, discount_bp, vat_rate_bp, nature)| OrderLineInput {
                quantity,
                unit_price,
                discount_bp,
                vat_rate_bp,
                nature: (vat_rate_bp == 0).then_some(nature),
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn summary_matches_lines_within_fatturapa_tolerance(lines in prop::collection::vec(any_line(), 0..40)) {
        let t = compute_totals(&lines, "EUR", None).unwrap();
        prop_assert_eq!(t.taxable, t.lines.iter().map(|l| l.net).sum::<i64>());
        prop_assert_eq!(t.total, t.taxable + t.tax);
        prop_assert_eq!(t.tax, t.summary.iter().map(|r| r.tax).sum::<i64>());
        for row in &t.summary {
            let of_rate: Vec<&LineTotals> = t.lines.iter()
                .filter(|l| (l.rate_bp, l.nature) == (row.rate_bp, row.nature))
                .collect();
            let taxable: i64 = of_rate.iter().map(|l| l.net).sum();
            prop_assert_eq!(row.taxable, taxable);
            prop_assert_eq!(Some(row.tax), tax_on(taxable, row.rate_bp));
            // FatturaPA accepts the lines' VAT differing from the summary's by one cent a line.
            let line_tax: i64 = of_rate.iter().map(|l| l.tax).sum();
            prop_assert!((line_tax - row.tax).abs() <= of_rate.len() as i64);
        }
    }

    #[test]
    fn totals_do_not_depend_on_line_order(
        (lines, shuffled) in prop::collection::vec(any_line(), 0..30)
            .prop_flat_map(|v| (Just(v.clone()), Just(v).prop_shuffle())),
    ) {
        let a = compute_totals(&lines, "EUR", None).unwrap();
        let b = compute_totals(&shuffled, "EUR", None).unwrap();
        prop_assert_eq!(&a.summary, &b.summary);
        prop_assert_eq!((a.taxable, a.tax, a.total), (b.taxable, b.tax, b.total));
    }

    #[test]
    fn zero_discount_is_identity(quantity in 1i64..10_000_000, price in 0i64..100_000_000) {
        let expected = div_round_half_up(i128::from(quantity) * i128::from(price), 100_000);
        prop_assert_eq!(line_net(quantity, price, 0).map(i128::from), Some(expected));
    }

    #[test]
    fn a_full_discount_is_zero(quantity in 1i64..10_000_000, price in 0i64..100_000_000) {
        prop_assert_eq!(line_net(quantity, price, 10_000), Some(0));
    }
}
