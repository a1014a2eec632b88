//! The hash-chained change log: append inside a write, list with filters, and verify.

use super::reshape::quoted;
use super::tracked::{self, Tracked, TRACKED};
use super::{ts_parse, ts_text};
use crate::domain::history::{
    Change, ChangeOp, HistoryQuery, HistoryStatus, ProblemKind, VerifyProblem, VerifyReport,
};
use crate::domain::page::Page;
use crate::error::{Error, ErrorCode};
use crate::store::paged::count_rows;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use sha2::{Digest, Sha256};

/// The "previous hash" of the first change.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The fields a change's hash covers, in order.
pub struct ChangeFields<'a> {
    pub id: i64,
    pub actor: &'a str,
    pub at: &'a str,
    pub entity: &'a str,
    pub row_id: i64,
    pub op: &'a str,
    pub before: Option<&'a str>,
    pub after: Option<&'a str>,
    /// Set only on changes that carry one (a schema upgrade); `None` hashes as before it existed.
    pub detail: Option<&'a str>,
    pub prev_hash: &'a str,
}

/// SHA-256 over length-prefixed fields, so no two different changes can encode the same bytes.
pub fn hash(c: &ChangeFields) -> String {
    let mut h = Sha256::new();
    let mut put = |s: Option<&str>| match s {
        None => h.update(b"-;"),
        Some(s) => {
            h.update(s.len().to_string().as_bytes());
            h.update(b":");
            h.update(s.as_bytes());
            h.update(b";");
        }
    };
    put(Some(c.prev_hash));
    put(Some(&c.id.to_string()));
    put(Some(c.actor));
    put(Some(c.at));
    put(Some(c.entity));
    put(Some(&c.row_id.to_string()));
    put(Some(c.op));
    put(c.before);
    put(c.after);
    // Appended only when present: every change written before `detail` existed keeps its hash,
    // and a change with one encodes one more field, so it never collides with one without.
    if c.detail.is_some() {
        put(c.detail);
    }
    hex::encode(h.finalize())
}

