//! Workbooks built to exhaust memory: a small file whose parts unpack to hundreds of megabytes,
//! one whose archive lies about its sizes, and cells past Excel's own limit. Each is refused as
//! `bad_file` quickly, without unpacking what it announces.
//!
//! The workbooks are zip archives written here by hand: a deflate stream of the same block
//! compressed on its own and repeated, so a 900 MB part costs about a megabyte to build and
//! checksum, not 900 MB of compression.

use backoffice_core::import::xlsx::{MAX_CELL_CHARS, MAX_UNPACKED_BYTES};
use backoffice_core::import::{read_bytes, BadFileReason};
use backoffice_core::{Error, ErrorCode};
use flate2::{Compress, Compression, FlushCompress};
use std::time::{Duration, Instant};

/// One part of the archive: its name, its packed bytes and method, its checksum and real size.
struct Part {
    name: &'static str,
    packed: Vec<u8>,
    deflated: bool,
    crc: u32,
    size: u64,
}

/// Raw deflate of `data` on its own; `last` ends the stream, otherwise it is flushed to a byte
/// boundary so another piece can follow (no piece refers back into another).
fn deflate_piece(data: &[u8], last: bool) -> Vec<u8> {
    let mut c = Compress::new(Compression::best(), false);
    let mut out = Vec::with_capacity(data.len() / 2 + 64);
    let flush = if last {
        FlushCompress::Finish
    } else {
        FlushCompress::Sync
    };
    c.compress_vec(data, &mut out, flush).unwrap();
    out
}

fn stored(name: &'static str, text: &str) -> Part {
    Part {
        name,
        packed: text.as_bytes().to_vec(),
        deflated: false,
        crc: crc32fast::hash(text.as_bytes()),
        size: text.len() as u64,
    }
}

/// `head`, then `block` repeated `times`, then `tail`, as one deflated part.
fn repeated(name: &'static str, head: &str, block: &[u8], times: usize, tail: &str) -> Part {
    let mut packed = deflate_piece(head.as_bytes(), false);
    let one = deflate_piece(block, false);
    let mut crc = crc32fast::Hasher::new();
    crc.update(head.as_bytes());
    for _ in 0..times {
        packed.extend_from_slice(&one);
        crc.update(block);
    }
    packed.extend_from_slice(&deflate_piece(tail.as_bytes(), true));
    crc.update(tail.as_bytes());
    Part {
        name,
        packed,
        deflated: true,
        crc: crc.finalize(),
        size: (head.len() + block.len() * times + tail.len()) as u64,
    }
}

/// A zip archive of `parts`; `declared` gives the size each part's headers announce.
fn zip(parts: &[Part], declared: impl Fn(&Part) -> u64) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    let u16le = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let u32le = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for p in parts {
        let offset = out.len() as u32;
        let method = if p.deflated { 8 } else { 0 };
        let size = declared(p) as u32;
        // Local header: signature, version, flags, method, time, date, crc, sizes, name.
        u32le(&mut out, 0x0403_4b50);
        for x in [20, 0, method, 0, 0x21] {
            u16le(&mut out, x);
        }
        for x in [p.crc, p.packed.len() as u32, size] {
            u32le(&mut out, x);
        }
        u16le(&mut out, p.name.len() as u16);
        u16le(&mut out, 0);
        out.extend_from_slice(p.name.as_bytes());
        out.extend_from_slice(&p.packed);
        // Central directory entry.
        u32le(&mut directory, 0x0201_4b50);
        for x in [20, 20, 0, method, 0, 0x21] {
            u16le(&mut directory, x);
        }
        for x in [p.crc, p.packed.len() as u32, size] {
            u32le(&mut directory, x);
        }
        for x in [p.name.len() as u16, 0, 0, 0, 0] {
            u16le(&mut directory, x);
        }
        u32le(&mut directory, 0);
        u32le(&mut directory, offset);
        directory.extend_from_slice(p.name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend_from_slice(&directory);
    u32le(&mut out, 0x0605_4b50);
    for x in [0, 0, parts.len() as u16, parts.len() as u16] {
        u16le(&mut out, x);
    }
    u32le(&mut out, directory.len() as u32);
    u32le(&mut out, start);
    u16le(&mut out, 0);
    out
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook of one sheet whose `rows` rows each hold one shared string of `cell_chars` x's,
/// every row its own entry in the shared strings (as a real export of distinct values has).
fn workbook(rows: usize, cell_chars: usize) -> Vec<Part> {
    // A hundred strings to a repeated block, so the stream is a few hundred bytes per megabyte.
    let per = if rows.is_multiple_of(100) { 100 } else { 1 };
    let block = format!("<si><t>{}</t></si>", "x".repeat(cell_chars)).repeat(per);
    let head = strings_head(rows);
    let strings = repeated(STRINGS, &head, block.as_bytes(), rows / per, "</sst>");
    workbook_with(rows, strings)
}

const STRINGS: &str = "xl/sharedStrings.xml";

fn strings_head(count: usize) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">"#
    )
}

