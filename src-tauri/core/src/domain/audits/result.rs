//! An item's result in an audit and the rules it must follow.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "AuditOutcome")]
pub enum Outcome {
    Compliant,
    /// Minor non-conformity.
    Minor,
    /// Major non-conformity.
    Major,
    Observation,
    NotApplicable,
}

pub const OUTCOMES: [Outcome; 5] = [
    Outcome::Compliant,
    Outcome::Minor,
    Outcome::Major,
    Outcome::Observation,
    Outcome::NotApplicable,
];

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Compliant => "compliant",
            Self::Minor => "minor",
            Self::Major => "major",
            Self::Observation => "observation",
            Self::NotApplicable => "not_applicable",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        OUTCOMES.into_iter().find(|o| o.as_str() == s)
    }

    /// A non-conformity must raise a finding before its audit can close.
    pub fn is_nonconformity(self) -> bool {
        matches!(self, Self::Minor | Self::Major)
    }
}

/// One item of an audit with its result, as the audit page lists them.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ItemResult {
    pub item_id: i64,
    pub position: i64,
    pub section: String,
    pub code: String,
    pub requirement: String,
    pub reference: Option<String>,
    pub guidance: Option<String>,
    pub evidence_expected: Option<String>,
    pub weight: i64,
    /// `None` while the item has no result row yet.
    pub result_id: Option<i64>,
    pub outcome: Option<Outcome>,
    pub na_reason: Option<String>,
    pub notes: Option<String>,
    pub assessed_by: Option<String>,
    pub assessed_at: Option<DateTime<Utc>>,
    /// Evidence linked to this item in this audit.
    pub evidence: Vec<LinkedEvidence>,
    /// Findings raised from this item.
    pub findings: Vec<FindingRef>,
    /// The result row's version (0 before it exists), for the form's save.
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LinkedEvidence {
    pub link_id: i64,
    pub evidence_id: i64,
    pub title: String,
    /// The file version linked (an attachment).
    pub attachment_id: i64,
    pub file_name: String,
    pub sha256: String,
    pub size: i64,
    pub effective_on: Option<chrono::NaiveDate>,
    pub expires_on: Option<chrono::NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FindingRef {
    pub id: i64,
    pub number: i64,
    pub severity: super::finding::Severity,
    pub status: super::finding::FindingStatus,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ResultInput {
    /// `None` clears the result (the item is not assessed).
    pub outcome: Option<Outcome>,
    pub na_reason: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidResult {
    pub outcome: Option<Outcome>,
    pub na_reason: Option<String>,
    pub notes: Option<String>,
}

impl ResultInput {
    pub fn validate(&self) -> crate::Result<ValidResult> {
        let mut c = Checks::default();
        let na_reason = c.optional_text("na_reason", &self.na_reason, 1_000);
        let notes = c.optional_text("notes", &self.notes, 8_000);
        let na = self.outcome == Some(Outcome::NotApplicable);
        if na && na_reason.is_none() {
            c.add(FieldError::new("na_reason", "required"));
        }
        c.finish()?;
        Ok(ValidResult {
            outcome: self.outcome,
            // A reason only means something beside "not applicable".
            na_reason: na_reason.filter(|_| na),
            notes,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn not_applicable_needs_its_reason() {
        let e = ResultInput {
            outcome: Some(Outcome::NotApplicable),
            na_reason: Some("  ".into()),
            notes: None,
        }
        .validate()
        .unwrap_err();
        assert_eq!(
            (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
            ("na_reason", "required")
        );
        let ok = ResultInput {
            outcome: Some(Outcome::Compliant),
            na_reason: Some("left over".into()),
            notes: None,
        }
        .validate()
        .unwrap();
        assert_eq!(ok.na_reason, None);
    }
}
