//! The import pipeline every area uses (staff, departments; later assets, suppliers).
//!
//! First a table (a header row and data rows of text) is read out of the file the person picked,
//! whatever program wrote it: CSV in any of the encodings and delimiters Italian software uses, or
//! an Excel workbook. Then its columns are mapped to the area's fields ([`field`], [`headers`]),
//! every row is checked and the whole file committed or nothing ([`pipeline`] says what an area
//! supplies, [`run`] runs the steps; [`report`] is what the person sees).
//!
//! Nothing in a file is trusted: a damaged, huge or mislabelled file is a `bad_file` error with a
//! `reason` the UI translates, never a panic.

mod builder;
mod chosen;
pub mod csv;
pub mod dates;
pub mod fatturapa;
pub mod field;
pub mod headers;
pub mod pipeline;
pub mod reasons;
pub mod report;
pub mod rows;
pub mod run;
pub mod xlsx;

use builder::TableBuilder;
pub use chosen::{ChosenFile, ImportFile};
pub use field::{Field, FieldKind, ImportOption, NoOptions, Required};
pub use pipeline::{
    param, Begun, Cells, Change, Importer, Input, Problems, Progress, RowChecker, RowWriter,
    SeenKeys,
};
use reasons::bad_file;
pub use reasons::BadFileReason;
pub use report::{ImportOutcome, ImportPreview, ImportReport, Mapping, RowError};
pub use rows::{Row, Rows};

use crate::error::Error;
use serde::Serialize;
use std::io::Read;
use std::path::Path;

/// Larger files are refused before reading them: an office's staff or asset list is a few hundred
/// kilobytes, and the whole file is held in memory.
pub const MAX_FILE_BYTES: u64 = 50 * 1024 * 1024;
/// Data rows past this are refused rather than half-imported.
pub const MAX_ROWS: usize = 100_000;
/// A wider table is not a list of records (or is a sheet with stray cells far to the right).
pub const MAX_COLUMNS: usize = 500;

/// Zip archives (every xlsx) start with these bytes.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// Compound documents (legacy .xls, .doc) start with these bytes.
const OLE_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Csv,
    Xlsx,
}

