//! The three-way match's tables and reads: the confirmed pairings of an invoice, the
//! differences found, the suppliers' own tolerances, and the open order lines a match may use.
//! Writes are in `match_writes.rs`, the reports in `match_reports.rs`.

use super::orders::conversion;
use crate::domain::permissions::Area;
use crate::domain::purchasing::invoice::InvoiceStatus;
use crate::domain::purchasing::invoice_match::{DifferenceState, MatchedLine, StoredDifference};
use crate::domain::purchasing::match3::{MatchTolerances, OrderLineOpen};
use crate::domain::purchasing::vat_rate::Nature;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static MATCHES: Tracked = Tracked {
    entity: "supplier_invoice_matches",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "invoice_line",
        "order_id",
        "order_line_id",
        "order_line",
        "quantity_delta",
        "amount_delta_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("invoice_id", "supplier_invoices"),
        ("order_id", "purchase_orders"),
        ("order_line_id", "purchase_order_lines"),
    ],
    naming: Naming::Parts(&[Part::Ref("invoice_id"), Part::Ref("order_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static DIFFERENCES: Tracked = Tracked {
    entity: "supplier_invoice_differences",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "match_id",
        "invoice_line",
        "kind",
        "figures",
        "state",
        "accepted_by",
        "accepted_at",
        "reason",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("invoice_id", "supplier_invoices"),
        ("match_id", "supplier_invoice_matches"),
        ("accepted_by", "users"),
    ],
    naming: Naming::Parts(&[Part::Ref("invoice_id"), Part::Text("kind")]),
    dates: &[],
    instants: &["accepted_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static TOLERANCES: Tracked = Tracked {
    entity: "supplier_match_tolerances",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "supplier_id",
        "qty_bp",
        "price_bp",
        "price_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("supplier_id", "suppliers")],
    naming: Naming::Parts(&[Part::Ref("supplier_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The global tolerances (zero until an administrator sets them).
pub fn global_tolerances(c: &Connection) -> crate::Result<MatchTolerances> {
    Ok(c.prepare_cached(
        "SELECT match_qty_bp, match_price_bp, match_price_cents FROM purchasing_rules",
    )?
    .query_row([], |r| {
        Ok(MatchTolerances {
            qty_bp: r.get(0)?,
            price_bp: r.get(1)?,
            price_cents: r.get(2)?,
        })
    })
    .optional()?
    .unwrap_or_default())
}

/// The supplier's own tolerances, if set.
pub fn supplier_tolerances(
    c: &Connection,
    supplier_id: i64,
) -> crate::Result<Option<(i64, MatchTolerances)>> {
    Ok(c.prepare_cached(
        "SELECT id, qty_bp, price_bp, price_cents FROM supplier_match_tolerances
         WHERE supplier_id = ?1",
    )?
    .query_row([supplier_id], |r| {
        Ok((
            r.get(0)?,
            MatchTolerances {
                qty_bp: r.get(1)?,
                price_bp: r.get(2)?,
                price_cents: r.get(3)?,
            },
        ))
    })
    .optional()?)
}

const OPEN_COLUMNS: &str = "l.id, o.id, o.number, l.position, l.description, l.quantity,
    l.received, l.invoiced, l.unit_price, l.discount_bp, l.vat_rate_bp, l.vat_nature";

fn open_row(r: &Row) -> rusqlite::Result<(i64, OrderLineOpen)> {
    let nature: Option<String> = r.get(11)?;
    Ok((
        r.get(0)?,
        OrderLineOpen {
            order_id: r.get(1)?,
            order_number: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
            line_no: r.get(3)?,
            description: r.get(4)?,
            ordered: r.get(5)?,
            received: r.get(6)?,
            invoiced: r.get(7)?,
            unit_price: r.get(8)?,
            discount_bp: r.get(9)?,
            vat_rate_bp: r.get(10)?,
            nature: match nature {
                None => None,
                Some(n) => Some(Nature::parse(&n).ok_or_else(|| conversion(11, "VAT nature"))?),
            },
        },
    ))
}

/// Every line of one order (with the order line's id).
pub fn order_lines_open(c: &Connection, order_id: i64) -> crate::Result<Vec<(i64, OrderLineOpen)>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {OPEN_COLUMNS} FROM purchase_order_lines l JOIN purchase_orders o
         ON o.id = l.order_id WHERE o.id = ?1 ORDER BY l.position LIMIT 1000"
    ))?
    .query_map([order_id], open_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The supplier's other order lines still open to this kind of document, newest orders first,
/// at most `limit`: received and not all invoiced for an invoice, invoiced for a credit note.
pub fn supplier_lines_open(
    c: &Connection,
    supplier_id: i64,
    credit: bool,
    limit: i64,
) -> crate::Result<Vec<(i64, OrderLineOpen)>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {OPEN_COLUMNS} FROM purchase_orders o JOIN purchase_order_lines l
         ON l.order_id = o.id
         WHERE o.supplier_id = ?1 AND o.status IN ('approved', 'sent', 'partly_received',
               'received', 'closed')
           AND CASE WHEN ?2 THEN l.invoiced > 0 ELSE l.received > l.invoiced END
         ORDER BY o.order_date DESC, o.id DESC, l.position LIMIT ?3"
    ))?
    .query_map(params![supplier_id, credit, limit], open_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The invoice's confirmed pairings: (match id, order line id, the line as shown).
pub fn matched(c: &Connection, invoice_id: i64) -> crate::Result<Vec<(i64, i64, MatchedLine)>> {
    Ok(c.prepare_cached(
        "SELECT m.id, m.order_line_id, m.invoice_line, m.order_id, o.number, m.order_line,
                l.description, l.unit, m.quantity_delta, m.amount_delta_cents
         FROM supplier_invoice_matches m JOIN purchase_orders o ON o.id = m.order_id
         JOIN purchase_order_lines l ON l.id = m.order_line_id
         WHERE m.invoice_id = ?1 ORDER BY m.invoice_line LIMIT 5000",
    )?
    .query_map([invoice_id], |r| {
        Ok((
            r.get(0)?,
            r.get(1)?,
            MatchedLine {
                invoice_line: r.get(2)?,
                order_id: r.get(3)?,
                order_number: r.get(4)?,
                order_line: r.get(5)?,
                description: r.get(6)?,
                unit: r.get(7)?,
                quantity_delta: r.get(8)?,
                amount_delta_cents: r.get(9)?,
            },
        ))
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn differences(c: &Connection, invoice_id: i64) -> crate::Result<Vec<StoredDifference>> {
    Ok(c.prepare_cached(
        "SELECT d.id, d.invoice_line, d.figures, d.state, coalesce(u.full_name, u.username),
                d.accepted_at, d.reason
         FROM supplier_invoice_differences d LEFT JOIN users u ON u.id = d.accepted_by
         WHERE d.invoice_id = ?1 ORDER BY d.invoice_line, d.id LIMIT 5000",
    )?
    .query_map([invoice_id], |r| {
        let figures: String = r.get(2)?;
        let at: Option<String> = r.get(5)?;
        Ok(StoredDifference {
            id: r.get(0)?,
            invoice_line: r.get(1)?,
            difference: serde_json::from_str(&figures).map_err(|_| conversion(2, "JSON"))?,
            state: DifferenceState::parse(&r.get::<_, String>(3)?)
                .ok_or_else(|| conversion(3, "difference state"))?,
            accepted_by_name: r.get(4)?,
            accepted_at: at.map(|t| ts_parse(&t)).transpose()?,
            reason: r.get(6)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The invoice's match state: status, version, open differences, who approved it and when.
pub struct MatchState {
    pub status: InvoiceStatus,
    pub version: i64,
    pub open_differences: i64,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    pub supplier_id: i64,
    pub document_type: String,
}

pub fn state(c: &Connection, invoice_id: i64) -> crate::Result<Option<MatchState>> {
    Ok(c.prepare_cached(
        "SELECT i.status, i.version, i.open_differences, coalesce(u.full_name, u.username),
                i.approved_at, i.supplier_id, i.document_type
         FROM supplier_invoices i LEFT JOIN users u ON u.id = i.approved_by WHERE i.id = ?1",
    )?
    .query_row([invoice_id], |r| {
        let at: Option<String> = r.get(4)?;
        Ok(MatchState {
            status: InvoiceStatus::parse(&r.get::<_, String>(0)?)
                .ok_or_else(|| conversion(0, "invoice status"))?,
            version: r.get(1)?,
            open_differences: r.get(2)?,
            approved_by_name: r.get(3)?,
            approved_at: at.map(|t| ts_parse(&t)).transpose()?,
            supplier_id: r.get(5)?,
            document_type: r.get(6)?,
        })
    })
    .optional()?)
}

/// One difference's invoice and state.
pub fn difference_of(c: &Connection, id: i64) -> crate::Result<Option<(i64, DifferenceState)>> {
    Ok(c.prepare_cached(
        "SELECT invoice_id, state FROM supplier_invoice_differences WHERE id = ?1",
    )?
    .query_row([id], |r| {
        Ok((
            r.get(0)?,
            DifferenceState::parse(&r.get::<_, String>(1)?)
                .ok_or_else(|| conversion(1, "difference state"))?,
        ))
    })
    .optional()?)
}

/// The order line's invoiced quantity net of credit notes, summed over the match index.
pub fn invoiced(c: &Connection, order_line_id: i64) -> crate::Result<i64> {
    Ok(c.prepare_cached(
        "SELECT coalesce(sum(quantity_delta), 0) FROM supplier_invoice_matches
         WHERE order_line_id = ?1",
    )?
    .query_row([order_line_id], |r| r.get(0))?)
}

/// Whether an invoice is matched to any line of the order.
pub fn order_matched(c: &Connection, order_id: i64) -> crate::Result<bool> {
    Ok(c.prepare_cached(
        "SELECT EXISTS (SELECT 1 FROM purchase_order_lines l
                        JOIN supplier_invoice_matches m ON m.order_line_id = l.id
                        WHERE l.order_id = ?1)",
    )?
    .query_row([order_id], |r| r.get(0))?)
}
