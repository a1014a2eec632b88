//! Evidence packs: written, checked by the app and by `sha256sum -c` on the unpacked folder,
//! and tampered with on disk (a byte changed, files removed, added, a list line broken). Hostile
//! archives are in `pack/hostile.rs`.

mod hostile;
mod large;
mod writing;

use backoffice_core::pack::{verify, PackCheck, PackLimits, PackWriter, MANIFEST_NAME, SUMS_NAME};
use chrono::{TimeZone, Utc};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

const REPORT: &str = "Rapporto audit 2026.pdf";

fn pdf(seed: u8, len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    v.extend((0..len).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)));
    v
}

/// A small pack like an audit's: a report, evidence with awkward names, data and history.
fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("pack.zip");
    let at = Utc.with_ymd_and_hms(2026, 3, 4, 10, 30, 0).unwrap();
    let (staged, summary) = PackWriter::create(&path, at, |p| {
        p.add_bytes(REPORT, &pdf(1, 5000))?;
        let first = p.unique_name("evidence", "C:\\scans\\Verbale è firmato.PDF");
        assert_eq!(first, "evidence/Verbale è firmato.PDF");
        p.add_reader(&first, &mut &pdf(2, 3000)[..])?;
        // Another letter case is the same file on Windows and macOS: numbered.
        let second = p.unique_name("evidence/", "../verbale È firmato.pdf");
        assert_eq!(second, "evidence/verbale È firmato (2).pdf");
        p.add_bytes(&second, &pdf(3, 100))?;
        p.add_bytes("data/audit.json", br#"{"items":[1,2,3]}"#)?;
        p.add_bytes("history.json", "[]\n".repeat(1000).as_bytes())?;
        Ok(serde_json::json!({ "history_head": "ab12", "audit": 7 }))
    })
    .unwrap();
    assert_eq!(summary.entries.len(), 6);
    assert!(!path.exists(), "a pack appears only when published");
    staged.publish().unwrap();
    path
}

fn check(path: &Path) -> PackCheck {
    verify(path, &PackLimits::default()).unwrap()
}

#[test]
fn a_pack_reads_back_intact_with_its_manifest() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let c = check(&path);
    assert!(c.is_intact(), "{c:?}");
    assert_eq!(c.ok, 6);
    let m = c.manifest.unwrap();
    assert_eq!(m["format"], "backoffice-evidence-pack");
    assert_eq!(m["version"], 1);
    assert_eq!(m["entries"], 5);
    assert_eq!(m["created_at"], "2026-03-04T10:30:00.000Z");
    assert_eq!(m["facts"]["history_head"], "ab12");

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
    assert_eq!(names.last().map(String::as_str), Some(SUMS_NAME));
    let method =
        |zip: &mut zip::ZipArchive<std::fs::File>, n: &str| zip.by_name(n).unwrap().compression();
    assert_eq!(method(&mut zip, REPORT), zip::CompressionMethod::Stored);
    assert_eq!(
        method(&mut zip, "history.json"),
        zip::CompressionMethod::Deflated
    );
    let mut sums = String::new();
    zip.by_name(SUMS_NAME)
        .unwrap()
        .read_to_string(&mut sums)
        .unwrap();
    let listed: Vec<&str> = sums.lines().map(|l| &l[66..]).collect();
    let mut sorted = listed.clone();
    sorted.sort_unstable();
    assert_eq!(listed, sorted);
    assert!(listed.contains(&MANIFEST_NAME));
    assert!(sums.lines().all(|l| l.as_bytes()[64..66] == *b"  "));
}

