//! Verifying a pack the user chose: every file `SHA256SUMS` lists is hashed as it streams out of
//! the archive and compared, and the result names exactly what changed, went missing or was
//! added. A hostile file (not a ZIP, too many entries, entries that unpack to too much, names
//! reaching outside the folder) is refused as `bad_file` before its content is unpacked.

use super::archive::{self, Entry, Pack};
use super::{bad_file, sums, PackLimits, FORMAT, MANIFEST_NAME, SUMS_NAME, VERSION};
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::{ErrorKind, Read};
use std::path::Path;
use zip::read::ZipReadOptions;
use zip::result::ZipError;

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

/// Verifies the pack at `path` within `limits`.
pub fn verify(path: &Path, limits: &PackLimits) -> crate::Result<PackCheck> {
    let (mut archive, entries) = archive::open(path, limits)?;
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

/// A small entry (the list, the manifest) read whole, its checksum checked by the zip reader.
fn read_small(archive: &mut Pack, entry: &Entry, max: u64, reason: &str) -> crate::Result<Vec<u8>> {
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
fn hash_entry(archive: &mut Pack, entry: &Entry) -> crate::Result<Option<String>> {
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
