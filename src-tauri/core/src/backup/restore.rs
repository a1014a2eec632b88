//! Restoring a set, in two steps so that nothing half-done ever replaces the live data. While
//! the app runs, [`stage`] checks the set and copies it into `<data>/restore-pending` (the
//! database and the documents the data folder lacks, each checked again on the way), then writes
//! `READY`. At the next start, before anything opens the database, [`apply_pending`] moves the
//! live database (with its WAL) to `<data>/before-restore/<time>` and the staged one into its
//! place: renames on one disk, so a crash at any point leaves either the old data or the
//! restored data, and a restored database that fails to open is put back ([`roll_back`]).

use super::check::check_set;
use super::manifest::{Manifest, DB_FILE};
use super::sets::SETS_DIR;
use super::{copy_hashed, file_path, files_dir, io_error, Progress};
use crate::crypt::KEY_FILE;
use crate::error::{Error, ErrorCode};
use chrono::Utc;
use std::path::{Path, PathBuf};

pub const PENDING_DIR: &str = "restore-pending";
pub const READY_FILE: &str = "READY";
pub const PREVIOUS_DIR: &str = "before-restore";
const UNCONFIRMED: &str = "UNCONFIRMED";
/// In the pending folder: the name of the previous-data folder this swap moves the live data
/// to, chosen once, so a start killed half way through the moves and the start that finishes
/// them put the database and its WAL in the same folder.
const PREVIOUS_NAME_FILE: &str = "PREVIOUS";

/// The live database's file and its companions, in the order they move. A rollback journal
/// belongs to its file as much as a WAL: one left beside another database would be played into
/// it at the next open and wreck it.
const LIVE: [&str; 4] = ["", "-wal", "-shm", "-journal"];

