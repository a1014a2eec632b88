//! Exports: the filtered staff list as CSV or XLSX in the person's language, and one employee's
//! complete file as a ZIP (what a GDPR access request needs). Every file is written to a
//! temporary name and renamed, so a failure never leaves half a file.
//!
//! The list's column titles are ones the import recognises, so an export reads back in.

use crate::domain::history::{Change, ChangeOp, HistoryQuery};
use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::employee::{EmployeeFile, EmployeeStatus, StaffQuery};
use crate::error::{Error, ErrorCode};
use crate::export::{self, Language, Sheet};
use crate::files::stage;
use crate::services::exports::{filter_of, ExportRecord};
use crate::services::staff::employee_file;
use crate::services::staff::fields::{export_cells, export_columns};
use crate::services::{Backoffice, Ctx};
use crate::store::retired_list;
use crate::store::{departments, history, staff::employees, staff::list, tracked};
use chrono::{Datelike, Local, NaiveDate, Timelike};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

/// The list's sheet: its columns come from the employee fields' declaration.
fn sheet() -> Sheet<'static> {
    Sheet {
        name_it: "Personale",
        name_en: "Staff",
        columns: export_columns(),
    }
}

fn italian(language: &str) -> bool {
    language == "it"
}

/// The list's filter for the export's record, with the names of the department and contract
/// type it names as they were at the time (history shows them without looking them up).
fn staff_filter(c: &rusqlite::Connection, q: &StaffQuery) -> crate::Result<serde_json::Value> {
    let mut filter = filter_of(q, &["page", "sort", "dir"]);
    if let Some(m) = filter.as_object_mut() {
        if let Some(d) = q
            .department_id
            .map(|id| departments::get(c, id))
            .transpose()?
        {
            m.insert("department".into(), d.map(|d| d.name).into());
        }
        if let Some(t) = q
            .contract_type_id
            .map(|id| retired_list::get::<ContractType>(c, id))
            .transpose()?
        {
            m.insert("contract_type".into(), t.map(|t| t.name_it).into());
        }
    }
    Ok(filter)
}

/// Dates as the person reads them: dd/mm/yyyy in Italian and in British English alike.
fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

fn io(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

/// What the employee ZIP holds, for the confirmation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct EmployeeExport {
    pub documents: usize,
    pub training: usize,
    pub history: usize,
}

/// `employee.json` in the ZIP.
#[derive(Serialize)]
struct EmployeeJson<'a> {
    kind: &'static str,
    exported_at: String,
    exported_by: &'a str,
    file: &'a EmployeeFile,
    contract_type: Option<crate::domain::staff::catalog::ContractType>,
}

impl Backoffice {
    /// Writes the staff list matching `q` (every page, in its order) as CSV: UTF-8 with a BOM so
    /// spreadsheet programs read accents; `;` for Italian, `,` for English. Returns the rows
    /// written.
    pub fn export_staff_csv(
        &self,
        ctx: &Ctx,
        q: &StaffQuery,
        path: &Path,
        language: &str,
    ) -> crate::Result<u64> {
        self.export_staff(ctx, q, path, language, export::Format::Csv)
    }

    /// Writes the staff list matching `q` as an Excel workbook: bold titles, the first row
    /// frozen, filters on, dates as real date cells (dd/mm/yyyy), the score as a number.
    pub fn export_staff_xlsx(
        &self,
        ctx: &Ctx,
        q: &StaffQuery,
        path: &Path,
        language: &str,
    ) -> crate::Result<u64> {
        self.export_staff(ctx, q, path, language, export::Format::Xlsx)
    }

    /// The staff list in `format`, recorded as an export of personal data.
    fn export_staff(
        &self,
        ctx: &Ctx,
        q: &StaffQuery,
        path: &Path,
        language: &str,
        format: export::Format,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::Staff, Action::Export)?;
        let today = self.today();
        let language = Language::from_code(language);
        let (staged, rows, filter) = self.store.read(|c| {
            let (staged, rows) = export::stage(path, format, language, &sheet(), |out| {
                list::for_each(c, q, today, &mut |e, names| {
                    out.row(&export_cells(e, names, language))
                })
            })?;
            Ok((staged, rows, staff_filter(c, q)?))
        })?;
        let record = ExportRecord {
            kind: "staff_list",
            format: format.as_str(),
            rows,
            filter,
            path,
            extra: Default::default(),
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(rows)
    }

