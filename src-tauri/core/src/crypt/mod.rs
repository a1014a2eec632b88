//! Encryption at rest, optional per data folder (Settings → Security).
//!
//! One random 256-bit data key encrypts everything: the database through SQLCipher (every page,
//! the WAL's included, AES-256 with an HMAC per page) and each stored document with
//! XChaCha20-Poly1305 ([`docs`]). The data key itself is only ever on disk wrapped, in
//! `key.json` ([`keyfile`]): once under a key derived from the passphrase with Argon2id, once
//! under the recovery key shown to the person a single time ([`recovery`]). Changing the
//! passphrase rewraps the data key (one small file written atomically); encrypting and
//! decrypting rewrite the database into a new file that is checked before it replaces the old
//! one at the next start ([`convert`]).

pub mod convert;
pub mod docs;
pub mod keychain;
pub mod keyfile;
pub mod recovery;
pub mod sqlcipher;
pub mod unlock;

use sha2::{Digest, Sha256};
use std::path::Path;
use zeroize::Zeroizing;

pub use keyfile::{KeyFile, KEY_FILE};
pub use recovery::RecoveryKey;

/// The data key. Never written anywhere unwrapped; wiped from memory when dropped.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DataKey({})", self.id())
    }
}

impl DataKey {
    pub fn generate() -> Self {
        Self(Zeroizing::new(random_bytes()))
    }

    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    pub(crate) fn bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// A key for one purpose, so the database, the documents and the key's public id never
    /// share key material. The data key is uniformly random, so one hash is a sound derivation.
    fn derive(&self, purpose: &str) -> Zeroizing<[u8; 32]> {
        let mut h = Sha256::new();
        h.update(b"backoffice/");
        h.update(purpose.as_bytes());
        h.update([0u8]);
        h.update(self.0.as_slice());
        Zeroizing::new(h.finalize().into())
    }

    /// A public name for this key (16 bytes of a one-way derivation, hex): it tells a backup
    /// or a key file made with another key apart without revealing anything of this one.
    pub fn id(&self) -> String {
        hex::encode(&self.derive("id")[..16])
    }

    pub(crate) fn database(&self) -> Zeroizing<[u8; 32]> {
        self.derive("database")
    }

    pub fn documents(&self) -> docs::DocKey {
        docs::DocKey::new(self.derive("documents"))
    }
}

pub(crate) fn random_bytes<const N: usize>() -> [u8; N] {
    use argon2::password_hash::rand_core::{OsRng, RngCore};
    let mut b = [0u8; N];
    OsRng.fill_bytes(&mut b);
    b
}

/// Whether the data folder's database is encrypted (its key file is there).
pub fn is_encrypted(data_dir: &Path) -> bool {
    data_dir.join(KEY_FILE).is_file()
}
