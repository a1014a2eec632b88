//! Attachments: the metadata of files that belong to a record of any tracked table, named by
//! (entity, record id); the bytes are in `blobs`. Versions: a renewal inserts the new file and
//! points the old one at it (`superseded_by`). Every change and every read is in history, with
//! the owner named in it, so history shows each row only to those who may read its owner.

use super::dates::{opt_date_at, opt_date_text};
use super::search::SearchIndex;
use super::tracked::{self, Guard, Naming, Part, Snapshot, Tracked};
use super::ts_parse;
use super::tx::WriteTx;
use super::versioned::at_version;
use crate::domain::attachment::{Attachment, ReadKind, ValidMeta};
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::error::{Error, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "attachments",
    guard: Guard::Owner {
        entity: "entity",
        id: "record_id",
    },
    columns: &[
        "id",
        "entity",
        "record_id",
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
        ("type_id", "document_types"),
        ("superseded_by", "attachments"),
    ],
    // "Contratto · Rossi Mario": a file is known by its title and whose it is.
    naming: Naming::Parts(&[Part::Text("title"), Part::Owner]),
    dates: &["issued_on", "expires_on"],
    instants: &["uploaded_at"],
    // Any file may hold personal data: opening and saving one are always recorded.
    personal: true,
    snapshot: Snapshot::new(),
};

/// The `documents` table as schema 11 had it: employees' files, moved into `attachments` with
/// their ids by migration 13. History keeps their earlier changes under this name.
pub static FORMER_DOCUMENTS: Tracked = Tracked {
    entity: "documents",
    guard: Guard::Area(Area::Staff),
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

const COLUMNS: &str = "id, entity, record_id, type_id, title, file_name, mime, size, sha256,
    issued_on, expires_on, superseded_by, uploaded_at, uploaded_by, version, updated_at";

/// No record holds more versions than this; the list is capped all the same.
pub const MAX_PER_RECORD: i64 = 10_000;

fn from_row(r: &Row) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: r.get(0)?,
        entity: r.get(1)?,
        record_id: r.get(2)?,
        type_id: r.get(3)?,
        title: r.get(4)?,
        file_name: r.get(5)?,
        mime: r.get(6)?,
        size: r.get(7)?,
        sha256: r.get(8)?,
        issued_on: opt_date_at(r, 9)?,
        expires_on: opt_date_at(r, 10)?,
        superseded_by: r.get(11)?,
        uploaded_at: ts_parse(&r.get::<_, String>(12)?)?,
        uploaded_by: r.get(13)?,
        version: r.get(14)?,
        updated_at: ts_parse(&r.get::<_, String>(15)?)?,
    })
}

/// The table whose records `entity` names and its area, if attachments may belong to them: a
/// tracked table guarded by an area of its own. Anything else is refused, never given a default.
pub fn owner_table(entity: &str) -> crate::Result<(&'static Tracked, Area)> {
    tracked::table(entity)
        .and_then(|t| Some((t, t.area()?)))
        .ok_or_else(|| {
            Error::new(
                ErrorCode::NotFound,
                format!("records of {entity:?} cannot have attachments"),
            )
            .with("entity", entity)
        })
}

/// Whether record `id` of `owner` exists.
pub fn record_exists(conn: &Connection, owner: &Tracked, id: i64) -> crate::Result<bool> {
    // The table name comes from a declaration, never from the caller's text.
    Ok(conn
        .prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1", owner.entity))?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Attachment>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM attachments WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// All of a record's attachments, every version: current ones first, then by kind and newest.
pub fn for_record(
    conn: &Connection,
    entity: &str,
    record_id: i64,
) -> crate::Result<Vec<Attachment>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments WHERE entity = ?1 AND record_id = ?2
         ORDER BY superseded_by IS NOT NULL, type_id, uploaded_at DESC, id DESC
         LIMIT {MAX_PER_RECORD}"
    ))?;
    let rows = stmt.query_map(params![entity, record_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether any attachment still points at this content.
pub fn content_in_use(conn: &Connection, sha256: &str) -> crate::Result<bool> {
    let attached = conn
        .query_row(
            "SELECT 1 FROM attachments WHERE sha256 = ?1 LIMIT 1",
            [sha256],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    // The organisation's logo shares the store: the same picture attached and removed stays.
    Ok(attached || super::organisation::logo_uses(conn, sha256)?)
}

/// A file copied into the app's store, ready to be recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub sha256: String,
    pub size: i64,
    pub mime: String,
    pub file_name: String,
}

/// The record a new attachment belongs to.
#[derive(Clone, Copy)]
pub struct Owner<'a> {
    pub table: &'a Tracked,
    pub record_id: i64,
}

fn insert_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "INSERT INTO attachments (entity, record_id, type_id, title, file_name, mime, size,
                                      sha256, issued_on, expires_on, uploaded_at, uploaded_by,
                                      version, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, 1, ?11)
             RETURNING id, {}",
            TRACKED.snapshot_sql()
        )
    })
}

