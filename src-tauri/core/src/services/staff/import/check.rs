//! What each row of a staff file asks for: the row read into an employee form (merged with the
//! file it updates), checked by the form's own rules and against the database. Once every row
//! is read, the rows that would make a loop of managers are reported too.
//!
//! A row is read in stages, each reporting its own problems: the tax code (the natural key) and
//! the file on record, the text fields, the dates, sex, department and contract type, the
//! manager, the status, and last the form's validation.

use super::lookups::{parse_sex, parse_status};
use super::managers::{manager_loops, ManagerLink, Person};
use super::{NewFiles, Prep};
use crate::domain::cf_names::split_full_name;
use crate::domain::codice_fiscale;
use crate::domain::staff::employee::{
    Employee, EmployeeInput, EmployeeRules, EmployeeStatus, ValidEmployee,
};
use crate::domain::staff::import::{ImportOptions, FULL_NAME};
use crate::domain::text::{capitalise_upper, clean, fold_key};
use crate::import::dates::TWO_DIGIT_PIVOT;
use crate::import::report::UnknownValues;
use crate::import::{param, Cells, Change, Input, Problems, RowChecker, RowError, SeenKeys};
use crate::services::staff::fields::text_fields;
use crate::store::staff::bulk::snapshot_json;
use crate::store::staff::{employees, scores};
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;
use std::collections::{BTreeMap, HashMap, HashSet};

/// A row of a staff file that passed its checks.
pub(crate) struct RowPlan {
    /// The file on record the row updates: id and version.
    pub(super) target: Option<(i64, i64)>,
    pub(super) valid: ValidEmployee,
    /// The status the row asks for, with the termination date.
    pub(super) status: Option<(EmployeeStatus, Option<NaiveDate>)>,
    /// The tax code of a manager who is a new employee of the same file.
    pub(super) manager_in_file: Option<String>,
}

/// What a new file gets before it is written: its id, cached scores and history snapshot, made
/// on the checking thread so the writer only writes.
pub(crate) struct Prepared {
    pub(super) id: i64,
    pub(super) scores: employees::Scores,
    pub(super) snapshot: String,
}

/// A checked row as it goes to the writer.
pub struct StaffRow {
    pub(super) plan: RowPlan,
    /// Set for a new file in a commit.
    pub(super) new: Option<Prepared>,
}

pub(super) struct StaffChecker<'a> {
    conn: &'a Connection,
    input: Input<'a, ImportOptions>,
    prep: &'a Prep,
    /// The tax codes the file holds, and its employee numbers with their tax codes: managers
    /// named by either may be new employees of the same file.
    file_codes: HashSet<String>,
    file_numbers: HashMap<String, String>,
    /// Two-digit birth years below this are 2000s: nobody is born in the future.
    birth_pivot: u32,
    seen: SeenKeys,
    /// Every person of the file with the manager the import would leave them, for the loop
    /// check once every row is read.
    links: Vec<ManagerLink>,
    unknown_keys: HashSet<String>,
    unknown_departments: Vec<String>,
    /// The id the next new file gets, in a commit.
    next_id: i64,
}

/// The form a row fills, and what it says beyond the form.
struct Reading {
    cf: Option<String>,
    existing: Option<Employee>,
    input: EmployeeInput,
    contract_end: Option<Option<NaiveDate>>,
    manager_in_file: Option<String>,
}

impl<'a> StaffChecker<'a> {
    pub(super) fn new(
        conn: &'a Connection,
        input: Input<'a, ImportOptions>,
        prep: &'a Prep,
    ) -> Self {
        let rows = input.table.rows.len();
        let mut file_codes = HashSet::new();
        let mut file_numbers = HashMap::new();
        // Only a file with a manager column needs them, and reading them holds back the first
        // checked row.
        if input.is_mapped("manager") {
            for row in &input.table.rows {
                let Some(cf) = input
                    .cell(row, "tax_code")
                    .and_then(codice_fiscale::normalise)
                else {
                    continue;
                };
                if let Some(n) = input.cell(row, "employee_number") {
                    file_numbers
                        .entry(n.to_owned())
                        .or_insert_with(|| cf.clone());
                }
                file_codes.insert(cf);
            }
        }
        StaffChecker {
            conn,
            input,
            prep,
            file_codes,
            file_numbers,
            birth_pivot: (input.today.year() % 100) as u32 + 1,
            seen: SeenKeys::with_capacity(rows),
            links: Vec::with_capacity(rows),
            unknown_keys: HashSet::new(),
            unknown_departments: Vec::new(),
            next_id: prep.new_files.as_ref().map_or(0, |n| n.first_id),
        }
    }

