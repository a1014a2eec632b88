//! Audits: reading one with its names, the list with its filters, and writes.

use super::scope;
use crate::domain::audits::audit::{
    Audit, AuditQuery, AuditRow, AuditSort, AuditStatus, Recurrence, TrendPoint, ValidAudit,
};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::filter::Where;
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{like_pattern, ts_parse};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "audits",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "title",
        "title_key",
        "template_version_id",
        "scope_note",
        "lead_user_id",
        "planned_start",
        "planned_end",
        "started_on",
        "ended_on",
        "status",
        "recurrence",
        "series_id",
        "previous_id",
        "score",
        "closed_at",
        "reopen_reason",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("template_version_id", "audit_template_versions"),
        ("lead_user_id", "users"),
        ("series_id", "audits"),
        ("previous_id", "audits"),
    ],
    naming: Naming::Field("title"),
    dates: &["planned_start", "planned_end", "started_on", "ended_on"],
    instants: &["closed_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

/// Who may see which audits: everyone in the area, or a manager, who sees the audits covering
/// the departments of their own staff record and of the people reporting to them, and those
/// holding an action they own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    All,
    Managed { employee_id: Option<i64> },
}

impl Visibility {
    /// A condition on `a.id`, with its argument.
    pub fn condition(self) -> Option<(&'static str, i64)> {
        match self {
            Visibility::All => None,
            Visibility::Managed { employee_id } => Some((
                "(a.id IN (SELECT s.audit_id FROM audit_scope s WHERE s.entity = 'departments'
                   AND s.record_id IN (SELECT department_id FROM employees
                                        WHERE id = ?V OR manager_id = ?V))
                  OR a.id IN (SELECT f.audit_id FROM findings f JOIN audit_actions x
                                ON x.finding_id = f.id WHERE x.owner_employee_id = ?V))",
                employee_id.unwrap_or(-1),
            )),
        }
    }
}

const COLUMNS: &str = "a.id, a.title, v.template_id, t.name, a.template_version_id, v.number,
    t.language, a.scope_note, a.lead_user_id, coalesce(u.full_name, u.username), a.planned_start,
    a.planned_end, a.started_on, a.ended_on, a.status, a.recurrence, a.series_id, a.previous_id,
    a.score, a.closed_at, a.reopen_reason, a.version, a.created_at, a.updated_at";

const FROM: &str = "FROM audits a
    JOIN audit_template_versions v ON v.id = a.template_version_id
    JOIN audit_templates t ON t.id = v.template_id
    JOIN users u ON u.id = a.lead_user_id";

fn bad(col: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what}").into(),
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Audit> {
    Ok(Audit {
        id: r.get(0)?,
        title: r.get(1)?,
        template_id: r.get(2)?,
        template_name: r.get(3)?,
        template_version_id: r.get(4)?,
        template_number: r.get(5)?,
        language: r.get(6)?,
        scope_note: r.get(7)?,
        lead_user_id: r.get(8)?,
        lead_name: r.get(9)?,
        planned_start: date_at(r, 10)?,
        planned_end: date_at(r, 11)?,
        started_on: opt_date_at(r, 12)?,
        ended_on: opt_date_at(r, 13)?,
        status: AuditStatus::parse(&r.get::<_, String>(14)?).ok_or_else(|| bad(14, "status"))?,
        recurrence: Recurrence::parse(&r.get::<_, String>(15)?)
            .ok_or_else(|| bad(15, "recurrence"))?,
        series_id: r.get(16)?,
        previous_id: r.get(17)?,
        score: r.get(18)?,
        closed_at: r
            .get::<_, Option<String>>(19)?
            .map(|s| ts_parse(&s))
            .transpose()?,
        reopen_reason: r.get(20)?,
        departments: Vec::new(),
        auditees: Vec::new(),
        assets: Vec::new(),
        suppliers: Vec::new(),
        version: r.get(21)?,
        created_at: ts_parse(&r.get::<_, String>(22)?)?,
        updated_at: ts_parse(&r.get::<_, String>(23)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Audit>> {
    let Some(mut a) = conn
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE a.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    a.departments = scope::records(conn, id, "departments")?;
    a.auditees = scope::records(conn, id, "employees")?;
    a.assets = scope::records(conn, id, "assets")?;
    a.suppliers = scope::records(conn, id, "suppliers")?;
    Ok(Some(a))
}

/// Whether `who` may see audit `id`.
pub fn visible(conn: &Connection, id: i64, who: Visibility) -> crate::Result<bool> {
    let Some((cond, v)) = who.condition() else {
        return Ok(true);
    };
    let sql = format!(
        "SELECT 1 FROM audits a WHERE a.id = ?1 AND {}",
        cond.replace("?V", "?2")
    );
    Ok(conn
        .prepare_cached(&sql)?
        .exists(rusqlite::params![id, v])?)
}

fn filtered(q: &AuditQuery, who: Visibility, today: NaiveDate) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("?V", "?"), v);
    }
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        w.and("a.title_key LIKE ? ESCAPE '\\'", like_pattern(&s));
    }
    if let Some(s) = q.status {
        w.and("a.status = ?", s.as_str().to_owned());
    }
    if let Some(d) = q.department_id {
        w.and(
            "a.id IN (SELECT audit_id FROM audit_scope WHERE entity = 'departments' AND record_id = ?)",
            d,
        );
    }
    if let Some(l) = q.lead_user_id {
        w.and("a.lead_user_id = ?", l);
    }
    if q.overdue {
        w.and(
            "a.status <> 'closed' AND a.planned_end < ?",
            date_text(today),
        );
    }
    w.into_parts()
}

