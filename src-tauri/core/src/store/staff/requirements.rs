//! Requirements table: which document types and courses a job title and/or department requires.

use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{Required, Requirement, ValidRequirement};
use crate::domain::text::fold_key;
use crate::error::{Error, ErrorCode, FieldError};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "requirements",
    guard: Guard::Area(Area::Staff),
    columns: &[
        "id",
        "job_title",
        "job_title_key",
        "department_id",
        "document_type_id",
        "course_id",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("department_id", "departments"),
        ("document_type_id", "document_types"),
        ("course_id", "courses"),
    ],
    naming: Naming::Parts(&[
        Part::FirstRef(&["document_type_id", "course_id"]),
        Part::Text("job_title"),
        Part::Ref("department_id"),
    ]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, job_title, department_id, document_type_id, course_id, version,
    created_at, updated_at";

/// More requirements than this would be a configuration no office keeps.
pub const MAX_REQUIREMENTS: i64 = 5000;

fn from_row(r: &Row) -> rusqlite::Result<Requirement> {
    Ok(Requirement {
        id: r.get(0)?,
        job_title: r.get(1)?,
        department_id: r.get(2)?,
        document_type_id: r.get(3)?,
        course_id: r.get(4)?,
        version: r.get(5)?,
        created_at: ts_parse(&r.get::<_, String>(6)?)?,
        updated_at: ts_parse(&r.get::<_, String>(7)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Requirement>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM requirements WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Every requirement, grouped by job title then department (they are read whole to score).
pub fn list(conn: &Connection) -> crate::Result<Vec<Requirement>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requirements
         ORDER BY job_title_key IS NOT NULL, job_title_key, department_id, id LIMIT {MAX_REQUIREMENTS}"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many requirements ask for this document type or course (`column` is one of the two id
/// columns, never user text).
fn count_pointing_at(conn: &Connection, column: &str, id: i64) -> crate::Result<i64> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM requirements WHERE {column} = ?1"
        ))?
        .query_row([id], |r| r.get(0))?)
}

pub fn count_for_document_type(conn: &Connection, id: i64) -> crate::Result<i64> {
    count_pointing_at(conn, "document_type_id", id)
}

pub fn count_for_course(conn: &Connection, id: i64) -> crate::Result<i64> {
    count_pointing_at(conn, "course_id", id)
}

/// Whether the row exists and is active (`None` when it does not exist).
fn active(w: &WriteTx, table: &str, id: i64) -> crate::Result<Option<bool>> {
    Ok(w.conn()
        .query_row(
            &format!("SELECT active FROM {table} WHERE id = ?1"),
            [id],
            |r| r.get(0),
        )
        .optional()?)
}

fn exists(w: &WriteTx, table: &str, id: i64) -> crate::Result<bool> {
    Ok(w.conn()
        .query_row(
            &format!("SELECT 1 FROM {table} WHERE id = ?1"),
            [id],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub fn insert(w: &WriteTx, v: &ValidRequirement) -> crate::Result<Requirement> {
    let mut errors = Vec::new();
    if let Some(d) = v.department_id {
        if !exists(w, "departments", d)? {
            errors.push(FieldError::new("department_id", "not_found"));
        }
    }
    let (doc, course) = match v.required {
        Required::Document { document_type_id } => (Some(document_type_id), None),
        Required::Course { course_id } => (None, Some(course_id)),
    };
    // A retired type or course cannot be asked of anyone: nobody could attach or record it.
    let target = doc
        .map(|d| ("document_types", d))
        .or(course.map(|c| ("courses", c)));
    if let Some((table, id)) = target {
        match active(w, table, id)? {
            None => errors.push(FieldError::new("required", "not_found")),
            Some(false) => errors.push(FieldError::new("required", "inactive")),
            Some(true) => {}
        }
    }
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    let key = v.job_title.as_deref().map(fold_key);
    let duplicate = w
        .conn()
        .query_row(
            "SELECT 1 FROM requirements
             WHERE job_title_key IS ?1 AND department_id IS ?2 AND document_type_id IS ?3
               AND course_id IS ?4",
            params![key, v.department_id, doc, course],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if duplicate {
        return Err(Error::field("required", "duplicate"));
    }
    let count: i64 = w
        .conn()
        .query_row("SELECT count(*) FROM requirements", [], |r| r.get(0))?;
    if count >= MAX_REQUIREMENTS {
        return Err(Error::field("required", "too_many").with("max", MAX_REQUIREMENTS));
    }
    w.conn().execute(
        "INSERT INTO requirements (job_title, job_title_key, department_id, document_type_id,
                                   course_id, version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, ?6)",
        params![v.job_title, key, v.department_id, doc, course, w.now_text()],
    )?;
    let id = w.conn().last_insert_rowid();
    w.record(&TRACKED, id, ChangeOp::Insert, None)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("requirement"))
}

/// Removes a requirement; returns what it was, so the caller can rescore the people it applied to.
pub fn delete(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<Requirement> {
    let r = get(w.conn(), id)?.ok_or_else(|| Error::not_found("requirement"))?;
    if r.version != expected_version {
        return Err(Error::new(
            ErrorCode::Conflict,
            "requirement changed since it was loaded",
        ));
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn()
        .execute("DELETE FROM requirements WHERE id = ?1", [id])?;
    w.record(&TRACKED, id, ChangeOp::Delete, before)?;
    Ok(r)
}
