//! Receipts against purchase orders: their declarations and reading one whole (lines and the
//! assets they created). Writes are in `receipt_writes.rs`, the lists in `receipt_list.rs`.

use crate::domain::permissions::Area;
use crate::domain::purchasing::receiving::{PurchaseReceipt, ReceiptAsset, ReceiptLine};
use crate::error::Error;
use crate::store::dates::{date_at, opt_date_at};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use rusqlite::{Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "purchase_receipts",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "order_id",
        "supplier_id",
        "received_on",
        "delivery_note",
        "delivery_note_date",
        "received_by",
        "notes",
        "reversed_at",
        "reversed_by",
        "reversal_reason",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("order_id", "purchase_orders"),
        ("supplier_id", "suppliers"),
        ("received_by", "users"),
        ("reversed_by", "users"),
    ],
    naming: Naming::Parts(&[
        Part::Ref("order_id"),
        Part::Text("received_on"),
        Part::Text("delivery_note"),
    ]),
    dates: &["received_on", "delivery_note_date"],
    instants: &["reversed_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static LINES: Tracked = Tracked {
    entity: "purchase_receipt_lines",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "receipt_id",
        "order_line_id",
        "quantity",
        "version",
        "created_at",
    ],
    references: &[
        ("receipt_id", "purchase_receipts"),
        ("order_line_id", "purchase_order_lines"),
    ],
    naming: Naming::Parts(&[Part::Ref("receipt_id"), Part::Ref("order_line_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static ASSETS: Tracked = Tracked {
    entity: "purchase_receipt_assets",
    guard: Guard::Area(Area::Purchasing),
    columns: &["id", "receipt_line_id", "asset_id", "version", "created_at"],
    references: &[
        ("receipt_line_id", "purchase_receipt_lines"),
        ("asset_id", "assets"),
    ],
    naming: Naming::Parts(&[Part::Ref("receipt_line_id"), Part::Ref("asset_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "r.id, r.order_id, o.number, r.supplier_id, s.name, r.received_on,
    r.delivery_note, r.delivery_note_date, r.received_by,
    (SELECT coalesce(full_name, username) FROM users WHERE id = r.received_by), r.notes,
    r.reversed_at, (SELECT coalesce(full_name, username) FROM users WHERE id = r.reversed_by),
    r.reversal_reason, r.version, r.created_at";

fn from_row(r: &Row) -> rusqlite::Result<PurchaseReceipt> {
    let reversed_at: Option<String> = r.get(11)?;
    Ok(PurchaseReceipt {
        id: r.get(0)?,
        order_id: r.get(1)?,
        order_number: r.get(2)?,
        supplier_id: r.get(3)?,
        supplier_name: r.get(4)?,
        received_on: date_at(r, 5)?,
        delivery_note: r.get(6)?,
        delivery_note_date: opt_date_at(r, 7)?,
        received_by: r.get(8)?,
        received_by_name: r.get::<_, Option<String>>(9)?.unwrap_or_default(),
        notes: r.get(10)?,
        reversed_at: reversed_at.as_deref().map(ts_parse).transpose()?,
        reversed_by_name: r.get(12)?,
        reversal_reason: r.get(13)?,
        lines: Vec::new(),
        version: r.get(14)?,
        created_at: ts_parse(&r.get::<_, String>(15)?)?,
    })
}

const FROM: &str = "FROM purchase_receipts r JOIN purchase_orders o ON o.id = r.order_id
    JOIN suppliers s ON s.id = r.supplier_id";

/// The lines of a receipt, in the order's line order, with the assets each created.
pub fn lines(c: &Connection, receipt_id: i64) -> crate::Result<Vec<ReceiptLine>> {
    let mut lines = c
        .prepare_cached(
            "SELECT rl.id, rl.order_line_id, ol.position, ol.description, ol.unit, rl.quantity
             FROM purchase_receipt_lines rl
             JOIN purchase_order_lines ol ON ol.id = rl.order_line_id
             WHERE rl.receipt_id = ?1 ORDER BY ol.position LIMIT 1000",
        )?
        .query_map([receipt_id], |r| {
            Ok(ReceiptLine {
                id: r.get(0)?,
                order_line_id: r.get(1)?,
                position: r.get(2)?,
                description: r.get(3)?,
                unit: r.get(4)?,
                quantity: r.get(5)?,
                assets: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut assets = c.prepare_cached(
        "SELECT a.id, a.tag FROM purchase_receipt_assets ra JOIN assets a ON a.id = ra.asset_id
         WHERE ra.receipt_line_id = ?1 ORDER BY a.tag_key LIMIT 1000",
    )?;
    for l in &mut lines {
        l.assets = assets
            .query_map([l.id], |r| {
                Ok(ReceiptAsset {
                    id: r.get(0)?,
                    tag: r.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
    }
    Ok(lines)
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<PurchaseReceipt>> {
    let Some(mut r) = c
        .prepare_cached(&format!("SELECT {COLUMNS} {FROM} WHERE r.id = ?1"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    r.lines = lines(c, id)?;
    Ok(Some(r))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<PurchaseReceipt> {
    get(c, id)?.ok_or_else(|| Error::not_found("purchase receipt"))
}

/// An order's receipts, newest first, whole; an order gets a handful of deliveries, the limit
/// keeps a runaway one readable.
pub fn of_order(c: &Connection, order_id: i64) -> crate::Result<Vec<PurchaseReceipt>> {
    let mut list = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} {FROM} WHERE r.order_id = ?1
             ORDER BY r.received_on DESC, r.id DESC LIMIT 200"
        ))?
        .query_map([order_id], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for r in &mut list {
        r.lines = lines(c, r.id)?;
    }
    Ok(list)
}

/// The over-receipt tolerance of a category, in basis points; none (0 %) without one.
pub fn tolerance_bp(c: &Connection, category_id: Option<i64>) -> crate::Result<i64> {
    let Some(id) = category_id else {
        return Ok(0);
    };
    Ok(
        c.prepare_cached("SELECT over_receipt_bp FROM purchase_categories WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?
            .unwrap_or(0),
    )
}

/// An asset a receipt created, as a reversal needs to see it.
pub struct CreatedAsset {
    pub tag: String,
    pub status: String,
    /// Someone or somewhere holds it.
    pub held: bool,
    pub notes: Option<String>,
}

pub fn created_asset(c: &Connection, asset_id: i64) -> crate::Result<Option<CreatedAsset>> {
    Ok(c.prepare_cached(
        "SELECT tag, status,
                    holder_employee_id IS NOT NULL OR holder_location_id IS NOT NULL, notes
             FROM assets WHERE id = ?1",
    )?
    .query_row([asset_id], |r| {
        Ok(CreatedAsset {
            tag: r.get(0)?,
            status: r.get(1)?,
            held: r.get(2)?,
            notes: r.get(3)?,
        })
    })
    .optional()?)
}

impl crate::store::versioned::Versioned for PurchaseReceipt {
    fn version(&self) -> i64 {
        self.version
    }
}
