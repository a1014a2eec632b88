//! Writing a list out of the app as CSV or as an Excel workbook, the same way for every area.
//!
//! An area describes its columns once (title in Italian and English, and what kind of value each
//! holds) and streams its rows; this module turns them into a file in the person's language:
//! - CSV ([`csv`]): UTF-8 with a byte order mark (so spreadsheet programs read accents), `;` and
//!   decimal commas in Italian, `,` and decimal points in English, dates dd/mm/yyyy in both (the
//!   app's English is British). A text cell that a spreadsheet would take for a formula is
//!   neutralised with a leading `'`, which the import takes off again.
//! - XLSX ([`xlsx`]): real date and money cells, the title row bold, frozen and filtered.
//!
//! The file is staged beside its target ([`crate::files::stage`]) and only put in place when the
//! caller publishes it, after recording the export: a failed export leaves no half file, and a
//! published one always has its history event.

pub mod csv;
pub mod xlsx;

use crate::error::Error;
use crate::files::Staged;
use chrono::NaiveDate;
use std::path::Path;

/// The language of the titles, separators and words (yes/no) of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    It,
    En,
}

impl Language {
    /// The UI's language code; anything but `it` is English.
    pub fn from_code(code: &str) -> Self {
        if code == "it" {
            Language::It
        } else {
            Language::En
        }
    }

    pub fn pick(self, it: &'static str, en: &'static str) -> &'static str {
        match self {
            Language::It => it,
            Language::En => en,
        }
    }
}

/// What a column holds, which decides how its cells are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Date,
    /// An amount in minor units (cents) with its currency.
    Money,
    Integer,
    Bool,
}

/// One column of an export.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// A stable name for the area's own use (which value goes in it).
    pub key: &'static str,
    pub it: &'static str,
    pub en: &'static str,
    pub kind: Kind,
}

impl Column {
    pub const fn new(key: &'static str, it: &'static str, en: &'static str, kind: Kind) -> Self {
        Column { key, it, en, kind }
    }

    pub fn title(&self, language: Language) -> &'static str {
        language.pick(self.it, self.en)
    }
}

/// A currency as exports show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Currency {
    /// ISO 4217 code, e.g. `EUR`.
    pub code: &'static str,
    pub symbol: &'static str,
    /// Digits after the decimal separator (the minor unit).
    pub decimals: u32,
}

impl Currency {
    pub const EUR: Currency = Currency {
        code: "EUR",
        symbol: "€",
        decimals: 2,
    };
    pub const USD: Currency = Currency {
        code: "USD",
        symbol: "$",
        decimals: 2,
    };
    pub const GBP: Currency = Currency {
        code: "GBP",
        symbol: "£",
        decimals: 2,
    };
    pub const CHF: Currency = Currency {
        code: "CHF",
        symbol: "CHF",
        decimals: 2,
    };
}

/// One cell's value; `Empty` fits any column.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Money { minor: i64, currency: Currency },
    Integer(i64),
    Bool(bool),
}

impl Value {
    pub fn text(s: impl Into<String>) -> Self {
        Value::Text(s.into())
    }

    /// Text when there is some, else empty.
    pub fn opt_text(s: Option<&str>) -> Self {
        s.map_or(Value::Empty, |s| Value::Text(s.to_owned()))
    }

    pub fn opt_date(d: Option<NaiveDate>) -> Self {
        d.map_or(Value::Empty, Value::Date)
    }

    fn fits(&self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Value::Empty, _)
                | (Value::Text(_), Kind::Text)
                | (Value::Date(_), Kind::Date)
                | (Value::Money { .. }, Kind::Money)
                | (Value::Integer(_), Kind::Integer)
                | (Value::Bool(_), Kind::Bool)
        )
    }
}

/// The file formats of a list export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Csv,
    Xlsx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Xlsx => "xlsx",
        }
    }
}

/// What an area exports: the worksheet's name and the columns.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    pub name_it: &'static str,
    pub name_en: &'static str,
    pub columns: &'a [Column],
}

/// Where an area's rows go, one at a time, in file order.
pub trait RowSink {
    /// Writes one row: one value per column, each of its column's kind.
    fn row(&mut self, cells: &[Value]) -> crate::Result<()>;
}

/// Checks a row against the columns: a mismatch is a mistake in the area's code, never the
/// user's, so it stops the export rather than writing a wrong file.
fn check_row(columns: &[Column], cells: &[Value]) -> crate::Result<()> {
    if cells.len() != columns.len() {
        return Err(Error::internal(format!(
            "export row has {} cells for {} columns",
            cells.len(),
            columns.len()
        )));
    }
    match columns.iter().zip(cells).find(|(c, v)| !v.fits(c.kind)) {
        Some((c, v)) => Err(Error::internal(format!(
            "export column {} ({:?}) given {v:?}",
            c.key, c.kind
        ))),
        None => Ok(()),
    }
}

/// Writes the rows `fill` streams into a staged file at `path` (nothing is at `path` until the
/// caller publishes it). Returns the file and the number of rows written.
pub fn stage(
    path: &Path,
    format: Format,
    language: Language,
    sheet: &Sheet,
    fill: impl FnOnce(&mut dyn RowSink) -> crate::Result<()>,
) -> crate::Result<(Staged, u64)> {
    match format {
        Format::Csv => {
            crate::files::stage(path, |w| csv::write(w, path, language, sheet.columns, fill))
        }
        Format::Xlsx => {
            // The workbook is built in memory (rust_xlsxwriter keeps the sheet until saved), then
            // written out in one go.
            let (mut book, rows) = xlsx::build(language, sheet, fill)?;
            let (staged, ()) = crate::files::stage(path, |w| xlsx::save(&mut book, w))?;
            Ok((staged, rows))
        }
    }
}

/// [`stage`], then publish at once: for files that record nothing.
pub fn write(
    path: &Path,
    format: Format,
    language: Language,
    sheet: &Sheet,
    fill: impl FnOnce(&mut dyn RowSink) -> crate::Result<()>,
) -> crate::Result<u64> {
    let (staged, rows) = stage(path, format, language, sheet, fill)?;
    staged.publish()?;
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLUMNS: &[Column] = &[
        Column::new("name", "Nome", "Name", Kind::Text),
        Column::new("amount", "Importo", "Amount", Kind::Money),
    ];

    #[test]
    fn rows_must_match_their_columns() {
        let eur = |minor| Value::Money {
            minor,
            currency: Currency::EUR,
        };
        assert!(check_row(COLUMNS, &[Value::text("a"), eur(1)]).is_ok());
        assert!(check_row(COLUMNS, &[Value::Empty, Value::Empty]).is_ok());
        assert!(check_row(COLUMNS, &[Value::text("a")]).is_err());
        let e = check_row(COLUMNS, &[Value::text("a"), Value::Integer(1)]).unwrap_err();
        assert!(e.message.contains("amount"), "{e:?}");
    }

    #[test]
    fn a_failed_fill_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let sheet = Sheet {
            name_it: "Prova",
            name_en: "Test",
            columns: COLUMNS,
        };
        for format in [Format::Csv, Format::Xlsx] {
            let path = dir.path().join(format!("out.{}", format.as_str()));
            let r = write(&path, format, Language::It, &sheet, |out| {
                out.row(&[Value::text("a"), Value::Empty])?;
                Err(Error::internal("the source failed"))
            });
            assert!(r.is_err());
            assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        }
    }
}
