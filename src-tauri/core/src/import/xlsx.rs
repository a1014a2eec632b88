//! Excel workbooks (.xlsx): the first worksheet that has any content, cells turned into the text
//! a person sees, with dates in ISO form so one date parser serves CSV and Excel alike.
//!
//! A workbook is a zip archive, and a small one may unpack to gigabytes (a "zip bomb"): the
//! archive's directory is checked before calamine unpacks anything, and cells are capped at
//! Excel's own limit.

use super::{
    bad_file, too_many_columns, too_many_rows, BadFileReason, Format, SourceInfo, Table,
    TableBuilder, MAX_COLUMNS, MAX_ROWS,
};
use calamine::{DataRef, ExcelDateTime, Reader, Xlsx, XlsxError};
use std::collections::BTreeMap;
use std::io::Cursor;

/// Floats with an integral value up to this print without a decimal part; beyond it f64 no
/// longer holds every integer.
const MAX_EXACT_INTEGER: f64 = 9_007_199_254_740_992.0;

/// What all the parts of a workbook may unpack to together. A full staff list of 100,000 rows
/// unpacks to well under 100 MB; calamine holds every shared string in memory, so this also
/// bounds the memory a workbook can take.
pub const MAX_UNPACKED_BYTES: u64 = 200 * 1024 * 1024;
/// A part larger than this ...
const RATIO_CHECKED_FROM: u64 = 10 * 1024 * 1024;
/// ... that unpacks to more than this many times its packed size is not a spreadsheet's XML
/// (which packs about 5 to 20 times) but a bomb.
pub const MAX_RATIO: u64 = 100;
/// Excel's own limit on the characters of one cell.
pub const MAX_CELL_CHARS: usize = 32_767;

/// Reads the first non-empty worksheet of an xlsx file's bytes.
pub(super) fn read(bytes: Vec<u8>) -> crate::Result<Table> {
    check_archive(&bytes)?;
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| {
        bad_file(
            BadFileReason::BadXlsx,
            format!("not a readable xlsx workbook: {e}"),
        )
    })?;
    for sheet in book.sheet_names() {
        let Some(rows) = read_sheet(&mut book, &sheet)? else {
            continue;
        };
        if rows.is_empty() {
            continue;
        }
        let mut table = TableBuilder::default();
        for (row, cells) in rows {
            table.push(row as usize + 1, cells.iter().map(String::as_str))?;
        }
        return table.finish(SourceInfo {
            format: Format::Xlsx,
            delimiter: None,
            encoding: "UTF-8".into(),
            had_bom: false,
            sheet: Some(sheet),
        });
    }
    Err(bad_file(BadFileReason::Empty, "every worksheet is empty"))
}

/// Refuses a workbook whose parts unpack to too much, from the sizes the archive's central
/// directory declares, before anything is unpacked. A declared size cannot lie to the readers
/// after it: the zip reader calamine uses stops an entry with an error once it yields more than
/// its declared size (tested with a workbook that lies).
fn check_archive(bytes: &[u8]) -> crate::Result<()> {
    let bad = |e: zip::result::ZipError| {
        bad_file(
            BadFileReason::BadXlsx,
            format!("not a readable xlsx workbook: {e}"),
        )
    };
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(bad)?;
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(bad)?;
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if total > MAX_UNPACKED_BYTES {
            return Err(bad_file(
                BadFileReason::XlsxTooLarge,
                format!(
                    "the workbook unpacks to more than {} MB",
                    MAX_UNPACKED_BYTES >> 20
                ),
            )
            .with("max_mb", MAX_UNPACKED_BYTES >> 20));
        }
        if size > RATIO_CHECKED_FROM && size / packed.max(1) > MAX_RATIO {
            return Err(bad_file(
                BadFileReason::XlsxRatio,
                format!(
                    "{} unpacks to {} times its size",
                    String::from_utf8_lossy(entry.name_raw()),
                    size / packed.max(1)
                ),
            )
            .with("max", MAX_RATIO));
        }
    }
    Ok(())
}

/// The non-empty rows of one sheet by 0-based row index, streamed cell by cell so a stray cell
/// far down or right costs nothing; `None` for a chart sheet or other non-worksheet.
fn read_sheet(
    book: &mut Xlsx<Cursor<Vec<u8>>>,
    sheet: &str,
) -> crate::Result<Option<BTreeMap<u32, Vec<String>>>> {
    let bad = |e: XlsxError| bad_file(BadFileReason::BadXlsx, format!("sheet {sheet}: {e}"));
    let mut cells = match book.worksheet_cells_reader(sheet) {
        Ok(cells) => cells,
        Err(XlsxError::NotAWorksheet(_)) => return Ok(None),
        Err(e) => return Err(bad(e)),
    };
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    while let Some(cell) = cells.next_cell().map_err(bad)? {
        let text = cell_text(cell.get_value());
        if text.trim().is_empty() {
            continue;
        }
        let (row, col) = cell.get_position();
        let col = col as usize;
        // Counting chars only when the bytes could exceed the limit: most cells are short.
        if text.len() > MAX_CELL_CHARS && text.chars().count() > MAX_CELL_CHARS {
            return Err(cell_too_long(row as usize + 1, col));
        }
        if col >= MAX_COLUMNS {
            return Err(too_many_columns(row as usize + 1));
        }
        let cells_of_row = rows.entry(row).or_default();
        if cells_of_row.len() <= col {
            cells_of_row.resize(col + 1, String::new());
        }
        cells_of_row[col] = text;
        // The header plus MAX_ROWS data rows.
        if rows.len() > MAX_ROWS + 1 {
            return Err(too_many_rows());
        }
    }
    Ok(Some(rows))
}

