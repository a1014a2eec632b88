//! What each row of an import file asks for: the row read into an employee form (merged with
//! the file it updates), checked by the form's own rules and against the database, and counted
//! for the report.

use super::managers::{manager_loops, ManagerLink};
use crate::domain::cf_names::split_full_name;
use crate::domain::codice_fiscale::{self, Sex};
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::employee::{
    Employee, EmployeeInput, EmployeeRules, EmployeeStatus, ValidEmployee,
};
use crate::domain::staff_import::{ImportOptions, ImportReport, RowError, FULL_NAME, MAX_REPORTED};
use crate::domain::text::{capitalise_upper, fold_key};
use crate::import::dates::{parse_date_pivot, parse_excel_serial};
use crate::import::{Row, Table};
use crate::store::retired_list;
use crate::store::staff::employees;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap, HashSet};

/// The form's field name → the import field (column) it comes from.
pub(super) fn import_key(field: &str) -> &str {
    match field {
        "department_id" => "department",
        "contract_type_id" => "contract_type",
        "manager_id" => "manager",
        "termination_date" => "status",
        f => f,
    }
}

pub(super) fn parse_sex(s: &str) -> Option<Sex> {
    match fold_key(s).as_str() {
        "m" | "maschio" | "male" | "uomo" | "man" => Some(Sex::M),
        "f" | "femmina" | "female" | "donna" | "woman" => Some(Sex::F),
        _ => None,
    }
}

pub(super) fn parse_status(s: &str) -> Option<EmployeeStatus> {
    match fold_key(s).as_str() {
        "active" | "attivo" | "attiva" | "in forza" | "in servizio" | "si" | "sì" | "yes"
        | "true" => Some(EmployeeStatus::Active),
        "terminated" | "cessato" | "cessata" | "licenziato" | "dimesso" | "non attivo"
        | "inactive" | "no" | "false" => Some(EmployeeStatus::Terminated),
        _ => None,
    }
}

/// Departments and contract types by the names a file may use.
pub(super) struct Lookups {
    /// name or code key → (id, active)
    pub(super) departments: HashMap<String, (i64, bool)>,
    /// Italian, English name or code key → (id, active)
    pub(super) contract_types: HashMap<String, (i64, bool)>,
    /// id → fixed-term, what validation needs (read once, not per row).
    pub(super) fixed_term: HashMap<i64, bool>,
}

pub(super) fn lookups(conn: &Connection) -> crate::Result<Lookups> {
    let mut departments = HashMap::new();
    for (id, name_key, code_key, active) in crate::store::departments::keys(conn)? {
        departments.insert(name_key, (id, active));
        if let Some(code) = code_key {
            departments.entry(code).or_insert((id, active));
        }
    }
    let mut contract_types = HashMap::new();
    let mut fixed_term = HashMap::new();
    for t in retired_list::list::<ContractType>(conn, true)? {
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
pub(super) fn unknown_departments(
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
pub(super) struct RowErrors<'a> {
    pub(super) line: usize,
    pub(super) headers: &'a [String],
    pub(super) mapping: &'a BTreeMap<String, usize>,
    pub(super) list: Vec<RowError>,
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

pub(super) enum Kind {
    Create,
    Update { id: i64, version: i64 },
    Unchanged,
}

pub(super) struct RowPlan {
    pub(super) kind: Kind,
    pub(super) valid: ValidEmployee,
    /// The status the row asks for, with the termination date.
    pub(super) status: Option<(EmployeeStatus, Option<NaiveDate>)>,
    /// The tax code of a manager who is a new employee of the same file.
    pub(super) manager_in_file: Option<String>,
}

/// Someone in the manager chains an import would leave: a file on record (by id) or a new
/// employee of the file (by tax code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Person {
    OnFile(i64),
    New(String),
}

/// How a row was counted in the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Counted {
    Create,
    Update,
    Unchanged,
    Error,
}

pub(super) fn count(report: &mut ImportReport, counted: Counted, add: bool) {
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

/// What the rows of a file are checked against.
pub(super) struct Known<'a> {
    pub(super) look: &'a Lookups,
    pub(super) tax_codes: &'a HashSet<String>,
}

/// Reads every row into an employee form, merged with the file it updates, and validates it;
/// hands each row to `sink` in file order as soon as it is checked (`None` for a row with
/// errors) and returns the report. Once every row is read, the rows that would make a loop of
/// managers are reported too (their rows went to `sink` already: the report is no longer ok,
/// so a commit rolls back).
#[expect(
    clippy::too_many_lines,
    reason = "written before the limit; to be split by stage"
)]
pub(super) fn plan(
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
    // Who the file itself holds, for managers named by tax code or employee number: only a file
    // with a manager column needs it, and reading it holds back the first checked row.
    let mut file_codes: HashSet<String> = HashSet::new();
    let mut file_numbers: HashMap<String, String> = HashMap::new();
    if mapping.contains_key("manager") {
        for row in &t.rows {
            if let Some(cf) = cell(row, "tax_code").and_then(|c| codice_fiscale::normalise(&c)) {
                if let Some(n) = cell(row, "employee_number") {
                    file_numbers.entry(n).or_insert_with(|| cf.clone());
                }
                file_codes.insert(cf);
            }
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
        if let Some((cells, header)) = t.too_wide(row) {
            let p = [("cells", cells), ("header", header)];
            let p = p.iter().map(|(k, v)| ((*k).to_owned(), v.to_string()));
            errors.add("row", "too_many_cells", p.collect());
        }
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
        if options.capitalise_names {
            for name in [&mut input.last_name, &mut input.first_name] {
                if let Some(c) = capitalise_upper(name) {
                    *name = c;
                }
            }
            if let Some(c) = input.birth_place.as_deref().and_then(capitalise_upper) {
                input.birth_place = Some(c);
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
