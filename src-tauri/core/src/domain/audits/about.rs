//! The audits a record takes part in: those whose scope lists it and those with a finding
//! about it, so an asset's or a person's page can show its compliance story.

use super::audit::AuditStatus;
use super::finding::{FindingStatus, Severity};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One audit a record appears in, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordAudit {
    pub audit_id: i64,
    pub title: String,
    pub status: AuditStatus,
    pub planned_start: NaiveDate,
    /// Set when a finding of the audit is about the record; `None` when the record is in scope.
    pub finding: Option<RecordFinding>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RecordFinding {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub severity: Severity,
    pub status: FindingStatus,
}
