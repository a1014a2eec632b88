//! Evidence packs: one ZIP holding files, a `SHA256SUMS` list in GNU coreutils' format and a
//! `pack.json` manifest, so anyone can check a pack with `unzip` and `sha256sum -c` alone, and
//! the app can tell exactly which files changed, went missing or were slipped in since.
//!
//! What goes in a pack (a report, evidence, data, history) is the caller's business; this module
//! only writes one safely and verifies one chosen by the user, whatever it holds.

mod archive;
mod eocd;
mod names;
mod sums;
mod verify;
mod write;

pub use names::{is_precompressed, safe_file_name, validate_name};
pub use verify::{verify, MalformedLine, PackCheck};
pub use write::{PackEntry, PackSummary, PackWriter};

use crate::error::{Error, ErrorCode};

/// The checksum list's name: the last entry of every pack.
pub const SUMS_NAME: &str = "SHA256SUMS";
/// The manifest's name (listed in `SHA256SUMS` like any file).
pub const MANIFEST_NAME: &str = "pack.json";
/// The manifest's `format` value.
pub const FORMAT: &str = "backoffice-evidence-pack";
/// The manifest's `version`: a pack of a newer version is refused rather than half understood.
pub const VERSION: u32 = 1;

/// How much a pack being verified may make us read. A pack over any of them is refused as
/// `bad_file` before its content is unpacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PackLimits {
    /// Entries in the archive, counted from its end record before the directory is read.
    pub max_entries: u64,
    /// Unpacked bytes of all entries together.
    pub max_total_bytes: u64,
    /// Unpacked bytes of one entry.
    pub max_entry_bytes: u64,
    /// Size of `SHA256SUMS` (about 100,000 lines of 100 bytes).
    pub max_sums_bytes: u64,
    /// Size of `pack.json`.
    pub max_manifest_bytes: u64,
}

impl Default for PackLimits {
    fn default() -> Self {
        Self {
            max_entries: 100_000,
            max_total_bytes: 4 << 30,
            max_entry_bytes: 2 << 30,
            max_sums_bytes: 16 << 20,
            max_manifest_bytes: 1 << 20,
        }
    }
}

/// A chosen file that is not a pack we can trust to read; `reason` is a stable code for the UI.
fn bad_file(reason: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason)
}

fn zip_error(e: zip::result::ZipError) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}
