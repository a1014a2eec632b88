//! Which backups to keep: the newest of each of the last N days, N ISO weeks and N months
//! (grandfather-father-son), counted on the calendar of the place the backups were made, so a
//! laptop that was off for a week keeps what it has instead of dropping everything "too old".

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
use ts_rs::TS;

/// How many of each to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Retention {
    pub daily: u32,
    pub weekly: u32,
    pub monthly: u32,
}

impl Default for Retention {
    fn default() -> Self {
        Retention {
            daily: 7,
            weekly: 4,
            monthly: 12,
        }
    }
}

/// The indexes of `sets` to keep. `sets` are the backups' local dates, newest first (several
/// may share a date); the newest is always kept.
pub fn keep(sets: &[NaiveDate], r: Retention) -> BTreeSet<usize> {
    let mut kept = BTreeSet::new();
    if !sets.is_empty() {
        kept.insert(0);
    }
    let mut pick = |n: u32, period: &dyn Fn(NaiveDate) -> (i32, u32)| {
        let mut seen = Vec::new();
        for (i, d) in sets.iter().enumerate() {
            let p = period(*d);
            if seen.contains(&p) {
                continue;
            }
            if seen.len() >= n as usize {
                break;
            }
            seen.push(p);
            kept.insert(i);
        }
    };
    pick(r.daily, &|d| (d.year(), d.ordinal()));
    pick(r.weekly, &|d| {
        let w = d.iso_week();
        (w.year(), w.week())
    });
    pick(r.monthly, &|d| (d.year(), d.month()));
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// One backup a day for `days` days up to `last`, newest first.
    fn daily(last: NaiveDate, days: i64) -> Vec<NaiveDate> {
        (0..days)
            .map(|i| last - chrono::Duration::days(i))
            .collect()
    }

    #[test]
    fn a_year_of_daily_backups_keeps_seven_days_four_weeks_twelve_months() {
        let sets = daily(d(2026, 12, 6), 400);
        let kept: Vec<NaiveDate> = keep(&sets, Retention::default())
            .into_iter()
            .map(|i| sets[i])
            .collect();
        // The last seven days.
        for day in 0..7 {
            assert!(kept.contains(&(d(2026, 12, 6) - chrono::Duration::days(day))));
        }
        // Sunday 6 December closes ISO week 49; the newest of weeks 48, 47, 46 are Sundays.
        for sunday in [d(2026, 11, 29), d(2026, 11, 22), d(2026, 11, 15)] {
            assert!(kept.contains(&sunday), "{sunday}");
        }
        // The newest of each of the last twelve months: its last day.
        for last in [
            d(2026, 11, 30),
            d(2026, 10, 31),
            d(2026, 2, 28),
            d(2026, 1, 31),
        ] {
            assert!(kept.contains(&last), "{last}");
        }
        assert!(!kept.contains(&d(2025, 12, 31)), "thirteen months back");
        // 7 days, 3 more weeks, and 10 more months: December's newest is today and November's
        // (the 30th) is one of the seven days.
        assert_eq!(kept.len(), 7 + 3 + 10);
    }

    #[test]
    fn several_a_day_keep_the_newest_and_gaps_keep_what_exists() {
        let sets = [
            d(2026, 12, 6),
            d(2026, 12, 6),
            d(2026, 12, 6),
            // The laptop was off for two months.
            d(2026, 10, 1),
            d(2026, 9, 30),
        ];
        let kept = keep(&sets, Retention::default());
        assert_eq!(kept.into_iter().collect::<Vec<_>>(), [0, 3, 4]);
    }

    #[test]
    fn nothing_to_keep_from_nothing_and_the_newest_always() {
        assert!(keep(&[], Retention::default()).is_empty());
        let none = Retention {
            daily: 0,
            weekly: 0,
            monthly: 0,
        };
        assert_eq!(
            keep(&[d(2026, 1, 1), d(2025, 1, 1)], none)
                .into_iter()
                .collect::<Vec<_>>(),
            [0]
        );
    }

    #[test]
    fn weeks_cross_the_new_year_by_iso_number() {
        // 31 Dec 2024 and 1 Jan 2025 are both in ISO week 1 of 2025.
        let sets = [d(2025, 1, 1), d(2024, 12, 31), d(2024, 12, 29)];
        let only_weeks = Retention {
            daily: 0,
            weekly: 2,
            monthly: 0,
        };
        assert_eq!(
            keep(&sets, only_weeks).into_iter().collect::<Vec<_>>(),
            [0, 2]
        );
    }
}
