//! Importing staff from a CSV or xlsx file: preview with a suggested column mapping, validation
//! of every row (the same rules as the employee form: each row becomes an `EmployeeInput` and
//! goes through `validate`), and a commit that is all or nothing in one transaction.
//!
//! Rows are matched to existing files on the tax code, so importing the same file again updates
//! instead of duplicating, and a row that changes nothing writes nothing. In an update, an empty
//! cell keeps what the file holds: an export that lacks a value is no reason to erase it.

use super::{Backoffice, Ctx};
use crate::domain::cf_names::split_full_name;
use crate::domain::codice_fiscale::{self, Sex};
use crate::domain::department::DepartmentInput;
use crate::domain::employee::{
    Employee, EmployeeInput, EmployeeRules, EmployeeStatus, ValidEmployee,
};
use crate::domain::permissions::{Action, Area};
use crate::domain::staff_import::{
    required, ImportField, ImportOptions, ImportOutcome, ImportPreview, ImportReport, ImportSource,
    RowError, FULL_NAME, MAX_REPORTED, PREVIEW_ROWS, REQUIRED_FIELDS,
};
use crate::domain::text::fold_key;
use crate::error::{Error, ErrorCode, FieldError};
use crate::import::dates::{parse_date_pivot, parse_excel_serial};
use crate::import::headers::{suggest_mapping, STAFF_FIELDS};
use crate::import::{read_file, Format, Row, Table};
use crate::store::employee_bulk::{snapshot_json, Bulk, NewEmployee, REBUILD_INDEXES_FROM};
use crate::store::{departments, employees, requirements, staff_scores};
use chrono::{Datelike, NaiveDate};
use rusqlite::{Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

/// Rows between two progress reports while a commit updates files.
const PROGRESS_EVERY: usize = 100;

fn source_of(t: &Table) -> ImportSource {
    ImportSource {
        format: match t.source.format {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
        .to_owned(),
        delimiter: t.source.delimiter.map(|d| d.to_string()),
        encoding: t.source.encoding.clone(),
        had_bom: t.source.had_bom,
        sheet: t.source.sheet.clone(),
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Checks the mapping the person confirmed: known fields, existing columns, each column used
/// once, the required fields present.
fn check_mapping(t: &Table, mapping: &BTreeMap<String, usize>) -> crate::Result<()> {
    let mut errors = Vec::new();
    let mut used: HashMap<usize, &str> = HashMap::new();
    for (key, &col) in mapping {
        if !STAFF_FIELDS.iter().any(|f| f.key == key) {
            errors.push(FieldError::new(&format!("mapping.{key}"), "unknown_field"));
        } else if col >= t.headers.len() {
            errors.push(FieldError::new(&format!("mapping.{key}"), "bad_column"));
        } else if let Some(other) = used.insert(col, key) {
            errors.push(
                FieldError::new(&format!("mapping.{key}"), "column_used_twice")
                    .with("other", other),
            );
        }
    }
    for key in REQUIRED_FIELDS {
        if required(key, &|k| mapping.contains_key(k)) && !mapping.contains_key(*key) {
            errors.push(FieldError::new(&format!("mapping.{key}"), "required"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// The form's field name → the import field (column) it comes from.
fn import_key(field: &str) -> &str {
    match field {
        "department_id" => "department",
        "contract_type_id" => "contract_type",
        "manager_id" => "manager",
        "termination_date" => "status",
        f => f,
    }
}

fn parse_sex(s: &str) -> Option<Sex> {
    match fold_key(s).as_str() {
        "m" | "maschio" | "male" | "uomo" | "man" => Some(Sex::M),
        "f" | "femmina" | "female" | "donna" | "woman" => Some(Sex::F),
        _ => None,
    }
}

fn parse_status(s: &str) -> Option<EmployeeStatus> {
    match fold_key(s).as_str() {
        "active" | "attivo" | "attiva" | "in forza" | "in servizio" | "si" | "sì" | "yes"
        | "true" => Some(EmployeeStatus::Active),
        "terminated" | "cessato" | "cessata" | "licenziato" | "dimesso" | "non attivo"
        | "inactive" | "no" | "false" => Some(EmployeeStatus::Terminated),
        _ => None,
    }
}

/// Departments and contract types by the names a file may use.
struct Lookups {
    /// name or code key → (id, active)
    departments: HashMap<String, (i64, bool)>,
    /// Italian, English name or code key → (id, active)
    contract_types: HashMap<String, (i64, bool)>,
    /// id → fixed-term, what validation needs (read once, not per row).
    fixed_term: HashMap<i64, bool>,
}

fn lookups(conn: &Connection) -> crate::Result<Lookups> {
    let mut departments = HashMap::new();
    let mut stmt =
        conn.prepare("SELECT id, name_key, code_key, active FROM departments LIMIT 100000")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let active: bool = r.get(3)?;
        departments.insert(r.get::<_, String>(1)?, (id, active));
        if let Some(code) = r.get::<_, Option<String>>(2)? {
            departments.entry(code).or_insert((id, active));
        }
    }
    let mut contract_types = HashMap::new();
    let mut fixed_term = HashMap::new();
    for t in crate::store::contract_types::list(conn, true)? {
        fixed_term.insert(t.id, t.fixed_term);
        contract_types.insert(fold_key(&t.name_it), (t.id, t.active));
        for alt in [t.name_en.as_deref(), t.code.as_deref()]
            .into_iter()
            .flatten()
        {
            contract_types
                .entry(fold_key(alt))
                .or_insert((t.id, t.active));
            // "fixed_term" also as "fixed term".
            contract_types
                .entry(fold_key(&alt.replace('_', " ")))
                .or_insert((t.id, t.active));
        }
    }
    Ok(Lookups {
        departments,
        contract_types,
        fixed_term,
    })
}

/// The department names in the file that do not exist, each once, in file order (what a commit
/// that may create departments creates first).
fn unknown_departments(
    conn: &Connection,
    t: &Table,
    mapping: &BTreeMap<String, usize>,
) -> crate::Result<Vec<String>> {
    let Some(&col) = mapping.get("department") else {
        return Ok(Vec::new());
    };
    let look = lookups(conn)?;
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in &t.rows {
        let Some(v) = row.get(col).map(|s| s.trim()).filter(|s| !s.is_empty()) else {
            continue;
        };
        let key = fold_key(v);
        if !look.departments.contains_key(&key) && seen.insert(key) {
            out.push(crate::domain::text::clean(v));
        }
    }
    Ok(out)
}

/// The problems of one row, each placed at its column.
struct RowErrors<'a> {
    line: usize,
    headers: &'a [String],
    mapping: &'a BTreeMap<String, usize>,
    list: Vec<RowError>,
}

impl RowErrors<'_> {
    fn add(&mut self, field: &str, code: &str, params: BTreeMap<String, String>) {
        self.list.push(RowError {
            line: self.line,
            column: self
                .mapping
                .get(import_key(field))
                .map(|&c| self.headers[c].clone()),
            field: field.to_owned(),
            code: code.to_owned(),
            params,
        });
    }
}

enum Kind {
    Create,
    Update { id: i64, version: i64 },
    Unchanged,
}

struct RowPlan {
    kind: Kind,
    valid: ValidEmployee,
    /// The status the row asks for, with the termination date.
    status: Option<(EmployeeStatus, Option<NaiveDate>)>,
    /// The tax code of a manager who is a new employee of the same file.
    manager_in_file: Option<String>,
}

/// Someone in the manager chains an import would leave: a file on record (by id) or a new
/// employee of the file (by tax code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Person {
    OnFile(i64),
    New(String),
}

/// How a row was counted in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Counted {
    Create,
    Update,
    Unchanged,
    Error,
}

fn count(report: &mut ImportReport, counted: Counted, add: bool) {
    let n = match counted {
        Counted::Create => &mut report.to_create,
        Counted::Update => &mut report.to_update,
        Counted::Unchanged => &mut report.unchanged,
        Counted::Error => &mut report.error_rows,
    };
    if add {
        *n += 1;
    } else {
        *n -= 1;
    }
}

/// One person of the file and the manager the import would leave them.
struct ManagerLink {
    line: usize,
    who: Person,
    manager: Option<Person>,
    /// The manager differs from the one on file (or the person is new and has one).
    changed: bool,
    counted: Counted,
    /// The row already has a problem with its manager.
    manager_reported: bool,
}

/// Lookups of one manager on file each before the loop check reads every link at once instead.
/// At 100,000 employees (release build) a lookup by id takes about 2 µs and reading every
/// `id, manager_id` into a map about 20-35 ms: a walk that has cost as much as the one query is
/// likely to go on, so the check switches.
const MANAGER_LOOKUPS_BEFORE_SCAN: usize = 10_000;

/// The lines a loop's problem names; a longer loop ends in "…".
const LOOP_LINES_SHOWN: usize = 10;

/// The people of the file who would take part in a loop of managers: the links of the file
/// over the ones on record, new people with the managers they name. Only loops the file makes
/// count (at least one manager in them set or changed by the file). Returns the index of each
/// link in a loop, in file order, with the lines of that loop's rows ("4, 9, 12", the first
/// [`LOOP_LINES_SHOWN`] of a longer loop).
///
/// Each chain is walked up once: a person on record not in the file is read by id (the primary
/// key), and after [`MANAGER_LOOKUPS_BEFORE_SCAN`] such reads the rest comes from one query of
/// every manager on record, which is cheaper than more reads one by one.
fn manager_loops(conn: &Connection, links: &[ManagerLink]) -> crate::Result<Vec<(usize, String)>> {
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Node {
        Link(usize),
        Record(i64),
    }
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;

    let mut on_file: HashMap<i64, usize> = HashMap::new();
    let mut new: HashMap<&str, usize> = HashMap::new();
    for (i, l) in links.iter().enumerate() {
        match &l.who {
            Person::OnFile(id) => on_file.insert(*id, i),
            Person::New(code) => new.insert(code.as_str(), i),
        };
    }
    let node_of = |p: &Person| -> Option<Node> {
        match p {
            Person::OnFile(id) => Some(
                on_file
                    .get(id)
                    .map_or(Node::Record(*id), |&i| Node::Link(i)),
            ),
            // A new person without a row of their own here (a row with an unreadable tax code)
            // ends the chain.
            Person::New(code) => new.get(code.as_str()).map(|&i| Node::Link(i)),
        }
    };

    let mut stmt = conn.prepare_cached("SELECT manager_id FROM employees WHERE id = ?1")?;
    let mut lookups = 0;
    let mut all: Option<HashMap<i64, i64>> = None;
    let mut manager_on_record = |id: i64| -> crate::Result<Option<i64>> {
        if all.is_none() && lookups >= MANAGER_LOOKUPS_BEFORE_SCAN {
            let mut every =
                conn.prepare("SELECT id, manager_id FROM employees WHERE manager_id IS NOT NULL")?;
            let map = every
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            all = Some(map);
        }
        if let Some(all) = &all {
            return Ok(all.get(&id).copied());
        }
        lookups += 1;
        Ok(stmt.query_row([id], |r| r.get(0)).optional()?.flatten())
    };

    let mut link_state = vec![NEW; links.len()];
    let mut record_state: HashMap<i64, u8> = HashMap::new();
    let mut looped: Vec<(usize, String)> = Vec::new();
    let mut path: Vec<Node> = Vec::new();
    for start in 0..links.len() {
        if link_state[start] != NEW {
            continue;
        }
        path.clear();
        let mut at = Some(Node::Link(start));
        while let Some(node) = at {
            let state = match node {
                Node::Link(i) => link_state[i],
                Node::Record(id) => record_state.get(&id).copied().unwrap_or(NEW),
            };
            if state == DONE {
                break;
            }
            if state == ON_PATH {
                // Back at someone of this walk: everyone from there on is in a loop.
                let from = path.iter().rposition(|&n| n == node).unwrap_or(0);
                let rows: Vec<usize> = path[from..]
                    .iter()
                    .filter_map(|n| match n {
                        Node::Link(i) => Some(*i),
                        Node::Record(_) => None,
                    })
                    .collect();
                if rows.iter().any(|&i| links[i].changed) {
                    let mut lines: Vec<usize> = rows.iter().map(|&i| links[i].line).collect();
                    lines.sort_unstable();
                    let mut shown: Vec<String> = lines
                        .iter()
                        .take(LOOP_LINES_SHOWN)
                        .map(usize::to_string)
                        .collect();
                    if lines.len() > LOOP_LINES_SHOWN {
                        shown.push("…".to_owned());
                    }
                    let lines = shown.join(", ");
                    looped.extend(rows.iter().map(|&i| (i, lines.clone())));
                }
                break;
            }
            match node {
                Node::Link(i) => link_state[i] = ON_PATH,
                Node::Record(id) => {
                    record_state.insert(id, ON_PATH);
                }
            }
            path.push(node);
            at = match node {
                Node::Link(i) => links[i].manager.as_ref().and_then(node_of),
                Node::Record(id) => manager_on_record(id)?
                    .map(Person::OnFile)
                    .as_ref()
                    .and_then(node_of),
            };
        }
        for &node in &path {
            match node {
                Node::Link(i) => link_state[i] = DONE,
                Node::Record(id) => {
                    record_state.insert(id, DONE);
                }
            }
        }
    }
    looped.sort_unstable_by_key(|&(i, _)| i);
    Ok(looped)
}

/// The tax codes already on file (any status): a row whose code is not among them creates a new
/// file without looking the code up.
fn existing_tax_codes(conn: &Connection) -> crate::Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT tax_code FROM employees")?;
    let codes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(codes)
}

/// What the rows of a file are checked against.
struct Known<'a> {
    look: &'a Lookups,
    tax_codes: &'a HashSet<String>,
}

/// Reads every row into an employee form, merged with the file it updates, and validates it;
/// hands each row to `sink` in file order as soon as it is checked (`None` for a row with
/// errors) and returns the report. Once every row is read, the rows that would make a loop of
/// managers are reported too (their rows went to `sink` already: the report is no longer ok,
/// so a commit rolls back).
fn plan(
    conn: &Connection,
    t: &Table,
    mapping: &BTreeMap<String, usize>,
    options: &ImportOptions,
    today: NaiveDate,
    known: &Known,
    sink: &mut dyn FnMut(usize, Option<RowPlan>) -> crate::Result<()>,
) -> crate::Result<ImportReport> {
    let look = known.look;
    let cell = |row: Row, key: &str| -> Option<String> {
        mapping
            .get(key)
            .and_then(|&c| row.get(c))
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    };
    // Who the file itself holds, for managers named by tax code or employee number.
    let mut file_codes: HashSet<String> = HashSet::with_capacity(t.rows.len());
    let mut file_numbers: HashMap<String, String> = HashMap::with_capacity(t.rows.len());
    for row in &t.rows {
        if let Some(cf) = cell(row, "tax_code").and_then(|c| codice_fiscale::normalise(&c)) {
            if let Some(n) = cell(row, "employee_number") {
                file_numbers.entry(n).or_insert_with(|| cf.clone());
            }
            file_codes.insert(cf);
        }
    }
    let birth_pivot = (today.year() % 100) as u32 + 1;

    let mut report = ImportReport {
        rows: t.rows.len(),
        to_create: 0,
        to_update: 0,
        unchanged: 0,
        error_rows: 0,
        errors: Vec::new(),
        warnings: Vec::new(),
        unknown_departments: Vec::new(),
    };
    let mut unknown_departments: HashSet<String> = HashSet::new();
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(t.rows.len());
    // Every person of the file with the manager the import would leave them, for the loop check
    // once every row is read.
    let mut links: Vec<ManagerLink> = Vec::with_capacity(t.rows.len());

    for (i, row) in t.rows.iter().enumerate() {
        let mut errors = RowErrors {
            line: t.line_numbers.get(i).copied().unwrap_or(0),
            headers: &t.headers,
            mapping,
            list: Vec::new(),
        };
        let line = errors.line;
        let value = |v: &str| {
            let mut p = BTreeMap::new();
            p.insert("value".to_owned(), v.to_owned());
            p
        };

        let cf = cell(row, "tax_code").and_then(|c| codice_fiscale::normalise(&c));
        // The first row of a tax code stands for that person in the loop check.
        let mut first_of_code = false;
        if let Some(cf) = &cf {
            if let Some(first) = seen.insert(cf.clone(), line) {
                let mut p = BTreeMap::new();
                p.insert("line".to_owned(), first.to_string());
                errors.add("tax_code", "duplicate_in_file", p);
            } else {
                first_of_code = true;
            }
        }
        let existing: Option<Employee> = match &cf {
            Some(cf) if known.tax_codes.contains(cf) => employees::by_tax_code(conn, cf)?,
            _ => None,
        };
        let mut input: EmployeeInput = existing
            .as_ref()
            .map(Employee::to_input)
            .unwrap_or_default();

        let text = |key: &str, target: &mut Option<String>| {
            if let Some(v) = cell(row, key) {
                *target = Some(v);
            }
        };
        text("employee_number", &mut input.employee_number);
        text("birth_place", &mut input.birth_place);
        text("email", &mut input.email);
        text("phone", &mut input.phone);
        text("address", &mut input.address);
        text("iban", &mut input.iban);
        text("job_title", &mut input.job_title);
        text("ccnl", &mut input.ccnl);
        text("level", &mut input.level);
        for (key, target) in [
            ("first_name", &mut input.first_name),
            ("last_name", &mut input.last_name),
            ("tax_code", &mut input.tax_code),
        ] {
            if let Some(v) = cell(row, key) {
                *target = v;
            }
        }
        // Surname and name in one cell, where the row has neither on its own.
        if let Some(full) = cell(row, FULL_NAME) {
            if cell(row, "last_name").is_none() && cell(row, "first_name").is_none() {
                match cf.as_deref().and_then(|cf| split_full_name(&full, cf)) {
                    Some((last, first)) => (input.last_name, input.first_name) = (last, first),
                    // A bad or missing tax code is reported on its own.
                    None if cf.is_some() => errors.add(FULL_NAME, "name_split", value(&full)),
                    None => {}
                }
            }
        }
        // `Some(None)`: the cell holds something that is not a date (reported).
        let mut date = |key: &str, pivot: u32| -> Option<Option<NaiveDate>> {
            let v = cell(row, key)?;
            let d = parse_date_pivot(&v, pivot).or_else(|| parse_excel_serial(&v));
            if d.is_none() {
                errors.add(key, "invalid_date", value(&v));
            }
            Some(d)
        };
        if let Some(d) = date("birth_date", birth_pivot) {
            input.birth_date = d.or(input.birth_date);
        }
        let default_pivot = crate::import::dates::TWO_DIGIT_PIVOT;
        if let Some(d) = date("hire_date", default_pivot) {
            input.hire_date = d.or(input.hire_date);
        }
        let contract_end = date("contract_end", default_pivot);
        if let Some(d) = contract_end {
            input.contract_end = d.or(input.contract_end);
        }
        if let Some(v) = cell(row, "sex") {
            match parse_sex(&v) {
                Some(s) => input.sex = Some(s),
                None => errors.add("sex", "invalid_sex", value(&v)),
            }
        }
        if let Some(v) = cell(row, "department") {
            match look.departments.get(&fold_key(&v)) {
                Some(&(id, active)) => {
                    if !active && input.department_id != Some(id) {
                        errors.add("department_id", "inactive", value(&v));
                    }
                    input.department_id = Some(id);
                }
                None => {
                    if unknown_departments.insert(fold_key(&v)) {
                        report
                            .unknown_departments
                            .push(crate::domain::text::clean(&v));
                    }
                    if !options.create_missing_departments {
                        errors.add("department_id", "unknown_department", value(&v));
                    }
                }
            }
        }
        if let Some(v) = cell(row, "contract_type") {
            match look.contract_types.get(&fold_key(&v)) {
                Some(&(id, active)) => {
                    if !active && input.contract_type_id != Some(id) {
                        errors.add("contract_type_id", "inactive", value(&v));
                    }
                    input.contract_type_id = Some(id);
                }
                None => errors.add("contract_type_id", "unknown_contract_type", value(&v)),
            }
        }
        let mut manager_in_file = None;
        if let Some(v) = cell(row, "manager") {
            let by_code = codice_fiscale::normalise(&v);
            let in_db = match &by_code {
                Some(code) => employees::by_tax_code(conn, code)?.map(|m| m.id),
                None => employees::id_by_number(conn, &v)?,
            };
            match (in_db, by_code) {
                (Some(id), _) => input.manager_id = Some(id),
                (None, Some(code)) if file_codes.contains(&code) => manager_in_file = Some(code),
                (None, None) if file_numbers.contains_key(&v) => {
                    manager_in_file = file_numbers.get(&v).cloned()
                }
                _ => errors.add("manager_id", "unknown_manager", value(&v)),
            }
        }
        if manager_in_file.is_some() && manager_in_file == cf {
            let mut p = BTreeMap::new();
            p.insert("lines".to_owned(), line.to_string());
            errors.add("manager_id", "manager_cycle", p);
            manager_in_file = None;
        }
        if let (true, Some(cf)) = (first_of_code, &cf) {
            let manager = match &manager_in_file {
                Some(code) => Some(Person::New(code.clone())),
                None => input.manager_id.map(Person::OnFile),
            };
            let changed = match &existing {
                Some(e) => manager != e.manager_id.map(Person::OnFile),
                None => manager.is_some(),
            };
            links.push(ManagerLink {
                line,
                who: match &existing {
                    Some(e) => Person::OnFile(e.id),
                    None => Person::New(cf.clone()),
                },
                manager,
                changed,
                counted: Counted::Error,
                manager_reported: false,
            });
        }
        let mut status = None;
        if let Some(v) = cell(row, "status") {
            match parse_status(&v) {
                Some(EmployeeStatus::Active) => status = Some((EmployeeStatus::Active, None)),
                Some(EmployeeStatus::Terminated) => {
                    // The end of employment is read from the contract-end column ("Data
                    // cessazione"), or kept from the file already terminated.
                    let end = contract_end
                        .flatten()
                        .or(existing.as_ref().and_then(|e| e.termination_date));
                    match end {
                        Some(d) => status = Some((EmployeeStatus::Terminated, Some(d))),
                        None => errors.add(
                            "termination_date",
                            "termination_date_required",
                            BTreeMap::new(),
                        ),
                    }
                }
                None => errors.add("status", "invalid_status", value(&v)),
            }
        }
        // The form's own checks, so every problem of the row shows at once; a field already
        // reported (an unreadable date) is not reported again as missing.
        let rules = EmployeeRules {
            fixed_term: input
                .contract_type_id
                .and_then(|id| look.fixed_term.get(&id).copied()),
            today,
        };
        let valid = match input.validate(&rules) {
            Ok(v) => Some(v),
            Err(e) => {
                for f in e.fields {
                    let key = import_key(&f.field);
                    // One problem per cell: a name cell that could not be split already says
                    // why surname and name are missing.
                    let said = |x: &RowError| {
                        let k = import_key(&x.field);
                        k == key || (k == FULL_NAME && matches!(key, "first_name" | "last_name"))
                    };
                    if !errors.list.iter().any(said) {
                        errors.add(&f.field, &f.code, f.params);
                    }
                }
                None
            }
        };
        let errors = errors.list;
        let mut link = links.last_mut().filter(|_| first_of_code);
        if let Some(link) = link.as_deref_mut() {
            link.manager_reported = errors.iter().any(|e| e.field == "manager_id");
        }

        match (valid, errors.is_empty()) {
            (Some(v), true) => {
                for w in &v.warnings {
                    if report.warnings.len() < MAX_REPORTED {
                        report.warnings.push(RowError {
                            line,
                            column: mapping
                                .get(import_key(&w.field))
                                .map(|&c| t.headers[c].clone()),
                            field: w.field.clone(),
                            code: w.code.clone(),
                            params: w.params.clone(),
                        });
                    }
                }
                let kind = match &existing {
                    None => Kind::Create,
                    Some(e) => {
                        let same_status = status.is_none_or(|(s, d)| {
                            s == e.status
                                && (s == EmployeeStatus::Active || d == e.termination_date)
                        });
                        if v.same_data_as(e) && same_status && manager_in_file.is_none() {
                            Kind::Unchanged
                        } else {
                            Kind::Update {
                                id: e.id,
                                version: e.version,
                            }
                        }
                    }
                };
                let counted = match kind {
                    Kind::Create => Counted::Create,
                    Kind::Update { .. } => Counted::Update,
                    Kind::Unchanged => Counted::Unchanged,
                };
                count(&mut report, counted, true);
                if let Some(link) = link {
                    link.counted = counted;
                }
                sink(
                    i,
                    Some(RowPlan {
                        kind,
                        valid: v,
                        status,
                        manager_in_file,
                    }),
                )?;
            }
            _ => {
                report.error_rows += 1;
                for e in errors {
                    if report.errors.len() < MAX_REPORTED {
                        report.errors.push(e);
                    }
                }
                sink(i, None)?;
            }
        }
    }
    let looped = manager_loops(conn, &links)?;
    if !looped.is_empty() {
        let column = mapping.get("manager").map(|&c| t.headers[c].clone());
        let mut found = Vec::with_capacity(looped.len());
        for (i, lines) in looped {
            let link = &links[i];
            // A row whose manager is already reported keeps that one problem.
            if link.manager_reported {
                continue;
            }
            if link.counted != Counted::Error {
                count(&mut report, link.counted, false);
                report.error_rows += 1;
            }
            let mut params = BTreeMap::new();
            params.insert("lines".to_owned(), lines);
            found.push(RowError {
                line: link.line,
                column: column.clone(),
                field: "manager_id".to_owned(),
                code: "manager_cycle".to_owned(),
                params,
            });
        }
        // In file order with the others, a row's own problems first; still the first ones only.
        report.errors.extend(found);
        report.errors.sort_by_key(|e| e.line);
        report.errors.truncate(MAX_REPORTED);
    }
    Ok(report)
}

impl Backoffice {
    /// Reads the file chosen in the open dialog and proposes a column mapping.
    pub fn preview_import(&self, ctx: &Ctx, path: &Path) -> crate::Result<ImportPreview> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let t = read_file(path)?;
        let suggested = suggest_mapping(&t.headers, STAFF_FIELDS);
        let mapping: BTreeMap<String, usize> = STAFF_FIELDS
            .iter()
            .zip(suggested)
            .filter_map(|(f, c)| c.map(|c| (f.key.to_owned(), c)))
            .collect();
        Ok(ImportPreview {
            file_name: file_name(path),
            source: source_of(&t),
            fields: STAFF_FIELDS
                .iter()
                .map(|f| ImportField {
                    key: f.key.to_owned(),
                    required: required(f.key, &|k| mapping.contains_key(k)),
                })
                .collect(),
            mapping,
            rows: t
                .rows
                .iter()
                .take(PREVIEW_ROWS)
                .map(|r| r.to_vec())
                .collect(),
            lines: t.line_numbers.iter().take(PREVIEW_ROWS).copied().collect(),
            total_rows: t.rows.len(),
            headers: t.headers,
        })
    }

    /// Checks every row with the confirmed mapping and says what a commit would do. Writes
    /// nothing.
    pub fn validate_import(
        &self,
        ctx: &Ctx,
        path: &Path,
        mapping: &BTreeMap<String, usize>,
        options: &ImportOptions,
    ) -> crate::Result<ImportReport> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let t = read_file(path)?;
        check_mapping(&t, mapping)?;
        let today = self.today();
        let report = self.store.read(|c| {
            // One read transaction: one snapshot, and no lock taken and released per lookup.
            let c = c.unchecked_transaction()?;
            let look = lookups(&c)?;
            let tax_codes = existing_tax_codes(&c)?;
            let known = Known {
                look: &look,
                tax_codes: &tax_codes,
            };
            plan(&c, &t, mapping, options, today, &known, &mut |_, _| Ok(()))
        });
        report
    }

    /// Imports the file in one transaction: every row or none. Any row error (the file may have
    /// changed since it was validated) or a cancel from `progress(done, total)` returning false
    /// rolls everything back. Each created or updated file gets its history rows.
    pub fn commit_import(
        &self,
        ctx: &Ctx,
        path: &Path,
        mapping: &BTreeMap<String, usize>,
        options: &ImportOptions,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> crate::Result<ImportOutcome> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let t = read_file(path)?;
        check_mapping(&t, mapping)?;
        let today = self.today();
        let outcome = self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            let mut departments_created = 0;
            if options.create_missing_departments {
                for name in &unknown_departments(c, &t, mapping)? {
                    let v = DepartmentInput {
                        name: name.clone(),
                        code: None,
                        head: None,
                        cost_centre: None,
                    }
                    .validate()?;
                    departments::insert(w, &v)?;
                    departments_created += 1;
                }
            }
            let look = lookups(c)?;
            let tax_codes = existing_tax_codes(c)?;
            let reqs = requirements::list(c)?;
            let fixed_term: HashMap<i64, bool> = crate::store::contract_types::list(c, true)?
                .into_iter()
                .map(|t| (t.id, t.fixed_term))
                .collect();
            let total = t.rows.len();
            let cancelled = || Error::new(ErrorCode::Cancelled, "import cancelled");
            if !progress(0, total) {
                return Err(cancelled());
            }
            let mut outcome = ImportOutcome {
                created: 0,
                updated: 0,
                unchanged: 0,
                departments_created,
            };
            let mut bulk = Bulk::begin(w)?;
            let checked = Checked {
                known: Known {
                    look: &look,
                    tax_codes: &tax_codes,
                },
                reqs: &reqs,
                fixed_term: &fixed_term,
                today,
                at: w.now(),
                first_id: bulk.first_id(),
            };
            // Rows are read and checked on a second thread while this one writes the new files
            // as they come, in file order; everything else a row asks for (updates, status
            // changes, managers named in the file) waits for the end, as before.
            let mut rest: Vec<(Option<i64>, RowPlan)> = Vec::new();
            let failed = AtomicBool::new(false);
            let report = std::thread::scope(|scope| -> crate::Result<ImportReport> {
                let (send, receive) = mpsc::sync_channel::<Vec<CheckedRow>>(CHANNEL_BATCHES);
                let (give_back, spent) = mpsc::channel::<Vec<NewEmployee>>();
                let worker = {
                    let (t, checked, failed) = (&t, &checked, &failed);
                    let channels = (send, spent);
                    scope.spawn(move || self.check_rows(t, mapping, checked, failed, channels))
                };
                for batch in receive {
                    // A row with errors fails the import: the rest is only read for the report.
                    if failed.load(Ordering::Relaxed) {
                        continue;
                    }
                    for (row, new) in batch {
                        let Some(new) = new else {
                            rest.push((None, row));
                            continue;
                        };
                        outcome.created += 1;
                        // A new file with a status or a manager from the file comes back later.
                        let follow_up = row.status.is_some() || row.manager_in_file.is_some();
                        let valid = if follow_up {
                            let valid = row.valid.clone();
                            rest.push((Some(new.id), row));
                            valid
                        } else {
                            row.valid
                        };
                        bulk.push(NewEmployee {
                            valid,
                            scores: new.scores,
                            id: new.id,
                            snapshot: new.snapshot,
                        })?;
                    }
                    // Freed by the thread that made them.
                    let _ = give_back.send(bulk.take_spent());
                    if !progress(outcome.created, total) {
                        return Err(cancelled());
                    }
                }
                drop(give_back);
                worker
                    .join()
                    .map_err(|_| Error::internal("the import's row check stopped"))?
            })?;
            if !report.ok() {
                return Err(Error::new(
                    ErrorCode::Validation,
                    format!("{} rows have errors", report.error_rows),
                )
                .with("error_rows", report.error_rows));
            }
            bulk.finish()?;
            let mut done = outcome.created;
            let mut ids: HashMap<String, i64> = HashMap::new();
            let mut later: Vec<(i64, usize)> = Vec::new();
            for (i, (new_id, row)) in rest.iter().enumerate() {
                let e = match (new_id, &row.kind) {
                    (_, Kind::Unchanged) => {
                        outcome.unchanged += 1;
                        None
                    }
                    (Some(id), _) => {
                        Some(employees::new_employee(&row.valid, w.now())).map(|mut e| {
                            e.id = *id;
                            e
                        })
                    }
                    (None, Kind::Update { id, version }) => {
                        let (e, _) = employees::update(w, *id, *version, &row.valid)?;
                        outcome.updated += 1;
                        Some(e)
                    }
                    (None, Kind::Create) => None,
                };
                let scored = new_id.is_some();
                if let Some(e) = e {
                    // The row as written, unless a status change below rewrites it.
                    let mut at_hand = Some(&e);
                    match row.status {
                        Some((EmployeeStatus::Terminated, Some(d))) => {
                            employees::terminate(
                                w,
                                e.id,
                                e.version,
                                d,
                                e.termination_reason.as_deref(),
                            )?;
                            at_hand = None;
                        }
                        Some((EmployeeStatus::Active, _))
                            if e.status == EmployeeStatus::Terminated =>
                        {
                            employees::reactivate(w, e.id, e.version)?;
                            at_hand = None;
                        }
                        _ => {}
                    }
                    match at_hand {
                        Some(_) if scored => {}
                        Some(e) => {
                            staff_scores::recompute_employee(c, e, &reqs, today)?;
                        }
                        None => {
                            staff_scores::recompute(c, e.id, &reqs, today)?;
                        }
                    }
                    ids.insert(e.tax_code.clone(), e.id);
                    if row.manager_in_file.is_some() {
                        later.push((e.id, i));
                    }
                }
                if new_id.is_none() {
                    done += 1;
                    if done.is_multiple_of(PROGRESS_EVERY) && !progress(done, total) {
                        return Err(cancelled());
                    }
                }
            }
            if !progress(total, total) {
                return Err(cancelled());
            }
            if !later.is_empty() {
                // Managers who are new employees of the same file: every new file is known by
                // its tax code from the history snapshots' ids.
                ids.extend(new_ids(c, checked.first_id)?);
            }
            // Managers who are new employees of the same file exist now.
            for (id, i) in later {
                let row = &rest[i].1;
                let Some(manager) = row.manager_in_file.as_ref().and_then(|m| ids.get(m)) else {
                    continue;
                };
                let current = employees::get(c, id)?.ok_or_else(|| Error::not_found("employee"))?;
                let mut v = row.valid.clone();
                v.manager_id = Some(*manager);
                employees::update(w, id, current.version, &v)?;
            }
            // The big write is WAL pages now; copying them into the file can follow the answer.
            if outcome.created >= REBUILD_INDEXES_FROM {
                w.checkpoint_in_background();
            }
            Ok(outcome)
        });
        outcome
    }

    /// The second thread of a commit: checks every row (on a read connection, in one read
    /// transaction: the writer has changed nothing it reads but departments, which `checked`
    /// already holds) and sends them in batches, each new file with its id, scores and history
    /// snapshot. Sets `failed` at the first row with errors; stops when the writer stops
    /// listening.
    fn check_rows(
        &self,
        t: &Table,
        mapping: &BTreeMap<String, usize>,
        checked: &Checked,
        failed: &AtomicBool,
        (send, spent): (
            mpsc::SyncSender<Vec<CheckedRow>>,
            mpsc::Receiver<Vec<NewEmployee>>,
        ),
    ) -> crate::Result<ImportReport> {
        let gone = || Error::new(ErrorCode::Cancelled, "import cancelled");
        self.store.read(|c| {
            let c = c.unchecked_transaction()?;
            let mut next_id = checked.first_id;
            let mut batch = Vec::with_capacity(ROWS_PER_BATCH);
            let report = plan(
                &c,
                t,
                mapping,
                &ImportOptions::default(),
                checked.today,
                &checked.known,
                &mut |_, row| {
                    let Some(row) = row else {
                        failed.store(true, Ordering::Relaxed);
                        return Ok(());
                    };
                    let new = matches!(row.kind, Kind::Create).then(|| {
                        let mut e = employees::new_employee(&row.valid, checked.at);
                        e.id = next_id;
                        next_id += 1;
                        let fixed = e
                            .contract_type_id
                            .and_then(|id| checked.fixed_term.get(&id).copied());
                        Prepared {
                            id: e.id,
                            scores: staff_scores::score_new(&e, fixed, checked.reqs, checked.today),
                            snapshot: snapshot_json(&e),
                        }
                    });
                    batch.push((row, new));
                    if batch.len() == ROWS_PER_BATCH {
                        let full =
                            std::mem::replace(&mut batch, Vec::with_capacity(ROWS_PER_BATCH));
                        send.send(full).map_err(|_| gone())?;
                        // The rows the writer is done with, freed here where they were made.
                        spent.try_iter().for_each(drop);
                    }
                    Ok(())
                },
            )?;
            if !batch.is_empty() {
                send.send(batch).map_err(|_| gone())?;
            }
            // The writer's loop ends when this side hangs up; then it hands back the rest.
            drop(send);
            spent.iter().for_each(drop);
            Ok(report)
        })
    }
}

