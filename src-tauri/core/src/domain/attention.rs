//! The "needs attention" list: what each area has that is waiting for someone, in one place.
//! Each area contributes through a provider (`services::attention`); Home shows the result.

use super::permissions::{Area, Role};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How urgent an item is, for every area: the list sorts by it and Home groups by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

/// One thing that needs someone: which record, why, by when, how urgently, and who should act.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AttentionItem {
    pub area: Area,
    /// The record to open: its table and id (the area's own page knows where to go in it).
    pub entity: String,
    pub record_id: i64,
    /// The record's name as the person knows it ("Rossi Mario").
    pub record_name: String,
    /// A second line of context: the department, the supplier…
    pub context: Option<String>,
    /// Why, in the area's own terms; the area's screens word it (for staff, an `Issue`).
    #[ts(type = "Record<string, unknown>")]
    pub reason: serde_json::Value,
    /// Further reasons on the same record, shown as "and N more".
    pub more: i64,
    /// By when it must be done (an expiry, a contract's end), when there is such a date.
    pub due: Option<NaiveDate>,
    pub severity: Severity,
    /// Sort key within and across areas: higher is more urgent.
    pub urgency: i64,
    /// The role expected to act.
    pub act_by: Role,
}

/// How many records of one area wait, per severity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AttentionCount {
    pub area: Area,
    pub severity: Severity,
    pub count: i64,
}

/// The list Home shows: counts for every area the person may read, and the most urgent items.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Attention {
    pub counts: Vec<AttentionCount>,
    /// Most urgent first, across areas, at most the limit asked for.
    pub items: Vec<AttentionItem>,
    /// Records waiting in all, across the areas shown.
    pub total: i64,
}

/// Days late over which an item is critical, in every area.
pub const LONG_OVERDUE_DAYS: u64 = 30;

/// Severity and urgency by how late (positive) or how early (negative) something is, in days:
/// the same bands in every area, so the areas sort together. Early items gain one point of
/// urgency every `early_step` days nearer.
pub fn grade_by_lateness(days_late: i64, early_step: i64) -> (Severity, i64) {
    match days_late {
        d if d > LONG_OVERDUE_DAYS as i64 => (Severity::Critical, 400 + d.min(99)),
        d if d > 0 => (Severity::High, 300 + d),
        d => (
            Severity::Medium,
            200 + (50 + d / early_step.max(1)).clamp(0, 99),
        ),
    }
}

/// How many of `items` there are of each severity, for a provider that reads them all.
pub fn counts_by_severity(items: &[AttentionItem]) -> Vec<(Severity, i64)> {
    let mut counts: Vec<(Severity, i64)> = Vec::new();
    for i in items {
        match counts.iter_mut().find(|(s, _)| *s == i.severity) {
            Some((_, n)) => *n += 1,
            None => counts.push((i.severity, 1)),
        }
    }
    counts
}

/// Counts in the lateness bands of [`grade_by_lateness`], `[critical, high, medium]`, as a
/// provider's counts.
pub fn banded_counts([critical, high, medium]: [i64; 3]) -> Vec<(Severity, i64)> {
    vec![
        (Severity::Critical, critical),
        (Severity::High, high),
        (Severity::Medium, medium),
    ]
}
