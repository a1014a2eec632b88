//! Start-up: where the data lives, who is working, and the opened core (or why it is not open).

use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::{system_clock, DB_FILE_NAME};
use backoffice_core::{Error, ErrorCode};
use std::path::PathBuf;
use std::sync::Arc;

/// Overrides the data directory, like `--data-dir`; tests and portable installs use it.
pub const DATA_DIR_ENV: &str = "BACKOFFICE_DATA_DIR";

pub struct AppState {
    pub core: Result<Arc<Backoffice>, Error>,
    pub ctx: Ctx,
    pub db_path: PathBuf,
    pub system_language: String,
}

impl AppState {
    pub fn start(args: impl Iterator<Item = String>, default_dir: Option<PathBuf>) -> Self {
        let data_dir = data_dir_from(args).or(default_dir);
        let ctx = Ctx::new(os_user());
        let system_language = system_language();
        let Some(data_dir) = data_dir else {
            return Self {
                core: Err(Error::new(
                    ErrorCode::DbIo,
                    "no data directory could be determined",
                )),
                ctx,
                db_path: PathBuf::new(),
                system_language,
            };
        };
        let db_path = data_dir.join(DB_FILE_NAME);
        let core = Backoffice::open(&data_dir, system_clock()).map(Arc::new);
        if let Ok(core) = &core {
            // The full integrity check reads the whole file: run it beside the UI, not before it.
            let core = Arc::clone(core);
            std::thread::spawn(move || core.store().check_integrity());
        }
        Self {
            core,
            ctx,
            db_path,
            system_language,
        }
    }
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

/// Until sign-in exists, changes are attributed to the operating-system account.
fn os_user() -> String {
    whoami::username()
        .ok()
        .filter(|u| !u.is_empty())
        .unwrap_or_else(|| "unknown".to_owned())
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
