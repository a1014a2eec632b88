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
    // and the clean-up are left to do, and the newest previous folder is the one it made.
    let previous = if staged_db.exists() {
        let previous = previous_root.join(Utc::now().format("%Y%m%dT%H%M%SZ").to_string());
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
        newest(&previous_root).unwrap_or(previous_root)
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

fn newest(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .flatten()
        .map(|e| e.path())
        .max()
}
