//! Employees table: insert, update, terminate and reactivate with history; the search index kept
//! in step; the staff list paged, filtered and sorted in SQL.

use crate::domain::codice_fiscale::Sex;
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::staff::employee::{Employee, EmployeeStatus, ValidEmployee};
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::row_values::{self, Values};
use crate::store::search::SearchIndex;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};
use std::sync::OnceLock;

/// Every stored column except the cached scores (`completeness`, `issue_count`, `urgency`,
/// `next_expiry`): those follow from tracked rows and the calendar, and change without anyone's
/// edit (see the migration).
pub static TRACKED: Tracked = Tracked {
    entity: "employees",
    guard: Guard::Area(Area::Staff),
    columns: &[
        "id",
        "employee_number",
        "first_name",
        "last_name",
        "sort_key",
        "tax_code",
        "birth_date",
        "birth_place",
        "sex",
        "email",
        "private_email",
        "phone",
        "address",
        "iban",
        "department_id",
        "job_title",
        "job_title_key",
        "manager_id",
        "hire_date",
        "contract_type_id",
        "contract_end",
        "ccnl",
        "level",
        "status",
        "termination_date",
        "termination_reason",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("department_id", "departments"),
        ("manager_id", "employees"),
        ("contract_type_id", "contract_types"),
    ],
    naming: Naming::Words(&["last_name", "first_name"]),
    dates: &[
        "birth_date",
        "hire_date",
        "contract_end",
        "termination_date",
    ],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

pub const COLUMNS: &str = "e.id, e.employee_number, e.first_name, e.last_name, e.tax_code,
    e.birth_date, e.birth_place, e.sex, e.email, e.phone, e.address, e.iban, e.department_id,
    e.job_title, e.manager_id, e.hire_date, e.contract_type_id, e.contract_end, e.ccnl, e.level,
    e.status, e.termination_date, e.termination_reason, e.completeness, e.next_expiry, e.version,
    e.created_at, e.updated_at, e.private_email";

/// Columns after [`COLUMNS`] start at this index.
pub const COLUMN_COUNT: usize = 29;

fn sex_of(s: Option<String>) -> Option<Sex> {
    match s.as_deref() {
        Some("M") => Some(Sex::M),
        Some("F") => Some(Sex::F),
        _ => None,
    }
}

pub fn from_row(r: &Row) -> rusqlite::Result<Employee> {
    let status: String = r.get(20)?;
    Ok(Employee {
        id: r.get(0)?,
        employee_number: r.get(1)?,
        first_name: r.get(2)?,
        last_name: r.get(3)?,
        tax_code: r.get(4)?,
        birth_date: opt_date_at(r, 5)?,
        birth_place: r.get(6)?,
        sex: sex_of(r.get(7)?),
        email: r.get(8)?,
        phone: r.get(9)?,
        address: r.get(10)?,
        iban: r.get(11)?,
        department_id: r.get(12)?,
        job_title: r.get(13)?,
        manager_id: r.get(14)?,
        hire_date: date_at(r, 15)?,
        contract_type_id: r.get(16)?,
        contract_end: opt_date_at(r, 17)?,
        ccnl: r.get(18)?,
        level: r.get(19)?,
        status: EmployeeStatus::parse(&status).unwrap_or(EmployeeStatus::Active),
        termination_date: opt_date_at(r, 21)?,
        termination_reason: r.get(22)?,
        completeness: r.get(23)?,
        next_expiry: opt_date_at(r, 24)?,
        version: r.get(25)?,
        created_at: ts_parse(&r.get::<_, String>(26)?)?,
        updated_at: ts_parse(&r.get::<_, String>(27)?)?,
        private_email: r.get(28)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Employee>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM employees e WHERE e.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?)
}

/// The file an import row with this tax code updates: the active one, else the latest one.
pub fn by_tax_code(conn: &Connection, tax_code: &str) -> crate::Result<Option<Employee>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM employees e WHERE e.tax_code = ?1
             ORDER BY e.status = 'active' DESC, e.id DESC LIMIT 1"
        ))?
        .query_row([tax_code], from_row)
        .optional()?)
}

