//! Writes of receipts: a delivery with its lines, the order lines' received quantities, the
//! assets a line created, and the reversal.

use super::orders::LINES as ORDER_LINES;
use super::receipts::{ASSETS, LINES, TRACKED};
use crate::domain::assets::asset::AssetStatus;
use crate::domain::purchasing::receiving::ValidReceipt;
use crate::store::assets::asset::TRACKED as ASSET;
use crate::store::dates::{date_text, opt_date_text};
use crate::store::recorded;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::ToSql;

/// The receipt's own row, received by `received_by`; its lines are added with [`add_line`].
pub fn insert(
    w: &WriteTx,
    v: &ValidReceipt,
    supplier_id: i64,
    received_by: i64,
) -> crate::Result<i64> {
    let on = date_text(v.received_on);
    let note_date = opt_date_text(v.delivery_note_date);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("order_id", &v.order_id as &dyn ToSql),
            ("supplier_id", &supplier_id),
            ("received_on", &on),
            ("delivery_note", &v.delivery_note),
            ("delivery_note_date", &note_date),
            ("received_by", &received_by),
            ("notes", &v.notes),
        ],
    )
}

pub fn add_line(
    w: &WriteTx,
    receipt_id: i64,
    order_line_id: i64,
    quantity: i64,
) -> crate::Result<i64> {
    recorded::insert(
        w,
        &LINES,
        &vec![
            ("receipt_id", &receipt_id as &dyn ToSql),
            ("order_line_id", &order_line_id),
            ("quantity", &quantity),
        ],
    )
}

pub fn link_asset(w: &WriteTx, receipt_line_id: i64, asset_id: i64) -> crate::Result<()> {
    recorded::insert(
        w,
        &ASSETS,
        &vec![
            ("receipt_line_id", &receipt_line_id as &dyn ToSql),
            ("asset_id", &asset_id),
        ],
    )?;
    Ok(())
}

/// The order line's received quantity, net of reversals.
pub fn set_received(w: &WriteTx, order_line_id: i64, received: i64) -> crate::Result<()> {
    recorded::update(
        w,
        &ORDER_LINES,
        order_line_id,
        &vec![("received", &received as &dyn ToSql)],
    )?;
    Ok(())
}

/// Marks the receipt reversed now by `by`, for `reason`.
pub fn reverse(w: &WriteTx, id: i64, by: i64, reason: &str) -> crate::Result<()> {
    let at = w.now_text();
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("reversed_at", &at as &dyn ToSql),
            ("reversed_by", &by),
            ("reversal_reason", &reason),
        ],
    )?;
    Ok(())
}

/// An asset a reversed receipt had created goes out of the inventory: retired on `on`, with
/// the reason in its notes. It is kept rather than deleted so its tag is never given again
/// and its history stays readable.
pub fn retire_asset(w: &WriteTx, asset_id: i64, on: NaiveDate, notes: &str) -> crate::Result<()> {
    let status = AssetStatus::Retired.as_str();
    let on = date_text(on);
    recorded::update(
        w,
        &ASSET,
        asset_id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("status_date", &on),
            ("notes", &notes),
        ],
    )?;
    Ok(())
}

/// The ids of the assets a receipt's lines created.
pub fn assets_of(c: &rusqlite::Connection, receipt_id: i64) -> crate::Result<Vec<i64>> {
    Ok(c.prepare_cached(
        "SELECT ra.asset_id FROM purchase_receipt_assets ra
             JOIN purchase_receipt_lines rl ON rl.id = ra.receipt_line_id
             WHERE rl.receipt_id = ?1 ORDER BY ra.asset_id LIMIT 10000",
    )?
    .query_map([receipt_id], |r| r.get(0))?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
