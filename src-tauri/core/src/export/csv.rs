//! CSV as Italian and English spreadsheets open it with a double click: UTF-8 with a byte order
//! mark; in Italian `;` between cells and a decimal comma, in English `,` and a decimal point;
//! dates dd/mm/yyyy in both.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and some
//! programs skip a leading tab or carriage return first), so a name like `=HYPERLINK(…)` typed
//! into a form could run on the machine of whoever opens the export. Such a text cell is written
//! with a leading `'` (OWASP's advice for CSV injection): spreadsheets show it as text and hide
//! the quote. Numbers and dates are written by us and stay as they are (a negative amount must
//! stay a number). The import takes the quote off again ([`strip_mark`]), so export → import
//! gives back the same text.

use super::{check_row, Column, Language, RowSink, Value};
use crate::error::{Error, ErrorCode};
use crate::files::put;
use std::borrow::Cow;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

/// The characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `s`, past any leading quotes, starts like a formula. Leading quotes are looked
/// through so that a text which itself starts with `'=` gets one more quote, and the import's
/// taking off of one quote gives it back exactly.
fn looks_like_formula(s: &str) -> bool {
    s.trim_start_matches('\'').starts_with(FORMULA_START)
}

/// The text as written to a CSV cell: with a leading `'` when it would start like a formula.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

/// The import's side of [`neutralise`]: a cell `'` + (quotes) + formula start loses one quote.
pub fn strip_mark(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if looks_like_formula(rest) => rest,
        _ => s,
    }
}

/// `minor` units as a decimal number with `decimals` digits after `separator`, no grouping (a
/// spreadsheet reads "1234,50" as a number in Italian, "1.234,50" only sometimes).
pub fn decimal(minor: i64, decimals: u32, separator: char) -> String {
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{abs}");
    }
    let unit = 10u64.pow(decimals);
    format!(
        "{sign}{}{separator}{:0width$}",
        abs / unit,
        abs % unit,
        width = decimals as usize
    )
}

/// One cell's text in `language`.
fn cell(v: &Value, language: Language) -> Cow<'_, str> {
    match v {
        Value::Empty => Cow::Borrowed(""),
        Value::Text(s) => neutralise(s),
        Value::Date(d) => Cow::Owned(d.format("%d/%m/%Y").to_string()),
        Value::Money { minor, currency } => {
            let separator = match language {
                Language::It => ',',
                Language::En => '.',
            };
            Cow::Owned(decimal(*minor, currency.decimals, separator))
        }
        Value::Integer(n) => Cow::Owned(n.to_string()),
        Value::Bool(b) => Cow::Borrowed(match (b, language) {
            (true, Language::It) => "sì",
            (true, Language::En) => "yes",
            (false, _) => "no",
        }),
    }
}

fn csv_error(e: impl std::fmt::Display) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

struct Sink<'a, W: Write> {
    out: ::csv::Writer<W>,
    columns: &'a [Column],
    language: Language,
    rows: u64,
}

impl<W: Write> RowSink for Sink<'_, W> {
    fn row(&mut self, cells: &[Value]) -> crate::Result<()> {
        check_row(self.columns, cells)?;
        self.out
            .write_record(cells.iter().map(|v| cell(v, self.language).into_owned()))
            .map_err(csv_error)?;
        self.rows += 1;
        Ok(())
    }
}

/// Writes the title row and the rows `fill` streams into `w`; returns the rows written.
pub(super) fn write(
    w: &mut BufWriter<File>,
    path: &Path,
    language: Language,
    columns: &[Column],
    fill: impl FnOnce(&mut dyn RowSink) -> crate::Result<()>,
) -> crate::Result<u64> {
    put(w, path, "\u{feff}".as_bytes())?;
    let delimiter = match language {
        Language::It => b';',
        Language::En => b',',
    };
    let mut out = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .from_writer(w);
    out.write_record(
        columns
            .iter()
            .map(|c| neutralise(c.title(language)).into_owned()),
    )
    .map_err(csv_error)?;
    let mut sink = Sink {
        out,
        columns,
        language,
        rows: 0,
    };
    fill(&mut sink)?;
    sink.out.flush().map_err(csv_error)?;
    Ok(sink.rows)
}

#[cfg(test)]
mod tests {
    use super::super::{Currency, Format, Kind, Sheet};
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn formula_starts_are_neutralised_and_come_back() {
        for s in [
            "=1+1",
            "+39 333 1234567",
            "-5",
            "@SUM(A1)",
            "\tx",
            "\r=x",
            "'=x",
            "''+x",
        ] {
            let written = neutralise(s);
            assert_eq!(written, format!("'{s}"), "{s:?}");
            assert_eq!(strip_mark(&written), s, "{s:?}");
        }
        for s in ["Rossi", "'quoted'", "a=b", "", "'", "3-4"] {
            assert_eq!(neutralise(s), s, "{s:?}");
            assert_eq!(strip_mark(s), s, "{s:?}");
        }
    }

    #[test]
    fn amounts_are_plain_decimals() {
        assert_eq!(decimal(123456, 2, ','), "1234,56");
        assert_eq!(decimal(-5, 2, '.'), "-0.05");
        assert_eq!(decimal(0, 2, ','), "0,00");
        assert_eq!(decimal(1500, 0, ','), "1500");
        assert_eq!(decimal(i64::MIN, 2, '.'), "-92233720368547758.08");
    }

    #[test]
    fn every_kind_in_both_languages() {
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
        let row = [
            Value::text("=cmd|' /C calc'!A0"),
            Value::Date(NaiveDate::from_ymd_opt(2026, 3, 5).unwrap()),
            Value::Money {
                minor: -123450,
                currency: Currency::EUR,
            },
            Value::Integer(-7),
            Value::Bool(true),
        ];
        let mut texts = Vec::new();
        for language in [Language::It, Language::En] {
            let path = dir.path().join("out.csv");
            let n = super::super::write(&path, Format::Csv, language, &sheet, |out| {
                out.row(&row)?;
                out.row(&[
                    Value::Empty,
                    Value::Empty,
                    Value::Empty,
                    Value::Empty,
                    Value::Bool(false),
                ])
            })
            .unwrap();
            assert_eq!(n, 2);
            texts.push(std::fs::read_to_string(&path).unwrap());
        }
        assert_eq!(
            texts[0],
            "\u{feff}Nome;Data;Importo;Numero;Attivo\n\
             '=cmd|' /C calc'!A0;05/03/2026;-1234,50;-7;sì\n;;;;no\n"
        );
        assert_eq!(
            texts[1],
            "\u{feff}Name,Date,Amount,Number,Active\n\
             '=cmd|' /C calc'!A0,05/03/2026,-1234.50,-7,yes\n,,,,no\n"
        );
    }
}
