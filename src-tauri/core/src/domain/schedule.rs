//! Recurring schedules of maintenance plans ("OS updates monthly", "UPS battery every 24 months",
//! "first Monday of the month") and the dates they fall due.
//!
//! Two kinds of plan:
//! - **from completion**: the next due date is the last completion plus the interval, so a late
//!   or early completion moves every later date with it;
//! - **fixed**: the dates are a calendar series counted from the plan's start date. The n-th date
//!   is always computed from the start, never from the previous date, so the 31st comes back
//!   after a short month (Jan 31 → Feb 28 → Mar 31).
//!
//! Completing a fixed plan is recorded against the due date it was for (`last_due`): the next
//! due date is the first date of the series strictly after that one. Completing late therefore
//! does not shift the series, and completing early does not skip a date: the task done on Jan 28
//! for the Feb 1 date makes Mar 1 due, not Feb 1 again and not Apr 1.

mod series;
mod storage;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, FieldError};

/// The most dates `Schedule::occurrences` yields, whatever the range asked for.
pub const MAX_OCCURRENCES: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ScheduleUnit")]
pub enum Unit {
    Days,
    Weeks,
    Months,
    Years,
}

impl Unit {
    /// The largest `every` accepted per unit: about twenty years whatever the unit.
    pub fn max_every(self) -> u16 {
        match self {
            Self::Days => 3650,
            Self::Weeks => 520,
            Self::Months => 240,
            Self::Years => 20,
        }
    }
}

/// Which occurrence of a weekday in a month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ScheduleNth")]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Last,
}

/// Our own weekday type: it crosses to the UI and into storage with stable short names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub fn to_chrono(self) -> chrono::Weekday {
        match self {
            Self::Mon => chrono::Weekday::Mon,
            Self::Tue => chrono::Weekday::Tue,
            Self::Wed => chrono::Weekday::Wed,
            Self::Thu => chrono::Weekday::Thu,
            Self::Fri => chrono::Weekday::Fri,
            Self::Sat => chrono::Weekday::Sat,
            Self::Sun => chrono::Weekday::Sun,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "ScheduleRule")]
pub enum FixedRule {
    /// The start's day of the month (or the start itself for days and weeks); a day the month
    /// lacks becomes the month's last day.
    SameDay,
    /// "first Monday", "last Friday" of the month; only with months or years.
    NthWeekday { nth: Nth, weekday: Weekday },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "ScheduleAnchor")]
pub enum Anchor {
    FromCompletion,
    Fixed { start: NaiveDate, rule: FixedRule },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct Schedule {
    pub every: u16,
    pub unit: Unit,
    pub anchor: Anchor,
}

/// Why a schedule is refused; `From<ScheduleError> for Error` gives the form's field errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScheduleError {
    /// "every 0 months".
    EveryZero,
    /// More than `Unit::max_every` of the unit.
    EveryTooLarge { unit: Unit, max: u16 },
    /// "first Monday" counted in days or weeks means nothing.
    NthWeekdayNeedsMonths,
    /// A stored text that is not a schedule.
    Malformed,
}

impl From<ScheduleError> for Error {
    fn from(e: ScheduleError) -> Self {
        let field = match e {
            ScheduleError::EveryZero => FieldError::new("every", "min").with("min", 1),
            ScheduleError::EveryTooLarge { max, .. } => {
                FieldError::new("every", "max").with("max", max)
            }
            ScheduleError::NthWeekdayNeedsMonths => FieldError::new("unit", "nth_weekday_unit"),
            ScheduleError::Malformed => FieldError::new("schedule", "invalid"),
        };
        Error::validation(vec![field])
    }
}

impl Schedule {
    pub fn validate(&self) -> Result<(), ScheduleError> {
        if self.every == 0 {
            return Err(ScheduleError::EveryZero);
        }
        let max = self.unit.max_every();
        if self.every > max {
            return Err(ScheduleError::EveryTooLarge {
                unit: self.unit,
                max,
            });
        }
        if let Anchor::Fixed {
            rule: FixedRule::NthWeekday { .. },
            ..
        } = self.anchor
        {
            if matches!(self.unit, Unit::Days | Unit::Weeks) {
                return Err(ScheduleError::NthWeekdayNeedsMonths);
            }
        }
        Ok(())
    }

    /// The date the plan is next due.
    ///
    /// - From completion: `last_done` plus the interval; `start` while never done.
    /// - Fixed: the first date of the series strictly after `last_due` (the due date the last
    ///   completion was for); while nothing was completed, the first date on or after both the
    ///   anchor's start and `start` (the day the plan begins to count). `last_done` is not used:
    ///   when the work was done does not move a fixed series.
    ///
    /// Dates past chrono's range saturate at `NaiveDate::MAX`.
    pub fn next_due(
        &self,
        last_done: Option<NaiveDate>,
        last_due: Option<NaiveDate>,
        start: NaiveDate,
    ) -> NaiveDate {
        match self.anchor {
            Anchor::FromCompletion => match last_done {
                Some(done) => series::add(done, self.unit, u64::from(self.every)),
                None => start,
            },
            Anchor::Fixed {
                start: origin,
                rule,
            } => {
                let s = series::Series::new(origin, self.every, self.unit, rule);
                match last_due {
                    Some(due) => s.first_after(due),
                    None => s.first_on_or_after(start),
                }
            }
        }
    }

    /// The due dates within `from..=to` (both included) for a month calendar, starting at the
    /// plan's current due date `next_due` (from `Schedule::next_due`). A fixed plan yields its
    /// series; a plan from completion yields `next_due` plus whole intervals, as if each time
    /// were done on its due date. At most `MAX_OCCURRENCES` dates.
    pub fn occurrences(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        next_due: NaiveDate,
    ) -> impl Iterator<Item = NaiveDate> {
        let s = match self.anchor {
            Anchor::FromCompletion => {
                series::Series::new(next_due, self.every, self.unit, FixedRule::SameDay)
            }
            Anchor::Fixed { start, rule } => {
                series::Series::new(start, self.every, self.unit, rule)
            }
        };
        let first = s.first_index_on_or_after(from.max(next_due));
        (first..)
            .map(move |k| s.nth(k))
            .take_while(move |d| *d <= to && *d != NaiveDate::MAX)
            .take(MAX_OCCURRENCES)
    }

    /// Text kept in the database, e.g. `3 months from_completion`,
    /// `1 months fixed 2026-01-05 nth:1:mon`, `6 months fixed 2026-01-31 same_day`.
    pub fn to_storage(&self) -> String {
        storage::write(self)
    }

    /// Reads `to_storage`'s text back; refuses text that is not one, or a schedule `validate`
    /// refuses.
    pub fn parse_storage(text: &str) -> Result<Self, ScheduleError> {
        let s = storage::read(text).ok_or(ScheduleError::Malformed)?;
        s.validate()?;
        Ok(s)
    }
}

/// Due within the next `days` days (today included) and not yet overdue.
pub fn is_due_soon(due: NaiveDate, today: NaiveDate, days: u32) -> bool {
    due >= today && (due - today).num_days() <= i64::from(days)
}

/// Past its due date: the due day itself is not overdue yet.
pub fn is_overdue(due: NaiveDate, today: NaiveDate) -> bool {
    due < today
}
