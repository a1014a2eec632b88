//! Encrypting a plain database, or decrypting an encrypted one, without ever leaving a
//! half-converted file. While the app runs, [`stage`] holds writes, copies the database into a
//! new file in `<data>/encryption-pending` (encrypted with the new key, or plain), checks the
//! copy (SQLite's quick check, the same row count in every table, the same history chain head),
//! puts the key file beside it and writes `READY`; the store then refuses writes until the
//! restart. At the next start [`apply_pending`] swaps the copy in with the restore's renames
//! (the old file goes to `<data>/before-encryption-change/<time>`); once the new file has opened
//! with its key, [`confirm`] deletes the old one, which for an encryption is the plain text.
//! If it will not open, [`roll_back`] puts the old one back.

use crate::backup::restore::{roll_back_to, settle_key_file, swap_in};
use crate::backup::Progress;
use crate::crypt::{sqlcipher, DataKey, KeyFile};
use crate::error::{Error, ErrorCode};
use crate::files::io_error;
use crate::store::{history, tracked, Store};
use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::Duration;

pub const PENDING_DIR: &str = "encryption-pending";
pub const PREVIOUS_DIR: &str = "before-encryption-change";
const READY_FILE: &str = "READY";
/// Left in the previous folder until the converted file has opened.
const UNCONFIRMED: &str = "UNCONFIRMED";

/// What the staged file is.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Ready {
    pub encrypted: bool,
    pub key_id: Option<String>,
    pub made_at: DateTime<Utc>,
    pub made_by: String,
}

/// Copies the live database into a staged, checked, converted file: encrypted with `to` (the new
/// data key and its key file) or plain (`None`). Writes wait while it runs (the copy is one
/// moment of the data) and are refused afterwards, until the restart puts the copy in place.
/// `progress` gets bytes done and the estimate; returning false cancels, leaving nothing.
pub fn stage(
    store: &Store,
    data_dir: &Path,
    db_file_name: &str,
    to: Option<(&DataKey, &KeyFile)>,
    made_by: &str,
    progress: Progress,
) -> crate::Result<Ready> {
    let pending = data_dir.join(PENDING_DIR);
    if pending.exists() {
        std::fs::remove_dir_all(&pending).map_err(|e| io_error(&pending, e))?;
    }
    crate::private::ensure_dir(&pending, false).map_err(|e| io_error(&pending, e))?;
    let staged = pending.join(db_file_name);
    let result = store.hold_writes(|| -> crate::Result<Ready> {
        copy(store, &staged, to.map(|t| t.0), progress)?;
        check_copy(store, &staged, to.map(|t| t.0))?;
        to_wal(&staged, to.map(|t| t.0))?;
        if let Some((_, key_file)) = to {
            key_file.save(&pending)?;
        }
        let ready = Ready {
            encrypted: to.is_some(),
            key_id: to.map(|t| t.0.id()),
            made_at: store.now(),
            made_by: made_by.to_owned(),
        };
        let text = serde_json::to_vec_pretty(&ready)?;
        let path = pending.join(READY_FILE);
        crate::files::write_atomically(&path, |w| crate::files::put(w, &path, &text))?;
        store.freeze();
        Ok(ready)
    });
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&pending);
    }
    result
}

/// The export, on a connection of its own so the job can watch the new file grow and stop it.
fn copy(
    store: &Store,
    staged: &Path,
    key: Option<&DataKey>,
    progress: Progress,
) -> crate::Result<()> {
    let from = store.own_reader()?;
    // The reader is query-only; the export writes only into the attached file.
    from.pragma_update(None, "query_only", false)?;
    let total = std::fs::metadata(store.path())
        .map(|m| m.len())
        .unwrap_or(0);
    let interrupt = from.get_interrupt_handle();
    std::thread::scope(|s| {
        let copying = s.spawn(move || sqlcipher::export(&from, staged, key));
        let mut stopped = false;
        while !copying.is_finished() {
            std::thread::sleep(Duration::from_millis(50));
            let size = std::fs::metadata(staged).map(|m| m.len()).unwrap_or(0);
            if !stopped && !progress(size.min(total), total) {
                stopped = true;
                interrupt.interrupt();
            }
        }
        let result = copying
            .join()
            .map_err(|_| Error::internal("the conversion stopped unexpectedly"))?;
        if stopped {
            return Err(Error::new(ErrorCode::Cancelled, "conversion cancelled"));
        }
        result.map_err(|e| {
            if e.code == ErrorCode::DbIo || e.code == ErrorCode::Internal {
                crate::files::io_error(staged, std::io::Error::other(e.message))
            } else {
                e
            }
        })
    })
}

