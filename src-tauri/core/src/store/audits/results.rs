//! Item results of an audit: one row per item once it is assessed or given evidence.

use crate::domain::audits::finding::{FindingStatus, Severity};
use crate::domain::audits::result::{FindingRef, ItemResult, LinkedEvidence, Outcome, ValidResult};
use crate::domain::audits::template::MAX_ITEMS;
use crate::domain::permissions::Area;
use crate::error::Error;
use crate::store::dates::opt_date_at;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, ToSql};
use std::collections::HashMap;

pub static TRACKED: Tracked = Tracked {
    entity: "audit_results",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "audit_id",
        "item_id",
        "result",
        "na_reason",
        "notes",
        "assessed_by",
        "assessed_at",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("audit_id", "audits"), ("item_id", "audit_checklist_items")],
    naming: Naming::Parts(&[Part::Ref("item_id"), Part::Ref("audit_id")]),
    dates: &[],
    instants: &["assessed_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The result row of an item in an audit, if it has one: (id, version).
pub fn find(conn: &Connection, audit_id: i64, item_id: i64) -> crate::Result<Option<(i64, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, version FROM audit_results WHERE audit_id = ?1 AND item_id = ?2",
        )?
        .query_row([audit_id, item_id], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?)
}

/// The item's result row, made empty when it has none yet.
pub fn ensure(w: &WriteTx, audit_id: i64, item_id: i64) -> crate::Result<i64> {
    if let Some((id, _)) = find(w.conn(), audit_id, item_id)? {
        return Ok(id);
    }
    recorded::insert(
        w,
        &TRACKED,
        &vec![("audit_id", &audit_id as &dyn ToSql), ("item_id", &item_id)],
    )
}

/// An item's outcome, reason, assessor and time as stored.
type Assessment = (
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// Writes an item's result; `expected` is the version the form loaded (0: no row yet).
pub fn assess(
    w: &WriteTx,
    audit_id: i64,
    item_id: i64,
    expected: i64,
    v: &ValidResult,
) -> crate::Result<i64> {
    let current = find(w.conn(), audit_id, item_id)?;
    if current.map_or(0, |c| c.1) != expected {
        return Err(Error::new(
            crate::error::ErrorCode::Conflict,
            "the item's result changed since it was loaded",
        ));
    }
    let id = ensure(w, audit_id, item_id)?;
    let outcome = v.outcome.map(|o| o.as_str().to_owned());
    let (by, at) = match v.outcome {
        Some(_) => (Some(w.actor().to_owned()), Some(w.now_text())),
        None => (None, None),
    };
    // Who assessed and when move only when the outcome or the reason does: a note added later
    // does not make someone else the assessor.
    let same_outcome: Option<Assessment> = w
        .conn()
        .query_row(
            "SELECT result, na_reason, assessed_by, assessed_at FROM audit_results WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let (by, at) = match same_outcome {
        Some((o, reason, old_by, old_at)) if o == outcome && reason == v.na_reason => {
            (old_by, old_at)
        }
        _ => (by, at),
    };
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("result", &outcome as &dyn ToSql),
            ("na_reason", &v.na_reason),
            ("notes", &v.notes),
            ("assessed_by", &by),
            ("assessed_at", &at),
        ],
    )?;
    Ok(id)
}

fn parse_outcome(s: Option<String>) -> Option<Outcome> {
    s.as_deref().and_then(Outcome::parse)
}

