//! Importing supplier invoices from FatturaPA files, in two steps. The preview reads every
//! chosen file and reports on each (refused with the reader's problem, or its invoices with
//! their supplier, duplicates, warnings and signature); nothing is written. The confirm reads
//! the same files again (refusing any changed since), keeps their bytes as received in the
//! file store, and writes every good invoice of every file in one transaction, creating the
//! suppliers the person chose: all or nothing.

use super::invoice_plan::{plan, Batch, BatchFile, Resolved};
use crate::domain::attachment::ValidMeta;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::invoice_from_file::{new_invoice, SourceFile};
use crate::domain::purchasing::invoice_import::{
    ImportedInvoice, InvoiceImportChoices, InvoiceImportOutcome, InvoiceImportPreview, SkipReason,
    SkippedInvoice, MAX_FILES,
};
use crate::error::{Error, ErrorCode};
use crate::import::fatturapa::{read_file, ReadFile, MAX_FILE_BYTES};
use crate::services::attachments::file_store_lock;
use crate::services::{Backoffice, Ctx};
use crate::store::attachments::{self, Owner, StoredFile};
use crate::store::purchasing::{invoice_writes, invoices, suppliers};
use crate::store::tx::WriteTx;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

fn unreadable(name: &str) -> Error {
    Error::new(ErrorCode::BadFile, format!("{name}: cannot be read"))
        .with("reason", "unreadable")
        .with("file", name)
}

/// The file's name as shown (never the folder it was chosen in).
fn shown_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Reads one chosen file: its bytes (at most the reader's limit plus one, so a larger file is
/// the reader's `too_large` refusal) and what the reader makes of them.
fn read_one(path: &Path) -> crate::Result<BatchFile> {
    let name = shown_name(path);
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(|_| unreadable(&name))?;
    let read = read_file(&name, &bytes);
    Ok(BatchFile { name, bytes, read })
}

/// Reads every file; two threads share the work (the reader is CPU-bound, the machine small).
fn read_all(paths: &[PathBuf]) -> crate::Result<Batch> {
    if paths.is_empty() {
        return Err(Error::field("files", "required"));
    }
    if paths.len() > MAX_FILES {
        return Err(Error::field("files", "too_many").with("max", MAX_FILES));
    }
    let half = paths.len().div_ceil(2);
    let (a, b) = paths.split_at(half);
    let (ra, rb) = std::thread::scope(|s| {
        let other = s.spawn(|| b.iter().map(|p| read_one(p)).collect::<Vec<_>>());
        let mine: Vec<_> = a.iter().map(|p| read_one(p)).collect();
        (mine, other.join())
    });
    let rb = rb.map_err(|_| Error::internal("reading invoices"))?;
    let files = ra
        .into_iter()
        .chain(rb)
        .collect::<crate::Result<Vec<_>>>()?;
    Ok(Batch { files })
}

fn mime_of(name: &str) -> &'static str {
    if name.to_ascii_lowercase().ends_with(".p7m") {
        "application/pkcs7-mime"
    } else {
        "application/xml"
    }
}

fn attachment_mime(format: Option<&str>, name: &str) -> String {
    let ext = format.map(str::to_ascii_lowercase).or_else(|| {
        Path::new(name)
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
    });
    match ext.as_deref() {
        Some("pdf") => "application/pdf",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("zip") => "application/zip",
        _ => "application/octet-stream",
    }
    .to_owned()
}

fn meta(title: &str) -> ValidMeta {
    ValidMeta {
        title: title.chars().take(200).collect(),
        issued_on: None,
        expires_on: None,
    }
}

/// The invoice's files: the original as received (once in the store, linked to each invoice
/// of a file with several bodies) and its `Allegati`.
fn attach_files(
    w: &WriteTx,
    invoice_id: i64,
    file: &BatchFile,
    read: &ReadFile,
    body_index: i64,
) -> crate::Result<()> {
    let owner = Owner {
        table: &invoices::TRACKED,
        record_id: invoice_id,
    };
    let original = StoredFile {
        sha256: read.sha256.clone(),
        size: i64::try_from(file.bytes.len()).unwrap_or(i64::MAX),
        mime: mime_of(&file.name).to_owned(),
        file_name: file.name.clone(),
    };
    attachments::insert(w, owner, None, &meta(&file.name), &original)?;
    let Some(inv) = read.invoices.iter().find(|i| i.body_index == body_index) else {
        return Ok(());
    };
    for a in &inv.attachments {
        let stored = StoredFile {
            sha256: hex::encode(Sha256::digest(&a.bytes)),
            size: a.size,
            mime: attachment_mime(a.format.as_deref(), &a.name),
            file_name: a.name.clone(),
        };
        let title = a.description.as_deref().unwrap_or(&a.name);
        attachments::insert(w, owner, None, &meta(title), &stored)?;
    }
    Ok(())
}

