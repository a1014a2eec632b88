//! Maintenance plans: one row per plan, with its next due date kept beside the schedule so
//! lists, the calendar and the attention list read it from an index.

use super::asset::bad;
use super::locations::path_sql;
use crate::domain::assets::maintenance::{Plan, Target, ValidPlan};
use crate::domain::permissions::Area;
use crate::domain::schedule::Schedule;
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "maintenance_plans",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "title",
        "title_key",
        "description",
        "asset_id",
        "category_id",
        "location_id",
        "schedule",
        "start_on",
        "assignee_employee_id",
        "checklist",
        "next_due_on",
        "last_done_on",
        "last_due_on",
        "active",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("asset_id", "assets"),
        ("category_id", "asset_categories"),
        ("location_id", "locations"),
        ("assignee_employee_id", "employees"),
    ],
    naming: Naming::Field("title"),
    dates: &["start_on", "next_due_on", "last_done_on", "last_due_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The SQL naming plan `p`'s target: the asset's tag and name, the category, or the place.
pub fn target_sql() -> String {
    format!(
        "CASE WHEN p.asset_id IS NOT NULL
                THEN (SELECT tag || ' ' || name FROM assets WHERE id = p.asset_id)
              WHEN p.category_id IS NOT NULL
                THEN (SELECT coalesce(name_it, name_en) FROM asset_categories WHERE id = p.category_id)
              ELSE {} END",
        path_sql("p.location_id")
    )
}

pub const ASSIGNEE_SQL: &str =
    "(SELECT last_name || ' ' || first_name FROM employees WHERE id = p.assignee_employee_id)";

fn columns() -> String {
    format!(
        "p.id, p.title, p.description, p.asset_id, p.category_id, p.location_id, {}, p.schedule,
         p.start_on, p.assignee_employee_id, {ASSIGNEE_SQL}, p.checklist, p.next_due_on,
         p.last_done_on, p.last_due_on, p.active, p.version, p.created_at, p.updated_at",
        target_sql()
    )
}

/// The schedule stored in column `i`.
pub fn schedule_at(r: &Row, i: usize) -> rusqlite::Result<Schedule> {
    Schedule::parse_storage(&r.get::<_, String>(i)?).map_err(|_| bad(i, "schedule"))
}

/// The target of a row whose asset, category and place ids are in columns `i..i+3`.
pub fn target_at(r: &Row, i: usize) -> rusqlite::Result<Target> {
    Target::from_columns(r.get(i)?, r.get(i + 1)?, r.get(i + 2)?).ok_or_else(|| bad(i, "target"))
}

fn from_row(r: &Row) -> rusqlite::Result<Plan> {
    let checklist: String = r.get(11)?;
    Ok(Plan {
        id: r.get(0)?,
        title: r.get(1)?,
        description: r.get(2)?,
        target: target_at(r, 3)?,
        target_name: r.get::<_, Option<String>>(6)?.unwrap_or_default(),
        schedule: schedule_at(r, 7)?,
        start_on: date_at(r, 8)?,
        assignee_employee_id: r.get(9)?,
        assignee_name: r.get(10)?,
        checklist: serde_json::from_str(&checklist).map_err(|_| bad(11, "checklist"))?,
        next_due_on: date_at(r, 12)?,
        last_done_on: opt_date_at(r, 13)?,
        last_due_on: opt_date_at(r, 14)?,
        active: r.get(15)?,
        version: r.get(16)?,
        created_at: ts_parse(&r.get::<_, String>(17)?)?,
        updated_at: ts_parse(&r.get::<_, String>(18)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Plan>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM maintenance_plans p WHERE p.id = ?1",
            columns()
        ))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn require(conn: &Connection, id: i64) -> crate::Result<Plan> {
    get(conn, id)?.ok_or_else(|| crate::Error::not_found("maintenance plan"))
}

/// Whether the plan's target exists: `None` when it does not, else whether it is in use (an
/// asset not retired or lost, a category or place not retired).
pub fn target_in_use(conn: &Connection, t: Target) -> crate::Result<Option<bool>> {
    let sql = match t {
        Target::Asset(_) => "SELECT status NOT IN ('retired', 'lost') FROM assets WHERE id = ?1",
        Target::Category(_) => "SELECT active FROM asset_categories WHERE id = ?1",
        Target::Location(_) => "SELECT active FROM locations WHERE id = ?1",
    };
    let id = match t {
        Target::Asset(i) | Target::Category(i) | Target::Location(i) => i,
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

fn form_values<'a>(
    v: &'a ValidPlan,
    t: &'a (Option<i64>, Option<i64>, Option<i64>),
    texts: &'a [String; 4],
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("title", &v.title as &dyn ToSql),
        ("title_key", &v.title_key),
        ("description", &v.description),
        ("asset_id", &t.0),
        ("category_id", &t.1),
        ("location_id", &t.2),
        ("schedule", &texts[0]),
        ("start_on", &texts[1]),
        ("assignee_employee_id", &v.assignee_employee_id),
        ("checklist", &texts[2]),
        ("next_due_on", &texts[3]),
    ]
}

fn texts(v: &ValidPlan, next_due: NaiveDate) -> crate::Result<[String; 4]> {
    Ok([
        v.schedule.to_storage(),
        date_text(v.start_on),
        serde_json::to_string(&v.checklist)?,
        date_text(next_due),
    ])
}

pub fn insert(w: &WriteTx, v: &ValidPlan, next_due: NaiveDate) -> crate::Result<i64> {
    let t = v.target.columns();
    let texts = texts(v, next_due)?;
    recorded::insert(w, &TRACKED, &form_values(v, &t, &texts))
}

/// Saves the form; `next_due` is recomputed by the caller from the (maybe new) schedule.
pub fn update(w: &WriteTx, id: i64, v: &ValidPlan, next_due: NaiveDate) -> crate::Result<bool> {
    let t = v.target.columns();
    let texts = texts(v, next_due)?;
    recorded::update(w, &TRACKED, id, &form_values(v, &t, &texts))
}

pub fn set_active(w: &WriteTx, id: i64, active: bool) -> crate::Result<bool> {
    recorded::update(w, &TRACKED, id, &vec![("active", &active as &dyn ToSql)])
}

/// A completion: done on `done_on` for due date `due_on`; the plan is next due on `next`.
pub fn set_done(
    w: &WriteTx,
    id: i64,
    done_on: NaiveDate,
    due_on: NaiveDate,
    next: NaiveDate,
) -> crate::Result<bool> {
    let done = date_text(done_on);
    let due = opt_date_text(Some(due_on));
    let next = date_text(next);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("last_done_on", &done as &dyn ToSql),
            ("last_due_on", &due),
            ("next_due_on", &next),
        ],
    )
}