/// Checks the set `name` of `folder` and stages it in `data_dir` for the next start.
pub fn stage(
    folder: &Path,
    name: &str,
    data_dir: &Path,
    db_file_name: &str,
    key: Option<&crate::crypt::DataKey>,
    progress: Progress,
) -> crate::Result<Manifest> {
    let manifest = check_set(folder, name, key, &mut |d, t| progress(d / 2, t))?;
    let pending = data_dir.join(PENDING_DIR);
    if pending.exists() {
        std::fs::remove_dir_all(&pending).map_err(|e| io_error(&pending, e))?;
    }
    let result = (|| {
        std::fs::create_dir(&pending).map_err(|e| io_error(&pending, e))?;
        let total = manifest.db_size + manifest.files_size();
        let set_db = folder.join(SETS_DIR).join(name).join(DB_FILE);
        let staged_db = pending.join(db_file_name);
        std::fs::copy(&set_db, &staged_db).map_err(|e| io_error(&staged_db, e))?;
        let (sha, _) = super::hash_file(&staged_db)?;
        if sha != manifest.db_sha256 {
            return Err(Error::new(
                ErrorCode::DbIo,
                "the database changed while it was being copied back",
            ));
        }
        // Checked against the manifest, then put in WAL mode while nothing else can see it
        // (see `crypt::convert::to_wal`).
        crate::crypt::convert::to_wal(&staged_db, manifest.key_id.as_ref().and(key))?;
        if let Some(id) = &manifest.key_id {
            // The same key as the data here: the live key file goes with it, so the passphrase
            // stays the current one (the set's may wrap the key under an older passphrase).
            let live = crate::crypt::KeyFile::load(data_dir).ok().flatten();
            let from = match live {
                Some(k) if &k.key_id == id => data_dir.join(KEY_FILE),
                _ => folder.join(SETS_DIR).join(name).join(KEY_FILE),
            };
            let to = pending.join(KEY_FILE);
            std::fs::copy(&from, &to).map_err(|e| io_error(&to, e))?;
        }
        let doc_key = key.map(crate::crypt::DataKey::documents);
        let mut done = manifest.db_size;
        let live_files = data_dir.join("files");
        for f in &manifest.files {
            let there = file_path(&live_files, &f.sha256);
            if std::fs::metadata(&there).map(|m| m.len()).ok() != Some(f.size) {
                copy_hashed(
                    &file_path(&files_dir(folder), &f.sha256),
                    &pending,
                    &f.sha256,
                    doc_key.as_ref(),
                )?;
            }
            done += f.size;
            if !progress(total / 2 + done / 2, total) {
                return Err(super::make::cancelled());
            }
        }
        let text = serde_json::to_vec_pretty(&manifest)?;
        crate::files::write_atomically(&pending.join(READY_FILE), |w| {
            std::io::Write::write_all(w, &text).map_err(|e| io_error(&pending, e))
        })?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = std::fs::remove_dir_all(&pending);
        return Err(e);
    }
    Ok(manifest)
}

/// A restore applied at start: what was restored, and where the data it replaced went.
#[derive(Debug, Clone)]
pub struct Applied {
    pub manifest: Manifest,
    pub previous: PathBuf,
}

/// Puts a staged restore in place; `None` when none is ready (an unfinished one is removed).
pub fn apply_pending(data_dir: &Path, db_file_name: &str) -> crate::Result<Option<Applied>> {
    let pending = data_dir.join(PENDING_DIR);
    let ready = pending.join(READY_FILE);
    let Ok(text) = std::fs::read(&ready) else {
        if pending.exists() {
            let _ = std::fs::remove_dir_all(&pending);
        }
        return Ok(None);
    };
    let manifest: Manifest = serde_json::from_slice(&text)?;
    let previous = swap_in(
        data_dir,
        &pending,
        &data_dir.join(PREVIOUS_DIR),
        db_file_name,
    )?;
    // Until the restored database has opened ([`confirm`]), the previous folder says which
    // restore it belongs to.
    let mark = previous.join(UNCONFIRMED);
    if previous.is_dir() {
        std::fs::write(&mark, &text).map_err(|e| io_error(&mark, e))?;
    }
    settle_key_file(data_dir, &pending, manifest.key_id.is_some())?;
    merge_files(&files_dir(&pending), &data_dir.join("files"))?;
    std::fs::remove_dir_all(&pending).map_err(|e| io_error(&pending, e))?;
    Ok(Some(Applied { manifest, previous }))
}

/// Moves the live database (with its WAL and shared memory) into a new folder under
/// `previous_root`, a copy of the key file beside it, then the database staged in `pending`
/// into its place; returns the folder the old data went to. Renames on one disk: the staged
/// database's rename is the moment of change, so a crash before it leaves the old data and one
/// after it the new. The folder's name is chosen once and kept in `pending`, so a start killed
/// between moving the database and its WAL, and the start that finishes, use the same folder. A
/// start that stopped after the staged database's rename finds it gone: only
/// [`settle_key_file`] and the clean-up are left.
pub(crate) fn swap_in(
    data_dir: &Path,
    pending: &Path,
    previous_root: &Path,
    db_file_name: &str,
) -> crate::Result<PathBuf> {
    let staged_db = pending.join(db_file_name);
    let chosen = std::fs::read_to_string(pending.join(PREVIOUS_NAME_FILE))
        .ok()
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\', '.']))
        .map(|n| previous_root.join(n));
    if !staged_db.exists() {
        return Ok(chosen
            .or_else(|| newest(previous_root))
            .unwrap_or_else(|| previous_root.to_owned()));
    }
    let previous = match chosen {
        Some(p) => p,
        None => {
            let name = unused_name(previous_root);
            crate::files::write_atomically(&pending.join(PREVIOUS_NAME_FILE), |w| {
                std::io::Write::write_all(w, name.as_bytes()).map_err(|e| io_error(pending, e))
            })?;
            previous_root.join(name)
        }
    };
    std::fs::create_dir_all(&previous).map_err(|e| io_error(&previous, e))?;
    for suffix in LIVE {
        let live = data_dir.join(format!("{db_file_name}{suffix}"));
        if live.exists() {
            let to = previous.join(format!("{db_file_name}{suffix}"));
            std::fs::rename(&live, &to).map_err(|e| io_error(&live, e))?;
        }
    }
    let key = data_dir.join(KEY_FILE);
    if key.exists() {
        let to = previous.join(KEY_FILE);
        std::fs::copy(&key, &to).map_err(|e| io_error(&to, e))?;
    }
    let live = data_dir.join(db_file_name);
    std::fs::rename(&staged_db, &live).map_err(|e| io_error(&live, e))?;
    super::sync_dir(data_dir);
    Ok(previous)
}

/// After [`swap_in`]: the key file that goes with the database now in place (the staged one, or
/// none for a plain database). Safe to run again.
pub(crate) fn settle_key_file(
    data_dir: &Path,
    pending: &Path,
    encrypted: bool,
) -> crate::Result<()> {
    let live = data_dir.join(KEY_FILE);
    let staged = pending.join(KEY_FILE);
    if staged.exists() {
        std::fs::rename(&staged, &live).map_err(|e| io_error(&live, e))?;
    } else if !encrypted && live.exists() {
        std::fs::remove_file(&live).map_err(|e| io_error(&live, e))?;
    }
    super::sync_dir(data_dir);
    Ok(())
}

/// The restore put in place at this start, not yet opened.
fn unconfirmed(data_dir: &Path) -> Option<Applied> {
    let previous = std::fs::read_dir(data_dir.join(PREVIOUS_DIR))
        .ok()?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join(UNCONFIRMED).exists())
        .max()?;
    let manifest = serde_json::from_slice(&std::fs::read(previous.join(UNCONFIRMED)).ok()?).ok()?;
    Some(Applied { manifest, previous })
}