/// The id of the employee with this employee number (the latest, if several).
pub fn id_by_number(conn: &Connection, number: &str) -> crate::Result<Option<i64>> {
    Ok(conn
        .prepare_cached(
            "SELECT id FROM employees WHERE employee_number = ?1
             ORDER BY status = 'active' DESC, id DESC LIMIT 1",
        )?
        .query_row([number], |r| r.get(0))
        .optional()?)
}

/// "last first", lower case: the name order of lists and the name sort key.
pub fn sort_key(first: &str, last: &str) -> String {
    fold_key(&format!("{last} {first}"))
}

pub(super) fn exists_active(w: &WriteTx, table: &str, id: i64) -> crate::Result<Option<bool>> {
    Ok(w.conn()
        .prepare_cached(&format!("SELECT active FROM {table} WHERE id = ?1"))?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// What the database must confirm about a valid employee: the department, contract type and
/// manager exist (and newly chosen ones are active), the manager chain has no loop, and nobody
/// else on the active staff has the tax code. `current` is the row being updated.
fn check_refs(
    w: &WriteTx,
    v: &ValidEmployee,
    current: Option<&Employee>,
    active: bool,
) -> crate::Result<()> {
    let mut errors = ref_errors(w, v, current)?;
    if active && tax_code_taken(w, v, current)? {
        errors.push(FieldError::new("tax_code", "duplicate"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// [`check_refs`] without the tax code: the department, contract type and manager. A bulk
/// insert whose indexes are dropped leaves the tax code to the unique index, which fails when it
/// is built again (see `employee_bulk`).
pub(super) fn ref_errors(
    w: &WriteTx,
    v: &ValidEmployee,
    current: Option<&Employee>,
) -> crate::Result<Vec<FieldError>> {
    ref_errors_with(w, v, current, &mut |table, id| exists_active(w, table, id))
}

/// [`ref_errors`] reading whether a department or contract type exists (and is active) through
/// `exists_active`: a bulk insert asks it once per id, not once per row.
pub(super) fn ref_errors_with(
    w: &WriteTx,
    v: &ValidEmployee,
    current: Option<&Employee>,
    exists_active: &mut dyn FnMut(&'static str, i64) -> crate::Result<Option<bool>>,
) -> crate::Result<Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut check = |field: &str,
                     table: &'static str,
                     id: Option<i64>,
                     old: Option<i64>|
     -> crate::Result<()> {
        let Some(id) = id else { return Ok(()) };
        match exists_active(table, id)? {
            None => errors.push(FieldError::new(field, "not_found")),
            Some(false) if old != Some(id) => errors.push(FieldError::new(field, "inactive")),
            Some(_) => {}
        }
        Ok(())
    };
    check(
        "department_id",
        "departments",
        v.department_id,
        current.and_then(|e| e.department_id),
    )?;
    check(
        "contract_type_id",
        "contract_types",
        v.contract_type_id,
        current.and_then(|e| e.contract_type_id),
    )?;
    let Some(m) = v.manager_id else {
        return Ok(errors);
    };
    let mut stmt = w
        .conn()
        .prepare_cached("SELECT manager_id FROM employees WHERE id = ?1")?;
    let Some(own_id) = current.map(|e| e.id) else {
        // A new employee: nobody reports to it yet, so no chain through it can loop.
        if !stmt.exists([m])? {
            errors.push(FieldError::new("manager_id", "not_found"));
        }
        return Ok(errors);
    };
    if m == own_id {
        errors.push(FieldError::new("manager_id", "manager_cycle"));
        return Ok(errors);
    }
    // Walk up the chain: reaching this employee again would make a loop.
    let mut next = Some(m);
    let mut steps = 0;
    let mut first = true;
    while let Some(id) = next {
        let found: Option<Option<i64>> = stmt.query_row([id], |r| r.get(0)).optional()?;
        match found {
            None if first => {
                errors.push(FieldError::new("manager_id", "not_found"));
                break;
            }
            None => break,
            Some(up) => next = up,
        }
        first = false;
        steps += 1;
        if next == Some(own_id) {
            errors.push(FieldError::new("manager_id", "manager_cycle"));
            break;
        }
        if steps > 10_000 {
            break;
        }
    }
    Ok(errors)
}

/// Somebody else on the active staff has the tax code.
fn tax_code_taken(
    w: &WriteTx,
    v: &ValidEmployee,
    current: Option<&Employee>,
) -> crate::Result<bool> {
    Ok(w.conn()
        .prepare_cached(
            "SELECT 1 FROM employees WHERE tax_code = ?1 AND status = 'active' AND id <> ?2",
        )?
        .query_row(params![v.tax_code, current.map_or(0, |e| e.id)], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Employees written between two progress reports of a bulk insert ([`insert_many`]).
pub const ROWS_PER_INSERT: usize = 500;

/// A bulk insert of at least this many employees, into a table holding no more than that, builds
/// the table's indexes once at the end instead of updating them row by row (see [`insert_many`]).
pub const REBUILD_INDEXES_FROM: usize = 10_000;

/// The values a form sets, held for one write: the text the dates and keys are stored as.
pub struct FormRow<'a> {
    v: &'a ValidEmployee,
    sort_key: String,
    job_title_key: Option<String>,
    birth_date: Option<String>,
    hire_date: String,
    contract_end: Option<String>,
}

impl<'a> FormRow<'a> {
    pub fn new(v: &'a ValidEmployee) -> Self {
        FormRow {
            v,
            sort_key: sort_key(&v.first_name, &v.last_name),
            job_title_key: v.job_title.as_deref().map(fold_key),
            birth_date: opt_date_text(v.birth_date),
            hire_date: date_text(v.hire_date),
            contract_end: opt_date_text(v.contract_end),
        }
    }

    /// Every column the employee form sets, with its value: the insert, the update, the bulk
    /// insert and the bulk's history snapshot are all made from this list (`row_values`), so a
    /// new form field is one line here.
    pub fn values(&self) -> Values<'_> {
        let v = self.v;
        vec![
            ("employee_number", &v.employee_number),
            ("first_name", &v.first_name),
            ("last_name", &v.last_name),
            ("sort_key", &self.sort_key),
            ("tax_code", &v.tax_code),
            ("birth_date", &self.birth_date),
            ("birth_place", &v.birth_place),
            ("sex", sex_value(v.sex)),
            ("email", &v.email),
            ("private_email", &v.private_email),
            ("phone", &v.phone),
            ("address", &v.address),
            ("iban", &v.iban),
            ("department_id", &v.department_id),
            ("job_title", &v.job_title),
            ("job_title_key", &self.job_title_key),
            ("manager_id", &v.manager_id),
            ("hire_date", &self.hire_date),
            ("contract_type_id", &v.contract_type_id),
            ("contract_end", &self.contract_end),
            ("ccnl", &v.ccnl),
            ("level", &v.level),
        ]
    }
}

/// `sex` as stored, borrowed for a value list.
fn sex_value(s: Option<Sex>) -> &'static dyn ToSql {
    match s {
        Some(Sex::M) => &"M",
        Some(Sex::F) => &"F",
        None => &rusqlite::types::Null,
    }
}

/// A new employee's row: the form's values, the columns a new row starts with and its cached
/// scores.
pub struct NewRow<'a> {
    form: FormRow<'a>,
    now: &'a str,
    scores: &'a Scores,
    next_expiry: Option<String>,
}

const ACTIVE: &str = "active";
const FIRST_VERSION: i64 = 1;
const NOT_SET: rusqlite::types::Null = rusqlite::types::Null;

impl<'a> NewRow<'a> {
    pub fn new(v: &'a ValidEmployee, now: &'a str, scores: &'a Scores) -> Self {
        NewRow {
            form: FormRow::new(v),
            now,
            scores,
            next_expiry: opt_date_text(scores.next_expiry),
        }
    }

    /// The row's stored values without its id (the single insert lets SQLite choose it).
    pub fn values(&self) -> Values<'_> {
        let mut values = self.form.values();
        values.extend_from_slice(&[
            ("status", &ACTIVE as &dyn ToSql),
            ("termination_date", &NOT_SET),
            ("termination_reason", &NOT_SET),
            ("version", &FIRST_VERSION),
            ("created_at", &self.now),
            ("updated_at", &self.now),
            ("completeness", &self.scores.score),
            ("issue_count", &self.scores.issue_count),
            ("urgency", &self.scores.urgency),
            ("next_expiry", &self.next_expiry),
        ]);
        values
    }

    /// The row's stored values with the id a bulk insert gives it, first.
    pub fn values_with_id<'b>(&'b self, id: &'b i64) -> Values<'b> {
        let mut values: Values<'b> = vec![("id", id)];
        values.extend(self.values());
        values
    }
}

fn insert_sql(values: &Values) -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        row_values::insert_sql(
            "employees",
            &row_values::names(values),
            &format!("RETURNING id, {}", TRACKED.snapshot_sql()),
        )
    })
}

fn update_sql(values: &Values) -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| {
        row_values::update_sql(
            "employees",
            &row_values::names(values),
            "version = version + 1, updated_at = ?{last}",
        )
    })
}