/// The newest change: its id and hash.
pub(super) fn head(conn: &Connection) -> rusqlite::Result<Option<(i64, String)>> {
    conn.prepare_cached("SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()
}

/// Appends one change after `prev` (the newest change's id and hash); returns the new id and
/// hash, the next change's `prev`.
#[allow(clippy::too_many_arguments)]
pub(super) fn append(
    conn: &Connection,
    actor: &str,
    at: &str,
    prev: (i64, String),
    entity: &str,
    row_id: i64,
    op: ChangeOp,
    before: Option<&str>,
    after: Option<&str>,
    detail: Option<&str>,
) -> crate::Result<(i64, String)> {
    let (prev_id, prev_hash) = prev;
    let fields = ChangeFields {
        id: prev_id + 1,
        actor,
        at,
        entity,
        row_id,
        op: op.as_str(),
        before,
        after,
        detail,
        prev_hash: &prev_hash,
    };
    let h = hash(&fields);
    conn.prepare_cached(
        "INSERT INTO changes (id, actor, at, entity, row_id, op, before, after, prev_hash, hash,
                              detail)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?
    .execute(params![
        fields.id, actor, at, entity, row_id, fields.op, before, after, prev_hash, h, detail
    ])?;
    Ok((fields.id, h))
}

pub(crate) fn change_from_row(r: &Row) -> rusqlite::Result<Change> {
    let json = |i: usize| -> rusqlite::Result<Option<serde_json::Value>> {
        let s: Option<String> = r.get(i)?;
        Ok(s.and_then(|s| serde_json::from_str(&s).ok()))
    };
    let op: String = r.get(5)?;
    Ok(Change {
        id: r.get(0)?,
        actor: r.get(1)?,
        at: ts_parse(&r.get::<_, String>(2)?)?,
        entity: r.get(3)?,
        row_id: r.get::<_, i64>(4)?.to_string(),
        op: ChangeOp::parse(&op).unwrap_or(ChangeOp::Update),
        before: json(6)?,
        after: json(7)?,
        hash: r.get(8)?,
        detail: json(9)?,
    })
}

/// The owner a change of a table guarded by its owners names: in its snapshot, or in the
/// `detail` of a read (which has no snapshot).
fn owner_expr(entity_column: &str) -> String {
    format!(
        "coalesce(after ->> '$.{entity_column}', before ->> '$.{entity_column}', \
         detail ->> '$.{entity_column}')"
    )
}

/// The WHERE clause and its arguments for a history filter, limited to `entities`. A table
/// guarded by its owners (attachments) in `entities` shows only the rows whose owner's table
/// is in `entities` too. A filter on a renamed table's entity takes its old names along.
fn filter(q: &HistoryQuery, entities: &[&str]) -> crate::Result<(String, Vec<Value>)> {
    let mut sql = String::from(" WHERE 1=1");
    let mut args: Vec<Value> = Vec::new();
    let owned: Vec<(&str, &str)> = entities
        .iter()
        .filter_map(|e| Some((*e, tracked::table(e)?.owner_columns()?.0)))
        .collect();
    let whole: Vec<&str> = entities
        .iter()
        .copied()
        .filter(|e| !owned.iter().any(|(o, _)| o == e))
        .collect();
    let marks = vec!["?"; whole.len()].join(", ");
    sql.push_str(&format!(" AND (entity IN ({marks})"));
    args.extend(whole.iter().map(|e| Value::Text((*e).to_owned())));
    for (table, column) in &owned {
        sql.push_str(&format!(
            " OR (entity = ? AND {} IN ({marks}))",
            owner_expr(column)
        ));
        args.push(Value::Text((*table).to_owned()));
        args.extend(whole.iter().map(|e| Value::Text((*e).to_owned())));
    }
    sql.push(')');
    if let Some(e) = q.entity.as_deref().filter(|s| !s.is_empty()) {
        let names = tracked::history_names(e);
        sql.push_str(&format!(
            " AND entity IN ({})",
            vec!["?"; names.len()].join(", ")
        ));
        args.extend(names.iter().map(|n| Value::Text((*n).to_owned())));
    }
    if let Some(id) = q.row_id.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        let id: i64 = id
            .parse()
            .map_err(|_| Error::field("row_id", "invalid_number"))?;
        sql.push_str(" AND row_id = ?");
        args.push(Value::Integer(id));
    }
    if let Some(a) = q.actor.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        sql.push_str(" AND actor = ?");
        args.push(Value::Text(a.to_lowercase()));
    }
    if let Some(t) = q.from {
        sql.push_str(" AND at >= ?");
        args.push(Value::Text(ts_text(t)));
    }
    if let Some(t) = q.until {
        sql.push_str(" AND at < ?");
        args.push(Value::Text(ts_text(t)));
    }
    Ok((sql, args))
}

pub(crate) const CHANGE_COLUMNS: &str =
    "id, actor, at, entity, row_id, op, before, after, hash, detail";

