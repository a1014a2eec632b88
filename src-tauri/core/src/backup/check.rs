//! Checking a set before anything trusts it: the manifest is ours, every file is there with the
//! bytes the manifest names (the database and each document), the database passes SQLite's
//! integrity check, is a Backoffice database no newer than this app, and its history verifies
//! to the head the manifest recorded. Each refusal names its reason and, where there is one, the
//! file.

use super::manifest::{Manifest, DB_FILE, KIND, MANIFEST_FILE};
use super::sets::SETS_DIR;
use super::{file_path, files_dir, hash_file, Progress};
use crate::crypt::docs::DocKey;
use crate::crypt::{sqlcipher, DataKey, KEY_FILE};
use crate::error::{Error, ErrorCode};
use crate::store::history;
use crate::store::migrations::{APPLICATION_ID, LATEST};
use chrono::Utc;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// A set that cannot be used: `reason` is one of `backup_unfinished`, `backup_manifest`,
/// `backup_file_missing`, `backup_file_changed`, `backup_damaged`, `backup_foreign`,
/// `backup_newer`, `backup_history`, with `file` where one is to blame.
fn refused(reason: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason)
}

/// Checks the set `name` of the backup folder; its manifest when everything holds.
/// `key` is the data key in use here: an encrypted set opens only with the key it was made with.
pub fn check_set(
    folder: &Path,
    name: &str,
    key: Option<&DataKey>,
    progress: Progress,
) -> crate::Result<Manifest> {
    let dir = folder.join(SETS_DIR).join(name);
    let manifest = read_manifest(&dir)?;
    if let Some(id) = &manifest.key_id {
        if key.map(DataKey::id).as_ref() != Some(id) {
            return Err(refused(
                "backup_other_key",
                "this backup is encrypted with another key than this database's",
            ));
        }
        if !dir.join(KEY_FILE).is_file() {
            return Err(refused(
                "backup_file_missing",
                "the key file is missing from the backup",
            )
            .with("file", KEY_FILE));
        }
    }
    let key = manifest.key_id.as_ref().and(key);
    let files = files_dir(folder);
    let total = manifest.db_size * 2 + manifest.files_size();
    let mut done = 0;
    check_file(
        &dir.join(DB_FILE),
        DB_FILE,
        &manifest.db_sha256,
        manifest.db_size,
    )?;
    done += manifest.db_size;
    if !progress(done, total) {
        return Err(super::make::cancelled());
    }
    let doc_key = key.map(DataKey::documents);
    for f in &manifest.files {
        check_document_file(
            &file_path(&files, &f.sha256),
            &f.sha256,
            f.size,
            doc_key.as_ref(),
        )?;
        done += f.size;
        if !progress(done, total) {
            return Err(super::make::cancelled());
        }
    }
    check_database(&dir.join(DB_FILE), key, &manifest)?;
    progress(total, total);
    Ok(manifest)
}

/// The manifest of the set in `dir`, if it is a finished Backoffice backup.
pub fn read_manifest(dir: &Path) -> crate::Result<Manifest> {
    let bytes = match std::fs::read(dir.join(MANIFEST_FILE)) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(
                "backup_unfinished",
                "this backup was never finished: it has no manifest",
            ))
        }
        Err(e) => return Err(super::io_error(dir, e)),
    };
    let m: Manifest = serde_json::from_slice(&bytes).map_err(|e| {
        refused(
            "backup_manifest",
            format!("the manifest cannot be read: {e}"),
        )
        .with("file", MANIFEST_FILE)
    })?;
    if m.kind != KIND {
        return Err(
            refused("backup_manifest", "not a Backoffice backup").with("file", MANIFEST_FILE)
        );
    }
    Ok(m)
}

/// `path` holds exactly `size` bytes hashing to `sha256`; `shown` names it in the refusal.
fn check_file(path: &Path, shown: &str, sha256: &str, size: u64) -> crate::Result<()> {
    if !path.is_file() {
        return Err(refused(
            "backup_file_missing",
            format!("{shown} is missing from the backup"),
        )
        .with("file", shown));
    }
    let (found, found_size) = hash_file(path)?;
    if found != sha256 || found_size != size {
        return Err(refused(
            "backup_file_changed",
            format!("{shown} changed after the backup was made"),
        )
        .with("file", shown));
    }
    Ok(())
}

/// A stored document of the set: the size the manifest says, and content matching its name
/// (a sealed one must open with the key, which also proves no byte changed).
fn check_document_file(
    path: &Path,
    sha256: &str,
    size: u64,
    key: Option<&DocKey>,
) -> crate::Result<()> {
    let changed = || {
        refused(
            "backup_file_changed",
            format!("{sha256} changed after the backup was made"),
        )
        .with("file", sha256)
    };
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(refused(
                "backup_file_missing",
                format!("{sha256} is missing from the backup"),
            )
            .with("file", sha256))
        }
        Err(e) => return Err(super::io_error(path, e)),
    };
    if bytes.len() as u64 != size {
        return Err(changed());
    }
    super::check_document(bytes, sha256, key).map_err(|_| changed())
}

fn check_database(db: &Path, key: Option<&DataKey>, manifest: &Manifest) -> crate::Result<()> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY).map_err(|e| {
        refused(
            "backup_damaged",
            format!("the database cannot be opened: {e}"),
        )
        .with("file", DB_FILE)
    })?;
    sqlcipher::apply(&c, key)?;
    let damaged = |e: rusqlite::Error| {
        refused("backup_damaged", format!("the database is damaged: {e}")).with("file", DB_FILE)
    };
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(damaged)?;
    if app != APPLICATION_ID {
        return Err(refused(
            "backup_foreign",
            "the backed-up file is not a Backoffice database",
        )
        .with("file", DB_FILE));
    }
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(damaged)?;
    if version > LATEST {
        return Err(refused(
            "backup_newer",
            format!("made by a newer version of Backoffice (schema {version}, this app {LATEST})"),
        )
        .with("version", manifest.app_version.clone()));
    }
    let verdict: String = c
        .query_row("PRAGMA integrity_check(1)", [], |r| r.get(0))
        .map_err(damaged)?;
    if verdict != "ok" {
        return Err(refused(
            "backup_damaged",
            format!("the database is damaged: {verdict}"),
        )
        .with("file", DB_FILE));
    }
    // The chain is checked only against a schema this app knows how to read.
    if version == LATEST {
        let report = history::verify(&c, Utc::now(), &mut |_| true)?;
        // A chain that was already broken when the backup was made is restored as it was
        // (verify will say so there); one that verified then must verify now.
        let broken = manifest.history_verified && !report.ok;
        if broken || report.head_hash != manifest.history_head {
            return Err(refused(
                "backup_history",
                "the backed-up history does not verify, or ends elsewhere than the manifest says",
            )
            .with("file", DB_FILE));
        }
    }
    Ok(())
}