/// The cached completeness columns of a row (see the migration).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Scores {
    pub score: i64,
    pub issue_count: i64,
    pub urgency: i64,
    pub next_expiry: Option<NaiveDate>,
}

/// Adds an employee to the active staff (cached scores zero until rescored).
pub fn insert(w: &WriteTx, v: &ValidEmployee) -> crate::Result<Employee> {
    insert_scored(w, v, |_| Ok(Scores::default()))
}

/// Adds an employee to the active staff with the cached scores `score` computes from the new
/// row (its id still 0). See [`insert_many`].
pub fn insert_scored(
    w: &WriteTx,
    v: &ValidEmployee,
    score: impl FnMut(&Employee) -> crate::Result<Scores>,
) -> crate::Result<Employee> {
    insert_many(w, &[v], score, &mut |_| Ok(()))?
        .pop()
        .ok_or_else(|| Error::internal("an insert returned no row"))
}

/// The row a valid form becomes, before it has an id.
pub fn new_employee(v: &ValidEmployee, at: DateTime<Utc>) -> Employee {
    Employee {
        id: 0,
        employee_number: v.employee_number.clone(),
        first_name: v.first_name.clone(),
        last_name: v.last_name.clone(),
        tax_code: v.tax_code.clone(),
        birth_date: v.birth_date,
        birth_place: v.birth_place.clone(),
        sex: v.sex,
        email: v.email.clone(),
        private_email: v.private_email.clone(),
        phone: v.phone.clone(),
        address: v.address.clone(),
        iban: v.iban.clone(),
        department_id: v.department_id,
        job_title: v.job_title.clone(),
        manager_id: v.manager_id,
        hire_date: v.hire_date,
        contract_type_id: v.contract_type_id,
        contract_end: v.contract_end,
        ccnl: v.ccnl.clone(),
        level: v.level.clone(),
        status: EmployeeStatus::Active,
        termination_date: None,
        termination_reason: None,
        completeness: 0,
        next_expiry: None,
        version: 1,
        created_at: at,
        updated_at: at,
    }
}

