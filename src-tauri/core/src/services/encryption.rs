//! Settings → Security: encrypting the data folder, changing the passphrase, decrypting. Each is
//! an administrator's act recorded in history (entity `security`): the change of passphrase at
//! once, an encryption or decryption when the converted file has opened at the next start.

use super::{Backoffice, Ctx};
use crate::blobs::Blobs;
use crate::crypt::convert::{self, Ready};
use crate::crypt::keyfile::check_passphrase;
use crate::crypt::{keychain, DataKey, KeyFile, RecoveryKey};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::store::{Store, DB_FILE_NAME};
use serde::Serialize;
use serde_json::json;
use ts_rs::TS;

const SECURITY: &str = "security";

#[derive(Debug, Clone, Serialize, TS)]
pub struct EncryptionStatus {
    pub encrypted: bool,
    /// A conversion is staged: the app must restart to finish it.
    pub restart_pending: bool,
    /// Stored documents, and how many of them are stored encrypted.
    pub documents: u64,
    pub documents_sealed: u64,
    /// The data key is kept in this computer's keychain: no passphrase at start.
    pub remembered: bool,
}

/// What the person must see once: the recovery key, to print or write down.
#[derive(Debug, Clone, Serialize, TS)]
pub struct EncryptionStarted {
    pub recovery_key: String,
}

pub(super) fn record_conversion(store: &Store, done: &Ready) -> crate::Result<()> {
    let payload = json!({
        "event": if done.encrypted { "encryption_on" } else { "encryption_off" },
        "key_id": done.key_id,
        "staged_at": done.made_at,
    });
    store.write(&done.made_by, |w| w.event(SECURITY, 0, &payload))
}

fn already(encrypted: bool) -> Error {
    let message = if encrypted {
        "the data is already encrypted"
    } else {
        "the data is not encrypted"
    };
    Error::new(ErrorCode::Conflict, message).with("reason", "encryption_state")
}

impl Backoffice {
    pub fn encryption_status(&self, ctx: &Ctx) -> crate::Result<EncryptionStatus> {
        self.require(ctx, Area::Settings, Action::Read)?;
        let blobs = Blobs::new(&self.data_dir);
        let names = blobs.names()?;
        let mut sealed = 0;
        for sha in &names {
            let path = blobs.path(sha)?;
            let mut head = [0u8; 8];
            if std::fs::File::open(&path)
                .and_then(|mut f| std::io::Read::read_exact(&mut f, &mut head))
                .is_ok()
                && crate::crypt::docs::is_sealed(&head)
            {
                sealed += 1;
            }
        }
        let remembered = self
            .store
            .key()
            .is_some_and(|k| keychain::is_remembered(&self.data_dir, &k.id()));
        Ok(EncryptionStatus {
            remembered,
            encrypted: self.store.key().is_some(),
            restart_pending: convert::is_pending(&self.data_dir),
            documents: names.len() as u64,
            documents_sealed: sealed,
        })
    }

