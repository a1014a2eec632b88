//! Folders and files only the signed-in user of the computer may read: the data folder with the
//! database and the stored documents, temporary files beside an export, and the copies handed
//! to the system viewer. On Unix (Linux, macOS) folders are 0700 and files 0600; files are
//! created exclusively and never through a symbolic link, so another local user cannot plant a
//! link where the app is about to write. On Windows the user's own profile folders already
//! keep others out, and files are still created exclusively.

use std::fs::{File, OpenOptions};
use std::io;
use std::path::Path;

#[cfg(unix)]
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};

#[cfg(unix)]
const DIR_MODE: u32 = 0o700;
#[cfg(unix)]
const FILE_MODE: u32 = 0o600;

/// `n` random bytes as hex: names nobody can guess ahead of time.
pub fn random_hex(n: usize) -> String {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut bytes = vec![0u8; n];
    OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Creates `path` for writing, failing if anything (a file, a link) is already there; 0600 on
/// Unix, and a symbolic link is never followed.
pub fn create_file(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    options.mode(FILE_MODE).custom_flags(libc::O_NOFOLLOW);
    options.open(path)
}

/// Creates one folder (its parent must exist), 0700 on Unix; fails if anything is there.
pub fn create_dir(dir: &Path) -> io::Result<()> {
    #[cfg_attr(not(unix), allow(unused_mut))]
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    builder.mode(DIR_MODE);
    builder.create(dir)
}

fn refused(path: &Path, why: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::PermissionDenied,
        format!("{}: {why}", path.display()),
    )
}

/// Makes sure `dir` is a folder of ours that only we can enter, creating it (and its parents)
/// when missing. `strict` is for folders in a shared place such as /tmp: there a symbolic link
/// or a folder of another user is refused, since someone else prepared it. Otherwise (the data
/// folder the person chose) a link is followed and only a folder of ours is tightened.
pub fn ensure_dir(dir: &Path, strict: bool) -> io::Result<()> {
    let found = if strict {
        std::fs::symlink_metadata(dir)
    } else {
        std::fs::metadata(dir)
    };
    match found {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent)?;
            }
            match create_dir(dir) {
                // Created meanwhile by someone else: check it like any existing folder.
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => ensure_dir(dir, strict),
                other => other,
            }
        }
        Err(e) => Err(e),
        Ok(m) if !m.is_dir() => Err(refused(dir, "not a folder")),
        Ok(m) => {
            #[cfg(unix)]
            {
                // SAFETY: getuid has no preconditions and cannot fail.
                let ours = m.uid() == unsafe { libc::getuid() };
                if !ours && strict {
                    return Err(refused(dir, "belongs to another user"));
                }
                if ours && m.mode() & 0o077 != 0 {
                    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(DIR_MODE))?;
                }
            }
            #[cfg(not(unix))]
            let _ = (m, strict);
            Ok(())
        }
    }
}

/// Takes group and other permissions off an existing file or folder of ours (0600 / 0700); a
/// missing one is fine.
pub fn tighten(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let m = match std::fs::symlink_metadata(path) {
            Ok(m) => m,
            Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
            Err(e) => return Err(e),
        };
        // SAFETY: getuid has no preconditions and cannot fail.
        let ours = m.uid() == unsafe { libc::getuid() };
        if m.file_type().is_symlink() || !ours || m.mode() & 0o077 == 0 {
            return Ok(());
        }
        let mode = if m.is_dir() { DIR_MODE } else { FILE_MODE };
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))?;
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// Takes the data folder back to the user alone at start: the folder, the database and its WAL
/// and shared-memory files, the stored documents' folders. The documents themselves are written
/// 0600 and sit behind those folders; they are walked once, the first time their folder is
/// found open to others (a data folder from before this rule), not at every start.
pub fn tighten_data_dir(data_dir: &Path, db_file_name: &str) -> io::Result<()> {
    ensure_dir(data_dir, false)?;
    for suffix in ["", "-wal", "-shm", "-journal"] {
        tighten(&data_dir.join(format!("{db_file_name}{suffix}")))?;
    }
    let files = data_dir.join("files");
    if !files.is_dir() || !is_shared(&files)? {
        return Ok(());
    }
    tighten(&files)?;
    for entry in std::fs::read_dir(&files)? {
        let dir = entry?.path();
        tighten(&dir)?;
        if dir.is_dir() {
            for file in std::fs::read_dir(&dir)? {
                tighten(&file?.path())?;
            }
        }
    }
    Ok(())
}

/// Whether group or others may read `path` (tests and diagnostics); false where modes do not exist.
pub fn is_shared(path: &Path) -> io::Result<bool> {
    #[cfg(unix)]
    return Ok(std::fs::symlink_metadata(path)?.mode() & 0o077 != 0);
    #[cfg(not(unix))]
    {
        std::fs::symlink_metadata(path)?;
        Ok(false)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        std::fs::symlink_metadata(p).expect("metadata").mode() & 0o777
    }

    #[test]
    fn folders_are_created_and_tightened_to_0700() {
        let root = tempfile::tempdir().unwrap();
        let d = root.path().join("a/b");
        ensure_dir(&d, true).unwrap();
        assert_eq!(mode(&d), 0o700);
        std::fs::set_permissions(&d, std::fs::Permissions::from_mode(0o755)).unwrap();
        ensure_dir(&d, true).unwrap();
        assert_eq!(mode(&d), 0o700);
    }

    #[test]
    fn a_planted_link_is_refused_in_a_shared_place() {
        let root = tempfile::tempdir().unwrap();
        let elsewhere = root.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        let d = root.path().join("open");
        std::os::unix::fs::symlink(&elsewhere, &d).unwrap();
        assert_eq!(
            ensure_dir(&d, true).unwrap_err().kind(),
            io::ErrorKind::PermissionDenied
        );
        // The person's own data folder may be a link: it is followed.
        ensure_dir(&d, false).unwrap();
    }

    #[test]
    fn files_are_created_once_0600_and_never_through_a_link() {
        let root = tempfile::tempdir().unwrap();
        let f = root.path().join("f");
        drop(create_file(&f).unwrap());
        assert_eq!(mode(&f), 0o600);
        assert!(create_file(&f).is_err());
        let victim = root.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let link = root.path().join("link");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        assert!(create_file(&link).is_err());
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        assert_ne!(random_hex(8), random_hex(8));
    }
}
