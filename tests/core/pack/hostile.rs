//! Archives built to hurt whoever verifies them: each is refused as `bad_file` quickly, without
//! unpacking what it announces, or, when the harm is confined to one entry, names that entry.
//! The archives are written here by hand, as in `import_bombs.rs`: a deflate stream of one block
//! compressed on its own and repeated, so gigabytes cost a few megabytes to build.

use super::{check, rewrite, sample};
use backoffice_core::pack::{verify, PackLimits, SUMS_NAME};
use backoffice_core::{Error, ErrorCode};
use flate2::{Compress, Compression, FlushCompress};
use std::path::Path;
use std::time::{Duration, Instant};

struct Part {
    name: String,
    packed: Vec<u8>,
    deflated: bool,
    crc: u32,
    declared: u32,
}

fn stored(name: &str, bytes: &[u8]) -> Part {
    Part {
        name: name.to_owned(),
        packed: bytes.to_vec(),
        deflated: false,
        crc: crc32fast::hash(bytes),
        declared: bytes.len() as u32,
    }
}

/// `mib` mebibytes of zeros as one deflate stream (its CRC left at 0: the verifier refuses or
/// stops these before a checksum could matter), declaring `declared` bytes.
fn zeros(name: &str, mib: usize, declared: u32) -> Part {
    let piece = |last: bool| {
        let mut c = Compress::new(Compression::best(), false);
        let mut out = Vec::with_capacity(1 << 20);
        let flush = if last {
            FlushCompress::Finish
        } else {
            FlushCompress::Sync
        };
        c.compress_vec(&vec![0u8; 1 << 20], &mut out, flush)
            .unwrap();
        out
    };
    let one = piece(false);
    let mut packed = one.repeat(mib - 1);
    packed.extend(piece(true));
    Part {
        name: name.to_owned(),
        packed,
        deflated: true,
        crc: 0,
        declared,
    }
}

fn zip(parts: &[Part]) -> Vec<u8> {
    let (mut out, mut dir) = (Vec::new(), Vec::new());
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for p in parts {
        let offset = out.len() as u32;
        let method = if p.deflated { 8 } else { 0 };
        u32le(&mut out, 0x0403_4b50);
        for x in [20, 0x0800, method, 0, 0x21] {
            u16le(&mut out, x);
        }
        for x in [p.crc, p.packed.len() as u32, p.declared] {
            u32le(&mut out, x);
        }
        u16le(&mut out, p.name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&p.packed);
        u32le(&mut dir, 0x0201_4b50);
        for x in [20, 20, 0x0800, method, 0, 0x21] {
            u16le(&mut dir, x);
        }
        for x in [p.crc, p.packed.len() as u32, p.declared] {
            u32le(&mut dir, x);
        }
        for x in [p.name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut dir, x);
        }
        u32le(&mut dir, 0);
        u32le(&mut dir, offset);
        dir.extend_from_slice(p.name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&dir);
    u32le(&mut out, 0x0605_4b50);
    for x in [0, 0, parts.len() as u16, parts.len() as u16] {
        u16le(&mut out, x);
    }
    u32le(&mut out, dir.len() as u32);
    u32le(&mut out, start);
    u16le(&mut out, 0);
    out
}

/// A list naming `names` with a hash none of them has.
fn sums(names: &[&str]) -> Part {
    let text: String = names
        .iter()
        .map(|n| format!("{}  {n}\n", "0".repeat(64)))
        .collect();
    stored(SUMS_NAME, text.as_bytes())
}

fn refused(path: &Path, limits: &PackLimits, within: Duration) -> Error {
    let started = Instant::now();
    let e = verify(path, limits).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.code, ErrorCode::BadFile, "{e:?}");
    assert!(took < within, "took {took:?}");
    e
}

fn reason(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    std::fs::write(&path, bytes).unwrap();
    refused(&path, &PackLimits::default(), Duration::from_secs(2)).params["reason"].clone()
}

#[test]
fn entries_that_unpack_to_gigabytes_are_refused_before_unpacking() {
    // Two entries of 3 GiB of zeros each, about 6 MB packed, truthful about their sizes.
    let three = 3u32 << 30;
    let parts = [
        zeros("a.txt", 3072, three),
        zeros("b.txt", 3072, three),
        sums(&["a.txt"]),
    ];
    let bytes = zip(&parts);
    assert!(bytes.len() < 8 << 20, "{}", bytes.len());
    assert_eq!(reason(&bytes), "too_large");
    // Under the entry limit but over the total.
    let limits = PackLimits {
        max_entry_bytes: 4 << 30,
        ..PackLimits::default()
    };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    std::fs::write(&path, &bytes).unwrap();
    let e = refused(&path, &limits, Duration::from_secs(2));
    assert_eq!(e.params["name"], "b.txt");
}