/// The copy opens with its key, passes the quick check and holds what the live file holds.
fn check_copy(store: &Store, staged: &Path, key: Option<&DataKey>) -> crate::Result<()> {
    let c = Connection::open(staged).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    let verdict: String = c.query_row("PRAGMA quick_check(1)", [], |r| r.get(0))?;
    let mismatch = |what: &str| {
        Error::new(
            ErrorCode::DbCorrupt,
            format!("the converted copy does not match the data ({what}); nothing was changed"),
        )
    };
    if verdict != "ok" {
        return Err(mismatch(&verdict));
    }
    let (counts, head) =
        store.read(|live| Ok((tracked::row_counts(live)?, history::status(live)?.head_hash)))?;
    if tracked::row_counts(&c)? != counts {
        return Err(mismatch("row counts"));
    }
    if history::status(&c)?.head_hash != head {
        return Err(mismatch("history"));
    }
    Ok(())
}

/// Puts the staged file in WAL mode now. Otherwise its first open at the next start switches it
/// through a rollback journal; a start killed then leaves a hot journal that the read-only
/// first look cannot roll back, and the converted file is given up. A staged restore does the
/// same (a backup's copy is made in rollback-journal mode).
pub(crate) fn to_wal(staged: &Path, key: Option<&DataKey>) -> crate::Result<()> {
    let c = Connection::open(staged).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    let mode: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::new(
            ErrorCode::DbIo,
            format!("the converted copy stays in {mode} mode"),
        ));
    }
    // Closing the only connection checkpoints and removes the WAL: the file is whole alone.
    c.close()
        .map_err(|(_, e)| Error::new(ErrorCode::DbIo, e.to_string()))
}

/// Whether a converted copy waits for the next start.
pub fn is_pending(data_dir: &Path) -> bool {
    data_dir.join(PENDING_DIR).join(READY_FILE).is_file()
}

/// Puts a staged conversion in place (before anything opens the database); an unfinished one is
/// removed. Returns what was put in place.
pub fn apply_pending(data_dir: &Path, db_file_name: &str) -> crate::Result<Option<Ready>> {
    let pending = data_dir.join(PENDING_DIR);
    let Ok(text) = std::fs::read(pending.join(READY_FILE)) else {
        if pending.exists() {
            let _ = std::fs::remove_dir_all(&pending);
        }
        return Ok(None);
    };
    let ready: Ready = serde_json::from_slice(&text)?;
    let previous = swap_in(
        data_dir,
        &pending,
        &data_dir.join(PREVIOUS_DIR),
        db_file_name,
    )?;
    let mark = previous.join(UNCONFIRMED);
    if previous.is_dir() {
        std::fs::write(&mark, &text).map_err(|e| io_error(&mark, e))?;
    }
    settle_key_file(data_dir, &pending, ready.encrypted)?;
    std::fs::remove_dir_all(&pending).map_err(|e| io_error(&pending, e))?;
    Ok(Some(ready))
}

fn unconfirmed(data_dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(data_dir.join(PREVIOUS_DIR))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(UNCONFIRMED).exists())
        .max()
}

