//! The file a person chose to import, pinned by its content. Between choosing a file and
//! committing it the person looks at a preview and checks every row; if the file is changed on
//! disk in between (saved again from the spreadsheet, replaced by a sync tool), the commit would
//! write rows nobody checked. So the file's SHA-256 is taken from the bytes the preview reads,
//! and every later read compares it: a changed file is refused with `file_changed`.

use super::{read_bytes, read_limited, Table};
use crate::error::{Error, ErrorCode};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// A chosen file: where it is and what it held when chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChosenFile {
    path: PathBuf,
    sha256: [u8; 32],
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// Reads the file once: its table and its content's hash.
fn read_hashed(path: &Path) -> crate::Result<(Table, [u8; 32])> {
    let name = file_name(path);
    let bytes = read_limited(path).map_err(|e| e.with("file", &name))?;
    let sha256: [u8; 32] = Sha256::digest(&bytes).into();
    let table = read_bytes(bytes, extension(path).as_deref()).map_err(|e| e.with("file", &name))?;
    Ok((table, sha256))
}

impl ChosenFile {
    /// Reads the file the person just chose: its table, and the file pinned to that content.
    pub fn choose(path: &Path) -> crate::Result<(ChosenFile, Table)> {
        let (table, sha256) = read_hashed(path)?;
        let chosen = ChosenFile {
            path: path.to_owned(),
            sha256,
        };
        Ok((chosen, table))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The content's SHA-256, in hex.
    pub fn sha256(&self) -> String {
        hex::encode(self.sha256)
    }

    /// Reads the file again; refuses it if its content is no longer what was chosen.
    pub fn read(&self) -> crate::Result<Table> {
        let (table, sha256) = read_hashed(&self.path)?;
        if sha256 != self.sha256 {
            let name = file_name(&self.path);
            return Err(Error::new(
                ErrorCode::FileChanged,
                format!("{name} changed after it was chosen"),
            )
            .with("file", name));
        }
        Ok(table)
    }
}

/// The file an import step reads: one the person chose (checked against its content then), or a
/// bare path read as it is now (tests and benchmarks that write their own files).
#[derive(Debug, Clone, Copy)]
pub enum ImportFile<'a> {
    Chosen(&'a ChosenFile),
    Path(&'a Path),
}

impl<'a> ImportFile<'a> {
    pub fn read(self) -> crate::Result<Table> {
        match self {
            ImportFile::Chosen(c) => c.read(),
            ImportFile::Path(p) => super::read_file(p),
        }
    }

    pub fn path(self) -> &'a Path {
        match self {
            ImportFile::Chosen(c) => &c.path,
            ImportFile::Path(p) => p,
        }
    }
}

impl<'a> From<&'a ChosenFile> for ImportFile<'a> {
    fn from(c: &'a ChosenFile) -> Self {
        ImportFile::Chosen(c)
    }
}

impl<'a> From<&'a Path> for ImportFile<'a> {
    fn from(p: &'a Path) -> Self {
        ImportFile::Path(p)
    }
}

impl<'a> From<&'a PathBuf> for ImportFile<'a> {
    fn from(p: &'a PathBuf) -> Self {
        ImportFile::Path(p)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_file_is_refused_and_a_restored_one_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("staff.csv");
        std::fs::write(&path, "Nome;Cognome\nAnna;Rossi\n").unwrap();
        let (chosen, table) = ChosenFile::choose(&path).unwrap();
        assert_eq!(table.rows.len(), 1);
        assert_eq!(chosen.sha256().len(), 64);
        assert_eq!(chosen.read().unwrap(), table);
        // One letter changed, same length.
        std::fs::write(&path, "Nome;Cognome\nAnna;Rosso\n").unwrap();
        let e = chosen.read().unwrap_err();
        assert_eq!(e.code, ErrorCode::FileChanged);
        assert_eq!(e.params["file"], "staff.csv");
        std::fs::write(&path, "Nome;Cognome\nAnna;Rossi\n").unwrap();
        assert!(chosen.read().is_ok());
        std::fs::remove_file(&path).unwrap();
        assert_eq!(chosen.read().unwrap_err().code, ErrorCode::BadFile);
    }
}
