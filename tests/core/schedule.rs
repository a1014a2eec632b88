//! Recurring maintenance schedules: due dates worked out by hand against a calendar.

mod calendar;
mod completion;
mod invariants;
mod storage;

use backoffice_core::domain::schedule::{
    Anchor, FixedRule, Nth, Schedule, ScheduleError, Unit, Weekday,
};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

pub(crate) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

pub(crate) fn fixed(every: u16, unit: Unit, start: NaiveDate, rule: FixedRule) -> Schedule {
    Schedule {
        every,
        unit,
        anchor: Anchor::Fixed { start, rule },
    }
}

pub(crate) fn from_completion(every: u16, unit: Unit) -> Schedule {
    Schedule {
        every,
        unit,
        anchor: Anchor::FromCompletion,
    }
}

/// The series of a fixed plan: each due date completed on time.
pub(crate) fn chain(s: &Schedule, n: usize) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut last_due = None;
    for _ in 0..n {
        let next = s.next_due(None, last_due, d(1970, 1, 1));
        out.push(next);
        last_due = Some(next);
    }
    out
}

#[test]
fn every_zero_and_too_large_are_refused() {
    let zero = from_completion(0, Unit::Months);
    assert_eq!(zero.validate(), Err(ScheduleError::EveryZero));
    let e = backoffice_core::Error::from(ScheduleError::EveryZero);
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("every", "min")
    );

    for (unit, max) in [
        (Unit::Days, 3650),
        (Unit::Weeks, 520),
        (Unit::Months, 240),
        (Unit::Years, 20),
    ] {
        assert_eq!(from_completion(max, unit).validate(), Ok(()));
        assert_eq!(
            from_completion(max + 1, unit).validate(),
            Err(ScheduleError::EveryTooLarge { unit, max })
        );
    }
    let e = backoffice_core::Error::from(ScheduleError::EveryTooLarge {
        unit: Unit::Months,
        max: 240,
    });
    assert_eq!(
        e.fields[0].params.get("max").map(String::as_str),
        Some("240")
    );
}

#[test]
fn nth_weekday_only_counts_in_months_or_years() {
    let rule = FixedRule::NthWeekday {
        nth: Nth::First,
        weekday: Weekday::Mon,
    };
    for unit in [Unit::Days, Unit::Weeks] {
        assert_eq!(
            fixed(1, unit, d(2027, 1, 1), rule).validate(),
            Err(ScheduleError::NthWeekdayNeedsMonths)
        );
    }
    for unit in [Unit::Months, Unit::Years] {
        assert_eq!(fixed(1, unit, d(2027, 1, 1), rule).validate(), Ok(()));
    }
    assert_eq!(
        backoffice_core::Error::from(ScheduleError::NthWeekdayNeedsMonths).fields[0].field,
        "unit"
    );
}

#[test]
fn jan_31_monthly_comes_back_to_the_31st() {
    let s = fixed(1, Unit::Months, d(2026, 1, 31), FixedRule::SameDay);
    let expected = [
        d(2026, 1, 31),
        d(2026, 2, 28),
        d(2026, 3, 31),
        d(2026, 4, 30),
        d(2026, 5, 31),
        d(2026, 6, 30),
        d(2026, 7, 31),
        d(2026, 8, 31),
        d(2026, 9, 30),
        d(2026, 10, 31),
        d(2026, 11, 30),
        d(2026, 12, 31),
        d(2027, 1, 31),
    ];
    assert_eq!(chain(&s, 13), expected);
    // A leap February takes the 29th.
    let leap = fixed(1, Unit::Months, d(2028, 1, 31), FixedRule::SameDay);
    assert_eq!(
        chain(&leap, 3),
        [d(2028, 1, 31), d(2028, 2, 29), d(2028, 3, 31)]
    );
}

