//! Documents table: the metadata of files attached to employees (the bytes are in `blobs`).

use super::dates::{opt_date_at, opt_date_text};
use super::search::SearchIndex;
use super::tracked::{Naming, Snapshot, Tracked};
use super::ts_parse;
use super::tx::WriteTx;
use super::versioned::at_version;
use crate::domain::document::{Document, ValidDocumentMeta};
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::staff::completeness::DocFact;
use crate::error::{Error, ErrorCode, FieldError};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "documents",
    area: Area::Staff,
    columns: &[
        "id",
        "employee_id",
        "type_id",
        "title",
        "file_name",
        "mime",
        "size",
        "sha256",
        "issued_on",
        "expires_on",
        "superseded_by",
        "uploaded_at",
        "uploaded_by",
        "version",
        "updated_at",
    ],
    references: &[
        ("employee_id", "employees"),
        ("type_id", "document_types"),
        ("superseded_by", "documents"),
    ],
    naming: Naming::Field("title"),
    dates: &["issued_on", "expires_on"],
    instants: &["uploaded_at"],
    personal: true,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, employee_id, type_id, title, file_name, mime, size, sha256, issued_on,
    expires_on, superseded_by, uploaded_at, uploaded_by, version, updated_at";

/// No employee file holds more versions than this; the list is capped all the same.
pub const MAX_PER_EMPLOYEE: i64 = 10_000;

