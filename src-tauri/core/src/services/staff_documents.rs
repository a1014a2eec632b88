//! Documents and training of an employee: attach (the app keeps its own copy), renew (the old
//! version stays), correct, remove, open or save a copy; record, correct and remove training.
//! Every change rescores the employee in the same transaction.

use super::staff::rescore;
use super::{Backoffice, Ctx};
use crate::blobs::Blobs;
use crate::domain::document::{
    validate_meta, Document, DocumentEdit, DocumentInput, RenewalInput, TrainingInput,
    TrainingRecord,
};
use crate::domain::history::ChangeOp;
use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::{Course, DocumentType};
use crate::error::{Error, FieldError};
use crate::store::retired_list;
use crate::store::{documents, staff::employees, staff::training, WriteTx};
use std::path::{Path, PathBuf};

/// Held from copying a file into the store until its row is committed, and from deleting a row
/// until its unused copy is removed: a copy is never removed while another attach of the same
/// content is between those two steps.
static FILE_STORE: std::sync::Mutex<()> = std::sync::Mutex::new(());

fn file_store_lock() -> std::sync::MutexGuard<'static, ()> {
    FILE_STORE.lock().unwrap_or_else(|e| e.into_inner())
}

/// The file name without its extension: the default title.
fn stem(file_name: &str) -> &str {
    Path::new(file_name)
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or(file_name)
}

