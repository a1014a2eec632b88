//! Making a backup while the app keeps working. The database is copied with `VACUUM INTO` from a
//! read transaction of its own (in WAL mode writers go on beside it, and the copy is one
//! consistent moment); then the stored documents the backup folder does not have yet (they are
//! content-addressed, so every set shares unchanged ones); then the manifest. The set is built
//! under `<name>.partial` and renamed into place only when complete, so a pulled USB drive, a
//! full disk, a kill or a cancel never leaves anything that looks like a backup.

use super::manifest::{Manifest, ManifestFile, DB_FILE, KIND, MANIFEST_FILE};
use super::rotation::{keep, Retention};
use super::sets::{clear_unfinished_before, list_sets, PARTIAL, SETS_DIR};
use super::{copy_hashed, files_dir, hash_file, io_error, Progress};
use crate::crypt::{sqlcipher, DataKey, KEY_FILE};
use crate::error::{Error, ErrorCode};
use crate::store::{history, organisation};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OpenFlags};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Where the live data is.
pub struct Source<'a> {
    pub db: &'a Path,
    /// The stored documents' folder (`<data_dir>/files`).
    pub files: &'a Path,
    /// The data key of an encrypted folder: the copy stays encrypted with it, and the key file
    /// (the key wrapped, never the key) goes into the set.
    pub key: Option<&'a DataKey>,
    pub key_file: Option<&'a Path>,
}

/// A finished backup.
#[derive(Debug, Clone)]
pub struct Made {
    pub name: String,
    pub manifest: Manifest,
    /// Documents copied this time (the others were already in the folder).
    pub copied_files: usize,
    pub copied_bytes: u64,
    /// Older sets removed by the retention rule.
    pub removed: Vec<String>,
}

/// The set's folder name: its UTC time, which sorts as it happened.
fn set_name(at: DateTime<Utc>) -> String {
    at.format("%Y%m%dT%H%M%S%.3fZ").to_string()
}

/// Makes one backup of `src` in `folder`, then applies `retention` (dates by `local_date`);
/// `None` keeps every set (the backup made just before a restore must not remove the set being
/// restored).
/// `progress` gets bytes done and the estimated total; returning false cancels.
pub fn make(
    src: &Source,
    folder: &Path,
    made_by: &str,
    now: DateTime<Utc>,
    retention: Option<Retention>,
    local_date: &dyn Fn(DateTime<Utc>) -> NaiveDate,
    progress: Progress,
) -> crate::Result<Made> {
    let name = set_name(now);
    let sets = folder.join(SETS_DIR);
    std::fs::create_dir_all(&sets).map_err(|e| io_error(&sets, e))?;
    // A backup killed half way left its partial set behind; it goes now rather than after this
    // one succeeds, so a drive that keeps failing does not fill up with them.
    clear_unfinished_before(folder, &name);
    let partial = sets.join(format!("{name}{PARTIAL}"));
    let made = build(src, folder, &partial, made_by, now, progress);
    let made = match made {
        Ok(m) => m,
        Err(e) => {
            let _ = std::fs::remove_dir_all(&partial);
            return Err(e);
        }
    };
    let done = sets.join(&name);
    std::fs::rename(&partial, &done).map_err(|e| io_error(&done, e))?;
    super::sync_dir(&sets);
    let removed = match retention {
        Some(r) => rotate(folder, r, local_date)?,
        None => Vec::new(),
    };
    Ok(Made {
        name,
        removed,
        ..made
    })
}

