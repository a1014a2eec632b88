//! The department list as CSV or Excel, with the import's own fields as columns, so an exported
//! list imports back unchanged (the import matches on code, then name).

use super::import::DEPARTMENT_FIELDS;
use crate::domain::department::{Department, DepartmentQuery};
use crate::domain::permissions::{Action, Area};
use crate::export::{self, Column, Kind, Language, Sheet, Value};
use crate::services::exports::{filter_of, ExportRecord};
use crate::services::{Backoffice, Ctx};
use crate::store::departments;
use std::path::Path;
use std::sync::LazyLock;

/// One column per import field, titled with its names.
static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    DEPARTMENT_FIELDS
        .iter()
        .map(|f| {
            let kind = if f.key == "active" {
                Kind::Bool
            } else {
                Kind::Text
            };
            Column::new(f.key, f.it, f.en, kind)
        })
        .collect()
});

fn cell(d: &Department, key: &str) -> Value {
    let text = |s: &Option<String>| Value::opt_text(s.as_deref());
    match key {
        "code" => text(&d.code),
        "name" => Value::text(&d.name),
        "head" => text(&d.head),
        "cost_centre" => text(&d.cost_centre),
        "active" => Value::Bool(d.active),
        _ => Value::Empty,
    }
}

impl Backoffice {
    /// Writes the departments matching `q` (every page, in its order) as CSV or XLSX through the
    /// export pipeline, recorded in history. Returns the rows written.
    pub fn export_departments(
        &self,
        ctx: &Ctx,
        q: &DepartmentQuery,
        path: &Path,
        language: &str,
        format: export::Format,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::Departments, Action::Export)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Reparti",
            name_en: "Departments",
            columns: &COLUMNS,
        };
        let (staged, rows) = self.store.read(|c| {
            export::stage(path, format, language, &sheet, |out| {
                departments::for_each(c, q, &mut |d| {
                    let cells: Vec<Value> = COLUMNS.iter().map(|col| cell(d, col.key)).collect();
                    out.row(&cells)
                })
            })
        })?;
        let record = ExportRecord {
            kind: "departments_list",
            format: format.as_str(),
            rows,
            filter: filter_of(q, &["page", "sort", "dir"]),
            path,
            extra: Default::default(),
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(rows)
    }
}
