//! The sets in a backup folder, newest first, as the restore screen lists them.

use super::io_error;
use super::manifest::{Manifest, KIND, MANIFEST_FILE};
use chrono::{DateTime, Utc};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

pub const SETS_DIR: &str = "sets";

/// The suffix of a set being built (or being removed): never listed, never restored.
pub const PARTIAL: &str = ".partial";

/// What a backup folder holds.
#[derive(Debug, Default)]
pub struct Listed {
    /// Complete sets by folder name with their manifests, newest first.
    pub sets: Vec<(String, Manifest)>,
    /// Sets whose manifest was never written (a backup stopped half way): never offered.
    pub unfinished: Vec<String>,
    /// Sets whose manifest cannot be read or is not ours, with why.
    pub unreadable: Vec<(String, String)>,
}

pub fn list_sets(folder: &Path) -> crate::Result<Listed> {
    let dir = folder.join(SETS_DIR);
    let mut out = Listed::default();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io_error(&dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_dir() {
            continue;
        }
        if name.ends_with(PARTIAL) {
            out.unfinished.push(name);
            continue;
        }
        match std::fs::read(entry.path().join(MANIFEST_FILE)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.unfinished.push(name),
            Err(e) => out.unreadable.push((name, e.to_string())),
            Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes) {
                Ok(m) if m.kind == KIND => out.sets.push((name, m)),
                Ok(_) => out
                    .unreadable
                    .push((name, "not a Backoffice backup".into())),
                Err(e) => out.unreadable.push((name, e.to_string())),
            },
        }
    }
    out.sets
        .sort_by(|a, b| b.1.made_at.cmp(&a.1.made_at).then(b.0.cmp(&a.0)));
    Ok(out)
}

/// Removes the unfinished sets of `folder` whose names sort before `before` (a set's name is its
/// start time): what a killed or unplugged backup left. One named later can only come from a
/// clock that reads differently (another computer sharing the folder, its backup perhaps still
/// under way), so it is left to the retention pass after a backup succeeds. Best effort: a
/// leftover that cannot be removed is never listed anyway.
pub fn clear_unfinished_before(folder: &Path, before: &str) {
    let Ok(entries) = std::fs::read_dir(folder.join(SETS_DIR)) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.ends_with(PARTIAL) && name.as_str() < before && entry.path().is_dir() {
            let _ = std::fs::remove_dir_all(entry.path());
        }
    }
}

/// One set as the restore screen lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupSet {
    pub name: String,
    pub made_at: DateTime<Utc>,
    pub made_by: String,
    pub app_version: String,
    pub organisation: String,
    pub employees: i64,
    pub documents: i64,
    pub db_size: u64,
    /// The stored documents it names, shared with the other sets.
    pub files_size: u64,
    pub history_count: i64,
    /// Encrypted (it holds the key file), and whether with another key than this data's: then
    /// restoring it needs the passphrase it was made under, or its recovery key.
    pub encrypted: bool,
    pub other_key: bool,
}

impl BackupSet {
    /// `key_id`: the data key in use here, if the data is encrypted.
    pub fn of(name: &str, m: &Manifest, key_id: Option<&str>) -> Self {
        let count = |t: &str| m.counts.get(t).copied().unwrap_or(0);
        BackupSet {
            name: name.to_owned(),
            made_at: m.made_at,
            made_by: m.made_by.clone(),
            app_version: m.app_version.clone(),
            organisation: m.organisation.clone(),
            employees: count("employees"),
            // Documents under either table name (before and after attachments were shared).
            documents: count("documents") + count("attachments"),
            db_size: m.db_size,
            files_size: m.files_size(),
            history_count: m.history_count,
            encrypted: m.key_id.is_some(),
            other_key: m.key_id.is_some() && m.key_id.as_deref() != key_id,
        }
    }
}
