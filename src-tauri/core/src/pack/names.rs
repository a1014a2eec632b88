//! Entry names a pack may hold: relative, '/'-separated, and safe to unpack on Windows, macOS and
//! Linux alike, so `unzip` never writes outside its folder and two entries never land on one file.

/// Longest name of one folder or file, in bytes (the common file system limit).
const MAX_PART_BYTES: usize = 255;
/// Longest whole name, in bytes.
const MAX_NAME_BYTES: usize = 1024;
/// Characters of a file name kept by [`safe_file_name`] before its extension.
const MAX_STEM_CHARS: usize = 120;

/// Characters Windows refuses in a file name, plus the folder separators.
const FORBIDDEN: &str = "\\/:*?\"<>|";

/// Why a name is refused, as a stable code: `empty`, `too_long`, `absolute`, `dot_dot`,
/// `bad_character`, `hidden_or_trailing`, `reserved`.
pub fn validate_name(name: &str) -> Result<(), &'static str> {
    if name.is_empty() {
        return Err("empty");
    }
    if name.len() > MAX_NAME_BYTES {
        return Err("too_long");
    }
    if name.starts_with(['/', '\\']) || name.get(1..2) == Some(":") {
        return Err("absolute");
    }
    // A backslash is a folder separator on Windows: `..` is looked for on both sides of it.
    if name.split(['/', '\\']).any(|part| part == "..") {
        return Err("dot_dot");
    }
    for part in name.split('/') {
        check_part(part)?;
    }
    Ok(())
}

fn check_part(part: &str) -> Result<(), &'static str> {
    if part.is_empty() {
        return Err("empty");
    }
    if part == ".." {
        return Err("dot_dot");
    }
    if part.len() > MAX_PART_BYTES {
        return Err("too_long");
    }
    if part.chars().any(|c| bad_char(c) || FORBIDDEN.contains(c)) {
        return Err("bad_character");
    }
    // A leading dot hides a file (and makes "." possible); Windows drops trailing dots and
    // spaces, so "a." and "a" would be one file there.
    if part.starts_with('.') || part.starts_with(' ') || part.ends_with('.') || part.ends_with(' ')
    {
        return Err("hidden_or_trailing");
    }
    if is_device_name(part) {
        return Err("reserved");
    }
    Ok(())
}

/// Control characters and the invisible ones that reorder or hide text, which could show
/// `invoice<U+202E>fdp.exe` as `invoiceexe.pdf`.
fn bad_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
        || c == '\u{FEFF}'
}

/// Windows' device names, which cannot be files whatever their extension.
fn is_device_name(part: &str) -> bool {
    let stem = part
        .split('.')
        .next()
        .unwrap_or(part)
        .trim_end()
        .to_ascii_uppercase();
    matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem
                .as_bytes()
                .get(3)
                .is_some_and(|b| (b'1'..=b'9').contains(b)))
}

/// A file name safe in a pack made from a name the user gave (an attachment's original name):
/// only its last part, forbidden and invisible characters turned into `_`, leading dots and
/// spaces and trailing ones dropped, the stem cut to a sane length; accents and other letters
/// are kept.
pub fn safe_file_name(user_name: &str) -> String {
    let last = user_name.rsplit(['/', '\\']).next().unwrap_or(user_name);
    let cleaned: String = last
        .chars()
        .map(|c| {
            if bad_char(c) || FORBIDDEN.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let (stem, ext) = split_extension(trimmed);
    let mut stem: String = stem.chars().take(MAX_STEM_CHARS).collect();
    let stem_trimmed = stem.trim_end_matches(['.', ' ']).len();
    stem.truncate(stem_trimmed);
    // An extension that is not short and plain is part of the name, already cut above.
    let ext: String = ext.chars().take(16).collect();
    let mut name = if stem.is_empty() {
        "file".to_owned()
    } else {
        stem
    };
    if is_device_name(&name) {
        name.insert(0, '_');
    }
    if !ext.is_empty() {
        name.push('.');
        name.push_str(&ext);
    }
    name
}

/// `("report", "pdf")` from `report.pdf`; no extension for `report` or `.pdf`.
pub(crate) fn split_extension(name: &str) -> (&str, &str) {
    match name.rfind('.') {
        Some(i) if i > 0 && i + 1 < name.len() => (&name[..i], &name[i + 1..]),
        _ => (name, ""),
    }
}

/// Whether an entry's bytes are already compressed (PDF, images, Office files, archives…), so
/// deflating them again would cost time for nothing: such entries are stored as they are.
pub fn is_precompressed(name: &str) -> bool {
    let ext = split_extension(name).1.to_ascii_lowercase();
    matches!(
        ext.as_str(),
        "pdf"
            | "p7m"
            | "jpg"
            | "jpeg"
            | "png"
            | "gif"
            | "webp"
            | "heic"
            | "heif"
            | "tif"
            | "tiff"
            | "zip"
            | "7z"
            | "gz"
            | "tgz"
            | "bz2"
            | "xz"
            | "zst"
            | "rar"
            | "docx"
            | "xlsx"
            | "pptx"
            | "odt"
            | "ods"
            | "odp"
            | "epub"
            | "mp3"
            | "mp4"
            | "m4a"
            | "mov"
            | "avi"
            | "mkv"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_could_escape_or_collide_are_refused() {
        for (name, why) in [
            ("", "empty"),
            ("/etc/passwd", "absolute"),
            ("C:/x", "absolute"),
            ("a\\b", "bad_character"),
            ("a\\..\\b", "dot_dot"),
            ("\\x", "absolute"),
            ("a/../b", "dot_dot"),
            ("..", "dot_dot"),
            ("a//b", "empty"),
            ("a/", "empty"),
            ("./a", "hidden_or_trailing"),
            ("a/b. ", "hidden_or_trailing"),
            ("a\nb", "bad_character"),
            ("a\u{202E}fdp.exe", "bad_character"),
            ("docs/CON.txt", "reserved"),
            ("lpt1", "reserved"),
        ] {
            assert_eq!(validate_name(name), Err(why), "{name:?}");
        }
        for name in [
            "evidence/Relazione è già.pdf",
            "a/b/c.txt",
            "COM10",
            "console.txt",
        ] {
            assert_eq!(validate_name(name), Ok(()), "{name:?}");
        }
    }

    #[test]
    fn a_user_file_name_becomes_a_safe_one_with_its_accents() {
        assert_eq!(
            safe_file_name("C:\\Users\\x\\Perché sì.PDF"),
            "Perché sì.PDF"
        );
        assert_eq!(safe_file_name("../../a:b?.txt"), "a_b_.txt");
        assert_eq!(safe_file_name(" .hidden. "), "hidden");
        assert_eq!(safe_file_name("..."), "file");
        assert_eq!(safe_file_name("nul.txt"), "_nul.txt");
        assert_eq!(safe_file_name("x\u{202E}fdp.exe"), "x_fdp.exe");
        let long = format!("{}.pdf", "é".repeat(300));
        let safe = safe_file_name(&long);
        assert_eq!(safe.chars().count(), MAX_STEM_CHARS + 4);
        assert_eq!(validate_name(&safe), Ok(()));
    }
}
