//! Counting wrong passwords per username, to slow down guessing.
//!
//! An attempt is counted *before* its password is checked, in the same write transaction that
//! checks the wait: attempts made in parallel are serialised by the writer, so each sees the
//! ones before it and none slips past the count while another is still hashing. A right
//! password then clears the count.

use super::{ts_parse, ts_text};
use crate::domain::lockout::wait_after;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// What a password attempt may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Attempt {
    /// The name must wait until then; the attempt is refused unchecked and not counted.
    Blocked(DateTime<Utc>),
    /// The attempt is counted; if its password is wrong, the name waits until then (if at all).
    Counted(Option<DateTime<Utc>>),
}

/// Checks the wait and counts the attempt; call inside a write transaction.
pub fn begin(conn: &Connection, username: &str, now: DateTime<Utc>) -> crate::Result<Attempt> {
    let row: Option<(u32, Option<String>)> = conn
        .query_row(
            "SELECT failures, blocked_until FROM sign_in_throttle WHERE username = ?1",
            [username],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let (failures, until) = row.unwrap_or((0, None));
    if let Some(until) = until.as_deref().map(ts_parse).transpose()? {
        if until > now {
            return Ok(Attempt::Blocked(until));
        }
    }
    let failures = failures + 1;
    let until = wait_after(failures).map(|d| now + d);
    conn.execute(
        "INSERT INTO sign_in_throttle (username, failures, blocked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
                                              blocked_until = excluded.blocked_until",
        params![username, failures, until.map(ts_text)],
    )?;
    Ok(Attempt::Counted(until))
}

/// Failures counted for the name (tests and diagnostics).
pub fn failures(conn: &Connection, username: &str) -> crate::Result<u32> {
    Ok(conn
        .query_row(
            "SELECT failures FROM sign_in_throttle WHERE username = ?1",
            [username],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0))
}

pub fn clear(conn: &Connection, username: &str) -> crate::Result<()> {
    conn.execute(
        "DELETE FROM sign_in_throttle WHERE username = ?1",
        [username],
    )?;
    Ok(())
}
