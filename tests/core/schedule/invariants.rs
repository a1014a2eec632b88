//! For every day of several years, the next due date of a fixed plan is the first date of its
//! series after that day: the quick index estimate never skips or repeats a date.

use super::{chain, d, fixed};
use backoffice_core::domain::schedule::{FixedRule, Nth, Schedule, Unit, Weekday};

fn plans() -> Vec<Schedule> {
    let nth = |nth, weekday| FixedRule::NthWeekday { nth, weekday };
    vec![
        fixed(1, Unit::Months, d(2026, 1, 31), FixedRule::SameDay),
        fixed(1, Unit::Years, d(2028, 2, 29), FixedRule::SameDay),
        fixed(10, Unit::Days, d(2026, 12, 25), FixedRule::SameDay),
        fixed(2, Unit::Weeks, d(2026, 3, 4), FixedRule::SameDay),
        fixed(
            3,
            Unit::Months,
            d(2026, 5, 20),
            nth(Nth::First, Weekday::Mon),
        ),
        fixed(
            1,
            Unit::Months,
            d(2026, 1, 31),
            nth(Nth::Last, Weekday::Fri),
        ),
        fixed(5, Unit::Years, d(2026, 8, 1), nth(Nth::Last, Weekday::Sun)),
        fixed(6, Unit::Months, d(2026, 8, 31), FixedRule::SameDay),
    ]
}

#[test]
fn the_next_date_after_any_day_is_the_next_of_the_series() {
    let first_day = d(2025, 6, 1);
    let last_day = d(2033, 12, 31);
    for plan in plans() {
        let series: Vec<_> = chain(&plan, 400)
            .into_iter()
            .take_while(|x| *x <= d(2045, 1, 1))
            .collect();
        assert!(series.windows(2).all(|w| w[0] < w[1]), "{plan:?}");
        let origin = match plan.anchor {
            backoffice_core::domain::schedule::Anchor::Fixed { start, .. } => start,
            backoffice_core::domain::schedule::Anchor::FromCompletion => unreachable!(),
        };
        assert!(series[0] >= origin);
        let mut day = first_day;
        while day <= last_day {
            let next = plan.next_due(None, Some(day), first_day);
            let expected = *series.iter().find(|x| **x > day).unwrap();
            assert_eq!(next, expected, "{plan:?} after {day}");
            let on_or_after = plan.next_due(None, None, day);
            let expected = *series.iter().find(|x| **x >= day).unwrap();
            assert_eq!(on_or_after, expected, "{plan:?} from {day}");
            day = day.succ_opt().unwrap();
        }
        // The calendar shows the same dates.
        let shown: Vec<_> = plan
            .occurrences(d(2027, 1, 1), d(2030, 12, 31), series[0])
            .collect();
        let expected: Vec<_> = series
            .iter()
            .copied()
            .filter(|x| *x >= d(2027, 1, 1) && *x <= d(2030, 12, 31))
            .collect();
        assert_eq!(shown, expected, "{plan:?}");
    }
}
