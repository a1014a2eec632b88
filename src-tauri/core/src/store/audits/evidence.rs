//! Evidence records and their links to audit items. A link names the file version it was made
//! with, so renewing the evidence later never changes what an audit relied on.

use crate::domain::audits::evidence::{Evidence, EvidenceQuery, ValidEvidence};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::dates::opt_date_at;
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{like_pattern, ts_parse};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "evidence",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "title",
        "title_key",
        "owner_employee_id",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("owner_employee_id", "employees")],
    naming: Naming::Field("title"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static LINKS: Tracked = Tracked {
    entity: "audit_evidence",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "result_id",
        "evidence_id",
        "attachment_id",
        "version",
        "created_at",
    ],
    references: &[
        ("result_id", "audit_results"),
        ("evidence_id", "evidence"),
        ("attachment_id", "attachments"),
    ],
    naming: Naming::Parts(&[Part::Ref("evidence_id"), Part::Ref("result_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The newest file of an evidence record (not superseded).
const CURRENT_FILE: &str = "(SELECT f.id FROM attachments f WHERE f.entity = 'evidence'
    AND f.record_id = e.id AND f.superseded_by IS NULL ORDER BY f.id DESC LIMIT 1)";

fn columns() -> String {
    format!(
        "e.id, e.title, e.owner_employee_id, (SELECT last_name || ' ' || first_name FROM employees
         WHERE id = e.owner_employee_id), e.notes, f.id, f.file_name, f.issued_on, f.expires_on,
         (SELECT count(*) FROM audit_evidence l WHERE l.evidence_id = e.id), e.version,
         e.created_at, e.updated_at
         FROM evidence e LEFT JOIN attachments f ON f.id = {CURRENT_FILE}"
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        id: r.get(0)?,
        title: r.get(1)?,
        owner_employee_id: r.get(2)?,
        owner_name: r.get(3)?,
        notes: r.get(4)?,
        file_id: r.get(5)?,
        file_name: r.get(6)?,
        effective_on: opt_date_at(r, 7)?,
        expires_on: opt_date_at(r, 8)?,
        links: r.get(9)?,
        version: r.get(10)?,
        created_at: ts_parse(&r.get::<_, String>(11)?)?,
        updated_at: ts_parse(&r.get::<_, String>(12)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Evidence>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {} WHERE e.id = ?1", columns()))?
        .query_row([id], from_row)
        .optional()?)
}

/// Evidence by title, for the picker and the evidence list.
pub fn list(conn: &Connection, q: &EvidenceQuery) -> crate::Result<Page<Evidence>> {
    let (offset, limit) = q.page.clamped();
    let mut filter = String::from(" WHERE 1=1");
    let mut args: Vec<Value> = Vec::new();
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        filter.push_str(" AND e.title_key LIKE ?1 ESCAPE '\\'");
        args.push(Value::Text(like_pattern(&s)));
    }
    let total = count_rows(conn, "evidence e", &filter, &args)?;
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let sql = format!(
        "SELECT {} {filter} ORDER BY e.title_key, e.id LIMIT ?{} OFFSET ?{}",
        columns(),
        n + 1,
        n + 2
    );
    let items = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

fn values(v: &ValidEvidence) -> Vec<(&'static str, &dyn ToSql)> {
    vec![
        ("title", &v.title as &dyn ToSql),
        ("title_key", &v.title_key),
        ("owner_employee_id", &v.owner_employee_id),
        ("notes", &v.notes),
    ]
}

fn check_owner(w: &WriteTx, v: &ValidEvidence) -> crate::Result<()> {
    if let Some(id) = v.owner_employee_id {
        if !w
            .conn()
            .prepare_cached("SELECT 1 FROM employees WHERE id = ?1")?
            .exists([id])?
        {
            return Err(Error::validation(vec![FieldError::new(
                "owner_employee_id",
                "not_found",
            )]));
        }
    }
    Ok(())
}

pub fn insert(w: &WriteTx, v: &ValidEvidence) -> crate::Result<i64> {
    check_owner(w, v)?;
    recorded::insert(w, &TRACKED, &values(v))
}

pub fn update(w: &WriteTx, id: i64, v: &ValidEvidence) -> crate::Result<()> {
    check_owner(w, v)?;
    recorded::update(w, &TRACKED, id, &values(v))?;
    Ok(())
}

/// The evidence's current file, if it has one.
pub fn current_file(conn: &Connection, evidence_id: i64) -> crate::Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM attachments WHERE entity = 'evidence' AND record_id = ?1
             AND superseded_by IS NULL ORDER BY id DESC LIMIT 1",
        )?
        .query_row([evidence_id], |r| r.get(0))
        .optional()?)
}

/// Links the evidence's current file to a result; an evidence without a file cannot support
/// anything yet. Linking twice keeps the first link.
pub fn link(w: &WriteTx, result_id: i64, evidence_id: i64) -> crate::Result<i64> {
    let file = current_file(w.conn(), evidence_id)?
        .ok_or_else(|| Error::validation(vec![FieldError::new("evidence_id", "no_file")]))?;
    let existing: Option<i64> = w
        .conn()
        .prepare_cached("SELECT id FROM audit_evidence WHERE result_id = ?1 AND evidence_id = ?2")?
        .query_row([result_id, evidence_id], |r| r.get(0))
        .optional()?;
    if let Some(id) = existing {
        return Ok(id);
    }
    recorded::insert(
        w,
        &LINKS,
        &vec![
            ("result_id", &result_id as &dyn ToSql),
            ("evidence_id", &evidence_id),
            ("attachment_id", &file),
        ],
    )
}

/// A link's checklist item and audit: (item id, audit id).
pub fn link_owner(conn: &Connection, link_id: i64) -> crate::Result<Option<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT r.item_id, r.audit_id FROM audit_evidence l JOIN audit_results r ON r.id = l.result_id
             WHERE l.id = ?1",
        )?
        .query_row([link_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

pub fn unlink(w: &WriteTx, link_id: i64) -> crate::Result<()> {
    recorded::delete(w, &LINKS, link_id)
}
