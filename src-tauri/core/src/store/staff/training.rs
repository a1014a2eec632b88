//! Training records table: courses an employee completed, with the computed expiry.

use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::staff::completeness::TrainingFact;
use crate::domain::staff::document::{TrainingRecord, ValidTraining};
use crate::error::{Error, FieldError};
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "training_records",
    guard: Guard::Area(Area::Staff),
    columns: &[
        "id",
        "employee_id",
        "course_id",
        "completed_on",
        "provider",
        "certificate_document_id",
        "expires_on",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("employee_id", "employees"),
        ("course_id", "courses"),
        ("certificate_document_id", "attachments"),
    ],
    naming: Naming::Parts(&[Part::Ref("course_id"), Part::Ref("employee_id")]),
    dates: &["completed_on", "expires_on"],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, employee_id, course_id, completed_on, provider, certificate_document_id,
    expires_on, notes, version, created_at, updated_at";

pub const MAX_PER_EMPLOYEE: i64 = 10_000;

fn from_row(r: &Row) -> rusqlite::Result<TrainingRecord> {
    Ok(TrainingRecord {
        id: r.get(0)?,
        employee_id: r.get(1)?,
        course_id: r.get(2)?,
        completed_on: date_at(r, 3)?,
        provider: r.get(4)?,
        certificate_document_id: r.get(5)?,
        expires_on: opt_date_at(r, 6)?,
        notes: r.get(7)?,
        version: r.get(8)?,
        created_at: ts_parse(&r.get::<_, String>(9)?)?,
        updated_at: ts_parse(&r.get::<_, String>(10)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<TrainingRecord>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM training_records WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// An employee's training, newest first.
pub fn for_employee(conn: &Connection, employee_id: i64) -> crate::Result<Vec<TrainingRecord>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM training_records WHERE employee_id = ?1
         ORDER BY completed_on DESC, id DESC LIMIT {MAX_PER_EMPLOYEE}"
    ))?;
    let rows = stmt.query_map([employee_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn facts(conn: &Connection, employee_id: i64) -> crate::Result<Vec<TrainingFact>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, course_id, completed_on, expires_on FROM training_records
         WHERE employee_id = ?1 LIMIT {MAX_PER_EMPLOYEE}"
    ))?;
    let rows = stmt.query_map([employee_id], |r| {
        Ok(TrainingFact {
            id: r.get(0)?,
            course_id: r.get(1)?,
            completed_on: date_at(r, 2)?,
            expires_on: opt_date_at(r, 3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether a training record cites attachment `id` as its certificate.
pub fn cites(conn: &Connection, id: i64) -> crate::Result<bool> {
    Ok(conn
        .prepare_cached(
            "SELECT 1 FROM training_records WHERE certificate_document_id = ?1 LIMIT 1",
        )?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The certificate must be a document of the same employee.
fn check_certificate(w: &WriteTx, employee_id: i64, v: &ValidTraining) -> crate::Result<()> {
    if let Some(doc) = v.certificate_document_id {
        let owner: Option<i64> = w
            .conn()
            .prepare_cached(
                "SELECT record_id FROM attachments WHERE id = ?1 AND entity = 'employees'",
            )?
            .query_row([doc], |r| r.get(0))
            .optional()?;
        if owner != Some(employee_id) {
            return Err(Error::validation(vec![FieldError::new(
                "certificate_document_id",
                "not_found",
            )]));
        }
    }
    Ok(())
}

fn insert_sql() -> &'static str {
    static SQL: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    SQL.get_or_init(|| {
        format!(
            "INSERT INTO training_records (employee_id, course_id, completed_on, provider,
                    certificate_document_id, expires_on, notes, version, created_at, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 1, ?8, ?8)
             RETURNING id, {}",
            TRACKED.snapshot_sql()
        )
    })
}

/// Records completed training. The history snapshot comes back from the INSERT and the returned
/// value is built from what was written (nothing read back).
pub fn insert(w: &WriteTx, employee_id: i64, v: &ValidTraining) -> crate::Result<TrainingRecord> {
    check_certificate(w, employee_id, v)?;
    let now = w.now_text();
    let (id, after): (i64, String) = w.conn().prepare_cached(insert_sql())?.query_row(
        params![
            employee_id,
            v.course_id,
            date_text(v.completed_on),
            v.provider,
            v.certificate_document_id,
            opt_date_text(v.expires_on),
            v.notes,
            now
        ],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    w.record_returned(&TRACKED, id, ChangeOp::Insert, None, &after)?;
    let at = ts_parse(&now)?;
    Ok(TrainingRecord {
        id,
        employee_id,
        course_id: v.course_id,
        completed_on: v.completed_on,
        provider: v.provider.clone(),
        certificate_document_id: v.certificate_document_id,
        expires_on: v.expires_on,
        notes: v.notes.clone(),
        version: 1,
        created_at: at,
        updated_at: at,
    })
}

pub fn update(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &ValidTraining,
) -> crate::Result<TrainingRecord> {
    let t = at_version(get(w.conn(), id)?, "training record", expected_version)?;
    check_certificate(w, t.employee_id, v)?;
    let same = t.course_id == v.course_id
        && t.completed_on == v.completed_on
        && t.provider == v.provider
        && t.certificate_document_id == v.certificate_document_id
        && t.expires_on == v.expires_on
        && t.notes == v.notes;
    if same {
        return Ok(t);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE training_records SET course_id = ?1, completed_on = ?2, provider = ?3,
                certificate_document_id = ?4, expires_on = ?5, notes = ?6,
                version = version + 1, updated_at = ?7
         WHERE id = ?8",
        params![
            v.course_id,
            date_text(v.completed_on),
            v.provider,
            v.certificate_document_id,
            opt_date_text(v.expires_on),
            v.notes,
            w.now_text(),
            id
        ],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("training record"))
}

pub fn delete(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<TrainingRecord> {
    let t = at_version(get(w.conn(), id)?, "training record", expected_version)?;
    let before = w.snapshot(&TRACKED, id)?;
    w.conn()
        .execute("DELETE FROM training_records WHERE id = ?1", [id])?;
    w.record(&TRACKED, id, ChangeOp::Delete, before)?;
    Ok(t)
}
