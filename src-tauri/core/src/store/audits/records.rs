//! Every record an audit is made of, and their history: what an audit's pack carries so its
//! story can be read, and checked against the chain, without the app.
//!
//! Records are found in history as well as in their tables, so rows deleted since (an
//! evidence link removed, an action dropped) still bring their changes along.

use crate::domain::history::Change;
use crate::store::history::{change_from_row, CHANGE_COLUMNS};
use rusqlite::{Connection, OptionalExtension};
use std::collections::BTreeSet;

/// Changes read per query: an audit's history is read in pages, never in one unbounded query.
const PAGE: i64 = 1_000;

/// The rows of one table that belong to an audit.
pub struct Rows {
    pub entity: &'static str,
    pub ids: BTreeSet<i64>,
}

/// The ids of the rows, present or deleted, that `column` of `entity` ties to one of `parents`:
/// from the table and from the snapshots history kept of it.
fn children(
    conn: &Connection,
    entity: &'static str,
    column: &str,
    parents: &BTreeSet<i64>,
) -> crate::Result<BTreeSet<i64>> {
    let mut out = BTreeSet::new();
    if parents.is_empty() {
        return Ok(out);
    }
    let list = serde_json::to_string(parents)?;
    let sql = format!(
        "SELECT id FROM {entity} WHERE {column} IN (SELECT value FROM json_each(?1))
         UNION
         SELECT row_id FROM changes WHERE entity = ?2
           AND coalesce(after ->> '$.{column}', before ->> '$.{column}')
               IN (SELECT value FROM json_each(?1))"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params![list, entity], |r| r.get::<_, i64>(0))?;
    for id in rows {
        out.insert(id?);
    }
    Ok(out)
}

/// The audit's own row, its scope, results, evidence links, findings and actions, the evidence
/// records it links and their files.
pub fn of_audit(conn: &Connection, audit_id: i64) -> crate::Result<Vec<Rows>> {
    let audit: BTreeSet<i64> = [audit_id].into();
    let scope = children(conn, "audit_scope", "audit_id", &audit)?;
    let results = children(conn, "audit_results", "audit_id", &audit)?;
    let links = children(conn, "audit_evidence", "result_id", &results)?;
    let findings = children(conn, "findings", "audit_id", &audit)?;
    let actions = children(conn, "audit_actions", "finding_id", &findings)?;
    let mut evidence = BTreeSet::new();
    let mut files = BTreeSet::new();
    if !links.is_empty() {
        let list = serde_json::to_string(&links)?;
        let mut stmt = conn.prepare(
            "SELECT coalesce(after ->> '$.evidence_id', before ->> '$.evidence_id'),
                    coalesce(after ->> '$.attachment_id', before ->> '$.attachment_id')
             FROM changes WHERE entity = 'audit_evidence'
               AND row_id IN (SELECT value FROM json_each(?1))",
        )?;
        let rows = stmt.query_map([&list], |r| {
            Ok((r.get::<_, Option<i64>>(0)?, r.get::<_, Option<i64>>(1)?))
        })?;
        for row in rows {
            let (e, f) = row?;
            evidence.extend(e);
            files.extend(f);
        }
    }
    // Every version of the evidence records' files, not only those linked.
    if !evidence.is_empty() {
        let list = serde_json::to_string(&evidence)?;
        let mut stmt = conn.prepare(
            "SELECT id FROM attachments WHERE entity = 'evidence'
               AND record_id IN (SELECT value FROM json_each(?1))",
        )?;
        for id in stmt.query_map([&list], |r| r.get::<_, i64>(0))? {
            files.insert(id?);
        }
    }
    Ok(vec![
        Rows {
            entity: "audits",
            ids: audit,
        },
        Rows {
            entity: "audit_scope",
            ids: scope,
        },
        Rows {
            entity: "audit_results",
            ids: results,
        },
        Rows {
            entity: "audit_evidence",
            ids: links,
        },
        Rows {
            entity: "findings",
            ids: findings,
        },
        Rows {
            entity: "audit_actions",
            ids: actions,
        },
        Rows {
            entity: "evidence",
            ids: evidence,
        },
        Rows {
            entity: "attachments",
            ids: files,
        },
    ])
}

/// Every change of these rows, oldest first, read a page at a time.
pub fn history_of(conn: &Connection, rows: &[Rows]) -> crate::Result<Vec<Change>> {
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {CHANGE_COLUMNS} FROM changes
         WHERE entity = ?1 AND row_id IN (SELECT value FROM json_each(?2)) AND id > ?3
         ORDER BY id LIMIT ?4"
    ))?;
    for r in rows.iter().filter(|r| !r.ids.is_empty()) {
        let list = serde_json::to_string(&r.ids)?;
        let mut after = 0i64;
        loop {
            let page = stmt
                .query_map(rusqlite::params![r.entity, list, after, PAGE], |row| {
                    change_from_row(row)
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let full = page.len() as i64 == PAGE;
            after = page.last().map_or(after, |c| c.id);
            out.extend(page);
            if !full {
                break;
            }
        }
    }
    out.sort_by_key(|c| c.id);
    Ok(out)
}

/// What tells this database's history apart from any other's: the hash of the change that
/// created the first account (its snapshot holds a randomly salted password hash, so two
/// databases set up alike at the same instant still differ), else the first change's.
pub fn chain_identity(conn: &Connection) -> crate::Result<Option<String>> {
    let first_account = conn
        .query_row(
            "SELECT hash FROM changes WHERE entity = 'users' ORDER BY id LIMIT 1",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?;
    match first_account {
        Some(h) => Ok(Some(h)),
        None => crate::store::history::hash_of(conn, 1),
    }
}