/// Adds employees to the active staff, each with the cached scores `score` computes from the new
/// row (its id still 0): a bulk import scores a new file before writing it instead of updating
/// four indexed columns right after. Each row is checked as [`insert`] checks one; its INSERT
/// returns the id and the history snapshot, so nothing is read back, and the search entries are
/// written together before commit. `progress(done)` is called every [`ROWS_PER_INSERT`] rows; an
/// error from it stops the insert. Returns the employees in the order given.
///
/// From [`REBUILD_INDEXES_FROM`] rows into a table no larger than the load, every row is checked
/// first, then the table's indexes are dropped inside the transaction, the rows inserted and the
/// indexes created again from their stored definitions: sorting the keys once is about half the
/// work of a dozen index updates per row, and the rows' statement journals shrink to the table's
/// pages. A failure (a tax code twice among the new rows fails the unique index) rolls the whole
/// transaction back, the indexes with it.
pub fn insert_many(
    w: &WriteTx,
    rows: &[&ValidEmployee],
    mut score: impl FnMut(&Employee) -> crate::Result<Scores>,
    progress: &mut dyn FnMut(usize) -> crate::Result<()>,
) -> crate::Result<Vec<Employee>> {
    let rebuild = rows.len() >= REBUILD_INDEXES_FROM && {
        let n: i64 = w
            .conn()
            .query_row("SELECT count(*) FROM employees", [], |r| r.get(0))?;
        rows.len() as i64 >= n
    };
    let indexes = if rebuild {
        for v in rows {
            check_refs(w, v, None, true)?;
        }
        drop_indexes(w)?
    } else {
        Vec::new()
    };
    let now = w.now_text();
    let at = ts_parse(&now)?;
    let mut out = Vec::with_capacity(rows.len());
    {
        let mut stmt = None;
        for (i, v) in rows.iter().enumerate() {
            if !rebuild {
                check_refs(w, v, None, true)?;
            }
            let mut e = new_employee(v, at);
            let s = score(&e)?;
            let row = NewRow::new(v, &now, &s);
            let values = row.values();
            if stmt.is_none() {
                stmt = Some(w.conn().prepare_cached(insert_sql(&values))?);
            }
            let Some(stmt) = stmt.as_mut() else {
                return Err(Error::internal("the insert was not prepared"));
            };
            row_values::bind(stmt, 1, &values)?;
            let (id, after): (i64, String) = {
                let mut returned = stmt.raw_query();
                let row = returned
                    .next()?
                    .ok_or(rusqlite::Error::QueryReturnedNoRows)?;
                (row.get(0)?, row.get(1)?)
            };
            w.reindex(SearchIndex::Employees, id, false)?;
            w.record_returned(&TRACKED, id, ChangeOp::Insert, None, &after)?;
            e.id = id;
            e.completeness = s.score;
            e.next_expiry = s.next_expiry;
            out.push(e);
            if (i + 1).is_multiple_of(ROWS_PER_INSERT) {
                progress(i + 1)?;
            }
        }
    }
    create_indexes(w, &indexes)?;
    progress(rows.len())?;
    Ok(out)
}

