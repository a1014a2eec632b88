//! Writing a pack: entries streamed into the ZIP while they are hashed, then `pack.json` and,
//! last, `SHA256SUMS`. The file is staged beside its target ([`crate::files::stage`]) and appears
//! only once the caller publishes it, so a failed or abandoned pack leaves nothing behind.

use super::names::{is_precompressed, safe_file_name, split_extension, validate_name};
use super::{sums, zip_error, PackLimits, FORMAT, MANIFEST_NAME, SUMS_NAME, VERSION};
use crate::error::{Error, ErrorCode};
use crate::files::{io_error, stage, Staged};
use chrono::{DateTime, Datelike, Local, Timelike, Utc};
use sha2::{Digest, Sha256};
use std::collections::HashSet;
use std::fs::File;
use std::io::{BufWriter, ErrorKind, Read, Write};
use std::path::{Path, PathBuf};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// Bytes read from a source at a time: enough to keep the disk busy, small enough that a pack of
/// any size is written in flat memory.
const CHUNK: usize = 256 * 1024;

/// One file in a written pack, as `SHA256SUMS` lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackEntry {
    pub name: String,
    /// Lower-case hex SHA-256 of the file's bytes.
    pub sha256: String,
    pub size: u64,
}

/// What a written pack holds: the caller's entries and `pack.json` in the order written, and the
/// manifest as written.
#[derive(Debug, Clone)]
pub struct PackSummary {
    pub entries: Vec<PackEntry>,
    pub manifest: serde_json::Value,
}

/// A pack being written; see [`PackWriter::create`].
pub struct PackWriter<'a> {
    zip: ZipWriter<&'a mut BufWriter<File>>,
    path: PathBuf,
    stamp: zip::DateTime,
    entries: Vec<PackEntry>,
    taken: HashSet<String>,
    total: u64,
    limits: PackLimits,
}

