//! Exports: the filtered staff list as CSV or XLSX in the person's language, and one employee's
//! complete file as a ZIP (what a GDPR access request needs). Every file is written to a
//! temporary name and renamed, so a failure never leaves half a file.
//!
//! The list's column titles are ones the import recognises, so an export reads back in.

use super::staff::employee_file;
use super::{Backoffice, Ctx};
use crate::domain::catalog::ContractType;
use crate::domain::employee::{Employee, EmployeeFile, EmployeeStatus, StaffQuery};
use crate::domain::history::{Change, ChangeOp, HistoryQuery};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::files::{put, write_atomically};
use crate::store::retired_list;
use crate::store::staff_list::ExportNames;
use crate::store::{employees, history, staff_list};
use chrono::{Datelike, Local, NaiveDate, Timelike};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use ts_rs::TS;

/// The list's columns: key, Italian title, English title.
const COLUMNS: &[(&str, &str, &str)] = &[
    ("employee_number", "Matricola", "Employee number"),
    ("last_name", "Cognome", "Last name"),
    ("first_name", "Nome", "First name"),
    ("tax_code", "Codice fiscale", "Tax code"),
    ("birth_date", "Data di nascita", "Birth date"),
    ("birth_place", "Luogo di nascita", "Birth place"),
    ("sex", "Sesso", "Sex"),
    ("email", "Email", "Email"),
    ("phone", "Telefono", "Phone"),
    ("address", "Indirizzo", "Address"),
    ("iban", "IBAN", "IBAN"),
    ("department", "Reparto", "Department"),
    ("job_title", "Mansione", "Job title"),
    // The manager's tax code: unambiguous, and what the import matches managers on.
    ("manager", "CF responsabile", "Manager tax code"),
    ("hire_date", "Data assunzione", "Hire date"),
    ("contract_type", "Tipo contratto", "Contract type"),
    ("contract_end", "Data fine contratto", "Contract end"),
    ("ccnl", "CCNL", "CCNL"),
    ("level", "Livello", "Level"),
    ("status", "Stato", "Status"),
    ("termination_date", "Data cessazione", "Termination date"),
    (
        "termination_reason",
        "Motivo cessazione",
        "Termination reason",
    ),
    ("completeness", "Completezza", "Completeness"),
    ("next_expiry", "Prossima scadenza", "Next expiry"),
];

/// A cell of the list: text, a date or a number (so a workbook gets real date cells).
enum Cell {
    Text(String),
    Date(NaiveDate),
    Number(i64),
    Empty,
}

fn text(s: &Option<String>) -> Cell {
    s.clone().map_or(Cell::Empty, Cell::Text)
}

fn date(d: Option<NaiveDate>) -> Cell {
    d.map_or(Cell::Empty, Cell::Date)
}

fn italian(language: &str) -> bool {
    language == "it"
}

fn cells(e: &Employee, n: &ExportNames, language: &str) -> Vec<Cell> {
    let it = italian(language);
    COLUMNS
        .iter()
        .map(|(key, _, _)| match *key {
            "employee_number" => text(&e.employee_number),
            "last_name" => Cell::Text(e.last_name.clone()),
            "first_name" => Cell::Text(e.first_name.clone()),
            "tax_code" => Cell::Text(e.tax_code.clone()),
            "birth_date" => date(e.birth_date),
            "birth_place" => text(&e.birth_place),
            "sex" => e.sex.map_or(Cell::Empty, |s| Cell::Text(format!("{s:?}"))),
            "email" => text(&e.email),
            "phone" => text(&e.phone),
            "address" => text(&e.address),
            "iban" => text(&e.iban),
            "department" => text(&n.department),
            "job_title" => text(&e.job_title),
            "manager" => text(&n.manager_tax_code),
            "hire_date" => Cell::Date(e.hire_date),
            "contract_type" => {
                if it {
                    text(&n.contract_type_it)
                } else {
                    text(&n.contract_type_en)
                }
            }
            "contract_end" => date(e.contract_end),
            "ccnl" => text(&e.ccnl),
            "level" => text(&e.level),
            "status" => Cell::Text(
                match (e.status, it) {
                    (EmployeeStatus::Active, true) => "attivo",
                    (EmployeeStatus::Terminated, true) => "cessato",
                    (EmployeeStatus::Active, false) => "active",
                    (EmployeeStatus::Terminated, false) => "terminated",
                }
                .to_owned(),
            ),
            "termination_date" => date(e.termination_date),
            "termination_reason" => text(&e.termination_reason),
            "completeness" => Cell::Number(e.completeness),
            "next_expiry" => date(e.next_expiry),
            _ => Cell::Empty,
        })
        .collect()
}

