//! A pack at an audit's real size, written and verified with the time printed (nothing asserted
//! on it: `cargo test --release … pack::large -- --nocapture` to read it).

use super::check;
use backoffice_core::pack::PackWriter;
use chrono::Utc;
use std::io::Read;
use std::time::Instant;

/// `len` bytes made on the fly: noise (as a scan or PDF is) or text (as data is).
struct Made {
    left: usize,
    state: u64,
    text: bool,
}

impl Read for Made {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.left);
        for b in &mut buf[..n] {
            self.state ^= self.state << 13;
            self.state ^= self.state >> 7;
            self.state ^= self.state << 17;
            *b = if self.text {
                b"abcdefgh ;\n01"[(self.state % 13) as usize]
            } else {
                self.state as u8
            };
        }
        self.left -= n;
        Ok(n)
    }
}

#[test]
fn a_pack_of_200_files_and_100_mb_is_written_and_verified() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.zip");
    let started = Instant::now();
    let (staged, summary) = PackWriter::create(&path, Utc::now(), |p| {
        for i in 0..200u64 {
            let text = i % 4 == 0;
            let name = if text {
                format!("data/{i}.csv")
            } else {
                format!("evidence/{i}.pdf")
            };
            let mut made = Made {
                left: 500_000,
                state: i + 1,
                text,
            };
            p.add_reader(&name, &mut made)?;
        }
        Ok(serde_json::Value::Null)
    })
    .unwrap();
    staged.publish().unwrap();
    let wrote = started.elapsed();
    let bytes: u64 = summary.entries.iter().map(|e| e.size).sum();
    let started = Instant::now();
    let c = check(&path);
    let verified = started.elapsed();
    assert!(c.is_intact());
    assert_eq!(c.ok, 201);
    eprintln!(
        "pack of 200 files, {} MB ({} MB on disk): written in {:.2} s, verified in {:.2} s",
        bytes / 1_000_000,
        std::fs::metadata(&path).unwrap().len() / 1_000_000,
        wrote.as_secs_f64(),
        verified.as_secs_f64()
    );
}
