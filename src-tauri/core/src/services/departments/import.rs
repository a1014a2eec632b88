//! Importing departments from a CSV or xlsx file, on the import pipeline (`crate::import`).
//!
//! A row is a department: its name, code, head (free text, as on the form) and cost centre,
//! and whether it is active. Rows are matched to departments on record by code when the row has
//! one that exists, otherwise by name, so importing the same list again updates instead of
//! duplicating; an empty cell keeps what the department holds. Each row goes through the form's
//! own checks, and names and codes stay unique, on record and within the file.

use crate::domain::department::{Department, DepartmentInput, ValidDepartment};
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::import::{
    Begun, Cells, Change, Field, FieldKind, Importer, Input, NoOptions, Problems, Progress,
    RowChecker, RowWriter, SeenKeys,
};
use crate::store::departments;
use crate::store::WriteTx;
use rusqlite::Connection;
use std::collections::HashMap;

/// The department import.
pub struct DepartmentImport;

/// The fields, in the wizard's order.
pub const DEPARTMENT_FIELDS: &[Field] = &[
    Field::new(
        "code",
        "Codice",
        "Code",
        &["Codice reparto", "Cod. reparto", "Sigla", "Department code"],
    ),
    Field::new(
        "name",
        "Nome",
        "Name",
        &[
            "Reparto",
            "Nome reparto",
            "Denominazione",
            "Descrizione",
            "Department",
            "Department name",
        ],
    )
    .required(),
    Field::new(
        "head",
        "Responsabile",
        "Head",
        &["Capo reparto", "Manager", "Head of department"],
    ),
    Field::new(
        "cost_centre",
        "Centro di costo",
        "Cost centre",
        &["Centro costo", "CdC", "Cost center"],
    ),
    Field::new("active", "Attivo", "Active", &["Stato", "Status"]).kind(FieldKind::Choice),
];

/// Yes or no in either language, as lists say whether a department is in use.
fn parse_active(s: &str) -> Option<bool> {
    match fold_key(s).as_str() {
        "si" | "sì" | "s" | "yes" | "y" | "true" | "1" | "x" | "attivo" | "attiva" | "active" => {
            Some(true)
        }
        "no" | "n" | "false" | "0" | "non attivo" | "non attiva" | "inattivo" | "inattiva"
        | "disattivato" | "disattivata" | "inactive" => Some(false),
        _ => None,
    }
}

/// The departments on record by name and by code (folded), with their ids.
pub struct Prep {
    by_name: HashMap<String, i64>,
    by_code: HashMap<String, i64>,
}

/// A department row that passed its checks.
pub struct DepartmentRow {
    /// The department on record it updates, and that department's version.
    target: Option<(i64, i64)>,
    valid: ValidDepartment,
    active: Option<bool>,
}

impl Importer for DepartmentImport {
    type Options = NoOptions;
    type Prep = Prep;
    type Row = DepartmentRow;

    fn area(&self) -> Area {
        Area::Departments
    }

    fn fields(&self) -> &'static [Field] {
        DEPARTMENT_FIELDS
    }

    fn known(&self, conn: &Connection, _: Input<'_, NoOptions>) -> crate::Result<Prep> {
        let mut by_name = HashMap::new();
        let mut by_code = HashMap::new();
        for (id, name_key, code_key, _) in departments::keys(conn)? {
            by_name.insert(name_key, id);
            if let Some(code) = code_key {
                by_code.insert(code, id);
            }
        }
        Ok(Prep { by_name, by_code })
    }

    fn checker<'a>(
        &'a self,
        conn: &'a Connection,
        input: Input<'a, NoOptions>,
        prep: &'a Prep,
    ) -> crate::Result<Box<dyn RowChecker<DepartmentRow> + 'a>> {
        let rows = input.table.rows.len();
        Ok(Box::new(Checker {
            conn,
            prep,
            names: SeenKeys::with_capacity(rows),
            codes: SeenKeys::with_capacity(rows),
            targets: SeenKeys::default(),
        }))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, NoOptions>,
    ) -> crate::Result<Begun<'a, Prep, DepartmentRow>> {
        Ok(Begun {
            prep: self.known(w.conn(), input)?,
            writer: Box::new(Writer { w }),
            references: Vec::new(),
        })
    }
}

struct Checker<'a> {
    conn: &'a Connection,
    prep: &'a Prep,
    names: SeenKeys,
    codes: SeenKeys,
    /// The departments on record rows stand for: two rows may not change one department.
    targets: SeenKeys,
}

