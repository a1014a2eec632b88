//! What audits have waiting for one person: actions they own or whose audit they lead that are
//! overdue or due soon, evidence that expires before the next occurrence of an audit it
//! supported, and audits they lead that are past their planned end.

use crate::store::dates::{date_at, date_text};
use chrono::NaiveDate;
use rusqlite::Connection;

pub enum Waiting {
    Action {
        id: i64,
        audit_id: i64,
        finding_id: i64,
        description: String,
        audit_title: String,
        due_on: NaiveDate,
        owned: bool,
    },
    Evidence {
        id: i64,
        title: String,
        expires_on: NaiveDate,
        audit_id: i64,
        audit_title: String,
        next_start: NaiveDate,
    },
    Audit {
        id: i64,
        title: String,
        planned_end: NaiveDate,
    },
    Policy {
        id: i64,
        title: String,
        review_on: NaiveDate,
    },
}

/// At most `limit` of each kind, soonest first.
pub fn waiting(
    conn: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
    user_id: i64,
    employee_id: Option<i64>,
    limit: i64,
) -> crate::Result<Vec<Waiting>> {
    let e = employee_id.unwrap_or(-1);
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT x.id, a.id, f.id, x.description, a.title, x.due_on, x.owner_employee_id = ?3
         FROM audit_actions x JOIN findings f ON f.id = x.finding_id
         JOIN audits a ON a.id = f.audit_id
         WHERE x.status = 'open' AND x.due_on <= ?1
           AND (x.owner_employee_id = ?3 OR a.lead_user_id = ?2)
         ORDER BY x.due_on, x.id LIMIT ?4",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![date_text(horizon), user_id, e, limit],
        |r| {
            Ok(Waiting::Action {
                id: r.get(0)?,
                audit_id: r.get(1)?,
                finding_id: r.get(2)?,
                description: r.get(3)?,
                audit_title: r.get(4)?,
                due_on: date_at(r, 5)?,
                owned: r.get(6)?,
            })
        },
    )?;
    out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    // From the planned audits outwards (CROSS JOIN fixes the order): a few audits, one per
    // series, and their previous occurrence's evidence. Left to itself SQLite starts from every
    // evidence file and searches the planned audits for each.
    // Someone without a staff record owns no evidence: only the audits they lead are walked
    // (`?2`, then -1, stays in the text so both forms take the same arguments).
    let whose = match employee_id {
        Some(_) => "(n.lead_user_id = ?1 OR e.owner_employee_id = ?2)",
        None => "n.lead_user_id = ?1 AND ?2 = -1",
    };
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT e.id, e.title, min(f.expires_on), n.id, n.title, n.planned_start
         FROM audits n CROSS JOIN audit_results r ON r.audit_id = n.previous_id
         CROSS JOIN audit_evidence l ON l.result_id = r.id
         CROSS JOIN evidence e ON e.id = l.evidence_id
         CROSS JOIN attachments f ON f.entity = 'evidence' AND f.record_id = e.id
                                  AND f.superseded_by IS NULL
         WHERE n.status = 'planned' AND f.expires_on IS NOT NULL
           AND f.expires_on < n.planned_start AND {whose}
         GROUP BY e.id, n.id ORDER BY min(f.expires_on), e.id LIMIT ?3"
    ))?;
    let rows = stmt.query_map(rusqlite::params![user_id, e, limit], |r| {
        Ok(Waiting::Evidence {
            id: r.get(0)?,
            title: r.get(1)?,
            expires_on: date_at(r, 2)?,
            audit_id: r.get(3)?,
            audit_title: r.get(4)?,
            next_start: date_at(r, 5)?,
        })
    })?;
    out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, planned_end FROM audits
         WHERE lead_user_id = ?1 AND status <> 'closed' AND planned_end < ?2
         ORDER BY planned_end, id LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![user_id, date_text(today), limit], |r| {
        Ok(Waiting::Audit {
            id: r.get(0)?,
            title: r.get(1)?,
            planned_end: date_at(r, 2)?,
        })
    })?;
    out.extend(rows.collect::<rusqlite::Result<Vec<_>>>()?);
    if let Some(e) = employee_id {
        // Reviews due within 30 days or overdue, for the policy's owner.
        let by = today + chrono::Days::new(30);
        for (id, title, review_on) in super::policies::reviews_due(conn, e, by, limit)? {
            out.push(Waiting::Policy {
                id,
                title,
                review_on,
            });
        }
    }
    Ok(out)
}