#[test]
fn sha256sum_checks_the_unpacked_pack() {
    let have = |c: &str| Command::new(c).arg("--help").output().is_ok();
    if !have("unzip") || !have("sha256sum") {
        eprintln!("unzip or sha256sum missing: skipped");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let out = dir.path().join("x");
    let unzip = Command::new("unzip")
        .arg("-q")
        .arg(&path)
        .arg("-d")
        .arg(&out)
        .status()
        .unwrap();
    assert!(unzip.success());
    let run = Command::new("sha256sum")
        .args(["-c", "--strict", SUMS_NAME])
        .current_dir(&out)
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&run.stdout);
    assert!(
        run.status.success(),
        "{said}{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert_eq!(
        said.lines().filter(|l| l.ends_with(": OK")).count(),
        6,
        "{said}"
    );
    // And it sees a changed file as the app does.
    std::fs::write(out.join("history.json"), "[]").unwrap();
    let run = Command::new("sha256sum")
        .args(["-c", SUMS_NAME])
        .current_dir(&out)
        .output()
        .unwrap();
    assert!(!run.status.success());
    assert!(String::from_utf8_lossy(&run.stdout).contains("history.json: FAILED"));
}

#[test]
fn one_byte_changed_in_a_stored_entry_names_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let f = zip.by_name(REPORT).unwrap();
        assert_eq!(f.compression(), zip::CompressionMethod::Stored);
        f.data_start().unwrap()
    };
    let mut f = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(&path)
        .unwrap();
    f.seek(SeekFrom::Start(start + 2000)).unwrap();
    let mut b = [0u8];
    f.read_exact(&mut b).unwrap();
    f.seek(SeekFrom::Start(start + 2000)).unwrap();
    f.write_all(&[b[0] ^ 0x20]).unwrap();
    drop(f);
    // The entry's CRC no longer matches either; the zip reader's error for it names no file.
    let c = check(&path);
    assert_eq!(c.changed, [REPORT]);
    assert_eq!((c.ok, c.missing.len(), c.added.len()), (5, 0, 0));
    assert!(!c.is_intact());
}

#[test]
fn a_byte_changed_in_a_deflated_entry_names_that_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let start = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let f = zip.by_name("history.json").unwrap();
        f.data_start().unwrap() + f.compressed_size() / 2
    };
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[start as usize] ^= 0xFF;
    std::fs::write(&path, bytes).unwrap();
    assert_eq!(check(&path).changed, ["history.json"]);
}

/// The pack rewritten without `drop` and with `extra` added; `sums` replaces the list's text.
pub(crate) fn rewrite(path: &Path, drop: &[&str], extra: &[(&str, &[u8])], sums: Option<&str>) {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let out = path.with_extension("new");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&out).unwrap());
    for i in 0..zip.len() {
        let f = zip.by_index_raw(i).unwrap();
        let name = f.name().unwrap().into_owned();
        if drop.contains(&name.as_str()) || (sums.is_some() && name == SUMS_NAME) {
            continue;
        }
        w.raw_copy_file(f).unwrap();
    }
    let sums = sums.map(|s| (SUMS_NAME, s.as_bytes()));
    for (name, bytes) in extra.iter().copied().chain(sums) {
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        w.start_file(name, stored).unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap();
    std::fs::rename(out, path).unwrap();
}

#[test]
fn removed_and_added_entries_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    rewrite(
        &path,
        &["data/audit.json", MANIFEST_NAME],
        &[("evidence/extra.txt", b"slipped in"), ("zz.txt", b"more")],
        None,
    );
    let c = check(&path);
    assert_eq!(c.missing, ["data/audit.json", MANIFEST_NAME]);
    assert_eq!(c.added, ["evidence/extra.txt", "zz.txt"]);
    assert_eq!((c.ok, c.changed.len()), (4, 0));
    assert!(c.manifest.is_none());
}

#[test]
fn a_broken_line_is_reported_and_its_file_counts_as_added() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut sums = String::new();
    zip.by_name(SUMS_NAME)
        .unwrap()
        .read_to_string(&mut sums)
        .unwrap();
    drop(zip);
    // Line 2 (data/audit.json) loses a separator space.
    let broken: String = sums
        .lines()
        .enumerate()
        .map(|(i, l)| if i == 1 { l.replacen("  ", " ", 1) } else { l.to_owned() } + "\n")
        .collect();
    rewrite(&path, &[], &[], Some(&broken));
    let c = check(&path);
    assert_eq!(c.malformed.len(), 1);
    assert_eq!(
        (c.malformed[0].line, c.malformed[0].reason.as_str()),
        (2, "bad_separator")
    );
    assert_eq!(c.added, ["data/audit.json"]);
    assert_eq!(c.ok, 5);
}