    /// The tax code and the file on record it matches; the first row of a code stands for that
    /// person in the loop check.
    fn key(&mut self, cells: &Cells<'_>, p: &mut Problems<'_>) -> crate::Result<Reading> {
        let cf = cells.get("tax_code").and_then(codice_fiscale::normalise);
        let existing = match &cf {
            Some(cf) if self.prep.tax_codes.contains(cf) => employees::by_tax_code(self.conn, cf)?,
            _ => None,
        };
        if let Some(cf) = &cf {
            if self.seen.first(cf.clone(), "tax_code", p) {
                self.links.push(ManagerLink {
                    row: cells.index,
                    line: cells.line,
                    who: match &existing {
                        Some(e) => Person::OnFile(e.id),
                        None => Person::New(cf.clone()),
                    },
                    manager: None,
                    changed: false,
                    manager_reported: false,
                });
            }
        }
        let input = existing
            .as_ref()
            .map(Employee::to_input)
            .unwrap_or_default();
        Ok(Reading {
            cf,
            existing,
            input,
            contract_end: None,
            manager_in_file: None,
        })
    }

    /// The row's link in the loop check, if it is the first row of its tax code.
    fn link_of(&mut self, cells: &Cells<'_>) -> Option<&mut ManagerLink> {
        self.links.last_mut().filter(|l| l.row == cells.index)
    }

    /// The fields copied as text, then surname and name from one column, then capitals.
    fn texts(&self, cells: &Cells<'_>, r: &mut Reading, p: &mut Problems<'_>) {
        for (key, set) in text_fields() {
            if let Some(v) = cells.text(key) {
                set(&mut r.input, v);
            }
        }
        // Surname and name in one cell, where the row has neither on its own.
        if let Some(full) = cells.get(FULL_NAME) {
            if cells.get("last_name").is_none() && cells.get("first_name").is_none() {
                match r.cf.as_deref().and_then(|cf| split_full_name(full, cf)) {
                    Some((last, first)) => (r.input.last_name, r.input.first_name) = (last, first),
                    // A bad or missing tax code is reported on its own.
                    None if r.cf.is_some() => p.bad_value(FULL_NAME, "name_split", full),
                    None => {}
                }
            }
        }
        if self.input.options.capitalise_names {
            let input = &mut r.input;
            for name in [&mut input.last_name, &mut input.first_name] {
                if let Some(c) = capitalise_upper(name) {
                    *name = c;
                }
            }
            if let Some(c) = input.birth_place.as_deref().and_then(capitalise_upper) {
                input.birth_place = Some(c);
            }
        }
    }

    /// Birth, hire and contract-end dates, and the sex.
    fn dates_and_sex(&self, cells: &Cells<'_>, r: &mut Reading, p: &mut Problems<'_>) {
        let input = &mut r.input;
        if let Some(d) = cells.date("birth_date", self.birth_pivot, p) {
            input.birth_date = d.or(input.birth_date);
        }
        if let Some(d) = cells.date("hire_date", TWO_DIGIT_PIVOT, p) {
            input.hire_date = d.or(input.hire_date);
        }
        r.contract_end = cells.date("contract_end", TWO_DIGIT_PIVOT, p);
        if let Some(d) = r.contract_end {
            input.contract_end = d.or(input.contract_end);
        }
        if let Some(v) = cells.get("sex") {
            match parse_sex(v) {
                Some(s) => input.sex = Some(s),
                None => p.bad_value("sex", "invalid_sex", v),
            }
        }
    }

