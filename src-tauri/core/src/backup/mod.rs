//! Backups of the whole data folder into a folder the person chooses (a USB drive, a share, a
//! synced folder): each set is a copy of the database and a manifest, and the stored documents
//! sit once in the folder's `files/`, shared by every set, as they are in the data folder. A set
//! is checked (every file against the manifest, the database's integrity, its history) before
//! anything restores from it.
//!
//! ```text
//! <folder>/sets/<UTC time>/backoffice.db
//! <folder>/sets/<UTC time>/manifest.json      written last: a set without one is unfinished
//! <folder>/files/ab/cdef…                     documents, named by their SHA-256
//! ```

pub mod check;
pub mod make;
pub mod manifest;
pub mod restore;
pub mod rotation;
pub mod sets;
pub mod settings;

use crate::crypt::docs::DocKey;
use crate::error::{Error, ErrorCode};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Bytes done and the estimated total; returning false cancels.
pub type Progress<'a> = &'a mut dyn FnMut(u64, u64) -> bool;

pub(crate) use crate::files::io_error;

/// The backup folder's shared documents.
pub fn files_dir(folder: &Path) -> PathBuf {
    folder.join("files")
}

/// Where a document named `sha` sits under `root`.
pub(crate) fn file_path(root: &Path, sha: &str) -> PathBuf {
    root.join(&sha[..2]).join(&sha[2..])
}

/// A file's SHA-256 and size, read once.
pub(crate) fn hash_file(path: &Path) -> crate::Result<(String, u64)> {
    let mut f = std::fs::File::open(path).map_err(|e| io_error(path, e))?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 20];
    let mut size = 0u64;
    loop {
        let n = f.read(&mut buf).map_err(|e| io_error(path, e))?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
        size += n as u64;
    }
    Ok((hex::encode(h.finalize()), size))
}

/// Whether stored bytes are the document named `sha`: plain ones hash to their name, sealed
/// ones (an encrypted data folder) open with `key` and their content does. `DbCorrupt` if not.
pub(crate) fn check_document(bytes: Vec<u8>, sha: &str, key: Option<&DocKey>) -> crate::Result<()> {
    let damaged = || {
        Error::new(
            ErrorCode::DbCorrupt,
            format!("the stored document {sha} is damaged: its content no longer matches"),
        )
        .with("file", sha)
    };
    let plain = crate::crypt::docs::open(key, sha, bytes).map_err(|e| {
        if e.code == ErrorCode::DbCorrupt {
            damaged()
        } else {
            e
        }
    })?;
    if hex::encode(Sha256::digest(&plain)) != sha {
        return Err(damaged());
    }
    Ok(())
}

/// Copies the stored document `source` (named `sha`, plain or sealed) into the backup folder:
/// checked, to a temporary file, flushed, then renamed into place. A stored document whose bytes
/// no longer match its name is refused: copying damage would hide it.
pub(crate) fn copy_hashed(
    source: &Path,
    folder: &Path,
    sha: &str,
    key: Option<&DocKey>,
) -> crate::Result<()> {
    let target = file_path(&files_dir(folder), sha);
    let dir = target.parent().unwrap_or(folder);
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let tmp = dir.join(format!("{}.tmp", &sha[2..]));
    let result = (|| {
        // A document is at most MAX_ATTACHMENT_BYTES: read whole, checked, written whole.
        let bytes = std::fs::read(source).map_err(|e| io_error(source, e))?;
        check_document(bytes.clone(), sha, key)?;
        let mut to = std::fs::File::create(&tmp).map_err(|e| io_error(&tmp, e))?;
        to.write_all(&bytes).map_err(|e| io_error(&tmp, e))?;
        to.sync_all().map_err(|e| io_error(&tmp, e))?;
        std::fs::rename(&tmp, &target).map_err(|e| io_error(&target, e))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Makes a rename in `dir` durable (a directory entry is data too).
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
