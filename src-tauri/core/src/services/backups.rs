//! Backups as the person asks for them: made into a chosen folder, listed, checked. Every
//! backup and its outcome is a history event (entity `backups`), in its own write after the
//! copy, so a backup never holds the writer while it runs.

use super::{Backoffice, Ctx};
use crate::backup::check::check_set;
use crate::backup::make::{make, Made, Source};
use crate::backup::manifest::{Manifest, DB_FILE};
use crate::backup::restore;
use crate::backup::rotation::Retention;
use crate::backup::sets::{list_sets, BackupSet, SETS_DIR};
use crate::backup::settings::{check_retention, BackupSettings, Outcome};
use crate::domain::permissions::{Action, Area};
use crate::store::{history, DB_FILE_NAME};
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde_json::json;
use std::path::Path;

pub const BACKUPS: &str = "backups";

/// One backup at a time in this process: the start-up or sign-out backup and "Back up now" would
/// otherwise write the same documents into the same folder at once. A second one waits.
static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// The app itself, acting when nobody is signed in (the start-up and sign-out backups and the
/// monthly proof).
pub fn system_ctx() -> Ctx {
    Ctx::new(
        0,
        crate::store::reshape::SYSTEM_ACTOR,
        vec![crate::domain::permissions::Role::Admin],
    )
}

fn local_date(at: DateTime<Utc>) -> NaiveDate {
    at.with_timezone(&Local).date_naive()
}

