//! The staff list: one page of employees filtered and sorted in SQL, read through the list index
//! of its sort (migration 0005) or, for a search, through the trigram index; the export's
//! stream of every matching employee; and the query plans the tests check.

use crate::domain::page::{Page, SortDir};
use crate::domain::staff::employee::{
    Employee, EmployeeStatus, StaffQuery, StaffRow, StaffSort, StatusFilter,
};
use crate::error::Error;
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::like_pattern;
use crate::store::search::search_words;
use crate::store::staff::employees::{from_row, COLUMNS, COLUMN_COUNT};
use chrono::{Duration, NaiveDate};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, Row};
use std::collections::HashMap;

/// How the search text is looked up in the trigram index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Search {
    /// An FTS5 query: every word of three or more characters, as a quoted substring.
    Match(String),
    /// Only shorter words: a substring scan of the (small) search table, still no scan of
    /// `employees`.
    Like(String),
}

fn search_of(text: &str) -> Option<Search> {
    let text = crate::store::search::employee_words(text);
    let words: Vec<&str> = search_words(&text).collect();
    if words.is_empty() {
        return None;
    }
    Some(match crate::store::search::match_query(&text) {
        Some(m) => Search::Match(m),
        None => Search::Like(like_pattern(&words.join(" "))),
    })
}

/// The date expression of `employees_list_expiry`: "no expiry" sorts after every date and never
/// matches "expiring within N days".
const NEXT_EXPIRY: &str = "coalesce(e.next_expiry, '9999-12-31')";

/// The list index of each sort (migration 0005) and its columns in order. Every list index holds
/// the sort key(s) and then every filter column, so a page is read in index order with every
/// filter tested on the index entry: the rows an OFFSET skips are never read from the table, and
/// a page deep in the list costs a walk over index entries, not a row lookup per entry.
fn list_index(sort: StaffSort) -> (&'static str, &'static [&'static str]) {
    const NX: &str = NEXT_EXPIRY;
    match sort {
        StaffSort::Name => (
            "employees_list_name",
            &[
                "e.sort_key",
                "e.status",
                "e.department_id",
                "e.contract_type_id",
                "e.completeness",
                NX,
            ],
        ),
        StaffSort::EmployeeNumber => (
            "employees_list_number",
            &[
                "e.employee_number",
                "e.status",
                "e.department_id",
                "e.contract_type_id",
                "e.completeness",
                NX,
            ],
        ),
        StaffSort::HireDate => (
            "employees_list_hire",
            &[
                "e.hire_date",
                "e.status",
                "e.department_id",
                "e.contract_type_id",
                "e.completeness",
                NX,
            ],
        ),
        StaffSort::Completeness => (
            "employees_list_completeness",
            &[
                "e.completeness",
                "e.sort_key",
                "e.status",
                "e.department_id",
                "e.contract_type_id",
                NX,
            ],
        ),
        StaffSort::NextExpiry => (
            "employees_list_expiry",
            &[
                NX,
                "e.status",
                "e.department_id",
                "e.contract_type_id",
                "e.completeness",
            ],
        ),
        StaffSort::Department => (
            "employees_list_department",
            &[
                "e.department_id",
                "e.sort_key",
                "e.status",
                "e.contract_type_id",
                "e.completeness",
                NX,
            ],
        ),
    }
}

/// How a page is read. A search drives the page from the trigram index: the matches are fetched
/// by id and only they are sorted. Otherwise the sort's list index is walked in order (named with
/// INDEXED BY, so the plan never depends on what the planner guesses about the filters).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Drive {
    Search,
    ListIndex,
}

fn drive(q: &StaffQuery) -> Drive {
    if q.search.as_deref().and_then(search_of).is_some() {
        Drive::Search
    } else {
        Drive::ListIndex
    }
}

