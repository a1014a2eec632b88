//! The three-way match on plain data: a supplier invoice's lines against the order lines and
//! what was received. First suggestions (from the order reference, then from descriptions and
//! prices), then, for the pairing the user confirmed, the differences beyond the tolerances.
//!
//! Quantities are thousandths, unit prices ten-thousandths, amounts cents. A credit note's
//! lines carry positive amounts (the document type says they are credits) and reduce what
//! is matched.

use super::receipt::check_tolerance_bp;
use super::similarity::{description_score, price_score};
use super::vat_rate::Nature;
use crate::error::{Error, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// How far an invoice may differ before the difference must be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub struct MatchTolerances {
    /// Quantity invoiced beyond what was received, in basis points of the received quantity.
    pub qty_bp: i64,
    /// Line amount beyond the order's price, in basis points of the expected amount…
    pub price_bp: i64,
    /// …or in cents per line, whichever allows more.
    pub price_cents: i64,
}

impl MatchTolerances {
    pub fn validate(&self) -> crate::Result<()> {
        // At most 50 %, as the tables allow.
        let within = |field: &str, bp: i64| {
            check_tolerance_bp(field, bp).or_else(|| {
                (bp > 5_000).then(|| {
                    FieldError::new(field, "out_of_range")
                        .with("min", 0)
                        .with("max", 50)
                })
            })
        };
        let mut errors: Vec<FieldError> = [
            within("qty_bp", self.qty_bp),
            within("price_bp", self.price_bp),
        ]
        .into_iter()
        .flatten()
        .collect();
        if self.price_cents < 0 {
            errors.push(FieldError::new("price_cents", "negative"));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(errors))
        }
    }

    /// The supplier's own tolerances when set, else the global ones.
    pub fn effective(supplier: Option<Self>, global: Self) -> Self {
        supplier.unwrap_or(global)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceKind {
    Invoice,
    CreditNote,
}

impl InvoiceKind {
    /// From FatturaPA's `TipoDocumento`: TD04 (and TD08, the simplified one) are credit notes.
    pub fn from_document_type(td: &str) -> Self {
        match td.trim().to_ascii_uppercase().as_str() {
            "TD04" | "TD08" => Self::CreditNote,
            _ => Self::Invoice,
        }
    }
}

/// One line of a received invoice, as the reader or the hand entry gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceLine {
    /// `NumeroLinea`.
    pub line_no: u32,
    pub description: String,
    /// Thousandths; none when the line states only an amount.
    pub quantity: Option<i64>,
    /// Ten-thousandths (the file's price rounded half-up to four decimals).
    pub unit_price: i64,
    /// `PrezzoTotale` in cents, as stated.
    pub net_cents: i64,
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
    /// The order this line refers to (`DatiOrdineAcquisto/IdDocumento`).
    pub order_number: Option<String>,
    /// The order's line number when the supplier gave it (`NumItem`).
    pub order_line_no: Option<u32>,
}

/// An order line still open to invoicing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrderLineOpen {
    pub order_id: i64,
    pub order_number: String,
    pub line_no: u32,
    pub description: String,
    pub ordered: i64,
    /// Received so far, net of reversals.
    pub received: i64,
    /// Invoiced so far, net of credit notes.
    pub invoiced: i64,
    pub unit_price: i64,
    pub discount_bp: i64,
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
}

impl OrderLineOpen {
    /// Received and not yet invoiced.
    pub fn available(&self) -> i64 {
        (self.received - self.invoiced).max(0)
    }

    /// The unit price after the discount, ten-thousandths, rounded half-up.
    pub fn net_unit_price(&self) -> i64 {
        let n = i128::from(self.unit_price) * i128::from(10_000 - self.discount_bp);
        i64::try_from(super::money::div_round_half_up(n, 10_000)).unwrap_or(i64::MAX)
    }
}

/// A suggested order line for an invoice line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Suggestion {
    pub invoice_line: u32,
    pub order_id: i64,
    pub order_line: u32,
    /// 0 to 1000; 1000 when the invoice names this order and line.
    pub score: u16,
    /// The invoice names this line's order.
    pub by_reference: bool,
}

/// Suggestions below this score are not shown.
pub const MIN_SCORE: u16 = 250;
/// At most this many suggestions per invoice line.
pub const MAX_SUGGESTIONS: usize = 3;

/// The likely order lines for each invoice line, best first. A named order and line scores
/// 1000; lines of a named order score at least 500; any other open line scores by description
/// (70 %) and unit price (30 %).
pub fn suggest(invoice: &[InvoiceLine], open: &[OrderLineOpen]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    for inv in invoice {
        let mut scored: Vec<Suggestion> = open
            .iter()
            .map(|o| {
                let named =
                    inv.order_number.as_deref().map(str::trim) == Some(o.order_number.as_str());
                let likeness = (u32::from(description_score(&inv.description, &o.description)) * 7
                    + u32::from(price_score(inv.unit_price, o.net_unit_price())) * 3)
                    / 10;
                let score = match (named, inv.order_line_no) {
                    (true, Some(n)) if n == o.line_no => 1000,
                    (true, _) => 500 + likeness / 2,
                    (false, _) => likeness,
                };
                Suggestion {
                    invoice_line: inv.line_no,
                    order_id: o.order_id,
                    order_line: o.line_no,
                    score: u16::try_from(score).unwrap_or(1000),
                    by_reference: named,
                }
            })
            .filter(|s| s.score >= MIN_SCORE)
            .collect();
        scored.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(a.order_id.cmp(&b.order_id))
                .then(a.order_line.cmp(&b.order_line))
        });
        scored.truncate(MAX_SUGGESTIONS);
        out.extend(scored);
    }
    out
}

/// A confirmed pairing of an invoice line with an order line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Pairing {
    pub invoice_line: u32,
    pub order_id: i64,
    pub order_line: u32,
}

/// A first pairing from the suggestions: the best score first, each invoice line and each
/// order line used once; the user confirms or changes it.
pub fn first_pairing(suggestions: &[Suggestion]) -> Vec<Pairing> {
    let mut sorted = suggestions.to_vec();
    sorted.sort_by_key(|s| std::cmp::Reverse(s.score));
    let mut out: Vec<Pairing> = Vec::new();
    for s in sorted {
        let used = out.iter().any(|p| {
            p.invoice_line == s.invoice_line
                || (p.order_id, p.order_line) == (s.order_id, s.order_line)
        });
        if !used {
            out.push(Pairing {
                invoice_line: s.invoice_line,
                order_id: s.order_id,
                order_line: s.order_line,
            });
        }
    }
    out.sort_by_key(|p| p.invoice_line);
    out
}

mod check;
pub use check::{check_invoice, unmatched_lines, Difference, LineCheck};

#[cfg(test)]
mod tests;
