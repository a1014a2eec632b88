//! The differences of a confirmed pairing: quantity, price and VAT.

use super::{InvoiceKind, InvoiceLine, MatchTolerances, OrderLineOpen, Pairing};
use crate::domain::purchasing::totals::line_net;
use crate::domain::purchasing::vat_rate::Nature;
use crate::error::{Error, FieldError};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// A difference beyond the tolerances, to be resolved or approved with a reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Difference {
    /// More invoiced than received and not yet invoiced; for a credit note, more credited
    /// than invoiced. Thousandths.
    Quantity { invoiced: i64, available: i64 },
    /// The line's amount is not the order's price for that quantity. Unit prices in
    /// ten-thousandths (the order's after its discount), amounts in cents.
    Price {
        order_unit_price: i64,
        invoice_unit_price: i64,
        expected_cents: i64,
        invoiced_cents: i64,
    },
    /// Another VAT rate or nature than the order's.
    VatRate {
        order_rate_bp: i64,
        order_nature: Option<Nature>,
        invoice_rate_bp: i64,
        invoice_nature: Option<Nature>,
    },
}

/// One confirmed pairing, checked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineCheck {
    pub invoice_line: u32,
    pub order_id: i64,
    pub order_line: u32,
    /// What this line adds to the order line's invoiced quantity (negative for a credit note).
    pub quantity_delta: i64,
    /// What it adds to the matched amount, cents (negative for a credit note).
    pub amount_delta_cents: i64,
    pub differences: Vec<Difference>,
}

/// Checks every pairing of an invoice (or credit note). Several invoice lines on one order
/// line are taken in invoice line order, each seeing what the ones before it invoiced. A
/// pairing naming a line that does not exist is `pairings.<index>.invoice_line|order_line:
/// not_found`. An invoice line without a quantity is taken as the whole quantity received and
/// not yet invoiced; a credit note line without one adjusts only the amount.
pub fn check_invoice(
    kind: InvoiceKind,
    lines: &[InvoiceLine],
    open: &[OrderLineOpen],
    pairings: &[Pairing],
    tolerances: &MatchTolerances,
) -> crate::Result<Vec<LineCheck>> {
    tolerances.validate()?;
    let mut errors = Vec::new();
    let mut found = Vec::new();
    for (i, p) in pairings.iter().enumerate() {
        let inv = lines.iter().find(|l| l.line_no == p.invoice_line);
        let ord = open
            .iter()
            .find(|o| (o.order_id, o.line_no) == (p.order_id, p.order_line));
        if inv.is_none() {
            errors.push(FieldError::new(
                &format!("pairings.{i}.invoice_line"),
                "not_found",
            ));
        }
        if ord.is_none() {
            errors.push(FieldError::new(
                &format!("pairings.{i}.order_line"),
                "not_found",
            ));
        }
        if let (Some(inv), Some(ord)) = (inv, ord) {
            found.push((inv, ord));
        }
    }
    if !errors.is_empty() {
        return Err(Error::validation(errors));
    }
    found.sort_by_key(|(inv, _)| inv.line_no);
    let mut invoiced: HashMap<(i64, u32), i64> = HashMap::new();
    let mut out = Vec::with_capacity(found.len());
    for (inv, ord) in found {
        let so_far = invoiced
            .entry((ord.order_id, ord.line_no))
            .or_insert(ord.invoiced);
        let check = check_line(kind, inv, ord, *so_far, tolerances)?;
        *so_far += check.quantity_delta;
        out.push(check);
    }
    Ok(out)
}

fn check_line(
    kind: InvoiceKind,
    inv: &InvoiceLine,
    ord: &OrderLineOpen,
    invoiced_so_far: i64,
    tol: &MatchTolerances,
) -> crate::Result<LineCheck> {
    let too_large = || Error::field("net_cents", "too_large");
    let mut differences = Vec::new();
    let available = (ord.received - invoiced_so_far).max(0);
    let (quantity, sign) = match kind {
        InvoiceKind::Invoice => (inv.quantity.unwrap_or(available), 1),
        InvoiceKind::CreditNote => (inv.quantity.unwrap_or(0), -1),
    };
    let limit = match kind {
        InvoiceKind::Invoice => {
            let allowance = i128::from(ord.received) * i128::from(tol.qty_bp) / 10_000;
            i128::from(available) + allowance
        }
        InvoiceKind::CreditNote => i128::from(invoiced_so_far.max(0)),
    };
    if i128::from(quantity) > limit {
        differences.push(Difference::Quantity {
            invoiced: quantity,
            available: match kind {
                InvoiceKind::Invoice => available,
                InvoiceKind::CreditNote => invoiced_so_far.max(0),
            },
        });
    }
    let invoiced_cents = inv.net_cents.abs();
    let priced = kind == InvoiceKind::Invoice || inv.quantity.is_some();
    if priced {
        let expected = line_net(quantity, ord.unit_price, ord.discount_bp).ok_or_else(too_large)?;
        let by_share = i128::from(expected.abs()) * i128::from(tol.price_bp) / 10_000;
        let allowed = by_share.max(i128::from(tol.price_cents));
        if (i128::from(invoiced_cents) - i128::from(expected)).abs() > allowed {
            differences.push(Difference::Price {
                order_unit_price: ord.net_unit_price(),
                invoice_unit_price: inv.unit_price,
                expected_cents: expected,
                invoiced_cents,
            });
        }
    }
    if (inv.vat_rate_bp, inv.nature) != (ord.vat_rate_bp, ord.nature) {
        differences.push(Difference::VatRate {
            order_rate_bp: ord.vat_rate_bp,
            order_nature: ord.nature,
            invoice_rate_bp: inv.vat_rate_bp,
            invoice_nature: inv.nature,
        });
    }
    Ok(LineCheck {
        invoice_line: inv.line_no,
        order_id: ord.order_id,
        order_line: ord.line_no,
        quantity_delta: sign * quantity,
        amount_delta_cents: sign * invoiced_cents,
        differences,
    })
}

/// The invoice lines no pairing covers (shown as "not matched": a freight charge, a line of
/// another order).
pub fn unmatched_lines(lines: &[InvoiceLine], pairings: &[Pairing]) -> Vec<u32> {
    lines
        .iter()
        .map(|l| l.line_no)
        .filter(|n| !pairings.iter().any(|p| p.invoice_line == *n))
        .collect()
}

#[cfg(test)]
mod tests;
