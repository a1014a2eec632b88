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
use crate::error::{Error, ErrorCode};
use chrono::Utc;
use std::path::{Path, PathBuf};

pub const PENDING_DIR: &str = "restore-pending";
pub const READY_FILE: &str = "READY";
pub const PREVIOUS_DIR: &str = "before-restore";
/// In the pending folder: the name of the `before-restore` folder this restore moves the live
/// data to, chosen once, so a start killed half way through the moves and the start that
/// finishes them put the database and its WAL in the same folder.
const PREVIOUS_NAME_FILE: &str = "PREVIOUS";

/// The live database's file and its companions, in the order they move.
const LIVE: [&str; 3] = ["", "-wal", "-shm"];

/// Checks the set `name` of `folder` and stages it in `data_dir` for the next start.
pub fn stage(
    folder: &Path,
    name: &str,
    data_dir: &Path,
    db_file_name: &str,
    progress: Progress,
) -> crate::Result<Manifest> {
    let manifest = check_set(folder, name, &mut |d, t| progress(d / 2, t))?;
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
        let mut done = manifest.db_size;
        let live_files = data_dir.join("files");
        for f in &manifest.files {
            let there = file_path(&live_files, &f.sha256);
            if std::fs::metadata(&there).map(|m| m.len()).ok() != Some(f.size) {
                copy_hashed(
                    &file_path(&files_dir(folder), &f.sha256),
                    &pending,
                    &f.sha256,
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
    let staged_db = pending.join(db_file_name);
    let previous_root = data_dir.join(PREVIOUS_DIR);
    // A start that stopped after the swap finds the staged database gone: only the documents
    // and the clean-up are left to do, in the previous folder it chose.
    let chosen = std::fs::read_to_string(pending.join(PREVIOUS_NAME_FILE))
        .ok()
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\', '.']))
        .map(|n| previous_root.join(n));
    let previous = if staged_db.exists() {
        let previous = match chosen {
            Some(p) => p,
            None => {
                let name = unused_name(&previous_root);
                crate::files::write_atomically(&pending.join(PREVIOUS_NAME_FILE), |w| {
                    std::io::Write::write_all(w, name.as_bytes()).map_err(|e| io_error(&pending, e))
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
        let live = data_dir.join(db_file_name);
        std::fs::rename(&staged_db, &live).map_err(|e| io_error(&live, e))?;
        super::sync_dir(data_dir);
        previous
    } else {
        chosen
            .or_else(|| newest(&previous_root))
            .unwrap_or(previous_root)
    };
    merge_files(&files_dir(&pending), &data_dir.join("files"))?;
    std::fs::remove_dir_all(&pending).map_err(|e| io_error(&pending, e))?;
    Ok(Some(Applied { manifest, previous }))
}

/// Puts back the database a restore replaced (the restored one would not open).
pub fn roll_back(data_dir: &Path, db_file_name: &str, applied: &Applied) -> crate::Result<()> {
    for suffix in LIVE {
        let live = data_dir.join(format!("{db_file_name}{suffix}"));
        let _ = std::fs::remove_file(&live);
        let kept = applied.previous.join(format!("{db_file_name}{suffix}"));
        if kept.exists() {
            std::fs::rename(&kept, &live).map_err(|e| io_error(&live, e))?;
        }
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
            if !to.exists() {
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
}
