//! What an import shows the person, the same for every area: the preview with its suggested
//! column mapping, the check's report (line, column and reason of every problem), and what a
//! commit did.

use super::field::{Field, FieldKind, ImportOption};
use super::{Format, Table};
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

/// Rows shown in the preview.
pub const PREVIEW_ROWS: usize = 20;
/// Problems listed in a report; the counts stay exact beyond it.
pub const MAX_REPORTED: usize = 1000;

/// A column of the file (index into the headers) per field key.
pub type Mapping = BTreeMap<String, usize>;

/// A name in both languages; the UI shows the one of the person's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "ImportLabel")]
pub struct Label {
    pub it: String,
    pub en: String,
}

impl Label {
    pub fn new(it: &str, en: &str) -> Self {
        Label {
            it: it.to_owned(),
            en: en.to_owned(),
        }
    }
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

impl ImportSource {
    pub fn of(t: &Table) -> Self {
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
}

/// A field the mapping can fill, in the order the wizard shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportField {
    pub key: String,
    pub label: Label,
    /// Whether the field must be mapped, given the suggested mapping.
    pub required: bool,
    /// A field needed only while this other one is not mapped.
    pub required_unless: Option<String>,
    pub kind: FieldKind,
    /// Other names a row's problems give this field (`department_id` for `department`).
    pub also: Vec<String>,
}

impl ImportField {
    pub fn of(f: &Field, mapping: &Mapping) -> Self {
        ImportField {
            key: f.key.to_owned(),
            label: Label::new(f.it, f.en),
            required: f.is_required(&|k| mapping.contains_key(k)),
            required_unless: match f.required {
                super::field::Required::UnlessMapped(other) => Some(other.to_owned()),
                _ => None,
            },
            kind: f.kind,
            also: f.also.iter().map(|s| (*s).to_owned()).collect(),
        }
    }
}

/// A yes/no choice the area offers before the check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "ImportOptionSpec")]
pub struct OptionSpec {
    pub key: String,
    pub label: Label,
    pub default: bool,
}

impl OptionSpec {
    pub fn of(o: &ImportOption) -> Self {
        OptionSpec {
            key: o.key.to_owned(),
            label: Label::new(o.it, o.en),
            default: o.default,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportPreview {
    /// The file's name (never its folder).
    pub file_name: String,
    pub source: ImportSource,
    pub headers: Vec<String>,
    pub fields: Vec<ImportField>,
    pub options: Vec<OptionSpec>,
    /// Suggested column (index into `headers`) per field key; the person may change it.
    pub mapping: Mapping,
    /// The first rows, as text.
    pub rows: Vec<Vec<String>>,
    /// Their lines in the file.
    pub lines: Vec<usize>,
    pub total_rows: usize,
}

/// One problem of one row: where it is in the file and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RowError {
    /// The line (CSV) or sheet row (xlsx) the row starts at.
    pub line: usize,
    /// The header of the column at fault; `None` when no column holds the field.
    pub column: Option<String>,
    /// The field, as the area's form names it (`row` for the whole row).
    pub field: String,
    /// The same codes as the area's form (`required`, `invalid_tax_code`…) plus the import's
    /// own (`invalid_date`, `duplicate_in_file`, `too_many_cells`…).
    pub code: String,
    pub params: BTreeMap<String, String>,
}

/// Values the file names that match no record (department names in a staff file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnknownValues {
    /// The import field whose column holds them.
    pub field: String,
    /// Each once, in file order.
    pub values: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    /// Data rows in the file.
    pub rows: usize,
    /// Rows that would create a record.
    pub to_create: usize,
    /// Rows that would change an existing record (matched on the area's natural key).
    pub to_update: usize,
    /// Rows that match an existing record exactly: nothing to write.
    pub unchanged: usize,
    /// Rows with at least one error; an import with any is refused whole.
    pub error_rows: usize,
    /// The first problems, in file order (at most 1000; `error_rows` counts them all).
    pub errors: Vec<RowError>,
    /// Worth a look but imported anyway (a tax code that disagrees with the birth date).
    pub warnings: Vec<RowError>,
    /// Values the file names that do not exist (created on commit when the options ask).
    pub unknown: Vec<UnknownValues>,
}

impl ImportReport {
    pub fn ok(&self) -> bool {
        self.error_rows == 0
    }

    /// The unknown values of one field.
    pub fn unknown_values(&self, field: &str) -> &[String] {
        self.unknown
            .iter()
            .find(|u| u.field == field)
            .map_or(&[], |u| &u.values)
    }
}

/// Records of another kind a commit created for the file (departments a staff file names).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CreatedReferences {
    /// The import field that names them.
    pub field: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub references: Vec<CreatedReferences>,
}

impl ImportOutcome {
    /// How many records the file's `field` column made.
    pub fn created_for(&self, field: &str) -> usize {
        self.references
            .iter()
            .filter(|r| r.field == field)
            .map(|r| r.count)
            .sum()
    }
}
