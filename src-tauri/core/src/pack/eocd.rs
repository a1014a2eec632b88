//! How many entries an archive declares, read from its end record (and the ZIP64 one when it
//! points to it) before the zip reader is given the file: the reader builds its directory for
//! as many entries as the end record announces, so a hostile count is refused first.

use super::bad_file;
use std::io::{Read, Seek, SeekFrom};

const END: [u8; 4] = [b'P', b'K', 5, 6];
const END_LEN: u64 = 22;
const LOCATOR: [u8; 4] = [b'P', b'K', 6, 7];
const END64: [u8; 4] = [b'P', b'K', 6, 6];
/// The end record, then a comment of at most 65,535 bytes.
const TAIL: u64 = END_LEN + 65_535;

/// The number of entries the archive's end records declare; `bad_file` when there is none
/// (not a ZIP, or a ZIP cut short).
pub(crate) fn declared_entries<R: Read + Seek>(file: &mut R) -> crate::Result<u64> {
    let not_zip = || {
        bad_file(
            "not_zip",
            "the file is not a ZIP archive, or it was cut short",
        )
    };
    let io = |e: std::io::Error| bad_file("unreadable", format!("the file cannot be read: {e}"));
    let len = file.seek(SeekFrom::End(0)).map_err(io)?;
    if len < END_LEN {
        return Err(not_zip());
    }
    let start = len.saturating_sub(TAIL);
    file.seek(SeekFrom::Start(start)).map_err(io)?;
    let mut tail = Vec::new();
    file.take(TAIL).read_to_end(&mut tail).map_err(io)?;
    // The last signature whose comment ends exactly at the end of the file.
    let at = (0..=tail.len().saturating_sub(END_LEN as usize))
        .rev()
        .find(|&i| {
            tail.get(i..i + 4) == Some(&END[..])
                && u16_at(&tail, i + 20)
                    .is_some_and(|c| i + END_LEN as usize + c as usize == tail.len())
        })
        .ok_or_else(not_zip)?;
    let count = u16_at(&tail, at + 10).ok_or_else(not_zip)?;
    if count != u16::MAX {
        return Ok(u64::from(count));
    }
    // 0xFFFF: the real count is in the ZIP64 end record, which the locator before this points to.
    let Some(locator) = at.checked_sub(20).and_then(|l| tail.get(l..at)) else {
        return Ok(u64::from(count));
    };
    if locator.get(..4) != Some(&LOCATOR[..]) {
        return Ok(u64::from(count));
    }
    let offset = u64_at(locator, 8).ok_or_else(not_zip)?;
    if offset >= len {
        return Err(not_zip());
    }
    file.seek(SeekFrom::Start(offset)).map_err(io)?;
    let mut record = [0u8; 56];
    file.read_exact(&mut record).map_err(|_| not_zip())?;
    if record.get(..4) != Some(&END64[..]) {
        return Err(not_zip());
    }
    u64_at(&record, 32).ok_or_else(not_zip)
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u64_at(b: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(b.get(at..at + 8)?.try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Cursor, Write};

    #[test]
    fn the_count_is_read_from_a_real_archive_and_a_cut_one_is_not_a_zip() {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..3 {
            zip.start_file(format!("f{i}"), zip::write::SimpleFileOptions::default())
                .unwrap();
            zip.write_all(b"x").unwrap();
        }
        zip.set_comment("a comment PK\u{5}\u{6}").unwrap();
        let bytes = zip.finish().unwrap().into_inner();
        assert_eq!(declared_entries(&mut Cursor::new(&bytes)).unwrap(), 3);
        let cut = &bytes[..bytes.len() - 30];
        let e = declared_entries(&mut Cursor::new(cut)).unwrap_err();
        assert_eq!(e.params["reason"], "not_zip");
        let e = declared_entries(&mut Cursor::new(b"%PDF-1.7 not a zip".to_vec())).unwrap_err();
        assert_eq!(e.params["reason"], "not_zip");
    }
}