fn headers(language: &str) -> Vec<&'static str> {
    COLUMNS
        .iter()
        .map(|(_, it, en)| if italian(language) { *it } else { *en })
        .collect()
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
    contract_type: Option<crate::domain::catalog::ContractType>,
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
        self.require(ctx, Area::Staff, Action::Export)?;
        let today = self.today();
        let delimiter = if italian(language) { b';' } else { b',' };
        write_atomically(path, |file| {
            put(file, path, "\u{feff}".as_bytes())?;
            let mut out = csv::WriterBuilder::new()
                .delimiter(delimiter)
                .from_writer(file);
            out.write_record(headers(language)).map_err(io)?;
            let mut n = 0u64;
            self.store.read(|c| {
                staff_list::for_each(c, q, today, &mut |e, names| {
                    let row: Vec<String> = cells(e, names, language)
                        .into_iter()
                        .map(|cell| match cell {
                            Cell::Text(s) => s,
                            Cell::Date(d) => date_text(d),
                            Cell::Number(x) => x.to_string(),
                            Cell::Empty => String::new(),
                        })
                        .collect();
                    out.write_record(&row).map_err(io)?;
                    n += 1;
                    Ok(())
                })
            })?;
            out.flush().map_err(io)?;
            Ok(n)
        })
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
        use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
        self.require(ctx, Area::Staff, Action::Export)?;
        let today = self.today();
        let xl = |e: rust_xlsxwriter::XlsxError| Error::new(ErrorCode::DbIo, e.to_string());
        let mut book = Workbook::new();
        let sheet = book.add_worksheet();
        sheet
            .set_name(if italian(language) {
                "Personale"
            } else {
                "Staff"
            })
            .map_err(xl)?;
        let bold = Format::new().set_bold();
        let date_format = Format::new().set_num_format("dd/mm/yyyy");
        for (c, h) in headers(language).iter().enumerate() {
            sheet
                .write_string_with_format(0, c as u16, *h, &bold)
                .map_err(xl)?;
            let width = if h.len() > 14 {
                h.len() as f64 + 2.0
            } else {
                14.0
            };
            sheet.set_column_width(c as u16, width).map_err(xl)?;
        }
        let mut row = 0u32;
        self.store.read(|c| {
            staff_list::for_each(c, q, today, &mut |e, names| {
                row += 1;
                for (col, cell) in cells(e, names, language).into_iter().enumerate() {
                    let col = col as u16;
                    match cell {
                        Cell::Text(s) => {
                            sheet.write_string(row, col, s).map_err(xl)?;
                        }
                        Cell::Date(d) => {
                            let x = ExcelDateTime::from_ymd(
                                d.year() as u16,
                                d.month() as u8,
                                d.day() as u8,
                            )
                            .map_err(xl)?;
                            sheet
                                .write_datetime_with_format(row, col, &x, &date_format)
                                .map_err(xl)?;
                        }
                        Cell::Number(x) => {
                            sheet.write_number(row, col, x as f64).map_err(xl)?;
                        }
                        Cell::Empty => {}
                    }
                }
                Ok(())
            })
        })?;
        sheet.set_freeze_panes(1, 0).map_err(xl)?;
        sheet
            .autofilter(0, 0, row, (COLUMNS.len() - 1) as u16)
            .map_err(xl)?;
        let bytes = book.save_to_buffer().map_err(xl)?;
        write_atomically(path, |w| put(w, path, &bytes))?;
        Ok(u64::from(row))
    }

    /// Writes one employee's complete file as a ZIP: `employee.json` (all data, documents and
    /// training records, the completeness assessment), `summary.txt` to read, every document
    /// (current ones in `documents/`, earlier versions in `documents/previous/`) and
    /// `history.json` (every change to the employee, its documents and its training). The export
    /// is recorded as a read of the employee's file.
    pub fn export_employee_zip(
        &self,
        ctx: &Ctx,
        employee_id: i64,
        path: &Path,
        language: &str,
    ) -> crate::Result<EmployeeExport> {
        use zip::write::SimpleFileOptions;
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
            rows.extend(file.documents.iter().map(|d| ("documents", d.id)));
            rows.extend(file.training.iter().map(|t| ("training_records", t.id)));
            for (entity, id) in rows {
                let q = HistoryQuery {
                    entity: Some(entity.to_owned()),
                    row_id: Some(id.to_string()),
                    ..Default::default()
                };
                history::for_each(c, &q, &[entity], &mut |ch| {
                    changes.push(ch);
                    Ok(())
                })?;
            }
            Ok(())
        })?;
        changes.sort_by_key(|c| c.id);
        let blobs = self.blobs();
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
        let options = SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(stamp);
        let json = serde_json::to_vec_pretty(&EmployeeJson {
            kind: "backoffice-employee-file",
            exported_at: crate::store::ts_text(now),
            exported_by: &ctx.actor,
            file: &file,
            contract_type: contract_type.clone(),
        })?;
        let summary = summary(&file, contract_type.as_ref(), language, now);
        let history_json = serde_json::to_vec_pretty(&changes)?;
        let z = |e: zip::result::ZipError| Error::new(ErrorCode::DbIo, e.to_string());
        write_atomically(path, |w| {
            let mut zw = zip::ZipWriter::new(w);
            zw.start_file("employee.json", options).map_err(z)?;
            zw.write_all(&json).map_err(io)?;
            zw.start_file("summary.txt", options).map_err(z)?;
            zw.write_all(summary.as_bytes()).map_err(io)?;
            for d in &file.documents {
                let bytes = blobs.read(&d.sha256)?;
                let folder = if d.superseded_by.is_some() {
                    "documents/previous"
                } else {
                    "documents"
                };
                let name = format!("{folder}/{}-{}", d.id, zip_name(&d.file_name));
                zw.start_file(name, options).map_err(z)?;
                zw.write_all(&bytes).map_err(io)?;
            }
            zw.start_file("history.json", options).map_err(z)?;
            zw.write_all(&history_json).map_err(io)?;
            zw.finish().map_err(z)?;
            Ok(())
        })?;
        Ok(EmployeeExport {
            documents: file.documents.len(),
            training: file.training.len(),
            history: changes.len(),
        })
    }
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
    contract: Option<&crate::domain::catalog::ContractType>,
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
    fn every_column_has_a_value_rule_and_reads_back() {
        use crate::import::headers::{suggest_mapping, STAFF_FIELDS};
        for language in ["it", "en"] {
            let h: Vec<String> = headers(language).iter().map(|s| s.to_string()).collect();
            let mapping = suggest_mapping(&h, STAFF_FIELDS);
            let mapped: Vec<&str> = STAFF_FIELDS
                .iter()
                .zip(&mapping)
                .filter_map(|(f, m)| m.map(|i| COLUMNS[i].0).filter(|k| *k == f.key))
                .collect();
            // Every importable field finds its own column in both languages, but the one that
            // stands for surname and name together (the export writes them apart).
            let own = STAFF_FIELDS
                .iter()
                .filter(|f| f.key != crate::domain::staff_import::FULL_NAME)
                .count();
            assert_eq!(mapped.len(), own, "{language}: {mapped:?}");
        }
        assert_eq!(zip_name("a/b.pdf"), "a_b.pdf");
    }
}
