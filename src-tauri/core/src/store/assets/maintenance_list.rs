//! Reading plans many at a time: the list, the plans a month calendar shows, and what is due
//! for the attention list. Each reads its rows from an index on the next due date, the
//! assignee or the target.

use super::maintenance::{schedule_at, target_at, target_sql, ASSIGNEE_SQL};
use crate::domain::assets::maintenance::{DueFilter, PlanQuery, PlanRow, PlanSort, Target};
use crate::domain::page::Page;
use crate::domain::schedule::Schedule;
use crate::domain::text::fold_key;
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::paged::count_rows;
use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use rusqlite::Connection;

fn filtered(q: &PlanQuery, today: NaiveDate) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if !q.include_retired {
        w.and_plain("p.active = 1");
    }
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and(
            "p.title_key LIKE '%' || ? ESCAPE '\\'",
            like_pattern(&fold_key(s)),
        );
    }
    if let Some(a) = q.assignee_employee_id {
        w.and("p.assignee_employee_id = ?", a);
    }
    match q.target {
        Some(Target::Asset(id)) => w.and("p.asset_id = ?", id),
        Some(Target::Category(id)) => w.and("p.category_id = ?", id),
        Some(Target::Location(id)) => w.and("p.location_id = ?", id),
        None => {}
    }
    match q.due {
        DueFilter::All => {}
        DueFilter::Overdue => w.and("p.next_due_on < ?", date_text(today)),
        DueFilter::Within { days } => {
            let until = today
                .checked_add_days(Days::new(u64::from(days.min(3650))))
                .unwrap_or(today);
            w.and("p.next_due_on <= ?", date_text(until));
        }
    }
    w.into_parts()
}

pub fn list(conn: &Connection, q: &PlanQuery, today: NaiveDate) -> crate::Result<Page<PlanRow>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filtered(q, today);
    let total = count_rows(conn, "maintenance_plans p", &filter, &args)?;
    let dir = q.dir.sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort {
        PlanSort::NextDue => format!("p.next_due_on {dir}, p.id {dir}"),
        PlanSort::Title => format!("p.title_key {dir}, p.id {dir}"),
        PlanSort::LastDone => {
            format!("p.last_done_on IS NULL, p.last_done_on {dir}, p.id {dir}")
        }
    };
    let n = args.len();
    args.push(Value::Text(date_text(today)));
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let sql = format!(
        "SELECT p.id, p.title, p.asset_id, p.category_id, p.location_id, {}, p.schedule,
                p.assignee_employee_id, {ASSIGNEE_SQL}, p.next_due_on, p.last_done_on,
                p.next_due_on < ?{}, p.active
         FROM maintenance_plans p{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        target_sql(),
        n + 1,
        n + 2,
        n + 3
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(PlanRow {
                id: r.get(0)?,
                title: r.get(1)?,
                target: target_at(r, 2)?,
                target_name: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                schedule: schedule_at(r, 6)?,
                assignee_employee_id: r.get(7)?,
                assignee_name: r.get(8)?,
                next_due_on: date_at(r, 9)?,
                last_done_on: opt_date_at(r, 10)?,
                overdue: r.get(11)?,
                active: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// An active plan due on or before some day: what the calendar and the attention list need.
pub struct Due {
    pub id: i64,
    pub title: String,
    pub target_name: String,
    pub asset_id: Option<i64>,
    pub schedule: Schedule,
    pub next_due_on: NaiveDate,
    pub assignee_employee_id: Option<i64>,
}

/// Active plans due on or before `until`, soonest first, at most `limit`; only those assigned
/// to `assignee` when given.
pub fn due_by(
    conn: &Connection,
    until: NaiveDate,
    assignee: Option<i64>,
    limit: i64,
) -> crate::Result<Vec<Due>> {
    let whose = match assignee {
        Some(_) => "p.assignee_employee_id = ?2",
        None => "?2 IS NULL",
    };
    let sql = format!(
        "SELECT p.id, p.title, {}, p.asset_id, p.schedule, p.next_due_on, p.assignee_employee_id
         FROM maintenance_plans p
         WHERE p.next_due_on <= ?1 AND {whose} AND p.active = 1
         ORDER BY p.next_due_on, p.id LIMIT ?3",
        target_sql()
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params![date_text(until), assignee, limit], |r| {
            Ok(Due {
                id: r.get(0)?,
                title: r.get(1)?,
                target_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
                asset_id: r.get(3)?,
                schedule: schedule_at(r, 4)?,
                next_due_on: date_at(r, 5)?,
                assignee_employee_id: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// How many active plans (of `assignee`, when given) are due in each band: before
/// `long_overdue`, from it to before `today`, and from `today` to `until`.
pub fn due_counts(
    conn: &Connection,
    long_overdue: NaiveDate,
    today: NaiveDate,
    until: NaiveDate,
    assignee: Option<i64>,
) -> crate::Result<[i64; 3]> {
    let whose = match assignee {
        Some(_) => "p.assignee_employee_id = ?4",
        None => "?4 IS NULL",
    };
    let sql = format!(
        "SELECT coalesce(sum(p.next_due_on < ?1), 0),
                coalesce(sum(p.next_due_on >= ?1 AND p.next_due_on < ?2), 0),
                coalesce(sum(p.next_due_on >= ?2), 0)
         FROM maintenance_plans p WHERE p.next_due_on <= ?3 AND {whose} AND p.active = 1"
    );
    let args = rusqlite::params![
        date_text(long_overdue),
        date_text(today),
        date_text(until),
        assignee
    ];
    Ok(conn
        .prepare_cached(&sql)?
        .query_row(args, |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]))?)
}