/// The WHERE clause (over `employees e`) and its arguments for the list filters. Without a search
/// and for a count the terms are plain, so the planner may count through whichever index narrows
/// them most; otherwise each term is a unary-plus expression (`+e.status = …`), which SQLite
/// tests on the row or index entry at hand rather than using it to pick an index: a page walks
/// its list index, a search is driven by the trigram index.
fn filter(q: &StaffQuery, today: NaiveDate, for_count: bool) -> (String, Vec<Value>) {
    let p = if for_count && drive(q) == Drive::ListIndex {
        ""
    } else {
        "+"
    };
    let mut sql = String::from("1=1");
    let mut args: Vec<Value> = Vec::new();
    match q.status {
        StatusFilter::All => {}
        StatusFilter::Active => sql.push_str(&format!(" AND {p}e.status = 'active'")),
        StatusFilter::Terminated => sql.push_str(&format!(" AND {p}e.status = 'terminated'")),
    }
    if let Some(id) = q.department_id {
        sql.push_str(&format!(" AND {p}e.department_id = ?"));
        args.push(Value::Integer(id));
    }
    if let Some(c) = q.contract_type_id {
        sql.push_str(&format!(" AND {p}e.contract_type_id = ?"));
        args.push(Value::Integer(c));
    }
    if let Some(below) = q.completeness_below {
        sql.push_str(&format!(" AND {p}e.completeness < ?"));
        args.push(Value::Integer(below));
    }
    if let Some(days) = q.expiring_within_days {
        sql.push_str(&format!(" AND {p}{NEXT_EXPIRY} <= ?"));
        let until = today
            .checked_add_signed(Duration::days(days.clamp(-36_500, 36_500)))
            .unwrap_or(today);
        args.push(Value::Text(date_text(until)));
    }
    match q.search.as_deref().and_then(search_of) {
        None => {}
        Some(Search::Match(m)) => {
            sql.push_str(
                " AND e.id IN (SELECT rowid FROM employees_fts WHERE employees_fts MATCH ?)",
            );
            args.push(Value::Text(m));
        }
        Some(Search::Like(pattern)) => {
            // One argument used four times: numbered after the ones before it.
            let n = args.len() + 1;
            sql.push_str(&format!(
                " AND e.id IN (SELECT rowid FROM employees_fts WHERE name LIKE ?{n} ESCAPE '\\'
                   OR tax_code LIKE ?{n} ESCAPE '\\' OR email LIKE ?{n} ESCAPE '\\'
                   OR employee_number LIKE ?{n} ESCAPE '\\')"
            ));
            args.push(Value::Text(pattern));
        }
    }
    (sql, args)
}

/// One ordered slice of the list. The department sort is two: employees with a department, in
/// department-name order (departments driving the loop, each one's employees read through the
/// department list index, so nothing is sorted), then those without one.
struct Part {
    from: String,
    extra: &'static str,
    order: String,
}