/// The conversion put in place at this start and not yet confirmed, if any.
pub fn confirmable(data_dir: &Path) -> Option<Ready> {
    unconfirmed(data_dir)
        .and_then(|p| std::fs::read(p.join(UNCONFIRMED)).ok())
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// The converted database opened: the file it replaced is deleted (for an encryption, the last
/// plain copy in the data folder). The caller records the conversion (from [`confirmable`])
/// first: a start killed in between records it again rather than never.
pub fn confirm(data_dir: &Path) -> Option<Ready> {
    let ready = confirmable(data_dir);
    // Copies an earlier restore set aside hold the data in plain text: they go with the plain
    // file. Here rather than when the encryption is staged, where a process killed between
    // writing READY and the removal left them beside the encrypted data for good; and before
    // the mark below goes, so a start killed in between does this again.
    if ready.as_ref().is_some_and(|r| r.encrypted) {
        let kept = data_dir.join(crate::backup::restore::PREVIOUS_DIR);
        if kept.exists() {
            let _ = std::fs::remove_dir_all(&kept);
        }
    }
    let root = data_dir.join(PREVIOUS_DIR);
    if root.exists() {
        let _ = std::fs::remove_dir_all(&root);
    }
    ready
}

/// The converted database would not open: the one it replaced, and its key file (or none),
/// come back.
pub fn roll_back(data_dir: &Path, db_file_name: &str) -> crate::Result<()> {
    let Some(previous) = unconfirmed(data_dir) else {
        return Ok(());
    };
    roll_back_to(data_dir, db_file_name, &previous)?;
    let _ = std::fs::remove_dir_all(&previous);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(data_dir: &Path, encrypted: bool) {
        let previous = data_dir.join(PREVIOUS_DIR).join("20260101T000000Z");
        std::fs::create_dir_all(&previous).unwrap();
        std::fs::write(previous.join("data.db"), b"the file replaced").unwrap();
        let ready = Ready {
            encrypted,
            key_id: None,
            made_at: Utc::now(),
            made_by: "admin".into(),
        };
        std::fs::write(
            previous.join(UNCONFIRMED),
            serde_json::to_vec(&ready).unwrap(),
        )
        .unwrap();
        let kept = data_dir
            .join(crate::backup::restore::PREVIOUS_DIR)
            .join("20251201T000000Z");
        std::fs::create_dir_all(&kept).unwrap();
        std::fs::write(kept.join("data.db"), b"plain data an earlier restore kept").unwrap();
    }

    #[test]
    fn a_staged_copy_is_left_in_wal_mode_so_its_first_open_writes_no_journal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("copy.db");
        for key in [None, Some(DataKey::generate())] {
            let _ = std::fs::remove_file(&path);
            let c = Connection::open(&path).unwrap();
            sqlcipher::apply(&c, key.as_ref()).unwrap();
            c.execute_batch(
                "PRAGMA journal_mode = DELETE; CREATE TABLE t (x); INSERT INTO t VALUES (1);",
            )
            .unwrap();
            drop(c);
            to_wal(&path, key.as_ref()).unwrap();
            assert!(!dir.path().join("copy.db-wal").exists());
            let c = Connection::open(&path).unwrap();
            sqlcipher::apply(&c, key.as_ref()).unwrap();
            let mode: String = c
                .query_row("PRAGMA journal_mode", [], |r| r.get(0))
                .unwrap();
            assert_eq!(mode, "wal");
            let x: i64 = c.query_row("SELECT x FROM t", [], |r| r.get(0)).unwrap();
            assert_eq!(x, 1);
        }
    }

    #[test]
    fn a_confirmed_encryption_takes_the_plain_copies_an_earlier_restore_kept() {
        let dir = tempfile::tempdir().unwrap();
        converted(dir.path(), true);
        assert!(confirm(dir.path()).is_some_and(|r| r.encrypted));
        assert!(!dir.path().join(PREVIOUS_DIR).exists());
        assert!(!dir
            .path()
            .join(crate::backup::restore::PREVIOUS_DIR)
            .exists());
    }

    #[test]
    fn a_confirmed_decryption_leaves_the_restores_copies_where_they_are() {
        let dir = tempfile::tempdir().unwrap();
        converted(dir.path(), false);
        assert!(confirm(dir.path()).is_some_and(|r| !r.encrypted));
        assert!(!dir.path().join(PREVIOUS_DIR).exists());
        assert!(dir
            .path()
            .join(crate::backup::restore::PREVIOUS_DIR)
            .join("20251201T000000Z")
            .exists());
    }
}
