//! `key.json`: the data key wrapped twice (under the passphrase's Argon2id key and under the
//! recovery key) with XChaCha20-Poly1305. Holding this file without either secret gives nothing;
//! a wrong passphrase fails the wrap's authentication tag and is told apart from a damaged file.

use super::recovery::RecoveryKey;
use super::DataKey;
use crate::error::{Error, ErrorCode};
use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

pub const KEY_FILE: &str = "key.json";
const FORMAT: u32 = 1;
/// The shortest passphrase accepted (characters).
pub const MIN_PASSPHRASE: usize = 10;

/// Argon2id cost: 64 MiB and three passes, about half a second on an office laptop, paid once
/// per start; every guess at a stolen key file pays it too.
const MEMORY_KIB: u32 = 64 * 1024;
const ITERATIONS: u32 = 3;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Kdf {
    pub algorithm: String,
    pub memory_kib: u32,
    pub iterations: u32,
    pub parallelism: u32,
    pub salt: String,
}

/// A wrapped data key: nonce and ciphertext with its tag, hex.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Wrapped {
    pub nonce: String,
    pub sealed: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct KeyFile {
    pub format: u32,
    /// The data key's public id ([`DataKey::id`]).
    pub key_id: String,
    pub kdf: Kdf,
    pub by_passphrase: Wrapped,
    pub by_recovery_key: Wrapped,
}

fn damaged(why: &str) -> Error {
    Error::new(
        ErrorCode::DbCorrupt,
        format!("the key file cannot be used: {why}"),
    )
    .with("file", KEY_FILE)
}

fn wrong_passphrase() -> Error {
    Error::new(ErrorCode::WrongPassphrase, "the passphrase is not right")
}

/// Checks a new passphrase: long enough, not only spaces.
pub fn check_passphrase(p: &str) -> crate::Result<()> {
    if p.trim().is_empty() {
        return Err(Error::field("passphrase", "required"));
    }
    if p.chars().count() < MIN_PASSPHRASE {
        return Err(Error::field("passphrase", "too_short").with("min", MIN_PASSPHRASE));
    }
    Ok(())
}

fn passphrase_key(p: &str, kdf: &Kdf) -> crate::Result<Zeroizing<[u8; 32]>> {
    if kdf.algorithm != "argon2id" {
        return Err(damaged("unknown key derivation"));
    }
    let salt = hex::decode(&kdf.salt).map_err(|_| damaged("salt"))?;
    let params = Params::new(kdf.memory_kib, kdf.iterations, kdf.parallelism, Some(32))
        .map_err(|_| damaged("key derivation settings"))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(p.as_bytes(), &salt, out.as_mut())
        .map_err(|e| Error::internal(format!("argon2: {e}")))?;
    Ok(out)
}

fn recovery_wrap_key(r: &RecoveryKey) -> Zeroizing<[u8; 32]> {
    // 256 random bits need no stretching; the label keeps this use apart from any other.
    let mut h = Sha256::new();
    h.update(b"backoffice/recovery\0");
    h.update(r.bytes());
    Zeroizing::new(h.finalize().into())
}

fn aad(key_id: &str, which: &str) -> Vec<u8> {
    format!("backoffice key file {FORMAT}/{which}/{key_id}").into_bytes()
}

fn wrap(wrap_key: &[u8; 32], key: &DataKey, aad: &[u8]) -> crate::Result<Wrapped> {
    let nonce: [u8; 24] = super::random_bytes();
    let sealed = XChaCha20Poly1305::new(wrap_key.into())
        .encrypt(
            XNonce::from_slice(&nonce),
            Payload {
                msg: key.bytes(),
                aad,
            },
        )
        .map_err(|_| Error::internal("the key could not be wrapped"))?;
    Ok(Wrapped {
        nonce: hex::encode(nonce),
        sealed: hex::encode(sealed),
    })
}

/// `None` when the tag does not verify (the wrong secret); a malformed entry is an error.
fn unwrap(wrap_key: &[u8; 32], w: &Wrapped, aad: &[u8]) -> crate::Result<Option<DataKey>> {
    let nonce = hex::decode(&w.nonce).map_err(|_| damaged("nonce"))?;
    let sealed = hex::decode(&w.sealed).map_err(|_| damaged("wrapped key"))?;
    if nonce.len() != 24 {
        return Err(damaged("nonce"));
    }
    let Ok(plain) = XChaCha20Poly1305::new(wrap_key.into())
        .decrypt(XNonce::from_slice(&nonce), Payload { msg: &sealed, aad })
    else {
        return Ok(None);
    };
    let plain = Zeroizing::new(plain);
    let bytes: [u8; 32] = plain
        .as_slice()
        .try_into()
        .map_err(|_| damaged("key length"))?;
    Ok(Some(DataKey::from_bytes(bytes)))
}

