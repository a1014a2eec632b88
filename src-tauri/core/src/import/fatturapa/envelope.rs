//! What kind of file arrived: plain XML (UTF-8 with or without BOM, UTF-16, or another declared
//! encoding) or a signed `.p7m` (DER, or the same DER as Base64 text, with or without PEM
//! lines). The signed content is taken out and examined again, so a file signed twice opens too.

use super::p7m;
use super::problem::{Problem, ProblemCode};
use super::Signature;
use base64::Engine;
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// Signatures wrapped inside signatures: two levels occur, more is not an invoice.
const MAX_NESTING: usize = 3;

/// The XML text of the file, decoded to UTF-8, and what its signature said.
pub fn open(bytes: &[u8]) -> Result<(String, Signature), Problem> {
    let mut signature = Signature::None;
    let mut current = bytes.to_vec();
    for _ in 0..MAX_NESTING {
        match kind(&current) {
            Kind::Xml => return Ok((decode(&current)?, signature)),
            Kind::Der => {
                let (content, sig) = p7m::open(&current)?;
                // The outermost signature is the one the sender applied last; keep the first
                // one read, or a broken inner one.
                if matches!(signature, Signature::None) {
                    signature = sig;
                }
                current = content;
            }
            Kind::Base64(der) => current = der,
            Kind::Other => return Err(Problem::new(ProblemCode::NotXml, "")),
        }
    }
    Err(Problem::new(ProblemCode::NotSignedData, ""))
}

enum Kind {
    Xml,
    Der,
    Base64(Vec<u8>),
    Other,
}

fn kind(bytes: &[u8]) -> Kind {
    let trimmed = bytes.trim_ascii_start();
    if bytes.starts_with(b"\xEF\xBB\xBF")
        || bytes.starts_with(b"\xFF\xFE")
        || bytes.starts_with(b"\xFE\xFF")
        || trimmed.starts_with(b"<")
    {
        return Kind::Xml;
    }
    // A SEQUENCE longer than 127 bytes (a signed invoice always is): its length is in the long
    // form, or open (BER). Text starting with the digit 0 (also 0x30) is thus not taken for one.
    if bytes.first() == Some(&0x30) && bytes.get(1).is_some_and(|b| (0x80..=0x84).contains(b)) {
        return Kind::Der;
    }
    match base64_der(trimmed) {
        Some(der) => Kind::Base64(der),
        None => Kind::Other,
    }
}

/// The DER inside Base64 text: PEM `-----BEGIN …-----` lines and line breaks are dropped.
fn base64_der(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let body: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("-----"))
        .flat_map(str::chars)
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    if body.is_empty() {
        return None;
    }
    let der = base64::engine::general_purpose::STANDARD
        .decode(body.as_bytes())
        .ok()?;
    (der.first() == Some(&0x30)).then_some(der)
}

/// The document as UTF-8: a BOM decides; otherwise the XML declaration's `encoding`; otherwise
/// UTF-8 as XML requires. Bytes invalid in that encoding refuse the file rather than turning
/// into replacement characters in a supplier's name.
fn decode(bytes: &[u8]) -> Result<String, Problem> {
    let bad = || Problem::new(ProblemCode::BadEncoding, "");
    let (encoding, body) = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        (UTF_8, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        (UTF_16LE, rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        (UTF_16BE, rest)
    } else {
        let declared = declared_encoding(bytes);
        let enc = match declared {
            Some(label) => Encoding::for_label(label.as_bytes()).ok_or_else(|| {
                Problem::new(ProblemCode::BadEncoding, "").with("encoding", &label)
            })?,
            None => UTF_8,
        };
        (enc, bytes)
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(body);
    if had_errors {
        return Err(bad().with("encoding", encoding.name()));
    }
    Ok(text.into_owned())
}

/// The `encoding` pseudo-attribute of an ASCII-compatible XML declaration.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    let head = bytes.trim_ascii_start();
    if !head.starts_with(b"<?xml") {
        return None;
    }
    let end = head.windows(2).take(512).position(|w| w == b"?>")?;
    let decl = std::str::from_utf8(&head[..end]).ok()?;
    let at = decl.find("encoding")?;
    let rest = decl[at + "encoding".len()..]
        .trim_start()
        .strip_prefix('=')?;
    let rest = rest.trim_start();
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    let close = value.find(quote)?;
    Some(value[..close].trim().to_owned())
}
