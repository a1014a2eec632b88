//! Signed files in BER, as some signing programs write them: open lengths ended by `00 00`
//! and the signed content in pieces.

use super::fatturapa_p7m::{invoice_xml, sign};
use backoffice_core::import::fatturapa::{read_file, ProblemCode, Signature};

/// The DER rewritten as some signing programs write BER: every constructed value with an open
/// length ended by `00 00`, and primitive OCTET STRINGs longer than 1000 bytes cut into pieces.
fn to_ber(der: &[u8]) -> (Vec<u8>, usize) {
    let tag = der[0];
    let (len, len_len) = match der[1] {
        n if n < 0x80 => (usize::from(n), 1),
        n => {
            let k = usize::from(n & 0x7F);
            (
                der[2..2 + k]
                    .iter()
                    .fold(0, |a, b| a * 256 + usize::from(*b)),
                1 + k,
            )
        }
    };
    let body = &der[1 + len_len..1 + len_len + len];
    let used = 1 + len_len + len;
    let mut out = Vec::new();
    if tag & 0x20 != 0 {
        out.extend_from_slice(&[tag, 0x80]);
        let mut at = 0;
        while at < body.len() {
            let (child, n) = to_ber(&body[at..]);
            out.extend_from_slice(&child);
            at += n;
        }
        out.extend_from_slice(&[0, 0]);
    } else if tag == 0x04 && len > 1000 {
        out.extend_from_slice(&[0x24, 0x80]);
        for piece in body.chunks(1000) {
            let n = u16::try_from(piece.len()).unwrap().to_be_bytes();
            out.extend_from_slice(&[0x04, 0x82, n[0], n[1]]);
            out.extend_from_slice(piece);
        }
        out.extend_from_slice(&[0, 0]);
    } else {
        out.extend_from_slice(&der[..used]);
    }
    (out, used)
}

#[test]
fn a_ber_p7m_with_open_lengths_and_pieces_opens() {
    let xml = invoice_xml();
    assert!(xml.len() > 2000);
    let der = sign(xml.as_bytes());
    let (ber, used) = to_ber(&der);
    assert_eq!(used, der.len());
    assert_ne!(ber, der);
    let file = read_file("ber.xml.p7m", &ber).unwrap();
    assert!(matches!(
        file.signature,
        Signature::IntactTrustNotChecked { .. }
    ));
    assert_eq!(file.invoices[0].number, "FT-99");
    // Altered inside a piece, it is still caught.
    let mut altered = ber.clone();
    let at = altered.windows(5).position(|w| w == b"FT-99").unwrap();
    altered[at + 3] = b'7';
    assert_eq!(
        read_file("ber.p7m", &altered).unwrap_err().code,
        ProblemCode::SignatureBroken
    );
    // A cut BER file is refused, not read.
    assert_eq!(
        read_file("ber.p7m", &ber[..ber.len() - 1])
            .unwrap_err()
            .code,
        ProblemCode::NotSignedData
    );
}