/// Newest first, filtered, one page.
pub fn list(conn: &Connection, q: &HistoryQuery, entities: &[&str]) -> crate::Result<Page<Change>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filter(q, entities)?;
    let total = count_rows(conn, "changes", &filter, &args)?;
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let sql =
        format!("SELECT {CHANGE_COLUMNS} FROM changes{filter} ORDER BY id DESC LIMIT ? OFFSET ?");
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), change_from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Every matching change, oldest first, streamed to `f` (exports never hold the table in memory).
pub fn for_each(
    conn: &Connection,
    q: &HistoryQuery,
    entities: &[&str],
    f: &mut dyn FnMut(Change) -> crate::Result<()>,
) -> crate::Result<()> {
    let (filter, args) = filter(q, entities)?;
    let mut stmt = conn.prepare(&format!(
        "SELECT {CHANGE_COLUMNS} FROM changes{filter} ORDER BY id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    while let Some(r) = rows.next()? {
        f(change_from_row(r)?)?;
    }
    Ok(())
}

/// Whether a change of `entity` and `row_id` by `actor` at `at` (stored text) would match the
/// filter: an export's own event, asked before it is written so its record can count itself.
pub fn would_match(
    conn: &Connection,
    q: &HistoryQuery,
    entities: &[&str],
    (entity, row_id, actor, at): (&str, i64, &str, &str),
) -> crate::Result<bool> {
    let (filter, args) = filter(q, entities)?;
    let mut all = vec![
        Value::Text(entity.to_owned()),
        Value::Integer(row_id),
        Value::Text(actor.to_owned()),
        Value::Text(at.to_owned()),
    ];
    all.extend(args);
    let n: i64 = conn.query_row(
        &format!(
            "SELECT count(*) FROM (SELECT ? AS entity, ? AS row_id, ? AS actor, ? AS at,
                                          NULL AS before, NULL AS after, NULL AS detail){filter}"
        ),
        rusqlite::params_from_iter(all.iter()),
        |r| r.get(0),
    )?;
    Ok(n > 0)
}

/// The matching changes after change `after`, oldest first (what an export streamed within a
/// write appends to itself).
pub fn for_each_after(
    conn: &Connection,
    q: &HistoryQuery,
    entities: &[&str],
    after: i64,
    f: &mut dyn FnMut(Change) -> crate::Result<()>,
) -> crate::Result<()> {
    let (filter, mut args) = filter(q, entities)?;
    args.push(Value::Integer(after));
    let mut stmt = conn.prepare(&format!(
        "SELECT {CHANGE_COLUMNS} FROM changes{filter} AND id > ? ORDER BY id"
    ))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    while let Some(r) = rows.next()? {
        f(change_from_row(r)?)?;
    }
    Ok(())
}

/// The hash of change number `id`, if it exists.
pub fn hash_of(conn: &Connection, id: i64) -> crate::Result<Option<String>> {
    Ok(conn
        .query_row("SELECT hash FROM changes WHERE id = ?1", [id], |r| r.get(0))
        .optional()?)
}

pub fn status(conn: &Connection) -> crate::Result<HistoryStatus> {
    let last = conn
        .query_row(
            "SELECT id, hash, at FROM changes ORDER BY id DESC LIMIT 1",
            [],
            |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            },
        )
        .optional()?;
    Ok(match last {
        // Ids are contiguous from 1 (verify enforces it), so the newest id is the count.
        Some((id, hash, at)) => HistoryStatus {
            count: id,
            head_hash: Some(hash),
            last_at: Some(ts_parse(&at)?),
        },
        None => HistoryStatus {
            count: 0,
            head_hash: None,
            last_at: None,
        },
    })
}

/// How often verify reports progress and checks for cancellation, in rows.
const PROGRESS_EVERY: i64 = 10_000;

/// Recomputes the whole chain, then checks every tracked row against its last recorded state.
/// `progress(done)` is called now and then; returning `false` cancels.
pub fn verify(
    conn: &Connection,
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(i64) -> bool,
) -> crate::Result<VerifyReport> {
    verify_with(conn, TRACKED, now, progress)
}