fn from_row(r: &Row) -> rusqlite::Result<Document> {
    Ok(Document {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        type_id: r.get(2)?,
        title: r.get(3)?,
        file_name: r.get(4)?,
        mime: r.get(5)?,
        size: r.get(6)?,
        sha256: r.get(7)?,
        issued_on: opt_date_at(r, 8)?,
        expires_on: opt_date_at(r, 9)?,
        superseded_by: r.get(10)?,
        uploaded_at: ts_parse(&r.get::<_, String>(11)?)?,
        uploaded_by: r.get(12)?,
        version: r.get(13)?,
        updated_at: ts_parse(&r.get::<_, String>(14)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Document>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// All of an employee's documents, every version: current ones first, then by type and newest.
pub fn for_employee(conn: &Connection, employee_id: i64) -> crate::Result<Vec<Document>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM documents WHERE employee_id = ?1
         ORDER BY superseded_by IS NOT NULL, type_id, uploaded_at DESC, id DESC
         LIMIT {MAX_PER_EMPLOYEE}"
    ))?;
    let rows = stmt.query_map([employee_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The current (not superseded) documents, as completeness needs them.
pub fn current_facts(conn: &Connection, employee_id: i64) -> crate::Result<Vec<DocFact>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, type_id, expires_on FROM documents
         WHERE employee_id = ?1 AND superseded_by IS NULL LIMIT {MAX_PER_EMPLOYEE}"
    ))?;
    let rows = stmt.query_map([employee_id], |r| {
        Ok(DocFact {
            id: r.get(0)?,
            type_id: r.get(1)?,
            expires_on: opt_date_at(r, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether any document still points at this content.
pub fn content_in_use(conn: &Connection, sha256: &str) -> crate::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM documents WHERE sha256 = ?1 LIMIT 1",
            [sha256],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

/// A file copied into the app's store, ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub size: i64,
    pub mime: String,
    pub file_name: String,
}

fn insert_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "INSERT INTO documents (employee_id, type_id, title, file_name, mime, size, sha256,
                                    issued_on, expires_on, uploaded_at, uploaded_by, version,
                                    updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?10)
             RETURNING id, {}",
            TRACKED.snapshot_sql()
        )
    })
}

/// Records a stored file as a new document of the employee. The history snapshot comes back
/// from the INSERT and the returned value is built from what was written (nothing read back).
pub fn insert(
    w: &WriteTx,
    employee_id: i64,
    type_id: i64,
    meta: &ValidDocumentMeta,
    file: &StoredFile,
) -> crate::Result<Document> {
    let now = w.now_text();
    let (id, after): (i64, String) = w.conn().prepare_cached(insert_sql())?.query_row(
        params![
            employee_id,
            type_id,
            meta.title,
            file.file_name,
            file.mime,
            file.size,
            file.sha256,
            opt_date_text(meta.issued_on),
            opt_date_text(meta.expires_on),
            now,
            w.actor()
        ],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    w.reindex(SearchIndex::Documents, id, false)?;
    w.record_returned(&TRACKED, id, ChangeOp::Insert, None, &after)?;
    let at = ts_parse(&now)?;
    Ok(Document {
        id,
        employee_id,
        type_id,
        title: meta.title.clone(),
        file_name: file.file_name.clone(),
        mime: file.mime.clone(),
        size: file.size,
        sha256: file.sha256.clone(),
        issued_on: meta.issued_on,
        expires_on: meta.expires_on,
        superseded_by: None,
        uploaded_at: at,
        uploaded_by: w.actor().to_owned(),
        version: 1,
        updated_at: at,
    })
}

/// Marks `old_id` as replaced by `new_id` (a renewal). Only a current version can be renewed.
pub fn supersede(
    w: &WriteTx,
    old_id: i64,
    expected_version: i64,
    new_id: i64,
) -> crate::Result<()> {
    let d = at_version(get(w.conn(), old_id)?, "document", Some(expected_version))?;
    if d.superseded_by.is_some() {
        return Err(Error::new(
            ErrorCode::Conflict,
            "this version was already renewed",
        ));
    }
    let before = w.snapshot(&TRACKED, old_id)?;
    w.conn().execute(
        "UPDATE documents SET superseded_by = ?1, version = version + 1, updated_at = ?2
         WHERE id = ?3",
        params![new_id, w.now_text(), old_id],
    )?;
    w.record(&TRACKED, old_id, ChangeOp::Update, before)?;
    Ok(())
}

/// Corrects title and dates.
pub fn update_meta(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    meta: &ValidDocumentMeta,
) -> crate::Result<Document> {
    let d = at_version(get(w.conn(), id)?, "document", Some(expected_version))?;
    if d.title == meta.title && d.issued_on == meta.issued_on && d.expires_on == meta.expires_on {
        return Ok(d);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE documents SET title = ?1, issued_on = ?2, expires_on = ?3, version = version + 1,
                updated_at = ?4 WHERE id = ?5",
        params![
            meta.title,
            opt_date_text(meta.issued_on),
            opt_date_text(meta.expires_on),
            w.now_text(),
            id
        ],
    )?;
    w.reindex(SearchIndex::Documents, id, true)?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("document"))
}

/// Removes a document attached by mistake. Only the current version can go; the version it
/// replaced (if any) becomes current again. Refused while a training record cites it.
pub fn delete(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<Document> {
    let d = at_version(get(w.conn(), id)?, "document", Some(expected_version))?;
    if d.superseded_by.is_some() {
        return Err(Error::field("id", "superseded"));
    }
    let cited = w
        .conn()
        .query_row(
            "SELECT 1 FROM training_records WHERE certificate_document_id = ?1 LIMIT 1",
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if cited {
        return Err(Error::validation(vec![FieldError::new("id", "in_use")]));
    }
    let previous: Option<i64> = w
        .conn()
        .query_row(
            "SELECT id FROM documents WHERE superseded_by = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(p) = previous {
        let before = w.snapshot(&TRACKED, p)?;
        w.conn().execute(
            "UPDATE documents SET superseded_by = NULL, version = version + 1, updated_at = ?1
             WHERE id = ?2",
            params![w.now_text(), p],
        )?;
        w.record(&TRACKED, p, ChangeOp::Update, before)?;
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn()
        .execute("DELETE FROM documents WHERE id = ?1", [id])?;
    w.reindex(SearchIndex::Documents, id, true)?;
    w.record(&TRACKED, id, ChangeOp::Delete, before)?;
    Ok(d)
}
