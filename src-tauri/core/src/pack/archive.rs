//! Opening a pack the user chose, and refusing what is hostile before anything is unpacked:
//! not a ZIP, too many entries, entries sharing their bytes, unsafe or repeated names, links, encryption, sizes over the
//! limits.

use super::names::validate_name;
use super::{bad_file, eocd, PackLimits};
use std::collections::HashSet;
use std::fs::File;
use std::io::BufReader;
use std::path::Path;
use zip::ZipArchive;

pub(crate) type Pack = ZipArchive<BufReader<File>>;

/// A file in the archive, with the size its directory declares.
pub(crate) struct Entry {
    pub index: usize,
    pub name: String,
    pub size: u64,
}

/// The archive at `path` and its files, in archive order.
pub(crate) fn open(path: &Path, limits: &PackLimits) -> crate::Result<(Pack, Vec<Entry>)> {
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
    // Entries sharing their bytes multiply what a small file unpacks to (a "non-recursive" zip
    // bomb). A header too damaged to place is left to the entry's own read, which names it.
    if archive.has_overlapping_files().unwrap_or(false) {
        return Err(bad_file(
            "overlapping_entries",
            "entries of the archive share their bytes",
        ));
    }
    let entries = entries(&archive, limits)?;
    Ok((archive, entries))
}

/// The archive's files (folders left out) with their declared sizes, after refusing what is
/// hostile: unsafe or duplicate names, links, encryption, sizes over the limits.
fn entries(archive: &Pack, limits: &PackLimits) -> crate::Result<Vec<Entry>> {
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
