//! An audit: what it checks (a template version), its scope and people, its dates, and the
//! state machine planned → in progress → in review → closed.

use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::{fold_key, Checks};
use crate::error::{Error, ErrorCode, FieldError};
use chrono::{DateTime, Months, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditStatus {
    Planned,
    InProgress,
    InReview,
    Closed,
}

impl AuditStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::InReview => "in_review",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::Planned,
            Self::InProgress,
            Self::InReview,
            Self::Closed,
        ]
        .into_iter()
        .find(|x| x.as_str() == s)
    }
}

/// A move of the state machine, as a person asks for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Transition {
    /// planned → in progress
    Start,
    /// in progress → in review
    SubmitForReview,
    /// in review → in progress
    SendBack,
    /// in review → closed
    Close,
    /// closed → in progress; an administrator, with a reason
    Reopen,
}

pub const TRANSITIONS: [Transition; 5] = [
    Transition::Start,
    Transition::SubmitForReview,
    Transition::SendBack,
    Transition::Close,
    Transition::Reopen,
];

impl Transition {
    /// The status this move goes to from `from`; `bad_transition` for any move the state
    /// machine has no arrow for, naming both.
    pub fn apply(self, from: AuditStatus) -> crate::Result<AuditStatus> {
        use AuditStatus as S;
        let to = match (self, from) {
            (Self::Start, S::Planned) => S::InProgress,
            (Self::SubmitForReview, S::InProgress) => S::InReview,
            (Self::SendBack, S::InReview) => S::InProgress,
            (Self::Close, S::InReview) => S::Closed,
            (Self::Reopen, S::Closed) => S::InProgress,
            _ => {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    format!("an audit that is {} cannot be {:?}", from.as_str(), self),
                )
                .with("from", from.as_str())
                .with(
                    "transition",
                    serde_json::to_value(self)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_owned))
                        .unwrap_or_default(),
                ))
            }
        };
        Ok(to)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Recurrence {
    None,
    Quarterly,
    HalfYearly,
    Yearly,
}

