//! Findings raised by an audit and their corrective actions (CAPA).

use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "FindingSeverity")]
pub enum Severity {
    Major,
    Minor,
    Observation,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Major => "major",
            Self::Minor => "minor",
            Self::Observation => "observation",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Major, Self::Minor, Self::Observation]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingStatus {
    Open,
    Closed,
}

impl FindingStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Closed => "closed",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::Closed]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A record a finding or an action is about, in any area.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Subject {
    pub entity: String,
    pub id: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Finding {
    pub id: i64,
    pub audit_id: i64,
    pub audit_title: String,
    pub result_id: Option<i64>,
    /// The checklist item's code, when an item raised it.
    pub item_code: Option<String>,
    pub number: i64,
    pub severity: Severity,
    pub title: String,
    pub description: Option<String>,
    pub root_cause: Option<String>,
    /// The "5 whys", in order.
    pub whys: Vec<String>,
    pub subject: Option<Subject>,
    /// The subject's name, when it still exists and the reader may see it.
    pub subject_name: Option<String>,
    pub status: FindingStatus,
    pub closed_on: Option<NaiveDate>,
    pub actions: Vec<CapaAction>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FindingInput {
    pub severity: Severity,
    pub title: String,
    pub description: Option<String>,
    pub root_cause: Option<String>,
    pub whys: Vec<String>,
    pub subject: Option<Subject>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidFinding {
    pub severity: Severity,
    pub title: String,
    pub title_key: String,
    pub description: Option<String>,
    pub root_cause: Option<String>,
    /// JSON array text, or `None` when no why was given.
    pub whys: Option<String>,
    pub subject: Option<Subject>,
}

impl FindingInput {
    pub fn validate(&self) -> crate::Result<ValidFinding> {
        let mut c = Checks::default();
        let title = c.required("title", &self.title, 200);
        let description = c.optional_text("description", &self.description, 8_000);
        let root_cause = c.optional_text("root_cause", &self.root_cause, 4_000);
        if self.whys.len() > 5 {
            c.add(FieldError::new("whys", "too_many").with("max", 5));
        }
        let mut whys = Vec::new();
        for (i, w) in self.whys.iter().enumerate() {
            if let Some(w) = c.optional_text(&format!("whys.{i}"), &Some(w.clone()), 1_000) {
                whys.push(w);
            }
        }
        c.finish()?;
        Ok(ValidFinding {
            title_key: fold_key(&title),
            title,
            severity: self.severity,
            description,
            root_cause,
            whys: (!whys.is_empty()).then(|| serde_json::Value::from(whys).to_string()),
            subject: self.subject.clone(),
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    Open,
    Done,
    Verified,
}

impl ActionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Done => "done",
            Self::Verified => "verified",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::Done, Self::Verified]
            .into_iter()
            .find(|x| x.as_str() == s)
    }
}

/// A corrective or preventive action.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CapaAction {
    pub id: i64,
    pub finding_id: i64,
    pub description: String,
    pub owner_employee_id: i64,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
    pub done_note: Option<String>,
    pub verified_by_user_id: Option<i64>,
    pub verified_by_name: Option<String>,
    pub verified_on: Option<NaiveDate>,
    pub effectiveness: Option<String>,
    pub subject: Option<Subject>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionInput {
    pub description: String,
    pub owner_employee_id: Option<i64>,
    pub due_on: Option<NaiveDate>,
    pub subject: Option<Subject>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAction {
    pub description: String,
    pub owner_employee_id: i64,
    pub due_on: NaiveDate,
    pub subject: Option<Subject>,
}

impl ActionInput {
    /// `earliest` is the audit's start: an action due before it makes no sense.
    pub fn validate(&self, earliest: NaiveDate) -> crate::Result<ValidAction> {
        let mut c = Checks::default();
        let description = c.required_text("description", &self.description, 4_000);
        let owner = self.owner_employee_id.unwrap_or_else(|| {
            c.add(FieldError::new("owner_employee_id", "required"));
            0
        });
        let due_on = match self.due_on {
            None => {
                c.add(FieldError::new("due_on", "required"));
                earliest
            }
            Some(d) if d < earliest => {
                c.add(FieldError::new("due_on", "before_audit_start").with("date", earliest));
                d
            }
            Some(d) => d,
        };
        c.finish()?;
        Ok(ValidAction {
            description,
            owner_employee_id: owner,
            due_on,
            subject: self.subject.clone(),
        })
    }
}

/// Marking an action done: what was done.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionDoneInput {
    pub done_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// Verifying an action: when, and how its effectiveness was seen.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionVerifyInput {
    pub verified_on: Option<NaiveDate>,
    pub effectiveness: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FindingSort {
    Number,
    Severity,
    Title,
    Audit,
    CreatedAt,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FindingQuery {
    pub search: Option<String>,
    pub status: Option<FindingStatus>,
    pub severity: Option<Severity>,
    pub audit_id: Option<i64>,
    pub department_id: Option<i64>,
    pub sort: FindingSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FindingRow {
    pub id: i64,
    pub audit_id: i64,
    pub audit_title: String,
    pub number: i64,
    pub severity: Severity,
    pub title: String,
    pub status: FindingStatus,
    pub actions: i64,
    pub actions_open: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ActionSort {
    DueOn,
    Owner,
    Status,
    Audit,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionQuery {
    pub search: Option<String>,
    pub status: Option<ActionStatus>,
    pub owner_employee_id: Option<i64>,
    pub audit_id: Option<i64>,
    pub department_id: Option<i64>,
    /// Only actions past their due date and not done.
    pub overdue: bool,
    /// Only the signed-in person's own actions.
    pub mine: bool,
    pub sort: ActionSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ActionRow {
    pub id: i64,
    pub finding_id: i64,
    pub finding_number: i64,
    pub finding_title: String,
    pub audit_id: i64,
    pub audit_title: String,
    pub description: String,
    pub owner_name: String,
    pub due_on: NaiveDate,
    pub status: ActionStatus,
    pub overdue: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_before_the_audit_start_is_refused() {
        let start = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let e = ActionInput {
            description: "Aggiornare il registro".into(),
            owner_employee_id: Some(4),
            due_on: NaiveDate::from_ymd_opt(2026, 2, 28),
            subject: None,
        }
        .validate(start)
        .unwrap_err();
        assert_eq!(
            (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
            ("due_on", "before_audit_start")
        );
    }

    #[test]
    fn whys_are_kept_in_order_without_blanks() {
        let f = FindingInput {
            severity: Severity::Minor,
            title: "Registro incompleto".into(),
            description: None,
            root_cause: None,
            whys: vec![
                "Nessun responsabile".into(),
                " ".into(),
                "Procedura assente".into(),
            ],
            subject: None,
        }
        .validate()
        .unwrap();
        assert_eq!(
            f.whys.as_deref(),
            Some(r#"["Nessun responsabile","Procedura assente"]"#)
        );
    }
}
