//! A template version's checklist as CSV or Excel, with the import's own fields as columns in
//! the person's language, so an exported checklist imports back unchanged.

use super::checklist_fields::CHECKLIST_FIELDS;
use crate::domain::audits::template::ChecklistItem;
use crate::domain::permissions::{Action, Area};
use crate::error::Error;
use crate::export::{self, Column, Kind, Language, Sheet, Value};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use crate::store::audits::templates;
use serde_json::json;
use std::path::Path;
use std::sync::LazyLock;

/// One column per import field, titled with its names.
static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
    CHECKLIST_FIELDS
        .iter()
        .map(|f| {
            let kind = if f.key == "weight" {
                Kind::Integer
            } else {
                Kind::Text
            };
            Column::new(f.key, f.it, f.en, kind)
        })
        .collect()
});

fn cell(i: &ChecklistItem, key: &str) -> Value {
    let text = |s: &Option<String>| Value::opt_text(s.as_deref());
    match key {
        "section" => Value::text(&i.section),
        "code" => Value::text(&i.code),
        "requirement" => Value::text(&i.requirement),
        "reference" => text(&i.reference),
        "guidance" => text(&i.guidance),
        "evidence_expected" => text(&i.evidence_expected),
        "weight" => Value::Integer(i.weight),
        _ => Value::Empty,
    }
}

impl Backoffice {
    /// Writes the checklist of the template's `version_id` (its newest version when `None`) as
    /// CSV or XLSX through the export pipeline, recorded in history. Returns the rows written.
    pub fn export_audit_checklist(
        &self,
        ctx: &Ctx,
        template_id: i64,
        version_id: Option<i64>,
        path: &Path,
        language: &str,
        format: export::Format,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::Audits, Action::Export)?;
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Checklist",
            name_en: "Checklist",
            columns: &COLUMNS,
        };
        let (staged, rows, version) = self.store.read(|c| {
            let t = templates::get(c, template_id)?
                .ok_or_else(|| Error::not_found("audit template"))?;
            let version = templates::version(c, version_id.unwrap_or(t.current_version_id))?
                .filter(|v| v.template_id == template_id)
                .ok_or_else(|| Error::not_found("template version"))?;
            let items = templates::items(c, version.id)?;
            let (staged, rows) = export::stage(path, format, language, &sheet, |out| {
                for i in &items {
                    let cells: Vec<Value> = COLUMNS.iter().map(|col| cell(i, col.key)).collect();
                    out.row(&cells)?;
                }
                Ok(())
            })?;
            Ok((staged, rows, version))
        })?;
        let record = ExportRecord {
            kind: "audit_checklist",
            format: format.as_str(),
            rows,
            filter: json!({ "template_id": template_id, "version_id": version.id }),
            path,
            extra: [("version_number".to_owned(), json!(version.number))]
                .into_iter()
                .collect(),
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(rows)
    }
}
