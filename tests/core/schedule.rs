//! Recurring maintenance schedules: due dates worked out by hand against a calendar.

use backoffice_core::domain::schedule::{
    is_due_soon, is_overdue, Anchor, FixedRule, Nth, Schedule, ScheduleError, Unit, Weekday,
    MAX_OCCURRENCES,
};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fixed(every: u16, unit: Unit, start: NaiveDate, rule: FixedRule) -> Schedule {
    Schedule {
        every,
        unit,
        anchor: Anchor::Fixed { start, rule },
    }
}

fn from_completion(every: u16, unit: Unit) -> Schedule {
    Schedule {
        every,
        unit,
        anchor: Anchor::FromCompletion,
    }
}

/// The series of a fixed plan: each due date completed on time.
fn chain(s: &Schedule, n: usize) -> Vec<NaiveDate> {
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

#[test]
fn storage_text_round_trips() {
    let cases = [
        ("3 months from_completion", from_completion(3, Unit::Months)),
        (
            "1 months fixed 2026-01-05 nth:1:mon",
            fixed(
                1,
                Unit::Months,
                d(2026, 1, 5),
                FixedRule::NthWeekday {
                    nth: Nth::First,
                    weekday: Weekday::Mon,
                },
            ),
        ),
        (
            "1 years fixed 2027-01-01 nth:last:fri",
            fixed(
                1,
                Unit::Years,
                d(2027, 1, 1),
                FixedRule::NthWeekday {
                    nth: Nth::Last,
                    weekday: Weekday::Fri,
                },
            ),
        ),
        (
            "6 months fixed 2026-01-31 same_day",
            fixed(6, Unit::Months, d(2026, 1, 31), FixedRule::SameDay),
        ),
        (
            "10 days fixed 2026-12-25 same_day",
            fixed(10, Unit::Days, d(2026, 12, 25), FixedRule::SameDay),
        ),
        ("2 weeks from_completion", from_completion(2, Unit::Weeks)),
        ("20 years from_completion", from_completion(20, Unit::Years)),
    ];
    for (text, schedule) in cases {
        assert_eq!(schedule.to_storage(), text);
        assert_eq!(Schedule::parse_storage(text), Ok(schedule), "{text}");
    }
    for bad in [
        "",
        "3 months",
        "+3 months from_completion",
        "3 fortnights from_completion",
        "3 months from_completion extra",
        "3  months from_completion",
        "3 months fixed 2026-1-5 same_day",
        "3 months fixed 2026-02-30 same_day",
        "3 months fixed 2026-01-05",
        "3 months fixed 2026-01-05 nth:5:mon",
        "3 months fixed 2026-01-05 nth:1:monday",
        "3 months fixed 2026-01-05 nth:1:mon:x",
        "70000 days from_completion",
    ] {
        assert_eq!(
            Schedule::parse_storage(bad),
            Err(ScheduleError::Malformed),
            "{bad:?}"
        );
    }
    assert_eq!(
        Schedule::parse_storage("0 months from_completion"),
        Err(ScheduleError::EveryZero)
    );
    assert_eq!(
        Schedule::parse_storage("1 weeks fixed 2026-01-05 nth:1:mon"),
        Err(ScheduleError::NthWeekdayNeedsMonths)
    );
}

#[test]
fn json_uses_snake_case_tags() {
    let s = fixed(
        1,
        Unit::Months,
        d(2026, 1, 5),
        FixedRule::NthWeekday {
            nth: Nth::First,
            weekday: Weekday::Mon,
        },
    );
    let json = serde_json::to_value(s).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "every": 1,
            "unit": "months",
            "anchor": {
                "kind": "fixed",
                "start": "2026-01-05",
                "rule": {"kind": "nth_weekday", "nth": "first", "weekday": "mon"}
            }
        })
    );
    assert_eq!(serde_json::from_value::<Schedule>(json).unwrap(), s);
    let fc = serde_json::to_value(from_completion(3, Unit::Months)).unwrap();
    assert_eq!(fc["anchor"], serde_json::json!({"kind": "from_completion"}));
}
