//! The first free address of a subnet without reading every used one: runs of used addresses
//! are counted in the address index and skipped whole, doubling the run while they are full and
//! halving it around the first gap, so a /16 used to its last few hundred addresses costs a
//! few dozen counts instead of a row read per address.

use crate::domain::ipam::{ip_from_key, ip_sort_key};
use rusqlite::Connection;

/// A run this short is read row by row to find its gap.
const SHORT: u128 = 64;

fn key(family: u8, n: u128) -> crate::Result<String> {
    ip_from_key(family, n)
        .map(ip_sort_key)
        .ok_or_else(|| crate::Error::internal("address out of its family's range"))
}

/// Used addresses of the subnet in `from..=to`.
fn used_in(
    conn: &Connection,
    subnet: i64,
    family: u8,
    from: u128,
    to: u128,
) -> crate::Result<u128> {
    let n: i64 = conn
        .prepare_cached(
            "SELECT count(*) FROM interfaces
             WHERE subnet_id = ?1 AND ip_key IS NOT NULL AND ip_key BETWEEN ?2 AND ?3",
        )?
        .query_row(
            rusqlite::params![subnet, key(family, from)?, key(family, to)?],
            |r| r.get(0),
        )?;
    Ok(n.max(0) as u128)
}

/// The lowest address of `from..=to` not used; `None` when all are.
fn first_gap_in(
    conn: &Connection,
    subnet: i64,
    family: u8,
    from: u128,
    to: u128,
) -> crate::Result<Option<u128>> {
    let mut stmt = conn.prepare_cached(
        "SELECT ip_key FROM interfaces
         WHERE subnet_id = ?1 AND ip_key IS NOT NULL AND ip_key BETWEEN ?2 AND ?3 ORDER BY ip_key",
    )?;
    let mut rows = stmt.query(rusqlite::params![
        subnet,
        key(family, from)?,
        key(family, to)?
    ])?;
    let mut expect = from;
    while let Some(r) = rows.next()? {
        let k: String = r.get(0)?;
        if k != key(family, expect)? {
            return Ok(Some(expect));
        }
        expect += 1;
    }
    Ok((expect <= to).then_some(expect))
}

/// The first usable, unreserved address at or after `start` that is not used.
/// `stop(n)`: the last address of the run of usable, unreserved addresses that starts at `n`;
/// `settle(n)`: the first usable, unreserved address at or after `n` (past `last` when none).
pub fn first_free(
    conn: &Connection,
    subnet: i64,
    family: u8,
    start: u128,
    last: u128,
    stop: &dyn Fn(u128) -> u128,
    settle: &dyn Fn(u128) -> u128,
) -> crate::Result<Option<u128>> {
    let mut at = settle(start);
    let mut len = SHORT;
    // Once a run with a gap is found, the search stays inside it.
    let mut gap_by: Option<u128> = None;
    while at <= last {
        let mut end = at.saturating_add(len - 1).min(stop(at)).min(last);
        if let Some(b) = gap_by {
            end = end.min(b);
        }
        let n = end - at + 1;
        if used_in(conn, subnet, family, at, end)? == n {
            at = settle(end.saturating_add(1));
            if gap_by.is_none() {
                len = len.saturating_mul(2);
            }
        } else if n <= SHORT {
            return first_gap_in(conn, subnet, family, at, end);
        } else {
            gap_by = Some(end);
            len = n / 2;
        }
    }
    Ok(None)
}