pub fn list(
    conn: &Connection,
    q: &AuditQuery,
    who: Visibility,
    today: NaiveDate,
) -> crate::Result<Page<AuditRow>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filtered(q, who, today);
    let total = count_rows(conn, "audits a", &filter, &args)?;
    // Sort keys come from a closed enum; id breaks ties so paging is stable.
    let key = match q.sort {
        AuditSort::Title => "a.title_key",
        AuditSort::PlannedStart => "a.planned_start",
        AuditSort::Status => "a.status",
        AuditSort::Score => "a.score",
        AuditSort::UpdatedAt => "a.updated_at",
    };
    let dir = q.dir.sql();
    args.push(Value::Text(date_text(today)));
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    // The page's ids first (from the index), then their names: joins run for 50 rows only, the
    // page kept outermost by CROSS JOIN (see findings::list).
    let sql = format!(
        "WITH page AS (SELECT a.id FROM audits a{filter}
                        ORDER BY {key} IS NULL, {key} {dir}, a.id {dir} LIMIT ?{} OFFSET ?{})
         SELECT a.id, a.title, t.name, coalesce(u.full_name, u.username), a.planned_start,
                a.planned_end, a.status, a.score, a.recurrence,
                (SELECT count(*) FROM findings f WHERE f.audit_id = a.id AND f.status = 'open'),
                a.status <> 'closed' AND a.planned_end < ?{n}
         FROM page CROSS JOIN audits a ON a.id = page.id
         JOIN audit_template_versions v ON v.id = a.template_version_id
         JOIN audit_templates t ON t.id = v.template_id
         JOIN users u ON u.id = a.lead_user_id
         ORDER BY {key} IS NULL, {key} {dir}, a.id {dir}",
        n + 1,
        n + 2
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(AuditRow {
                id: r.get(0)?,
                title: r.get(1)?,
                template_name: r.get(2)?,
                lead_name: r.get(3)?,
                planned_start: date_at(r, 4)?,
                planned_end: date_at(r, 5)?,
                status: AuditStatus::parse(&r.get::<_, String>(6)?)
                    .ok_or_else(|| bad(6, "status"))?,
                score: r.get(7)?,
                recurrence: Recurrence::parse(&r.get::<_, String>(8)?)
                    .ok_or_else(|| bad(8, "recurrence"))?,
                open_findings: r.get(9)?,
                overdue: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

fn form_texts(v: &ValidAudit) -> [String; 3] {
    [
        v.recurrence.as_str().to_owned(),
        date_text(v.planned_start),
        date_text(v.planned_end),
    ]
}

/// The values a form sets.
fn form_values<'a>(
    v: &'a ValidAudit,
    texts: &'a [String; 3],
) -> Vec<(&'static str, &'a dyn ToSql)> {
    let [recurrence, start, end] = texts;
    vec![
        ("title", &v.title as &dyn ToSql),
        ("title_key", &v.title_key),
        ("scope_note", &v.scope_note),
        ("lead_user_id", &v.lead_user_id),
        ("planned_start", start),
        ("planned_end", end),
        ("recurrence", recurrence),
    ]
}

/// A new planned audit of `version_id`; `series` is (series id, previous id) for a recurrence.
pub fn insert(
    w: &WriteTx,
    v: &ValidAudit,
    version_id: i64,
    series: Option<(i64, i64)>,
) -> crate::Result<i64> {
    let texts = form_texts(v);
    let status = AuditStatus::Planned.as_str().to_owned();
    let (series_id, previous_id) = (series.map(|s| s.0), series.map(|s| s.1));
    let mut values = form_values(v, &texts);
    values.push(("template_version_id", &version_id));
    values.push(("status", &status));
    values.push(("series_id", &series_id));
    values.push(("previous_id", &previous_id));
    let id = recorded::insert(w, &TRACKED, &values)?;
    if series.is_none() && v.recurrence != Recurrence::None {
        // A recurring audit starts its own series.
        recorded::update(w, &TRACKED, id, &vec![("series_id", &id as &dyn ToSql)])?;
    }
    scope::set(w, id, "departments", &v.department_ids, "department_ids")?;
    scope::set(w, id, "employees", &v.auditee_ids, "auditee_ids")?;
    scope::set(w, id, "assets", &v.asset_ids, "asset_ids")?;
    scope::set(w, id, "suppliers", &v.supplier_ids, "supplier_ids")?;
    Ok(id)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidAudit, version_id: i64) -> crate::Result<()> {
    let texts = form_texts(v);
    let mut values = form_values(v, &texts);
    values.push(("template_version_id", &version_id));
    if v.recurrence != Recurrence::None {
        let series: Option<i64> =
            w.conn()
                .query_row("SELECT series_id FROM audits WHERE id = ?1", [id], |r| {
                    r.get(0)
                })?;
        if series.is_none() {
            recorded::update(w, &TRACKED, id, &vec![("series_id", &id as &dyn ToSql)])?;
        }
    }
    recorded::update(w, &TRACKED, id, &values)?;
    scope::set(w, id, "departments", &v.department_ids, "department_ids")?;
    scope::set(w, id, "employees", &v.auditee_ids, "auditee_ids")?;
    scope::set(w, id, "assets", &v.asset_ids, "asset_ids")?;
    scope::set(w, id, "suppliers", &v.supplier_ids, "supplier_ids")?;
    Ok(())
}

/// A status change with the fields that move with it.
pub struct StatusChange {
    pub status: AuditStatus,
    pub started_on: Option<NaiveDate>,
    pub ended_on: Option<NaiveDate>,
    pub closed_at: Option<String>,
    pub reopen_reason: Option<String>,
}

pub fn set_status(w: &WriteTx, id: i64, c: &StatusChange) -> crate::Result<()> {
    let status = c.status.as_str().to_owned();
    let (started, ended) = (opt_date_text(c.started_on), opt_date_text(c.ended_on));
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("started_on", &started),
            ("ended_on", &ended),
            ("closed_at", &c.closed_at),
            ("reopen_reason", &c.reopen_reason),
        ],
    )?;
    Ok(())
}

pub fn set_score(w: &WriteTx, id: i64, score: Option<i64>) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("score", &score as &dyn ToSql)])?;
    Ok(())
}

/// The audits of a recurring series, oldest first, with their scores.
pub fn series(conn: &Connection, series_id: i64) -> crate::Result<Vec<TrendPoint>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, planned_start, ended_on, score, status FROM audits WHERE series_id = ?1
         ORDER BY planned_start, id LIMIT 200",
    )?;
    let rows = stmt.query_map([series_id], |r| {
        Ok(TrendPoint {
            audit_id: r.get(0)?,
            planned_start: date_at(r, 1)?,
            score: r.get(3)?,
            status: AuditStatus::parse(&r.get::<_, String>(4)?).ok_or_else(|| bad(4, "status"))?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Whether the series already has an audit planned after `after` (a re-opened and re-closed
/// audit does not plan its next occurrence twice).
pub fn has_later(conn: &Connection, series_id: i64, after: i64) -> crate::Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM audits WHERE series_id = ?1 AND previous_id = ?2")?
        .exists([series_id, after])?)
}

pub fn require(conn: &Connection, id: i64) -> crate::Result<Audit> {
    get(conn, id)?.ok_or_else(|| Error::not_found("audit"))
}
