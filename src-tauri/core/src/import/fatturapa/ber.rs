//! Some signing programs write the `.p7m` in BER rather than DER: lengths left open and
//! terminated by `00 00`, and the signed content cut into a constructed OCTET STRING of pieces.
//! The CMS decoder reads DER only, so such a file is rewritten first: the same values with
//! definite lengths and the pieces joined. The digest covers the content's octets and the
//! signature the signed attributes encoded afresh as DER, so neither changes.

/// Nesting of ASN.1 values in a SignedData stays far below this.
const MAX_DEPTH: usize = 64;
const OCTET_STRING: u8 = 0x04;
const OCTET_STRING_CONSTRUCTED: u8 = 0x24;

/// The DER form of `ber`, or `None` when it is not well-formed BER.
pub fn to_der(ber: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(ber.len());
    let used = value(ber, 0, &mut out)?;
    (used == ber.len()).then_some(out)
}

/// Reads one value at the start of `input`, writes its DER to `out`; returns the bytes read.
fn value(input: &[u8], depth: usize, out: &mut Vec<u8>) -> Option<usize> {
    if depth > MAX_DEPTH {
        return None;
    }
    let (tag, tag_len) = tag(input)?;
    let constructed = input[0] & 0x20 != 0;
    let (length, len_len) = length(input.get(tag_len..)?)?;
    let start = tag_len + len_len;
    let mut content = Vec::new();
    let used = match length {
        Some(n) => {
            let body = input.get(start..start.checked_add(n)?)?;
            if constructed {
                let mut at = 0;
                while at < body.len() {
                    at += value(&body[at..], depth + 1, &mut content)?;
                }
            } else {
                content.extend_from_slice(body);
            }
            start + n
        }
        None => {
            if !constructed {
                return None;
            }
            let mut at = start;
            loop {
                let rest = input.get(at..)?;
                if rest.starts_with(&[0, 0]) {
                    break at + 2;
                }
                at += value(rest, depth + 1, &mut content)?;
            }
        }
    };
    if tag == [OCTET_STRING_CONSTRUCTED] {
        // The pieces are primitive OCTET STRINGs (already rewritten): join their contents.
        let joined = join_pieces(&content)?;
        write(out, &[OCTET_STRING], &joined);
    } else {
        write(out, &input[..tag_len], &content);
    }
    Some(used)
}

fn join_pieces(der: &[u8]) -> Option<Vec<u8>> {
    let mut joined = Vec::with_capacity(der.len());
    let mut at = 0;
    while at < der.len() {
        let rest = &der[at..];
        if rest.first() != Some(&OCTET_STRING) {
            return None;
        }
        let (len, len_len) = length(rest.get(1..)?)?;
        let len = len?;
        joined.extend_from_slice(rest.get(1 + len_len..1 + len_len + len)?);
        at += 1 + len_len + len;
    }
    Some(joined)
}

/// The identifier octets (high tag numbers take several).
fn tag(input: &[u8]) -> Option<(&[u8], usize)> {
    let first = *input.first()?;
    if first & 0x1F != 0x1F {
        return Some((&input[..1], 1));
    }
    let more = input.get(1..)?.iter().position(|b| b & 0x80 == 0)?;
    let len = more + 2;
    Some((input.get(..len)?, len))
}

/// The length octets: `None` inside for the indefinite form.
fn length(input: &[u8]) -> Option<(Option<usize>, usize)> {
    let first = *input.first()?;
    if first < 0x80 {
        return Some((Some(usize::from(first)), 1));
    }
    if first == 0x80 {
        return Some((None, 1));
    }
    let n = usize::from(first & 0x7F);
    if n > 4 {
        return None;
    }
    let mut len = 0usize;
    for b in input.get(1..=n)? {
        len = len.checked_mul(256)?.checked_add(usize::from(*b))?;
    }
    Some((Some(len), 1 + n))
}

fn write(out: &mut Vec<u8>, tag: &[u8], content: &[u8]) {
    out.extend_from_slice(tag);
    let n = content.len();
    match u8::try_from(n) {
        Ok(short) if short < 0x80 => out.push(short),
        _ => {
            let bytes = n.to_be_bytes();
            let skip = bytes
                .iter()
                .position(|b| *b != 0)
                .unwrap_or(bytes.len() - 1);
            let count = u8::try_from(bytes.len() - skip).unwrap_or(8);
            out.push(0x80 | count);
            out.extend_from_slice(&bytes[skip..]);
        }
    }
    out.extend_from_slice(content);
}