    /// Writes one employee's complete file as a ZIP: `employee.json` (all data, documents and
    /// training records, the completeness assessment), `summary.txt` to read, every document
    /// (current ones in `documents/`, earlier versions in `documents/previous/`) and
    /// `history.json` (every change to the employee, its documents and its training). The export
    /// is recorded as a read of the employee's file, and once written as an export event.
    pub fn export_employee_zip(
        &self,
        ctx: &Ctx,
        employee_id: i64,
        path: &Path,
        language: &str,
    ) -> crate::Result<EmployeeExport> {
        self.require(ctx, Area::Staff, Action::Export)?;
        let today = self.today();
        let now = self.store.now();
        let file = self.store.write(&ctx.actor, |w| {
            let e = employees::get(w.conn(), employee_id)?
                .ok_or_else(|| Error::not_found("employee"))?;
            w.record(&employees::TRACKED, employee_id, ChangeOp::Read, None)?;
            employee_file(w.conn(), e, today)
        })?;
        let contract_type = match file.employee.contract_type_id {
            Some(id) => self
                .store
                .read(|c| retired_list::get::<ContractType>(c, id))?,
            None => None,
        };
        let mut changes: Vec<Change> = Vec::new();
        self.store.read(|c| {
            let mut rows: Vec<(&str, i64)> = vec![("employees", employee_id)];
            rows.extend(file.documents.iter().map(|d| ("attachments", d.id)));
            rows.extend(file.training.iter().map(|t| ("training_records", t.id)));
            for (entity, id) in rows {
                let q = HistoryQuery {
                    entity: Some(entity.to_owned()),
                    row_id: Some(id.to_string()),
                    ..Default::default()
                };
                // A document's history from before it became an attachment is under its old
                // name; an attachment's rows are shown with their owner, the employee.
                let mut visible = tracked::history_names(entity);
                visible.push("employees");
                history::for_each(c, &q, &visible, &mut |ch| {
                    changes.push(ch);
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        changes.sort_by_key(|c| c.id);
        let json = serde_json::to_vec_pretty(&EmployeeJson {
            kind: "backoffice-employee-file",
            exported_at: crate::store::ts_text(now),
            exported_by: &ctx.actor,
            file: &file,
            contract_type: contract_type.clone(),
        })?;
        let summary = summary(&file, contract_type.as_ref(), language, now);
        let history_json = serde_json::to_vec_pretty(&changes)?;
        let blobs = self.blobs();
        let (staged, ()) = stage(path, |w| {
            let mut zw = zip::ZipWriter::new(w);
            let options = zip_options(now);
            add(&mut zw, "employee.json", &json, options)?;
            add(&mut zw, "summary.txt", summary.as_bytes(), options)?;
            for d in &file.documents {
                let folder = if d.superseded_by.is_some() {
                    "documents/previous"
                } else {
                    "documents"
                };
                let name = format!("{folder}/{}-{}", d.id, zip_name(&d.file_name));
                add(&mut zw, &name, &blobs.read(&d.sha256)?, options)?;
            }
            add(&mut zw, "history.json", &history_json, options)?;
            zw.finish().map_err(zip_error)?;
            Ok(())
        })?;
        let summary = EmployeeExport {
            documents: file.documents.len(),
            training: file.training.len(),
            history: changes.len(),
        };
        let mut extra = serde_json::Map::new();
        extra.insert("employee".into(), file.employee.full_name().into());
        extra.insert("documents".into(), summary.documents.into());
        extra.insert("training".into(), summary.training.into());
        let record = ExportRecord {
            kind: "employee_file",
            format: "zip",
            rows: 1,
            filter: serde_json::json!({ "employee_id": employee_id }),
            path,
            extra,
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(summary)
    }
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

/// Deflated entries dated with the export's local time (ZIP dates have no time zone).
fn zip_options(now: chrono::DateTime<chrono::Utc>) -> zip::write::SimpleFileOptions {
    let local = now.with_timezone(&Local);
    let stamp = zip::DateTime::from_date_and_time(
        local.year().clamp(1980, 2107) as u16,
        local.month() as u8,
        local.day() as u8,
        local.hour() as u8,
        local.minute() as u8,
        local.second().min(59) as u8,
    )
    .unwrap_or_default();
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
}

fn add<W: Write + std::io::Seek>(
    zw: &mut zip::ZipWriter<W>,
    name: &str,
    bytes: &[u8],
    options: zip::write::SimpleFileOptions,
) -> crate::Result<()> {
    zw.start_file(name, options).map_err(zip_error)?;
    zw.write_all(bytes).map_err(io)
}

/// A file name safe inside a ZIP on any system: no folders, no characters Windows refuses.
fn zip_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_control() || "/\\:*?\"<>|".contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.');
    if trimmed.is_empty() {
        "document".to_owned()
    } else {
        trimmed.chars().take(150).collect()
    }
}

/// The readable summary of the ZIP, in the person's language.
fn summary(
    f: &EmployeeFile,
    contract: Option<&crate::domain::staff::catalog::ContractType>,
    language: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> String {
    let it = italian(language);
    let l = |i: &'static str, e: &'static str| if it { i } else { e };
    let d = |x: Option<NaiveDate>| x.map(date_text).unwrap_or_else(|| "—".to_owned());
    let s = |x: &Option<String>| x.clone().unwrap_or_else(|| "—".to_owned());
    let e = &f.employee;
    let mut out = String::new();
    let mut line = |label: &str, value: String| {
        out.push_str(&format!("{label}: {value}\n"));
    };
    line(
        l("Fascicolo del dipendente", "Employee file"),
        e.full_name(),
    );
    line(
        l("Esportato il", "Exported on"),
        now.with_timezone(&Local)
            .format("%d/%m/%Y %H:%M")
            .to_string(),
    );
    line(l("Matricola", "Employee number"), s(&e.employee_number));
    line(l("Codice fiscale", "Tax code"), e.tax_code.clone());
    line(l("Data di nascita", "Birth date"), d(e.birth_date));
    line(l("Luogo di nascita", "Birth place"), s(&e.birth_place));
    line(
        l("Sesso", "Sex"),
        e.sex.map_or("—".to_owned(), |x| format!("{x:?}")),
    );
    line("Email", s(&e.email));
    line(l("Telefono", "Phone"), s(&e.phone));
    line(l("Indirizzo", "Address"), s(&e.address));
    line("IBAN", s(&e.iban));
    line(l("Reparto", "Department"), s(&f.department));
    line(l("Mansione", "Job title"), s(&e.job_title));
    line(l("Responsabile", "Manager"), s(&f.manager));
    line(l("Data assunzione", "Hire date"), date_text(e.hire_date));
    line(
        l("Tipo contratto", "Contract type"),
        contract.map_or("—".to_owned(), |c| {
            if it {
                c.name_it.clone()
            } else {
                c.name_en.clone().unwrap_or_else(|| c.name_it.clone())
            }
        }),
    );
    line(l("Fine contratto", "Contract end"), d(e.contract_end));
    line("CCNL", s(&e.ccnl));
    line(l("Livello", "Level"), s(&e.level));
    line(
        l("Stato", "Status"),
        match (e.status, it) {
            (EmployeeStatus::Active, true) => "attivo".to_owned(),
            (EmployeeStatus::Active, false) => "active".to_owned(),
            (EmployeeStatus::Terminated, true) => format!("cessato il {}", d(e.termination_date)),
            (EmployeeStatus::Terminated, false) => {
                format!("terminated on {}", d(e.termination_date))
            }
        },
    );
    line(
        l("Completezza", "Completeness"),
        format!(
            "{}/100, {} {}",
            f.completeness.score,
            f.completeness.issues.len(),
            l("problemi", "issues")
        ),
    );
    out.push_str(&format!("\n{}:\n", l("Documenti", "Documents")));
    for doc in &f.documents {
        out.push_str(&format!(
            "- {} ({}), {} {}{}\n",
            doc.title,
            doc.file_name,
            l("scadenza", "expires"),
            d(doc.expires_on),
            if doc.superseded_by.is_some() {
                l(", versione precedente", ", earlier version")
            } else {
                ""
            }
        ));
    }
    out.push_str(&format!("\n{}:\n", l("Formazione", "Training")));
    for t in &f.training {
        out.push_str(&format!(
            "- {} #{}: {} {}, {} {}\n",
            l("corso", "course"),
            t.course_id,
            l("completato il", "completed on"),
            date_text(t.completed_on),
            l("scadenza", "expires"),
            d(t.expires_on),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_column_reads_back() {
        use crate::import::headers::suggest_mapping;
        use crate::services::staff::fields::import_fields;
        let fields = import_fields();
        let columns = export_columns();
        for language in ["it", "en"] {
            let language = Language::from_code(language);
            let h: Vec<String> = columns
                .iter()
                .map(|c| c.title(language).to_owned())
                .collect();
            let mapping = suggest_mapping(&h, fields);
            let mapped: Vec<&str> = fields
                .iter()
                .zip(&mapping)
                .filter_map(|(f, m)| m.map(|i| columns[i].key).filter(|k| *k == f.key))
                .collect();
            // Every importable field finds its own column in both languages, but the one that
            // stands for surname and name together (the export writes them apart).
            let own = fields
                .iter()
                .filter(|f| f.key != crate::domain::staff::import::FULL_NAME)
                .count();
            assert_eq!(mapped.len(), own, "{language:?}: {mapped:?}");
        }
        assert_eq!(zip_name("a/b.pdf"), "a_b.pdf");
    }
}
