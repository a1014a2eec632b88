//! The stored text and the JSON form of a schedule.

use super::{d, fixed, from_completion};
use backoffice_core::domain::schedule::{FixedRule, Nth, Schedule, ScheduleError, Unit, Weekday};

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
