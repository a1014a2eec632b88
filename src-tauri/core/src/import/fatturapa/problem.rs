//! Why a FatturaPA file is refused or an invoice is flagged: a stable code the UI translates,
//! the file, the element path where it was found and the values the message interpolates.

use crate::error::{Error, ErrorCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "FatturaPaProblemCode")]
pub enum ProblemCode {
    // Refusals: the file is not imported.
    /// Neither XML nor a signed `.p7m`.
    NotXml,
    /// The declared encoding is unknown or the bytes are not valid in it.
    BadEncoding,
    /// XML whose root is not `FatturaElettronica`.
    NotFatturaPa,
    /// The file ends inside the document.
    Truncated,
    /// XML that is not well formed at `line`.
    Malformed,
    /// A DOCTYPE or entity declaration: refused, never expanded.
    Doctype,
    /// Nested deeper than `max`.
    TooDeep,
    /// Larger than `max_mb` (the file, or an attachment once decoded).
    TooLarge,
    /// A required element is absent.
    Missing,
    /// A date that is not `YYYY-MM-DD`.
    BadDate,
    /// An amount not in the schema's shape (`decimals` allowed), or out of range.
    BadAmount,
    /// A code (document type, VAT nature…) that is not in the schema's list.
    BadCode,
    /// An attachment that is not valid base64.
    BadAttachment,
    /// A `.p7m` that is not CMS SignedData, or whose structure cannot be read.
    NotSignedData,
    /// A signed file with no content inside.
    NoContent,
    /// The signed content does not match its signature: it was altered after signing.
    SignatureBroken,
    // Warnings: the invoice is imported, the difference shown.
    /// An Italian VAT number whose check digit is wrong.
    VatCheckDigit,
    /// A line's total differs from quantity × price − discounts by `difference` cents.
    LineTotal,
    /// The lines at `rate` add up to a taxable amount `difference` cents away from the summary.
    SummaryTaxable,
    /// The summary's tax at `rate` differs from taxable × rate by `difference` cents.
    SummaryTax,
    /// The document total differs from taxable + tax (+ stamp duty) by `difference` cents.
    DocumentTotal,
}

/// One refusal or warning. `path` is like
/// `FatturaElettronicaBody[2]/DatiGenerali/DatiGeneraliDocumento/Data` (repeated elements are
/// numbered from 1); empty when it concerns the whole file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "FatturaPaProblem")]
pub struct Problem {
    pub file: String,
    pub path: String,
    pub code: ProblemCode,
    pub params: BTreeMap<String, String>,
}

impl Problem {
    pub fn new(code: ProblemCode, path: impl Into<String>) -> Self {
        Self {
            file: String::new(),
            path: path.into(),
            code,
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    pub(super) fn in_file(mut self, file: &str) -> Self {
        file.clone_into(&mut self.file);
        self
    }

    /// The code as the UI's translation key spells it.
    pub fn code_str(&self) -> String {
        serde_json::to_value(self.code)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

impl From<Problem> for Error {
    /// A refused file as the `bad_file` error every import uses: `reason` is `fatturapa_<code>`,
    /// with the file, the element path and the problem's own values.
    fn from(p: Problem) -> Self {
        let code = p.code_str();
        let mut e = Error::new(
            ErrorCode::BadFile,
            format!("{}: {} at {}", p.file, code, p.path),
        )
        .with("reason", format!("fatturapa_{code}"))
        .with("file", &p.file)
        .with("path", &p.path);
        for (k, v) in p.params {
            e = e.with(&k, v);
        }
        e
    }
}
