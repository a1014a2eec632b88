//! Completing late or early, and intervals in days and weeks across the year end.

use super::{chain, d, fixed, from_completion};
use backoffice_core::domain::schedule::{FixedRule, Unit};

#[test]
fn fixed_and_from_completion_when_done_late_or_early() {
    let fixed_monthly = fixed(1, Unit::Months, d(2026, 1, 5), FixedRule::SameDay);
    let fc_monthly = from_completion(1, Unit::Months);
    let start = d(2026, 1, 5);
    // Due Feb 5, done late on Feb 20.
    assert_eq!(
        fixed_monthly.next_due(Some(d(2026, 2, 20)), Some(d(2026, 2, 5)), start),
        d(2026, 3, 5)
    );
    assert_eq!(
        fc_monthly.next_due(Some(d(2026, 2, 20)), Some(d(2026, 2, 5)), start),
        d(2026, 3, 20)
    );
    // Due Feb 5, done early on Jan 28: the fixed plan neither repeats Feb 5 nor skips Mar 5.
    assert_eq!(
        fixed_monthly.next_due(Some(d(2026, 1, 28)), Some(d(2026, 2, 5)), start),
        d(2026, 3, 5)
    );
    assert_eq!(
        fc_monthly.next_due(Some(d(2026, 1, 28)), Some(d(2026, 2, 5)), start),
        d(2026, 2, 28)
    );
    // Never done: the start for a plan from completion; the first date on or after it otherwise.
    assert_eq!(
        fc_monthly.next_due(None, None, d(2026, 12, 7)),
        d(2026, 12, 7)
    );
    assert_eq!(
        fixed_monthly.next_due(None, None, d(2026, 12, 7)),
        d(2027, 1, 5)
    );
    assert_eq!(
        fixed_monthly.next_due(None, None, d(2025, 6, 1)),
        d(2026, 1, 5)
    );
    assert_eq!(
        fixed_monthly.next_due(None, None, d(2026, 3, 5)),
        d(2026, 3, 5)
    );
    // A due date that is not in the series moves to the next one that is.
    assert_eq!(
        fixed_monthly.next_due(None, Some(d(2026, 3, 1)), start),
        d(2026, 3, 5)
    );
}

#[test]
fn days_weeks_and_year_end() {
    let every_10_days = fixed(10, Unit::Days, d(2026, 12, 25), FixedRule::SameDay);
    assert_eq!(
        chain(&every_10_days, 3),
        [d(2026, 12, 25), d(2027, 1, 4), d(2027, 1, 14)]
    );
    let weekly = fixed(1, Unit::Weeks, d(2026, 12, 28), FixedRule::SameDay);
    assert_eq!(
        weekly.next_due(None, Some(d(2026, 12, 28)), d(2026, 1, 1)),
        d(2027, 1, 4)
    );
    // Done on Wednesday for Monday's date: still the next Monday.
    assert_eq!(
        weekly.next_due(Some(d(2027, 1, 6)), Some(d(2027, 1, 4)), d(2026, 1, 1)),
        d(2027, 1, 11)
    );
    let month_end = fixed(1, Unit::Months, d(2026, 11, 30), FixedRule::SameDay);
    assert_eq!(
        chain(&month_end, 4),
        [
            d(2026, 11, 30),
            d(2026, 12, 30),
            d(2027, 1, 30),
            d(2027, 2, 28)
        ]
    );
    let fc = from_completion(2, Unit::Weeks);
    assert_eq!(
        fc.next_due(Some(d(2026, 12, 24)), None, d(2026, 1, 1)),
        d(2027, 1, 7)
    );
    let six = from_completion(6, Unit::Months);
    assert_eq!(
        six.next_due(Some(d(2026, 8, 31)), None, d(2026, 1, 1)),
        d(2027, 2, 28)
    );
    let ups = from_completion(24, Unit::Months);
    assert_eq!(
        ups.next_due(Some(d(2026, 12, 7)), None, d(2026, 1, 1)),
        d(2028, 12, 7)
    );
}
