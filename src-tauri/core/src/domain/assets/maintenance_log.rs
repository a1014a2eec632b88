//! The maintenance work log: each completion of a plan's due date and each piece of ad-hoc work
//! on an asset, the month calendar and the on-time figures reports show.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Longest time one entry may record: a week of work is a typing mistake.
pub const MAX_MINUTES: i64 = 7 * 24 * 60;
/// Largest cost an entry may have (one million in any currency).
pub const MAX_COST_CENTS: i64 = 100_000_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "MaintenanceOutcome")]
pub enum Outcome {
    Done,
    /// Done in part; what was left is said in the work text.
    Partly,
    /// Not done; the reason is required.
    Failed,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Partly => "partly",
            Self::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Done, Self::Partly, Self::Failed]
            .into_iter()
            .find(|o| o.as_str() == s)
    }

    /// Whether the work counts as the due date's completion and moves the plan on. A failed
    /// attempt is logged, and the task stays due.
    pub fn completes(self) -> bool {
        !matches!(self, Self::Failed)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenanceLogInput")]
pub struct LogInput {
    /// Today when not given; never in the future.
    pub done_on: Option<NaiveDate>,
    pub work: String,
    /// One per item of the plan's checklist, in order; empty for ad-hoc work.
    pub ticks: Vec<bool>,
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub minutes: Option<i64>,
    pub cost_cents: Option<i64>,
    pub currency: Option<String>,
    /// Which asset the work was on: required for ad-hoc work; for a plan of a category or a
    /// place, optional; for a plan of one asset, that asset.
    pub asset_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLog {
    pub done_on: NaiveDate,
    pub work: String,
    pub ticks: Vec<bool>,
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub minutes: Option<i64>,
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub asset_id: Option<i64>,
}

impl LogInput {
    /// Checks the entry against a checklist of `items` items.
    pub fn validate(&self, today: NaiveDate, items: usize) -> crate::Result<ValidLog> {
        let mut c = Checks::default();
        let work = c.required_text("work", &self.work, 4000);
        let reason = c.optional_text("reason", &self.reason, 2000);
        let done_on = self.done_on.unwrap_or(today);
        if done_on > today {
            c.add(FieldError::new("done_on", "date_in_future"));
        }
        if self.outcome == Outcome::Failed && reason.is_none() {
            c.add(FieldError::new("reason", "required"));
        }
        if self.ticks.len() != items {
            c.add(FieldError::new("ticks", "checklist_changed").with("items", items));
        }
        if self
            .minutes
            .is_some_and(|m| !(0..=MAX_MINUTES).contains(&m))
        {
            c.add(FieldError::new("minutes", "out_of_range").with("max", MAX_MINUTES));
        }
        if self
            .cost_cents
            .is_some_and(|m| !(0..=MAX_COST_CENTS).contains(&m))
        {
            c.add(FieldError::new("cost_cents", "out_of_range").with("max", MAX_COST_CENTS / 100));
        }
        let currency = self
            .currency
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or("EUR")
            .to_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            c.add(FieldError::new("currency", "bad_currency"));
        }
        c.finish()?;
        Ok(ValidLog {
            done_on,
            work,
            ticks: self.ticks.clone(),
            outcome: self.outcome,
            reason,
            minutes: self.minutes,
            cost_cents: self.cost_cents,
            currency,
            asset_id: self.asset_id,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenanceLogEntry")]
pub struct LogEntry {
    pub id: i64,
    pub plan_id: Option<i64>,
    pub plan_title: Option<String>,
    pub asset_id: Option<i64>,
    pub asset_name: Option<String>,
    pub done_on: NaiveDate,
    pub done_by_employee_id: Option<i64>,
    pub done_by: String,
    pub work: String,
    pub ticks: Vec<bool>,
    pub outcome: Outcome,
    pub reason: Option<String>,
    pub minutes: Option<i64>,
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub due_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

/// One day's entry of the month calendar: a date a plan falls due, or work logged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "MaintenanceCalendarKind")]
pub enum CalendarKind {
    Due { overdue: bool },
    Done { log_id: i64, outcome: Outcome },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenanceCalendarEntry")]
pub struct CalendarEntry {
    pub date: NaiveDate,
    pub plan_id: Option<i64>,
    pub title: String,
    pub target_name: Option<String>,
    pub kind: CalendarKind,
}

/// On-time completions of one plan in one month (by due date).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenanceComplianceMonth")]
pub struct ComplianceMonth {
    pub plan_id: i64,
    pub plan_title: String,
    /// "2026-03".
    pub month: String,
    pub completions: i64,
    pub on_time: i64,
    /// Whole per cent, rounded half up.
    pub percent: i64,
}

/// The figures of the last twelve months: per plan and month, and per plan in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenanceCompliance")]
pub struct Compliance {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub months: Vec<ComplianceMonth>,
    /// One per plan, `month` empty: the year's figures.
    pub plans: Vec<ComplianceMonth>,
}

/// `on_time` of `n` in whole per cent; 100 when nothing was due.
pub fn percent(on_time: i64, n: i64) -> i64 {
    if n <= 0 {
        100
    } else {
        (on_time * 200 + n) / (2 * n)
    }
}
