//! What an audit covers: its departments, its auditees, its assets and its suppliers, one
//! row each.

use crate::domain::audits::about::{RecordAudit, RecordFinding};
use crate::domain::audits::audit::{AuditStatus, ScopeRecord};
use crate::domain::audits::finding::{FindingStatus, Severity};
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "audit_scope",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "audit_id",
        "entity",
        "record_id",
        "version",
        "created_at",
    ],
    references: &[("audit_id", "audits")],
    naming: Naming::Parts(&[
        Part::Ref("audit_id"),
        Part::Text("entity"),
        Part::Text("record_id"),
    ]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The kinds of record a scope lists, with how each is named.
fn name_sql(entity: &str) -> crate::Result<&'static str> {
    match entity {
        "departments" => Ok("SELECT name FROM departments WHERE id = s.record_id"),
        "employees" => {
            Ok("SELECT last_name || ' ' || first_name FROM employees WHERE id = s.record_id")
        }
        "assets" => Ok("SELECT tag || ' · ' || name FROM assets WHERE id = s.record_id"),
        "suppliers" => Ok("SELECT name FROM suppliers WHERE id = s.record_id"),
        _ => Err(Error::internal(format!("audit scope: {entity}"))),
    }
}

/// An audit's records of one kind, by name.
pub fn records(conn: &Connection, audit_id: i64, entity: &str) -> crate::Result<Vec<ScopeRecord>> {
    let sql = format!(
        "SELECT s.record_id, coalesce(({}), '#' || s.record_id) AS name FROM audit_scope s
         WHERE s.audit_id = ?1 AND s.entity = ?2 ORDER BY lower(name) LIMIT 1000",
        name_sql(entity)?
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![audit_id, entity], |r| {
        Ok(ScopeRecord {
            id: r.get(0)?,
            name: r.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Makes the audit's records of `entity` exactly `ids`; an id that names no record is a field
/// error on `field`.
pub fn set(
    w: &WriteTx,
    audit_id: i64,
    entity: &str,
    ids: &[i64],
    field: &str,
) -> crate::Result<()> {
    let exists_sql = match entity {
        "departments" => "SELECT 1 FROM departments WHERE id = ?1",
        "employees" => "SELECT 1 FROM employees WHERE id = ?1",
        "assets" => "SELECT 1 FROM assets WHERE id = ?1",
        "suppliers" => "SELECT 1 FROM suppliers WHERE id = ?1",
        _ => return Err(Error::internal(format!("audit scope: {entity}"))),
    };
    for id in ids {
        let found = w.conn().prepare_cached(exists_sql)?.exists([id])?;
        if !found {
            return Err(Error::validation(vec![
                FieldError::new(field, "not_found").with("id", id)
            ]));
        }
    }
    let mut stmt = w.conn().prepare_cached(
        "SELECT id, record_id FROM audit_scope WHERE audit_id = ?1 AND entity = ?2 LIMIT 100000",
    )?;
    let current: Vec<(i64, i64)> = stmt
        .query_map(rusqlite::params![audit_id, entity], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (row, record) in &current {
        if !ids.contains(record) {
            recorded::delete(w, &TRACKED, *row)?;
        }
    }
    for id in ids {
        if !current.iter().any(|(_, r)| r == id) {
            let entity = entity.to_owned();
            recorded::insert(
                w,
                &TRACKED,
                &vec![
                    ("audit_id", &audit_id as &dyn ToSql),
                    ("entity", &entity),
                    ("record_id", id),
                ],
            )?;
        }
    }
    Ok(())
}

/// The audits, visible to `who`, whose scope lists the record or with a finding about it,
/// newest first.
pub fn audits_of_record(
    conn: &Connection,
    entity: &str,
    record_id: i64,
    who: super::audit::Visibility,
) -> crate::Result<Vec<RecordAudit>> {
    // Everyone's view still binds ?3, so the statement's parameters are the same for both.
    let (cond, v) = who.condition().unwrap_or(("?V = 0", 0));
    let cond = cond.replace("?V", "?3");
    let sql = format!(
        "SELECT a.id, a.title, a.status, a.planned_start, NULL, NULL, NULL, NULL, NULL
         FROM audit_scope s JOIN audits a ON a.id = s.audit_id
         WHERE s.entity = ?1 AND s.record_id = ?2 AND {cond}
         UNION ALL
         SELECT a.id, a.title, a.status, a.planned_start, f.id, f.number, f.title, f.severity,
                f.status
         FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE f.subject_entity = ?1 AND f.subject_id = ?2 AND {cond}
         ORDER BY 4 DESC, 1 DESC, 6 LIMIT 200"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params![entity, record_id, v], |r| {
        let text = |i: usize, s: String| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                format!("unknown value {s}").into(),
            )
        };
        let status: String = r.get(2)?;
        let finding = match r.get::<_, Option<i64>>(4)? {
            None => None,
            Some(id) => {
                let severity: String = r.get(7)?;
                let fstatus: String = r.get(8)?;
                Some(RecordFinding {
                    id,
                    number: r.get(5)?,
                    title: r.get(6)?,
                    severity: Severity::parse(&severity).ok_or_else(|| text(7, severity))?,
                    status: FindingStatus::parse(&fstatus).ok_or_else(|| text(8, fstatus))?,
                })
            }
        };
        Ok(RecordAudit {
            audit_id: r.get(0)?,
            title: r.get(1)?,
            status: AuditStatus::parse(&status).ok_or_else(|| text(2, status))?,
            planned_start: crate::store::dates::date_at(r, 3)?,
            finding,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