/// The restored database opened: the restore is done (the data it replaced stays in its
/// previous folder). Returns it, if one was waiting.
pub fn confirm(data_dir: &Path) -> Option<Applied> {
    let applied = unconfirmed(data_dir)?;
    let _ = std::fs::remove_file(applied.previous.join(UNCONFIRMED));
    Some(applied)
}

/// Puts back the database a restore replaced, if the restore of this start would not open.
/// Returns whether there was one.
pub fn roll_back(data_dir: &Path, db_file_name: &str) -> crate::Result<bool> {
    let Some(applied) = unconfirmed(data_dir) else {
        return Ok(false);
    };
    roll_back_to(data_dir, db_file_name, &applied.previous)?;
    let _ = std::fs::remove_file(applied.previous.join(UNCONFIRMED));
    Ok(true)
}

/// Puts the database, and the key file (or none), kept in `previous` by [`swap_in`] back in
/// place.
pub(crate) fn roll_back_to(
    data_dir: &Path,
    db_file_name: &str,
    previous: &Path,
) -> crate::Result<()> {
    for suffix in LIVE {
        let live = data_dir.join(format!("{db_file_name}{suffix}"));
        let _ = std::fs::remove_file(&live);
        let kept = previous.join(format!("{db_file_name}{suffix}"));
        if kept.exists() {
            std::fs::rename(&kept, &live).map_err(|e| io_error(&live, e))?;
        }
    }
    let key = data_dir.join(KEY_FILE);
    let kept = previous.join(KEY_FILE);
    if kept.exists() {
        std::fs::rename(&kept, &key).map_err(|e| io_error(&key, e))?;
    } else {
        let _ = std::fs::remove_file(&key);
    }
    Ok(())
}

/// Moves the staged documents the live folder lacks into it; the rest stay where they are.
fn merge_files(staged: &Path, live: &Path) -> crate::Result<()> {
    let Ok(dirs) = std::fs::read_dir(staged) else {
        return Ok(());
    };
    for dir in dirs.flatten() {
        let to_dir = live.join(dir.file_name());
        std::fs::create_dir_all(&to_dir).map_err(|e| io_error(&to_dir, e))?;
        for f in std::fs::read_dir(dir.path())
            .map_err(|e| io_error(&dir.path(), e))?
            .flatten()
        {
            let to = to_dir.join(f.file_name());
            let size = |p: &Path| std::fs::metadata(p).map(|m| m.len()).ok();
            // The same document stored the other way (sealed or plain) is replaced by the
            // restored form, which matches the restored key file.
            if size(&to) != size(&f.path()) {
                std::fs::rename(f.path(), &to).map_err(|e| io_error(&to, e))?;
            }
        }
    }
    Ok(())
}

