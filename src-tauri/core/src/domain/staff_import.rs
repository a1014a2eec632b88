//! What the staff import shows and reports: the preview with its suggested column mapping, the
//! validation report (row, column and reason of every problem), and what a commit did.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;
/// Problems listed in a report; the counts stay exact beyond it.
pub const MAX_REPORTED: usize = 1000;

/// The staff fields an import must map: a file without them cannot make an employee file.
pub const REQUIRED_FIELDS: &[&str] = &["last_name", "first_name", "tax_code", "hire_date"];
/// One column holding surname and first name: it stands for both when mapped.
pub const FULL_NAME: &str = "full_name";

/// Whether `key` must be mapped, given the fields `mapped` already are.
pub fn required(key: &str, mapped: &dyn Fn(&str) -> bool) -> bool {
    REQUIRED_FIELDS.contains(&key)
        && !(matches!(key, "last_name" | "first_name") && mapped(FULL_NAME))
}

/// How the file was read, for the preview ("CSV, separator ;, Windows-1252").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportSource {
    /// `csv` or `xlsx`.
    pub format: String,
    pub delimiter: Option<String>,
    pub encoding: String,
    pub had_bom: bool,
    pub sheet: Option<String>,
}

/// A field the mapping can fill, in the order the form shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportField {
    pub key: String,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    /// The file's name (never its folder).
    pub file_name: String,
    pub source: ImportSource,
    pub headers: Vec<String>,
    pub fields: Vec<ImportField>,
    /// Suggested column (index into `headers`) per field key; the person may change it.
    pub mapping: BTreeMap<String, usize>,
    /// The first rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Their lines in the file.
    pub lines: Vec<usize>,
    pub total_rows: usize,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    /// Create the departments the file names that do not exist yet (otherwise each such row is
    /// an error).
    pub create_missing_departments: bool,
    /// Write names and birth places that the file has all in capitals (as payroll programs
    /// print them) with capital initials: "DELL'ACQUA" → "Dell'Acqua".
    #[serde(default)]
    pub capitalise_names: bool,
}

/// One problem of one row: where it is in the file and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowError {
    /// The line (CSV) or sheet row (xlsx) the row starts at.
    pub line: usize,
    /// The header of the column at fault; `None` when no column holds the field.
    pub column: Option<String>,
    /// The staff field, as the employee form names it.
    pub field: String,
    /// The same codes as the form (`invalid_tax_code`, `required`…) plus the import's own
    /// (`invalid_date`, `invalid_sex`, `unknown_department`, `duplicate_in_file`…).
    pub code: String,
    pub params: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    /// Data rows in the file.
    pub rows: usize,
    /// Rows that would create an employee file.
    pub to_create: usize,
    /// Rows that would change an existing file (matched on the tax code).
    pub to_update: usize,
    /// Rows that match an existing file exactly: nothing to write.
    pub unchanged: usize,
    /// Rows with at least one error; an import with any is refused whole.
    pub error_rows: usize,
    /// The first problems, in file order (at most 1000; `error_rows` counts them all).
    pub errors: Vec<RowError>,
    /// Tax-code disagreements with birth date or sex: imported anyway, worth a look.
    pub warnings: Vec<RowError>,
    /// Department names in the file that do not exist (created on commit when asked).
    pub unknown_departments: Vec<String>,
}

impl ImportReport {
    pub fn ok(&self) -> bool {
        self.error_rows == 0
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub departments_created: usize,
}
