//! Document types table: what kinds of document can be attached, and whether they expire.

use super::tracked::{Naming, Snapshot, Tracked};
use super::ts_parse;
use super::tx::WriteTx;
use crate::domain::catalog::{DocumentType, ValidDocumentType};
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "document_types",
    area: Area::Staff,
    columns: &[
        "id",
        "code",
        "name_it",
        "name_en",
        "name_key",
        "expires",
        "validity_months",
        "active",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Bilingual {
        it: "name_it",
        en: "name_en",
    },
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str =
    "id, code, name_it, name_en, expires, validity_months, active, version, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<DocumentType> {
    Ok(DocumentType {
        id: r.get(0)?,
        code: r.get(1)?,
        name_it: r.get(2)?,
        name_en: r.get(3)?,
        expires: r.get(4)?,
        validity_months: r.get(5)?,
        active: r.get(6)?,
        version: r.get(7)?,
        created_at: ts_parse(&r.get::<_, String>(8)?)?,
        updated_at: ts_parse(&r.get::<_, String>(9)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<DocumentType>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM document_types WHERE id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn by_code(conn: &Connection, code: &str) -> crate::Result<Option<DocumentType>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM document_types WHERE code = ?1"),
            [code],
            from_row,
        )
        .optional()?)
}

/// The whole list, by name. A handful of rows; capped all the same.
pub fn list(conn: &Connection, include_inactive: bool) -> crate::Result<Vec<DocumentType>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM document_types WHERE active = 1 OR ?1 ORDER BY name_key, id LIMIT 1000"
    ))?;
    let rows = stmt.query_map([include_inactive], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn check_unique(w: &WriteTx, name: &str, own_id: i64) -> crate::Result<()> {
    let taken = w
        .conn()
        .query_row(
            "SELECT 1 FROM document_types WHERE name_key = ?1 AND id <> ?2",
            params![fold_key(name), own_id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        return Err(Error::field("name_it", "duplicate"));
    }
    Ok(())
}

pub fn insert(
    w: &WriteTx,
    code: Option<&str>,
    v: &ValidDocumentType,
) -> crate::Result<DocumentType> {
    check_unique(w, &v.name_it, 0)?;
    w.conn().execute(
        "INSERT INTO document_types (code, name_it, name_en, name_key, expires, validity_months, active, version,
                                     created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 1, ?7, ?7)",
        params![code, v.name_it, v.name_en, fold_key(&v.name_it), v.expires, v.validity_months, w.now_text()],
    )?;
    let id = w.conn().last_insert_rowid();
    w.record(&TRACKED, id, ChangeOp::Insert, None)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("document type"))
}

fn current(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<DocumentType> {
    let t = get(w.conn(), id)?.ok_or_else(|| Error::not_found("document type"))?;
    if t.version != expected_version {
        return Err(Error::new(
            ErrorCode::Conflict,
            "document type changed since it was loaded",
        ));
    }
    Ok(t)
}

pub fn update(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &ValidDocumentType,
) -> crate::Result<DocumentType> {
    let t = current(w, id, expected_version)?;
    check_unique(w, &v.name_it, id)?;
    if t.name_it == v.name_it
        && t.name_en == v.name_en
        && t.expires == v.expires
        && t.validity_months == v.validity_months
    {
        return Ok(t);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE document_types SET name_it = ?1, name_en = ?2, name_key = ?3, expires = ?4,
                validity_months = ?5, version = version + 1, updated_at = ?6 WHERE id = ?7",
        params![
            v.name_it,
            v.name_en,
            fold_key(&v.name_it),
            v.expires,
            v.validity_months,
            w.now_text(),
            id
        ],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("document type"))
}

pub fn set_active(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    active: bool,
) -> crate::Result<DocumentType> {
    let t = current(w, id, expected_version)?;
    if t.active == active {
        return Ok(t);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE document_types SET active = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
        params![active, w.now_text(), id],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("document type"))
}
