//! The cached completeness columns of `employees`: recomputing them, bringing them up to date as
//! days pass, and reading them back as roll-ups and as the "what needs fixing" list.

use crate::domain::page::Page;
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::catalog::Requirement;
use crate::domain::staff::completeness::{
    completeness, CompanyCompleteness, Completeness, CompletenessRollup, DocFact, EmployeeFacts,
    FixQuery, FixRow, Need, Severity, TrainingFact,
};
use crate::domain::staff::employee::Employee;
use crate::domain::text::fold_key;
use crate::store::attachments::MAX_PER_RECORD;
use crate::store::dates::{date_text, opt_date_at};
use crate::store::paged::count_rows;
use crate::store::retired_list;
use crate::store::{staff::employees, staff::requirements, staff::training};
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use std::collections::HashMap;

/// Days ahead that completeness looks at (the 90-day "expiring" bucket).
pub const HORIZON_DAYS: i64 = 90;

/// The requirements that apply to `e`, as completeness needs them.
pub fn needs_of(e: &Employee, reqs: &[Requirement]) -> Vec<Need> {
    let key = e.job_title.as_deref().map(fold_key);
    reqs.iter()
        .filter(|r| r.applies_to(key.as_deref(), e.department_id))
        .filter_map(|r| match (r.document_type_id, r.course_id) {
            (Some(d), _) => Some(Need::Document(d)),
            (None, Some(c)) => Some(Need::Course(c)),
            _ => None,
        })
        .collect()
}

/// Scores `e` from what the store holds now.
pub fn assess(
    conn: &Connection,
    e: &Employee,
    reqs: &[Requirement],
    today: NaiveDate,
) -> crate::Result<Completeness> {
    let fixed_term = match e.contract_type_id {
        Some(id) => retired_list::get::<ContractType>(conn, id)?.map(|t| t.fixed_term),
        None => None,
    };
    let docs = current_documents(conn, e.id)?;
    let training = training::facts(conn, e.id)?;
    let needs = needs_of(e, reqs);
    Ok(completeness(&EmployeeFacts {
        employee: e,
        fixed_term,
        documents: &docs,
        training: &training,
        requirements: &needs,
        today,
    }))
}

