//! Corrective actions of findings.

use super::audit::Visibility;
use super::findings::{subject, subject_cols};
use crate::domain::audits::finding::{
    ActionQuery, ActionRow, ActionSort, ActionStatus, CapaAction, ValidAction,
};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "audit_actions",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "finding_id",
        "description",
        "owner_employee_id",
        "due_on",
        "status",
        "done_on",
        "done_note",
        "verified_by_user_id",
        "verified_on",
        "effectiveness",
        "subject_entity",
        "subject_id",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("finding_id", "findings"),
        ("owner_employee_id", "employees"),
        ("verified_by_user_id", "users"),
    ],
    naming: Naming::Parts(&[Part::Ref("finding_id"), Part::Ref("owner_employee_id")]),
    dates: &["due_on", "done_on", "verified_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

fn bad(col: usize) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        "unknown value".into(),
    )
}

const COLUMNS: &str = "x.id, x.finding_id, x.description, x.owner_employee_id,
    (SELECT last_name || ' ' || first_name FROM employees WHERE id = x.owner_employee_id),
    x.due_on, x.status, x.done_on, x.done_note, x.verified_by_user_id,
    (SELECT coalesce(full_name, username) FROM users WHERE id = x.verified_by_user_id),
    x.verified_on, x.effectiveness, x.subject_entity, x.subject_id, x.version";

fn from_row(r: &Row) -> rusqlite::Result<CapaAction> {
    Ok(CapaAction {
        id: r.get(0)?,
        finding_id: r.get(1)?,
        description: r.get(2)?,
        owner_employee_id: r.get(3)?,
        owner_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
        due_on: date_at(r, 5)?,
        status: ActionStatus::parse(&r.get::<_, String>(6)?).ok_or_else(|| bad(6))?,
        done_on: opt_date_at(r, 7)?,
        done_note: r.get(8)?,
        verified_by_user_id: r.get(9)?,
        verified_by_name: r.get(10)?,
        verified_on: opt_date_at(r, 11)?,
        effectiveness: r.get(12)?,
        subject: subject(r.get(13)?, r.get(14)?),
        version: r.get(15)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<CapaAction>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM audit_actions x WHERE x.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn require(conn: &Connection, id: i64) -> crate::Result<CapaAction> {
    get(conn, id)?.ok_or_else(|| Error::not_found("action"))
}

pub fn of_finding(conn: &Connection, finding_id: i64) -> crate::Result<Vec<CapaAction>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM audit_actions x WHERE x.finding_id = ?1 ORDER BY x.due_on, x.id
         LIMIT 1000"
    ))?;
    let rows = stmt.query_map([finding_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn check_owner(w: &WriteTx, id: i64) -> crate::Result<()> {
    if !w
        .conn()
        .prepare_cached("SELECT 1 FROM employees WHERE id = ?1")?
        .exists([id])?
    {
        return Err(Error::validation(vec![crate::error::FieldError::new(
            "owner_employee_id",
            "not_found",
        )]));
    }
    Ok(())
}

pub fn insert(w: &WriteTx, finding_id: i64, v: &ValidAction) -> crate::Result<i64> {
    check_owner(w, v.owner_employee_id)?;
    super::findings::check_subject(w.conn(), &v.subject)?;
    let due = date_text(v.due_on);
    let status = ActionStatus::Open.as_str().to_owned();
    let subject = subject_cols(&v.subject);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("finding_id", &finding_id as &dyn ToSql),
            ("description", &v.description),
            ("owner_employee_id", &v.owner_employee_id),
            ("due_on", &due),
            ("status", &status),
            ("subject_entity", &subject.0),
            ("subject_id", &subject.1),
        ],
    )
}

pub fn update(w: &WriteTx, id: i64, v: &ValidAction) -> crate::Result<()> {
    check_owner(w, v.owner_employee_id)?;
    super::findings::check_subject(w.conn(), &v.subject)?;
    let due = date_text(v.due_on);
    let subject = subject_cols(&v.subject);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("description", &v.description as &dyn ToSql),
            ("owner_employee_id", &v.owner_employee_id),
            ("due_on", &due),
            ("subject_entity", &subject.0),
            ("subject_id", &subject.1),
        ],
    )?;
    Ok(())
}

/// Findings of audits covering a department.
const DEPARTMENT_SCOPE: &str =
    "f.audit_id IN (SELECT audit_id FROM audit_scope WHERE entity = 'departments' AND record_id = ?)";

