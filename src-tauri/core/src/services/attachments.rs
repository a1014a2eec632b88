//! Files attached to any record: list, attach (the app keeps its own copy), renew (the old
//! version stays), correct, remove, open or save a copy. The record is named by (entity, id);
//! the entity must be a tracked table with an area of its own, and that area's rights decide:
//! reading the list or opening a file needs Read, attaching, renewing, correcting and removing
//! Write, saving a copy Export (it is an export of what may be personal data).
//!
//! An area may add rules for its records' files ([`OwnerRules`]): its list of kinds of file,
//! what happens in the same transaction after a change (staff rescores the employee), and what
//! may not be removed (a certificate a training record cites).

use super::{Backoffice, Ctx};
use crate::blobs::Blobs;
use crate::domain::attachment::{
    validate_meta, Attachment, AttachmentEdit, AttachmentInput, ExpiryRule, ReadKind, RenewalInput,
};
use crate::domain::permissions::Action;
use crate::error::Error;
use crate::store::attachments::{self, Owner};
use crate::store::{Tracked, WriteTx};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// What an area adds to the kit's rules for the files of its records.
pub(crate) trait OwnerRules: Sync {
    /// The table whose records these rules are for.
    fn entity(&self) -> &'static str;

    /// The dates rule of a file of kind `type_id`, refusing a kind the area's list does not
    /// have (or, when `attaching` a new file, has retired). An area without a list refuses
    /// any kind.
    fn kind(
        &self,
        conn: &Connection,
        type_id: Option<i64>,
        attaching: bool,
    ) -> crate::Result<ExpiryRule>;

    /// Runs inside the write, after any change to the record's files.
    fn changed(&self, w: &WriteTx, record_id: i64, today: NaiveDate) -> crate::Result<()>;

    /// Runs inside the write before `a` is removed: refuses while something cites it.
    fn before_delete(&self, w: &WriteTx, a: &Attachment) -> crate::Result<()>;
}

/// The rules of records whose area keeps no list of kinds of file: the kind stays empty, the
/// expiry is what was typed.
struct NoList;

impl OwnerRules for NoList {
    fn entity(&self) -> &'static str {
        ""
    }

    fn kind(&self, _: &Connection, type_id: Option<i64>, _: bool) -> crate::Result<ExpiryRule> {
        match type_id {
            None => Ok(ExpiryRule::default()),
            Some(_) => Err(Error::field("type_id", "not_allowed")),
        }
    }

    fn changed(&self, _: &WriteTx, _: i64, _: NaiveDate) -> crate::Result<()> {
        Ok(())
    }

    fn before_delete(&self, _: &WriteTx, _: &Attachment) -> crate::Result<()> {
        Ok(())
    }
}

/// Every area's rules; a table not listed has [`NoList`].
static RULES: &[&dyn OwnerRules] = &[
    &super::staff::documents::EMPLOYEE_DOCUMENTS,
    // Supplier invoices.
    &super::purchasing::invoice_files::INVOICE_FILES,
];

fn rules_for(entity: &str) -> &'static dyn OwnerRules {
    RULES
        .iter()
        .copied()
        .find(|r| r.entity() == entity)
        .unwrap_or(&NoList)
}

/// Held from copying a file into the store until its row is committed, and from deleting a row
/// until its unused copy is removed: a copy is never removed while another attach of the same
/// content is between those two steps.
static FILE_STORE: std::sync::Mutex<()> = std::sync::Mutex::new(());

pub(crate) fn file_store_lock() -> std::sync::MutexGuard<'static, ()> {
    FILE_STORE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The file name without its extension: the default title.
fn stem(file_name: &str) -> &str {
    Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name)
}

/// A name safe to create in any folder on any system, from the name the file was attached with.
fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.');
    if trimmed.is_empty() {
        "document".to_owned()
    } else {
        trimmed.chars().take(150).collect()
    }
}

fn record_missing(owner: &Tracked) -> Error {
    Error::not_found("record").with("entity", owner.entity)
}

impl Backoffice {
    pub fn blobs(&self) -> Blobs {
        Blobs::keyed(
            &self.data_dir,
            self.store.key().map(crate::crypt::DataKey::documents),
        )
    }