/// A `before-restore` folder name for now that no earlier restore took (two in one second).
fn unused_name(root: &Path) -> String {
    let base = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
    (1..)
        .map(|n| match n {
            1 => base.clone(),
            n => format!("{base}-{n}"),
        })
        .find(|n| !root.join(n).exists())
        .unwrap_or(base)
}

fn newest(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .max()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::manifest::KIND;

    fn manifest() -> Manifest {
        Manifest {
            kind: KIND.into(),
            app_version: "0".into(),
            schema_version: 1,
            made_at: Utc::now(),
            made_by: "t".into(),
            organisation: "O".into(),
            vat_number: None,
            db_sha256: String::new(),
            db_size: 0,
            counts: Default::default(),
            files: Vec::new(),
            history_count: 0,
            history_head: None,
            history_verified: true,
            damaged: Vec::new(),
            key_id: None,
        }
    }

    #[test]
    fn a_start_killed_between_moving_the_database_and_its_wal_finishes_in_the_same_folder() {
        let data = tempfile::tempdir().unwrap();
        let d = data.path();
        let pending = d.join(PENDING_DIR);
        std::fs::create_dir_all(&pending).unwrap();
        std::fs::write(pending.join("x.db"), b"restored").unwrap();
        std::fs::write(d.join("x.db"), b"old").unwrap();
        std::fs::write(d.join("x.db-wal"), b"old commits").unwrap();
        std::fs::write(
            pending.join(READY_FILE),
            serde_json::to_vec(&manifest()).unwrap(),
        )
        .unwrap();
        // What the killed start did: chose its folder and moved the database, not yet the WAL.
        let chosen = d.join(PREVIOUS_DIR).join("20260301T100000Z");
        std::fs::create_dir_all(&chosen).unwrap();
        std::fs::write(pending.join(PREVIOUS_NAME_FILE), "20260301T100000Z").unwrap();
        std::fs::rename(d.join("x.db"), chosen.join("x.db")).unwrap();

        let applied = apply_pending(d, "x.db").unwrap().unwrap();
        assert_eq!(applied.previous, chosen);
        assert_eq!(std::fs::read(chosen.join("x.db")).unwrap(), b"old");
        assert_eq!(
            std::fs::read(chosen.join("x.db-wal")).unwrap(),
            b"old commits"
        );
        assert_eq!(std::fs::read(d.join("x.db")).unwrap(), b"restored");
        assert!(!d.join("x.db-wal").exists());
        assert!(!pending.exists());
        assert_eq!(std::fs::read_dir(d.join(PREVIOUS_DIR)).unwrap().count(), 1);
    }

    #[test]
    fn a_second_restore_in_the_same_second_keeps_the_first_ones_data() {
        let root = tempfile::tempdir().unwrap();
        let first = unused_name(root.path());
        std::fs::create_dir_all(root.path().join(&first)).unwrap();
        let second = unused_name(root.path());
        assert_ne!(first, second);
    }

    #[test]
    fn a_rollback_journal_goes_with_its_database_and_never_stays_beside_another() {
        let data = tempfile::tempdir().unwrap();
        let d = data.path();
        std::fs::write(d.join("db"), b"old").unwrap();
        std::fs::write(d.join("db-journal"), b"old's journal").unwrap();
        let pending = d.join(PENDING_DIR);
        std::fs::create_dir_all(&pending).unwrap();
        std::fs::write(pending.join("db"), b"new").unwrap();
        let previous = swap_in(d, &pending, &d.join(PREVIOUS_DIR), "db").unwrap();
        assert_eq!(
            std::fs::read(previous.join("db-journal")).unwrap(),
            b"old's journal"
        );
        assert!(!d.join("db-journal").exists());
        // The new file's first open was killed half way: its journal is left, then the file
        // is given up for the old one.
        std::fs::write(d.join("db-journal"), b"new's journal").unwrap();
        roll_back_to(d, "db", &previous).unwrap();
        assert_eq!(std::fs::read(d.join("db")).unwrap(), b"old");
        assert_eq!(
            std::fs::read(d.join("db-journal")).unwrap(),
            b"old's journal"
        );
    }
}
