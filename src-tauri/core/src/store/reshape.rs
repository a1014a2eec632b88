//! History across a schema change: when a migration changes a tracked table's snapshot (a
//! column added, renamed, dropped or retyped), every row's last recorded "after" stops matching
//! what verify recomputes. Inside the migration's transaction, each such row gets one change by
//! the system, marked as a schema upgrade, from the old snapshot to the new one, so the chain
//! stays whole and verify stays green.
//!
//! A table renamed by the migration ([`tracked::RENAMED`]) is compared with the last change
//! recorded under any of its names, and its upgrade entries say which name the row moved from.
//!
//! An upgrade must not launder a row edited by hand before it: a row gets its entry only when
//! every difference is one the migration declares (a field added or dropped, a declared rename
//! carrying the same value, a declared change of type). Any other difference is left alone, so
//! verify still reports the row as modified.

use super::history::{self, GENESIS};
use super::tracked::{self, Tracked};
use super::ts_text;
use crate::domain::history::ChangeOp;
use chrono::{DateTime, Utc};
use rusqlite::{Connection, OptionalExtension};
use serde_json::{json, Map, Value};

/// Who history names as the author of an upgrade entry. Parentheses cannot appear in a
/// username, so no account can be mistaken for it.
pub const SYSTEM_ACTOR: &str = "(system)";

/// What a migration declares about a tracked table's new shape.
pub struct Shape<'a> {
    pub version: i64,
    /// Columns renamed, (old, new).
    pub renamed: &'a [(&'a str, &'a str)],
    /// Columns whose stored value may change with their type (a text date made a number...).
    pub retyped: &'a [&'a str],
}

/// Records the upgrade of `table`'s rows to `shape`. Returns how many rows were recorded.
pub fn reshape(
    conn: &Connection,
    table: &Tracked,
    shape: &Shape,
    now: DateTime<Utc>,
) -> crate::Result<u64> {
    let names = quoted(&tracked::history_names(table.entity));
    // The ids first: appending to `changes` while a statement still reads it is not safe.
    let ids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT c.row_id FROM changes c
             JOIN (SELECT max(id) AS id FROM changes
                   WHERE entity IN ({names}) AND op IN ('insert', 'update', 'delete')
                   GROUP BY row_id) l
               ON c.id = l.id
             JOIN {table} t ON t.id = c.row_id
             WHERE c.after IS NOT (SELECT {snap} FROM {table} WHERE id = c.row_id)
             ORDER BY c.row_id",
            table = table.entity,
            snap = table.snapshot_sql(),
        ))?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut prev = conn
        .query_row(
            "SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .unwrap_or((0, GENESIS.to_owned()));
    let at = ts_text(now);
    let mut recorded = 0;
    for id in ids {
        let (was, before, after): (String, Option<String>, String) = conn.query_row(
            &format!(
                "SELECT c.entity, c.after, (SELECT {snap} FROM {table} WHERE id = ?1)
                 FROM changes c
                 WHERE c.entity IN ({names}) AND c.row_id = ?1
                   AND c.op IN ('insert', 'update', 'delete')
                 ORDER BY c.id DESC LIMIT 1",
                table = table.entity,
                snap = table.snapshot_sql(),
            ),
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        // A row whose last change removed it was put back by hand: verify reports it.
        let Some(before) = before else { continue };
        let Some(mut detail) = describe(&before, &after, shape) else {
            continue; // a difference the upgrade does not explain: verify will report it
        };
        if was != table.entity {
            detail["moved_from"] = Value::String(was);
        }
        let detail = detail.to_string();
        prev = history::append(
            conn,
            SYSTEM_ACTOR,
            &at,
            prev,
            table.entity,
            id,
            ChangeOp::Update,
            Some(&before),
            Some(&after),
            Some(&detail),
        )?;
        recorded += 1;
    }
    Ok(recorded)
}

/// `'a', 'b'`: entity names from declarations (never a person's text) for an `IN` list.
pub(super) fn quoted(names: &[&str]) -> String {
    let quoted: Vec<String> = names
        .iter()
        .map(|n| format!("'{}'", n.replace('\'', "''")))
        .collect();
    quoted.join(", ")
}

/// `{kind: "schema_upgrade", version, added, removed, renamed, changed}` for one row: which
/// fields the new shape added or dropped, which it renamed, and which kept their name but not
/// their stored value (a changed type). `None` when a difference is not one `shape` declares.
pub fn describe(before: &str, after: &str, shape: &Shape) -> Option<Value> {
    let object = |s: &str| match serde_json::from_str(s) {
        Ok(Value::Object(m)) => Some(m),
        _ => None,
    };
    let (old, new): (Map<String, Value>, Map<String, Value>) = (object(before)?, object(after)?);
    let renamed: Vec<(&str, &str)> = shape
        .renamed
        .iter()
        .copied()
        .filter(|(o, n)| old.contains_key(*o) && new.contains_key(*n) && !new.contains_key(*o))
        .collect();
    let retyped = |k: &str| shape.retyped.contains(&k);
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for (k, v) in &new {
        if let Some((o, _)) = renamed.iter().find(|(_, n)| n == k) {
            if old.get(*o) != Some(v) && !retyped(k) {
                return None;
            }
        } else if let Some(ov) = old.get(k) {
            if ov != v {
                if !retyped(k) {
                    return None;
                }
                changed.push(k.as_str());
            }
        } else {
            added.push(k.as_str());
        }
    }
    let removed: Vec<&str> = old
        .keys()
        .map(String::as_str)
        .filter(|k| !new.contains_key(*k) && !renamed.iter().any(|(o, _)| o == k))
        .collect();
    let pairs: Vec<[&str; 2]> = renamed.iter().map(|(o, n)| [*o, *n]).collect();
    Some(json!({
        "kind": "schema_upgrade",
        "version": shape.version,
        "added": added,
        "removed": removed,
        "renamed": pairs,
        "changed": changed,
    }))
}
