//! `SHA256SUMS` in GNU coreutils' format: `<64 hex>  <name>` per line (two spaces: text mode),
//! so `sha256sum -c SHA256SUMS` checks an unpacked pack. A name holding a backslash or a line
//! break is written the way GNU writes it: the line starts with `\` and those characters are
//! escaped (`\\`, `\n`, `\r`); our own names never hold them, but a list from elsewhere may.

use super::bad_file;
use super::names::validate_name;
use super::verify::MalformedLine;
use std::collections::HashSet;

/// One line of the list for `name` (escaped as GNU does when it must be).
pub(crate) fn line(sha256: &str, name: &str) -> String {
    if name.contains(['\\', '\n', '\r']) {
        let escaped = name
            .replace('\\', "\\\\")
            .replace('\n', "\\n")
            .replace('\r', "\\r");
        format!("\\{sha256}  {escaped}\n")
    } else {
        format!("{sha256}  {name}\n")
    }
}

/// A list as read: each well-formed line's name and lower-case hash, and the other lines.
#[derive(Debug)]
pub(crate) struct Sums {
    pub listed: Vec<(String, String)>,
    pub malformed: Vec<MalformedLine>,
}

/// The list read strictly: every well-formed line's name and lower-case hash, in file order, and
/// every other line with its number and why. A line naming a path outside the pack (`..`, an
/// absolute path) refuses the whole file: it was written to harm whoever runs `sha256sum -c`.
pub(crate) fn parse(bytes: &[u8]) -> crate::Result<Sums> {
    let mut listed = Vec::new();
    let mut malformed = Vec::new();
    let mut seen = HashSet::new();
    let body = bytes.strip_suffix(b"\n").unwrap_or(bytes);
    if body.is_empty() {
        return Ok(Sums { listed, malformed });
    }
    for (i, raw) in body.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        let bad = |reason: &'static str| MalformedLine {
            line: number,
            reason: reason.to_owned(),
            text: String::from_utf8_lossy(raw).chars().take(200).collect(),
        };
        let (hash, name) = match parse_line(raw) {
            Ok(v) => v,
            Err(reason) => {
                malformed.push(bad(reason));
                continue;
            }
        };
        if let Err(why) = validate_name(&name) {
            if matches!(why, "absolute" | "dot_dot") {
                return Err(bad_file(
                    "unsafe_name",
                    format!("SHA256SUMS line {number} names a file outside the pack: {name:?}"),
                )
                .with("line", number));
            }
            malformed.push(bad("bad_name"));
            continue;
        }
        if !seen.insert(name.to_lowercase()) {
            malformed.push(bad("duplicate"));
            continue;
        }
        listed.push((name, hash));
    }
    Ok(Sums { listed, malformed })
}

/// `(hash, name)` of one line, or why it is not a line of the format.
fn parse_line(raw: &[u8]) -> Result<(String, String), &'static str> {
    let text = std::str::from_utf8(raw).map_err(|_| "not_utf8")?;
    let (escaped, text) = match text.strip_prefix('\\') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let hash = text.get(..64).ok_or("bad_hash")?;
    if !hash.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err("bad_hash");
    }
    let rest = &text[64..];
    let name = rest
        .strip_prefix("  ")
        .or_else(|| rest.strip_prefix(" *"))
        .ok_or("bad_separator")?;
    if name.is_empty() {
        return Err("no_name");
    }
    let name = if escaped {
        unescape(name).ok_or("bad_escape")?
    } else {
        name.to_owned()
    };
    Ok((hash.to_ascii_lowercase(), name))
}

fn unescape(name: &str) -> Option<String> {
    let mut out = String::with_capacity(name.len());
    let mut chars = name.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next()? {
            '\\' => out.push('\\'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            _ => return None,
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const H: &str = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    #[test]
    fn lines_read_back_and_bad_ones_are_named() {
        let mut text = line(H, "a/b.pdf");
        text.push_str(&line(&H.to_uppercase(), "c d.txt"));
        text.push_str(&format!("{H} e.txt\n")); // one space
        text.push_str("not a line\n");
        text.push_str(&line(H, "a/b.pdf"));
        text.push_str(&format!("{H} *bin.dat\n"));
        text.push_str(&line(H, "x\\y\nz"));
        let Sums { listed, malformed } = parse(text.as_bytes()).unwrap();
        let names: Vec<_> = listed.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["a/b.pdf", "c d.txt", "bin.dat"]);
        assert!(listed.iter().all(|(_, h)| h == H));
        let bad: Vec<_> = malformed
            .iter()
            .map(|m| (m.line, m.reason.as_str()))
            .collect();
        assert_eq!(
            bad,
            [
                (3, "bad_separator"),
                (4, "bad_hash"),
                (5, "duplicate"),
                (7, "bad_name")
            ]
        );
        assert!(line(H, "x\\y\nz").starts_with(&format!("\\{H}  x\\\\y\\nz")));
    }

    #[test]
    fn a_line_reaching_outside_the_pack_refuses_the_list() {
        let text = line(H, "../../etc/passwd");
        let e = parse(text.as_bytes()).unwrap_err();
        assert_eq!(e.params["reason"], "unsafe_name");
        assert_eq!(e.params["line"], "1");
    }
}