/// Records a stored file as a new attachment of `owner`. The history snapshot comes back from
/// the INSERT and the returned value is built from what was written (nothing read back). The
/// caller has checked that the record exists and that `type_id` is one of its kinds.
pub fn insert(
    w: &WriteTx,
    owner: Owner,
    type_id: Option<i64>,
    meta: &ValidMeta,
    file: &StoredFile,
) -> crate::Result<Attachment> {
    let now = w.now_text();
    let (id, after): (i64, String) = w.conn().prepare_cached(insert_sql())?.query_row(
        params![
            owner.table.entity,
            owner.record_id,
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
    w.reindex(SearchIndex::Attachments, id, false)?;
    w.record_returned(&TRACKED, id, ChangeOp::Insert, None, &after)?;
    let at = ts_parse(&now)?;
    Ok(Attachment {
        id,
        entity: owner.table.entity.to_owned(),
        record_id: owner.record_id,
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
    let a = at_version(get(w.conn(), old_id)?, "attachment", Some(expected_version))?;
    if a.superseded_by.is_some() {
        return Err(Error::new(
            ErrorCode::Conflict,
            "this version was already renewed",
        ));
    }
    let before = w.snapshot(&TRACKED, old_id)?;
    w.conn().execute(
        "UPDATE attachments SET superseded_by = ?1, version = version + 1, updated_at = ?2
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
    meta: &ValidMeta,
) -> crate::Result<Attachment> {
    let a = at_version(get(w.conn(), id)?, "attachment", Some(expected_version))?;
    if a.title == meta.title && a.issued_on == meta.issued_on && a.expires_on == meta.expires_on {
        return Ok(a);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE attachments SET title = ?1, issued_on = ?2, expires_on = ?3,
                version = version + 1, updated_at = ?4 WHERE id = ?5",
        params![
            meta.title,
            opt_date_text(meta.issued_on),
            opt_date_text(meta.expires_on),
            w.now_text(),
            id
        ],
    )?;
    w.reindex(SearchIndex::Attachments, id, true)?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("attachment"))
}

/// Removes an attachment added by mistake. Only the current version can go; the version it
/// replaced (if any) becomes current again. Whatever else cites it (a training certificate) is
/// its owner's rule, checked by the caller first.
pub fn delete(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<Attachment> {
    let a = at_version(get(w.conn(), id)?, "attachment", Some(expected_version))?;
    if a.superseded_by.is_some() {
        return Err(Error::field("id", "superseded"));
    }
    let previous: Option<i64> = w
        .conn()
        .query_row(
            "SELECT id FROM attachments WHERE superseded_by = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(p) = previous {
        let before = w.snapshot(&TRACKED, p)?;
        w.conn().execute(
            "UPDATE attachments SET superseded_by = NULL, version = version + 1, updated_at = ?1
             WHERE id = ?2",
            params![w.now_text(), p],
        )?;
        w.record(&TRACKED, p, ChangeOp::Update, before)?;
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn()
        .execute("DELETE FROM attachments WHERE id = ?1", [id])?;
    w.reindex(SearchIndex::Attachments, id, true)?;
    w.record(&TRACKED, id, ChangeOp::Delete, before)?;
    Ok(a)
}

/// Records that `a` was read (opened, saved as a copy). The entry names the owner, as every
/// change of an attachment does, so it is shown to those who may read the owner.
pub fn record_read(w: &WriteTx, a: &Attachment, how: ReadKind) -> crate::Result<()> {
    let detail = serde_json::json!({
        "kind": "read",
        "how": how.as_str(),
        "entity": a.entity,
        "record_id": a.record_id,
    });
    w.record_read(&TRACKED, a.id, &detail)
}
