//! Policies and procedures: an owner, an approval, a version people acknowledge, and a review
//! cycle.

use crate::domain::page::PageRequest;
use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PolicyKind {
    Privacy,
    It,
    Safety,
    Purchasing,
    Quality,
    Hr,
    Other,
}

pub const POLICY_KINDS: [PolicyKind; 7] = [
    PolicyKind::Privacy,
    PolicyKind::It,
    PolicyKind::Safety,
    PolicyKind::Purchasing,
    PolicyKind::Quality,
    PolicyKind::Hr,
    PolicyKind::Other,
];

impl PolicyKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Privacy => "privacy",
            Self::It => "it",
            Self::Safety => "safety",
            Self::Purchasing => "purchasing",
            Self::Quality => "quality",
            Self::Hr => "hr",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        POLICY_KINDS.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Policy {
    pub id: i64,
    pub title: String,
    pub kind: PolicyKind,
    pub owner_employee_id: Option<i64>,
    pub owner_name: Option<String>,
    pub version_label: String,
    pub approved_by: Option<String>,
    pub approved_on: Option<NaiveDate>,
    pub review_months: i64,
    pub last_reviewed_on: Option<NaiveDate>,
    pub next_review_on: Option<NaiveDate>,
    pub retired: bool,
    /// Active staff who acknowledged the current version, and active staff in all.
    pub acknowledged: i64,
    pub staff: i64,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PolicyInput {
    pub title: String,
    pub kind: PolicyKind,
    pub owner_employee_id: Option<i64>,
    pub version_label: String,
    pub approved_by: Option<String>,
    pub approved_on: Option<NaiveDate>,
    pub review_months: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPolicy {
    pub title: String,
    pub title_key: String,
    pub kind: PolicyKind,
    pub owner_employee_id: Option<i64>,
    pub version_label: String,
    pub approved_by: Option<String>,
    pub approved_on: Option<NaiveDate>,
    pub review_months: i64,
}

impl PolicyInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidPolicy> {
        let mut c = Checks::default();
        let title = c.required("title", &self.title, 200);
        let version_label = c.required("version_label", &self.version_label, 30);
        let approved_by = c.optional("approved_by", &self.approved_by, 100);
        if self.approved_on.is_some_and(|d| d > today) {
            c.add(FieldError::new("approved_on", "date_in_future"));
        }
        if !(1..=120).contains(&self.review_months) {
            c.add(
                FieldError::new("review_months", "out_of_range")
                    .with("min", 1)
                    .with("max", 120),
            );
        }
        c.finish()?;
        Ok(ValidPolicy {
            title_key: fold_key(&title),
            title,
            kind: self.kind,
            owner_employee_id: self.owner_employee_id,
            version_label,
            approved_by,
            approved_on: self.approved_on,
            review_months: self.review_months,
        })
    }
}

/// When the next review falls: the last review (or the approval) plus the interval.
pub fn next_review(
    last: Option<NaiveDate>,
    approved: Option<NaiveDate>,
    months: i64,
) -> Option<NaiveDate> {
    let from = last.or(approved)?;
    from.checked_add_months(Months::new(u32::try_from(months).ok()?))
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PolicyQuery {
    pub search: Option<String>,
    pub with_retired: bool,
    pub page: PageRequest,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AckFilter {
    All,
    Read,
    NotRead,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AckQuery {
    pub filter: AckFilter,
    pub department_id: Option<i64>,
    pub page: PageRequest,
}

/// One active person and whether they read the policy's current version.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AckRow {
    pub employee_id: i64,
    pub name: String,
    pub department: Option<String>,
    pub acknowledged_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AckInput {
    pub employee_ids: Vec<i64>,
    pub acknowledged_on: Option<NaiveDate>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_review_follows_the_last_one_or_the_approval() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(next_review(None, d(2026, 1, 31), 12), d(2027, 1, 31));
        assert_eq!(
            next_review(d(2026, 6, 30), d(2026, 1, 31), 6),
            d(2026, 12, 30)
        );
        assert_eq!(next_review(None, None, 12), None);
    }
}