#[test]
fn feb_29_yearly_and_every_four_years() {
    let yearly = fixed(1, Unit::Years, d(2028, 2, 29), FixedRule::SameDay);
    assert_eq!(
        chain(&yearly, 5),
        [
            d(2028, 2, 29),
            d(2029, 2, 28),
            d(2030, 2, 28),
            d(2031, 2, 28),
            d(2032, 2, 29)
        ]
    );
    let four = fixed(4, Unit::Years, d(2028, 2, 29), FixedRule::SameDay);
    assert_eq!(
        chain(&four, 3),
        [d(2028, 2, 29), d(2032, 2, 29), d(2036, 2, 29)]
    );
    // From completion, Feb 29 plus a year is Feb 28, and it stays on the 28th from then on.
    let fc = from_completion(1, Unit::Years);
    assert_eq!(
        fc.next_due(Some(d(2028, 2, 29)), None, d(2028, 1, 1)),
        d(2029, 2, 28)
    );
    assert_eq!(
        fc.next_due(Some(d(2031, 2, 28)), None, d(2028, 1, 1)),
        d(2032, 2, 28)
    );
    let fc4 = from_completion(4, Unit::Years);
    assert_eq!(
        fc4.next_due(Some(d(2028, 2, 29)), None, d(2028, 1, 1)),
        d(2032, 2, 29)
    );
}

#[test]
fn first_monday_through_2027() {
    // 2027 starts on a Friday; February, March and November start on a Monday.
    let s = fixed(
        1,
        Unit::Months,
        d(2027, 1, 1),
        FixedRule::NthWeekday {
            nth: Nth::First,
            weekday: Weekday::Mon,
        },
    );
    let expected = [
        d(2027, 1, 4),
        d(2027, 2, 1),
        d(2027, 3, 1),
        d(2027, 4, 5),
        d(2027, 5, 3),
        d(2027, 6, 7),
        d(2027, 7, 5),
        d(2027, 8, 2),
        d(2027, 9, 6),
        d(2027, 10, 4),
        d(2027, 11, 1),
        d(2027, 12, 6),
    ];
    assert_eq!(chain(&s, 12), expected);
    let year: Vec<_> = s
        .occurrences(d(2027, 1, 1), d(2027, 12, 31), d(2027, 1, 4))
        .collect();
    assert_eq!(year, expected);
    // A start after the month's first Monday begins with the next month's.
    let late = fixed(
        1,
        Unit::Months,
        d(2027, 1, 15),
        FixedRule::NthWeekday {
            nth: Nth::First,
            weekday: Weekday::Mon,
        },
    );
    assert_eq!(late.next_due(None, None, d(2027, 1, 15)), d(2027, 2, 1));
    // Completing the Feb 1 one gives Mar 1, a month that also starts on a Monday.
    assert_eq!(
        late.next_due(None, Some(d(2027, 2, 1)), d(2027, 1, 15)),
        d(2027, 3, 1)
    );
}

#[test]
fn last_friday_and_nth_weekdays() {
    let last_fri = fixed(
        1,
        Unit::Months,
        d(2027, 1, 1),
        FixedRule::NthWeekday {
            nth: Nth::Last,
            weekday: Weekday::Fri,
        },
    );
    // Jan 31 2027 is a Sunday, Feb 28 a Sunday, Mar 31 a Wednesday; Dec 31 2027 a Friday.
    assert_eq!(
        chain(&last_fri, 3),
        [d(2027, 1, 29), d(2027, 2, 26), d(2027, 3, 26)]
    );
    assert_eq!(
        last_fri.next_due(None, Some(d(2027, 11, 26)), d(2027, 1, 1)),
        d(2027, 12, 31)
    );
    // Second Tuesday every quarter; every year's fourth Thursday of November.
    let second_tue = fixed(
        3,
        Unit::Months,
        d(2027, 1, 1),
        FixedRule::NthWeekday {
            nth: Nth::Second,
            weekday: Weekday::Tue,
        },
    );
    assert_eq!(
        chain(&second_tue, 4),
        [
            d(2027, 1, 12),
            d(2027, 4, 13),
            d(2027, 7, 13),
            d(2027, 10, 12)
        ]
    );
    let thanksgiving = fixed(
        1,
        Unit::Years,
        d(2026, 1, 1),
        FixedRule::NthWeekday {
            nth: Nth::Fourth,
            weekday: Weekday::Thu,
        },
    );
    // Counted from January: the fourth Thursday of January.
    assert_eq!(chain(&thanksgiving, 2), [d(2026, 1, 22), d(2027, 1, 28)]);
}
