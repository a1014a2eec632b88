//! The sets in a backup folder, newest first, as the restore screen lists them.

use super::io_error;
use super::manifest::{Manifest, KIND, MANIFEST_FILE};
use std::path::Path;

pub const SETS_DIR: &str = "sets";

/// What a backup folder holds.
#[derive(Debug, Default)]
pub struct Listed {
    /// Complete sets by folder name with their manifests, newest first.
    pub sets: Vec<(String, Manifest)>,
    /// Sets whose manifest was never written (a backup stopped half way): never offered.
    pub unfinished: Vec<String>,
    /// Sets whose manifest cannot be read or is not ours, with why.
    pub unreadable: Vec<(String, String)>,
}

pub fn list_sets(folder: &Path) -> crate::Result<Listed> {
    let dir = folder.join(SETS_DIR);
    let mut out = Listed::default();
    let entries = match std::fs::read_dir(&dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(out),
        Err(e) => return Err(io_error(&dir, e)),
    };
    for entry in entries {
        let entry = entry.map_err(|e| io_error(&dir, e))?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if !entry.path().is_dir() {
            continue;
        }
        if name.ends_with(".partial") {
            out.unfinished.push(name);
            continue;
        }
        match std::fs::read(entry.path().join(MANIFEST_FILE)) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => out.unfinished.push(name),
            Err(e) => out.unreadable.push((name, e.to_string())),
            Ok(bytes) => match serde_json::from_slice::<Manifest>(&bytes) {
                Ok(m) if m.kind == KIND => out.sets.push((name, m)),
                Ok(_) => out
                    .unreadable
                    .push((name, "not a Backoffice backup".into())),
                Err(e) => out.unreadable.push((name, e.to_string())),
            },
        }
    }
    out.sets
        .sort_by(|a, b| b.1.made_at.cmp(&a.1.made_at).then(b.0.cmp(&a.0)));
    Ok(out)
}