/// Drops the indexes of `employees` and returns the statements that create them again. The
/// rows that follow and the rebuilds stay in memory until the commit (a bulk write's cache).
pub(super) fn drop_indexes(w: &WriteTx) -> crate::Result<Vec<String>> {
    w.use_bulk_cache()?;
    let defs: Vec<(String, String)> = {
        let mut stmt = w.conn().prepare(
            "SELECT name, sql FROM sqlite_master
             WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL",
        )?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (name, _) in &defs {
        w.conn()
            .execute_batch(&format!("DROP INDEX \"{}\"", name.replace('"', "\"\"")))?;
    }
    Ok(defs.into_iter().map(|(_, sql)| sql).collect())
}

/// Creates dropped indexes again from their statements. With temporary data in memory (the
/// connections' `temp_store`, chosen for statement journals) SQLite sorts every index's keys in
/// one list on the writer's thread; allowed temporary files and helper threads for the length of
/// the rebuild, it sorts them in runs on the other core too (about a fifth less time for the
/// employee indexes at 100,000 rows). The runs' files are deleted as they are closed.
pub(super) fn create_indexes(w: &WriteTx, statements: &[String]) -> crate::Result<()> {
    if statements.is_empty() {
        return Ok(());
    }
    let c = w.conn();
    c.execute_batch("PRAGMA temp_store = FILE; PRAGMA threads = 2")?;
    let built = statements.iter().try_for_each(|sql| c.execute_batch(sql));
    c.execute_batch("PRAGMA temp_store = MEMORY; PRAGMA threads = 0")?;
    built?;
    Ok(())
}

/// Saves the form over the row loaded at `expected_version`. Nothing is written when nothing
/// changed. Returns the row and whether it was written.
pub fn update(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &ValidEmployee,
) -> crate::Result<(Employee, bool)> {
    let e = at_version(get(w.conn(), id)?, "employee", expected_version)?;
    check_refs(w, v, Some(&e), e.status == EmployeeStatus::Active)?;
    if v.same_data_as(&e) {
        return Ok((e, false));
    }
    let before = w.snapshot(&TRACKED, id)?;
    // Before the row changes: the search index is told the text it holds.
    w.reindex(SearchIndex::Employees, id, true)?;
    let form = FormRow::new(v);
    let mut values = form.values();
    let now = w.now_text();
    let sql = update_sql(&values);
    values.extend_from_slice(&[("updated_at", &now as &dyn ToSql), ("id", &id)]);
    let mut stmt = w.conn().prepare_cached(sql)?;
    row_values::bind(&mut stmt, 1, &values)?;
    stmt.raw_execute()?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    let e = get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))?;
    Ok((e, true))
}