/// (section, weight, outcome) of every item of the audit's checklist, in order: what scores it.
pub fn scoring(
    conn: &Connection,
    audit_id: i64,
    version_id: i64,
) -> crate::Result<Vec<(String, i64, Option<Outcome>)>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.section, i.weight, r.result FROM audit_checklist_items i
         LEFT JOIN audit_results r ON r.item_id = i.id AND r.audit_id = ?1
         WHERE i.version_id = ?2 ORDER BY i.position, i.id LIMIT {MAX_ITEMS}"
    ))?;
    let rows = stmt.query_map([audit_id, version_id], |r| {
        Ok((r.get(0)?, r.get(1)?, parse_outcome(r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Every item of the audit with its result, evidence and findings, in checklist order: three
/// queries whatever the number of items.
pub fn items(conn: &Connection, audit_id: i64, version_id: i64) -> crate::Result<Vec<ItemResult>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT i.id, i.position, i.section, i.code, i.requirement, i.reference, i.guidance,
                i.evidence_expected, i.weight, r.id, r.result, r.na_reason, r.notes,
                r.assessed_by, r.assessed_at, coalesce(r.version, 0)
         FROM audit_checklist_items i
         LEFT JOIN audit_results r ON r.item_id = i.id AND r.audit_id = ?1
         WHERE i.version_id = ?2 ORDER BY i.position, i.id LIMIT {MAX_ITEMS}"
    ))?;
    let mut out = stmt
        .query_map([audit_id, version_id], |r| {
            Ok(ItemResult {
                item_id: r.get(0)?,
                position: r.get(1)?,
                section: r.get(2)?,
                code: r.get(3)?,
                requirement: r.get(4)?,
                reference: r.get(5)?,
                guidance: r.get(6)?,
                evidence_expected: r.get(7)?,
                weight: r.get(8)?,
                result_id: r.get(9)?,
                outcome: parse_outcome(r.get(10)?),
                na_reason: r.get(11)?,
                notes: r.get(12)?,
                assessed_by: r.get(13)?,
                assessed_at: r
                    .get::<_, Option<String>>(14)?
                    .map(|s| ts_parse(&s))
                    .transpose()?,
                version: r.get(15)?,
                evidence: Vec::new(),
                findings: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let at: HashMap<i64, usize> = out
        .iter()
        .enumerate()
        .filter_map(|(i, x)| x.result_id.map(|r| (r, i)))
        .collect();
    for (result_id, e) in evidence_of_audit(conn, audit_id)? {
        if let Some(&i) = at.get(&result_id) {
            out[i].evidence.push(e);
        }
    }
    let mut stmt = conn.prepare_cached(
        "SELECT result_id, id, number, severity, status FROM findings
         WHERE audit_id = ?1 AND result_id IS NOT NULL ORDER BY number LIMIT 100000",
    )?;
    let rows = stmt.query_map([audit_id], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get(1)?,
            r.get(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
        ))
    })?;
    for row in rows {
        let (result_id, id, number, severity, status) = row?;
        if let (Some(&i), Some(severity), Some(status)) = (
            at.get(&result_id),
            Severity::parse(&severity),
            FindingStatus::parse(&status),
        ) {
            out[i].findings.push(FindingRef {
                id,
                number,
                severity,
                status,
            });
        }
    }
    Ok(out)
}

/// Every evidence link of an audit: (result id, the evidence as linked).
pub fn evidence_of_audit(
    conn: &Connection,
    audit_id: i64,
) -> crate::Result<Vec<(i64, LinkedEvidence)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT l.result_id, l.id, e.id, e.title, f.id, f.file_name, f.sha256, f.size,
                f.issued_on, f.expires_on
         FROM audit_results r JOIN audit_evidence l ON l.result_id = r.id
         JOIN evidence e ON e.id = l.evidence_id JOIN attachments f ON f.id = l.attachment_id
         WHERE r.audit_id = ?1 ORDER BY l.result_id, lower(e.title), l.id LIMIT 100000",
    )?;
    let rows = stmt.query_map([audit_id], |r| {
        Ok((
            r.get(0)?,
            LinkedEvidence {
                link_id: r.get(1)?,
                evidence_id: r.get(2)?,
                title: r.get(3)?,
                attachment_id: r.get(4)?,
                file_name: r.get(5)?,
                sha256: r.get(6)?,
                size: r.get(7)?,
                effective_on: opt_date_at(r, 8)?,
                expires_on: opt_date_at(r, 9)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Non-conformities of an audit with no finding raised from them: (item code) in order.
pub fn unanswered_nonconformities(conn: &Connection, audit_id: i64) -> crate::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT i.code FROM audit_results r JOIN audit_checklist_items i ON i.id = r.item_id
         WHERE r.audit_id = ?1 AND r.result IN ('minor', 'major')
           AND NOT EXISTS (SELECT 1 FROM findings f WHERE f.result_id = r.id)
         ORDER BY i.position LIMIT 1000",
    )?;
    let rows = stmt.query_map([audit_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The checklist item `item_id` if it belongs to version `version_id`.
pub fn item_in_version(conn: &Connection, item_id: i64, version_id: i64) -> crate::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM audit_checklist_items WHERE id = ?1 AND version_id = ?2")?
        .exists([item_id, version_id])?)
}

/// Whether the audit has any result row (assessed, or given evidence).
pub fn any(conn: &Connection, audit_id: i64) -> crate::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM audit_results WHERE audit_id = ?1 LIMIT 1")?
        .exists([audit_id])?)
}