impl Backoffice {
    /// Makes a backup of the whole data folder into `folder` and applies `retention`.
    /// `progress(done, total)` in bytes; returning false cancels (nothing is left behind).
    pub fn back_up(
        &self,
        ctx: &Ctx,
        folder: &Path,
        retention: Retention,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Made> {
        self.back_up_keeping(ctx, folder, Some(retention), progress)
    }

    /// [`Self::back_up`]; with `None` no older set is removed.
    fn back_up_keeping(
        &self,
        ctx: &Ctx,
        folder: &Path,
        retention: Option<Retention>,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Made> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let files = self.data_dir.join("files");
        let key_file = self.data_dir.join(crate::crypt::KEY_FILE);
        let src = Source {
            db: self.store.path(),
            files: &files,
            key: self.store.key(),
            key_file: self.store.key().map(|_| key_file.as_path()),
        };
        let now = self.store.now();
        let made = make(
            &src,
            folder,
            &ctx.actor,
            now,
            retention,
            &local_date,
            progress,
        );
        let payload = match &made {
            Ok(m) => json!({
                "event": "backup_made",
                "set": m.name,
                "files": m.copied_files,
                "bytes": m.copied_bytes,
                "damaged": m.manifest.damaged.len(),
                "removed": m.removed,
                "history_head": m.manifest.history_head,
            }),
            Err(e) => json!({
                "event": "backup_failed",
                "code": e.code,
                "message": e.message,
            }),
        };
        self.store
            .write(&ctx.actor, |w| w.event(BACKUPS, ctx.user_id, &payload))?;
        let outcome = Outcome {
            at: now,
            ok: made.is_ok(),
            set: made.as_ref().ok().map(|m| m.name.clone()),
            message: made.as_ref().err().map(|e| e.message.clone()),
            code: made.as_ref().err().map(|e| format!("{:?}", e.code)),
        };
        self.update_backup_settings(|s| {
            if outcome.ok {
                s.last_good_backup = Some(outcome.clone());
            }
            s.last_backup = Some(outcome);
        })?;
        made
    }

    /// Backs up into the chosen folder with the chosen retention (the start-up and sign-out
    /// backups, and "Back up now").
    pub fn back_up_to_chosen_folder(
        &self,
        ctx: &Ctx,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Made> {
        let s = BackupSettings::load(&self.data_dir);
        let folder = s.folder.ok_or_else(|| {
            crate::error::Error::new(crate::error::ErrorCode::NotFound, "no backup folder chosen")
        })?;
        self.back_up(ctx, Path::new(&folder), s.retention, progress)
    }

    /// Makes a backup on a thread of its own as the app itself when a folder is chosen and
    /// `always` or one is due (start-up: `always` false; sign-out: true), then proves the newest
    /// set if the monthly proof is due. Outcomes land in history and on Home.
    pub fn back_up_in_background(self: &std::sync::Arc<Self>, always: bool) {
        let settings = BackupSettings::load(&self.data_dir);
        if settings.folder.is_none() || !(always || settings.backup_due(self.store.now())) {
            return;
        }
        let app = std::sync::Arc::clone(self);
        std::thread::spawn(move || {
            let ctx = system_ctx();
            let Ok(made) = app.back_up_to_chosen_folder(&ctx, &mut |_, _| true) else {
                return;
            };
            let s = BackupSettings::load(&app.data_dir);
            if let (true, Some(folder)) = (s.proof_due(app.store.now()), s.folder) {
                let _ = app.prove_backup(&ctx, Path::new(&folder), &made.name, &mut |_, _| true);
            }
        });
    }

    /// The backup policy and the last outcomes.
    pub fn backup_settings(&self, ctx: &Ctx) -> crate::Result<BackupSettings> {
        self.require(ctx, Area::Settings, Action::Read)?;
        Ok(BackupSettings::load(&self.data_dir))
    }

    /// Whether a backup is due (a folder is set and the last good one is a day old).
    pub fn backup_due(&self) -> bool {
        BackupSettings::load(&self.data_dir).backup_due(self.store.now())
    }

    /// Whether the monthly proof of restore is due.
    pub fn proof_due(&self) -> bool {
        BackupSettings::load(&self.data_dir).proof_due(self.store.now())
    }

    /// Sets the folder backups go to. It must be a folder that can be written, and not inside
    /// the data folder (a backup beside the data it protects is lost with it).
    pub fn set_backup_folder(&self, ctx: &Ctx, folder: &Path) -> crate::Result<BackupSettings> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let bad = |code: &str| crate::error::Error::field("folder", code);
        let canonical = std::fs::canonicalize(folder).map_err(|_| bad("not_found"))?;
        let data = std::fs::canonicalize(&self.data_dir).unwrap_or(self.data_dir.clone());
        if canonical.starts_with(&data) || data.starts_with(&canonical) {
            return Err(bad("inside_data_folder"));
        }
        let probe = canonical.join(format!(".backoffice-{}", crate::private::random_hex(4)));
        std::fs::write(&probe, b"").map_err(|_| bad("not_writable"))?;
        let _ = std::fs::remove_file(&probe);
        let shown = canonical.display().to_string();
        let payload = json!({ "event": "backup_folder", "folder": shown });
        self.store
            .write(&ctx.actor, |w| w.event(BACKUPS, ctx.user_id, &payload))?;
        self.update_backup_settings(|s| s.folder = Some(shown))
    }

    /// Sets how many daily, weekly and monthly backups are kept.
    pub fn set_backup_retention(
        &self,
        ctx: &Ctx,
        retention: Retention,
    ) -> crate::Result<BackupSettings> {
        self.require(ctx, Area::Settings, Action::Write)?;
        check_retention(&retention)?;
        let payload = json!({
            "event": "backup_retention",
            "daily": retention.daily,
            "weekly": retention.weekly,
            "monthly": retention.monthly,
        });
        self.store
            .write(&ctx.actor, |w| w.event(BACKUPS, ctx.user_id, &payload))?;
        self.update_backup_settings(|s| s.retention = retention)
    }

    fn update_backup_settings(
        &self,
        change: impl FnOnce(&mut BackupSettings),
    ) -> crate::Result<BackupSettings> {
        let mut s = BackupSettings::load(&self.data_dir);
        change(&mut s);
        s.save(&self.data_dir)?;
        Ok(s)
    }

    /// The sets in the chosen folder, newest first.
    pub fn list_backups(&self, ctx: &Ctx) -> crate::Result<Vec<BackupSet>> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let Some(folder) = BackupSettings::load(&self.data_dir).folder else {
            return Ok(Vec::new());
        };
        let key_id = self.store.key().map(crate::crypt::DataKey::id);
        Ok(list_sets(Path::new(&folder))?
            .sets
            .iter()
            .map(|(n, m)| BackupSet::of(n, m, key_id.as_deref()))
            .collect())
    }

    /// The finished sets in `folder`, newest first, with what each holds.
    pub fn backup_sets(&self, ctx: &Ctx, folder: &Path) -> crate::Result<Vec<(String, Manifest)>> {
        self.require(ctx, Area::Settings, Action::Write)?;
        Ok(list_sets(folder)?.sets)
    }

