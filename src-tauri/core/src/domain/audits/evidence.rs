//! Evidence: a titled record whose file versions are its attachments, linked to audit items.

use crate::domain::page::PageRequest;
use crate::domain::text::{fold_key, Checks};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Evidence {
    pub id: i64,
    pub title: String,
    pub owner_employee_id: Option<i64>,
    pub owner_name: Option<String>,
    pub notes: Option<String>,
    /// The current file version: (attachment id, name, effective date, expiry).
    pub file_id: Option<i64>,
    pub file_name: Option<String>,
    pub effective_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// Audit items it supports.
    pub links: i64,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EvidenceInput {
    pub title: String,
    pub owner_employee_id: Option<i64>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidEvidence {
    pub title: String,
    pub title_key: String,
    pub owner_employee_id: Option<i64>,
    pub notes: Option<String>,
}

impl EvidenceInput {
    pub fn validate(&self) -> crate::Result<ValidEvidence> {
        let mut c = Checks::default();
        let title = c.required("title", &self.title, 200);
        let notes = c.optional_text("notes", &self.notes, 4_000);
        c.finish()?;
        Ok(ValidEvidence {
            title_key: fold_key(&title),
            title,
            owner_employee_id: self.owner_employee_id,
            notes,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct EvidenceQuery {
    pub search: Option<String>,
    pub page: PageRequest,
}