/// The parts of the list in order; `reversed` reads the whole list backwards (parts in reverse
/// order, each in the other direction), which is how a page in the second half is read.
fn parts(q: &StaffQuery, reversed: bool) -> Vec<Part> {
    let dir = match (q.dir, reversed) {
        (SortDir::Asc, false) | (SortDir::Desc, true) => SortDir::Asc,
        _ => SortDir::Desc,
    };
    let d = dir.sql();
    let keys = |cols: &[&str]| -> String {
        cols.iter()
            .map(|c| format!("{c} {d}"))
            .chain(std::iter::once(format!("e.id {d}")))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut out = if drive(q) == Drive::Search {
        // The matches are few and fetched by id: sort keys are plain expressions (`+x`).
        let simple = |order: String| {
            vec![Part {
                from: "employees e".into(),
                extra: "",
                order,
            }]
        };
        match q.sort {
            StaffSort::Name => simple(format!("+e.sort_key {d}, e.id {d}")),
            StaffSort::EmployeeNumber => simple(format!("+e.employee_number {d}, e.id {d}")),
            StaffSort::HireDate => simple(format!("+e.hire_date {d}, e.id {d}")),
            StaffSort::Completeness => {
                simple(format!("+e.completeness {d}, e.sort_key {d}, e.id {d}"))
            }
            StaffSort::NextExpiry => simple(format!("+{NEXT_EXPIRY} {d}, e.id {d}")),
            StaffSort::Department => vec![
                Part {
                    from: "employees e LEFT JOIN departments d ON d.id = e.department_id".into(),
                    extra: " AND e.department_id IS NOT NULL",
                    order: format!("d.name_key {d}, e.sort_key {d}, e.id {d}"),
                },
                Part {
                    from: "employees e".into(),
                    extra: " AND +e.department_id IS NULL",
                    order: format!("+e.sort_key {d}, e.id {d}"),
                },
            ],
        }
    } else {
        let (index, cols) = list_index(q.sort);
        match q.sort {
            StaffSort::Department => vec![
                Part {
                    // CROSS JOIN keeps departments (in name order) as the outer loop.
                    from: format!(
                        "departments d CROSS JOIN employees e INDEXED BY {index}
                         ON e.department_id = d.id"
                    ),
                    extra: "",
                    order: format!("d.name_key {d}, {}", keys(&cols[1..])),
                },
                Part {
                    from: format!("employees e INDEXED BY {index}"),
                    extra: " AND e.department_id IS NULL",
                    order: keys(&cols[1..]),
                },
            ],
            _ => vec![Part {
                from: format!("employees e INDEXED BY {index}"),
                extra: "",
                order: keys(cols),
            }],
        }
    };
    if reversed {
        out.reverse();
    }
    out
}

const ROW_COLUMNS: &str = "e.id, e.employee_number, e.last_name, e.first_name, e.tax_code, e.email,
    e.department_id, (SELECT name FROM departments WHERE id = e.department_id), e.job_title,
    e.contract_type_id, e.hire_date, e.status, e.completeness, e.next_expiry";

fn row_from(r: &Row) -> rusqlite::Result<StaffRow> {
    let status: String = r.get(11)?;
    Ok(StaffRow {
        id: r.get(0)?,
        employee_number: r.get(1)?,
        last_name: r.get(2)?,
        first_name: r.get(3)?,
        tax_code: r.get(4)?,
        email: r.get(5)?,
        department_id: r.get(6)?,
        department: r.get(7)?,
        job_title: r.get(8)?,
        contract_type_id: r.get(9)?,
        hire_date: date_at(r, 10)?,
        status: EmployeeStatus::parse(&status).unwrap_or(EmployeeStatus::Active),
        completeness: r.get(12)?,
        next_expiry: opt_date_at(r, 13)?,
    })
}

fn page_sql(p: &Part, filter: &str, columns: &str, n_args: usize) -> String {
    format!(
        "SELECT {columns} FROM {} WHERE {filter}{} ORDER BY {} LIMIT ?{} OFFSET ?{}",
        p.from,
        p.extra,
        p.order,
        n_args + 1,
        n_args + 2
    )
}

fn count_sql(filter: &str) -> String {
    format!("SELECT count(*) FROM employees e WHERE {filter}")
}

fn count_without_department_sql(filter: &str) -> String {
    format!(
        "SELECT count(*) FROM employees e INDEXED BY employees_list_department
         WHERE {filter} AND e.department_id IS NULL"
    )
}

/// The employees without a department that match (the second part of the department sort),
/// counted through the department list index: it starts with the department and holds every
/// filter column. (Left to choose, SQLite read all the active staff's entries of another index.)
fn count_without_department(conn: &Connection, filter: &str, args: &[Value]) -> crate::Result<i64> {
    Ok(conn.query_row(
        &count_without_department_sql(filter),
        params_from_iter(args.iter()),
        |r| r.get(0),
    )?)
}

/// One page of the staff list. `today` anchors "expiring within N days".
///
/// A page in the second half of the list is read from the end (the list read backwards, the
/// page's rows then put back in order), so the last page costs what the first does and the
/// deepest page is the one in the middle.
pub fn list(conn: &Connection, q: &StaffQuery, today: NaiveDate) -> crate::Result<Page<StaffRow>> {
    let (offset, limit) = q.page.clamped();
    if drive(q) == Drive::Search {
        return search_page(conn, q, today, offset, limit);
    }
    let (count_filter, count_args) = filter(q, today, true);
    let total: i64 = conn
        .prepare_cached(&count_sql(&count_filter))?
        .query_row(params_from_iter(count_args.iter()), |r| r.get(0))?;
    if offset >= total {
        return Ok(Page {
            items: Vec::new(),
            total,
        });
    }
    let (filter, args) = filter(q, today, false);
    let reversed = drive(q) == Drive::ListIndex && offset + limit / 2 > total / 2;
    // The same window counted from the other end.
    let (offset, limit) = if reversed {
        let end = (offset + limit).min(total);
        (total - end, end - offset)
    } else {
        (offset, limit)
    };
    let parts = parts(q, reversed);
    // The size of the first part of a two-part sort (in reading order).
    let first_size = if parts.len() > 1 {
        let without = count_without_department(conn, &count_filter, &count_args)?;
        if reversed {
            without
        } else {
            total - without
        }
    } else {
        total
    };
    let mut items = Vec::new();
    let (mut skip, mut want) = (offset, limit);
    for (i, p) in parts.iter().enumerate() {
        if want == 0 {
            break;
        }
        if i == 0 && parts.len() > 1 && skip >= first_size {
            skip -= first_size;
            continue;
        }
        let mut a = args.clone();
        a.push(Value::Integer(want));
        a.push(Value::Integer(skip));
        let mut stmt = conn.prepare_cached(&page_sql(p, &filter, ROW_COLUMNS, args.len()))?;
        let rows = stmt
            .query_map(params_from_iter(a.iter()), row_from)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        want -= rows.len() as i64;
        skip = 0;
        items.extend(rows);
    }
    if reversed {
        items.reverse();
    }
    Ok(Page { items, total })
}

/// The ids of the matches of a search in one part of the list, in its order.
fn search_ids_sql(p: &Part, filter: &str) -> String {
    format!(
        "SELECT e.id FROM {} WHERE {filter}{} ORDER BY {}",
        p.from, p.extra, p.order
    )
}

/// The rows of the employees whose ids are in the JSON array `?1`.
fn rows_by_id_sql() -> String {
    format!("SELECT {ROW_COLUMNS} FROM employees e WHERE e.id IN (SELECT value FROM json_each(?1))")
}

/// A page of a search: every match's id in list order (one statement per part of the list), so
/// the matches are looked up once for the count and the order together, then the page's rows by
/// id. Counting apart looked every match up a second time (2 of 6 ms for 1,300 matches among
/// 100,000 employees).
fn search_page(
    conn: &Connection,
    q: &StaffQuery,
    today: NaiveDate,
    offset: i64,
    limit: i64,
) -> crate::Result<Page<StaffRow>> {
    let (filter, args) = filter(q, today, false);
    let mut ids: Vec<i64> = Vec::new();
    for p in parts(q, false) {
        let mut stmt = conn.prepare_cached(&search_ids_sql(&p, &filter))?;
        let found = stmt.query_map(params_from_iter(args.iter()), |r| r.get(0))?;
        for id in found {
            ids.push(id?);
        }
    }
    let total = ids.len() as i64;
    let page: Vec<i64> = ids
        .into_iter()
        .skip(offset as usize)
        .take(limit as usize)
        .collect();
    let mut rows: HashMap<i64, StaffRow> = HashMap::with_capacity(page.len());
    if !page.is_empty() {
        let list = serde_json::to_string(&page).map_err(|e| Error::internal(e.to_string()))?;
        let mut stmt = conn.prepare_cached(&rows_by_id_sql())?;
        for row in stmt.query_map([list], row_from)? {
            let row = row?;
            rows.insert(row.id, row);
        }
    }
    let items = page.iter().filter_map(|id| rows.remove(id)).collect();
    Ok(Page { items, total })
}

/// Every employee matching the filters, in the list's order, streamed to `f` (exports never hold
/// the table in memory). Each call gets the full row and the department, contract type and
/// manager names.
pub fn for_each(
    conn: &Connection,
    q: &StaffQuery,
    today: NaiveDate,
    f: &mut dyn FnMut(&Employee, &ExportNames) -> crate::Result<()>,
) -> crate::Result<()> {
    let (filter, args) = filter(q, today, false);
    let columns = format!(
        "{COLUMNS}, (SELECT name FROM departments WHERE id = e.department_id),
         (SELECT name_it FROM contract_types WHERE id = e.contract_type_id),
         (SELECT coalesce(name_en, name_it) FROM contract_types WHERE id = e.contract_type_id),
         (SELECT last_name || ' ' || first_name FROM employees m WHERE m.id = e.manager_id),
         (SELECT tax_code FROM employees m WHERE m.id = e.manager_id)"
    );
    for p in parts(q, false) {
        let sql = format!(
            "SELECT {columns} FROM {} WHERE {filter}{} ORDER BY {}",
            p.from, p.extra, p.order
        );
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args.iter()))?;
        while let Some(r) = rows.next()? {
            let e = from_row(r)?;
            let n = COLUMN_COUNT;
            let names = ExportNames {
                department: r.get(n)?,
                contract_type_it: r.get(n + 1)?,
                contract_type_en: r.get(n + 2)?,
                manager: r.get(n + 3)?,
                manager_tax_code: r.get(n + 4)?,
            };
            f(&e, &names)?;
        }
    }
    Ok(())
}