/// Shared strings written out, for small workbooks.
fn strings_part(texts: &[&str]) -> Part {
    let body: String = texts
        .iter()
        .map(|t| format!("<si><t>{t}</t></si>"))
        .collect();
    repeated(
        STRINGS,
        &strings_head(texts.len()),
        body.as_bytes(),
        1,
        "</sst>",
    )
}

/// The workbook around its shared strings: row n shows string n-1.
fn workbook_with(rows: usize, strings: Part) -> Vec<Part> {
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    let book = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets><sheet name="Personale" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let book_rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
    );
    let mut sheet =
        format!(r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{MAIN}"><sheetData>"#);
    for r in 0..rows {
        sheet.push_str(&format!(
            r#"<row r="{0}"><c r="A{0}" t="s"><v>{1}</v></c></row>"#,
            r + 1,
            r
        ));
    }
    sheet.push_str("</sheetData></worksheet>");
    let sheet_packed = deflate_piece(sheet.as_bytes(), true);
    vec![
        stored("[Content_Types].xml", content_types),
        stored("_rels/.rels", &rels),
        stored("xl/workbook.xml", &book),
        stored("xl/_rels/workbook.xml.rels", &book_rels),
        Part {
            name: "xl/worksheets/sheet1.xml",
            packed: sheet_packed,
            deflated: true,
            crc: crc32fast::hash(sheet.as_bytes()),
            size: sheet.len() as u64,
        },
        strings,
    ]
}

fn truthful(parts: &[Part]) -> Vec<u8> {
    zip(parts, |p| p.size)
}

fn refused(bytes: Vec<u8>, within: Duration) -> Error {
    let started = Instant::now();
    let e = read_bytes(bytes, Some("xlsx")).unwrap_err();
    let took = started.elapsed();
    assert_eq!(e.code, ErrorCode::BadFile, "{e:?}");
    assert!(took < within, "took {took:?}");
    e
}

#[test]
fn the_hand_built_workbook_reads_at_a_small_size() {
    // The builder makes a real workbook: at a sane size it is read like any other.
    let parts = workbook_with(4, strings_part(&["Nome", "Anna", "Bruno", "Carla"]));
    let t = read_bytes(truthful(&parts), Some("xlsx")).unwrap();
    assert_eq!(t.headers, vec!["Nome"]);
    assert_eq!(t.rows.len(), 3);
    assert_eq!(t.rows.get(2).and_then(|r| r.get(0)), Some("Carla"));
    // And at 900 MB the same builder makes a workbook calamine would unpack whole (not run:
    // before the archive check it took the process to 1.7 GB).
}

#[test]
fn a_workbook_that_unpacks_to_900_mb_is_refused_before_unpacking() {
    // 90,000 rows of 10,000-character cells: 900 MB of shared strings in about a megabyte.
    let parts = workbook(90_000, 10_000);
    let bytes = truthful(&parts);
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    assert!(parts.iter().map(|p| p.size).sum::<u64>() > 900_000_000);
    let e = refused(bytes, Duration::from_secs(2));
    assert_eq!(e.params["reason"], BadFileReason::XlsxTooLarge.code());
    assert_eq!(e.params["max_mb"], (MAX_UNPACKED_BYTES >> 20).to_string());
}

#[test]
fn a_part_packed_more_than_a_hundred_times_is_refused() {
    // 150 MB, under the total limit, but packed about a thousand times.
    let e = refused(truthful(&workbook(15_000, 10_000)), Duration::from_secs(2));
    assert_eq!(e.params["reason"], BadFileReason::XlsxRatio.code());
    assert_eq!(e.params["max"], "100");
}

#[test]
fn a_workbook_whose_archive_understates_its_sizes_stops_at_the_declared_size() {
    // The directory claims 1/1000 of each part's real size: the reader stops each part at what
    // it declared, so the 900 MB are never unpacked.
    let bytes = zip(&workbook(90_000, 10_000), |p| {
        if p.name == STRINGS {
            p.size / 1000
        } else {
            p.size
        }
    });
    let e = refused(bytes, Duration::from_secs(5));
    assert_eq!(e.params["reason"], BadFileReason::BadXlsx.code());
}

#[test]
fn a_cell_longer_than_excel_allows_is_refused() {
    // Row 2's cell: one character past Excel's limit.
    let long = "é".repeat(MAX_CELL_CHARS + 1);
    let parts = workbook_with(3, strings_part(&["Nome", &long, "Anna"]));
    let e = refused(truthful(&parts), Duration::from_secs(5));
    assert_eq!(e.params["reason"], BadFileReason::CellTooLong.code());
    assert_eq!(
        (e.params["line"].as_str(), e.params["column"].as_str()),
        ("2", "A")
    );
    assert_eq!(e.params["max"], MAX_CELL_CHARS.to_string());
    // At the limit exactly, the cell is read.
    let full = "é".repeat(MAX_CELL_CHARS);
    let parts = workbook_with(3, strings_part(&["Nome", &full, "Anna"]));
    let t = read_bytes(truthful(&parts), Some("xlsx")).unwrap();
    let cell = t.rows.get(0).and_then(|r| r.get(0)).unwrap();
    assert_eq!(cell.chars().count(), MAX_CELL_CHARS);
}
