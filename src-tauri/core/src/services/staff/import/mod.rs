//! Importing staff from a CSV or xlsx file, on the import pipeline (`crate::import`): the staff
//! fields ([`super::fields`]), a checker that reads each row into an employee form and checks it
//! by the form's own rules ([`check`]), and a writer that inserts new files in bulk and applies
//! the rest ([`write`]).
//!
//! Rows are matched to existing files on the tax code, so importing the same file again updates
//! instead of duplicating, and a row that changes nothing writes nothing. In an update, an empty
//! cell keeps what the file holds: an export that lacks a value is no reason to erase it.

mod check;
mod lookups;
mod managers;
mod write;

pub use check::StaffRow;

use super::fields::import_fields;
use crate::domain::department::DepartmentInput;
use crate::domain::permissions::Area;
use crate::domain::staff::catalog::Requirement;
use crate::domain::staff::import::ImportOptions;
use crate::import::{Begun, Field, ImportOption, Importer, Input, RowChecker};
use crate::store::departments;
use crate::store::staff::bulk::Bulk;
use crate::store::staff::{keys, requirements};
use crate::store::WriteTx;
use chrono::{DateTime, Utc};
use lookups::{lookups, unknown_departments, Lookups};
use rusqlite::Connection;
use std::collections::HashSet;

/// The staff import.
pub struct StaffImport;

const OPTIONS: &[ImportOption] = &[
    ImportOption {
        key: "create_missing_departments",
        it: "Crea i reparti indicati nel file che non esistono ancora",
        en: "Create the departments the file names that do not exist yet",
        default: false,
    },
    // Payroll programs print names in capitals; most people want them as they write them.
    ImportOption {
        key: "capitalise_names",
        it: "Scrivi con l'iniziale maiuscola nomi e luoghi di nascita che il file ha in \
             maiuscolo (ROSSI → Rossi)",
        en: "Write names and birth places the file has in capitals with capital initials \
             (ROSSI → Rossi)",
        default: true,
    },
];

/// What the rows of a staff file are checked against.
pub struct Prep {
    look: Lookups,
    tax_codes: HashSet<String>,
    /// Whether a department the file names may be missing (it is created first).
    create_departments: bool,
    /// In a commit: what new files are made with.
    new_files: Option<NewFiles>,
}

struct NewFiles {
    reqs: Vec<Requirement>,
    /// The write's time, the new files' `created_at`, and its text as stored.
    at: DateTime<Utc>,
    now: String,
    /// The id of the first new file; the others follow in file order.
    first_id: i64,
}

impl Importer for StaffImport {
    type Options = ImportOptions;
    type Prep = Prep;
    type Row = StaffRow;

    fn area(&self) -> Area {
        Area::Staff
    }

    fn fields(&self) -> &'static [Field] {
        import_fields()
    }

    fn options(&self) -> &'static [ImportOption] {
        OPTIONS
    }

    fn known(&self, conn: &Connection, input: Input<'_, ImportOptions>) -> crate::Result<Prep> {
        Ok(Prep {
            look: lookups(conn)?,
            tax_codes: keys::tax_codes(conn)?,
            create_departments: input.options.create_missing_departments,
            new_files: None,
        })
    }

    fn checker<'a>(
        &'a self,
        conn: &'a Connection,
        input: Input<'a, ImportOptions>,
        prep: &'a Prep,
    ) -> crate::Result<Box<dyn RowChecker<StaffRow> + 'a>> {
        Ok(Box::new(check::StaffChecker::new(conn, input, prep)))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, ImportOptions>,
    ) -> crate::Result<Begun<'a, Prep, StaffRow>> {
        let c = w.conn();
        let mut references = Vec::new();
        if input.options.create_missing_departments {
            let names = unknown_departments(&lookups(c)?, input)?;
            for name in &names {
                let v = DepartmentInput {
                    name: name.clone(),
                    code: None,
                    head: None,
                    cost_centre: None,
                }
                .validate()?;
                departments::insert(w, &v)?;
            }
            references.push(("department", names.len()));
        }
        let mut prep = self.known(c, input)?;
        // Every department the file names exists now: one still unknown is an error.
        prep.create_departments = false;
        let mut bulk = Bulk::begin(w)?;
        // Into an empty table every row of the file is a new file, or the import fails.
        if bulk.table_rows() == 0 {
            bulk.expect(input.table.rows.len())?;
        }
        let reqs = requirements::list(c)?;
        prep.new_files = Some(NewFiles {
            reqs: reqs.clone(),
            at: w.now(),
            now: w.now_text(),
            first_id: bulk.first_id(),
        });
        let writer = write::StaffWriter {
            w,
            bulk,
            rest: Vec::new(),
            reqs,
            today: input.today,
        };
        Ok(Begun {
            prep,
            writer: Box::new(writer),
            references,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_the_fields_of_the_options_type() {
        let value: serde_json::Value = OPTIONS
            .iter()
            .map(|o| (o.key.to_owned(), serde_json::Value::Bool(!o.default)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        let options: ImportOptions = serde_json::from_value(value).unwrap();
        assert_eq!(
            options,
            ImportOptions {
                create_missing_departments: true,
                capitalise_names: false
            }
        );
    }
}
