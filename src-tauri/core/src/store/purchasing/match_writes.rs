//! Writes of the three-way match, each recorded in history in the caller's transaction: the
//! pairings and differences of an invoice (replaced whole on a re-match), the order lines'
//! invoiced quantities, a difference accepted, the invoice's status and approval, tolerances.

use super::invoice_matches::{DIFFERENCES, MATCHES, TOLERANCES};
use super::invoices::TRACKED as INVOICES;
use super::orders::LINES as ORDER_LINES;
use super::rules::RULES;
use crate::domain::purchasing::invoice::InvoiceStatus;
use crate::domain::purchasing::invoice_match::{difference_kind, DifferenceState};
use crate::domain::purchasing::match3::{Difference, LineCheck, MatchTolerances};
use crate::store::recorded;
use crate::store::tx::WriteTx;
use rusqlite::ToSql;
use std::collections::HashMap;

/// A difference as a re-match meets it again: the invoice line, the order line, its kind and
/// figures (JSON).
pub type DifferenceKey = (u32, i64, String, String);

/// Who accepted a difference, when and why.
#[derive(Debug, Clone)]
pub struct Acceptance {
    pub by: i64,
    pub at: String,
    pub reason: String,
}

/// The invoice's accepted differences, by what they are: a re-match that meets the very same
/// difference again keeps its acceptance instead of asking accounting twice.
pub fn accepted(
    c: &rusqlite::Connection,
    invoice_id: i64,
) -> crate::Result<HashMap<DifferenceKey, Acceptance>> {
    let rows = c
        .prepare_cached(
            "SELECT d.invoice_line, m.order_line_id, d.kind, d.figures, d.accepted_by,
                    d.accepted_at, d.reason
             FROM supplier_invoice_differences d
             JOIN supplier_invoice_matches m ON m.id = d.match_id
             WHERE d.invoice_id = ?1 AND d.state = 'accepted' LIMIT 20000",
        )?
        .query_map([invoice_id], |r| {
            Ok((
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?),
                Acceptance {
                    by: r.get(4)?,
                    at: r.get(5)?,
                    reason: r.get(6)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// The key of difference `d` on invoice line `invoice_line` against order line `order_line_id`.
pub fn difference_key(
    invoice_line: u32,
    order_line_id: i64,
    d: &Difference,
) -> crate::Result<DifferenceKey> {
    let figures = serde_json::to_string(d).map_err(|e| crate::Error::internal(e.to_string()))?;
    Ok((
        invoice_line,
        order_line_id,
        difference_kind(d).to_owned(),
        figures,
    ))
}

/// Deletes the invoice's pairings and their differences; returns the order lines they touched.
pub fn clear(w: &WriteTx, invoice_id: i64) -> crate::Result<Vec<i64>> {
    let c = w.conn();
    let differences: Vec<i64> = c
        .prepare_cached(
            "SELECT id FROM supplier_invoice_differences WHERE invoice_id = ?1 LIMIT 20000",
        )?
        .query_map([invoice_id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in differences {
        recorded::delete(w, &DIFFERENCES, id)?;
    }
    let matches: Vec<(i64, i64)> = c
        .prepare_cached(
            "SELECT id, order_line_id FROM supplier_invoice_matches WHERE invoice_id = ?1
             LIMIT 5000",
        )?
        .query_map([invoice_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let mut lines = Vec::with_capacity(matches.len());
    for (id, line) in matches {
        recorded::delete(w, &MATCHES, id)?;
        lines.push(line);
    }
    Ok(lines)
}

/// One checked pairing against order line `order_line_id`; returns its id.
pub fn insert_match(
    w: &WriteTx,
    invoice_id: i64,
    check: &LineCheck,
    order_line_id: i64,
) -> crate::Result<i64> {
    recorded::insert(
        w,
        &MATCHES,
        &vec![
            ("invoice_id", &invoice_id as &dyn ToSql),
            ("invoice_line", &check.invoice_line),
            ("order_id", &check.order_id),
            ("order_line_id", &order_line_id),
            ("order_line", &check.order_line),
            ("quantity_delta", &check.quantity_delta),
            ("amount_delta_cents", &check.amount_delta_cents),
        ],
    )
}

/// One difference of pairing `match_id`, open, or accepted as `kept` says (a re-match meeting
/// a difference already accepted); returns whether it is open.
pub fn insert_difference(
    w: &WriteTx,
    invoice_id: i64,
    match_id: i64,
    key: &DifferenceKey,
    kept: Option<&Acceptance>,
) -> crate::Result<bool> {
    let (invoice_line, _, kind, figures) = key;
    let mut values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("invoice_id", &invoice_id as &dyn ToSql),
        ("match_id", &match_id),
        ("invoice_line", invoice_line),
        ("kind", kind),
        ("figures", figures),
    ];
    let open = DifferenceState::Open.as_str();
    let accepted = DifferenceState::Accepted.as_str();
    match kept {
        Some(a) => {
            values.push(("state", &accepted));
            values.push(("accepted_by", &a.by));
            values.push(("accepted_at", &a.at));
            values.push(("reason", &a.reason));
        }
        None => values.push(("state", &open)),
    }
    recorded::insert(w, &DIFFERENCES, &values)?;
    Ok(kept.is_none())
}

/// The order line's invoiced quantity, net of credit notes.
pub fn set_invoiced(w: &WriteTx, order_line_id: i64, invoiced: i64) -> crate::Result<()> {
    recorded::update(
        w,
        &ORDER_LINES,
        order_line_id,
        &vec![("invoiced", &invoiced as &dyn ToSql)],
    )?;
    Ok(())
}

/// The invoice's status and its count of open differences.
pub fn set_state(
    w: &WriteTx,
    invoice_id: i64,
    status: InvoiceStatus,
    open_differences: i64,
) -> crate::Result<()> {
    let status = status.as_str();
    recorded::update(
        w,
        &INVOICES,
        invoice_id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("open_differences", &open_differences),
        ],
    )?;
    Ok(())
}

/// Accepts difference `id` by `by` for `reason`, now.
pub fn accept(w: &WriteTx, id: i64, by: i64, reason: &str) -> crate::Result<()> {
    let at = w.now_text();
    let accepted = DifferenceState::Accepted.as_str();
    recorded::update(
        w,
        &DIFFERENCES,
        id,
        &vec![
            ("state", &accepted as &dyn ToSql),
            ("accepted_by", &by),
            ("accepted_at", &at),
            ("reason", &reason),
        ],
    )?;
    Ok(())
}

/// Approves the invoice for payment by `by`, now.
pub fn approve(w: &WriteTx, invoice_id: i64, by: i64) -> crate::Result<()> {
    let at = w.now_text();
    let status = InvoiceStatus::ApprovedForPayment.as_str();
    recorded::update(
        w,
        &INVOICES,
        invoice_id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("approved_by", &by),
            ("approved_at", &at),
        ],
    )?;
    Ok(())
}

/// Sets the global tolerances (the one row of purchasing's rules, made the first time).
pub fn set_global_tolerances(w: &WriteTx, t: &MatchTolerances) -> crate::Result<()> {
    let exists: bool = w
        .conn()
        .prepare_cached("SELECT count(*) FROM purchasing_rules WHERE id = 1")?
        .query_row([], |r| r.get(0))?;
    let (above, required) = super::rules::DEFAULT_QUOTES_RULE;
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("match_qty_bp", &t.qty_bp as &dyn ToSql),
        ("match_price_bp", &t.price_bp),
        ("match_price_cents", &t.price_cents),
    ];
    if exists {
        recorded::update(w, &RULES, 1, &values)?;
    } else {
        let one = 1i64;
        let mut values = values;
        values.push(("id", &one));
        values.push(("quotes_above_cents", &above));
        values.push(("quotes_required", &required));
        recorded::insert(w, &RULES, &values)?;
    }
    Ok(())
}

/// Sets the supplier's own tolerances, or removes them (`None`: the global ones apply).
pub fn set_supplier_tolerances(
    w: &WriteTx,
    supplier_id: i64,
    existing: Option<i64>,
    t: Option<&MatchTolerances>,
) -> crate::Result<()> {
    match (existing, t) {
        (Some(id), None) => recorded::delete(w, &TOLERANCES, id),
        (None, None) => Ok(()),
        (existing, Some(t)) => {
            let values: Vec<(&'static str, &dyn ToSql)> = vec![
                ("qty_bp", &t.qty_bp as &dyn ToSql),
                ("price_bp", &t.price_bp),
                ("price_cents", &t.price_cents),
            ];
            match existing {
                Some(id) => {
                    recorded::update(w, &TOLERANCES, id, &values)?;
                }
                None => {
                    let mut values = values;
                    values.push(("supplier_id", &supplier_id));
                    recorded::insert(w, &TOLERANCES, &values)?;
                }
            }
            Ok(())
        }
    }
}