/// The names an export prints beside the ids.
#[derive(Debug, Clone, Default)]
pub struct ExportNames {
    pub department: Option<String>,
    pub contract_type_it: Option<String>,
    pub contract_type_en: Option<String>,
    pub manager: Option<String>,
    pub manager_tax_code: Option<String>,
}

/// The query plans of every statement a list page runs (reading forwards and backwards), one line
/// per plan step, for tests that check no list shape reads the whole table.
pub fn query_plans(
    conn: &Connection,
    q: &StaffQuery,
    today: NaiveDate,
) -> crate::Result<Vec<(String, Vec<String>)>> {
    let (count_filter, count_args) = filter(q, today, true);
    let (filter, args) = filter(q, today, false);
    if drive(q) == Drive::Search {
        let mut statements: Vec<(String, Vec<Value>)> = parts(q, false)
            .iter()
            .map(|p| (search_ids_sql(p, &filter), args.clone()))
            .collect();
        statements.push((rows_by_id_sql(), vec![Value::Text("[1, 2]".into())]));
        return explain(conn, statements);
    }
    let mut statements = vec![(count_sql(&count_filter), count_args.clone())];
    for reversed in [false, true] {
        let parts = parts(q, reversed);
        if parts.len() > 1 && !reversed {
            statements.push((
                count_without_department_sql(&count_filter),
                count_args.clone(),
            ));
        }
        for p in &parts {
            let mut a = args.clone();
            a.push(Value::Integer(50));
            a.push(Value::Integer(0));
            statements.push((page_sql(p, &filter, ROW_COLUMNS, args.len()), a));
        }
    }
    explain(conn, statements)
}

fn explain(
    conn: &Connection,
    statements: Vec<(String, Vec<Value>)>,
) -> crate::Result<Vec<(String, Vec<String>)>> {
    let mut out = Vec::new();
    for (sql, a) in statements {
        let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
        let lines = stmt
            .query_map(params_from_iter(a.iter()), |r| r.get::<_, String>(3))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        out.push((sql, lines));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_become_quoted_substrings() {
        assert_eq!(search_of("  "), None);
        assert_eq!(
            search_of("Rossi ma"),
            Some(Search::Match("\"Rossi\"".into()))
        );
        assert_eq!(
            search_of("d'an \"x\"y"),
            Some(Search::Match("\"d'an\" AND \"\"\"x\"\"y\"".into()))
        );
        assert_eq!(search_of("ro"), Some(Search::Like("%ro%".into())));
        assert_eq!(search_of("5_"), Some(Search::Like("%5\\_%".into())));
    }
}
