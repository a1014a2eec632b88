use super::{Backoffice, Ctx};
use crate::domain::history::HistoryStatus;
use crate::domain::organisation::Organisation;
use crate::store::{departments, history, organisation, Integrity};
use serde::Serialize;
use ts_rs::TS;

/// Everything the home screen shows, read in one go.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Home {
    pub organisation: Organisation,
    pub actor: String,
    pub db_path: String,
    pub data_dir: String,
    /// The network file system the data folder is on (its type, e.g. "nfs4", "cifs"), where
    /// SQLite's locking is not safe; `None` on a local disk.
    pub network_folder: Option<String>,
    pub app_version: String,
    pub schema_version: i64,
    pub integrity: Integrity,
    pub history: HistoryStatus,
    pub active_departments: i64,
    /// Last backup, last proven restore, and whether either is overdue.
    pub backups: crate::backup::settings::BackupHealth,
}

impl Backoffice {
    pub fn home(&self, ctx: &Ctx) -> crate::Result<Home> {
        let (organisation, history, active_departments) = self.store.read(|c| {
            Ok((
                organisation::get(c)?,
                history::status(c)?,
                departments::count_active(c)?,
            ))
        })?;
        Ok(Home {
            organisation,
            actor: ctx.actor.clone(),
            db_path: self.store.path().display().to_string(),
            data_dir: self.data_dir.display().to_string(),
            network_folder: crate::network_folder::network_file_system(&self.data_dir),
            app_version: env!("CARGO_PKG_VERSION").to_owned(),
            schema_version: crate::store::migrations::LATEST,
            integrity: self.store.integrity(),
            history,
            active_departments,
            backups: crate::backup::settings::BackupSettings::load(&self.data_dir)
                .health(self.store.now()),
        })
    }
}

/// What the UI needs before anything else: whether the store opened, and the system language.
/// Always delivered, so the UI can explain a database it cannot open.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Startup {
    /// Why the database could not be opened; `None` when it is ready.
    pub error: Option<crate::Error>,
    pub db_path: String,
    /// "it" or "en", from the operating system's locale.
    pub system_language: String,
    /// No account exists yet: show first-run setup instead of sign-in.
    pub needs_setup: bool,
    /// The data is encrypted and waits for its passphrase (the unlock screen).
    pub locked: bool,
}