#[test]
fn an_entry_lying_about_its_size_stops_there_and_is_changed() {
    // Declares 1 MiB, unpacks to 1 GiB: the reader stops at the declared size.
    let parts = [zeros("bomb.txt", 1024, 1 << 20), sums(&["bomb.txt"])];
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.zip");
    std::fs::write(&path, zip(&parts)).unwrap();
    let started = Instant::now();
    let c = check(&path);
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(c.changed, ["bomb.txt"]);
}

#[test]
fn entries_sharing_their_bytes_are_refused() {
    let x = zeros("x", 4, 4 << 20);
    let part = |name: &str| Part {
        name: name.to_owned(),
        packed: x.packed.clone(),
        deflated: true,
        crc: 0,
        declared: x.declared,
    };
    let mut bytes = zip(&[part("a.txt"), part("b.txt"), sums(&["a.txt", "b.txt"])]);
    // b.txt's directory entry pointed at a.txt's header and data.
    let central: Vec<usize> = bytes
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == [b'P', b'K', 1, 2])
        .map(|(i, _)| i)
        .collect();
    bytes[central[1] + 42..central[1] + 46].copy_from_slice(&0u32.to_le_bytes());
    assert_eq!(reason(&bytes), "overlapping_entries");
}

#[test]
fn names_reaching_outside_and_repeated_names_are_refused() {
    let evil = [stored("../evil.txt", b"x"), sums(&[])];
    assert_eq!(reason(&zip(&evil)), "unsafe_name");
    let twice = [
        stored("a.txt", b"x"),
        stored("a.txt", b"y"),
        sums(&["a.txt"]),
    ];
    assert_eq!(reason(&zip(&twice)), "duplicate_names");
    let cased = [
        stored("a.txt", b"x"),
        stored("A.txt", b"y"),
        sums(&["a.txt"]),
    ];
    assert_eq!(reason(&zip(&cased)), "duplicate_names");
    let listed = [stored("a.txt", b"x"), sums(&["../../etc/passwd"])];
    assert_eq!(reason(&zip(&listed)), "unsafe_name");
}

#[test]
fn what_is_not_a_pack_is_refused() {
    assert_eq!(reason(b"%PDF-1.7 certainly not a zip"), "not_zip");
    assert_eq!(reason(b""), "not_zip");
    assert_eq!(reason(&zip(&[stored("a.txt", b"x")])), "not_a_pack");
    let manifest = [
        stored("pack.json", b"{\"format\":\"other\"}"),
        sums(&["pack.json"]),
    ];
    assert_eq!(reason(&zip(&manifest)), "not_a_pack");
    let newer = br#"{"format":"backoffice-evidence-pack","version":99}"#;
    assert_eq!(
        reason(&zip(&[stored("pack.json", newer), sums(&[])])),
        "newer_pack"
    );
    // A real pack cut short has lost its directory.
    let dir = tempfile::tempdir().unwrap();
    let bytes = std::fs::read(sample(dir.path())).unwrap();
    assert_eq!(reason(&bytes[..bytes.len() / 2]), "not_zip");
    assert_eq!(reason(&bytes[..bytes.len() - 1]), "not_zip");
}

#[test]
fn too_many_entries_and_an_oversized_list_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let few = PackLimits {
        max_entries: 5,
        ..PackLimits::default()
    };
    let e = refused(&path, &few, Duration::from_secs(1));
    assert_eq!(e.params["reason"], "too_many_entries");
    let small = PackLimits {
        max_sums_bytes: 100,
        ..PackLimits::default()
    };
    let e = refused(&path, &small, Duration::from_secs(1));
    assert_eq!(e.params["reason"], "sums_too_large");
    // A list damaged inside the archive (its CRC fails) cannot be trusted to say anything.
    rewrite(&path, &[], &[], Some("not\0a list"));
    let mut bytes = std::fs::read(&path).unwrap();
    let at = bytes.windows(4).position(|w| w == b"not\0").unwrap();
    bytes[at] = b'N';
    std::fs::write(&path, bytes).unwrap();
    let e = refused(&path, &PackLimits::default(), Duration::from_secs(1));
    assert_eq!(e.params["reason"], "damaged");
}
