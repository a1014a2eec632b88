//! Backups as the person asks for them: made into a chosen folder, listed, checked. Every
//! backup and its outcome is a history event (entity `backups`), in its own write after the
//! copy, so a backup never holds the writer while it runs.

use super::{Backoffice, Ctx};
use crate::backup::check::check_set;
use crate::backup::make::{make, Made, Source};
use crate::backup::manifest::Manifest;
use crate::backup::rotation::Retention;
use crate::backup::sets::list_sets;
use crate::domain::permissions::{Action, Area};
use chrono::{DateTime, Local, NaiveDate, Utc};
use serde_json::json;
use std::path::Path;

pub const BACKUPS: &str = "backups";

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
        self.require(ctx, Area::Settings, Action::Write)?;
        let files = self.data_dir.join("files");
        let src = Source {
            db: self.store.path(),
            files: &files,
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
        made
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
        check_set(folder, name, progress)
    }
}
