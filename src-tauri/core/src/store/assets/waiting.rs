//! What the inventory has waiting for IT: warranties ending soon, leavers still holding
//! assets, hand-overs late back and inventory checks overdue. Each read from an index, at most
//! `limit` of each kind, soonest first.

use crate::store::dates::{date_at, date_text};
use chrono::NaiveDate;
use rusqlite::Connection;

pub enum Waiting {
    Warranty {
        id: i64,
        tag: String,
        name: String,
        ends: NaiveDate,
    },
    Leaver {
        id: i64,
        tag: String,
        name: String,
        holder: String,
        employee_id: i64,
        since: NaiveDate,
    },
    LateReturn {
        id: i64,
        tag: String,
        name: String,
        holder: String,
        expected: NaiveDate,
    },
    CheckDue {
        id: i64,
        tag: String,
        name: String,
        due: NaiveDate,
    },
}

pub fn waiting(
    conn: &Connection,
    today: NaiveDate,
    warranty_until: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<Waiting>> {
    let t = date_text(today);
    let mut out = Vec::new();
    let mut stmt = conn.prepare_cached(
        "SELECT id, tag, name, warranty_end FROM assets
         WHERE warranty_end >= ?1 AND warranty_end <= ?2 AND status NOT IN ('retired', 'lost')
         ORDER BY warranty_end LIMIT ?3",
    )?;
    let rows = stmt.query_map(
        rusqlite::params![t, date_text(warranty_until), limit],
        |r| {
            Ok(Waiting::Warranty {
                id: r.get(0)?,
                tag: r.get(1)?,
                name: r.get(2)?,
                ends: date_at(r, 3)?,
            })
        },
    )?;
    for w in rows {
        out.push(w?);
    }
    // People who left: few, each with their open hand-overs through the employee's index. The
    // equality lets the status index lead; `<> 'active'` made SQLite read every open hand-over.
    // Each leaver is looked up among the open hand-overs only (migration 0025): SQLite chose
    // the index of every hand-over, many times larger, on its own.
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.tag, a.name, e.last_name || ' ' || e.first_name, e.id,
                coalesce(e.termination_date, k.out_on)
         FROM employees e
         JOIN asset_checkouts k INDEXED BY asset_checkouts_open_by_employee
           ON k.employee_id = e.id AND k.in_on IS NULL
         JOIN assets a ON a.id = k.asset_id
         WHERE e.status = 'terminated'
         ORDER BY 6, a.tag_key LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(Waiting::Leaver {
            id: r.get(0)?,
            tag: r.get(1)?,
            name: r.get(2)?,
            holder: r.get(3)?,
            employee_id: r.get(4)?,
            since: date_at(r, 5)?,
        })
    })?;
    for w in rows {
        out.push(w?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.tag, a.name,
                coalesce((SELECT last_name || ' ' || first_name FROM employees WHERE id = k.employee_id),
                         (SELECT name FROM locations WHERE id = k.location_id), ''),
                k.expected_return
         FROM asset_checkouts k JOIN assets a ON a.id = k.asset_id
         WHERE k.in_on IS NULL AND k.expected_return < ?1
         ORDER BY k.expected_return LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![t, limit], |r| {
        Ok(Waiting::LateReturn {
            id: r.get(0)?,
            tag: r.get(1)?,
            name: r.get(2)?,
            holder: r.get(3)?,
            expected: date_at(r, 4)?,
        })
    })?;
    for w in rows {
        out.push(w?);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, tag, name, next_check_on FROM assets
         WHERE next_check_on < ?1 AND status NOT IN ('retired', 'lost')
         ORDER BY next_check_on LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![t, limit], |r| {
        Ok(Waiting::CheckDue {
            id: r.get(0)?,
            tag: r.get(1)?,
            name: r.get(2)?,
            due: date_at(r, 3)?,
        })
    })?;
    for w in rows {
        out.push(w?);
    }
    Ok(out)
}

/// How many items of every kind `waiting` reads wait, by the day each is due:
/// `[before long, from long to before today, from today]` (the attention bands: critical, high,
/// medium). Counted in the indexes, not read item by item.
pub fn waiting_counts(
    conn: &Connection,
    today: NaiveDate,
    warranty_until: NaiveDate,
    long: NaiveDate,
) -> crate::Result<[i64; 3]> {
    let counts = conn
        .prepare_cached(
            "SELECT coalesce(sum(d < ?3), 0), coalesce(sum(d >= ?3 AND d < ?1), 0),
                    coalesce(sum(d >= ?1), 0)
             FROM (SELECT warranty_end AS d FROM assets
                   WHERE warranty_end >= ?1 AND warranty_end <= ?2
                     AND status NOT IN ('retired', 'lost')
                   UNION ALL
                   SELECT coalesce(e.termination_date, k.out_on)
                   FROM employees e
                   JOIN asset_checkouts k INDEXED BY asset_checkouts_open_by_employee
                     ON k.employee_id = e.id AND k.in_on IS NULL
                   WHERE e.status = 'terminated'
                   UNION ALL
                   SELECT expected_return FROM asset_checkouts
                   WHERE in_on IS NULL AND expected_return < ?1
                   UNION ALL
                   SELECT next_check_on FROM assets
                   WHERE next_check_on < ?1 AND status NOT IN ('retired', 'lost'))",
        )?
        .query_row(
            rusqlite::params![date_text(today), date_text(warranty_until), date_text(long)],
            |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
        )?;
    Ok(counts)
}
