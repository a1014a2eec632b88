//! Files attached to any record (an employee, a department, later an audit item, an asset, a
//! supplier, an invoice, a case): what is stored about them, and the rules for the files people
//! attach. The bytes live in the app's content-addressed store (`crate::blobs`).

use super::text::Checks;
use crate::error::{Error, ErrorCode, FieldError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Largest file that can be attached: 25 MB. A scanned contract or ID card is well under 5 MB;
/// anything bigger is almost always a scan at photo resolution, and the app keeps every version
/// of every file in its data folder and in each export that includes it.
pub const MAX_ATTACHMENT_BYTES: u64 = 25 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Attachment {
    pub id: i64,
    /// The table of the record the file belongs to (`employees`, `departments`…).
    pub entity: String,
    /// The record's id in that table.
    pub record_id: i64,
    /// The kind of file, from the owner's list (an employee's document type); `None` where the
    /// owner's area has no list.
    pub type_id: Option<i64>,
    pub title: String,
    /// The name the file had when attached (without its folder), to name copies saved out.
    pub file_name: String,
    pub mime: String,
    pub size: i64,
    /// SHA-256 of the content, hex: names the app's own copy and proves it is unchanged.
    pub sha256: String,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
    /// The renewal that replaced this version; `None` for the current one.
    pub superseded_by: Option<i64>,
    pub uploaded_at: DateTime<Utc>,
    pub uploaded_by: String,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// Attaching a file: its kind and dates. The file itself comes from the open dialog.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct AttachmentInput {
    /// Required where the owner's area has a list of kinds (employees: the document type),
    /// refused where it has none.
    pub type_id: Option<i64>,
    /// Defaults to the file's name without its extension.
    pub title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// Defaults to the issue date (or today) plus the kind's usual validity.
    pub expires_on: Option<NaiveDate>,
}

/// Renewing an attachment: a new file replaces the current version, which stays as an earlier
/// version.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct RenewalInput {
    /// Defaults to the title of the version it replaces.
    pub title: Option<String>,
    pub issued_on: Option<NaiveDate>,
    /// Defaults to the issue date (or today) plus the kind's usual validity.
    pub expires_on: Option<NaiveDate>,
}

/// Correcting an attachment's title or dates (a typing error), not its file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AttachmentEdit {
    pub title: String,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

/// How an attachment was read, as history records it (`detail.how` of the read).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadKind {
    /// A private copy handed to the system viewer.
    Open,
    /// A copy saved where the person chose.
    SaveCopy,
}

impl ReadKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadKind::Open => "open",
            ReadKind::SaveCopy => "save_copy",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMeta {
    pub title: String,
    pub issued_on: Option<NaiveDate>,
    pub expires_on: Option<NaiveDate>,
}

/// What a kind of file says about its dates: whether such files expire, and after how long
/// usually (the expiry then defaults to the issue date plus that).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ExpiryRule {
    pub expires: bool,
    pub validity_months: Option<i64>,
}

/// `date` plus `months`, on the last day of a shorter month (31 January + 1 = 28/29 February).
pub fn add_months(date: NaiveDate, months: i64) -> NaiveDate {
    let m = chrono::Months::new(months.clamp(0, u32::MAX as i64) as u32);
    date.checked_add_months(m).unwrap_or(NaiveDate::MAX)
}

/// Title and dates of an attachment. `rule` is its kind's (none where the owner has no list of
/// kinds: the expiry is then only what was typed).
pub fn validate_meta(
    title: Option<&str>,
    default_title: &str,
    issued_on: Option<NaiveDate>,
    expires_on: Option<NaiveDate>,
    rule: ExpiryRule,
    today: NaiveDate,
) -> crate::Result<ValidMeta> {
    let mut c = Checks::default();
    let typed = c.optional("title", &title.map(str::to_owned), 200);
    let title = match typed {
        Some(t) => t,
        None => {
            let d = super::text::clean(default_title);
            d.chars().take(200).collect()
        }
    };
    if title.is_empty() {
        c.add(FieldError::new("title", "required"));
    }
    if issued_on.is_some_and(|d| d > today) {
        c.add(FieldError::new("issued_on", "date_in_future"));
    }
    let expires_on = match (expires_on, rule.expires, rule.validity_months) {
        (Some(e), _, _) => Some(e),
        (None, true, Some(m)) => Some(add_months(issued_on.unwrap_or(today), m)),
        (None, true, None) => {
            c.add(FieldError::new("expires_on", "required"));
            None
        }
        (None, false, _) => None,
    };
    if let (Some(i), Some(e)) = (issued_on, expires_on) {
        if e < i {
            c.add(FieldError::new("expires_on", "end_before_start"));
        }
    }
    c.finish()?;
    Ok(ValidMeta {
        title,
        issued_on,
        expires_on,
    })
}

/// A kind of file people may attach: its extensions, its MIME type and how its content starts.
struct FileKind {
    extensions: &'static [&'static str],
    mime: &'static str,
    looks_right: fn(&[u8]) -> bool,
}

const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn is_zip(b: &[u8]) -> bool {
    b.starts_with(b"PK\x03\x04")
}

fn is_ole(b: &[u8]) -> bool {
    b.starts_with(OLE)
}