    /// The department and the contract type, by name or code.
    fn references(&mut self, cells: &Cells<'_>, r: &mut Reading, p: &mut Problems<'_>) {
        let look = &self.prep.look;
        if let Some(v) = cells.get("department") {
            match look.departments.get(&fold_key(v)) {
                Some(&(id, active)) => {
                    if !active && r.input.department_id != Some(id) {
                        p.bad_value("department_id", "inactive", v);
                    }
                    r.input.department_id = Some(id);
                }
                None => {
                    if self.unknown_keys.insert(fold_key(v)) {
                        self.unknown_departments.push(clean(v));
                    }
                    if !self.prep.create_departments {
                        p.bad_value("department_id", "unknown_department", v);
                    }
                }
            }
        }
        if let Some(v) = cells.get("contract_type") {
            match look.contract_types.get(&fold_key(v)) {
                Some(&(id, active)) => {
                    if !active && r.input.contract_type_id != Some(id) {
                        p.bad_value("contract_type_id", "inactive", v);
                    }
                    r.input.contract_type_id = Some(id);
                }
                None => p.bad_value("contract_type_id", "unknown_contract_type", v),
            }
        }
    }

    /// The manager, by tax code or employee number: on record, or a new employee of the file.
    fn manager(
        &mut self,
        cells: &Cells<'_>,
        r: &mut Reading,
        p: &mut Problems<'_>,
    ) -> crate::Result<()> {
        if let Some(v) = cells.get("manager") {
            let by_code = codice_fiscale::normalise(v);
            let in_db = match &by_code {
                Some(code) => employees::by_tax_code(self.conn, code)?.map(|m| m.id),
                None => employees::id_by_number(self.conn, v)?,
            };
            match (in_db, by_code) {
                (Some(id), _) => r.input.manager_id = Some(id),
                (None, Some(code)) if self.file_codes.contains(&code) => {
                    r.manager_in_file = Some(code);
                }
                (None, None) if self.file_numbers.contains_key(v) => {
                    r.manager_in_file = self.file_numbers.get(v).cloned();
                }
                _ => p.bad_value("manager_id", "unknown_manager", v),
            }
        }
        if r.manager_in_file.is_some() && r.manager_in_file == r.cf {
            p.add("manager_id", "manager_cycle", param("lines", cells.line));
            r.manager_in_file = None;
        }
        let manager = match &r.manager_in_file {
            Some(code) => Some(Person::New(code.clone())),
            None => r.input.manager_id.map(Person::OnFile),
        };
        let changed = match &r.existing {
            Some(e) => manager != e.manager_id.map(Person::OnFile),
            None => manager.is_some(),
        };
        if let Some(link) = self.link_of(cells) {
            link.manager = manager;
            link.changed = changed;
        }
        Ok(())
    }

    /// The status the row asks for; a termination needs its date.
    fn status(
        cells: &Cells<'_>,
        r: &Reading,
        p: &mut Problems<'_>,
    ) -> Option<(EmployeeStatus, Option<NaiveDate>)> {
        let v = cells.get("status")?;
        match parse_status(v) {
            Some(EmployeeStatus::Active) => Some((EmployeeStatus::Active, None)),
            Some(EmployeeStatus::Terminated) => {
                // The end of employment is read from the contract-end column ("Data
                // cessazione"), or kept from the file already terminated.
                let end = r
                    .contract_end
                    .flatten()
                    .or(r.existing.as_ref().and_then(|e| e.termination_date));
                if end.is_none() {
                    p.add(
                        "termination_date",
                        "termination_date_required",
                        BTreeMap::new(),
                    );
                }
                end.map(|d| (EmployeeStatus::Terminated, Some(d)))
            }
            None => {
                p.bad_value("status", "invalid_status", v);
                None
            }
        }
    }

