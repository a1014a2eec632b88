//! The change history: one chained row per change, and what verifying the chain reports.

use super::page::PageRequest;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeOp {
    Insert,
    Update,
    Delete,
    /// A sensitive record was opened; nothing changed.
    Read,
    /// Something worth proving later happened (a sign-in, a refused call); nothing changed.
    Event,
}

impl ChangeOp {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeOp::Insert => "insert",
            ChangeOp::Update => "update",
            ChangeOp::Delete => "delete",
            ChangeOp::Read => "read",
            ChangeOp::Event => "event",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "insert" => ChangeOp::Insert,
            "update" => ChangeOp::Update,
            "delete" => ChangeOp::Delete,
            "read" => ChangeOp::Read,
            "event" => ChangeOp::Event,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Change {
    pub id: i64,
    pub actor: String,
    pub at: DateTime<Utc>,
    /// The table the change touched, e.g. `departments`.
    pub entity: String,
    pub row_id: String,
    pub op: ChangeOp,
    /// The row as JSON before the change; `None` for inserts.
    #[ts(type = "Record<string, unknown> | null")]
    pub before: Option<serde_json::Value>,
    /// The row as JSON after the change; `None` for deletes.
    #[ts(type = "Record<string, unknown> | null")]
    pub after: Option<serde_json::Value>,
    pub hash: String,
    /// What the change means beyond before and after; today only a schema upgrade has one:
    /// `{kind: "schema_upgrade", version, added, removed, renamed: [[old, new]], changed}`.
    #[ts(type = "Record<string, unknown> | null")]
    pub detail: Option<serde_json::Value>,
}

/// A record's name in each UI language; the same text when the record has a single name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RecordName {
    pub it: String,
    pub en: String,
}

/// One page of history, with names for the records it mentions.
#[derive(Debug, Clone, Serialize, TS)]
pub struct HistoryPage {
    pub items: Vec<Change>,
    /// Number of changes matching the filter, across all pages.
    pub total: i64,
    /// Names of the changed records and of the records their fields point at, keyed
    /// `"entity:id"` (e.g. `"courses:3"`). A record missing here is shown by its id.
    pub labels: BTreeMap<String, RecordName>,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct HistoryQuery {
    pub entity: Option<String>,
    pub row_id: Option<String>,
    pub actor: Option<String>,
    /// Changes at or after this instant (the UI sends local midnight).
    pub from: Option<DateTime<Utc>>,
    /// Changes before this instant.
    pub until: Option<DateTime<Utc>>,
    pub page: PageRequest,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryStatus {
    pub count: i64,
    /// Hash of the newest change; together with `count` it pins the whole history.
    pub head_hash: Option<String>,
    pub last_at: Option<DateTime<Utc>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    /// A change's number does not follow the previous one: rows were deleted or re-ordered.
    Gap,
    /// A change does not point at the hash of the one before it.
    BrokenLink,
    /// A change's content no longer matches its own hash: it was edited.
    HashMismatch,
    /// A data row differs from what its last recorded change says it should be.
    RowModified,
    /// A data row exists that no change ever created.
    RowWithoutHistory,
    /// History says a row exists but it is gone.
    RowMissing,
    /// The history no longer contains the head exported earlier: it was rebuilt or cut short.
    HeadMismatch,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyProblem {
    pub kind: ProblemKind,
    pub change_id: Option<i64>,
    pub entity: Option<String>,
    pub row_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VerifyReport {
    pub ok: bool,
    pub changes_checked: i64,
    pub rows_checked: i64,
    pub head_hash: Option<String>,
    /// The first problem found, in chain order; `None` when `ok`.
    pub problem: Option<VerifyProblem>,
    pub verified_at: DateTime<Utc>,
    /// The exported head checked against, when verifying against a head file.
    pub against: Option<HistoryHead>,
}

/// A small proof of the history at one moment: keep it outside the database (a USB stick, an
/// e-mail to the auditor) and verify against it later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct HistoryHead {
    /// Always "backoffice-history-head".
    pub kind: String,
    pub count: i64,
    pub head_hash: String,
    pub exported_at: DateTime<Utc>,
    pub exported_by: String,
}

pub const HEAD_KIND: &str = "backoffice-history-head";
