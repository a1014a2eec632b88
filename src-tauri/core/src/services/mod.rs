//! Use cases, one module per business area. The command layer calls only these.

mod departments;
mod history;
mod home;
mod organisation;
mod preferences;

pub use home::{Home, Startup};
pub use preferences::Preferences;

use crate::store::{Clock, Store, DB_FILE_NAME};
use std::path::{Path, PathBuf};

/// Who is acting. Until sign-in exists this is the operating-system user.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub actor: String,
}

impl Ctx {
    pub fn new(actor: impl Into<String>) -> Self {
        Self {
            actor: actor.into(),
        }
    }
}

/// The application core: one per open data directory.
pub struct Backoffice {
    store: Store,
    data_dir: PathBuf,
}

impl Backoffice {
    /// Opens the database inside `data_dir`, creating both if needed.
    pub fn open(data_dir: &Path, clock: Clock) -> crate::Result<Self> {
        let store = Store::open(&data_dir.join(DB_FILE_NAME), clock)?;
        Ok(Self {
            store,
            data_dir: data_dir.to_owned(),
        })
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }
}
