//! Remembering the data key in the operating system's keychain (Secret Service on Linux,
//! Credential Manager on Windows, Keychain on macOS), so the person is not asked for the
//! passphrase at every start on their own computer. Chosen per computer at the unlock screen and
//! forgotten from Settings. The keychain is unlocked by the person's own sign-in to the
//! computer: remembering trades the passphrase at start for that protection, which is why it is
//! a choice and not the default.

use super::{DataKey, KeyFile};
use crate::error::{Error, ErrorCode};
use sha2::{Digest, Sha256};
use std::path::Path;

const SERVICE: &str = "Backoffice data key";

/// One entry per data folder and key: a key from another folder is never tried.
fn entry(data_dir: &Path, key_id: &str) -> crate::Result<keyring::Entry> {
    let folder = hex::encode(&Sha256::digest(data_dir.to_string_lossy().as_bytes())[..8]);
    keyring::Entry::new(SERVICE, &format!("{key_id}@{folder}")).map_err(unavailable)
}

fn unavailable(e: keyring::Error) -> Error {
    Error::new(
        ErrorCode::DbIo,
        format!("the system keychain cannot be used: {e}"),
    )
    .with("reason", "keychain_unavailable")
}

/// Keeps `key` in the keychain for `data_dir`.
pub fn remember(data_dir: &Path, key: &DataKey) -> crate::Result<()> {
    entry(data_dir, &key.id())?
        .set_secret(key.bytes())
        .map_err(unavailable)
}

/// The key kept for `data_dir`, if there is one and it is the key of `key_file`; anything else
/// (no keychain, no entry, a stale entry) is `None`, and the passphrase is asked.
pub fn recall(data_dir: &Path, key_file: &KeyFile) -> Option<DataKey> {
    let secret = entry(data_dir, &key_file.key_id).ok()?.get_secret().ok()?;
    let bytes: [u8; 32] = zeroize::Zeroizing::new(secret).as_slice().try_into().ok()?;
    let key = DataKey::from_bytes(bytes);
    (key.id() == key_file.key_id).then_some(key)
}

/// Whether a key is kept for `data_dir` and `key_id`.
pub fn is_remembered(data_dir: &Path, key_id: &str) -> bool {
    entry(data_dir, key_id)
        .and_then(|e| e.get_secret().map_err(unavailable))
        .is_ok()
}

/// Removes the kept key (nothing kept is not an error).
pub fn forget(data_dir: &Path, key_id: &str) -> crate::Result<()> {
    match entry(data_dir, key_id)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(unavailable(e)),
    }
}
