//! A supplier's deliveries per year, for its computed performance: receipts not reversed, on
//! orders that named a delivery date, read through the receipts' supplier index.

use crate::domain::purchasing::performance::{delivery_year, DeliveryYear};
use rusqlite::Connection;

/// Years of deliveries, newest first, at most `years`.
pub fn delivery_years(
    c: &Connection,
    supplier_id: i64,
    years: i64,
) -> crate::Result<Vec<DeliveryYear>> {
    Ok(c.prepare_cached(
        "SELECT CAST(substr(r.received_on, 1, 4) AS INTEGER) AS y, count(*),
                sum(r.received_on <= o.delivery_date),
                sum(CASE WHEN r.received_on > o.delivery_date
                    THEN julianday(r.received_on) - julianday(o.delivery_date) ELSE 0 END)
         FROM purchase_receipts r JOIN purchase_orders o ON o.id = r.order_id
         WHERE r.supplier_id = ?1 AND r.reversed_at IS NULL AND o.delivery_date IS NOT NULL
         GROUP BY y ORDER BY y DESC LIMIT ?2",
    )?
    .query_map(rusqlite::params![supplier_id, years], |r| {
        let late_days: f64 = r.get(3)?;
        Ok(delivery_year(
            r.get(0)?,
            r.get(1)?,
            r.get(2)?,
            late_days.round() as i64,
        ))
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
