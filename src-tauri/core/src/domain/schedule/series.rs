//! The n-th date of a schedule's series, counted from its origin (never chained, so a month end
//! clamped in February comes back to the 31st in March), and the first date on or after a day.

use chrono::{Datelike, Days, Months, NaiveDate};

use super::{FixedRule, Nth, Unit};

#[derive(Debug, Clone, Copy)]
pub(super) struct Series {
    origin: NaiveDate,
    every: u64,
    unit: Unit,
    rule: FixedRule,
}

impl Series {
    pub(super) fn new(origin: NaiveDate, every: u16, unit: Unit, rule: FixedRule) -> Self {
        Self {
            origin,
            // A zero interval would repeat one date forever; `validate` refuses it, and this
            // keeps an unvalidated value from hanging a loop.
            every: u64::from(every.max(1)),
            unit,
            rule,
        }
    }

    /// Whole months between occurrences, for the units counted in months.
    fn step_months(&self) -> Option<u64> {
        match self.unit {
            Unit::Months => Some(self.every),
            Unit::Years => Some(self.every * 12),
            Unit::Days | Unit::Weeks => None,
        }
    }

    fn step_days(&self) -> u64 {
        match self.unit {
            Unit::Weeks => self.every * 7,
            _ => self.every,
        }
    }

    /// Occurrence `k` (0 is the origin's own period); `NaiveDate::MAX` past chrono's range.
    pub(super) fn nth(&self, k: u64) -> NaiveDate {
        let Some(step) = self.step_months() else {
            let days = k.saturating_mul(self.step_days());
            return add_days(self.origin, days);
        };
        let months = k.saturating_mul(step);
        match self.rule {
            FixedRule::SameDay => add_months(self.origin, months),
            FixedRule::NthWeekday { nth, weekday } => month_after(self.origin, months)
                .and_then(|(y, m)| weekday_in_month(y, m, nth, weekday.to_chrono()))
                .unwrap_or(NaiveDate::MAX),
        }
    }

    /// The smallest `k` whose date is on or after both `day` and the origin (the origin's own
    /// "first Monday" may fall before it).
    pub(super) fn first_index_on_or_after(&self, day: NaiveDate) -> u64 {
        let day = day.max(self.origin);
        // An estimate at or below the answer, then a few steps up: each month-based occurrence
        // lies in its own month, so the estimate is off by at most two.
        let mut k = match self.step_months() {
            Some(step) => {
                let gap = months_between(self.origin, day);
                u64::try_from(gap).map_or(0, |g| (g / step).saturating_sub(1))
            }
            None => {
                let gap = (day - self.origin).num_days();
                u64::try_from(gap).map_or(0, |g| g / self.step_days())
            }
        };
        while self.nth(k) < day {
            k += 1;
        }
        k
    }

    pub(super) fn first_on_or_after(&self, day: NaiveDate) -> NaiveDate {
        self.nth(self.first_index_on_or_after(day))
    }

    pub(super) fn first_after(&self, day: NaiveDate) -> NaiveDate {
        match day.succ_opt() {
            Some(next) => self.first_on_or_after(next),
            None => NaiveDate::MAX,
        }
    }
}

/// `date` plus `n` units; a month end clamps to the shorter month's last day (Feb 29 plus one
/// year is Feb 28). Saturates at `NaiveDate::MAX`.
pub(super) fn add(date: NaiveDate, unit: Unit, n: u64) -> NaiveDate {
    match unit {
        Unit::Days => add_days(date, n),
        Unit::Weeks => add_days(date, n.saturating_mul(7)),
        Unit::Months => add_months(date, n),
        Unit::Years => add_months(date, n.saturating_mul(12)),
    }
}

fn add_days(date: NaiveDate, days: u64) -> NaiveDate {
    date.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

fn add_months(date: NaiveDate, months: u64) -> NaiveDate {
    u32::try_from(months)
        .ok()
        .and_then(|m| date.checked_add_months(Months::new(m)))
        .unwrap_or(NaiveDate::MAX)
}

/// Whole calendar months from `a`'s month to `b`'s (negative when `b` is earlier).
fn months_between(a: NaiveDate, b: NaiveDate) -> i64 {
    (i64::from(b.year()) - i64::from(a.year())) * 12 + i64::from(b.month0()) - i64::from(a.month0())
}

/// The (year, month) `months` after `date`'s month.
fn month_after(date: NaiveDate, months: u64) -> Option<(i32, u32)> {
    let total =
        i64::from(date.year()) * 12 + i64::from(date.month0()) + i64::try_from(months).ok()?;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month0 = u32::try_from(total.rem_euclid(12)).ok()?;
    Some((year, month0 + 1))
}

pub(super) fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year.checked_add(1)?, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

fn weekday_in_month(
    year: i32,
    month: u32,
    nth: Nth,
    weekday: chrono::Weekday,
) -> Option<NaiveDate> {
    let n = match nth {
        Nth::First => 1,
        Nth::Second => 2,
        Nth::Third => 3,
        Nth::Fourth => 4,
        Nth::Last => {
            let last = last_of_month(year, month)?;
            let back =
                (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
            return last.checked_sub_days(Days::new(u64::from(back)));
        }
    };
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}