    /// The owner table `entity` names and its area, after checking `ctx` may do `action` there.
    fn owner_for(
        &self,
        ctx: &Ctx,
        entity: &str,
        action: Action,
    ) -> crate::Result<&'static Tracked> {
        let (table, area) = attachments::owner_table(entity)?;
        self.require(ctx, area, action)?;
        Ok(table)
    }

    /// Attachment `id` and its owner's table, after checking `ctx` may do `action` in the
    /// owner's area.
    fn attachment_for(
        &self,
        ctx: &Ctx,
        id: i64,
        action: Action,
    ) -> crate::Result<(Attachment, &'static Tracked)> {
        let a = self
            .store
            .read(|c| attachments::get(c, id))?
            .ok_or_else(|| Error::not_found("attachment"))?;
        let table = self.owner_for(ctx, &a.entity, action)?;
        Ok((a, table))
    }

    /// A record's files, every version (current ones first).
    pub fn attachments(
        &self,
        ctx: &Ctx,
        entity: &str,
        record_id: i64,
    ) -> crate::Result<Vec<Attachment>> {
        let table = self.owner_for(ctx, entity, Action::Read)?;
        self.store.read(|c| {
            if !attachments::record_exists(c, table, record_id)? {
                return Err(record_missing(table));
            }
            attachments::for_record(c, table.entity, record_id)
        })
    }

    /// Attaches the file at `source` (chosen in the open dialog) to record `record_id` of
    /// `entity`. The app copies it into its own store and records its SHA-256; the path is not
    /// kept.
    pub fn attach(
        &self,
        ctx: &Ctx,
        entity: &str,
        record_id: i64,
        input: &AttachmentInput,
        source: &Path,
    ) -> crate::Result<Attachment> {
        let table = self.owner_for(ctx, entity, Action::Write)?;
        let rules = rules_for(table.entity);
        let today = self.today();
        // The kind, title and dates are checked before the copy, so a form error or an unknown
        // record costs no disk work.
        let rule = self.store.read(|c| {
            if !attachments::record_exists(c, table, record_id)? {
                return Err(record_missing(table));
            }
            rules.kind(c, input.type_id, true)
        })?;
        let default_title = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = validate_meta(
            input.title.as_deref(),
            stem(&default_title),
            input.issued_on,
            input.expires_on,
            rule,
            today,
        )?;
        let _lock = file_store_lock();
        let file = self.blobs().put_file(source)?;
        let written = self.store.write(&ctx.actor, |w| {
            if !attachments::record_exists(w.conn(), table, record_id)? {
                return Err(record_missing(table));
            }
            let owner = Owner { table, record_id };
            let a = attachments::insert(w, owner, input.type_id, &meta, &file)?;
            rules.changed(w, record_id, today)?;
            Ok(a)
        });
        self.drop_unused_copy(&written, &file.sha256);
        written
    }

    /// Replaces the current version of an attachment with a new file; the old version stays,
    /// linked to the new one through `superseded_by`.
    pub fn renew_attachment(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &RenewalInput,
        source: &Path,
    ) -> crate::Result<Attachment> {
        let (old, table) = self.attachment_for(ctx, id, Action::Write)?;
        let rules = rules_for(table.entity);
        let today = self.today();
        let rule = self.store.read(|c| rules.kind(c, old.type_id, false))?;
        let meta = validate_meta(
            input.title.as_deref(),
            &old.title,
            input.issued_on,
            input.expires_on,
            rule,
            today,
        )?;
        let _lock = file_store_lock();
        let file = self.blobs().put_file(source)?;
        let written = self.store.write(&ctx.actor, |w| {
            let owner = Owner {
                table,
                record_id: old.record_id,
            };
            let new = attachments::insert(w, owner, old.type_id, &meta, &file)?;
            attachments::supersede(w, old.id, version, new.id)?;
            rules.changed(w, old.record_id, today)?;
            Ok(new)
        });
        self.drop_unused_copy(&written, &file.sha256);
        written
    }

    /// After a failed write, removes the copy just made unless another attachment uses it.
    pub(crate) fn drop_unused_copy<T>(&self, written: &crate::Result<T>, sha256: &str) {
        if written.is_err() {
            let unused = self
                .store
                .read(|c| attachments::content_in_use(c, sha256))
                .is_ok_and(|used| !used);
            if unused {
                let _ = self.blobs().remove(sha256);
            }
        }
    }

    /// Corrects an attachment's title or dates.
    pub fn update_attachment(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        edit: &AttachmentEdit,
    ) -> crate::Result<Attachment> {
        let (_, table) = self.attachment_for(ctx, id, Action::Write)?;
        let rules = rules_for(table.entity);
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let a =
                attachments::get(w.conn(), id)?.ok_or_else(|| Error::not_found("attachment"))?;
            let mut rule = rules.kind(w.conn(), a.type_id, false)?;
            // A correction never invents an expiry: no default from the usual validity.
            rule.validity_months = None;
            if edit.title.trim().is_empty() {
                return Err(Error::field("title", "required"));
            }
            let meta = validate_meta(
                Some(&edit.title),
                &a.title,
                edit.issued_on,
                edit.expires_on,
                rule,
                today,
            )?;
            let a = attachments::update_meta(w, id, version, &meta)?;
            rules.changed(w, a.record_id, today)?;
            Ok(a)
        })
    }

    /// Removes an attachment added by mistake (the current version only; the version it
    /// renewed becomes current again). The stored file goes too once nothing refers to it.
    pub fn delete_attachment(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        let (_, table) = self.attachment_for(ctx, id, Action::Write)?;
        let rules = rules_for(table.entity);
        let today = self.today();
        let _lock = file_store_lock();
        let (sha, unused) = self.store.write(&ctx.actor, |w| {
            let a =
                attachments::get(w.conn(), id)?.ok_or_else(|| Error::not_found("attachment"))?;
            rules.before_delete(w, &a)?;
            let a = attachments::delete(w, id, version)?;
            rules.changed(w, a.record_id, today)?;
            let unused = !attachments::content_in_use(w.conn(), &a.sha256)?;
            Ok((a.sha256, unused))
        })?;
        if unused {
            self.blobs().remove(&sha)?;
        }
        Ok(())
    }

    /// The stored bytes of `a`, checked against its SHA-256 (a copy changed or damaged on disk
    /// is refused, never handed out), then the read recorded.
    fn read_attachment(&self, ctx: &Ctx, a: &Attachment, how: ReadKind) -> crate::Result<Vec<u8>> {
        let bytes = self
            .blobs()
            .read(&a.sha256)
            .map_err(|e| e.with("title", &a.title))?;
        self.store
            .write(&ctx.actor, |w| attachments::record_read(w, a, how))?;
        Ok(bytes)
    }

    /// Opening an attachment: a private copy under its original name is written among the
    /// viewer's copies (`crate::viewer`), and the read is recorded. Returns the copy's path.
    pub fn open_attachment_copy(&self, ctx: &Ctx, id: i64) -> crate::Result<PathBuf> {
        let (a, _) = self.attachment_for(ctx, id, Action::Read)?;
        let bytes = self.read_attachment(ctx, &a, ReadKind::Open)?;
        self.viewer().write(&safe_file_name(&a.file_name), &bytes)
    }

    /// Saves a copy of an attachment where the person chose in the save dialog: recorded as a
    /// read of the attachment and as an export event, in one write before the file is put in
    /// place.
    pub fn export_attachment(
        &self,
        ctx: &Ctx,
        id: i64,
        target: &Path,
    ) -> crate::Result<Attachment> {
        let (a, _) = self.attachment_for(ctx, id, Action::Export)?;
        let bytes = self
            .blobs()
            .read(&a.sha256)
            .map_err(|e| e.with("title", &a.title))?;
        let (staged, ()) = crate::files::stage(target, |w| crate::files::put(w, target, &bytes))?;
        let format = Path::new(&a.file_name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let mut extra = serde_json::Map::new();
        extra.insert("title".into(), a.title.clone().into());
        let record = super::exports::ExportRecord {
            kind: "attachment",
            format: &format,
            rows: 1,
            filter: serde_json::json!({
                "attachment_id": a.id,
                "entity": a.entity,
                "record_id": a.record_id,
            }),
            path: target,
            extra,
        };
        let payload = record.payload();
        self.store.write(&ctx.actor, |w| {
            attachments::record_read(w, &a, ReadKind::SaveCopy)?;
            w.event(super::exports::EXPORTS, ctx.user_id, &payload)
        })?;
        staged.publish()?;
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_of_copies_are_safe() {
        assert_eq!(safe_file_name("../../etc/passwd"), "_.._etc_passwd");
        assert_eq!(safe_file_name("CI Rossi.pdf"), "CI Rossi.pdf");
        assert_eq!(safe_file_name("  "), "document");
        assert_eq!(safe_file_name("a:b?.pdf"), "a_b_.pdf");
        assert_eq!(stem("scan ci.pdf"), "scan ci");
    }

    #[test]
    fn areas_without_a_list_of_kinds_refuse_one() {
        assert_eq!(rules_for("departments").entity(), "");
        assert_eq!(rules_for("employees").entity(), "employees");
    }
}
