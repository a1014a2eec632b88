//! Straight-line depreciation: plans and book values worked out by hand.

use backoffice_core::domain::depreciation::{
    book_value, default_rate_bp, schedule_rows, BookValue, YearRow,
};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// (year, charge) pairs of a plan, checking its running totals on the way.
fn charges(rows: &[YearRow], cost: i64) -> Vec<(i32, i64)> {
    let mut acc = 0;
    for r in rows {
        acc += r.charge_cents;
        assert_eq!(r.accumulated_cents, acc);
        assert_eq!(r.book_cents, cost - acc);
        assert!(r.charge_cents >= 0 && r.book_cents >= 0);
    }
    assert_eq!(acc, cost, "the charges add up to the cost");
    rows.iter().map(|r| (r.year, r.charge_cents)).collect()
}

#[test]
fn default_rates_per_category() {
    for code in [
        "laptop", "desktop", "server", "printer", "network", "phone", "monitor", "other",
    ] {
        assert_eq!(default_rate_bp(code), Some(2000), "{code}");
    }
    assert_eq!(default_rate_bp("software"), Some(3333));
    assert_eq!(default_rate_bp("car"), None);
    assert_eq!(default_rate_bp(""), None);
}

#[test]
fn a_thousand_euro_at_20_percent_with_half_first_year() {
    let rows = schedule_rows(100_000, d(2026, 3, 10), 2000, true);
    assert_eq!(
        charges(&rows, 100_000),
        [
            (2026, 10_000),
            (2027, 20_000),
            (2028, 20_000),
            (2029, 20_000),
            (2030, 20_000),
            (2031, 10_000)
        ]
    );
    let bv = |at| book_value(100_000, d(2026, 3, 10), 2000, at, true);
    assert_eq!(
        bv(d(2027, 12, 31)),
        BookValue {
            accumulated_cents: 30_000,
            book_cents: 70_000,
            fully_depreciated: false
        }
    );
    // The purchase day: 1 of the 297 days from Mar 10 to Dec 31 of the half charge.
    assert_eq!(bv(d(2026, 3, 10)).accumulated_cents, 34);
    assert_eq!(bv(d(2026, 12, 31)).accumulated_cents, 10_000);
    // Jul 2 2027 is day 183 of 365: 10,000 + 20,000 × 183 / 365 = 20,027.40.
    assert_eq!(bv(d(2027, 7, 2)).accumulated_cents, 20_027);
    assert!(!bv(d(2031, 12, 30)).fully_depreciated);
    assert_eq!(
        bv(d(2031, 12, 31)),
        BookValue {
            accumulated_cents: 100_000,
            book_cents: 0,
            fully_depreciated: true
        }
    );
}

#[test]
fn a_thousand_euro_at_20_percent_pro_rata() {
    // Bought on Jan 1: five whole years.
    let rows = schedule_rows(100_000, d(2026, 1, 1), 2000, false);
    assert_eq!(
        charges(&rows, 100_000),
        [
            (2026, 20_000),
            (2027, 20_000),
            (2028, 20_000),
            (2029, 20_000),
            (2030, 20_000)
        ]
    );
    // Bought on Jul 1: 184 of 365 days, 20,000 × 184 / 365 = 10,082.19.
    let rows = schedule_rows(100_000, d(2026, 7, 1), 2000, false);
    assert_eq!(
        charges(&rows, 100_000),
        [
            (2026, 10_082),
            (2027, 20_000),
            (2028, 20_000),
            (2029, 20_000),
            (2030, 20_000),
            (2031, 9_918)
        ]
    );
    let bv = book_value(100_000, d(2026, 7, 1), 2000, d(2028, 12, 31), false);
    assert_eq!((bv.accumulated_cents, bv.book_cents), (50_082, 49_918));
}

#[test]
fn uneven_costs_still_add_up_exactly() {
    // 1,000.01 € over three years with the half first year: 33,330.33 a year, 16,665.17 the first.
    let rows = schedule_rows(100_001, d(2026, 5, 5), 3333, true);
    assert_eq!(
        charges(&rows, 100_001),
        [
            (2026, 16_665),
            (2027, 33_330),
            (2028, 33_330),
            (2029, 16_676)
        ]
    );
    // 999.99 € at 12 % bought on Feb 29 of a leap year: 307 of 366 days, 11,999.88 a year.
    let rows = schedule_rows(99_999, d(2028, 2, 29), 1200, false);
    let got = charges(&rows, 99_999);
    assert_eq!(got[0], (2028, 10_065));
    assert!(got[1..8].iter().all(|&(_, c)| c == 12_000));
    assert_eq!(got[8], (2036, 5_934));
    assert_eq!(got.len(), 9);
    // Many odd costs, rates and dates: always exact, never negative.
    for cost in [1, 2, 3, 7, 99, 12_345, 99_999, 1_000_003] {
        for rate in [1_u32, 333, 1200, 2000, 2500, 3333, 9999, 10_000, 20_000] {
            for purchase in [d(2026, 1, 1), d(2026, 12, 31), d(2028, 2, 29)] {
                for half in [true, false] {
                    let rows = schedule_rows(cost, purchase, rate, half);
                    charges(&rows, cost);
                    let end = d(rows.last().unwrap().year, 12, 31);
                    let bv = book_value(cost, purchase, rate, end, half);
                    assert_eq!((bv.book_cents, bv.fully_depreciated), (0, true));
                }
            }
        }
    }
}

#[test]
fn before_purchase_and_after_full_depreciation() {
    let before = book_value(100_000, d(2026, 3, 10), 2000, d(2026, 3, 9), true);
    assert_eq!(
        before,
        BookValue {
            accumulated_cents: 0,
            book_cents: 100_000,
            fully_depreciated: false
        }
    );
    let long_after = book_value(100_000, d(2026, 3, 10), 2000, d(2040, 6, 1), true);
    assert_eq!(
        long_after,
        BookValue {
            accumulated_cents: 100_000,
            book_cents: 0,
            fully_depreciated: true
        }
    );
    // A rate of zero never depreciates; a cost of zero has no plan.
    assert!(schedule_rows(100_000, d(2026, 1, 1), 0, true).is_empty());
    assert_eq!(
        book_value(100_000, d(2026, 1, 1), 0, d(2040, 1, 1), true).book_cents,
        100_000
    );
    assert!(schedule_rows(0, d(2026, 1, 1), 2000, true).is_empty());
    // 100 % (or more) with the half first year: two halves.
    assert_eq!(
        charges(
            &schedule_rows(100_000, d(2026, 6, 1), 15_000, true),
            100_000
        ),
        [(2026, 50_000), (2027, 50_000)]
    );
}