fn build(
    src: &Source,
    folder: &Path,
    partial: &Path,
    made_by: &str,
    now: DateTime<Utc>,
    progress: Progress,
) -> crate::Result<Made> {
    std::fs::create_dir(partial).map_err(|e| io_error(partial, e))?;
    let db = partial.join(DB_FILE);
    let live_size = std::fs::metadata(src.db).map(|m| m.len()).unwrap_or(0);
    // A first look at the documents, for the progress estimate only.
    let estimate = pending_files(&stored_files(src.files)?, &files_dir(folder));
    let mut total = live_size * 2 + estimate.iter().map(|(_, s)| s).sum::<u64>();
    if let Some(key_file) = src.key_file {
        let to = partial.join(KEY_FILE);
        std::fs::copy(key_file, &to).map_err(|e| io_error(&to, e))?;
    }
    snapshot(src.db, &db, src.key, &mut |done| {
        progress(done.min(live_size), total)
    })?;
    let (db_sha256, db_size) = hash_file(&db)?;
    if !progress(live_size * 2, total) {
        return Err(cancelled());
    }
    let mut manifest = describe(&db, src.key, made_by, now, db_sha256, db_size)?;
    // The documents as they are after the snapshot: a document is stored before the row that
    // names it is committed, so this holds every one the snapshot names. Documents stored while
    // the copy below runs are not in this list, nor named by the snapshot; the manifest lists
    // exactly what was copied.
    let stored = stored_files(src.files)?;
    let waiting = pending_files(&stored, &files_dir(folder));
    total = live_size * 2 + waiting.iter().map(|(_, s)| s).sum::<u64>();
    let mut copied_bytes = 0;
    let mut copied_files = 0;
    for (sha, size) in &waiting {
        let doc_key = src.key.map(DataKey::documents);
        let source = src.files.join(&sha[..2]).join(&sha[2..]);
        match copy_hashed(&source, folder, sha, doc_key.as_ref()) {
            Ok(()) => copied_files += 1,
            Err(e) if e.code == ErrorCode::DbCorrupt => manifest.damaged.push(sha.clone()),
            Err(e) => return Err(e),
        }
        copied_bytes += size;
        if !progress(live_size * 2 + copied_bytes, total) {
            return Err(cancelled());
        }
    }
    manifest.files = stored;
    manifest
        .files
        .retain(|f| !manifest.damaged.contains(&f.sha256));
    let text = serde_json::to_vec_pretty(&manifest)?;
    crate::files::write_atomically(&partial.join(MANIFEST_FILE), |w| {
        std::io::Write::write_all(w, &text).map_err(|e| io_error(partial, e))
    })?;
    Ok(Made {
        name: String::new(),
        manifest,
        copied_files,
        copied_bytes,
        removed: Vec::new(),
    })
}

pub(super) fn cancelled() -> Error {
    Error::new(ErrorCode::Cancelled, "backup cancelled")
}

/// Copies the live database into `out` as one consistent moment; `watch` gets the copy's size
/// as it grows and stops it by returning false.
fn snapshot(
    live: &Path,
    out: &Path,
    key: Option<&DataKey>,
    watch: &mut dyn FnMut(u64) -> bool,
) -> crate::Result<()> {
    // An encrypted database is copied with sqlcipher_export into a file keyed the same way
    // (VACUUM INTO does not carry SQLCipher's page settings); it writes through an attached
    // file, so that connection cannot be read-only. It only ever reads the live file.
    let flags = match key {
        Some(_) => OpenFlags::SQLITE_OPEN_READ_WRITE,
        None => OpenFlags::SQLITE_OPEN_READ_ONLY,
    } | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(live, flags)
        .map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&conn, key)?;
    conn.busy_timeout(Duration::from_secs(10))?;
    let interrupt = conn.get_interrupt_handle();
    let target = out.to_string_lossy().into_owned();
    std::thread::scope(|s| {
        let copying = s.spawn(move || match key {
            Some(key) => sqlcipher::export(&conn, out, Some(key)).map_err(|e| {
                rusqlite::Error::SqliteFailure(
                    rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_IOERR),
                    Some(e.message),
                )
            }),
            None => conn.execute("VACUUM INTO ?1", [target]).map(|_| ()),
        });
        let mut stopped = false;
        while !copying.is_finished() {
            std::thread::sleep(Duration::from_millis(50));
            let size = std::fs::metadata(out).map(|m| m.len()).unwrap_or(0);
            if !stopped && !watch(size) {
                stopped = true;
                interrupt.interrupt();
            }
        }
        let result = copying
            .join()
            .map_err(|_| Error::internal("the database copy stopped unexpectedly"))?;
        if stopped {
            return Err(cancelled());
        }
        result.map(|_| ()).map_err(|e| snapshot_error(out, e))
    })
}

/// A failed copy, said in terms of where it was going (a full or missing backup drive).
fn snapshot_error(out: &Path, e: rusqlite::Error) -> Error {
    Error::new(ErrorCode::DbIo, format!("{}: {e}", out.display())).with("path", out.display())
}