/// How the file was read, to show the user ("CSV, separator ;, Windows-1252") and to explain
/// surprises.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceInfo {
    pub format: Format,
    /// The CSV field separator; `None` for workbooks.
    pub delimiter: Option<char>,
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE` or `windows-1252` (the names of the Encoding Standard).
    pub encoding: String,
    /// Whether the CSV started with a byte order mark (Excel's "CSV UTF-8" writes one).
    pub had_bom: bool,
    /// The worksheet read; `None` for CSV.
    pub sheet: Option<String>,
}

/// A header row and the data rows under it, all as text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Table {
    /// The column titles, trimmed: the first of the opening rows that fills at least half as many
    /// cells as the fullest of them (title lines above it are left out; see `builder`).
    pub headers: Vec<String>,
    /// The non-empty rows after the header. Each row has at least as many cells as there are
    /// headers (short rows are padded with empty text); cells beyond the headers are kept.
    pub rows: Rows,
    /// For each row, where it starts in the file: the 1-based line of a CSV file (a quoted field
    /// may span lines, so this is not the row's index) or the sheet's row number. Error messages
    /// quote it so the user can find the row in the original.
    pub line_numbers: Vec<usize>,
    /// Line or sheet row of the header.
    pub header_line: usize,
    pub source: SourceInfo,
}

impl Table {
    /// The header's titles up to the last one with text.
    pub fn header_width(&self) -> usize {
        self.headers
            .iter()
            .rposition(|h| !h.is_empty())
            .map_or(0, |i| i + 1)
    }

    /// For a CSV row with more filled cells than the header has titles, those two numbers. Such
    /// a row almost always has a separator too many (a `;` typed in an address without quotes),
    /// which moves every later value into the wrong column, so it is reported instead of read.
    /// Empty cells at the end are fine (`a;b;c;;` under three titles), and a workbook's cells
    /// cannot shift: a note to the right of a sheet's table is no broken row.
    pub fn too_wide(&self, row: Row) -> Option<(usize, usize)> {
        if self.source.format != Format::Csv {
            return None;
        }
        let (cells, header) = (row.filled_len(), self.header_width());
        (cells > header).then_some((cells, header))
    }
}

/// Reads the table in the file at `path`: an xlsx workbook (recognised by its content, whatever
/// its name) or otherwise CSV.
pub fn read_file(path: &Path) -> crate::Result<Table> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = read_limited(path).map_err(|e| e.with("file", &name))?;
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    read_bytes(bytes, extension.as_deref()).map_err(|e| e.with("file", &name))
}

/// Like [`read_file`] for a file already in memory; `extension` (lower case, no dot) only
/// sharpens the error for a file that claims to be a workbook but is not.
pub fn read_bytes(bytes: Vec<u8>, extension: Option<&str>) -> crate::Result<Table> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return xlsx::read(bytes);
    }
    // Programs that "export to Excel" often write tab-separated text or HTML named .xls, so the
    // name alone does not make a legacy workbook: the content does.
    if bytes.starts_with(OLE_MAGIC) {
        return Err(bad_file(
            BadFileReason::XlsLegacy,
            "legacy Excel 97-2003 workbook: save it as .xlsx or CSV",
        ));
    }
    if matches!(extension, Some("xlsx" | "xlsm")) {
        return Err(bad_file(
            BadFileReason::BadXlsx,
            "not an Excel workbook (no zip archive)",
        ));
    }
    csv::read(&bytes)
}

fn read_limited(path: &Path) -> crate::Result<Vec<u8>> {
    let unreadable = |e: std::io::Error| {
        let reason = if e.kind() == std::io::ErrorKind::NotFound {
            BadFileReason::NotFound
        } else {
            BadFileReason::Unreadable
        };
        bad_file(reason, format!("{}: {e}", path.display()))
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().map_err(unreadable)?.len() > MAX_FILE_BYTES {
        return Err(too_large());
    }
    // Read one byte past the limit, so a file that grew since the check is still refused.
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

fn too_large() -> Error {
    bad_file(
        BadFileReason::TooLarge,
        format!(
            "the file is larger than {} MB",
            MAX_FILE_BYTES / (1024 * 1024)
        ),
    )
    .with("max_mb", MAX_FILE_BYTES / (1024 * 1024))
}

fn too_many_rows() -> Error {
    bad_file(
        BadFileReason::TooManyRows,
        format!("more than {MAX_ROWS} rows"),
    )
    .with("max", MAX_ROWS)
}

fn too_many_columns(line: usize) -> Error {
    bad_file(
        BadFileReason::TooManyColumns,
        format!("more than {MAX_COLUMNS} columns at line {line}"),
    )
    .with("max", MAX_COLUMNS)
    .with("line", line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn reason(e: &Error) -> &str {
        assert_eq!(e.code, ErrorCode::BadFile);
        &e.params["reason"]
    }

    #[test]
    fn chooses_the_reader_by_content() {
        let t = read_bytes(b"a;b\n1;2\n".to_vec(), Some("txt")).unwrap();
        assert_eq!(t.source.format, Format::Csv);
        // A zip that is no workbook, whatever its name.
        let e = read_bytes(b"PK\x03\x04garbage".to_vec(), Some("csv")).unwrap_err();
        assert_eq!(reason(&e), "bad_xlsx");
        let mut ole = OLE_MAGIC.to_vec();
        ole.extend_from_slice(&[0; 100]);
        assert_eq!(reason(&read_bytes(ole, None).unwrap_err()), "xls_legacy");
        let t = read_bytes(b"a\tb\n1\t2\n".to_vec(), Some("xls")).unwrap();
        assert_eq!(t.source.delimiter, Some('\t'));
        assert_eq!(
            reason(&read_bytes(b"a;b".to_vec(), Some("xlsx")).unwrap_err()),
            "bad_xlsx"
        );
    }

    #[test]
    fn refuses_empty_and_oversized_input() {
        assert_eq!(reason(&read_bytes(Vec::new(), None).unwrap_err()), "empty");
        assert_eq!(
            reason(&read_bytes(b"\r\n\r\n  \n;;;\n".to_vec(), None).unwrap_err()),
            "empty"
        );
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        let e = read_bytes(big, None).unwrap_err();
        assert_eq!(reason(&e), "too_large");
        assert_eq!(e.params["max_mb"], "50");
    }

    #[test]
    fn files_on_disk() {
        let dir = tempfile::tempdir().unwrap();
        let e = read_file(&dir.path().join("missing.csv")).unwrap_err();
        assert_eq!(reason(&e), "not_found");
        assert_eq!(e.params["file"], "missing.csv");
        assert_eq!(reason(&read_file(dir.path()).unwrap_err()), "unreadable");
        // A sparse file just over the limit is refused without reading it.
        let big = dir.path().join("big.csv");
        let f = std::fs::File::create(&big).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        assert_eq!(reason(&read_file(&big).unwrap_err()), "too_large");
        let ok = dir.path().join("ok.CSV");
        std::fs::write(&ok, "Nome\nAnna\n").unwrap();
        let t = read_file(&ok).unwrap();
        assert_eq!(
            (t.headers.clone(), t.rows.to_vecs()),
            (vec!["Nome".to_string()], vec![vec!["Anna".to_string()]])
        );
    }

    #[test]
    fn rows_are_padded_to_the_headers() {
        let t = read_bytes(b"a;b;c\n1\n1;2;3;4\n".to_vec(), None).unwrap();
        assert_eq!(
            t.rows.to_vecs(),
            vec![vec!["1", "", ""], vec!["1", "2", "3", "4"]]
        );
        assert_eq!(t.line_numbers, vec![2, 3]);
        assert_eq!(t.header_line, 1);
    }
}
