//! Offers side by side: per requisition line each supplier's price, the cheapest per line and
//! in total among the offers still valid; the rule for choosing (a reason when the choice is
//! not the cheapest, never an expired offer or a blocked supplier's); and whether an order met
//! the purchasing rule on quotes ("3 quotes above 5.000 €").

use super::requisition::RequisitionLine;
use super::requisition_state::RfqState;
use super::rfq::Rfq;
use crate::error::{Error, ErrorCode, FieldError};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One supplier's column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfferColumn {
    pub rfq_id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub status: RfqState,
    pub total_cents: i64,
    pub delivery_days: i64,
    pub valid_until: NaiveDate,
    /// Past its validity today.
    pub expired: bool,
    pub supplier_blocked: bool,
    /// Still valid and not from a blocked supplier: it counts and may be chosen.
    pub valid: bool,
    /// The lowest total among the valid offers (ties all marked).
    pub cheapest: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OfferCell {
    pub unit_price: i64,
    pub discount_bp: i64,
    pub net_cents: i64,
    /// The lowest net for this line among the valid offers.
    pub cheapest: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ComparisonLine {
    pub requisition_line_id: i64,
    pub description: String,
    pub quantity: i64,
    pub unit: String,
    /// One per column, in the columns' order; none when that offer has no price for the line.
    pub cells: Vec<Option<OfferCell>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuoteComparison {
    pub columns: Vec<OfferColumn>,
    pub lines: Vec<ComparisonLine>,
    /// Valid offers: what the quotes rule counts.
    pub valid_offers: i64,
}

/// The comparison of the offers received for a requisition's lines, as of `today`.
pub fn compare(asked: &[RequisitionLine], rfqs: &[Rfq], today: NaiveDate) -> QuoteComparison {
    let answered: Vec<&Rfq> = rfqs.iter().filter(|r| r.offer.is_some()).collect();
    let mut columns: Vec<OfferColumn> = answered
        .iter()
        .filter_map(|r| {
            let o = r.offer.as_ref()?;
            let expired = o.valid_until < today;
            Some(OfferColumn {
                rfq_id: r.id,
                supplier_id: r.supplier_id,
                supplier_name: r.supplier_name.clone(),
                status: r.status,
                total_cents: o.total_cents,
                delivery_days: o.delivery_days,
                valid_until: o.valid_until,
                expired,
                supplier_blocked: r.supplier_blocked,
                valid: !expired && !r.supplier_blocked,
                cheapest: false,
            })
        })
        .collect();
    let min_total = columns
        .iter()
        .filter(|c| c.valid)
        .map(|c| c.total_cents)
        .min();
    for c in &mut columns {
        c.cheapest = c.valid && Some(c.total_cents) == min_total;
    }
    let lines = asked
        .iter()
        .map(|a| {
            let mut cells: Vec<Option<OfferCell>> = answered
                .iter()
                .map(|r| {
                    let o = r.offer.as_ref()?;
                    let l = o.lines.iter().find(|l| l.requisition_line_id == a.id)?;
                    Some(OfferCell {
                        unit_price: l.unit_price,
                        discount_bp: l.discount_bp,
                        net_cents: l.net_cents,
                        cheapest: false,
                    })
                })
                .collect();
            let min = cells
                .iter()
                .zip(&columns)
                .filter(|(_, c)| c.valid)
                .filter_map(|(cell, _)| cell.as_ref().map(|x| x.net_cents))
                .min();
            for (cell, col) in cells.iter_mut().zip(&columns) {
                if let Some(x) = cell {
                    x.cheapest = col.valid && Some(x.net_cents) == min;
                }
            }
            ComparisonLine {
                requisition_line_id: a.id,
                description: a.description.clone(),
                quantity: a.quantity,
                unit: a.unit.clone(),
                cells,
            }
        })
        .collect();
    let valid_offers = columns.iter().filter(|c| c.valid).count();
    QuoteComparison {
        columns,
        lines,
        valid_offers: i64::try_from(valid_offers).unwrap_or(i64::MAX),
    }
}

/// Whether the offer of `rfq_id` may be chosen, and the reason to keep: refused when expired
/// or from a blocked supplier; a reason is required when a valid offer costs less.
pub fn check_choice(
    cmp: &QuoteComparison,
    rfq_id: i64,
    reason: Option<&str>,
) -> crate::Result<Option<String>> {
    let col = cmp
        .columns
        .iter()
        .find(|c| c.rfq_id == rfq_id)
        .ok_or_else(|| {
            Error::new(ErrorCode::BadTransition, "the supplier has sent no offer")
                .with("reason", "no_offer")
        })?;
    if col.supplier_blocked {
        return Err(
            Error::new(ErrorCode::BadTransition, "the supplier is blocked")
                .with("reason", "supplier_blocked"),
        );
    }
    if col.expired {
        return Err(
            Error::new(ErrorCode::BadTransition, "the offer is no longer valid")
                .with("reason", "offer_expired"),
        );
    }
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    if let Some(r) = reason {
        if r.chars().count() > 2000 {
            return Err(Error::validation(vec![FieldError::new(
                "reason", "too_long",
            )
            .with("max", 2000)]));
        }
    }
    if !col.cheapest && reason.is_none() {
        return Err(Error::validation(vec![FieldError::new(
            "reason",
            "not_cheapest",
        )]));
    }
    Ok(reason.map(str::to_owned))
}

/// The purchasing rule on quotes as an administrator sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct QuotesRuleSetting {
    /// Net amount in euro cents above which quotes are needed; none: no rule.
    pub above_cents: Option<i64>,
    pub required: i64,
}

/// The purchasing rule on quotes as it applies to one order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuotesRule {
    /// Net amount in euro cents above which the rule asks for quotes.
    pub above_cents: i64,
    pub required: i64,
    /// The order's net is above the threshold.
    pub applies: bool,
    /// Valid offers compared when the order was made (none when not made from quotes).
    pub received: i64,
    pub met: bool,
}

/// The rule's result for an order of `amount_cents` made after comparing `compared` offers;
/// none when no threshold is set.
pub fn quotes_rule(
    above_cents: Option<i64>,
    required: i64,
    amount_cents: i64,
    compared: Option<i64>,
) -> Option<QuotesRule> {
    let above = above_cents?;
    let applies = amount_cents > above;
    let received = compared.unwrap_or(0);
    Some(QuotesRule {
        above_cents: above,
        required,
        applies,
        received,
        met: !applies || received >= required,
    })
}

#[cfg(test)]
mod tests;