/// An employee's current documents (not superseded versions), as completeness needs them.
fn current_documents(conn: &Connection, employee_id: i64) -> crate::Result<Vec<DocFact>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT id, type_id, expires_on FROM attachments
         WHERE entity = 'employees' AND record_id = ?1 AND superseded_by IS NULL
           AND type_id IS NOT NULL
         LIMIT {MAX_PER_RECORD}"
    ))?;
    let rows = stmt.query_map([employee_id], |r| {
        Ok(DocFact {
            id: r.get(0)?,
            type_id: r.get(1)?,
            expires_on: opt_date_at(r, 2)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The scores of an employee who has no documents or training yet (a file being created).
pub fn score_new(
    e: &Employee,
    fixed_term: Option<bool>,
    reqs: &[Requirement],
    today: NaiveDate,
) -> employees::Scores {
    let needs = needs_of(e, reqs);
    let c = completeness(&EmployeeFacts {
        employee: e,
        fixed_term,
        documents: &[],
        training: &[],
        requirements: &needs,
        today,
    });
    employees::Scores {
        score: c.score,
        issue_count: c.issues.len() as i64,
        urgency: c.urgency(),
        next_expiry: c.next_expiry,
    }
}

/// Recomputes and stores one employee's cached scores.
pub fn recompute(
    conn: &Connection,
    id: i64,
    reqs: &[Requirement],
    today: NaiveDate,
) -> crate::Result<Option<Completeness>> {
    let Some(e) = employees::get(conn, id)? else {
        return Ok(None);
    };
    recompute_employee(conn, &e, reqs, today).map(Some)
}

/// Like [`recompute`], for an employee row already in hand (as just written).
pub fn recompute_employee(
    conn: &Connection,
    e: &Employee,
    reqs: &[Requirement],
    today: NaiveDate,
) -> crate::Result<Completeness> {
    let c = assess(conn, e, reqs, today)?;
    employees::set_scores(
        conn,
        e.id,
        c.score,
        c.issues.len() as i64,
        c.urgency(),
        c.next_expiry,
    )?;
    Ok(c)
}

/// Selections larger than this are rescored from one sequential read of every current document
/// and training record, instead of two index lookups per employee.
const BULK_FROM: i64 = 2_000;

/// Recomputes the employees a requirement for `job_title` and/or `department_id` applies to
/// (neither: everyone); returns how many.
pub fn recompute_for(
    conn: &Connection,
    job_title: Option<&str>,
    department_id: Option<i64>,
    today: NaiveDate,
) -> crate::Result<usize> {
    let mut sql = String::from("1=1");
    let mut args = Vec::new();
    if let Some(t) = job_title {
        sql.push_str(" AND job_title_key = ?1");
        args.push(Value::Text(crate::domain::text::fold_key(t)));
    }
    if let Some(d) = department_id {
        sql.push_str(&format!(" AND department_id = ?{}", args.len() + 1));
        args.push(Value::Integer(d));
    }
    recompute_where(conn, &sql, &args, today)
}

/// Recomputes the employees on contract type `id` (whether it is fixed-term decides what their
/// file needs); returns how many.
pub fn recompute_for_contract_type(
    conn: &Connection,
    id: i64,
    today: NaiveDate,
) -> crate::Result<usize> {
    recompute_where(conn, "contract_type_id = ?1", &[Value::Integer(id)], today)
}

/// Recomputes the employees selected by `where_sql` (over `employees`); returns how many.
pub fn recompute_where(
    conn: &Connection,
    where_sql: &str,
    args: &[Value],
    today: NaiveDate,
) -> crate::Result<usize> {
    let reqs = requirements::list(conn)?;
    let n: i64 = conn.query_row(
        &format!("SELECT count(*) FROM employees WHERE {where_sql}"),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    if n >= BULK_FROM {
        return recompute_bulk(conn, where_sql, args, &reqs, today);
    }
    let ids: Vec<i64> = {
        let mut stmt = conn.prepare(&format!("SELECT id FROM employees WHERE {where_sql}"))?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| r.get(0))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for &id in &ids {
        recompute(conn, id, &reqs, today)?;
    }
    Ok(ids.len())
}

/// [`recompute_where`] for many employees: documents and training are read once, in table order,
/// and grouped by employee; the employees are read in one pass; only scores that changed are
/// written, after the reads are done (an update moves the row within the indexes being read).
fn recompute_bulk(
    conn: &Connection,
    where_sql: &str,
    args: &[Value],
    reqs: &[Requirement],
    today: NaiveDate,
) -> crate::Result<usize> {
    let fixed_term: HashMap<i64, bool> = retired_list::list::<ContractType>(conn, true)?
        .into_iter()
        .map(|t| (t.id, t.fixed_term))
        .collect();
    let mut docs: HashMap<i64, Vec<DocFact>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT record_id, id, type_id, expires_on FROM attachments
             WHERE entity = 'employees' AND superseded_by IS NULL AND type_id IS NOT NULL",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            docs.entry(r.get(0)?).or_default().push(DocFact {
                id: r.get(1)?,
                type_id: r.get(2)?,
                expires_on: opt_date_at(r, 3)?,
            });
        }
    }
    let mut training: HashMap<i64, Vec<TrainingFact>> = HashMap::new();
    {
        let mut stmt = conn.prepare(
            "SELECT employee_id, id, course_id, completed_on, expires_on FROM training_records",
        )?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            training.entry(r.get(0)?).or_default().push(TrainingFact {
                id: r.get(1)?,
                course_id: r.get(2)?,
                completed_on: crate::store::dates::date_at(r, 3)?,
                expires_on: opt_date_at(r, 4)?,
            });
        }
    }
    // Facts in the order the per-employee queries return them (their indexes' order), so the
    // results are the same whichever way they were computed.
    for v in docs.values_mut() {
        v.sort_by_key(|d| (d.type_id, d.id));
    }
    for v in training.values_mut() {
        v.sort_by_key(|t| (t.course_id, t.completed_on, t.id));
    }
    let mut changed: Vec<(i64, employees::Scores)> = Vec::new();
    let mut count = 0;
    {
        let mut stmt = conn.prepare(&format!(
            "SELECT {}, e.issue_count, e.urgency FROM employees e WHERE {where_sql}",
            employees::COLUMNS
        ))?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let e = employees::from_row(r)?;
            let n = employees::COLUMN_COUNT;
            let (issue_count, urgency): (i64, i64) = (r.get(n)?, r.get(n + 1)?);
            let needs = needs_of(&e, reqs);
            let c = completeness(&EmployeeFacts {
                employee: &e,
                fixed_term: e
                    .contract_type_id
                    .and_then(|id| fixed_term.get(&id).copied()),
                documents: docs.get(&e.id).map_or(&[], Vec::as_slice),
                training: training.get(&e.id).map_or(&[], Vec::as_slice),
                requirements: &needs,
                today,
            });
            let new = employees::Scores {
                score: c.score,
                issue_count: c.issues.len() as i64,
                urgency: c.urgency(),
                next_expiry: c.next_expiry,
            };
            let old = employees::Scores {
                score: e.completeness,
                issue_count,
                urgency,
                next_expiry: e.next_expiry,
            };
            if new != old {
                changed.push((e.id, new));
            }
            count += 1;
        }
    }
    for (id, s) in changed {
        employees::set_scores(conn, id, s.score, s.issue_count, s.urgency, s.next_expiry)?;
    }
    Ok(count)
}