impl PackWriter<'_> {
    /// Writes a pack at `path`: `fill` adds the entries and returns the caller's own facts (the
    /// history head, what the pack is about), kept under `facts` in `pack.json`. The result is
    /// staged: nothing is at `path` until the caller publishes it (after recording the export).
    pub fn create(
        path: &Path,
        created_at: DateTime<Utc>,
        fill: impl FnOnce(&mut PackWriter<'_>) -> crate::Result<serde_json::Value>,
    ) -> crate::Result<(Staged, PackSummary)> {
        stage(path, |w| {
            let mut pack = PackWriter {
                zip: ZipWriter::new(w),
                path: path.to_owned(),
                stamp: zip_time(created_at),
                entries: Vec::new(),
                taken: [SUMS_NAME, MANIFEST_NAME]
                    .iter()
                    .map(|n| n.to_lowercase())
                    .collect(),
                total: 0,
                limits: PackLimits::default(),
            };
            let facts = fill(&mut pack)?;
            pack.finish(created_at, facts)
        })
    }

    /// Adds `name` with the bytes `source` yields, streamed: hashed and packed a chunk at a time.
    /// Returns the bytes' SHA-256 (lower-case hex) and size.
    pub fn add_reader(
        &mut self,
        name: &str,
        source: &mut dyn Read,
    ) -> crate::Result<(String, u64)> {
        self.claim(name)?;
        self.add(name, source)
    }

    /// Adds `name` with `bytes`.
    pub fn add_bytes(&mut self, name: &str, bytes: &[u8]) -> crate::Result<(String, u64)> {
        self.add_reader(name, &mut &bytes[..])
    }

    /// A name not yet used in this pack for a file the user named `user_file_name`, under
    /// `folder` ("" for the top): made safe by [`safe_file_name`], then numbered
    /// (`report (2).pdf`) if another entry already has it in any letter case.
    pub fn unique_name(&self, folder: &str, user_file_name: &str) -> String {
        let safe = safe_file_name(user_file_name);
        let folder = folder.trim_matches('/');
        let join = |file: &str| {
            if folder.is_empty() {
                file.to_owned()
            } else {
                format!("{folder}/{file}")
            }
        };
        let first = join(&safe);
        if !self.taken.contains(&first.to_lowercase()) {
            return first;
        }
        let (stem, ext) = split_extension(&safe);
        (2u64..)
            .map(|n| {
                let file = if ext.is_empty() {
                    format!("{stem} ({n})")
                } else {
                    format!("{stem} ({n}).{ext}")
                };
                join(&file)
            })
            .find(|name| !self.taken.contains(&name.to_lowercase()))
            .unwrap_or(first)
    }

    /// Refuses a name that is unsafe, reserved, already used (letter case aside: the pack must
    /// unpack on Windows and macOS too), or one entry too many.
    fn claim(&mut self, name: &str) -> crate::Result<()> {
        validate_name(name).map_err(|why| Error::field("name", why).with("name", name))?;
        if self.entries.len() as u64 + 2 >= self.limits.max_entries {
            return Err(
                Error::field("pack", "too_many_files").with("max", self.limits.max_entries - 2)
            );
        }
        if !self.taken.insert(name.to_lowercase()) {
            return Err(Error::field("name", "duplicate").with("name", name));
        }
        Ok(())
    }

    fn add(&mut self, name: &str, source: &mut dyn Read) -> crate::Result<(String, u64)> {
        let method = if is_precompressed(name) {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(self.stamp)
            .unix_permissions(0o644);
        self.zip.start_file(name, options).map_err(zip_error)?;
        match self.stream(name, source) {
            Ok((sha256, size)) => {
                self.total += size;
                self.entries.push(PackEntry {
                    name: name.to_owned(),
                    sha256: sha256.clone(),
                    size,
                });
                Ok((sha256, size))
            }
            Err(e) => {
                // The half-written entry is taken out, so a caller that goes on after a file
                // it could not read (and says so) still writes a pack that verifies.
                let _ = self.zip.abort_file();
                self.taken.remove(&name.to_lowercase());
                Err(e)
            }
        }
    }

    /// The source's bytes into the open entry, hashed on the way.
    fn stream(&mut self, name: &str, source: &mut dyn Read) -> crate::Result<(String, u64)> {
        let mut hasher = Sha256::new();
        let mut size: u64 = 0;
        let mut buf = vec![0u8; CHUNK];
        loop {
            let n = match source.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == ErrorKind::Interrupted => continue,
                Err(e) => {
                    return Err(Error::new(ErrorCode::DbIo, format!("reading {name}: {e}"))
                        .with("name", name))
                }
            };
            let chunk = buf.get(..n).unwrap_or_default();
            size += n as u64;
            if size > self.limits.max_entry_bytes || self.total + size > self.limits.max_total_bytes
            {
                // A pack this app could not verify again is not written.
                return Err(Error::field("pack", "too_large").with("name", name));
            }
            hasher.update(chunk);
            self.zip
                .write_all(chunk)
                .map_err(|e| io_error(&self.path, e))?;
        }
        Ok((hex::encode(hasher.finalize()), size))
    }

    /// `pack.json`, then `SHA256SUMS` over every entry (the manifest included), sorted by name.
    fn finish(
        mut self,
        created_at: DateTime<Utc>,
        facts: serde_json::Value,
    ) -> crate::Result<PackSummary> {
        let manifest = serde_json::json!({
            "format": FORMAT,
            "version": VERSION,
            "created_at": crate::store::ts_text(created_at),
            "entries": self.entries.len(),
            "facts": facts,
        });
        let json = serde_json::to_vec_pretty(&manifest)?;
        self.add(MANIFEST_NAME, &mut &json[..])?;
        let mut listed: Vec<&PackEntry> = self.entries.iter().collect();
        listed.sort_by(|a, b| a.name.cmp(&b.name));
        let text: String = listed
            .iter()
            .map(|e| sums::line(&e.sha256, &e.name))
            .collect();
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .last_modified_time(self.stamp)
            .unix_permissions(0o644);
        self.zip.start_file(SUMS_NAME, options).map_err(zip_error)?;
        self.zip
            .write_all(text.as_bytes())
            .map_err(|e| io_error(&self.path, e))?;
        self.zip.finish().map_err(zip_error)?;
        Ok(PackSummary {
            entries: self.entries,
            manifest,
        })
    }
}

/// The pack's date in local time, as ZIP dates have no time zone and unzip shows them as given.
fn zip_time(t: DateTime<Utc>) -> zip::DateTime {
    let local = t.with_timezone(&Local);
    zip::DateTime::from_date_and_time(
        local.year().clamp(1980, 2107) as u16,
        local.month() as u8,
        local.day() as u8,
        local.hour() as u8,
        local.minute() as u8,
        local.second().min(59) as u8,
    )
    .unwrap_or_default()
}
