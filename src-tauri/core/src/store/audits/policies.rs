//! Policies and who acknowledged which version.

use crate::domain::audits::policy::{
    next_review, AckFilter, AckQuery, AckRow, Policy, PolicyKind, PolicyQuery, ValidPolicy,
};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::dates::{date_text, opt_date_at};
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{like_pattern, ts_parse};
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "policies",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "title",
        "title_key",
        "kind",
        "owner_employee_id",
        "version_label",
        "approved_by",
        "approved_on",
        "review_months",
        "last_reviewed_on",
        "next_review_on",
        "retired",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("owner_employee_id", "employees")],
    naming: Naming::Field("title"),
    dates: &["approved_on", "last_reviewed_on", "next_review_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static ACKS: Tracked = Tracked {
    entity: "policy_acknowledgements",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "policy_id",
        "employee_id",
        "version_label",
        "acknowledged_on",
        "version",
        "created_at",
    ],
    references: &[("policy_id", "policies"), ("employee_id", "employees")],
    naming: Naming::Parts(&[Part::Ref("policy_id"), Part::Ref("employee_id")]),
    dates: &["acknowledged_on"],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "p.id, p.title, p.kind, p.owner_employee_id,
    (SELECT last_name || ' ' || first_name FROM employees WHERE id = p.owner_employee_id),
    p.version_label, p.approved_by, p.approved_on, p.review_months, p.last_reviewed_on,
    p.next_review_on, p.retired,
    (SELECT count(*) FROM policy_acknowledgements k JOIN employees e ON e.id = k.employee_id
      WHERE k.policy_id = p.id AND k.version_label = p.version_label AND e.status = 'active'),
    (SELECT count(*) FROM employees WHERE status = 'active'),
    p.version, p.created_at, p.updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Policy> {
    Ok(Policy {
        id: r.get(0)?,
        title: r.get(1)?,
        kind: PolicyKind::parse(&r.get::<_, String>(2)?).unwrap_or(PolicyKind::Other),
        owner_employee_id: r.get(3)?,
        owner_name: r.get(4)?,
        version_label: r.get(5)?,
        approved_by: r.get(6)?,
        approved_on: opt_date_at(r, 7)?,
        review_months: r.get(8)?,
        last_reviewed_on: opt_date_at(r, 9)?,
        next_review_on: opt_date_at(r, 10)?,
        retired: r.get(11)?,
        acknowledged: r.get(12)?,
        staff: r.get(13)?,
        version: r.get(14)?,
        created_at: ts_parse(&r.get::<_, String>(15)?)?,
        updated_at: ts_parse(&r.get::<_, String>(16)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Policy>> {
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM policies p WHERE p.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Policies by next review (soonest first), then title.
pub fn list(conn: &Connection, q: &PolicyQuery) -> crate::Result<Page<Policy>> {
    let (offset, limit) = q.page.clamped();
    let mut filter = String::from(" WHERE 1=1");
    let mut args: Vec<Value> = Vec::new();
    if !q.with_retired {
        filter.push_str(" AND p.retired = 0");
    }
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        args.push(Value::Text(like_pattern(&s)));
        filter.push_str(" AND p.title_key LIKE ?1 ESCAPE '\\'");
    }
    let total = count_rows(conn, "policies p", &filter, &args)?;
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM policies p{filter}
             ORDER BY p.next_review_on IS NULL, p.next_review_on, p.title_key, p.id
             LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

fn check(w: &WriteTx, v: &ValidPolicy, own: i64) -> crate::Result<()> {
    let mut errors = Vec::new();
    if w.conn()
        .prepare_cached("SELECT 1 FROM policies WHERE title_key = ?1 AND id <> ?2")?
        .exists(rusqlite::params![v.title_key, own])?
    {
        errors.push(FieldError::new("title", "duplicate"));
    }
    if let Some(e) = v.owner_employee_id {
        if !w
            .conn()
            .prepare_cached("SELECT 1 FROM employees WHERE id = ?1")?
            .exists([e])?
        {
            errors.push(FieldError::new("owner_employee_id", "not_found"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

fn write_values<'a>(
    v: &'a ValidPolicy,
    texts: &'a [Option<String>; 3],
    kind: &'a dyn ToSql,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("title", &v.title as &dyn ToSql),
        ("title_key", &v.title_key),
        ("kind", kind),
        ("owner_employee_id", &v.owner_employee_id),
        ("version_label", &v.version_label),
        ("approved_by", &v.approved_by),
        ("approved_on", &texts[0]),
        ("review_months", &v.review_months),
        ("last_reviewed_on", &texts[1]),
        ("next_review_on", &texts[2]),
    ]
}

pub fn insert(w: &WriteTx, v: &ValidPolicy) -> crate::Result<i64> {
    check(w, v, 0)?;
    let texts = [
        v.approved_on.map(date_text),
        None,
        next_review(None, v.approved_on, v.review_months).map(date_text),
    ];
    let kind = v.kind.as_str().to_owned();
    let mut values = write_values(v, &texts, &kind);
    let retired = false;
    values.push(("retired", &retired));
    recorded::insert(w, &TRACKED, &values)
}

pub fn update(w: &WriteTx, p: &Policy, v: &ValidPolicy) -> crate::Result<()> {
    check(w, v, p.id)?;
    let texts = [
        v.approved_on.map(date_text),
        p.last_reviewed_on.map(date_text),
        next_review(p.last_reviewed_on, v.approved_on, v.review_months).map(date_text),
    ];
    let kind = v.kind.as_str().to_owned();
    recorded::update(w, &TRACKED, p.id, &write_values(v, &texts, &kind))?;
    Ok(())
}

/// Records a review on `on`: the next one moves an interval on.
pub fn reviewed(w: &WriteTx, p: &Policy, on: NaiveDate) -> crate::Result<()> {
    let last = Some(date_text(on));
    let next = next_review(Some(on), p.approved_on, p.review_months).map(date_text);
    recorded::update(
        w,
        &TRACKED,
        p.id,
        &vec![
            ("last_reviewed_on", &last as &dyn ToSql),
            ("next_review_on", &next),
        ],
    )?;
    Ok(())
}

pub fn set_retired(w: &WriteTx, id: i64, retired: bool) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("retired", &retired as &dyn ToSql)])?;
    Ok(())
}

/// Records that these people read the policy's current version on `on`; someone who already
/// did keeps their first date.
pub fn acknowledge(
    w: &WriteTx,
    p: &Policy,
    employees: &[i64],
    on: NaiveDate,
) -> crate::Result<i64> {
    let on = date_text(on);
    let mut added = 0;
    for e in employees {
        if !w
            .conn()
            .prepare_cached("SELECT 1 FROM employees WHERE id = ?1")?
            .exists([e])?
        {
            return Err(Error::validation(vec![FieldError::new(
                "employee_ids",
                "not_found",
            )
            .with("id", e)]));
        }
        let done = w
            .conn()
            .prepare_cached(
                "SELECT 1 FROM policy_acknowledgements
                 WHERE policy_id = ?1 AND employee_id = ?2 AND version_label = ?3",
            )?
            .exists(rusqlite::params![p.id, e, p.version_label])?;
        if !done {
            recorded::insert(
                w,
                &ACKS,
                &vec![
                    ("policy_id", &p.id as &dyn ToSql),
                    ("employee_id", e),
                    ("version_label", &p.version_label),
                    ("acknowledged_on", &on),
                ],
            )?;
            added += 1;
        }
    }
    Ok(added)
}

/// Active staff with whether each read the current version, by name.
pub fn acknowledgements(
    conn: &Connection,
    p: &Policy,
    q: &AckQuery,
) -> crate::Result<Page<AckRow>> {
    let (offset, limit) = q.page.clamped();
    let mut filter = String::from(" WHERE e.status = 'active'");
    let mut args: Vec<Value> = vec![Value::Integer(p.id), Value::Text(p.version_label.clone())];
    match q.filter {
        AckFilter::All => {}
        AckFilter::Read => filter.push_str(" AND k.id IS NOT NULL"),
        AckFilter::NotRead => filter.push_str(" AND k.id IS NULL"),
    }
    if let Some(d) = q.department_id {
        args.push(Value::Integer(d));
        filter.push_str(&format!(" AND e.department_id = ?{}", args.len()));
    }
    const FROM: &str = " FROM employees e LEFT JOIN policy_acknowledgements k
        ON k.employee_id = e.id AND k.policy_id = ?1 AND k.version_label = ?2";
    let total: i64 = conn.query_row(
        &format!("SELECT count(*){FROM}{filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = conn
        .prepare(&format!(
            "SELECT e.id, e.last_name || ' ' || e.first_name,
                    (SELECT name FROM departments WHERE id = e.department_id), k.acknowledged_on
             {FROM}{filter} ORDER BY e.sort_key, e.id LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(AckRow {
                employee_id: r.get(0)?,
                name: r.get(1)?,
                department: r.get(2)?,
                acknowledged_on: opt_date_at(r, 3)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Policies owned by `employee` whose review falls on or before `by`: (id, title, due).
pub fn reviews_due(
    conn: &Connection,
    employee: i64,
    by: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<(i64, String, NaiveDate)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, title, next_review_on FROM policies
         WHERE retired = 0 AND next_review_on <= ?1 AND owner_employee_id = ?2
         ORDER BY next_review_on, id LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![date_text(by), employee, limit], |r| {
        Ok((r.get(0)?, r.get(1)?, crate::store::dates::date_at(r, 2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
