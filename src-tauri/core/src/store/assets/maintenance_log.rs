//! The maintenance work log: entries are written once, never edited, and read per plan, per
//! asset, per month, and as on-time figures.

use super::asset::bad;
use crate::domain::assets::maintenance_log::{LogEntry, Outcome, ValidLog};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "maintenance_log",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "plan_id",
        "asset_id",
        "done_on",
        "done_by_employee_id",
        "done_by",
        "work",
        "ticks",
        "outcome",
        "reason",
        "minutes",
        "cost_cents",
        "currency",
        "due_on",
        "version",
        "created_at",
    ],
    references: &[
        ("plan_id", "maintenance_plans"),
        ("asset_id", "assets"),
        ("done_by_employee_id", "employees"),
    ],
    naming: Naming::Parts(&[
        Part::FirstRef(&["plan_id", "asset_id"]),
        Part::Text("done_on"),
    ]),
    dates: &["done_on", "due_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// Who wrote an entry: their staff record, if their account has one, and their name.
pub struct DoneBy<'a> {
    pub employee_id: Option<i64>,
    pub name: &'a str,
}

pub fn insert(
    w: &WriteTx,
    plan: Option<i64>,
    due_on: Option<NaiveDate>,
    by: &DoneBy,
    v: &ValidLog,
) -> crate::Result<i64> {
    let done_on = date_text(v.done_on);
    let due_on = opt_date_text(due_on);
    let ticks = serde_json::to_string(&v.ticks)?;
    let outcome = v.outcome.as_str().to_owned();
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("plan_id", &plan as &dyn ToSql),
            ("asset_id", &v.asset_id),
            ("done_on", &done_on),
            ("done_by_employee_id", &by.employee_id),
            ("done_by", &by.name),
            ("work", &v.work),
            ("ticks", &ticks),
            ("outcome", &outcome),
            ("reason", &v.reason),
            ("minutes", &v.minutes),
            ("cost_cents", &v.cost_cents),
            ("currency", &v.currency),
            ("due_on", &due_on),
        ],
    )
}

const COLUMNS: &str = "g.id, g.plan_id, (SELECT title FROM maintenance_plans WHERE id = g.plan_id),
    g.asset_id, (SELECT tag || ' ' || name FROM assets WHERE id = g.asset_id), g.done_on,
    g.done_by_employee_id, g.done_by, g.work, g.ticks, g.outcome, g.reason, g.minutes,
    g.cost_cents, g.currency, g.due_on, g.version, g.created_at";

fn from_row(r: &Row) -> rusqlite::Result<LogEntry> {
    let ticks: String = r.get(9)?;
    Ok(LogEntry {
        id: r.get(0)?,
        plan_id: r.get(1)?,
        plan_title: r.get(2)?,
        asset_id: r.get(3)?,
        asset_name: r.get(4)?,
        done_on: date_at(r, 5)?,
        done_by_employee_id: r.get(6)?,
        done_by: r.get(7)?,
        work: r.get(8)?,
        ticks: serde_json::from_str(&ticks).map_err(|_| bad(9, "ticks"))?,
        outcome: Outcome::parse(&r.get::<_, String>(10)?).ok_or_else(|| bad(10, "outcome"))?,
        reason: r.get(11)?,
        minutes: r.get(12)?,
        cost_cents: r.get(13)?,
        currency: r.get(14)?,
        due_on: opt_date_at(r, 15)?,
        version: r.get(16)?,
        created_at: ts_parse(&r.get::<_, String>(17)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<LogEntry> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM maintenance_log g WHERE g.id = ?1"
        ))?
        .query_row([id], from_row)?)
}

/// The column the log is read by: a plan's or an asset's.
#[derive(Debug, Clone, Copy)]
pub enum LogOf {
    Plan(i64),
    Asset(i64),
}

/// A plan's or an asset's entries, latest first.
pub fn of(conn: &Connection, of: LogOf, offset: i64, limit: i64) -> crate::Result<Page<LogEntry>> {
    let (col, id) = match of {
        LogOf::Plan(id) => ("plan_id", id),
        LogOf::Asset(id) => ("asset_id", id),
    };
    let total: i64 = conn
        .prepare_cached(&format!(
            "SELECT count(*) FROM maintenance_log WHERE {col} = ?1"
        ))?
        .query_row([id], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM maintenance_log g WHERE g.{col} = ?1
             ORDER BY g.done_on DESC, g.id DESC LIMIT ?2 OFFSET ?3"
        ))?
        .query_map(rusqlite::params![id, limit, offset], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Entries done within `from..=to`, in date order, at most `limit`.
pub fn between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<LogEntry>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM maintenance_log g WHERE g.done_on BETWEEN ?1 AND ?2
             ORDER BY g.done_on, g.id LIMIT ?3"
        ))?
        .query_map(
            rusqlite::params![date_text(from), date_text(to), limit],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// One plan's completions in one month.
pub struct OnTime {
    pub plan_id: i64,
    pub plan_title: String,
    /// "yyyy-mm".
    pub month: String,
    pub completions: i64,
    /// Done on or before their due date.
    pub on_time: i64,
}

/// Completions of plans done within `from..=to`, per plan and month they were done in. Failed
/// attempts are not completions; ad-hoc work has no due date.
pub fn on_time(conn: &Connection, from: NaiveDate, to: NaiveDate) -> crate::Result<Vec<OnTime>> {
    Ok(conn
        .prepare_cached(
            "SELECT g.plan_id, p.title, substr(g.done_on, 1, 7) AS month, count(*),
                    sum(g.done_on <= g.due_on)
             FROM maintenance_log g JOIN maintenance_plans p ON p.id = g.plan_id
             WHERE g.done_on BETWEEN ?1 AND ?2 AND g.due_on IS NOT NULL
               AND g.outcome <> 'failed'
             GROUP BY g.plan_id, month ORDER BY p.title_key, g.plan_id, month LIMIT 20000",
        )?
        .query_map(rusqlite::params![date_text(from), date_text(to)], |r| {
            Ok(OnTime {
                plan_id: r.get(0)?,
                plan_title: r.get(1)?,
                month: r.get(2)?,
                completions: r.get(3)?,
                on_time: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
