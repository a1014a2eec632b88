//! Excel workbooks: dates as date cells shown dd/mm/yyyy, amounts as numbers with their
//! currency's format (`#,##0.00 "€"`), yes/no as logical cells, so the person can sort, filter
//! and add up without converting text. The title row is bold, frozen and carries filters; each
//! column is as wide as its title or its longest value (up to a limit).

use super::{check_row, Column, Currency, Kind, Language, RowSink, Sheet, Value};
use crate::error::{Error, ErrorCode};
use chrono::Datelike;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use std::fs::File;
use std::io::BufWriter;

/// Columns never get wider than this many characters (a long address wraps off screen anyway).
const MAX_WIDTH: usize = 50;

fn xl(e: XlsxError) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

/// The width a column's values usually need, in characters, before any text is seen.
fn typical_width(kind: Kind) -> usize {
    match kind {
        Kind::Date => 10,
        Kind::Money => 14,
        Kind::Integer => 8,
        Kind::Bool => 5,
        Kind::Text => 0,
    }
}

/// The number format of an amount in `currency`, e.g. `#,##0.00 "€"`.
pub fn money_format(currency: Currency) -> String {
    let decimals = match currency.decimals {
        0 => String::new(),
        n => format!(".{}", "0".repeat(n as usize)),
    };
    format!("#,##0{decimals} \"{}\"", currency.symbol)
}

struct Sink<'a> {
    sheet: &'a mut Worksheet,
    columns: &'a [Column],
    date: Format,
    /// One format per currency met so far.
    money: Vec<(Currency, Format)>,
    widths: Vec<usize>,
    rows: u32,
}

impl Sink<'_> {
    fn money_format(&mut self, currency: Currency) -> &Format {
        let at = match self.money.iter().position(|(c, _)| *c == currency) {
            Some(i) => i,
            None => {
                let f = Format::new().set_num_format(money_format(currency));
                self.money.push((currency, f));
                self.money.len() - 1
            }
        };
        &self.money[at].1
    }

    fn cell(&mut self, row: u32, col: u16, v: &Value) -> Result<(), XlsxError> {
        match v {
            Value::Empty => {}
            Value::Text(s) => {
                let w = &mut self.widths[usize::from(col)];
                *w = (*w).max(s.chars().count().min(MAX_WIDTH));
                self.sheet.write_string(row, col, s)?;
            }
            Value::Date(d) => {
                let x = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
                self.sheet
                    .write_datetime_with_format(row, col, &x, &self.date)?;
            }
            Value::Money { minor, currency } => {
                let amount = *minor as f64 / 10f64.powi(currency.decimals as i32);
                let format = self.money_format(*currency).clone();
                self.sheet
                    .write_number_with_format(row, col, amount, &format)?;
            }
            Value::Integer(n) => {
                self.sheet.write_number(row, col, *n as f64)?;
            }
            Value::Bool(b) => {
                self.sheet.write_boolean(row, col, *b)?;
            }
        }
        Ok(())
    }
}

impl RowSink for Sink<'_> {
    fn row(&mut self, cells: &[Value]) -> crate::Result<()> {
        check_row(self.columns, cells)?;
        self.rows += 1;
        let row = self.rows;
        for (col, v) in cells.iter().enumerate() {
            self.cell(row, col as u16, v).map_err(xl)?;
        }
        Ok(())
    }
}