impl Checker<'_> {
    /// The department on record the row stands for: by code, else by name.
    fn target(&self, name: Option<&str>, code: Option<&str>) -> crate::Result<Option<Department>> {
        let by_code = code.and_then(|c| self.prep.by_code.get(&fold_key(c)));
        let by_name = || name.and_then(|n| self.prep.by_name.get(&fold_key(n)));
        match by_code.or_else(by_name) {
            Some(&id) => departments::get(self.conn, id),
            None => Ok(None),
        }
    }

    /// Names and codes are unique: in the file, and against the other departments on record.
    fn unique(&mut self, v: &ValidDepartment, own: Option<i64>, p: &mut Problems<'_>) {
        let name_key = fold_key(&v.name);
        if self.names.first(name_key.clone(), "name", p) {
            let other = self.prep.by_name.get(&name_key);
            if other.is_some_and(|&id| Some(id) != own) {
                p.bad_value("name", "duplicate", &v.name);
            }
        }
        if let Some(code) = &v.code {
            let code_key = fold_key(code);
            if self.codes.first(code_key.clone(), "code", p) {
                let other = self.prep.by_code.get(&code_key);
                if other.is_some_and(|&id| Some(id) != own) {
                    p.bad_value("code", "duplicate", code);
                }
            }
        }
    }
}

impl RowChecker<DepartmentRow> for Checker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, DepartmentRow)>> {
        let existing = self.target(cells.get("name"), cells.get("code"))?;
        let on_record = existing.as_ref();
        let input = DepartmentInput {
            name: cells
                .text("name")
                .or_else(|| on_record.map(|d| d.name.clone()))
                .unwrap_or_default(),
            code: cells
                .text("code")
                .or_else(|| on_record.and_then(|d| d.code.clone())),
            head: cells
                .text("head")
                .or_else(|| on_record.and_then(|d| d.head.clone())),
            cost_centre: cells
                .text("cost_centre")
                .or_else(|| on_record.and_then(|d| d.cost_centre.clone())),
        };
        let active = cells.get("active").and_then(|v| {
            let a = parse_active(v);
            if a.is_none() {
                p.bad_value("active", "invalid_active", v);
            }
            a
        });
        let valid = match input.validate() {
            Ok(v) => v,
            Err(e) => {
                for f in e.fields {
                    p.add(&f.field, &f.code, f.params);
                }
                return Ok(None);
            }
        };
        match &existing {
            // Another row stands for the same department (one by its code, one by its name).
            Some(d) if !self.targets.first(d.id.to_string(), "name", p) => {}
            _ => self.unique(&valid, existing.as_ref().map(|d| d.id), p),
        }
        let change = match &existing {
            None => Change::Create,
            Some(d) => {
                let same = d.name == valid.name
                    && d.code == valid.code
                    && d.head == valid.head
                    && d.cost_centre == valid.cost_centre
                    && active.is_none_or(|a| a == d.active);
                if same {
                    Change::Unchanged
                } else {
                    Change::Update
                }
            }
        };
        let row = DepartmentRow {
            target: existing.map(|d| (d.id, d.version)),
            valid,
            active,
        };
        Ok(Some((change, row)))
    }
}

/// Writes each row at once: an insert or an update with its history, then its active flag.
struct Writer<'w, 'c> {
    w: &'w WriteTx<'c>,
}

impl RowWriter<DepartmentRow> for Writer<'_, '_> {
    fn write(
        &mut self,
        _: Change,
        row: DepartmentRow,
        progress: &mut Progress,
    ) -> crate::Result<()> {
        let d = match row.target {
            None => departments::insert(self.w, &row.valid)?,
            Some((id, version)) => departments::update(self.w, id, version, &row.valid)?,
        };
        if let Some(active) = row.active.filter(|&a| a != d.active) {
            departments::set_active(self.w, d.id, d.version, active)?;
        }
        progress.step()
    }

    fn finish(self: Box<Self>, _: &mut Progress) -> crate::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::ambiguous_titles;

    #[test]
    fn yes_and_no_in_both_languages() {
        assert_eq!(parse_active(" Sì "), Some(true));
        assert_eq!(parse_active("NON ATTIVO"), Some(false));
        assert_eq!(parse_active("inactive"), Some(false));
        assert_eq!(parse_active("forse"), None);
    }

    #[test]
    fn no_title_names_two_fields() {
        assert_eq!(ambiguous_titles(DEPARTMENT_FIELDS), []);
    }
}
