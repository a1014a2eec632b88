//! Use cases, one module per business area. The command layer calls only these.

mod accounts;
mod assets;
mod attachments;
mod attention;
mod audits;
mod backups;
mod departments;
mod encryption;
mod exports;
pub mod field_names;
mod history;
mod home;
mod imports;
mod organisation;
mod organisation_logo;
mod preferences;
mod purchasing;
mod search;
mod session;
mod staff;
mod upkeep;

pub use assets::import::{AssetImport, AssetImportOptions};
pub use assets::import_fields::{ASSET_FIELDS, EXPORT_COLUMNS as ASSET_EXPORT_COLUMNS};
pub use assets::licence_import::{LicenceImport, LicenceImportOptions, LICENCE_FIELDS};
pub use assets::location_import::{LocationImport, LOCATION_FIELDS};
pub use assets::user_import::{ItUserImport, ItUserImportOptions, IT_USER_FIELDS};
pub use audits::checklist_fields::CHECKLIST_FIELDS;
pub use audits::checklist_import::{ChecklistImport, ChecklistOptions};
pub use audits::pack::{AuditPackCheck, AuditPackSummary, AuditPackVerdict, PackLine};
pub use backups::RestoreProof;
pub use departments::import::{DepartmentImport, DEPARTMENT_FIELDS};
pub use encryption::{EncryptionStarted, EncryptionStatus};
pub use home::{Home, Startup};
pub use imports::ImportArea;
pub use organisation_logo::MAX_LOGO_BYTES;
pub use preferences::Preferences;
pub use purchasing::order_pdf::{OrderPdf, OrderPdfBytes};
pub use purchasing::rfq_pdf::RfqPdf;
pub use session::Sessions;
pub use staff::export::EmployeeExport;
pub use staff::fields::{import_fields as staff_import_fields, StaffField, STAFF_FIELDS};
pub use staff::import::StaffImport;

use crate::domain::permissions::{allows, Action, Area, Role};
use crate::error::{Error, ErrorCode};
use crate::store::{Clock, Store, DB_FILE_NAME};
use crate::viewer::ViewerCopies;
use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicI64;

/// Who is acting, as the session established it. Services check `roles` before every read and
/// write; the UI hiding a button is only a courtesy.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub user_id: i64,
    /// The username, recorded in history.
    pub actor: String,
    pub roles: Vec<Role>,
}

impl Ctx {
    pub fn new(user_id: i64, actor: impl Into<String>, roles: Vec<Role>) -> Self {
        Self {
            user_id,
            actor: actor.into(),
            roles,
        }
    }

    pub fn can(&self, area: Area, action: Action) -> bool {
        allows(&self.roles, area, action)
    }
}

/// The application core: one per open data directory.
pub struct Backoffice {
    store: Store,
    data_dir: PathBuf,
    sessions: Sessions,
    /// Idle seconds before locking, replacing the organisation's setting (tests, kiosks); 0 = none.
    auto_lock_override: AtomicI64,
    viewer: ViewerCopies,
}

impl Backoffice {
    /// Opens the database inside `data_dir`, creating both if needed.
    /// On Unix the data folder, the database files and the documents' folders are made private
    /// to the user (0700 / 0600), wider modes left by an older version included.
    pub fn open(data_dir: &Path, clock: Clock) -> crate::Result<Self> {
        Self::open_with_key(data_dir, clock, None)
    }

    /// [`Backoffice::open`] for an encrypted data folder: `key` is the data key its key file
    /// unwrapped. Without one, an encrypted folder is refused (`DbLocked`) before anything is
    /// read; a key that does not open the database is `WrongKey`.
    pub fn open_with_key(
        data_dir: &Path,
        clock: Clock,
        key: Option<crate::crypt::DataKey>,
    ) -> crate::Result<Self> {
        // Best effort: a folder on a file system without Unix modes (a FAT stick for a portable
        // install) refuses chmod and must still open; creating the folder is Store::open's
        // check, with its own error.
        let _ = crate::private::ensure_dir(data_dir, false);
        Self::finish_pending(data_dir)?;
        let key = match (crate::crypt::is_encrypted(data_dir), key) {
            (true, None) => {
                return Err(Error::new(
                    ErrorCode::DbLocked,
                    "the database is encrypted: its passphrase is needed",
                ))
            }
            (false, _) => None,
            (true, key) => key,
        };
        let store = match Store::open_keyed(&data_dir.join(DB_FILE_NAME), clock.clone(), key) {
            Ok(store) => store,
            Err(e) => {
                // A restored or converted file that will not open gives way to the one it
                // replaced.
                if !crate::backup::restore::roll_back(data_dir, DB_FILE_NAME)? {
                    crate::crypt::convert::roll_back(data_dir, DB_FILE_NAME)?;
                }
                return Err(e);
            }
        };
        if let Some(applied) = crate::backup::restore::confirm(data_dir) {
            let payload = serde_json::json!({
                "event": "restore_applied",
                "made_at": applied.manifest.made_at,
                "made_by": applied.manifest.made_by,
                "kept": applied.previous.display().to_string(),
            });
            store.write(crate::store::reshape::SYSTEM_ACTOR, |w| {
                w.event(backups::BACKUPS, 0, &payload)
            })?;
        }
        // The converted file opened: recorded, then the copy it replaced (plain text, when
        // encrypting) goes.
        if let Some(done) = crate::crypt::convert::confirmable(data_dir) {
            encryption::record_conversion(&store, &done)?;
        }
        // Also when no mark says which conversion it was (a start killed before writing it):
        // whatever was set aside goes once the file in place has opened.
        crate::crypt::convert::confirm(data_dir);
        let _ = crate::private::tighten_data_dir(data_dir, DB_FILE_NAME);
        let viewer = ViewerCopies::for_data_dir(data_dir);
        // Copies left by a crash or a killed process go now.
        let _ = viewer.clear();
        Ok(Self {
            store,
            data_dir: data_dir.to_owned(),
            sessions: Sessions::new(clock),
            auto_lock_override: AtomicI64::new(0),
            viewer,
        })
    }

    /// Puts in place what the last run staged for this start (a restore, an encryption change),
    /// before anything opens the database or asks for a passphrase: the key file that goes
    /// with the database is then the one in the folder. Safe to call more than once.
    pub fn finish_pending(data_dir: &Path) -> crate::Result<()> {
        crate::backup::restore::apply_pending(data_dir, DB_FILE_NAME)?;
        crate::crypt::convert::apply_pending(data_dir, DB_FILE_NAME)?;
        Ok(())
    }

    /// The copies of documents handed to the system viewer.
    pub fn viewer(&self) -> &ViewerCopies {
        &self.viewer
    }

    /// Locks the session (the UI's idle timer or the person's choice) and removes the copies
    /// of documents opened meanwhile.
    pub fn lock(&self) {
        self.sessions.lock();
        let _ = self.viewer.clear();
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    pub fn sessions(&self) -> &Sessions {
        &self.sessions
    }

    /// Refuses with `forbidden` unless `ctx` may do `action` in `area`. A refusal is itself
    /// recorded in history, so attempts to go around the UI leave a trace; no data changes.
    pub fn require(&self, ctx: &Ctx, area: Area, action: Action) -> crate::Result<()> {
        if ctx.can(area, action) {
            return Ok(());
        }
        let payload = serde_json::json!({ "event": "denied", "area": area, "action": action });
        self.store
            .write(&ctx.actor, |w| w.event("security", ctx.user_id, &payload))?;
        Err(Error::new(
            ErrorCode::Forbidden,
            format!("{area:?}/{action:?} not allowed"),
        ))
    }
}
