//! Stored documents, sealed: `BOSEAL1\0`, a random 24-byte nonce, then the content encrypted
//! with XChaCha20-Poly1305 under the documents' key, authenticated together with the
//! document's name (the SHA-256 of its content), so a sealed file moved under another name or
//! changed by one byte does not open. Plain files (stored before encryption was turned on, or
//! after it was turned off) are recognised by the missing header and read as they are: every
//! accepted type (PDF, images, office files) starts with its own signature, never this one.

use crate::error::{Error, ErrorCode};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use zeroize::Zeroizing;

pub const MAGIC: &[u8; 8] = b"BOSEAL1\0";
const NONCE: usize = 24;
/// What sealing adds to a document: header, nonce and tag.
pub const OVERHEAD: u64 = (MAGIC.len() + NONCE + 16) as u64;

#[derive(Clone)]
pub struct DocKey(Zeroizing<[u8; 32]>);

impl DocKey {
    pub(crate) fn new(k: Zeroizing<[u8; 32]>) -> Self {
        Self(k)
    }
}

pub fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(MAGIC)
}

fn aad(sha256: &str) -> Vec<u8> {
    format!("backoffice document/{sha256}").into_bytes()
}

pub fn seal(key: &DocKey, sha256: &str, plain: &[u8]) -> crate::Result<Vec<u8>> {
    let nonce: [u8; NONCE] = super::random_bytes();
    let body = XChaCha20Poly1305::new(key.0.as_ref().into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: plain,
                aad: &aad(sha256),
            },
        )
        .map_err(|_| Error::internal("the document could not be encrypted"))?;
    let mut out = Vec::with_capacity(MAGIC.len() + NONCE + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    Ok(out)
}

/// The content of stored bytes: plain ones as they are, sealed ones opened with `key`. A sealed
/// file without the key, or one that fails authentication, is an error (`reason` says which).
pub fn open(key: Option<&DocKey>, sha256: &str, bytes: Vec<u8>) -> crate::Result<Vec<u8>> {
    if !is_sealed(&bytes) {
        return Ok(bytes);
    }
    let Some(key) = key else {
        return Err(Error::new(
            ErrorCode::DbLocked,
            "this document is encrypted and the data key is not available",
        ));
    };
    let body = &bytes[MAGIC.len()..];
    if body.len() < NONCE + 16 {
        return Err(tampered(sha256));
    }
    XChaCha20Poly1305::new(key.0.as_ref().into())
        .decrypt(
            XNonce::from_slice(&body[..NONCE]),
            Payload {
                msg: &body[NONCE..],
                aad: &aad(sha256),
            },
        )
        .map_err(|_| tampered(sha256))
}

fn tampered(sha256: &str) -> Error {
    Error::new(
        ErrorCode::DbCorrupt,
        format!("the stored document {sha256} is damaged or was changed"),
    )
    .with("reason", "checksum_mismatch")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::crypt::DataKey;

    #[test]
    fn sealed_documents_open_only_with_their_key_and_name() {
        let key = DataKey::generate().documents();
        let sealed = seal(&key, "ab", b"%PDF-1.4 secret").unwrap();
        assert!(is_sealed(&sealed));
        assert_eq!(sealed.len() as u64, 15 + OVERHEAD);
        assert!(!sealed.windows(6).any(|w| w == b"secret"));
        assert_eq!(
            open(Some(&key), "ab", sealed.clone()).unwrap(),
            b"%PDF-1.4 secret"
        );
        assert_eq!(
            open(Some(&key), "cd", sealed.clone()).unwrap_err().code,
            ErrorCode::DbCorrupt
        );
        let other = DataKey::generate().documents();
        assert_eq!(
            open(Some(&other), "ab", sealed.clone()).unwrap_err().code,
            ErrorCode::DbCorrupt
        );
        assert_eq!(
            open(None, "ab", sealed.clone()).unwrap_err().code,
            ErrorCode::DbLocked
        );
        let mut flipped = sealed;
        let last = flipped.len() - 1;
        flipped[last] ^= 1;
        assert!(open(Some(&key), "ab", flipped).is_err());
        assert_eq!(
            open(None, "ab", b"%PDF plain".to_vec()).unwrap(),
            b"%PDF plain"
        );
    }
}
