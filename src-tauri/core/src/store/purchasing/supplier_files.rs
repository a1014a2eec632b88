//! Suppliers' files that expire (DURC, certificates, contracts): read by date from the
//! attachments' expiry index, current versions only.

use crate::store::dates::{date_at, date_text};
use chrono::NaiveDate;
use rusqlite::Connection;

/// A supplier's file past or near its expiry.
pub struct ExpiringFile {
    pub attachment_id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub title: String,
    pub expires_on: NaiveDate,
}

/// How many files expire by `horizon`, in the bands `[more than `late_days` late, late,
/// not yet]`.
pub fn counts(
    c: &Connection,
    today: NaiveDate,
    late_days: u64,
    horizon: NaiveDate,
) -> crate::Result<[i64; 3]> {
    let long_ago = today
        .checked_sub_days(chrono::Days::new(late_days))
        .unwrap_or(today);
    Ok(c.prepare_cached(
        "SELECT count(*) FILTER (WHERE expires_on < ?1),
                count(*) FILTER (WHERE expires_on >= ?1 AND expires_on < ?2),
                count(*) FILTER (WHERE expires_on >= ?2)
         FROM attachments
         WHERE entity = 'suppliers' AND superseded_by IS NULL AND expires_on <= ?3",
    )?
    .query_row(
        rusqlite::params![date_text(long_ago), date_text(today), date_text(horizon)],
        |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
    )?)
}

/// Files expiring by `horizon`, the earliest first, at most `limit`.
pub fn expiring(
    c: &Connection,
    horizon: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<ExpiringFile>> {
    Ok(c.prepare_cached(
        "SELECT a.id, a.record_id, s.name, a.title, a.expires_on
         FROM attachments a JOIN suppliers s ON s.id = a.record_id
         WHERE a.entity = 'suppliers' AND a.superseded_by IS NULL AND a.expires_on <= ?1
         ORDER BY a.expires_on, a.id LIMIT ?2",
    )?
    .query_map(rusqlite::params![date_text(horizon), limit], |r| {
        Ok(ExpiringFile {
            attachment_id: r.get(0)?,
            supplier_id: r.get(1)?,
            supplier_name: r.get(2)?,
            title: r.get(3)?,
            expires_on: date_at(r, 4)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