    /// The form's own checks, so every problem of the row shows at once; a field already
    /// reported (an unreadable date) is not reported again as missing.
    fn validate(&self, r: &Reading, p: &mut Problems<'_>) -> Option<ValidEmployee> {
        let rules = EmployeeRules {
            fixed_term: r
                .input
                .contract_type_id
                .and_then(|id| self.prep.look.fixed_term.get(&id).copied()),
            today: self.input.today,
        };
        match r.input.validate(&rules) {
            Ok(v) => Some(v),
            Err(e) => {
                for f in e.fields {
                    let key = self.input.key_of(&f.field);
                    // One problem per cell: a name cell that could not be split already says
                    // why surname and name are missing.
                    let said = p.errors().iter().any(|x| {
                        let k = self.input.key_of(&x.field);
                        k == key || (k == FULL_NAME && matches!(key, "first_name" | "last_name"))
                    });
                    if !said {
                        p.add(&f.field, &f.code, f.params);
                    }
                }
                None
            }
        }
    }

    /// A new file's id, scores and history snapshot, in a commit.
    fn prepare_new(&mut self, v: &ValidEmployee, new: &NewFiles) -> crate::Result<Prepared> {
        let mut e = employees::new_employee(v, new.at);
        e.id = self.next_id;
        self.next_id += 1;
        let fixed = e
            .contract_type_id
            .and_then(|id| self.prep.look.fixed_term.get(&id).copied());
        let scores = scores::score_new(&e, fixed, &new.reqs, self.input.today);
        Ok(Prepared {
            id: e.id,
            snapshot: snapshot_json(v, e.id, &new.now, &scores)?,
            scores,
        })
    }
}

impl RowChecker<StaffRow> for StaffChecker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, StaffRow)>> {
        let mut r = self.key(cells, p)?;
        self.texts(cells, &mut r, p);
        self.dates_and_sex(cells, &mut r, p);
        self.references(cells, &mut r, p);
        self.manager(cells, &mut r, p)?;
        let status = Self::status(cells, &r, p);
        let valid = self.validate(&r, p);
        let manager_reported = p.errors().iter().any(|e| e.field == "manager_id");
        if let Some(link) = self.link_of(cells) {
            link.manager_reported = manager_reported;
        }
        let Some(valid) = valid.filter(|_| p.is_empty()) else {
            return Ok(None);
        };
        for w in &valid.warnings {
            p.warn(&w.field, &w.code, w.params.clone());
        }
        let change = match &r.existing {
            None => Change::Create,
            Some(e) => {
                let same_status = status.is_none_or(|(s, d)| {
                    s == e.status && (s == EmployeeStatus::Active || d == e.termination_date)
                });
                if valid.same_data_as(e) && same_status && r.manager_in_file.is_none() {
                    Change::Unchanged
                } else {
                    Change::Update
                }
            }
        };
        let new = match (&self.prep.new_files, change) {
            (Some(new), Change::Create) => Some(self.prepare_new(&valid, new)?),
            _ => None,
        };
        let plan = RowPlan {
            target: r.existing.as_ref().map(|e| (e.id, e.version)),
            valid,
            status,
            manager_in_file: r.manager_in_file,
        };
        Ok(Some((change, StaffRow { plan, new })))
    }

    fn finish(&mut self) -> crate::Result<Vec<(usize, RowError)>> {
        let looped = manager_loops(self.conn, &self.links)?;
        let column = self.input.column_of("manager_id");
        Ok(looped
            .into_iter()
            .map(|(i, lines)| (&self.links[i], lines))
            // A row whose manager is already reported keeps that one problem.
            .filter(|(link, _)| !link.manager_reported)
            .map(|(link, lines)| {
                let e = RowError {
                    line: link.line,
                    column: column.clone(),
                    field: "manager_id".to_owned(),
                    code: "manager_cycle".to_owned(),
                    params: param("lines", lines),
                };
                (link.row, e)
            })
            .collect())
    }

    fn unknown(&self) -> Vec<UnknownValues> {
        if self.unknown_departments.is_empty() {
            return Vec::new();
        }
        vec![UnknownValues {
            field: "department".to_owned(),
            values: self.unknown_departments.clone(),
        }]
    }
}
