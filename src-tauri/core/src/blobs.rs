//! The app's own copies of attached files, content-addressed: `<data_dir>/files/ab/cdef…`, named
//! by the SHA-256 of the bytes. Identical content is stored once. A copy is written to a
//! temporary file, flushed to disk and renamed into place, so a crash never leaves a half file
//! under a real name; the user's original path is read once and never kept.

use crate::crypt::docs::{self, DocKey};
use crate::domain::attachment::{sniff, too_large, MAX_ATTACHMENT_BYTES};
use crate::error::{Error, ErrorCode};
use crate::files::{io_error, put, write_atomically};
use crate::store::attachments::StoredFile;
use sha2::{Digest, Sha256};
use std::fs::File;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// Bytes read to recognise a file's type.
const SNIFF_BYTES: usize = 8 * 1024;

pub struct Blobs {
    root: PathBuf,
    /// Set when the data folder is encrypted: new content is stored sealed.
    key: Option<DocKey>,
}

fn bad_file(reason: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorCode::BadFile, message).with("reason", reason)
}

/// A stored document's name: 64 lower-case hex digits.
pub(crate) fn is_sha256(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Blobs {
    pub fn new(data_dir: &Path) -> Self {
        Self::keyed(data_dir, None)
    }

    /// The store of a data folder encrypted with `key` (`None`: plain).
    pub fn keyed(data_dir: &Path, key: Option<DocKey>) -> Self {
        Self {
            root: data_dir.join("files"),
            key,
        }
    }

    /// Where the content with this hash lives.
    pub fn path(&self, sha256: &str) -> crate::Result<PathBuf> {
        if !is_sha256(sha256) {
            return Err(Error::internal("not a SHA-256 name"));
        }
        Ok(self.root.join(&sha256[..2]).join(&sha256[2..]))
    }

    /// Copies the user's file into the store: checks its type (extension and content) and size,
    /// hashes it while copying, and keeps one copy per content.
    pub fn put_file(&self, source: &Path) -> crate::Result<StoredFile> {
        let file_name = source
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let unreadable = |e: std::io::Error| {
            let reason = if e.kind() == std::io::ErrorKind::NotFound {
                "not_found"
            } else {
                "unreadable"
            };
            bad_file(reason, format!("{}: {e}", source.display())).with("file", &file_name)
        };
        let mut input = File::open(source).map_err(unreadable)?;
        let meta = input.metadata().map_err(unreadable)?;
        if meta.is_dir() {
            return Err(bad_file("unreadable", "a folder, not a file").with("file", &file_name));
        }
        if meta.len() > MAX_ATTACHMENT_BYTES {
            return Err(too_large().with("file", &file_name));
        }
        let mut head = vec![0u8; SNIFF_BYTES];
        let mut got = 0;
        while got < head.len() {
            let n = input.read(&mut head[got..]).map_err(unreadable)?;
            if n == 0 {
                break;
            }
            got += n;
        }
        head.truncate(got);
        let mime = sniff(&file_name, &head).map_err(|e| e.with("file", &file_name))?;

        // The whole content in memory (it is at most MAX_ATTACHMENT_BYTES): an encrypted store
        // must never write the plain bytes to disk, not even to a temporary file.
        let mut content = head;
        loop {
            let mut buf = vec![0u8; 64 * 1024];
            let n = input.read(&mut buf).map_err(unreadable)?;
            if n == 0 {
                break;
            }
            // The file may have grown since it was measured.
            if (content.len() + n) as u64 > MAX_ATTACHMENT_BYTES {
                return Err(too_large().with("file", &file_name));
            }
            content.extend_from_slice(&buf[..n]);
        }
        let sha256 = hex::encode(Sha256::digest(&content));
        let target = self.path(&sha256)?;
        let present = std::fs::read(&target)
            .ok()
            .is_some_and(|b| docs::is_sealed(&b) == self.key.is_some());
        if !present {
            let bytes = match &self.key {
                Some(k) => docs::seal(k, &sha256, &content)?,
                None => content.clone(),
            };
            self.replace(&target, &bytes)?;
        }
        Ok(StoredFile {
            sha256,
            size: content.len() as i64,
            mime: mime.to_owned(),
            file_name,
        })
    }

    /// Keeps bytes the app already read and checked (a logo): one copy per content, sealed when
    /// the store is encrypted. Returns their SHA-256.
    pub fn put_bytes(&self, content: &[u8]) -> crate::Result<String> {
        let sha256 = hex::encode(Sha256::digest(content));
        let target = self.path(&sha256)?;
        let present = std::fs::read(&target)
            .ok()
            .is_some_and(|b| docs::is_sealed(&b) == self.key.is_some());
        if !present {
            let bytes = match &self.key {
                Some(k) => docs::seal(k, &sha256, content)?,
                None => content.to_vec(),
            };
            self.replace(&target, &bytes)?;
        }
        Ok(sha256)
    }

    /// Puts `bytes` at `target` whole: a private temporary file, flushed, renamed into place.
    fn replace(&self, target: &Path, bytes: &[u8]) -> crate::Result<()> {
        let tmp_dir = self.root.join("tmp");
        for d in [&self.root, &tmp_dir] {
            private(d)?;
        }
        let tmp = tmp_dir.join(format!("{}.part", crate::private::random_hex(8)));
        let result = (|| {
            let mut out = crate::private::create_file(&tmp).map_err(|e| io_error(&tmp, e))?;
            out.write_all(bytes).map_err(|e| io_error(&tmp, e))?;
            out.sync_all().map_err(|e| io_error(&tmp, e))?;
            drop(out);
            let dir = target.parent().unwrap_or(&self.root);
            private(dir)?;
            std::fs::rename(&tmp, target).map_err(|e| io_error(target, e))?;
            sync_dir(dir);
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }

    /// Stores every document sealed (`seal`) or plain, one file at a time, each replaced whole:
    /// a stop half-way leaves some of each kind, every one readable. Returns how many changed.
    /// `progress` gets files done and the total; returning false stops.
    pub fn convert_all(
        &self,
        seal: bool,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> crate::Result<u64> {
        let names = self.names()?;
        let total = names.len() as u64;
        let mut changed = 0;
        for (i, sha) in names.iter().enumerate() {
            let path = self.path(sha)?;
            let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
            if docs::is_sealed(&bytes) != seal {
                let plain = self.read(sha)?;
                let out = match (&self.key, seal) {
                    (Some(k), true) => docs::seal(k, sha, &plain)?,
                    (None, true) => return Err(Error::internal("no key to seal with")),
                    _ => plain,
                };
                self.replace(&path, &out)?;
                changed += 1;
            }
            if !progress(i as u64 + 1, total) {
                return Err(Error::new(ErrorCode::Cancelled, "stopped"));
            }
        }
        Ok(changed)
    }

    /// Every stored document's name.
    pub fn names(&self) -> crate::Result<Vec<String>> {
        let mut out = Vec::new();
        let Ok(dirs) = std::fs::read_dir(&self.root) else {
            return Ok(out);
        };
        for dir in dirs {
            let dir = dir.map_err(|e| io_error(&self.root, e))?;
            let prefix = dir.file_name().to_string_lossy().into_owned();
            if prefix.len() != 2 || !dir.path().is_dir() {
                continue;
            }
            for f in std::fs::read_dir(dir.path()).map_err(|e| io_error(&dir.path(), e))? {
                let f = f.map_err(|e| io_error(&dir.path(), e))?;
                let sha = format!("{prefix}{}", f.file_name().to_string_lossy());
                if is_sha256(&sha) {
                    out.push(sha);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    /// The stored bytes, checked against their name: a copy changed or damaged on disk is
    /// reported instead of handed out.
    pub fn read(&self, sha256: &str) -> crate::Result<Vec<u8>> {
        let path = self.path(sha256)?;
        let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
        let bytes = docs::open(self.key.as_ref(), sha256, bytes)?;
        if hex::encode(Sha256::digest(&bytes)) != sha256 {
            return Err(Error::new(
                ErrorCode::DbCorrupt,
                format!("{} does not match its checksum", path.display()),
            )
            .with("reason", "checksum_mismatch"));
        }
        Ok(bytes)
    }

    /// The stored bytes as a stream, for copies written into a larger file (a pack) without
    /// holding them: a plain copy is read as it goes, and the caller checks the SHA-256 of what
    /// it read against `sha256` before keeping the result; a sealed copy is authenticated as one
    /// piece, so it is opened whole and checked as [`Blobs::read`] does.
    pub fn reader(&self, sha256: &str) -> crate::Result<Box<dyn Read>> {
        let path = self.path(sha256)?;
        let mut file = File::open(&path).map_err(|e| io_error(&path, e))?;
        let mut head = Vec::with_capacity(docs::MAGIC.len());
        (&mut file)
            .take(docs::MAGIC.len() as u64)
            .read_to_end(&mut head)
            .map_err(|e| io_error(&path, e))?;
        if docs::is_sealed(&head) {
            return Ok(Box::new(std::io::Cursor::new(self.read(sha256)?)));
        }
        Ok(Box::new(std::io::Cursor::new(head).chain(file)))
    }

    /// Writes a copy of the stored content to `target` (atomically, checked).
    pub fn copy_out(&self, sha256: &str, target: &Path) -> crate::Result<()> {
        let bytes = self.read(sha256)?;
        write_atomically(target, |w| put(w, target, &bytes))
    }

    /// Removes the content; the caller has checked no attachment refers to it any more.
    pub fn remove(&self, sha256: &str) -> crate::Result<()> {
        let path = self.path(sha256)?;
        match std::fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error(&path, e)),
        }
    }
}

/// Creates a folder of the store private to the user (0700 on Unix), or tightens it.
fn private(dir: &Path) -> crate::Result<()> {
    crate::private::ensure_dir(dir, false).map_err(|e| io_error(dir, e))
}

/// Flushes a directory entry (the rename) to disk where the platform allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_once_by_content_and_checks_on_read() {
        let dir = tempfile::tempdir().unwrap();
        let blobs = Blobs::new(&dir.path().join("data"));
        let a = dir.path().join("a.pdf");
        std::fs::write(&a, b"%PDF-1.4 hello").unwrap();
        let b = dir.path().join("copy of a.PDF");
        std::fs::write(&b, b"%PDF-1.4 hello").unwrap();
        let sa = blobs.put_file(&a).unwrap();
        let sb = blobs.put_file(&b).unwrap();
        assert_eq!(sa.sha256, sb.sha256);
        assert_eq!((sa.size, sa.mime.as_str()), (14, "application/pdf"));
        assert_eq!(sb.file_name, "copy of a.PDF");
        let stored = blobs.path(&sa.sha256).unwrap();
        assert!(stored.starts_with(dir.path().join("data/files").join(&sa.sha256[..2])));
        assert_eq!(std::fs::read(&stored).unwrap(), b"%PDF-1.4 hello");
        // No temporary files left behind.
        let tmp = dir.path().join("data/files/tmp");
        assert_eq!(std::fs::read_dir(tmp).unwrap().count(), 0);
        let out = dir.path().join("out.pdf");
        blobs.copy_out(&sa.sha256, &out).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.4 hello");
        std::fs::write(&stored, b"%PDF-1.4 tampered").unwrap();
        assert_eq!(
            blobs.read(&sa.sha256).unwrap_err().code,
            ErrorCode::DbCorrupt
        );
        assert!(blobs.path("../../etc/passwd").is_err());
    }
}
