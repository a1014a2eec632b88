//! Verifying a pack the user chose: every file `SHA256SUMS` lists is hashed as it streams out of
//! the archive and compared, and the result names exactly what changed, went missing or was
//! added. A hostile file (not a ZIP, too many entries, entries that unpack to too much, names
//! reaching outside the folder) is refused as `bad_file` before its content is unpacked.

use super::names::validate_name;
use super::{bad_file, eocd, sums, PackLimits, FORMAT, MANIFEST_NAME, SUMS_NAME, VERSION};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, ErrorKind, Read};
use std::path::Path;
use zip::read::ZipReadOptions;
use zip::result::ZipError;
use zip::ZipArchive;

/// A line of `SHA256SUMS` that is not in the format (its number from 1, why, its first 200
/// characters); the file it meant to list is then reported as added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MalformedLine {
    pub line: usize,
    pub reason: String,
    pub text: String,
}

/// What verifying a pack found. Names are sorted except `changed`, in archive order.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PackCheck {
    /// Listed files whose bytes match their line.
    pub ok: usize,
    /// Listed files whose bytes differ from their line, or cannot be unpacked whole.
    pub changed: Vec<String>,
    /// Listed files the archive does not hold.
    pub missing: Vec<String>,
    /// Files in the archive that no line lists (`SHA256SUMS` itself aside).
    pub added: Vec<String>,
    pub malformed: Vec<MalformedLine>,
    /// `pack.json` as found (the caller compares its facts, such as the history head, with its
    /// own); `None` when the archive has none.
    pub manifest: Option<serde_json::Value>,
}

impl PackCheck {
    /// Whether every listed file is there unchanged and nothing else is.
    pub fn is_intact(&self) -> bool {
        self.changed.is_empty()
            && self.missing.is_empty()
            && self.added.is_empty()
            && self.malformed.is_empty()
    }
}

struct Entry {
    index: usize,
    name: String,
    size: u64,
}

/// Verifies the pack at `path` within `limits`.
pub fn verify(path: &Path, limits: &PackLimits) -> crate::Result<PackCheck> {
    let file =
        File::open(path).map_err(|e| bad_file("unreadable", format!("{}: {e}", path.display())))?;
    let mut reader = BufReader::new(file);
    let declared = eocd::declared_entries(&mut reader)?;
    if declared > limits.max_entries {
        return Err(bad_file(
            "too_many_entries",
            format!(
                "the archive declares {declared} entries, more than {}",
                limits.max_entries
            ),
        )
        .with("max", limits.max_entries));
    }
    let mut archive = ZipArchive::new(reader).map_err(|e| {
        bad_file(
            "not_zip",
            format!("the file is not a readable ZIP archive: {e}"),
        )
    })?;
    let entries = entries(&archive, limits)?;
    let by_name: HashMap<&str, &Entry> = entries.iter().map(|e| (e.name.as_str(), e)).collect();
    let sums_entry = by_name.get(SUMS_NAME).ok_or_else(|| {
        bad_file(
            "not_a_pack",
            format!("the archive holds no {SUMS_NAME}: not an evidence pack"),
        )
    })?;
    let sums_bytes = read_small(
        &mut archive,
        sums_entry,
        limits.max_sums_bytes,
        "sums_too_large",
    )?;
    let sums::Sums { listed, malformed } = sums::parse(&sums_bytes)?;
    let manifest = match by_name.get(MANIFEST_NAME) {
        Some(e) => Some(manifest(&read_small(
            &mut archive,
            e,
            limits.max_manifest_bytes,
            "manifest_too_large",
        )?)?),
        None => None,
    };
    let expected: HashMap<&str, &str> = listed
        .iter()
        .map(|(name, hash)| (name.as_str(), hash.as_str()))
        .collect();
    let mut check = PackCheck {
        malformed,
        manifest,
        ..PackCheck::default()
    };
    for entry in &entries {
        if entry.name == SUMS_NAME {
            continue;
        }
        let Some(hash) = expected.get(entry.name.as_str()) else {
            check.added.push(entry.name.clone());
            continue;
        };
        match hash_entry(&mut archive, entry)? {
            Some(found) if found == *hash => check.ok += 1,
            _ => check.changed.push(entry.name.clone()),
        }
    }
    check.missing = listed
        .iter()
        .filter(|(name, _)| !by_name.contains_key(name.as_str()))
        .map(|(name, _)| name.clone())
        .collect();
    check.missing.sort();
    check.added.sort();
    Ok(check)
}