const KINDS: &[FileKind] = &[
    FileKind {
        extensions: &["pdf"],
        mime: "application/pdf",
        // Some generators put a few bytes of junk before the header; readers accept 1 KB of it.
        looks_right: |b| b[..b.len().min(1024)].windows(5).any(|w| w == b"%PDF-"),
    },
    FileKind {
        extensions: &["png"],
        mime: "image/png",
        looks_right: |b| b.starts_with(b"\x89PNG\r\n\x1a\n"),
    },
    FileKind {
        extensions: &["jpg", "jpeg"],
        mime: "image/jpeg",
        looks_right: |b| b.starts_with(&[0xFF, 0xD8, 0xFF]),
    },
    FileKind {
        extensions: &["tif", "tiff"],
        mime: "image/tiff",
        looks_right: |b| b.starts_with(b"II*\0") || b.starts_with(b"MM\0*"),
    },
    FileKind {
        extensions: &["doc"],
        mime: "application/msword",
        looks_right: is_ole,
    },
    FileKind {
        extensions: &["docx"],
        mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        looks_right: is_zip,
    },
    FileKind {
        extensions: &["xls"],
        mime: "application/vnd.ms-excel",
        looks_right: is_ole,
    },
    FileKind {
        extensions: &["xlsx"],
        mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        looks_right: is_zip,
    },
    FileKind {
        extensions: &["odt"],
        mime: "application/vnd.oasis.opendocument.text",
        looks_right: is_zip,
    },
    FileKind {
        extensions: &["ods"],
        mime: "application/vnd.oasis.opendocument.spreadsheet",
        looks_right: is_zip,
    },
    FileKind {
        extensions: &["txt"],
        mime: "text/plain",
        // Text has no signature; a NUL byte says it is something else.
        looks_right: |b| !b.contains(&0),
    },
];

/// The extensions that may be attached, for the open dialog's filter and the error message.
pub fn allowed_extensions() -> Vec<&'static str> {
    KINDS
        .iter()
        .flat_map(|k| k.extensions.iter().copied())
        .collect()
}

fn bad_file(reason: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason)
}

/// The `too_large` error, with the limit in MB for the message.
pub fn too_large() -> Error {
    bad_file(
        "too_large",
        format!(
            "the file is larger than {} MB",
            MAX_ATTACHMENT_BYTES / (1024 * 1024)
        ),
    )
    .with("max_mb", MAX_ATTACHMENT_BYTES / (1024 * 1024))
}

/// The MIME type of a file to attach, from its name and checked against its first bytes: a file
/// whose content does not match its extension (a renamed executable, a web page saved as .pdf)
/// is refused.
pub fn sniff(file_name: &str, head: &[u8]) -> crate::Result<&'static str> {
    let ext = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    let Some(kind) = KINDS.iter().find(|k| k.extensions.contains(&ext.as_str())) else {
        return Err(bad_file(
            "unsupported_type",
            format!("files of type .{ext} cannot be attached"),
        )
        .with("allowed", allowed_extensions().join(", ")));
    };
    if head.is_empty() {
        return Err(bad_file("empty", "the file is empty"));
    }
    if !(kind.looks_right)(head) {
        return Err(bad_file(
            "content_mismatch",
            format!("the content is not a .{ext} file"),
        )
        .with("extension", ext));
    }
    Ok(kind.mime)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn rule(expires: bool, validity_months: Option<i64>) -> ExpiryRule {
        ExpiryRule {
            expires,
            validity_months,
        }
    }

    #[test]
    fn expiry_defaults_from_the_kind() {
        let today = d(2026, 3, 2);
        let t = rule(true, Some(120));
        let m = validate_meta(None, "scan ci", Some(d(2020, 5, 10)), None, t, today).unwrap();
        assert_eq!(
            (m.title.as_str(), m.expires_on),
            ("scan ci", Some(d(2030, 5, 10)))
        );
        let m = validate_meta(Some(" CI "), "x", None, None, t, today).unwrap();
        assert_eq!(
            (m.title.as_str(), m.expires_on),
            ("CI", Some(d(2036, 3, 2)))
        );
        // A kind that expires without a usual validity needs the date typed.
        let e = validate_meta(None, "p", None, None, rule(true, None), today).unwrap_err();
        assert_eq!(e.fields[0].field, "expires_on");
        assert_eq!(e.fields[0].code, "required");
        let m = validate_meta(None, "c", None, None, rule(false, None), today).unwrap();
        assert_eq!(m.expires_on, None);
        // No kind at all: whatever was typed, nothing invented.
        let m = validate_meta(None, "c", None, None, ExpiryRule::default(), today).unwrap();
        assert_eq!(m.expires_on, None);
        let e = validate_meta(
            None,
            "c",
            Some(d(2026, 3, 3)),
            Some(d(2026, 1, 1)),
            t,
            today,
        )
        .unwrap_err();
        let codes: Vec<_> = e.fields.iter().map(|f| f.code.as_str()).collect();
        assert_eq!(codes, ["date_in_future", "end_before_start"]);
    }

    #[test]
    fn files_are_sniffed() {
        assert_eq!(sniff("a.PDF", b"%PDF-1.7\n").unwrap(), "application/pdf");
        assert_eq!(
            sniff("a.jpeg", &[0xFF, 0xD8, 0xFF, 0xE0]).unwrap(),
            "image/jpeg"
        );
        assert_eq!(sniff("note.txt", "Però".as_bytes()).unwrap(), "text/plain");
        assert_eq!(
            sniff("c.docx", b"PK\x03\x04rest").unwrap(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        );
        let e = sniff("virus.exe", b"MZ").unwrap_err();
        assert_eq!(e.params["reason"], "unsupported_type");
        let e = sniff("fake.pdf", b"<html>").unwrap_err();
        assert_eq!(e.params["reason"], "content_mismatch");
        let e = sniff("empty.png", b"").unwrap_err();
        assert_eq!(e.params["reason"], "empty");
        assert_eq!(too_large().params["max_mb"], "25");
    }
}
