//! An order's totals the way FatturaPA's summary (`DatiRiepilogo`) computes them: each line's
//! net rounded half-up to the cent, then per rate (and nature) the VAT on the sum of that
//! rate's nets, rounded half-up once. The document total is the taxable sum plus the VAT sum.
//!
//! All arithmetic is on integers with `i128` intermediates; a result that would not fit is a
//! field error, never a wrapped number.

use super::money::{check_currency_rate, check_discount, div_round_half_up, normalise_currency};
use super::quantity::check_positive;
use super::vat_rate::{Nature, VatRate};
use crate::error::FieldError;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

/// The largest amount kept, in cents: 15 digits as FatturaPA's amounts allow, and still exact
/// as a JavaScript number.
pub const MAX_CENTS: i64 = 999_999_999_999_999;

/// The numbers of one order line, as the form sends them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct OrderLineInput {
    /// Thousandths of the unit (1,5 kg is 1500).
    pub quantity: i64,
    /// Ten-thousandths of the currency unit (12,50 € is 125000).
    pub unit_price: i64,
    /// Discount in basis points (12,5 % is 1250).
    pub discount_bp: i64,
    /// VAT rate in basis points (22 % is 2200).
    pub vat_rate_bp: i64,
    /// Why a 0 % line carries no VAT; none on a taxed line.
    pub nature: Option<Nature>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineTotals {
    /// Quantity × price × (1 − discount), rounded half-up to the cent.
    pub net: i64,
    pub rate_bp: i64,
    pub nature: Option<Nature>,
    /// This line's own VAT, rounded: shown beside the line, never added up (the summary's VAT
    /// per rate is the one that counts).
    pub tax: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct VatSummaryRow {
    pub rate_bp: i64,
    pub nature: Option<Nature>,
    /// Sum of the nets of this rate's lines, cents.
    pub taxable: i64,
    /// VAT on `taxable`, rounded half-up, cents.
    pub tax: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Totals {
    pub lines: Vec<LineTotals>,
    /// One row per rate and nature, highest rate first.
    pub summary: Vec<VatSummaryRow>,
    pub taxable: i64,
    pub tax: i64,
    pub total: i64,
    pub currency: String,
    /// Units of `currency` for one euro, in millionths; none for euro.
    pub exchange_rate: Option<i64>,
}

/// A line's net in cents: quantity (thousandths) × price (ten-thousandths) × (1 − discount),
/// rounded half-up; `None` when it does not fit.
pub fn line_net(quantity: i64, unit_price: i64, discount_bp: i64) -> Option<i64> {
    // thousandths × ten-thousandths × basis points = 10^-11 units = 10^-9 cents.
    let n = i128::from(quantity)
        .checked_mul(i128::from(unit_price))?
        .checked_mul(i128::from(10_000 - discount_bp))?;
    fits(div_round_half_up(n, 1_000_000_000))
}

/// VAT on `taxable` cents at `rate_bp`, rounded half-up.
pub fn tax_on(taxable: i64, rate_bp: i64) -> Option<i64> {
    let n = i128::from(taxable).checked_mul(i128::from(rate_bp))?;
    fits(div_round_half_up(n, 10_000))
}

fn fits(v: i128) -> Option<i64> {
    i64::try_from(v).ok().filter(|c| c.abs() <= MAX_CENTS)
}

/// The VAT summary of lines already computed, one row per (rate, nature), highest rate first;
/// `None` when a sum does not fit. Used for orders and to check a received invoice's summary.
pub fn summarise(lines: &[LineTotals]) -> Option<Vec<VatSummaryRow>> {
    let mut by_rate: BTreeMap<(i64, Option<Nature>), i64> = BTreeMap::new();
    for l in lines {
        let sum = by_rate.entry((l.rate_bp, l.nature)).or_insert(0);
        *sum = fits(i128::from(*sum) + i128::from(l.net))?;
    }
    by_rate
        .into_iter()
        .rev()
        .map(|((rate_bp, nature), taxable)| {
            Some(VatSummaryRow {
                rate_bp,
                nature,
                taxable,
                tax: tax_on(taxable, rate_bp)?,
            })
        })
        .collect()
}

/// Checks an order's lines and computes its totals. Every problem is reported at once, each
/// naming `lines.<index>.<field>`; amounts too large for the books are `too_large`.
pub fn compute_totals(
    lines: &[OrderLineInput],
    currency: &str,
    exchange_rate: Option<i64>,
) -> crate::Result<Totals> {
    compute_with(lines, currency, exchange_rate, VatRate::for_order)
}

/// The same for an invoice entered by hand, in euro: any rate from 0 to 99,99 % (the
/// supplier's document is taken as stated), with the same rule on natures.
pub fn compute_invoice_totals(lines: &[OrderLineInput]) -> crate::Result<Totals> {
    compute_with(lines, "EUR", None, VatRate::for_invoice)
}

type RateCheck = fn(&str, i64, Option<Nature>) -> Result<VatRate, FieldError>;

fn compute_with(
    lines: &[OrderLineInput],
    currency: &str,
    exchange_rate: Option<i64>,
    rate_check: RateCheck,
) -> crate::Result<Totals> {
    let mut errors = Vec::new();
    let currency = normalise_currency("currency", currency).unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    });
    if !currency.is_empty() {
        errors.extend(check_currency_rate(&currency, exchange_rate));
    }
    let mut computed = Vec::with_capacity(lines.len());
    for (i, l) in lines.iter().enumerate() {
        let p = format!("lines.{i}.");
        let before = errors.len();
        errors.extend(check_positive(&format!("{p}quantity"), l.quantity));
        if l.unit_price < 0 {
            errors.push(FieldError::new(&format!("{p}unit_price"), "negative"));
        }
        errors.extend(check_discount(&format!("{p}discount_bp"), l.discount_bp));
        if let Err(e) = rate_check(&p, l.vat_rate_bp, l.nature) {
            errors.push(e);
        }
        if errors.len() > before {
            continue;
        }
        let net = line_net(l.quantity, l.unit_price, l.discount_bp);
        match net.and_then(|n| Some((n, tax_on(n, l.vat_rate_bp)?))) {
            Some((net, tax)) => computed.push(LineTotals {
                net,
                rate_bp: l.vat_rate_bp,
                nature: l.nature,
                tax,
            }),
            None => errors.push(FieldError::new(&format!("{p}unit_price"), "too_large")),
        }
    }
    if !errors.is_empty() {
        return Err(crate::Error::validation(errors));
    }
    let too_large = || crate::Error::field("lines", "too_large");
    let summary = summarise(&computed).ok_or_else(too_large)?;
    let taxable =
        fits(summary.iter().map(|r| i128::from(r.taxable)).sum()).ok_or_else(too_large)?;
    let tax = fits(summary.iter().map(|r| i128::from(r.tax)).sum()).ok_or_else(too_large)?;
    let total = fits(i128::from(taxable) + i128::from(tax)).ok_or_else(too_large)?;
    Ok(Totals {
        lines: computed,
        summary,
        taxable,
        tax,
        total,
        currency,
        exchange_rate,
    })
}

#[cfg(test)]
mod tests;