    /// Checks one set as a restore would before changing anything; its manifest when usable.
    pub fn check_backup(
        &self,
        ctx: &Ctx,
        folder: &Path,
        name: &str,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Manifest> {
        self.require(ctx, Area::Settings, Action::Write)?;
        check_set(folder, name, self.store.key(), progress)
    }
}

/// What a proof of restore found.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct RestoreProof {
    pub set: String,
    pub made_at: DateTime<Utc>,
    pub proven_at: DateTime<Utc>,
    /// Every table holds as many rows as the manifest says.
    pub counts_match: bool,
    /// The restored history verifies and ends where the manifest says.
    pub history_ok: bool,
}

impl RestoreProof {
    pub fn ok(&self) -> bool {
        self.counts_match && self.history_ok
    }
}

impl Backoffice {
    /// Restores the set `name` of `folder` at the next start: checks it, backs up the current
    /// data into the same folder first, then stages the set beside the live data. Nothing live
    /// changes until the app starts again; a failed or cancelled step leaves it as it was.
    pub fn stage_restore(
        &self,
        ctx: &Ctx,
        folder: &Path,
        name: &str,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Manifest> {
        self.stage_restore_unlocking(ctx, folder, name, None, progress)
    }

    /// [`Self::stage_restore`] for a set encrypted with another key than this data's (a new
    /// computer, or data encrypted again since): `secret` is the passphrase it was made under, or
    /// its recovery key, which opens the set's own key file.
    pub fn stage_restore_unlocking(
        &self,
        ctx: &Ctx,
        folder: &Path,
        name: &str,
        secret: Option<crate::crypt::unlock::Secret>,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<Manifest> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let key = self.key_for_set(folder, name, secret)?;
        let manifest = check_set(folder, name, key.as_ref(), &mut |d, t| progress(d / 4, t))?;
        self.refuse_other_organisation(&manifest)?;
        self.back_up_keeping(ctx, folder, None, &mut |d, t| {
            progress(t / 4 + d / 4, t.max(1))
        })?;
        restore::stage(
            folder,
            name,
            &self.data_dir,
            DB_FILE_NAME,
            key.as_ref(),
            &mut |d, t| progress(t / 2 + d / 2, t.max(1)),
        )?;
        let payload = json!({
            "event": "restore_staged",
            "set": name,
            "made_at": manifest.made_at,
            "made_by": manifest.made_by,
        });
        self.store
            .write(&ctx.actor, |w| w.event(BACKUPS, ctx.user_id, &payload))?;
        Ok(manifest)
    }

    /// The key that opens the set: none for a plain set, this data's key for a set made with it,
    /// else the one the set's key file gives for `secret` (refused without one).
    fn key_for_set(
        &self,
        folder: &Path,
        name: &str,
        secret: Option<crate::crypt::unlock::Secret>,
    ) -> crate::Result<Option<crate::crypt::DataKey>> {
        use crate::crypt::unlock::Secret;
        use crate::crypt::{KeyFile, RecoveryKey};
        let dir = folder.join(SETS_DIR).join(name);
        let manifest = crate::backup::check::read_manifest(&dir)?;
        let Some(id) = manifest.key_id else {
            return Ok(None);
        };
        let live = self.store.key();
        if live.map(crate::crypt::DataKey::id).as_ref() == Some(&id) {
            return Ok(live.cloned());
        }
        let needs = || {
            crate::Error::new(
                crate::ErrorCode::BadFile,
                "this backup is encrypted with another key: its passphrase or recovery key is needed",
            )
            .with("reason", "backup_other_key")
        };
        let secret = secret.ok_or_else(needs)?;
        let key_file = KeyFile::load(&dir)?.ok_or_else(needs)?;
        let key = match secret {
            Secret::Passphrase(p) => key_file.unlock(p),
            Secret::RecoveryKey(r) => key_file.unlock_with_recovery_key(&RecoveryKey::parse(r)?),
        }?;
        Ok(Some(key))
    }

    /// Refuses the backup of another organisation over this one's data. A database that holds
    /// nothing yet but its setup (a new computer after the old one died) takes any backup.
    fn refuse_other_organisation(&self, m: &Manifest) -> crate::Result<()> {
        let (org, counts) = self.store.read(|c| {
            Ok((
                crate::store::organisation::get(c)?,
                crate::store::tracked::row_counts(c)?,
            ))
        })?;
        let holds_data = ["employees", "departments", "documents", "attachments"]
            .iter()
            .any(|t| counts.get(*t).copied().unwrap_or(0) > 0);
        let same = match (org.vat_number.as_deref(), m.vat_number.as_deref()) {
            (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
            _ => {
                crate::domain::text::fold_key(&org.name)
                    == crate::domain::text::fold_key(&m.organisation)
            }
        };
        if holds_data && !same {
            return Err(crate::error::Error::new(
                crate::error::ErrorCode::BadFile,
                format!(
                    "this backup belongs to another organisation ({})",
                    m.organisation
                ),
            )
            .with("reason", "backup_other_organisation")
            .with("organisation", &m.organisation));
        }
        Ok(())
    }

    /// Proves that the set `name` restores: checks it, opens a copy of its database in a private
    /// scratch folder (migrating it if it is older), verifies its history and compares its rows
    /// with the manifest. The live data is not touched. The outcome is recorded.
    pub fn prove_backup(
        &self,
        ctx: &Ctx,
        folder: &Path,
        name: &str,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<RestoreProof> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let proof = self.prove(folder, name, progress);
        let payload = match &proof {
            Ok(p) => json!({
                "event": if p.ok() { "restore_proven" } else { "restore_proof_failed" },
                "set": p.set,
                "counts_match": p.counts_match,
                "history_ok": p.history_ok,
            }),
            Err(e) => json!({
                "event": "restore_proof_failed",
                "set": name,
                "message": e.message,
            }),
        };
        self.store
            .write(&ctx.actor, |w| w.event(BACKUPS, ctx.user_id, &payload))?;
        let outcome = Outcome {
            at: self.store.now(),
            ok: proof.as_ref().is_ok_and(RestoreProof::ok),
            set: Some(name.to_owned()),
            message: match &proof {
                Ok(p) if !p.ok() => Some("the restored copy does not match its manifest".into()),
                Ok(_) => None,
                Err(e) => Some(e.message.clone()),
            },
            code: proof.as_ref().err().map(|e| format!("{:?}", e.code)),
        };
        self.update_backup_settings(|s| s.last_proof = Some(outcome))?;
        proof
    }

    fn prove(
        &self,
        folder: &Path,
        name: &str,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<RestoreProof> {
        let manifest = check_set(folder, name, self.store.key(), progress)?;
        let scratch = self
            .data_dir
            .join(format!("proof-{}", crate::private::random_hex(8)));
        crate::private::create_dir(&scratch).map_err(|e| crate::backup::io_error(&scratch, e))?;
        let result = (|| {
            let db = scratch.join(DB_FILE_NAME);
            std::fs::copy(folder.join(SETS_DIR).join(name).join(DB_FILE), &db)
                .map_err(|e| crate::backup::io_error(&db, e))?;
            let key = manifest.key_id.as_ref().and(self.store.key()).cloned();
            if key.is_some() {
                let to = scratch.join(crate::crypt::KEY_FILE);
                std::fs::copy(
                    folder
                        .join(SETS_DIR)
                        .join(name)
                        .join(crate::crypt::KEY_FILE),
                    &to,
                )
                .map_err(|e| crate::backup::io_error(&to, e))?;
            }
            let copy = Backoffice::open_with_key(&scratch, crate::store::system_clock(), key)?;
            let now = self.store.now();
            let (report, counts) = copy.store.read(|c| {
                let report = history::verify(c, now, &mut |_| true)?;
                let counts = crate::store::tracked::row_counts(c)?;
                Ok((report, counts))
            })?;
            // An older backup gains one upgrade entry per row; the head then moves on, so only
            // a backup of this schema is compared by its head.
            let same_schema = manifest.schema_version == crate::store::migrations::LATEST;
            let history_ok =
                report.ok && (!same_schema || report.head_hash == manifest.history_head);
            let counts_match = manifest
                .counts
                .iter()
                .all(|(table, n)| counts.get(table) == Some(n));
            Ok(RestoreProof {
                set: name.to_owned(),
                made_at: manifest.made_at,
                proven_at: now,
                counts_match,
                history_ok,
            })
        })();
        let _ = std::fs::remove_dir_all(&scratch);
        result
    }
}
