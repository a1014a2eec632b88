//! Opening the file safely: look before writing, then configure every connection the same way.

use super::migrations::{newer, APPLICATION_ID, LATEST};
use crate::crypt::{sqlcipher, DataKey};
use crate::error::{Error, ErrorCode};
use rusqlite::config::DbConfig;
use rusqlite::{Connection, OpenFlags};
use std::path::Path;
use std::time::Duration;

pub const DB_FILE_NAME: &str = "backoffice.sqlite3";
/// Read connections kept open beside the single writer.
pub const READERS: usize = 3;

/// Inspects an existing file read-only and refuses it if it is foreign, damaged or newer, or
/// if `key` does not open it.
pub fn probe(path: &Path, key: Option<&DataKey>) -> crate::Result<()> {
    let len = match std::fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => {
            return Err(Error::new(
                ErrorCode::DbIo,
                format!("{}: {e}", path.display()),
            ))
        }
    };
    if len == 0 {
        return Ok(());
    }
    let c = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    let header = (|| -> rusqlite::Result<(i32, i64, i64)> {
        let app: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let ver: i64 = c.pragma_query_value(None, "user_version", |r| r.get(0))?;
        let objects: i64 = c.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
        Ok((app, ver, objects))
    })();
    let (app, ver, objects) = header.map_err(|e| {
        if key.is_some() && sqlcipher::is_not_a_database(&e) {
            return sqlcipher::wrong_key(path);
        }
        if key.is_none() && crate::crypt::is_encrypted(path.parent().unwrap_or(path)) {
            return Error::new(ErrorCode::DbLocked, "the database is encrypted");
        }
        Error::new(
            ErrorCode::DbCorrupt,
            format!("{} cannot be read as a database: {e}", path.display()),
        )
    })?;
    if app != APPLICATION_ID {
        if app == 0 && objects == 0 {
            return Ok(()); // an empty SQLite file: safe to initialise
        }
        return Err(Error::new(
            ErrorCode::DbForeign,
            format!("{} is not a Backoffice database", path.display()),
        ));
    }
    if ver > LATEST {
        return Err(newer(ver));
    }
    Ok(())
}

/// Prepared statements kept per connection. An import runs some twenty distinct statements per
/// row; with rusqlite's default of 16 they evicted each other and every row prepared them again.
const STATEMENT_CACHE: usize = 128;
/// SQLite's automatic checkpoint threshold (its default), restored after a write that turned it
/// off to checkpoint in the background.
pub const AUTOCHECKPOINT_PAGES: i64 = 1000;
/// The page size of a new database file. A large write's commit copies every page it touched
/// into the WAL, one frame (a header, a checksum and two writes) per page: with 16 KiB pages
/// instead of SQLite's 4 KiB an import of 100,000 employees committed in a quarter of the
/// frames and took 0.2 s less (2.05 s → 1.83 s).
const PAGE_SIZE: i64 = 16 * 1024;
/// The writer's page cache, in KiB (a negative `cache_size`).
pub const WRITER_CACHE_KIB: i64 = -32 * 1024;
/// A reader's page cache on an encrypted file, in KiB (see `connect_reader`).
pub const ENCRYPTED_READER_CACHE_KIB: i64 = -64 * 1024;
/// The writer's page cache limit during a bulk write (see [`WriteTx::use_bulk_cache`]), in KiB.
/// Pages are allocated only as they are used: an import of 100,000 employees fills about 250 MB,
/// handed back when the write ends.
///
/// [`WriteTx::use_bulk_cache`]: super::WriteTx::use_bulk_cache
pub const BULK_CACHE_KIB: i64 = -1024 * 1024;

fn configure(c: &Connection) -> rusqlite::Result<()> {
    c.busy_timeout(Duration::from_secs(5))?;
    c.pragma_update(None, "foreign_keys", true)?;
    c.pragma_update(None, "synchronous", "NORMAL")?;
    // Statement journals (the undo of one statement inside a transaction) and temporary sorts in
    // memory. An employee row touches a dozen index pages; once a statement journal passed 64 KiB
    // it became a temporary file, and every later insert of a large import wrote each of those
    // pages to it with a system call.
    c.pragma_update(None, "temp_store", "MEMORY")?;
    // Plans never depend on bound values, so a prepared statement stays prepared. Without this,
    // a statement whose parameter the planner compared with a partial index's WHERE (0003's
    // active tax codes) was compiled again on every new binding: a third of an import's time
    // went to re-preparing one lookup.
    c.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG, true)?;
    c.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    super::id_set::register(c)?;
    Ok(())
}

pub fn connect(path: &Path, key: Option<&DataKey>) -> crate::Result<Connection> {
    let c = Connection::open(path).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    // Only a new, empty file takes it (before WAL mode is set); an existing file keeps its size.
    c.pragma_update(None, "page_size", PAGE_SIZE)?;
    let mode: String = c.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(Error::new(
            ErrorCode::DbIo,
            format!("WAL mode unavailable ({mode})"),
        ));
    }
    configure(&c)?;
    // The writer's page cache: a large import or the generator touches every index of the tables
    // it fills; with SQLite's default 2 MB, dirty pages spilled to the WAL mid-transaction and
    // were read back. Pages are allocated only as they are used.
    c.pragma_update(None, "cache_size", WRITER_CACHE_KIB)?;
    Ok(c)
}

pub fn connect_reader(path: &Path, key: Option<&DataKey>) -> crate::Result<Connection> {
    let c = Connection::open(path).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    sqlcipher::apply(&c, key)?;
    configure(&c)?;
    if key.is_some() {
        // An encrypted page costs a decryption and an HMAC each time it is read into the
        // connection's cache; with SQLite's 2 MB (128 pages of 16 KiB) a list page of 100 rows
        // decrypted most of its pages again on every read. Pages are allocated only as used.
        c.pragma_update(None, "cache_size", ENCRYPTED_READER_CACHE_KIB)?;
    }
    c.pragma_update(None, "query_only", true)?;
    Ok(c)
}