/// The day the scores were last brought up to date.
pub fn as_of(conn: &Connection) -> crate::Result<Option<String>> {
    Ok(conn
        .query_row("SELECT as_of FROM staff_scores WHERE id = 1", [], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn set_as_of(conn: &Connection, today: NaiveDate) -> crate::Result<()> {
    conn.execute(
        "INSERT INTO staff_scores (id, as_of) VALUES (1, ?1)
         ON CONFLICT (id) DO UPDATE SET as_of = excluded.as_of",
        [date_text(today)],
    )?;
    Ok(())
}

/// Whether the scores were computed on another day.
pub fn is_stale(conn: &Connection, today: NaiveDate) -> crate::Result<bool> {
    Ok(as_of(conn)?.as_deref() != Some(date_text(today).as_str()))
}

/// Brings the scores that the calendar moves up to `today`. Only dates within the 90-day horizon
/// change a score, and `next_expiry` is the earliest of an employee's dates, so only active
/// employees with `next_expiry <= today + 90` can have changed: the index finds them.
pub fn refresh(conn: &Connection, today: NaiveDate) -> crate::Result<usize> {
    let horizon = today + Duration::days(HORIZON_DAYS);
    let n = recompute_where(
        conn,
        "status = 'active' AND coalesce(next_expiry, '9999-12-31') <= ?1",
        &[Value::Text(date_text(horizon))],
        today,
    )?;
    set_as_of(conn, today)?;
    Ok(n)
}

/// The sums behind one line of the completeness roll-up.
#[derive(Debug, Default)]
struct Tally {
    employees: i64,
    total: i64,
    lowest: Option<i64>,
    complete: i64,
    with_issues: i64,
    critical: i64,
}

impl Tally {
    fn add(&mut self, completeness: i64, issue_count: i64, urgency: i64) {
        self.employees += 1;
        self.total += completeness;
        self.lowest = Some(self.lowest.map_or(completeness, |l| l.min(completeness)));
        self.complete += i64::from(completeness == 100);
        self.with_issues += i64::from(issue_count > 0);
        self.critical += i64::from(urgency >= Severity::Critical.floor());
    }

    fn rollup(&self, department_id: Option<i64>, department: Option<String>) -> CompletenessRollup {
        CompletenessRollup {
            department_id,
            department,
            employees: self.employees,
            // Rounded half away from zero, as `f64::round` does.
            average: match self.employees {
                0 => 0,
                n => (self.total as f64 / n as f64).round() as i64,
            },
            lowest: self.lowest.unwrap_or(0),
            complete: self.complete,
            with_issues: self.with_issues,
            critical: self.critical,
        }
    }
}

/// Active staff scores overall and per department, from the cached columns. One pass over the
/// index that holds them (`employees_needs_fixing`, migration 0008), summed here: SQLite's
/// GROUP BY would first sort every entry by department (40 ms instead of 15 at 100,000).
pub fn company(conn: &Connection) -> crate::Result<CompanyCompleteness> {
    let mut overall = Tally::default();
    let mut by_department: HashMap<Option<i64>, Tally> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT department_id, completeness, issue_count, urgency FROM employees
         WHERE status = 'active'",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (completeness, issues, urgency) = (r.get(1)?, r.get(2)?, r.get(3)?);
        overall.add(completeness, issues, urgency);
        by_department
            .entry(r.get(0)?)
            .or_default()
            .add(completeness, issues, urgency);
    }
    let mut names: HashMap<i64, (String, String)> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT id, name, name_key FROM departments")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        names.insert(r.get(0)?, (r.get(1)?, r.get(2)?));
    }
    // By department name; the employees without a department last.
    let mut departments: Vec<(Option<&str>, CompletenessRollup)> = by_department
        .iter()
        .map(|(&id, t)| {
            let named = id.and_then(|id| names.get(&id));
            let key = named.map(|(_, key)| key.as_str());
            (key, t.rollup(id, named.map(|(name, _)| name.clone())))
        })
        .collect();
    departments.sort_by(|a, b| (a.0.is_none(), a.0).cmp(&(b.0.is_none(), b.0)));
    Ok(CompanyCompleteness {
        overall: overall.rollup(None, None),
        departments: departments.into_iter().map(|(_, r)| r).collect(),
    })
}

/// Active employees with issues, most urgent first (then least complete, then by name): one
/// index range, so a page costs the same at 100 or 100,000 employees. Each row's issues are
/// assessed live for the page only.
pub fn needs_fixing(
    conn: &Connection,
    q: &FixQuery,
    today: NaiveDate,
) -> crate::Result<Page<FixRow>> {
    let (offset, limit) = q.page.clamped();
    let floor = q.min_severity.map_or(1, Severity::floor);
    let mut filter = String::from("e.status = 'active' AND e.urgency >= ?1");
    let mut args = vec![Value::Integer(floor)];
    if let Some(d) = q.department_id {
        filter.push_str(" AND e.department_id = ?2");
        args.push(Value::Integer(d));
    }
    let total = count_rows(conn, "employees e", &format!(" WHERE {filter}"), &args)?;
    let n = args.len();
    let sql = format!(
        "SELECT {cols}, (SELECT name FROM departments WHERE id = e.department_id), e.urgency
         FROM employees e WHERE {filter}
         ORDER BY e.urgency DESC, e.completeness, e.sort_key, e.id
         LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2,
        cols = employees::COLUMNS
    );
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let rows: Vec<(Employee, Option<String>, i64)> = {
        let mut stmt = conn.prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            let n = employees::COLUMN_COUNT;
            Ok((employees::from_row(r)?, r.get(n)?, r.get(n + 1)?))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let reqs = requirements::list(conn)?;
    let mut items = Vec::with_capacity(rows.len());
    for (e, department, urgency) in rows {
        let c = assess(conn, &e, &reqs, today)?;
        items.push(FixRow {
            employee_id: e.id,
            last_name: e.last_name,
            first_name: e.first_name,
            department_id: e.department_id,
            department,
            completeness: e.completeness,
            urgency,
            issues: c.issues,
        });
    }
    Ok(Page { items, total })
}

/// The next expiry of one employee as stored (for tests and exports).
pub fn next_expiry(conn: &Connection, id: i64) -> crate::Result<Option<NaiveDate>> {
    Ok(conn
        .query_row(
            "SELECT next_expiry FROM employees WHERE id = ?1",
            [id],
            |r| opt_date_at(r, 0),
        )
        .optional()?
        .flatten())
}

/// How many active employees have their most urgent issue at each severity, from the urgency
/// index: one range count per severity, whatever the number of employees.
pub fn severity_counts(conn: &Connection) -> crate::Result<Vec<(Severity, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT count(*) FROM employees WHERE status = 'active' AND urgency >= ?1 AND urgency < ?2",
    )?;
    let order = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];
    let mut out = Vec::with_capacity(order.len());
    for (i, s) in order.iter().enumerate() {
        let ceiling = order.get(i + 1).map_or(i64::MAX, |n| n.floor());
        let n: i64 = stmt.query_row([s.floor(), ceiling], |r| r.get(0))?;
        out.push((*s, n));
    }
    Ok(out)
}