    /// Encrypts the database with a new data key wrapped under `passphrase`: a checked,
    /// encrypted copy is staged for the next start (writes are refused until then). The
    /// documents are sealed after that start, by [`Self::seal_documents`].
    pub fn encrypt(
        &self,
        ctx: &Ctx,
        passphrase: &str,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<EncryptionStarted> {
        self.require(ctx, Area::Settings, Action::Write)?;
        check_passphrase(passphrase)?;
        self.refuse_if_restart_pending()?;
        if self.store.key().is_some() {
            return Err(already(true));
        }
        let key = DataKey::generate();
        let recovery = RecoveryKey::generate();
        let key_file = KeyFile::create(passphrase, &key, &recovery)?;
        convert::stage(
            &self.store,
            &self.data_dir,
            DB_FILE_NAME,
            Some((&key, &key_file)),
            &ctx.actor,
            progress,
        )?;
        // Copies an earlier restore kept (plain text) go when the encrypted file has opened:
        // `convert::confirm`.
        Ok(EncryptionStarted {
            recovery_key: recovery.display().to_string(),
        })
    }

    /// Decrypts: every document is stored plain again (one at a time, each whole), then a plain,
    /// checked copy of the database is staged for the next start.
    pub fn decrypt(
        &self,
        ctx: &Ctx,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<()> {
        self.require(ctx, Area::Settings, Action::Write)?;
        self.refuse_if_restart_pending()?;
        let Some(key) = self.store.key() else {
            return Err(already(false));
        };
        let blobs = Blobs::keyed(&self.data_dir, Some(key.documents()));
        blobs.convert_all(false, &mut |d, t| progress(d, t * 2))?;
        convert::stage(
            &self.store,
            &self.data_dir,
            DB_FILE_NAME,
            None,
            &ctx.actor,
            &mut |d, t| progress(t + d, t * 2),
        )?;
        // A plain folder needs no key; one left in the keychain would only be a stale secret.
        let _ = keychain::forget(&self.data_dir, &key.id());
        Ok(())
    }

    fn refuse_if_restart_pending(&self) -> crate::Result<()> {
        if convert::is_pending(&self.data_dir) {
            return Err(Error::new(
                ErrorCode::StoreUnavailable,
                "the app must restart to finish changing the encryption",
            )
            .with("reason", "restart_pending"));
        }
        Ok(())
    }

    /// Keeps the data key in this computer's keychain (chosen at the unlock screen, before
    /// anyone signs in: recorded as the app's own act).
    pub fn remember_key_here(&self) -> crate::Result<()> {
        let Some(key) = self.store.key() else {
            return Err(already(false));
        };
        keychain::remember(&self.data_dir, key)?;
        let payload = json!({ "event": "key_remembered", "key_id": key.id() });
        self.store.write(crate::store::reshape::SYSTEM_ACTOR, |w| {
            w.event(SECURITY, 0, &payload)
        })
    }

    /// Removes the data key from this computer's keychain: the passphrase is asked again at the
    /// next start.
    pub fn forget_key_here(&self, ctx: &Ctx) -> crate::Result<()> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let Some(key) = self.store.key() else {
            return Err(already(false));
        };
        let payload = json!({ "event": "key_forgotten", "key_id": key.id() });
        self.store.write(&ctx.actor, |w| {
            w.event(SECURITY, ctx.user_id, &payload)?;
            keychain::forget(&self.data_dir, &key.id())
        })
    }

    /// Seals the documents still stored plain (after an encryption; a stop half-way is taken
    /// up at the next call). Returns how many it sealed.
    pub fn seal_documents(&self, progress: &mut dyn FnMut(u64, u64) -> bool) -> crate::Result<u64> {
        let Some(key) = self.store.key() else {
            return Ok(0);
        };
        Blobs::keyed(&self.data_dir, Some(key.documents())).convert_all(true, progress)
    }

    /// Wraps the data key under a new passphrase; `current` must be right. The data itself is
    /// not rewritten, and the recovery key stays valid.
    pub fn change_passphrase(&self, ctx: &Ctx, current: &str, new: &str) -> crate::Result<()> {
        self.require(ctx, Area::Settings, Action::Write)?;
        check_passphrase(new)?;
        let Some(live) = self.store.key() else {
            return Err(already(false));
        };
        let key_file = KeyFile::load(&self.data_dir)?
            .ok_or_else(|| Error::new(ErrorCode::DbIo, "the key file is missing"))?;
        let key = key_file.unlock(current).map_err(|e| {
            if e.code == ErrorCode::WrongPassphrase {
                Error::field("current", "wrong_passphrase")
            } else {
                e
            }
        })?;
        if key.id() != live.id() {
            return Err(crate::crypt::sqlcipher::wrong_key(self.store.path()));
        }
        let changed = key_file.with_passphrase(&key, new)?;
        let payload = json!({ "event": "passphrase_changed", "key_id": key.id() });
        // The history entry and the new key file stand or fall together: the file is written
        // inside the transaction, which rolls back if it cannot be.
        self.store.write(&ctx.actor, |w| {
            w.event(SECURITY, ctx.user_id, &payload)?;
            changed.save(&self.data_dir)
        })
    }
}
