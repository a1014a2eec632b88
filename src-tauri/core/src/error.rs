//! The one error type that crosses every layer up to the UI.
//!
//! The UI branches on `code` and translates it; `message` is an English fallback for logs, and
//! `fields` carries per-input problems so a form can show each one beside its input.

use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more inputs are invalid; see `fields`.
    Validation,
    NotFound,
    /// The record changed since it was read (optimistic concurrency).
    Conflict,
    /// The database was written by a newer version of the app.
    DbNewer,
    /// The file is a SQLite database but not a Backoffice one.
    DbForeign,
    /// The file is damaged or not a database at all.
    DbCorrupt,
    /// The data directory or file cannot be read or written.
    DbIo,
    /// The database is encrypted and the passphrase (or recovery key) has not been given yet.
    DbLocked,
    /// The passphrase or recovery key does not unwrap the data key; `params.seconds` says how
    /// long to wait before the next try when too many were wrong.
    WrongPassphrase,
    /// The key unwrapped, but it does not open this database (a key file from another data
    /// folder, or a database replaced by another one).
    WrongKey,
    /// The store failed to open at start-up; details in the message.
    StoreUnavailable,
    /// A record's state machine has no such move from where it is, or a rule stops the move
    /// (an audit with items not assessed cannot close); `params.reason` says which.
    BadTransition,
    /// A long job was stopped by the user.
    Cancelled,
    /// Nobody is signed in.
    NotSignedIn,
    /// The session is locked after idle time; the password unlocks it.
    SessionLocked,
    /// Wrong username or password (deliberately not saying which).
    SignInFailed,
    /// Too many wrong passwords; `params.seconds` says how long to wait.
    SignInBlocked,
    /// The signed-in person's roles do not allow this.
    Forbidden,
    /// An administrator reset the password: the person must choose a new one before anything else.
    PasswordChangeRequired,
    /// First-run setup was already done.
    AlreadySetUp,
    /// A file chosen for import or verification cannot be read or has the wrong content.
    BadFile,
    /// The file chosen for import changed on disk after it was chosen and checked.
    FileChanged,
    /// The user closed a file dialog without choosing.
    DialogCancelled,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldError {
    /// The input's name as the DTO spells it.
    pub field: String,
    /// A stable code the UI translates, e.g. `required`, `too_long`, `invalid_vat`, `duplicate`.
    pub code: String,
    /// Values the translated message interpolates, e.g. `max`.
    pub params: BTreeMap<String, String>,
}

impl FieldError {
    pub fn new(field: &str, code: &str) -> Self {
        Self {
            field: field.to_owned(),
            code: code.to_owned(),
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS, thiserror::Error)]
#[ts(rename = "AppError")]
#[error("{code:?}: {message}")]
pub struct Error {
    pub code: ErrorCode,
    pub message: String,
    pub fields: Vec<FieldError>,
    /// Values the translated message interpolates, e.g. `seconds` for a sign-in wait.
    pub params: BTreeMap<String, String>,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            fields: Vec::new(),
            params: BTreeMap::new(),
        }
    }

    pub fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_owned(), value.to_string());
        self
    }

    pub fn validation(fields: Vec<FieldError>) -> Self {
        let message = fields
            .iter()
            .map(|f| format!("{}: {}", f.field, f.code))
            .collect::<Vec<_>>()
            .join(", ");
        Self {
            code: ErrorCode::Validation,
            message,
            fields,
            params: BTreeMap::new(),
        }
    }

    pub fn field(field: &str, code: &str) -> Self {
        Self::validation(vec![FieldError::new(field, code)])
    }

    pub fn not_found(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, format!("{what} not found"))
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match &e {
            rusqlite::Error::SqliteFailure(f, _) => match f.code {
                C::NotADatabase | C::DatabaseCorrupt => {
                    Error::new(ErrorCode::DbCorrupt, e.to_string())
                }
                C::CannotOpen
                | C::ReadOnly
                | C::PermissionDenied
                | C::SystemIoFailure
                | C::DiskFull => Error::new(ErrorCode::DbIo, e.to_string()),
                _ => Error::internal(e.to_string()),
            },
            rusqlite::Error::QueryReturnedNoRows => Error::not_found("record"),
            _ => Error::internal(e.to_string()),
        }
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Self {
        Error::internal(format!("json: {e}"))
    }
}
