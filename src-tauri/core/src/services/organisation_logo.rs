//! The organisation's logo: a PNG or JPEG chosen in Settings, checked by its content, kept in
//! the file store under its SHA-256 and printed on the organisation's documents.
//!
//! A replaced or removed logo's copy stays in the store: history names it, and a copy of at
//! most [`MAX_LOGO_BYTES`] is not worth the care of knowing nothing else uses it.

use super::{Backoffice, Ctx};
use crate::domain::organisation::Organisation;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::report::{Picture, PictureKind};
use crate::store::organisation;
use std::io::Read;
use std::path::Path;

/// The largest logo file accepted.
pub const MAX_LOGO_BYTES: u64 = 2 * 1024 * 1024;

fn bad_file(reason: &str, message: impl Into<String>, file: &str) -> Error {
    Error::new(ErrorCode::BadFile, message)
        .with("reason", reason)
        .with("file", file)
}

/// The chosen file's bytes, refused when missing, a folder or larger than the limit.
fn read_logo_file(path: &Path) -> crate::Result<Vec<u8>> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let unreadable = |e: std::io::Error| {
        let reason = if e.kind() == std::io::ErrorKind::NotFound {
            "not_found"
        } else {
            "unreadable"
        };
        bad_file(reason, format!("{}: {e}", path.display()), &file_name)
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if meta.is_dir() {
        return Err(bad_file("unreadable", "a folder, not a file", &file_name));
    }
    let too_large = || {
        bad_file(
            "too_large",
            format!(
                "the file is larger than {} MB",
                MAX_LOGO_BYTES / (1024 * 1024)
            ),
            &file_name,
        )
        .with("max_mb", MAX_LOGO_BYTES / (1024 * 1024))
    };
    if meta.len() > MAX_LOGO_BYTES {
        return Err(too_large());
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // One byte past the limit tells a file that grew since it was measured.
    file.take(MAX_LOGO_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > MAX_LOGO_BYTES {
        return Err(too_large());
    }
    Ok(bytes)
}

impl Backoffice {
    /// Makes the picture at `path` (the open dialog's choice) the organisation's logo.
    pub fn set_organisation_logo(&self, ctx: &Ctx, path: &Path) -> crate::Result<Organisation> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let bytes = read_logo_file(path)?;
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        Picture::checked(bytes.clone()).map_err(|e| e.with("file", &file_name))?;
        let sha256 = self.blobs().put_bytes(&bytes)?;
        self.store
            .write(&ctx.actor, |w| organisation::set_logo(w, Some(&sha256)))
    }

    /// Prints the organisation's documents without a logo from now on.
    pub fn clear_organisation_logo(&self, ctx: &Ctx) -> crate::Result<Organisation> {
        self.require(ctx, Area::Settings, Action::Write)?;
        self.store
            .write(&ctx.actor, |w| organisation::set_logo(w, None))
    }

    /// The logo's bytes for the settings' preview; none when unset.
    pub fn organisation_logo(&self, ctx: &Ctx) -> crate::Result<Option<Vec<u8>>> {
        self.require(ctx, Area::Settings, Action::Read)?;
        self.logo_bytes()
    }

    /// The logo as a `data:` URL (PNG or JPEG, base64) the settings page shows as it is.
    pub fn organisation_logo_url(&self, ctx: &Ctx) -> crate::Result<Option<String>> {
        use base64::Engine;
        Ok(self.organisation_logo(ctx)?.map(|bytes| {
            let mime = PictureKind::sniff(&bytes).map_or("image/png", PictureKind::mime);
            let data = base64::engine::general_purpose::STANDARD.encode(&bytes);
            format!("data:{mime};base64,{data}")
        }))
    }

    /// The logo as stored, checked against its SHA-256, for the documents that print it.
    pub(crate) fn logo_bytes(&self) -> crate::Result<Option<Vec<u8>>> {
        let org = self.store.read(organisation::get)?;
        org.logo_sha256
            .map(|sha| self.blobs().read(&sha))
            .transpose()
    }
}
