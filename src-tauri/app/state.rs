//! Start-up: where the data lives, who is working, and the opened core (or why it is not open).

use crate::dialogs::FilePicker;
use backoffice_core::import::ChosenFile;
use backoffice_core::jobs::Jobs;
use backoffice_core::services::{Backoffice, ImportArea};
use backoffice_core::store::{system_clock, DB_FILE_NAME};
use backoffice_core::{Error, ErrorCode};
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, RwLock};

/// Overrides the data directory, like `--data-dir`; tests and portable installs use it.
pub const DATA_DIR_ENV: &str = "BACKOFFICE_DATA_DIR";

/// Replaces the organisation's idle-lock minutes with seconds (tests, kiosks).
pub const AUTO_LOCK_ENV: &str = "BACKOFFICE_AUTO_LOCK_SECONDS";

/// A file chosen for import, and the area it was chosen for.
#[derive(Clone)]
pub struct ImportChoice {
    pub area: ImportArea,
    pub file: ChosenFile,
}

pub struct AppState {
    /// The opened core, or why it is not open: for an encrypted folder, `DbLocked` until the
    /// unlock screen gives the passphrase (then it is replaced, once).
    pub core: RwLock<Result<Arc<Backoffice>, Error>>,
    pub data_dir: Option<PathBuf>,
    pub db_path: PathBuf,
    pub system_language: String,
    pub picker: FilePicker,
    /// Files chosen for import, by token: the web view refers to them, never names a path.
    /// Each is pinned to the content its preview read, so a file changed later is refused.
    pub import_files: Mutex<HashMap<i64, ImportChoice>>,
    pub jobs: Jobs,
}

impl AppState {
    pub fn start(data_dir: Option<PathBuf>) -> Self {
        let system_language = system_language();
        let Some(data_dir) = data_dir else {
            return Self {
                core: RwLock::new(Err(Error::new(
                    ErrorCode::DbIo,
                    "no data directory could be determined",
                ))),
                data_dir: None,
                db_path: PathBuf::new(),
                system_language,
                picker: FilePicker::from_env(),
                import_files: Mutex::default(),
                jobs: Jobs::default(),
            };
        };
        let db_path = data_dir.join(DB_FILE_NAME);
        // A restore or an encryption change staged by the last run goes in first: the key file
        // that decides whether to ask for a passphrase is the one that goes with the database.
        let core = Backoffice::finish_pending(&data_dir).and_then(|()| {
            if backoffice_core::crypt::is_encrypted(&data_dir) {
                open_with_remembered_key(&data_dir)
            } else {
                Backoffice::open(&data_dir, system_clock()).map(Arc::new)
            }
        });
        if let Ok(core) = &core {
            started(core);
        }
        Self {
            core: RwLock::new(core),
            data_dir: Some(data_dir),
            db_path,
            system_language,
            picker: FilePicker::from_env(),
            import_files: Mutex::default(),
            jobs: Jobs::default(),
        }
    }
}

/// An encrypted folder opens at start only with a key this computer's keychain remembers for it;
/// otherwise (or if that key does not open it) the unlock screen asks for the passphrase.
fn open_with_remembered_key(data_dir: &std::path::Path) -> Result<Arc<Backoffice>, Error> {
    use backoffice_core::crypt::{keychain, KeyFile};
    let locked = || {
        Error::new(
            ErrorCode::DbLocked,
            "the database is encrypted: its passphrase is needed",
        )
    };
    let key_file = KeyFile::load(data_dir)?.ok_or_else(locked)?;
    let key = keychain::recall(data_dir, &key_file).ok_or_else(locked)?;
    match Backoffice::open_with_key(data_dir, system_clock(), Some(key)) {
        Ok(core) => Ok(Arc::new(core)),
        Err(e) if e.code == ErrorCode::WrongKey => {
            let _ = keychain::forget(data_dir, &key_file.key_id);
            Err(locked())
        }
        Err(e) => Err(e),
    }
}

/// What follows the opening of the core, beside the UI: the idle-lock override, the backup when
/// the last one is a day old, the search indexes' upkeep, the full integrity check, and the
/// sealing of documents still stored plain in an encrypted folder.
pub fn started(core: &Arc<Backoffice>) {
    if let Some(secs) = std::env::var(AUTO_LOCK_ENV)
        .ok()
        .and_then(|v| v.parse().ok())
    {
        core.set_auto_lock_override(secs);
    }
    core.back_up_in_background(false);
    core.tidy_search_indexes_in_background();
    // The full integrity check reads the whole file: run it beside the UI, not before it.
    let checked = Arc::clone(core);
    std::thread::spawn(move || checked.store().check_integrity());
    if core.store().key().is_some() {
        let sealing = Arc::clone(core);
        std::thread::spawn(move || sealing.seal_documents(&mut |_, _| true));
    }
}

/// The data folder: `--data-dir` or the environment variable, else the system's default.
pub fn data_dir(
    args: impl Iterator<Item = String>,
    default_dir: Option<PathBuf>,
) -> Option<PathBuf> {
    data_dir_from(args).or(default_dir)
}

/// `--data-dir DIR` or `--data-dir=DIR` on the command line, else the environment variable.
fn data_dir_from(mut args: impl Iterator<Item = String>) -> Option<PathBuf> {
    while let Some(a) = args.next() {
        if a == "--data-dir" {
            return args.next().map(PathBuf::from);
        }
        if let Some(v) = a.strip_prefix("--data-dir=") {
            return Some(PathBuf::from(v));
        }
    }
    std::env::var_os(DATA_DIR_ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Italian when the system is Italian, English otherwise.
fn system_language() -> String {
    let locale = sys_locale::get_locale().unwrap_or_default().to_lowercase();
    if locale.starts_with("it") { "it" } else { "en" }.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(a: &[&str]) -> impl Iterator<Item = String> {
        a.iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .into_iter()
    }

    #[test]
    fn data_dir_flag_forms() {
        assert_eq!(
            data_dir_from(args(&["--data-dir", "/x"])),
            Some("/x".into())
        );
        assert_eq!(data_dir_from(args(&["--data-dir=/y"])), Some("/y".into()));
    }
}
