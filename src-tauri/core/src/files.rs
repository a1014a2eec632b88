//! Writing files the user asked for (exports, proofs) without ever leaving half a file behind.

use crate::error::{Error, ErrorCode};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

/// A file that could not be read or written, named; a full disk said in words (ENOSPC).
pub(crate) fn io_error(path: &Path, e: std::io::Error) -> Error {
    let message = if e.raw_os_error() == Some(28) {
        format!("{}: the disk is full", path.display())
    } else {
        format!("{}: {e}", path.display())
    };
    Error::new(ErrorCode::DbIo, message).with("path", path.display())
}

/// A file written beside its target and flushed to disk, but not yet in place: [`Staged::publish`]
/// renames it over the target; dropped unpublished, it is removed. Exports record themselves in
/// history between the two steps, so a finished file never appears without its record.
#[derive(Debug)]
pub struct Staged {
    tmp: PathBuf,
    path: PathBuf,
    published: bool,
}

impl Staged {
    /// Puts the file in place (a rename in the same folder: it replaces the target whole).
    pub fn publish(mut self) -> crate::Result<()> {
        std::fs::rename(&self.tmp, &self.path).map_err(|e| io_error(&self.path, e))?;
        self.published = true;
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        if !self.published {
            let _ = std::fs::remove_file(&self.tmp);
        }
    }
}

/// Writes through `fill` into a temporary file beside `path` and flushes it to disk; nothing is
/// at `path` until the result is published. A failure removes the temporary file.
pub fn stage<T>(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> crate::Result<T>,
) -> crate::Result<(Staged, T)> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let staged = Staged {
        // A name nobody can guess, created exclusively (0600, never through a link): someone who
        // can write in the target's folder cannot plant a link there for this write to follow.
        tmp: dir.join(format!(".{name}.{}.part", crate::private::random_hex(8))),
        path: path.to_owned(),
        published: false,
    };
    let file = crate::private::create_file(&staged.tmp).map_err(|e| io_error(&staged.tmp, e))?;
    let mut w = BufWriter::new(file);
    // On an error `staged` is dropped here, which removes the temporary file.
    let out = fill(&mut w)?;
    let file = w
        .into_inner()
        .map_err(|e| io_error(&staged.tmp, e.into_error()))?;
    file.sync_all().map_err(|e| io_error(&staged.tmp, e))?;
    drop(file);
    Ok((staged, out))
}

/// Writes through `fill` into a temporary file beside `path`, flushes it to disk, then renames it
/// over `path`. A failure or a cancelled job leaves the previous file (if any) untouched.
pub fn write_atomically<T>(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> crate::Result<T>,
) -> crate::Result<T> {
    let (staged, out) = stage(path, fill)?;
    staged.publish()?;
    Ok(out)
}

/// `write!` for exports, mapping I/O errors to ours.
pub fn put(w: &mut impl Write, path: &Path, bytes: &[u8]) -> crate::Result<()> {
    w.write_all(bytes).map_err(|e| io_error(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_fill_leaves_the_old_file_and_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        std::fs::write(&p, "old").unwrap();
        let r: crate::Result<()> = write_atomically(&p, |w| {
            put(w, &p, b"half")?;
            Err(Error::internal("boom"))
        });
        assert!(r.is_err());
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "old");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        write_atomically(&p, |w| put(w, &p, b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_link_planted_at_the_old_temporary_name_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let p = dir.path().join("out.csv");
        // The name this function used to write to, guessable from the process id.
        let old = dir
            .path()
            .join(format!(".out.csv.{}.part", std::process::id()));
        std::os::unix::fs::symlink(&victim, &old).unwrap();
        write_atomically(&p, |w| put(w, &p, b"new")).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new");
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&p).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }

    #[test]
    fn a_staged_file_appears_only_when_published() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.csv");
        let (staged, n) = stage(&p, |w| put(w, &p, b"data").map(|_| 4)).unwrap();
        assert_eq!(n, 4);
        assert!(!p.exists());
        drop(staged);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        let (staged, _) = stage(&p, |w| put(w, &p, b"data")).unwrap();
        staged.publish().unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "data");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