/// Ends the employment: status terminated, with its date and reason.
pub fn terminate(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    date: NaiveDate,
    reason: Option<&str>,
) -> crate::Result<Employee> {
    let e = at_version(get(w.conn(), id)?, "employee", expected_version)?;
    if e.status == EmployeeStatus::Terminated
        && e.termination_date == Some(date)
        && e.termination_reason.as_deref() == reason
    {
        return Ok(e);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE employees SET status = 'terminated', termination_date = ?1,
                termination_reason = ?2, version = version + 1, updated_at = ?3
         WHERE id = ?4",
        params![date_text(date), reason, w.now_text(), id],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))
}

/// Brings a terminated employee back on the active staff (a termination entered by mistake).
/// Refused when someone else on the active staff has the same tax code.
pub fn reactivate(w: &WriteTx, id: i64, expected_version: i64) -> crate::Result<Employee> {
    let e = at_version(get(w.conn(), id)?, "employee", expected_version)?;
    if e.status == EmployeeStatus::Active {
        return Ok(e);
    }
    let taken = w
        .conn()
        .query_row(
            "SELECT 1 FROM employees WHERE tax_code = ?1 AND status = 'active' AND id <> ?2",
            params![e.tax_code, id],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        return Err(Error::field("tax_code", "duplicate"));
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE employees SET status = 'active', termination_date = NULL,
                termination_reason = NULL, version = version + 1, updated_at = ?1
         WHERE id = ?2",
        params![w.now_text(), id],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))
}

/// Stores the cached scores; writes only when they changed. Not tracked (see [`TRACKED`]).
pub fn set_scores(
    conn: &Connection,
    id: i64,
    score: i64,
    issue_count: i64,
    urgency: i64,
    next_expiry: Option<NaiveDate>,
) -> crate::Result<()> {
    conn.prepare_cached(
        "UPDATE employees SET completeness = ?1, issue_count = ?2, urgency = ?3, next_expiry = ?4
         WHERE id = ?5 AND (completeness IS NOT ?1 OR issue_count IS NOT ?2 OR urgency IS NOT ?3
                            OR next_expiry IS NOT ?4)",
    )?
    .execute(params![
        score,
        issue_count,
        urgency,
        opt_date_text(next_expiry),
        id
    ])?;
    Ok(())
}
