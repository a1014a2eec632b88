//! Findings of audits.

use super::actions;
use super::audit::Visibility;
use crate::domain::audits::finding::{
    Finding, FindingQuery, FindingRow, FindingSort, FindingStatus, Severity, Subject, ValidFinding,
};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::store::dates::opt_date_at;
use crate::store::filter::Where;
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{like_pattern, ts_parse};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "findings",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "audit_id",
        "result_id",
        "number",
        "severity",
        "title",
        "title_key",
        "description",
        "root_cause",
        "whys",
        "subject_entity",
        "subject_id",
        "status",
        "closed_on",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("audit_id", "audits"), ("result_id", "audit_results")],
    naming: Naming::Parts(&[Part::Text("title"), Part::Ref("audit_id")]),
    dates: &["closed_on"],
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

pub(super) fn subject(entity: Option<String>, id: Option<i64>) -> Option<Subject> {
    Some(Subject {
        entity: entity?,
        id: id?,
    })
}

const COLUMNS: &str = "f.id, f.audit_id, a.title, f.result_id,
    (SELECT i.code FROM audit_results r JOIN audit_checklist_items i ON i.id = r.item_id
      WHERE r.id = f.result_id),
    f.number, f.severity, f.title, f.description, f.root_cause, f.whys, f.subject_entity,
    f.subject_id, f.status, f.closed_on, f.version, f.created_at, f.updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Finding> {
    let whys: Option<String> = r.get(10)?;
    Ok(Finding {
        id: r.get(0)?,
        audit_id: r.get(1)?,
        audit_title: r.get(2)?,
        result_id: r.get(3)?,
        item_code: r.get(4)?,
        number: r.get(5)?,
        severity: Severity::parse(&r.get::<_, String>(6)?).ok_or_else(|| bad(6))?,
        title: r.get(7)?,
        description: r.get(8)?,
        root_cause: r.get(9)?,
        whys: whys
            .and_then(|w| serde_json::from_str(&w).ok())
            .unwrap_or_default(),
        subject: subject(r.get(11)?, r.get(12)?),
        subject_name: None,
        status: FindingStatus::parse(&r.get::<_, String>(13)?).ok_or_else(|| bad(13))?,
        closed_on: opt_date_at(r, 14)?,
        actions: Vec::new(),
        version: r.get(15)?,
        created_at: ts_parse(&r.get::<_, String>(16)?)?,
        updated_at: ts_parse(&r.get::<_, String>(17)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Finding>> {
    let Some(mut f) = conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM findings f JOIN audits a ON a.id = f.audit_id WHERE f.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    f.actions = actions::of_finding(conn, id)?;
    f.subject_name = subject_name(conn, &f.subject)?;
    Ok(Some(f))
}

/// Every finding of an audit with its actions, by number.
pub fn of_audit(conn: &Connection, audit_id: i64) -> crate::Result<Vec<Finding>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM findings f JOIN audits a ON a.id = f.audit_id
         WHERE f.audit_id = ?1 ORDER BY f.number LIMIT 10000"
    ))?;
    let mut out = stmt
        .query_map([audit_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for f in &mut out {
        f.actions = actions::of_finding(conn, f.id)?;
        f.subject_name = subject_name(conn, &f.subject)?;
    }
    Ok(out)
}

pub fn require(conn: &Connection, id: i64) -> crate::Result<Finding> {
    get(conn, id)?.ok_or_else(|| Error::not_found("finding"))
}

type SubjectCols = (Option<String>, Option<i64>);

pub(super) fn subject_cols(s: &Option<Subject>) -> SubjectCols {
    match s {
        Some(s) => (Some(s.entity.clone()), Some(s.id)),
        None => (None, None),
    }
}

fn values<'a>(
    v: &'a ValidFinding,
    severity: &'a dyn ToSql,
    subject: &'a SubjectCols,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("severity", severity),
        ("title", &v.title),
        ("title_key", &v.title_key),
        ("description", &v.description),
        ("root_cause", &v.root_cause),
        ("whys", &v.whys),
        ("subject_entity", &subject.0),
        ("subject_id", &subject.1),
    ]
}

pub fn insert(
    w: &WriteTx,
    audit_id: i64,
    result_id: Option<i64>,
    v: &ValidFinding,
) -> crate::Result<i64> {
    check_subject(w.conn(), &v.subject)?;
    let number: i64 = w.conn().query_row(
        "SELECT coalesce(max(number), 0) + 1 FROM findings WHERE audit_id = ?1",
        [audit_id],
        |r| r.get(0),
    )?;
    let severity = v.severity.as_str().to_owned();
    let status = FindingStatus::Open.as_str().to_owned();
    let subject = subject_cols(&v.subject);
    let mut values = values(v, &severity, &subject);
    values.push(("audit_id", &audit_id));
    values.push(("result_id", &result_id));
    values.push(("number", &number));
    values.push(("status", &status));
    recorded::insert(w, &TRACKED, &values)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidFinding) -> crate::Result<()> {
    check_subject(w.conn(), &v.subject)?;
    let severity = v.severity.as_str().to_owned();
    let subject = subject_cols(&v.subject);
    recorded::update(w, &TRACKED, id, &values(v, &severity, &subject))?;
    Ok(())
}

/// Closes a finding whose actions are all verified, or opens it again when one is not.
pub fn settle(w: &WriteTx, id: i64, today: chrono::NaiveDate) -> crate::Result<()> {
    let (total, verified): (i64, i64) = w.conn().query_row(
        "SELECT count(*), count(*) FILTER (WHERE status = 'verified') FROM audit_actions
         WHERE finding_id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let closed = total > 0 && total == verified;
    let status = if closed {
        FindingStatus::Closed
    } else {
        FindingStatus::Open
    };
    let current: String =
        w.conn()
            .query_row("SELECT status FROM findings WHERE id = ?1", [id], |r| {
                r.get(0)
            })?;
    if current == status.as_str() {
        return Ok(());
    }
    let status = status.as_str().to_owned();
    let closed_on = closed.then(|| crate::store::dates::date_text(today));
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![("status", &status as &dyn ToSql), ("closed_on", &closed_on)],
    )?;
    Ok(())
}

fn filtered(q: &FindingQuery, who: Visibility) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("a.id", "f.audit_id").replace("?V", "?"), v);
    }
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        w.and("f.title_key LIKE ? ESCAPE '\\'", like_pattern(&s));
    }
    if let Some(s) = q.status {
        w.and("f.status = ?", s.as_str().to_owned());
    }
    if let Some(s) = q.severity {
        w.and("f.severity = ?", s.as_str().to_owned());
    }
    if let Some(a) = q.audit_id {
        w.and("f.audit_id = ?", a);
    }
    if let Some(d) = q.department_id {
        w.and(
            "f.audit_id IN (SELECT audit_id FROM audit_scope WHERE entity = 'departments' AND record_id = ?)",
            d,
        );
    }
    w.into_parts()
}