/// Rows per message from the checking thread to the writer, and messages in flight.
const ROWS_PER_BATCH: usize = 256;
const CHANNEL_BATCHES: usize = 16;

/// What the checking thread of a commit needs besides the file.
struct Checked<'a> {
    known: Known<'a>,
    reqs: &'a [crate::domain::catalog::Requirement],
    fixed_term: &'a HashMap<i64, bool>,
    today: NaiveDate,
    /// The write's time, the new files' `created_at`.
    at: chrono::DateTime<chrono::Utc>,
    /// The id of the first new file; the others follow in file order.
    first_id: i64,
}

/// What a new file gets before it is written.
struct Prepared {
    id: i64,
    scores: employees::Scores,
    snapshot: String,
}

type CheckedRow = (RowPlan, Option<Prepared>);

/// Tax code → id of the employees from `first_id` on (the files this import created).
fn new_ids(c: &Connection, first_id: i64) -> crate::Result<Vec<(String, i64)>> {
    let mut stmt = c.prepare("SELECT tax_code, id FROM employees WHERE id >= ?1")?;
    let rows = stmt
        .query_map([first_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sexes_and_statuses_in_both_languages() {
        assert_eq!(parse_sex(" Femmina "), Some(Sex::F));
        assert_eq!(parse_sex("M"), Some(Sex::M));
        assert_eq!(parse_sex("x"), None);
        assert_eq!(parse_status("Cessato"), Some(EmployeeStatus::Terminated));
        assert_eq!(parse_status("active"), Some(EmployeeStatus::Active));
        assert_eq!(parse_status("forse"), None);
        assert_eq!(import_key("department_id"), "department");
        assert_eq!(import_key("email"), "email");
    }
}
