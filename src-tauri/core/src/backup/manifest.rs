//! What a backup holds, written beside it as `manifest.json` once everything else is in place:
//! a set without one is unfinished and is never offered for restore.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Always "backoffice-backup": a JSON file that says otherwise is not ours.
pub const KIND: &str = "backoffice-backup";
pub const MANIFEST_FILE: &str = "manifest.json";
pub const DB_FILE: &str = "backoffice.db";

/// One stored document in the set's shared `files/` folder, named by its SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ManifestFile {
    pub sha256: String,
    pub size: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Manifest {
    pub kind: String,
    pub app_version: String,
    pub schema_version: i64,
    pub made_at: DateTime<Utc>,
    pub made_by: String,
    /// The organisation as the database names it, so a restore can tell another company's
    /// backup from this one's.
    pub organisation: String,
    pub vat_number: Option<String>,
    /// The database file: its SHA-256 and size.
    pub db_sha256: String,
    pub db_size: u64,
    /// Rows per table.
    pub counts: BTreeMap<String, i64>,
    pub files: Vec<ManifestFile>,
    /// The history chain at that moment: its length, its newest hash, and whether it verified.
    pub history_count: i64,
    pub history_head: Option<String>,
    pub history_verified: bool,
    /// Stored documents whose content no longer matched their name when the backup was made:
    /// left out (copying them would hide the damage) and named here, so the outcome says so.
    #[serde(default)]
    pub damaged: Vec<String>,
    /// The data key's public id when the database (and its documents) are encrypted; the set
    /// then holds the key file too, and only that key opens it.
    #[serde(default)]
    pub key_id: Option<String>,
}

impl Manifest {
    /// The stored documents' total size.
    pub fn files_size(&self) -> u64 {
        self.files.iter().map(|f| f.size).sum()
    }
}