pub fn list(
    conn: &Connection,
    q: &FindingQuery,
    who: Visibility,
) -> crate::Result<Page<FindingRow>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filtered(q, who);
    let total = count_rows(conn, "findings f", &filter, &args)?;
    let key = match q.sort {
        FindingSort::Number => "f.number",
        // major < minor < observation alphabetically: the order of seriousness.
        FindingSort::Severity => "f.severity",
        FindingSort::Title => "f.title_key",
        FindingSort::Audit => "f.audit_id",
        FindingSort::CreatedAt => "f.created_at",
    };
    let dir = q.dir.sql();
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    // The page's ids first, from an index; then the page's 50 rows, read one by one (CROSS JOIN
    // keeps the page outermost: with the limit bound as a parameter, SQLite would otherwise
    // walk every finding in the outer order and look each up in the page).
    let sql = format!(
        "WITH page AS (SELECT f.id FROM findings f{filter} ORDER BY {key} {dir}, f.id {dir}
                        LIMIT ?{} OFFSET ?{})
         SELECT f.id, f.audit_id, a.title, f.number, f.severity, f.title, f.status,
                (SELECT count(*) FROM audit_actions x WHERE x.finding_id = f.id),
                (SELECT count(*) FROM audit_actions x WHERE x.finding_id = f.id AND x.status <> 'verified'),
                f.created_at
         FROM page CROSS JOIN findings f ON f.id = page.id JOIN audits a ON a.id = f.audit_id
         ORDER BY {key} {dir}, f.id {dir}",
        n + 1,
        n + 2
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(FindingRow {
                id: r.get(0)?,
                audit_id: r.get(1)?,
                audit_title: r.get(2)?,
                number: r.get(3)?,
                severity: Severity::parse(&r.get::<_, String>(4)?).ok_or_else(|| bad(4))?,
                title: r.get(5)?,
                status: FindingStatus::parse(&r.get::<_, String>(6)?).ok_or_else(|| bad(6))?,
                actions: r.get(7)?,
                actions_open: r.get(8)?,
                created_at: ts_parse(&r.get::<_, String>(9)?)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Checks a subject names an existing record of a declared table with an area of its own
/// (an employee, a department, an asset, a supplier): anything else is a field
/// error on `subject`.
pub fn check_subject(conn: &Connection, subject: &Option<Subject>) -> crate::Result<()> {
    let Some(s) = subject else {
        return Ok(());
    };
    let table = crate::store::tracked::table(&s.entity).filter(|t| t.area().is_some());
    let found = match table {
        Some(t) => conn
            .prepare_cached(&format!("SELECT 1 FROM {} WHERE id = ?1", t.entity))?
            .exists([s.id])?,
        None => false,
    };
    if found {
        Ok(())
    } else {
        Err(Error::validation(vec![crate::error::FieldError::new(
            "subject",
            "not_found",
        )]))
    }
}

/// The name of a finding's or action's subject, for the kinds of record a finding can name.
pub fn subject_name(conn: &Connection, subject: &Option<Subject>) -> crate::Result<Option<String>> {
    let Some(s) = subject else {
        return Ok(None);
    };
    let sql = match s.entity.as_str() {
        "employees" => "SELECT last_name || ' ' || first_name FROM employees WHERE id = ?1",
        "departments" => "SELECT name FROM departments WHERE id = ?1",
        "assets" => "SELECT tag || ' · ' || name FROM assets WHERE id = ?1",
        "suppliers" => "SELECT name FROM suppliers WHERE id = ?1",
        _ => return Ok(None),
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([s.id], |r| r.get(0))
        .optional()?)
}
