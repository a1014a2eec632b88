//! Counting wrong passwords per username, to slow down guessing.

use super::{ts_parse, ts_text};
use crate::domain::lockout::wait_after;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};

/// When the username may try again, if it must wait.
pub fn blocked_until(
    conn: &Connection,
    username: &str,
    now: DateTime<Utc>,
) -> crate::Result<Option<DateTime<Utc>>> {
    let until: Option<Option<String>> = conn
        .query_row(
            "SELECT blocked_until FROM sign_in_throttle WHERE username = ?1",
            [username],
            |r| r.get(0),
        )
        .optional()?;
    let until = match until.flatten() {
        Some(s) => Some(ts_parse(&s)?),
        None => None,
    };
    Ok(until.filter(|t| *t > now))
}

/// Counts one more failure and returns the wait it now imposes.
pub fn fail(
    conn: &Connection,
    username: &str,
    now: DateTime<Utc>,
) -> crate::Result<Option<DateTime<Utc>>> {
    let failures: u32 = conn
        .query_row(
            "SELECT failures FROM sign_in_throttle WHERE username = ?1",
            [username],
            |r| r.get(0),
        )
        .optional()?
        .unwrap_or(0)
        + 1;
    let until = wait_after(failures).map(|d| now + d);
    conn.execute(
        "INSERT INTO sign_in_throttle (username, failures, blocked_until) VALUES (?1, ?2, ?3)
         ON CONFLICT (username) DO UPDATE SET failures = excluded.failures,
                                              blocked_until = excluded.blocked_until",
        params![username, failures, until.map(ts_text)],
    )?;
    Ok(until)
}

pub fn clear(conn: &Connection, username: &str) -> crate::Result<()> {
    conn.execute(
        "DELETE FROM sign_in_throttle WHERE username = ?1",
        [username],
    )?;
    Ok(())
}
