//! Why an import refuses a file. Every refusal is a `bad_file` error whose `reason` is one of
//! these codes, with its numbers (limits, line, column) as further parameters; the UI words each
//! one in Italian and English. The type is exported to the UI, whose translations are keyed by
//! it, so a reason without a translation does not type-check (and a test reads both languages).

use crate::error::{Error, ErrorCode};
use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "ImportBadFileReason")]
pub enum BadFileReason {
    NotFound,
    Unreadable,
    /// Larger than `max_mb` on disk.
    TooLarge,
    /// More than `max` data rows.
    TooManyRows,
    /// More than `max` columns at `line`.
    TooManyColumns,
    Empty,
    /// An Excel 97-2003 .xls.
    XlsLegacy,
    /// A damaged or not-really xlsx workbook.
    BadXlsx,
    /// CSV that cannot be parsed at `line`.
    BadCsv,
    /// Binary content that is no text.
    NotText,
    /// An HTML or XML page saved as .xls/.csv.
    Html,
    /// A workbook that unpacks to more than `max_mb`.
    XlsxTooLarge,
    /// A workbook part that unpacks to more than `max` times its packed size.
    XlsxRatio,
    /// A cell longer than Excel's own limit of `max` characters, at `line` and `column`.
    CellTooLong,
}

impl BadFileReason {
    pub const ALL: [BadFileReason; 14] = [
        Self::NotFound,
        Self::Unreadable,
        Self::TooLarge,
        Self::TooManyRows,
        Self::TooManyColumns,
        Self::Empty,
        Self::XlsLegacy,
        Self::BadXlsx,
        Self::BadCsv,
        Self::NotText,
        Self::Html,
        Self::XlsxTooLarge,
        Self::XlsxRatio,
        Self::CellTooLong,
    ];

    /// The code sent as the error's `reason`.
    pub fn code(self) -> &'static str {
        match self {
            Self::NotFound => "not_found",
            Self::Unreadable => "unreadable",
            Self::TooLarge => "too_large",
            Self::TooManyRows => "too_many_rows",
            Self::TooManyColumns => "too_many_columns",
            Self::Empty => "empty",
            Self::XlsLegacy => "xls_legacy",
            Self::BadXlsx => "bad_xlsx",
            Self::BadCsv => "bad_csv",
            Self::NotText => "not_text",
            Self::Html => "html",
            Self::XlsxTooLarge => "xlsx_too_large",
            Self::XlsxRatio => "xlsx_ratio",
            Self::CellTooLong => "cell_too_long",
        }
    }
}

/// A `bad_file` error; the English `message` keeps the technical detail for logs and tests, the
/// UI shows the translated `reason`.
pub(crate) fn bad_file(reason: BadFileReason, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_the_serialised_names() {
        for r in BadFileReason::ALL {
            assert_eq!(serde_json::to_value(r).unwrap(), r.code());
        }
    }
}