/// The archive's files (folders left out) with their declared sizes, after refusing what is
/// hostile: unsafe or duplicate names, links, encryption, sizes over the limits.
fn entries(
    archive: &ZipArchive<BufReader<File>>,
    limits: &PackLimits,
) -> crate::Result<Vec<Entry>> {
    if archive.has_duplicate_names() {
        return Err(bad_file(
            "duplicate_names",
            "the archive holds two entries of the same name",
        ));
    }
    let mut out = Vec::with_capacity(archive.len());
    let mut lower = HashSet::new();
    let mut total: u64 = 0;
    for index in 0..archive.len() {
        let data = archive
            .by_index_data(index)
            .map_err(|e| bad_file("not_zip", format!("entry {index}: {e}")))?;
        let name = data
            .name()
            .map_err(|e| bad_file("unsafe_name", format!("entry {index}: {e}")))?
            .into_owned();
        if data.is_dir() && data.size() == 0 {
            continue;
        }
        if let Err(why) = validate_name(&name) {
            return Err(
                bad_file("unsafe_name", format!("the archive holds {name:?} ({why})"))
                    .with("name", &name),
            );
        }
        if !lower.insert(name.to_lowercase()) {
            return Err(bad_file(
                "duplicate_names",
                format!("the archive holds {name:?} twice (letter case aside)"),
            )
            .with("name", &name));
        }
        if data.is_symlink() || data.encrypted() {
            return Err(bad_file(
                "unsupported_entry",
                format!("{name} is a link or encrypted"),
            )
            .with("name", &name));
        }
        let size = data.size();
        total = total.saturating_add(size);
        if size > limits.max_entry_bytes || total > limits.max_total_bytes {
            return Err(bad_file(
                "too_large",
                format!(
                    "{name} would unpack past the limit of {} MB",
                    limit_mb(size, limits)
                ),
            )
            .with("name", &name));
        }
        out.push(Entry { index, name, size });
    }
    Ok(out)
}

fn limit_mb(size: u64, limits: &PackLimits) -> u64 {
    if size > limits.max_entry_bytes {
        limits.max_entry_bytes >> 20
    } else {
        limits.max_total_bytes >> 20
    }
}

/// A small entry (the list, the manifest) read whole, its checksum checked by the zip reader.
fn read_small(
    archive: &mut ZipArchive<BufReader<File>>,
    entry: &Entry,
    max: u64,
    reason: &str,
) -> crate::Result<Vec<u8>> {
    if entry.size > max {
        return Err(bad_file(
            reason,
            format!("{} is larger than {} bytes", entry.name, max),
        )
        .with("max", max));
    }
    let damaged = |e: &dyn std::fmt::Display| {
        bad_file("damaged", format!("{} cannot be unpacked: {e}", entry.name))
            .with("name", &entry.name)
    };
    let file = archive.by_index(entry.index).map_err(|e| damaged(&e))?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| damaged(&e))?;
    Ok(bytes)
}

/// `pack.json` read and checked to be ours, of a version we understand.
fn manifest(bytes: &[u8]) -> crate::Result<serde_json::Value> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|e| bad_file("bad_manifest", format!("{MANIFEST_NAME} is not JSON: {e}")))?;
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(bad_file(
            "not_a_pack",
            format!("{MANIFEST_NAME} is not an evidence pack's"),
        ));
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    if version.is_none_or(|v| v > u64::from(VERSION)) {
        return Err(bad_file(
            "newer_pack",
            "the pack was made by a newer version of the app",
        ));
    }
    Ok(value)
}

/// The SHA-256 of an entry's unpacked bytes, or `None` when they cannot be unpacked whole (a
/// damaged header or stream): either way the file is not what its line says. The zip reader's
/// own CRC check is off: a changed byte would make it fail at the entry's end with an error that
/// names no file, and the SHA-256 compared after is the stronger check of the same bytes. The
/// reader still stops an entry at its declared size (bounded above by the limits): a stream
/// that would unpack past it fails there, and the file is reported changed.
fn hash_entry(
    archive: &mut ZipArchive<BufReader<File>>,
    entry: &Entry,
) -> crate::Result<Option<String>> {
    let options = ZipReadOptions::new().ignore_crc32(true);
    let mut file = match archive.by_index_with_options(entry.index, options) {
        Ok(f) => f,
        Err(ZipError::InvalidArchive(_)) => return Ok(None),
        Err(e) => {
            return Err(
                bad_file("unsupported_entry", format!("{}: {e}", entry.name))
                    .with("name", &entry.name),
            )
        }
    };
    let mut hasher = Sha256::new();
    let mut read: u64 = 0;
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        match file.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => {
                read += n as u64;
                if read > entry.size {
                    return Ok(None);
                }
                hasher.update(buf.get(..n).unwrap_or_default());
            }
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e)
                if matches!(
                    e.kind(),
                    ErrorKind::InvalidData | ErrorKind::InvalidInput | ErrorKind::UnexpectedEof
                ) =>
            {
                return Ok(None)
            }
            Err(e) => {
                return Err(bad_file("unreadable", format!("{}: {e}", entry.name))
                    .with("name", &entry.name))
            }
        }
    }
    if read != entry.size {
        return Ok(None);
    }
    Ok(Some(hex::encode(hasher.finalize())))
}
