//! What an import needs to know of the employees on file, read in bulk: their tax codes, the
//! ids a commit created, and the manager links a new file could close into a loop.

use rusqlite::{Connection, OptionalExtension};
use std::collections::{HashMap, HashSet};

/// The tax codes on file (any status): a row whose code is not among them creates a new file
/// without looking the code up.
pub fn tax_codes(conn: &Connection) -> crate::Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT DISTINCT tax_code FROM employees")?;
    let codes = stmt
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(codes)
}

/// Tax code → id of the employees from `first_id` on (the files an import just created).
pub fn created_from(conn: &Connection, first_id: i64) -> crate::Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare("SELECT tax_code, id FROM employees WHERE id >= ?1")?;
    let rows = stmt
        .query_map([first_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The manager on record of employee `id`, if any.
pub fn manager_of(conn: &Connection, id: i64) -> crate::Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT manager_id FROM employees WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?
        .flatten())
}

/// Every employee → manager link on record, for a walk that would otherwise ask row by row.
pub fn manager_links(conn: &Connection) -> crate::Result<HashMap<i64, i64>> {
    let mut stmt =
        conn.prepare("SELECT id, manager_id FROM employees WHERE manager_id IS NOT NULL")?;
    let map = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(map)
}
