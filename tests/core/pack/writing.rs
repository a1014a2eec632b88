//! What the writer refuses, and how it recovers from a file it could not read.

use super::check;
use backoffice_core::pack::PackWriter;
use chrono::Utc;
use std::io::Read;

#[test]
fn unsafe_or_repeated_names_are_not_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.zip");
    for bad in [
        "../x.txt",
        "/x.txt",
        "a\\b.txt",
        "SHA256SUMS",
        "Pack.json",
        "a\nb",
    ] {
        let e = PackWriter::create(&path, Utc::now(), |p| {
            p.add_bytes(bad, b"x")?;
            Ok(serde_json::Value::Null)
        })
        .unwrap_err();
        assert_eq!(e.code, backoffice_core::ErrorCode::Validation, "{bad:?}");
    }
    let e = PackWriter::create(&path, Utc::now(), |p| {
        p.add_bytes("a.txt", b"x")?;
        p.add_bytes("A.TXT", b"y")?;
        Ok(serde_json::Value::Null)
    })
    .unwrap_err();
    assert_eq!(e.fields[0].code, "duplicate");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// A file that stops being readable after `left` bytes (a disk error, a file gone).
struct Failing {
    left: usize,
}

impl Read for Failing {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left == 0 {
            return Err(std::io::Error::other("device gone"));
        }
        let n = buf.len().min(self.left);
        buf[..n].fill(b'x');
        self.left -= n;
        Ok(n)
    }
}

#[test]
fn a_file_that_fails_half_way_is_left_out_whole() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.zip");
    let (staged, summary) = PackWriter::create(&path, Utc::now(), |p| {
        p.add_bytes("a.txt", b"first")?;
        let e = p
            .add_reader("b.txt", &mut Failing { left: 1_000_000 })
            .unwrap_err();
        assert_eq!(e.params["name"], "b.txt");
        // The name is free again, for a note saying what could not be read.
        p.add_bytes("b.txt", b"could not be read")?;
        Ok(serde_json::Value::Null)
    })
    .unwrap();
    staged.publish().unwrap();
    assert_eq!(summary.entries.len(), 3);
    let c = check(&path);
    assert!(c.is_intact(), "{c:?}");
    assert_eq!(c.ok, 3);
}