/// Moves an action's status with the fields that go with it.
pub struct ActionProgress {
    pub status: ActionStatus,
    pub done_on: Option<NaiveDate>,
    pub done_note: Option<String>,
    pub verified_by_user_id: Option<i64>,
    pub verified_on: Option<NaiveDate>,
    pub effectiveness: Option<String>,
}

pub fn progress(w: &WriteTx, id: i64, p: &ActionProgress) -> crate::Result<()> {
    let status = p.status.as_str().to_owned();
    let done = p.done_on.map(date_text);
    let verified = p.verified_on.map(date_text);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("done_on", &done),
            ("done_note", &p.done_note),
            ("verified_by_user_id", &p.verified_by_user_id),
            ("verified_on", &verified),
            ("effectiveness", &p.effectiveness),
        ],
    )?;
    Ok(())
}

pub fn delete(w: &WriteTx, id: i64) -> crate::Result<()> {
    recorded::delete(w, &TRACKED, id)
}

/// The list's condition and its arguments, and whether it reads the findings (`f`).
fn filtered(
    q: &ActionQuery,
    who: Visibility,
    me: Option<i64>,
    today: NaiveDate,
) -> (String, Vec<Value>, bool) {
    let on_findings = who.condition().is_some()
        || q.audit_id.is_some()
        || q.department_id.is_some()
        || q.search.as_deref().is_some_and(|s| !fold_key(s).is_empty());
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("a.id", "f.audit_id").replace("?V", "?"), v);
    }
    if q.mine {
        w.and("x.owner_employee_id = ?", me.unwrap_or(-1));
    }
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        w.and(
            "(lower(x.description) LIKE ? ESCAPE '\\' OR f.title_key LIKE ? ESCAPE '\\')",
            like_pattern(&s),
        );
    }
    if let Some(s) = q.status {
        w.and("x.status = ?", s.as_str().to_owned());
    }
    if let Some(o) = q.owner_employee_id {
        w.and("x.owner_employee_id = ?", o);
    }
    if let Some(a) = q.audit_id {
        w.and("f.audit_id = ?", a);
    }
    if let Some(d) = q.department_id {
        w.and(DEPARTMENT_SCOPE, d);
    }
    if q.overdue {
        w.and("x.status = 'open' AND x.due_on < ?", date_text(today));
    }
    let (filter, args) = w.into_parts();
    (filter, args, on_findings)
}

pub fn list(
    conn: &Connection,
    q: &ActionQuery,
    who: Visibility,
    me: Option<i64>,
    today: NaiveDate,
) -> crate::Result<Page<ActionRow>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args, on_findings) = filtered(q, who, me, today);
    // Every action has its finding, so the join only matters to a filter or sort on findings;
    // without it the count and the page are read from the actions' own indexes.
    let from = if on_findings || q.sort == ActionSort::Audit {
        " FROM audit_actions x JOIN findings f ON f.id = x.finding_id"
    } else {
        " FROM audit_actions x"
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*){from}{filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let key = match q.sort {
        ActionSort::DueOn => "x.due_on",
        ActionSort::Owner => "x.owner_employee_id",
        ActionSort::Status => "x.status",
        ActionSort::Audit => "f.audit_id",
    };
    let dir = q.dir.sql();
    args.push(Value::Text(date_text(today)));
    let t = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    // The page's ids from an index, then its rows, the page outermost (see findings::list).
    let sql = format!(
        "WITH page AS (SELECT x.id{from}{filter} ORDER BY {key} {dir}, x.id {dir}
                        LIMIT ?{} OFFSET ?{})
         SELECT x.id, x.finding_id, f.number, f.title, f.audit_id, a.title, x.description,
                coalesce((SELECT last_name || ' ' || first_name FROM employees
                          WHERE id = x.owner_employee_id), ''),
                x.due_on, x.status, x.status = 'open' AND x.due_on < ?{t}
         FROM page CROSS JOIN audit_actions x ON x.id = page.id
         JOIN findings f ON f.id = x.finding_id
         JOIN audits a ON a.id = f.audit_id
         ORDER BY {key} {dir}, x.id {dir}",
        t + 1,
        t + 2
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(ActionRow {
                id: r.get(0)?,
                finding_id: r.get(1)?,
                finding_number: r.get(2)?,
                finding_title: r.get(3)?,
                audit_id: r.get(4)?,
                audit_title: r.get(5)?,
                description: r.get(6)?,
                owner_name: r.get(7)?,
                due_on: date_at(r, 8)?,
                status: ActionStatus::parse(&r.get::<_, String>(9)?).ok_or_else(|| bad(9))?,
                overdue: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}
