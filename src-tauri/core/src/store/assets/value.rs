//! The figures behind book values and the cost of ownership.

use crate::store::dates::date_at;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

/// The depreciation rate of a category, in basis points.
pub fn rate_of(conn: &Connection, category: i64) -> crate::Result<i64> {
    Ok(conn
        .prepare_cached("SELECT depreciation_bp FROM asset_categories WHERE id = ?1")?
        .query_row([category], |r| r.get(0))
        .optional()?
        .unwrap_or(0))
}

/// What the work log spent on an asset, in cents.
pub fn maintenance_cost(conn: &Connection, asset: i64) -> crate::Result<i64> {
    Ok(conn
        .prepare_cached(
            "SELECT coalesce(sum(cost_cents), 0) FROM maintenance_log WHERE asset_id = ?1",
        )?
        .query_row([asset], |r| r.get(0))?)
}

pub struct Costed {
    pub category_id: i64,
    pub category_it: String,
    pub category_en: Option<String>,
    pub cost_cents: i64,
    pub currency: String,
    pub purchase_date: NaiveDate,
    pub rate_bp: i64,
}

/// Every asset in use or stock with a cost and a purchase date: one pass over the table, for
/// the per-category sums (an office has thousands, a large company tens of thousands).
pub fn costed(conn: &Connection) -> crate::Result<Vec<Costed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.category_id, c.name_it, c.name_en, a.cost_cents, a.currency, a.purchase_date,
                c.depreciation_bp
         FROM assets a JOIN asset_categories c ON c.id = a.category_id
         WHERE a.cost_cents IS NOT NULL AND a.purchase_date IS NOT NULL
           AND a.status NOT IN ('retired', 'lost')
         LIMIT 1000000",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Costed {
            category_id: r.get(0)?,
            category_it: r.get(1)?,
            category_en: r.get(2)?,
            cost_cents: r.get(3)?,
            currency: r.get(4)?,
            purchase_date: date_at(r, 5)?,
            rate_bp: r.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}
