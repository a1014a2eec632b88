//! The network map as a picture: the window draws it, this writes the file it made (PNG or
//! SVG) and records the export.

use crate::domain::permissions::Action;
use crate::error::{Error, ErrorCode};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use std::io::Write;
use std::path::Path;

/// A map picture larger than this is not a map the window drew.
pub const MAX_MAP_BYTES: usize = 40 * 1024 * 1024;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Which picture `bytes` hold, refusing anything else: the file is named and written as that.
fn check_picture(format: &str, bytes: &[u8]) -> crate::Result<&'static str> {
    if bytes.len() > MAX_MAP_BYTES {
        return Err(
            Error::new(ErrorCode::BadFile, "the picture is too large").with("reason", "too_large")
        );
    }
    match format {
        "png" if bytes.starts_with(PNG_SIGNATURE) => Ok("png"),
        "svg" => {
            let text = std::str::from_utf8(bytes)
                .map_err(|_| Error::new(ErrorCode::BadFile, "not an SVG picture"))?;
            let start = text.trim_start();
            if start.starts_with("<svg") || start.starts_with("<?xml") {
                Ok("svg")
            } else {
                Err(Error::new(ErrorCode::BadFile, "not an SVG picture"))
            }
        }
        _ => Err(Error::new(ErrorCode::BadFile, "not a PNG picture")),
    }
}

impl Backoffice {
    /// Saves the map of `site_id` the window drew, as `format` ("png" or "svg"), at `path`.
    pub fn export_network_map(
        &self,
        ctx: &Ctx,
        site_id: i64,
        format: &str,
        bytes: &[u8],
        path: &Path,
    ) -> crate::Result<()> {
        // The same readers as the map itself.
        self.network_map(ctx, site_id)?;
        self.keeper(ctx, Action::Read)?;
        let kind = check_picture(format, bytes)?;
        let (staged, ()) = crate::files::stage(path, |w| {
            w.write_all(bytes)
                .map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))
        })?;
        let record = ExportRecord {
            kind: "network_map",
            format: kind,
            rows: 1,
            filter: serde_json::json!({ "site_id": site_id }),
            path,
            extra: serde_json::Map::new(),
        };
        self.publish_export(ctx, staged, &record)
    }
}

#[cfg(test)]
mod tests {
    use super::check_picture;

    #[test]
    fn only_pictures_of_the_named_kind_pass() {
        assert!(check_picture("png", b"\x89PNG\r\n\x1a\nrest").is_ok());
        assert!(check_picture("png", b"<svg/>").is_err());
        assert!(check_picture("svg", b"  <svg xmlns='http://www.w3.org/2000/svg'/>").is_ok());
        assert!(check_picture("svg", b"MZ\x90\x00").is_err());
        assert!(check_picture("exe", b"\x89PNG\r\n\x1a\n").is_err());
    }
}
