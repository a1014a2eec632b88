//! Numbered SQL migrations embedded in the binary, tracked with `PRAGMA user_version`.
//! A shipped migration is never edited: changes go in a new file.

use crate::error::{Error, ErrorCode};
use rusqlite::{Connection, TransactionBehavior};

/// Marks a file as a Backoffice database ("BOFC"), so a foreign SQLite file is never migrated.
pub const APPLICATION_ID: i32 = 0x424F_4643;

const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_foundation.sql"),
    include_str!("../../migrations/0002_accounts.sql"),
    include_str!("../../migrations/0003_staff.sql"),
    include_str!("../../migrations/0004_search.sql"),
    include_str!("../../migrations/0005_staff_list.sql"),
    include_str!("../../migrations/0006_search_content.sql"),
    include_str!("../../migrations/0007_tax_code_index.sql"),
    include_str!("../../migrations/0008_fewer_employee_indexes.sql"),
    include_str!("../../migrations/0009_search_mailbox.sql"),
    include_str!("../../migrations/0011_history_guard.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the schema up to `LATEST` in one transaction: a failed step leaves the file as it was.
pub fn apply(conn: &mut Connection) -> crate::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let current: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if current > LATEST {
        return Err(newer(current));
    }
    if current == LATEST {
        return Ok(()); // nothing to do, and nothing written to a file that may be damaged
    }
    for sql in MIGRATIONS.iter().skip(current as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", LATEST)?;
    tx.commit()?;
    Ok(())
}

pub fn newer(found: i64) -> Error {
    Error::new(
        ErrorCode::DbNewer,
        format!("database schema {found} is newer than this app supports ({LATEST})"),
    )
}
