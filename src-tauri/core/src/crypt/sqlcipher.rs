//! Giving a connection the data key, and copying a database into an encrypted or a plain file.
//!
//! The key is given raw (`x'…'`), so SQLCipher skips its own passphrase derivation: the
//! passphrase was stretched once, with Argon2id, when the key file was opened, and each of the
//! store's connections opens in microseconds. Pages are 16 KiB like the plain file's (see
//! `store::open`), which also means one HMAC per 16 KiB instead of per 4.

use super::DataKey;
use crate::error::{Error, ErrorCode};
use rusqlite::Connection;
use std::path::Path;
use zeroize::Zeroizing;

/// SQLCipher's page size for our files; must be the same at every open.
pub const CIPHER_PAGE_SIZE: i64 = 16 * 1024;
/// The page HMAC. SHA-256 rather than SQLCipher's default SHA-512: processors of the last years
/// compute it in hardware (SHA extensions), about twice as fast here (OpenSSL: 1.56 GB/s against
/// 0.73 GB/s on 16 KiB), and a 256-bit HMAC is no weaker as a page checksum. Fixed per file,
/// like the page size.
const HMAC: &str = "HMAC_SHA256";

fn key_literal(key: &DataKey) -> Zeroizing<String> {
    Zeroizing::new(format!("\"x'{}'\"", hex::encode(key.database().as_slice())))
}

/// Gives `c` the key; nothing happens for a plain database (`None`). Must come before anything
/// reads the file.
pub fn apply(c: &Connection, key: Option<&DataKey>) -> crate::Result<()> {
    let Some(key) = key else {
        return Ok(());
    };
    let sql = Zeroizing::new(format!(
        "PRAGMA key = {}; PRAGMA cipher_page_size = {CIPHER_PAGE_SIZE}; \
         PRAGMA cipher_hmac_algorithm = {HMAC};",
        &*key_literal(key)
    ));
    c.execute_batch(&sql)?;
    Ok(())
}

/// The error for a key that does not open the file: SQLite says "file is not a database".
pub fn wrong_key(path: &Path) -> Error {
    Error::new(
        ErrorCode::WrongKey,
        format!("{}: this key does not open this database", path.display()),
    )
}

/// Whether SQLite's error means the file's pages could not be read as a database (a wrong or
/// missing key, or not a database at all).
pub fn is_not_a_database(e: &rusqlite::Error) -> bool {
    matches!(e, rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase)
}

/// Copies everything `from` holds into the new file `target`, encrypted with `key` or plain
/// (`None`), keeping the file's identity (`application_id`) and schema version, which
/// `sqlcipher_export` leaves behind.
pub fn export(from: &Connection, target: &Path, key: Option<&DataKey>) -> crate::Result<()> {
    let literal = match key {
        Some(k) => key_literal(k),
        None => Zeroizing::new("''".to_owned()),
    };
    // An empty file is a new database to SQLite; creating it here lets a connection opened
    // without SQLITE_OPEN_CREATE (the backup's) attach it.
    crate::private::create_file(target).map_err(|e| crate::files::io_error(target, e))?;
    let path = target.to_string_lossy().replace('\'', "''");
    from.execute_batch(&Zeroizing::new(format!(
        "ATTACH DATABASE '{path}' AS converted KEY {};",
        &*literal
    )))?;
    let result = (|| -> rusqlite::Result<()> {
        if key.is_some() {
            from.execute_batch(&format!(
                "PRAGMA converted.cipher_page_size = {CIPHER_PAGE_SIZE}; \
                 PRAGMA converted.cipher_hmac_algorithm = {HMAC};"
            ))?;
        }
        from.execute_batch(&format!(
            "PRAGMA converted.page_size = {CIPHER_PAGE_SIZE}; \
             PRAGMA converted.journal_mode = DELETE;"
        ))?;
        // One read transaction: the copy is one moment of the data while writers go on.
        from.execute_batch("BEGIN")?;
        let copied = (|| {
            from.query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))?;
            let app: i64 = from.pragma_query_value(None, "application_id", |r| r.get(0))?;
            let version: i64 = from.pragma_query_value(None, "user_version", |r| r.get(0))?;
            from.execute_batch(&format!(
                "PRAGMA converted.application_id = {app}; \
                 PRAGMA converted.user_version = {version};"
            ))?;
            from.execute_batch("COMMIT")
        })();
        if copied.is_err() {
            let _ = from.execute_batch("ROLLBACK");
        }
        copied
    })();
    let detached = from.execute_batch("DETACH DATABASE converted");
    result?;
    detached?;
    Ok(())
}
