//! Copies of documents handed to the system viewer (PDF reader, image viewer, office suite).
//!
//! The viewer is another program, so it needs a real file; that file is personal data outside
//! the data folder. Copies go to a private folder (0700 on Unix) in the user's runtime folder
//! (`$XDG_RUNTIME_DIR`, itself private) or else the temporary folder under a per-user name,
//! one sub-folder per installation (the data folder's hash) and a fresh random sub-folder per
//! copy, so the viewer sees the document's own name. The folder is emptied at sign-out, at the
//! lock and when the app exits (and at start, after a crash).

use crate::error::{Error, ErrorCode};
use crate::private;
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

pub struct ViewerCopies {
    base: PathBuf,
    dir: PathBuf,
}

fn io_error(path: &Path, e: std::io::Error) -> Error {
    Error::new(ErrorCode::DbIo, format!("{}: {e}", path.display())).with("path", path.display())
}

/// Where every installation's copies live for this user.
fn base_dir() -> PathBuf {
    #[cfg(unix)]
    {
        if let Some(run) = std::env::var_os("XDG_RUNTIME_DIR")
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
        {
            return run.join("backoffice-open");
        }
        // SAFETY: getuid has no preconditions and cannot fail.
        let uid = unsafe { libc::getuid() };
        std::env::temp_dir().join(format!("backoffice-open-{uid}"))
    }
    #[cfg(not(unix))]
    std::env::temp_dir().join("backoffice-open")
}

impl ViewerCopies {
    /// The copies of the installation whose data lives in `data_dir`.
    pub fn for_data_dir(data_dir: &Path) -> Self {
        let base = base_dir();
        let key = Sha256::digest(data_dir.to_string_lossy().as_bytes());
        let dir = base.join(hex::encode(&key[..8]));
        Self { base, dir }
    }

    /// This installation's folder of copies.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes `bytes` as a new private file named `file_name` (already made safe) and returns
    /// its path.
    pub fn write(&self, file_name: &str, bytes: &[u8]) -> crate::Result<PathBuf> {
        for d in [&self.base, &self.dir] {
            private::ensure_dir(d, true).map_err(|e| io_error(d, e))?;
        }
        let folder = self.dir.join(private::random_hex(8));
        private::create_dir(&folder).map_err(|e| io_error(&folder, e))?;
        let path = folder.join(file_name);
        let mut file = private::create_file(&path).map_err(|e| io_error(&path, e))?;
        file.write_all(bytes).map_err(|e| io_error(&path, e))?;
        Ok(path)
    }

    /// Removes every copy. A copy still open in a viewer stays readable by that viewer until it
    /// closes it (Unix), but is gone from the folder.
    pub fn clear(&self) -> crate::Result<()> {
        let entries = match std::fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(io_error(&self.dir, e)),
        };
        for entry in entries {
            let path = entry.map_err(|e| io_error(&self.dir, e))?.path();
            // Neither removal follows a symbolic link: a link is removed, not what it points to.
            let removed = if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            };
            match removed {
                Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                    return Err(io_error(&path, e))
                }
                _ => {}
            }
        }
        Ok(())
    }
}
