//! The dates a month calendar shows, and the due-soon and overdue marks.

use super::{d, fixed, from_completion};
use backoffice_core::domain::schedule::{
    is_due_soon, is_overdue, FixedRule, Unit, MAX_OCCURRENCES,
};
use chrono::NaiveDate;

#[test]
fn occurrences_for_a_month_calendar() {
    let daily = fixed(1, Unit::Days, d(2026, 1, 1), FixedRule::SameDay);
    let dec: Vec<_> = daily
        .occurrences(d(2026, 12, 1), d(2026, 12, 31), d(2026, 11, 20))
        .collect();
    assert_eq!(dec.len(), 31);
    assert_eq!((dec[0], dec[30]), (d(2026, 12, 1), d(2026, 12, 31)));
    // From completion: the current due date, then whole intervals after it.
    let fc_daily = from_completion(1, Unit::Days);
    assert_eq!(
        fc_daily
            .occurrences(d(2026, 12, 1), d(2026, 12, 31), d(2026, 12, 10))
            .count(),
        22
    );
    let fortnightly = from_completion(2, Unit::Weeks);
    let got: Vec<_> = fortnightly
        .occurrences(d(2026, 12, 1), d(2026, 12, 31), d(2026, 12, 3))
        .collect();
    assert_eq!(got, [d(2026, 12, 3), d(2026, 12, 17), d(2026, 12, 31)]);
    // Firmware quarterly from Jan 15.
    let quarterly = fixed(3, Unit::Months, d(2026, 1, 15), FixedRule::SameDay);
    let got: Vec<_> = quarterly
        .occurrences(d(2026, 1, 1), d(2026, 12, 31), d(2026, 1, 15))
        .collect();
    assert_eq!(
        got,
        [
            d(2026, 1, 15),
            d(2026, 4, 15),
            d(2026, 7, 15),
            d(2026, 10, 15)
        ]
    );
    // Nothing before the current due date, nothing in an empty range, and a bounded count.
    assert_eq!(
        quarterly
            .occurrences(d(2026, 1, 1), d(2026, 12, 31), d(2026, 7, 15))
            .next(),
        Some(d(2026, 7, 15))
    );
    assert_eq!(
        quarterly
            .occurrences(d(2026, 3, 1), d(2026, 3, 31), d(2026, 1, 15))
            .count(),
        0
    );
    assert_eq!(
        daily
            .occurrences(d(2026, 12, 31), d(2026, 12, 1), d(2026, 1, 1))
            .count(),
        0
    );
    assert_eq!(
        daily
            .occurrences(d(2026, 1, 1), d(2126, 1, 1), d(2026, 1, 1))
            .count(),
        MAX_OCCURRENCES
    );
    assert_eq!(
        daily
            .occurrences(d(2026, 1, 1), NaiveDate::MAX, d(2026, 1, 1))
            .count(),
        MAX_OCCURRENCES
    );
}

#[test]
fn due_soon_and_overdue() {
    let today = d(2026, 12, 7);
    assert!(is_due_soon(d(2026, 12, 14), today, 7));
    assert!(!is_due_soon(d(2026, 12, 14), today, 6));
    assert!(is_due_soon(today, today, 0));
    assert!(!is_overdue(today, today));
    assert!(is_overdue(d(2026, 12, 6), today));
    assert!(!is_due_soon(d(2026, 12, 6), today, 30));
    // Across the year end.
    assert!(is_due_soon(d(2027, 1, 3), d(2026, 12, 31), 3));
    assert!(!is_due_soon(d(2027, 1, 4), d(2026, 12, 31), 3));
}