fn cell_too_long(line: usize, col: usize) -> crate::error::Error {
    bad_file(
        BadFileReason::CellTooLong,
        format!("a cell longer than {MAX_CELL_CHARS} characters at row {line}"),
    )
    .with("max", MAX_CELL_CHARS)
    .with("line", line)
    .with("column", column_name(col))
}

/// The column's letters as Excel shows them: 0 → A, 25 → Z, 26 → AA.
fn column_name(mut col: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (col % 26) as u8);
        if col < 26 {
            break;
        }
        col = col / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).unwrap_or_default()
}

/// The text of a cell: strings as they are; integral numbers without ".0"; dates as yyyy-mm-dd
/// (with " hh:mm:ss" when there is a time of day, the time alone for a time cell); booleans as
/// TRUE/FALSE; errors as Excel shows them (#N/A).
pub fn cell_text(value: &DataRef<'_>) -> String {
    match value {
        DataRef::String(s) => s.clone(),
        DataRef::SharedString(s) => (*s).to_owned(),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => number_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => datetime_text(dt),
        DataRef::DateTimeIso(s) => s
            .strip_suffix("T00:00:00")
            .unwrap_or(s)
            .replacen('T', " ", 1),
        DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
        DataRef::Empty => String::new(),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() <= MAX_EXACT_INTEGER {
        format!("{}", f as i64)
    } else {
        // Rust prints the shortest text that reads back as the same number: 0.1, not 0.1000…01.
        format!("{f}")
    }
}

fn datetime_text(dt: &ExcelDateTime) -> String {
    if dt.is_duration() {
        // Hours may pass 24 in a duration ([h]:mm:ss).
        let seconds = (dt.as_f64() * 86_400.0).round() as i64;
        let sign = if seconds < 0 { "-" } else { "" };
        let s = seconds.abs();
        return format!("{sign}{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
    }
    let (y, mo, d, h, mi, s, _ms) = dt.to_ymd_hms_milli();
    let date = format!("{y:04}-{mo:02}-{d:02}");
    let time = format!("{h:02}:{mi:02}:{s:02}");
    if dt.as_f64() < 1.0 && dt.as_f64() > 0.0 {
        time
    } else if (h, mi, s) == (0, 0, 0) {
        date
    } else {
        format!("{date} {time}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTimeType};

    fn date(serial: f64) -> String {
        cell_text(&DataRef::DateTime(ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            false,
        )))
    }

    #[test]
    fn numbers_without_spurious_decimals() {
        assert_eq!(cell_text(&DataRef::Float(1234.0)), "1234");
        assert_eq!(cell_text(&DataRef::Float(-7.0)), "-7");
        assert_eq!(cell_text(&DataRef::Float(0.0)), "0");
        assert_eq!(cell_text(&DataRef::Float(1234.56)), "1234.56");
        assert_eq!(cell_text(&DataRef::Float(0.1)), "0.1");
        assert_eq!(cell_text(&DataRef::Float(1e20)), "100000000000000000000");
        assert_eq!(cell_text(&DataRef::Int(42)), "42");
    }

    #[test]
    fn dates_times_and_durations() {
        assert_eq!(date(45292.0), "2024-01-01");
        assert_eq!(date(29221.0), "1980-01-01");
        assert_eq!(date(45292.5), "2024-01-01 12:00:00");
        assert_eq!(date(0.75), "18:00:00");
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(cell_text(&DataRef::DateTime(duration)), "36:00:00");
        // The 1904 date system of old Mac workbooks.
        let mac = ExcelDateTime::new(43830.0, ExcelDateTimeType::DateTime, true);
        assert_eq!(cell_text(&DataRef::DateTime(mac)), "2024-01-01");
        assert_eq!(
            cell_text(&DataRef::DateTimeIso("2024-03-05T00:00:00".into())),
            "2024-03-05"
        );
        assert_eq!(
            cell_text(&DataRef::DateTimeIso("2024-03-05T08:30:00".into())),
            "2024-03-05 08:30:00"
        );
    }

    #[test]
    fn other_cells() {
        assert_eq!(cell_text(&DataRef::Bool(true)), "TRUE");
        assert_eq!(cell_text(&DataRef::Bool(false)), "FALSE");
        assert_eq!(cell_text(&DataRef::Error(CellErrorType::NA)), "#N/A");
        assert_eq!(cell_text(&DataRef::Empty), "");
        assert_eq!(cell_text(&DataRef::SharedString(" Perù ")), " Perù ");
    }

    #[test]
    fn column_names() {
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }

    #[test]
    fn damaged_workbooks_are_bad_files() {
        let e = read(b"PK\x03\x04not really a zip".to_vec()).unwrap_err();
        assert_eq!(e.params["reason"], "bad_xlsx");
    }
}