/// The manifest of a copied database, read from the copy itself.
fn describe(
    db: &Path,
    key: Option<&DataKey>,
    made_by: &str,
    now: DateTime<Utc>,
    db_sha256: String,
    db_size: u64,
) -> crate::Result<Manifest> {
    let c = Connection::open_with_flags(db, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    let org = organisation::get(&c)?;
    let counts = crate::store::tracked::row_counts(&c)?;
    let status = history::status(&c)?;
    let report = history::verify(&c, now, &mut |_| true)?;
    Ok(Manifest {
        kind: KIND.to_owned(),
        app_version: env!("CARGO_PKG_VERSION").to_owned(),
        schema_version: c.pragma_query_value(None, "user_version", |r| r.get(0))?,
        made_at: now,
        made_by: made_by.to_owned(),
        organisation: org.name,
        vat_number: org.vat_number,
        db_sha256,
        db_size,
        counts,
        files: Vec::new(),
        history_count: status.count,
        history_head: status.head_hash,
        history_verified: report.ok,
        damaged: Vec::new(),
        key_id: key.map(DataKey::id),
    })
}

/// Every stored document by name and size.
fn stored_files(root: &Path) -> crate::Result<Vec<ManifestFile>> {
    let mut out = Vec::new();
    let Ok(dirs) = std::fs::read_dir(root) else {
        return Ok(out); // nothing stored yet
    };
    for dir in dirs {
        let dir = dir.map_err(|e| io_error(root, e))?;
        let prefix = dir.file_name().to_string_lossy().into_owned();
        if prefix.len() != 2 || !dir.path().is_dir() {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).map_err(|e| io_error(&dir.path(), e))? {
            let f = f.map_err(|e| io_error(&dir.path(), e))?;
            let sha = format!("{prefix}{}", f.file_name().to_string_lossy());
            if crate::blobs::is_sha256(&sha) {
                let size = f.metadata().map_err(|e| io_error(&f.path(), e))?.len();
                out.push(ManifestFile { sha256: sha, size });
            }
        }
    }
    out.sort_by(|a, b| a.sha256.cmp(&b.sha256));
    Ok(out)
}

/// The stored documents the backup folder lacks, with their sizes.
fn pending_files(stored: &[ManifestFile], backup_files: &Path) -> Vec<(String, u64)> {
    stored
        .iter()
        .filter(|f| {
            let there = backup_files.join(&f.sha256[..2]).join(&f.sha256[2..]);
            std::fs::metadata(there).map(|m| m.len()).ok() != Some(f.size)
        })
        .map(|f| (f.sha256.clone(), f.size))
        .collect()
}

/// Removes the sets the retention rule does not keep, unfinished sets left by an earlier run,
/// and documents no kept set names. Returns the removed sets' names.
fn rotate(
    folder: &Path,
    retention: Retention,
    local_date: &dyn Fn(DateTime<Utc>) -> NaiveDate,
) -> crate::Result<Vec<String>> {
    let listed = list_sets(folder)?;
    let dates: Vec<NaiveDate> = listed
        .sets
        .iter()
        .map(|s| local_date(s.1.made_at))
        .collect();
    let kept = keep(&dates, retention);
    let mut removed = Vec::new();
    let mut names: BTreeSet<String> = BTreeSet::new();
    for (i, (name, manifest)) in listed.sets.iter().enumerate() {
        if kept.contains(&i) {
            names.extend(manifest.files.iter().map(|f| f.sha256.clone()));
        } else {
            // Renamed out of the list first: a kill half way through the removal must not leave
            // a listed set with its manifest but without its database.
            let dir = folder.join(SETS_DIR).join(name);
            let going = folder.join(SETS_DIR).join(format!("{name}{PARTIAL}"));
            std::fs::rename(&dir, &going).map_err(|e| io_error(&dir, e))?;
            std::fs::remove_dir_all(&going).map_err(|e| io_error(&going, e))?;
            removed.push(name.clone());
        }
    }
    for dir in listed.unfinished {
        let _ = std::fs::remove_dir_all(folder.join(SETS_DIR).join(dir));
    }
    // Sets that could not be read keep every document: they may still need them.
    if listed.unreadable.is_empty() {
        remove_unnamed_files(&files_dir(folder), &names);
    }
    Ok(removed)
}

fn remove_unnamed_files(root: &Path, names: &BTreeSet<String>) {
    let Ok(dirs) = std::fs::read_dir(root) else {
        return;
    };
    for dir in dirs.flatten() {
        let prefix = dir.file_name().to_string_lossy().into_owned();
        let Ok(files) = std::fs::read_dir(dir.path()) else {
            continue;
        };
        for f in files.flatten() {
            let name = format!("{prefix}{}", f.file_name().to_string_lossy());
            if !names.contains(&name) {
                let _ = std::fs::remove_file(f.path());
            }
        }
    }
}

/// Where a set lives.
pub fn set_dir(folder: &Path, name: &str) -> PathBuf {
    folder.join(SETS_DIR).join(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{system_clock, Store};

    #[test]
    fn a_partial_set_left_by_an_earlier_backup_goes_when_the_next_one_starts() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        let db = data.path().join("live.db");
        drop(Store::open(&db, system_clock()).unwrap());
        let sets = folder.path().join(SETS_DIR);
        let killed = sets.join("20260301T080000.000Z.partial");
        let later = sets.join("20260301T120000.000Z.partial");
        for dir in [&killed, &later] {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(DB_FILE), b"SQLite format 3\0 cut short").unwrap();
        }
        let now = "2026-03-01T10:00:00Z".parse().unwrap();
        let src = Source {
            db: &db,
            files: &data.path().join("files"),
            key: None,
            key_file: None,
        };
        // Cancelled at once: the leftover is gone all the same, without a retention pass.
        let e = make(
            &src,
            folder.path(),
            "t",
            now,
            None,
            &|t| t.date_naive(),
            &mut |_, _| false,
        )
        .unwrap_err();
        assert_eq!(e.code, ErrorCode::Cancelled);
        assert!(!killed.exists());
        // One named after the running backup is left to the retention pass of a backup that
        // succeeds (a backup without one, before a restore, keeps it).
        assert!(later.exists());
        let made = make(
            &src,
            folder.path(),
            "t",
            now,
            None,
            &|t| t.date_naive(),
            &mut |_, _| true,
        )
        .unwrap();
        let listed = list_sets(folder.path()).unwrap();
        assert_eq!(listed.sets.len(), 1);
        assert_eq!(listed.sets[0].0, made.name);
        assert!(later.exists());
    }

    #[test]
    fn a_set_the_retention_removes_leaves_the_list_before_its_files_go() {
        let data = tempfile::tempdir().unwrap();
        let folder = tempfile::tempdir().unwrap();
        let db = data.path().join("live.db");
        drop(Store::open(&db, system_clock()).unwrap());
        let src = Source {
            db: &db,
            files: &data.path().join("files"),
            key: None,
            key_file: None,
        };
        let keep_one = Retention {
            daily: 1,
            weekly: 1,
            monthly: 1,
        };
        let at = |h: u32| {
            format!("2026-03-01T{h:02}:00:00Z")
                .parse::<DateTime<Utc>>()
                .unwrap()
        };
        let first = make(
            &src,
            folder.path(),
            "t",
            at(8),
            None,
            &|t| t.date_naive(),
            &mut |_, _| true,
        )
        .unwrap();
        // The removal of the first set stops half way: its database gone, its manifest not yet.
        let dir = folder.path().join(SETS_DIR).join(&first.name);
        let going = folder
            .path()
            .join(SETS_DIR)
            .join(format!("{}{PARTIAL}", first.name));
        std::fs::rename(&dir, &going).unwrap();
        std::fs::remove_file(going.join(DB_FILE)).unwrap();
        assert!(list_sets(folder.path()).unwrap().sets.is_empty());
        let second = make(
            &src,
            folder.path(),
            "t",
            at(9),
            Some(keep_one),
            &|t| t.date_naive(),
            &mut |_, _| true,
        )
        .unwrap();
        assert!(!going.exists());
        let third = make(
            &src,
            folder.path(),
            "t",
            at(10),
            Some(keep_one),
            &|t| t.date_naive(),
            &mut |_, _| true,
        )
        .unwrap();
        assert_eq!(third.removed, vec![second.name]);
        let names: Vec<_> = std::fs::read_dir(folder.path().join(SETS_DIR))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, vec![third.name]);
    }
}