impl KeyFile {
    /// Wraps `key` under `passphrase` and `recovery`.
    pub fn create(passphrase: &str, key: &DataKey, recovery: &RecoveryKey) -> crate::Result<Self> {
        check_passphrase(passphrase)?;
        let salt: [u8; 16] = super::random_bytes();
        let kdf = Kdf {
            algorithm: "argon2id".into(),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            parallelism: 1,
            salt: hex::encode(salt),
        };
        let key_id = key.id();
        let by_passphrase = wrap(
            &*passphrase_key(passphrase, &kdf)?,
            key,
            &aad(&key_id, "passphrase"),
        )?;
        let by_recovery_key = wrap(&recovery_wrap_key(recovery), key, &aad(&key_id, "recovery"))?;
        Ok(Self {
            format: FORMAT,
            key_id,
            kdf,
            by_passphrase,
            by_recovery_key,
        })
    }

    /// The data key, if `passphrase` is the right one (`WrongPassphrase` otherwise).
    pub fn unlock(&self, passphrase: &str) -> crate::Result<DataKey> {
        let k = passphrase_key(passphrase, &self.kdf)?;
        let key = unwrap(&k, &self.by_passphrase, &aad(&self.key_id, "passphrase"))?
            .ok_or_else(wrong_passphrase)?;
        self.checked(key)
    }

    /// The data key, if `recovery` is this file's recovery key (`WrongPassphrase` otherwise).
    pub fn unlock_with_recovery_key(&self, recovery: &RecoveryKey) -> crate::Result<DataKey> {
        let key = unwrap(
            &recovery_wrap_key(recovery),
            &self.by_recovery_key,
            &aad(&self.key_id, "recovery"),
        )?
        .ok_or_else(wrong_passphrase)?;
        self.checked(key)
    }

    fn checked(&self, key: DataKey) -> crate::Result<DataKey> {
        if key.id() != self.key_id {
            return Err(damaged("the key does not match its id"));
        }
        Ok(key)
    }

    /// The same data key under a new passphrase (new salt); the recovery key still opens it.
    pub fn with_passphrase(&self, key: &DataKey, passphrase: &str) -> crate::Result<Self> {
        check_passphrase(passphrase)?;
        let salt: [u8; 16] = super::random_bytes();
        let kdf = Kdf {
            salt: hex::encode(salt),
            memory_kib: MEMORY_KIB,
            iterations: ITERATIONS,
            ..self.kdf.clone()
        };
        let by_passphrase = wrap(
            &*passphrase_key(passphrase, &kdf)?,
            key,
            &aad(&self.key_id, "passphrase"),
        )?;
        Ok(Self {
            kdf,
            by_passphrase,
            ..self.clone()
        })
    }

    /// The key file in `dir`, if there is one.
    pub fn load(dir: &Path) -> crate::Result<Option<Self>> {
        let path = dir.join(KEY_FILE);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(crate::files::io_error(&path, e)),
        };
        let f: Self = serde_json::from_slice(&bytes).map_err(|_| damaged("not a key file"))?;
        if f.format != FORMAT {
            return Err(damaged("made by another version"));
        }
        Ok(Some(f))
    }

    /// Writes the file into `dir` whole (a new file renamed over the old one).
    pub fn save(&self, dir: &Path) -> crate::Result<()> {
        let path = dir.join(KEY_FILE);
        let text = serde_json::to_vec_pretty(self)?;
        crate::files::write_atomically(&path, |w| crate::files::put(w, &path, &text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passphrase_and_recovery_key_both_unwrap_the_one_data_key() {
        let key = DataKey::generate();
        let rec = RecoveryKey::generate();
        let f = KeyFile::create("correct horse battery", &key, &rec).unwrap();
        assert_eq!(f.unlock("correct horse battery").unwrap().id(), key.id());
        let wrong = f.unlock("correct horse batterz").unwrap_err();
        assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
        assert_eq!(f.unlock_with_recovery_key(&rec).unwrap().id(), key.id());
        let other = RecoveryKey::generate();
        assert_eq!(
            f.unlock_with_recovery_key(&other).unwrap_err().code,
            ErrorCode::WrongPassphrase
        );
        let g = f.with_passphrase(&key, "a brand new phrase").unwrap();
        assert_eq!(g.unlock("a brand new phrase").unwrap().bytes(), key.bytes());
        assert!(g.unlock("correct horse battery").is_err());
        assert_eq!(g.unlock_with_recovery_key(&rec).unwrap().id(), key.id());
        assert_eq!(
            KeyFile::create("short", &key, &rec).unwrap_err().fields[0].code,
            "too_short"
        );
        // The file names no secret: neither the key nor the passphrase appears in it.
        let text = serde_json::to_string(&g).unwrap();
        assert!(!text.contains(&hex::encode(key.bytes())));
        assert!(!text.contains("brand new"));
    }

    #[test]
    fn a_tampered_key_file_is_refused_not_mistaken_for_a_wrong_passphrase() {
        let dir = tempfile::tempdir().unwrap();
        let key = DataKey::generate();
        let f = KeyFile::create("correct horse battery", &key, &RecoveryKey::generate()).unwrap();
        f.save(dir.path()).unwrap();
        let back = KeyFile::load(dir.path()).unwrap().unwrap();
        assert_eq!(back.unlock("correct horse battery").unwrap().id(), key.id());
        std::fs::write(dir.path().join(KEY_FILE), b"{not json").unwrap();
        assert_eq!(
            KeyFile::load(dir.path()).unwrap_err().code,
            ErrorCode::DbCorrupt
        );
        assert!(KeyFile::load(&dir.path().join("none")).unwrap().is_none());
    }
}