impl Recurrence {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Quarterly => "quarterly",
            Self::HalfYearly => "half_yearly",
            Self::Yearly => "yearly",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::None, Self::Quarterly, Self::HalfYearly, Self::Yearly]
            .into_iter()
            .find(|x| x.as_str() == s)
    }

    pub fn months(self) -> Option<u32> {
        match self {
            Self::None => None,
            Self::Quarterly => Some(3),
            Self::HalfYearly => Some(6),
            Self::Yearly => Some(12),
        }
    }

    /// The next occurrence's planned dates: the same span, one interval after this one's start
    /// (the 31st becomes the month's last day). When that start is already past on `today`
    /// (an audit closed late), the next one is planned one interval after `today` instead, so
    /// a closing never plans an audit that is overdue at birth.
    pub fn next(
        self,
        start: NaiveDate,
        end: NaiveDate,
        today: NaiveDate,
    ) -> Option<(NaiveDate, NaiveDate)> {
        let m = Months::new(self.months()?);
        let span = end - start;
        let mut next = start.checked_add_months(m)?;
        if next < today {
            next = today.checked_add_months(m)?;
        }
        Some((next, next + span))
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Audit {
    pub id: i64,
    pub title: String,
    pub template_id: i64,
    pub template_name: String,
    pub template_version_id: i64,
    pub template_number: i64,
    pub language: String,
    pub scope_note: Option<String>,
    pub lead_user_id: i64,
    pub lead_name: String,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub status: AuditStatus,
    pub recurrence: Recurrence,
    pub series_id: Option<i64>,
    pub previous_id: Option<i64>,
    /// Basis points, 0..=10000; `None` until an item counts.
    pub score: Option<i64>,
    pub closed_at: Option<DateTime<Utc>>,
    pub reopen_reason: Option<String>,
    pub departments: Vec<ScopeRecord>,
    pub auditees: Vec<ScopeRecord>,
    /// IT assets the audit covers (an IT access review's servers, a safety audit's extinguishers).
    pub assets: Vec<ScopeRecord>,
    /// Suppliers the audit covers.
    pub suppliers: Vec<ScopeRecord>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A record in an audit's scope, with its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ScopeRecord {
    pub id: i64,
    pub name: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditInput {
    pub title: String,
    pub template_id: i64,
    pub scope_note: Option<String>,
    pub lead_user_id: Option<i64>,
    pub planned_start: Option<NaiveDate>,
    pub planned_end: Option<NaiveDate>,
    pub recurrence: Recurrence,
    pub department_ids: Vec<i64>,
    pub auditee_ids: Vec<i64>,
    /// Absent in requests made before assets could be in scope: none then.
    #[serde(default)]
    pub asset_ids: Vec<i64>,
    /// Suppliers the audit covers (a supplier qualification audit); none in older requests.
    #[serde(default)]
    pub supplier_ids: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAudit {
    pub title: String,
    pub title_key: String,
    pub template_id: i64,
    pub scope_note: Option<String>,
    pub lead_user_id: i64,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub recurrence: Recurrence,
    pub department_ids: Vec<i64>,
    pub auditee_ids: Vec<i64>,
    pub asset_ids: Vec<i64>,
    pub supplier_ids: Vec<i64>,
}

/// Records an audit's scope may list at most.
pub const MAX_SCOPE: usize = 500;

impl AuditInput {
    pub fn validate(&self) -> crate::Result<ValidAudit> {
        let mut c = Checks::default();
        let title = c.required("title", &self.title, 200);
        let scope_note = c.optional_text("scope_note", &self.scope_note, 4_000);
        let lead_user_id = self.lead_user_id.unwrap_or_else(|| {
            c.add(FieldError::new("lead_user_id", "required"));
            0
        });
        let start = self.planned_start.unwrap_or_else(|| {
            c.add(FieldError::new("planned_start", "required"));
            NaiveDate::MIN
        });
        let end = self.planned_end.unwrap_or_else(|| {
            c.add(FieldError::new("planned_end", "required"));
            NaiveDate::MIN
        });
        if self.planned_start.is_some() && self.planned_end.is_some() && end < start {
            c.add(FieldError::new("planned_end", "before_start"));
        }
        let mut dedup = |field: &str, ids: &[i64]| {
            let mut v = ids.to_vec();
            v.sort_unstable();
            v.dedup();
            if v.len() > MAX_SCOPE {
                c.add(FieldError::new(field, "too_many").with("max", MAX_SCOPE));
            }
            v
        };
        let department_ids = dedup("department_ids", &self.department_ids);
        let auditee_ids = dedup("auditee_ids", &self.auditee_ids);
        let asset_ids = dedup("asset_ids", &self.asset_ids);
        let supplier_ids = dedup("supplier_ids", &self.supplier_ids);
        c.finish()?;
        Ok(ValidAudit {
            title_key: fold_key(&title),
            title,
            template_id: self.template_id,
            scope_note,
            lead_user_id,
            planned_start: start,
            planned_end: end,
            recurrence: self.recurrence,
            department_ids,
            auditee_ids,
            asset_ids,
            supplier_ids,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditSort {
    Title,
    PlannedStart,
    Status,
    Score,
    UpdatedAt,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditQuery {
    /// Matches the title, case-insensitively.
    pub search: Option<String>,
    pub status: Option<AuditStatus>,
    pub department_id: Option<i64>,
    pub lead_user_id: Option<i64>,
    /// Only audits past their planned end and not closed.
    pub overdue: bool,
    pub sort: AuditSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

/// An audit as its list shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AuditRow {
    pub id: i64,
    pub title: String,
    pub template_name: String,
    pub lead_name: String,
    pub planned_start: NaiveDate,
    pub planned_end: NaiveDate,
    pub status: AuditStatus,
    pub score: Option<i64>,
    pub open_findings: i64,
    pub recurrence: Recurrence,
    pub overdue: bool,
}

/// An audit's page: the audit, its items with results, and its scores.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AuditDetail {
    pub audit: Audit,
    pub items: Vec<super::result::ItemResult>,
    pub sections: Vec<super::score::SectionScore>,
    pub total: super::score::SectionScore,
    /// Earlier and later occurrences of a recurring audit, oldest first.
    pub trend: Vec<TrendPoint>,
    /// What the person may do here.
    pub can_write: bool,
    pub can_reopen: bool,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct TrendPoint {
    pub audit_id: i64,
    pub planned_start: NaiveDate,
    pub score: Option<i64>,
    pub status: AuditStatus,
}

#[cfg(test)]
mod tests {
    use super::*;
    use AuditStatus as S;

    #[test]
    fn only_the_drawn_arrows_exist() {
        let statuses = [S::Planned, S::InProgress, S::InReview, S::Closed];
        let mut allowed = Vec::new();
        for t in TRANSITIONS {
            for s in statuses {
                match t.apply(s) {
                    Ok(to) => allowed.push((t, s, to)),
                    Err(e) => assert_eq!(e.code, ErrorCode::BadTransition),
                }
            }
        }
        assert_eq!(
            allowed,
            vec![
                (Transition::Start, S::Planned, S::InProgress),
                (Transition::SubmitForReview, S::InProgress, S::InReview),
                (Transition::SendBack, S::InReview, S::InProgress),
                (Transition::Close, S::InReview, S::Closed),
                (Transition::Reopen, S::Closed, S::InProgress),
            ]
        );
    }

    #[test]
    fn next_occurrence_keeps_the_span_and_never_starts_in_the_past() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let r = Recurrence::Quarterly.next(d(2026, 1, 31), d(2026, 2, 2), d(2026, 2, 10));
        assert_eq!(r, Some((d(2026, 4, 30), d(2026, 5, 2))));
        let late = Recurrence::Yearly.next(d(2024, 3, 1), d(2024, 3, 5), d(2026, 6, 1));
        assert_eq!(late, Some((d(2027, 6, 1), d(2027, 6, 5))));
        assert_eq!(
            Recurrence::None.next(d(2026, 1, 1), d(2026, 1, 1), d(2026, 1, 1)),
            None
        );
    }

    #[test]
    fn end_before_start_is_refused_at_the_field() {
        let e = AuditInput {
            title: "GDPR 2026".into(),
            template_id: 1,
            scope_note: None,
            lead_user_id: Some(1),
            planned_start: NaiveDate::from_ymd_opt(2026, 5, 2),
            planned_end: NaiveDate::from_ymd_opt(2026, 5, 1),
            recurrence: Recurrence::None,
            department_ids: vec![],
            auditee_ids: vec![],
            asset_ids: vec![],
            supplier_ids: vec![],
        }
        .validate()
        .unwrap_err();
        assert_eq!(e.fields[0].field, "planned_end");
        assert_eq!(e.fields[0].code, "before_start");
    }
}