/// [`verify`] against the given table declarations (a test's upgraded shape).
pub fn verify_with(
    conn: &Connection,
    tables: &[&Tracked],
    now: DateTime<Utc>,
    progress: &mut dyn FnMut(i64) -> bool,
) -> crate::Result<VerifyReport> {
    let mut report = VerifyReport {
        ok: true,
        changes_checked: 0,
        rows_checked: 0,
        head_hash: None,
        problem: None,
        verified_at: now,
        against: None,
    };
    let fail = |mut r: VerifyReport, p: VerifyProblem| {
        r.ok = false;
        r.problem = Some(p);
        Ok(r)
    };
    let mut stmt = conn.prepare(
        "SELECT id, actor, at, entity, row_id, op, before, after, prev_hash, hash, detail
         FROM changes ORDER BY id",
    )?;
    let mut rows = stmt.query([])?;
    let mut prev = GENESIS.to_owned();
    let mut expected = 1i64;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let problem = |kind| VerifyProblem {
            kind,
            change_id: Some(id),
            entity: None,
            row_id: None,
        };
        if id != expected {
            return fail(report, problem(ProblemKind::Gap));
        }
        let prev_hash: String = r.get(8)?;
        if prev_hash != prev {
            return fail(report, problem(ProblemKind::BrokenLink));
        }
        let (actor, at, entity): (String, String, String) = (r.get(1)?, r.get(2)?, r.get(3)?);
        let (op, before, after): (String, Option<String>, Option<String>) =
            (r.get(5)?, r.get(6)?, r.get(7)?);
        let stored: String = r.get(9)?;
        let detail: Option<String> = r.get(10)?;
        let computed = hash(&ChangeFields {
            id,
            actor: &actor,
            at: &at,
            entity: &entity,
            row_id: r.get(4)?,
            op: &op,
            before: before.as_deref(),
            after: after.as_deref(),
            detail: detail.as_deref(),
            prev_hash: &prev_hash,
        });
        if computed != stored {
            return fail(report, problem(ProblemKind::HashMismatch));
        }
        prev = stored;
        expected += 1;
        report.changes_checked += 1;
        if report.changes_checked % PROGRESS_EVERY == 0 && !progress(report.changes_checked) {
            return Err(cancelled());
        }
    }
    report.head_hash = (report.changes_checked > 0).then_some(prev);
    for t in tables {
        if let Some(p) = check_rows(conn, t, &mut report, progress)? {
            return fail(report, p);
        }
    }
    Ok(report)
}

fn cancelled() -> Error {
    Error::new(ErrorCode::Cancelled, "cancelled")
}

/// Compares each row's current snapshot with the "after" of its last change, then looks for rows
/// that no change ever created.
fn check_rows(
    conn: &Connection,
    t: &Tracked,
    report: &mut VerifyReport,
    progress: &mut dyn FnMut(i64) -> bool,
) -> crate::Result<Option<VerifyProblem>> {
    let problem = |kind, row_id: i64| VerifyProblem {
        kind,
        change_id: None,
        entity: Some(t.entity.to_owned()),
        row_id: Some(row_id.to_string()),
    };
    // A renamed table's rows are checked against their last change under any of its names.
    let names = quoted(&tracked::history_names(t.entity));
    let sql = format!(
        "SELECT c.row_id, c.after, (SELECT {snap} FROM {table} WHERE id = c.row_id)
         FROM changes c
         JOIN (SELECT max(id) AS id FROM changes
               WHERE entity IN ({names}) AND op IN ('insert', 'update', 'delete')
               GROUP BY row_id) l
           ON c.id = l.id
         ORDER BY c.row_id",
        snap = t.snapshot_sql(),
        table = t.entity,
    );
    let mut stmt = conn.prepare(&sql)?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let row_id: i64 = r.get(0)?;
        let recorded: Option<String> = r.get(1)?;
        let current: Option<String> = r.get(2)?;
        if recorded != current {
            let kind = if current.is_none() {
                ProblemKind::RowMissing
            } else {
                ProblemKind::RowModified
            };
            return Ok(Some(problem(kind, row_id)));
        }
        report.rows_checked += 1;
        if report.rows_checked % PROGRESS_EVERY == 0
            && !progress(report.changes_checked + report.rows_checked)
        {
            return Err(cancelled());
        }
    }
    let orphan: Option<i64> = conn
        .query_row(
            &format!(
                "SELECT id FROM {} t WHERE NOT EXISTS
                   (SELECT 1 FROM changes c WHERE c.entity IN ({names}) AND c.row_id = t.id)
                 LIMIT 1",
                t.entity
            ),
            [],
            |r| r.get(0),
        )
        .optional()?;
    Ok(orphan.map(|id| problem(ProblemKind::RowWithoutHistory, id)))
}
