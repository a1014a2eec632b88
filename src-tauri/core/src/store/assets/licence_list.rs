//! The licence list: search, filters and sort in SQL, one page at a time; and what the
//! attention list needs of licences.

use super::licences::{from_row, COLUMNS};
use crate::domain::assets::licence::{Licence, LicenceQuery, LicenceSort, SeatUse};
use crate::domain::page::Page;
use crate::domain::text::fold_key;
use crate::store::dates::date_text;
use crate::store::filter::Where;
use crate::store::like_pattern;
use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use rusqlite::Connection;

/// Seats held now by licence `l`.
const USED: &str =
    "(SELECT count(*) FROM licence_seats s WHERE s.licence_id = l.id AND s.released_on IS NULL)";

fn until(today: NaiveDate, days: i64) -> NaiveDate {
    today
        .checked_add_days(Days::new(days.clamp(0, 3650) as u64))
        .unwrap_or(today)
}

fn filtered(q: &LicenceQuery, today: NaiveDate) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if !q.include_retired {
        w.and_plain("l.retired = 0");
    }
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and(
            "(p.name_key LIKE ? ESCAPE '\\' OR lower(p.publisher) LIKE ? ESCAPE '\\')",
            like_pattern(&fold_key(s)),
        );
    }
    if let Some(p) = q.product_id {
        w.and("l.product_id = ?", p);
    }
    if let Some(k) = q.kind {
        w.and("l.kind = ?", k.as_str().to_owned());
    }
    if let Some(days) = q.expiring_within_days {
        w.and("l.expiry_date <= ?", date_text(until(today, days)));
    }
    match q.seat_use {
        None => {}
        Some(SeatUse::Over) => w.and_plain(&format!("{USED} > l.seats")),
        Some(SeatUse::Under) => w.and_plain(&format!("{USED} < l.seats")),
        Some(SeatUse::Full) => w.and_plain(&format!("{USED} = l.seats")),
    }
    w.into_parts()
}

pub fn list(c: &Connection, q: &LicenceQuery, today: NaiveDate) -> crate::Result<Page<Licence>> {
    let (offset, limit) = q.page.clamped();
    let (filter, mut args) = filtered(q, today);
    let from = "FROM licences l JOIN software_products p ON p.id = l.product_id";
    let total: i64 = c.query_row(
        &format!("SELECT count(*) {from}{filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let dir = q.dir.sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort {
        LicenceSort::Product => {
            format!("p.name_key {dir}, p.product_version_key {dir}, l.id {dir}")
        }
        LicenceSort::Expiry => format!("l.expiry_date IS NULL, l.expiry_date {dir}, l.id {dir}"),
        LicenceSort::Seats => format!("l.seats {dir}, l.id {dir}"),
        LicenceSort::UpdatedAt => format!("l.updated_at {dir}, l.id {dir}"),
    };
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {from}{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Licences in use that expire by `horizon`: not yet expired, or expired with seats still
/// held. Soonest first, at most `limit`.
pub fn expiring(
    c: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<Licence>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM licences l JOIN software_products p ON p.id = l.product_id
             WHERE l.retired = 0 AND l.expiry_date <= ?1
               AND (l.expiry_date >= ?2 OR {USED} > 0)
             ORDER BY l.expiry_date, l.id LIMIT ?3"
    ))?
    .query_map(
        rusqlite::params![date_text(horizon), date_text(today), limit],
        from_row,
    )?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The terms of [`expiring`]: `?1` the horizon, `?2` today.
const EXPIRING: &str = "l.retired = 0 AND l.expiry_date <= ?1
    AND (l.expiry_date >= ?2 OR (SELECT count(*) FROM licence_seats s
                                  WHERE s.licence_id = l.id AND s.released_on IS NULL) > 0)";

/// The licences [`expiring`] reads, by id with their expiry date only, soonest first, at most
/// `limit`: enough to grade them and pick the most urgent without reading their rows.
pub fn expiring_dates(
    c: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<(i64, NaiveDate)>> {
    Ok(c.prepare_cached(&format!(
        "SELECT l.id, l.expiry_date FROM licences l WHERE {EXPIRING}
         ORDER BY l.expiry_date, l.id LIMIT ?3"
    ))?
    .query_map(
        rusqlite::params![date_text(horizon), date_text(today), limit],
        |r| Ok((r.get(0)?, crate::store::dates::date_at(r, 1)?)),
    )?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many licences [`expiring`] reads expire in each band: before `long`, from `long` to
/// before `today`, from `today` (the attention bands: critical, high, medium). Counted in the
/// expiry index, not read one by one.
pub fn expiring_counts(
    c: &Connection,
    today: NaiveDate,
    horizon: NaiveDate,
    long: NaiveDate,
) -> crate::Result<[i64; 3]> {
    Ok(c.prepare_cached(&format!(
        "SELECT coalesce(sum(l.expiry_date < ?3), 0),
                coalesce(sum(l.expiry_date >= ?3 AND l.expiry_date < ?2), 0),
                coalesce(sum(l.expiry_date >= ?2), 0)
         FROM licences l WHERE {EXPIRING}"
    ))?
    .query_row(
        rusqlite::params![date_text(horizon), date_text(today), date_text(long)],
        |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
    )?)
}