impl Backoffice {
    /// Step 1: what importing these files would do. Nothing is written.
    pub fn preview_invoice_files(
        &self,
        ctx: &Ctx,
        paths: &[PathBuf],
    ) -> crate::Result<InvoiceImportPreview> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let batch = read_all(paths)?;
        self.store
            .read(|c| plan(c, &batch, &InvoiceImportChoices::default()))
            .map(|p| p.preview)
    }

    /// Step 2: imports the good invoices of every file in one transaction. `sha256` are the
    /// files' hashes as the preview read them, in the same order: a file changed since is
    /// refused (`file_changed`) and nothing is written.
    pub fn import_invoice_files(
        &self,
        ctx: &Ctx,
        paths: &[PathBuf],
        sha256: &[Option<String>],
        choices: &InvoiceImportChoices,
    ) -> crate::Result<InvoiceImportOutcome> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let batch = read_all(paths)?;
        if sha256.len() != batch.files.len() {
            return Err(Error::field("files", "changed"));
        }
        for (f, expected) in batch.files.iter().zip(sha256) {
            let now = f.read.as_ref().ok().map(|r| r.sha256.clone());
            let same = match (&now, expected) {
                (Some(a), Some(b)) => a == b,
                // A refused file has no hash from the reader: compare what it is now.
                (None, None) => true,
                _ => false,
            };
            if !same {
                return Err(
                    Error::new(ErrorCode::FileChanged, format!("{} changed", f.name))
                        .with("file", &f.name),
                );
            }
        }
        let _lock = file_store_lock();
        let mut stored = Vec::new();
        let written = (|| {
            // The bytes first, as every attachment: identical content is stored once.
            for f in &batch.files {
                let Ok(read) = &f.read else { continue };
                stored.push(self.blobs().put_bytes(&f.bytes)?);
                for inv in &read.invoices {
                    for a in &inv.attachments {
                        stored.push(self.blobs().put_bytes(&a.bytes)?);
                    }
                }
            }
            self.store
                .write(&ctx.actor, |w| self.write_batch(w, &batch, choices))
        })();
        for sha in &stored {
            self.drop_unused_copy(&written, sha);
        }
        written
    }

    fn write_batch(
        &self,
        w: &WriteTx,
        batch: &Batch,
        choices: &InvoiceImportChoices,
    ) -> crate::Result<InvoiceImportOutcome> {
        let planned = plan(w.conn(), batch, choices)?;
        // The chosen suppliers, each created once from the first invoice that names it.
        let mut created: HashMap<String, (i64, String)> = HashMap::new();
        for offer in &planned.preview.new_suppliers {
            if !choices.create_suppliers.contains(&offer.vat_key) {
                continue;
            }
            let v = offer.input.validate().map_err(|e| {
                e.with("supplier", &offer.vat_key)
                    .with("reason", "supplier_from_invoice")
            })?;
            let id = suppliers::insert(w, &v)?;
            created.insert(offer.vat_key.clone(), (id, v.name.clone()));
        }
        let mut out = InvoiceImportOutcome {
            imported: Vec::new(),
            suppliers_created: i64::try_from(created.len()).unwrap_or(0),
            skipped: Vec::new(),
            refused: Vec::new(),
        };
        for (fi, f) in batch.files.iter().enumerate() {
            let read = match &f.read {
                Ok(r) => r,
                Err(p) => {
                    out.refused.push(p.clone());
                    continue;
                }
            };
            for inv in &read.invoices {
                let item = planned.item(fi, inv.body_index);
                let skip = |reason| SkippedInvoice {
                    file_name: f.name.clone(),
                    body_index: inv.body_index,
                    number: inv.number.clone(),
                    reason,
                };
                let supplier = match item.map(|i| &i.resolved) {
                    Some(Resolved::Duplicate) => {
                        out.skipped.push(skip(SkipReason::Duplicate));
                        continue;
                    }
                    Some(Resolved::DuplicateInBatch) => {
                        out.skipped.push(skip(SkipReason::DuplicateInBatch));
                        continue;
                    }
                    Some(Resolved::Supplier(id, name)) => Some((*id, name.clone())),
                    Some(Resolved::ToCreate(key)) => created.get(key).cloned(),
                    Some(Resolved::None) | None => None,
                };
                let Some((supplier_id, supplier_name)) = supplier else {
                    out.skipped.push(skip(SkipReason::NoSupplier));
                    continue;
                };
                let source = SourceFile {
                    name: &f.name,
                    sha256: &read.sha256,
                    signature: &read.signature,
                };
                let v = new_invoice(inv, supplier_id, &source, &planned.orders);
                let id = invoice_writes::insert(w, &v)?;
                attach_files(w, id, f, read, inv.body_index)?;
                out.imported.push(ImportedInvoice {
                    id,
                    file_name: f.name.clone(),
                    number: v.number,
                    supplier_name,
                });
            }
        }
        Ok(out)
    }
}