fn employee_exists(w: &WriteTx, id: i64) -> crate::Result<()> {
    employees::get(w.conn(), id)?
        .map(drop)
        .ok_or_else(|| Error::not_found("employee"))
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

impl Backoffice {
    pub fn blobs(&self) -> Blobs {
        Blobs::new(&self.data_dir)
    }

    /// Attaches the file at `source` (chosen in the open dialog) to an employee. The app copies
    /// it into its own store and records its SHA-256; the path is not kept.
    pub fn attach_document(
        &self,
        ctx: &Ctx,
        employee_id: i64,
        input: &DocumentInput,
        source: &Path,
    ) -> crate::Result<Document> {
        self.require(ctx, Area::Staff, Action::Write)?;
        // Known before the copy, so a wrong type costs no disk work.
        let doc_type = self
            .store
            .read(|c| retired_list::get::<DocumentType>(c, input.type_id))?
            .ok_or_else(|| Error::field("type_id", "not_found"))?;
        if !doc_type.active {
            return Err(Error::field("type_id", "inactive"));
        }
        let today = self.today();
        // Title and dates checked before the file is copied, so a form error costs no disk work.
        let default_title = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = validate_meta(
            input.title.as_deref(),
            stem(&default_title),
            input.issued_on,
            input.expires_on,
            &doc_type,
            today,
        )?;
        let _lock = file_store_lock();
        let file = self.blobs().put_file(source)?;
        let written = self.store.write(&ctx.actor, |w| {
            employee_exists(w, employee_id)?;
            let d = documents::insert(w, employee_id, doc_type.id, &meta, &file)?;
            rescore(w, employee_id, today)?;
            Ok(d)
        });
        self.drop_unused_copy(&written, &file.sha256);
        written
    }

    /// Replaces the current version of a document with a new file; the old version stays,
    /// linked to the new one through `superseded_by`.
    pub fn renew_document(
        &self,
        ctx: &Ctx,
        document_id: i64,
        version: i64,
        input: &RenewalInput,
        source: &Path,
    ) -> crate::Result<Document> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let old = self
            .store
            .read(|c| documents::get(c, document_id))?
            .ok_or_else(|| Error::not_found("document"))?;
        let today = self.today();
        let doc_type = self
            .store
            .read(|c| retired_list::get::<DocumentType>(c, old.type_id))?
            .ok_or_else(|| Error::not_found("document type"))?;
        let meta = validate_meta(
            input.title.as_deref(),
            &old.title,
            input.issued_on,
            input.expires_on,
            &doc_type,
            today,
        )?;
        let _lock = file_store_lock();
        let file = self.blobs().put_file(source)?;
        let written = self.store.write(&ctx.actor, |w| {
            let new = documents::insert(w, old.employee_id, old.type_id, &meta, &file)?;
            documents::supersede(w, old.id, version, new.id)?;
            rescore(w, old.employee_id, today)?;
            Ok(new)
        });
        self.drop_unused_copy(&written, &file.sha256);
        written
    }

    /// After a failed write, removes the copy just made unless another document uses it.
    fn drop_unused_copy<T>(&self, written: &crate::Result<T>, sha256: &str) {
        if written.is_err() {
            let unused = self
                .store
                .read(|c| documents::content_in_use(c, sha256))
                .is_ok_and(|used| !used);
            if unused {
                let _ = self.blobs().remove(sha256);
            }
        }
    }

    /// Corrects a document's title or dates.
    pub fn update_document(
        &self,
        ctx: &Ctx,
        document_id: i64,
        version: i64,
        edit: &DocumentEdit,
    ) -> crate::Result<Document> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let d = documents::get(w.conn(), document_id)?
                .ok_or_else(|| Error::not_found("document"))?;
            let mut doc_type = retired_list::get::<DocumentType>(w.conn(), d.type_id)?
                .ok_or_else(|| Error::not_found("document type"))?;
            // A correction never invents an expiry: no default from the validity here.
            doc_type.validity_months = None;
            if edit.title.trim().is_empty() {
                return Err(Error::field("title", "required"));
            }
            let meta = validate_meta(
                Some(&edit.title),
                &d.title,
                edit.issued_on,
                edit.expires_on,
                &doc_type,
                today,
            )?;
            let d = documents::update_meta(w, document_id, version, &meta)?;
            rescore(w, d.employee_id, today)?;
            Ok(d)
        })
    }

    /// Removes a document attached by mistake (the current version only; the version it
    /// renewed becomes current again). The stored file goes too once nothing refers to it.
    pub fn delete_document(&self, ctx: &Ctx, document_id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        let _lock = file_store_lock();
        let (sha, unused) = self.store.write(&ctx.actor, |w| {
            let d = documents::delete(w, document_id, version)?;
            rescore(w, d.employee_id, today)?;
            Ok((
                d.sha256.clone(),
                !documents::content_in_use(w.conn(), &d.sha256)?,
            ))
        })?;
        if unused {
            self.blobs().remove(&sha)?;
        }
        Ok(())
    }

    /// Opening a document: a private copy under its original name is written among the
    /// viewer's copies (`crate::viewer`), and the read is recorded. Returns the copy's path.
    pub fn open_document_copy(&self, ctx: &Ctx, document_id: i64) -> crate::Result<PathBuf> {
        self.require(ctx, Area::Staff, Action::Read)?;
        let d = self.record_document_read(ctx, document_id)?;
        let bytes = self.blobs().read(&d.sha256)?;
        self.viewer().write(&safe_file_name(&d.file_name), &bytes)
    }

    /// Saves a copy of a document where the person chose in the save dialog: recorded as a read
    /// of the document, and once written as an export event.
    pub fn export_document(
        &self,
        ctx: &Ctx,
        document_id: i64,
        target: &Path,
    ) -> crate::Result<Document> {
        self.require(ctx, Area::Staff, Action::Export)?;
        let d = self.record_document_read(ctx, document_id)?;
        let bytes = self.blobs().read(&d.sha256)?;
        let (staged, ()) = crate::files::stage(target, |w| crate::files::put(w, target, &bytes))?;
        let format = Path::new(&d.file_name)
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .unwrap_or_default();
        let mut extra = serde_json::Map::new();
        extra.insert("title".into(), d.title.clone().into());
        let record = super::exports::ExportRecord {
            kind: "document",
            format: &format,
            rows: 1,
            filter: serde_json::json!({ "document_id": d.id, "employee_id": d.employee_id }),
            path: target,
            extra,
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(d)
    }

    fn record_document_read(&self, ctx: &Ctx, document_id: i64) -> crate::Result<Document> {
        self.store.write(&ctx.actor, |w| {
            let d = documents::get(w.conn(), document_id)?
                .ok_or_else(|| Error::not_found("document"))?;
            w.record(&documents::TRACKED, document_id, ChangeOp::Read, None)?;
            Ok(d)
        })
    }

    fn valid_training(
        &self,
        w: &WriteTx,
        input: &TrainingInput,
        old_course: Option<i64>,
    ) -> crate::Result<crate::domain::document::ValidTraining> {
        let course = retired_list::get::<Course>(w.conn(), input.course_id)?
            .ok_or_else(|| Error::field("course_id", "not_found"))?;
        if !course.active && old_course != Some(course.id) {
            return Err(Error::validation(vec![FieldError::new(
                "course_id",
                "inactive",
            )]));
        }
        input.validate(&course, self.today())
    }

    pub fn add_training(
        &self,
        ctx: &Ctx,
        employee_id: i64,
        input: &TrainingInput,
    ) -> crate::Result<TrainingRecord> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            employee_exists(w, employee_id)?;
            let v = self.valid_training(w, input, None)?;
            let t = training::insert(w, employee_id, &v)?;
            rescore(w, employee_id, today)?;
            Ok(t)
        })
    }

    pub fn update_training(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &TrainingInput,
    ) -> crate::Result<TrainingRecord> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let old =
                training::get(w.conn(), id)?.ok_or_else(|| Error::not_found("training record"))?;
            let v = self.valid_training(w, input, Some(old.course_id))?;
            let t = training::update(w, id, version, &v)?;
            rescore(w, t.employee_id, today)?;
            Ok(t)
        })
    }

    pub fn delete_training(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let t = training::delete(w, id, version)?;
            rescore(w, t.employee_id, today)
        })
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
}