/// Builds the workbook in memory from the rows `fill` streams; returns it with the rows written.
pub(super) fn build(
    language: Language,
    sheet: &Sheet,
    fill: impl FnOnce(&mut dyn RowSink) -> crate::Result<()>,
) -> crate::Result<(Workbook, u64)> {
    let mut book = Workbook::new();
    let columns = sheet.columns;
    let rows = {
        let ws = book.add_worksheet();
        ws.set_name(language.pick(sheet.name_it, sheet.name_en))
            .map_err(xl)?;
        let bold = Format::new().set_bold();
        let mut widths = Vec::with_capacity(columns.len());
        for (c, column) in columns.iter().enumerate() {
            let title = column.title(language);
            ws.write_string_with_format(0, c as u16, title, &bold)
                .map_err(xl)?;
            // Bold titles and the filter button need a little more room than their letters.
            widths.push((title.chars().count() + 3).max(typical_width(column.kind)));
        }
        let mut sink = Sink {
            sheet: ws,
            columns,
            date: Format::new().set_num_format("dd/mm/yyyy"),
            money: Vec::new(),
            widths,
            rows: 0,
        };
        fill(&mut sink)?;
        let Sink {
            sheet: ws,
            widths,
            rows,
            ..
        } = sink;
        for (c, w) in widths.into_iter().enumerate() {
            ws.set_column_width(c as u16, (w + 2) as f64).map_err(xl)?;
        }
        ws.set_freeze_panes(1, 0).map_err(xl)?;
        let last = columns.len().saturating_sub(1) as u16;
        ws.autofilter(0, 0, rows, last).map_err(xl)?;
        rows
    };
    Ok((book, u64::from(rows)))
}

/// Writes the finished workbook into `w`.
pub(super) fn save(book: &mut Workbook, w: &mut BufWriter<File>) -> crate::Result<()> {
    book.save_to_writer(w).map_err(xl)
}

#[cfg(test)]
mod tests {
    use super::super::{write, Format as FileFormat};
    use super::*;
    use calamine::{Data, Reader, Xlsx};
    use chrono::NaiveDate;

    #[test]
    fn money_formats_follow_the_currency() {
        assert_eq!(money_format(Currency::EUR), "#,##0.00 \"€\"");
        let yen = Currency {
            code: "JPY",
            symbol: "¥",
            decimals: 0,
        };
        assert_eq!(money_format(yen), "#,##0 \"¥\"");
    }

    #[test]
    fn cells_are_real_dates_numbers_and_booleans() {
        const COLUMNS: &[Column] = &[
            Column::new("name", "Nome", "Name", Kind::Text),
            Column::new("day", "Data", "Date", Kind::Date),
            Column::new("amount", "Importo", "Amount", Kind::Money),
            Column::new("n", "Numero", "Number", Kind::Integer),
            Column::new("ok", "Attivo", "Active", Kind::Bool),
        ];
        let sheet = Sheet {
            name_it: "Prova",
            name_en: "Test",
            columns: COLUMNS,
        };
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.xlsx");
        let n = write(&path, FileFormat::Xlsx, Language::En, &sheet, |out| {
            out.row(&[
                // A workbook's text cell is never a formula: no mark.
                Value::text("=1+1"),
                Value::Date(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()),
                Value::Money {
                    minor: 123450,
                    currency: Currency::EUR,
                },
                Value::Integer(42),
                Value::Bool(true),
            ])
        })
        .unwrap();
        assert_eq!(n, 1);
        let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
        let range = book.worksheet_range("Test").unwrap();
        assert_eq!(range.get((0, 2)), Some(&Data::String("Amount".into())));
        assert_eq!(range.get((1, 0)), Some(&Data::String("=1+1".into())));
        assert!(matches!(range.get((1, 1)), Some(Data::DateTime(_))));
        assert_eq!(range.get((1, 2)), Some(&Data::Float(1234.5)));
        assert_eq!(range.get((1, 3)), Some(&Data::Float(42.0)));
        assert_eq!(range.get((1, 4)), Some(&Data::Bool(true)));
        // The money cell's number format is the currency's.
        let styles = {
            let f = std::fs::File::open(&path).unwrap();
            let mut zip = zip::ZipArchive::new(f).unwrap();
            let mut s = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut s)
                .unwrap();
            s
        };
        assert!(
            styles.contains("formatCode=\"#,##0.00 &quot;€&quot;\""),
            "{styles}"
        );
        assert!(styles.contains("formatCode=\"dd/mm/yyyy\""));
    }
}
