//! The FatturaPA reader: Italian e-invoices (format 1.2.x, FPR12 between businesses and FPA12
//! to public administrations) as the SdI delivers them, plain or signed (`.xml.p7m`).
//!
//! [`read_file`] takes the bytes of one file and returns every invoice in it (one per
//! `FatturaElettronicaBody`, all sharing the header), or the one [`Problem`] that refuses the
//! whole file. Nothing is stored here; purchasing's import calls this and decides.

mod amount;
mod ber;
mod body;
mod checks;
mod cursor;
mod envelope;
mod extras;
mod goods;
mod header;
pub mod invoice;
mod p7m;
pub mod problem;
mod xml;

pub use amount::Decimal;
pub use extras::MAX_ATTACHMENT_BYTES;
pub use invoice::{
    Address, Adjustment, Attachment, DocumentType, Format, Line, OrderRef, Party, Payment,
    ReadInvoice, VatSummary,
};
pub use problem::{Problem, ProblemCode};

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;

/// Larger files are refused before they are read: a year's largest invoices with their
/// attached PDFs stay well below.
pub const MAX_FILE_BYTES: usize = 20 * 1024 * 1024;

/// What the signature of a `.p7m` says. An altered file is not a variant: it is refused with
/// the `signature_broken` problem, so no caller can import its content by mistake.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "FatturaPaSignature")]
pub enum Signature {
    /// A plain XML file.
    None,
    /// The content is exactly what was signed, by the key of the certificate in the file
    /// (`signer` is its CN). Whether that certificate is trusted, current or revoked is NOT
    /// checked: that needs the qualified authorities' lists online.
    IntactTrustNotChecked { signer: Option<String> },
    /// Signed with an algorithm this reader does not verify (`reason`: `rsa_pss`, `curve`,
    /// `digest_algorithm`, `key_algorithm`, `no_certificate`): the content is read, but
    /// nothing is known of its integrity.
    NotChecked {
        signer: Option<String>,
        reason: String,
    },
}

/// One file as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaFile")]
pub struct ReadFile {
    pub file_name: String,
    /// Of the bytes as received (the `.p7m` itself for a signed file), lowercase hex.
    pub sha256: String,
    pub signature: Signature,
    pub invoices: Vec<ReadInvoice>,
    /// Warnings about the file as a whole; each invoice has its own too.
    pub warnings: Vec<Problem>,
}

/// Reads one FatturaPA file, `.xml` or `.xml.p7m`. Every refusal names `file_name`.
pub fn read_file(file_name: &str, bytes: &[u8]) -> Result<ReadFile, Problem> {
    read(bytes)
        .map_err(|p| p.in_file(file_name))
        .map(|(signature, invoices)| {
            let invoices = invoices
                .into_iter()
                .map(|mut inv| {
                    for w in &mut inv.warnings {
                        file_name.clone_into(&mut w.file);
                    }
                    inv
                })
                .collect();
            ReadFile {
                file_name: file_name.to_owned(),
                sha256: hex::encode(Sha256::digest(bytes)),
                signature,
                invoices,
                warnings: Vec::new(),
            }
        })
}

fn read(bytes: &[u8]) -> Result<(Signature, Vec<ReadInvoice>), Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::new(ProblemCode::TooLarge, "").with("max_mb", MAX_FILE_BYTES >> 20));
    }
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(Problem::new(ProblemCode::NotXml, ""));
    }
    let (text, signature) = envelope::open(bytes)?;
    let root = xml::parse(&text)?;
    let at = cursor::At::new(&root, "");
    let header = header::read(at)?;
    let bodies = at.all("FatturaElettronicaBody");
    if bodies.is_empty() {
        return Err(at.missing("FatturaElettronicaBody"));
    }
    let invoices = bodies
        .iter()
        .enumerate()
        .map(|(i, b)| body::read(&header, b.at(), i + 1))
        .collect::<Result<Vec<_>, _>>()?;
    Ok((signature, invoices))
}
