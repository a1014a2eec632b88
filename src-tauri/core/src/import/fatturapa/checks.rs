//! Arithmetic checks on an invoice as written. Nothing is corrected: each difference is a
//! warning with the amounts, and the invoice is imported as the supplier sent it.

use super::amount::Decimal;
use super::invoice::{Adjustment, ReadInvoice};
use super::problem::{Problem, ProblemCode};
use std::collections::BTreeMap;

/// A line's total may differ from quantity × price by one cent (the spec's rounding).
const LINE_TOLERANCE: i64 = 1;
/// The SdI accepts lines that add up to the summary's taxable amount within one euro.
const SUMMARY_TOLERANCE: i64 = 100;
const TAX_TOLERANCE: i64 = 1;
const TOTAL_TOLERANCE: i64 = 1;

/// Document-level amounts the totals depend on.
#[derive(Default)]
pub struct Extra {
    pub document_rounding_cents: Option<i64>,
    /// Sum of the document's discounts (negative) and surcharges given as amounts.
    pub document_adjustment_cents: i64,
    /// Pension fund contributions (`DatiCassaPrevidenziale`): taxable at their own rate.
    pub pension_funds: Vec<(i64, Option<String>, i64)>,
}

pub fn run(inv: &ReadInvoice, extra: &Extra, body_path: &str) -> Vec<Problem> {
    let mut out = Vec::new();
    let goods = format!("{body_path}/DatiBeniServizi");
    check_lines(inv, &goods, &mut out);
    let total = check_summary(inv, extra, &goods, &mut out);
    check_total(inv, extra, total, body_path, &mut out);
    out
}

fn check_lines(inv: &ReadInvoice, goods: &str, out: &mut Vec<Problem>) {
    for (i, line) in inv.lines.iter().enumerate() {
        let expected = line_total(line.quantity, line.unit_price, &line.adjustments, false);
        let alternative = line_total(line.quantity, line.unit_price, &line.adjustments, true);
        let off = |e: Option<i64>| e.map(|e| (line.total_cents - e, e));
        if let Some((diff, exp)) = off(expected) {
            let alt_ok = off(alternative).is_some_and(|(d, _)| d.abs() <= LINE_TOLERANCE);
            if diff.abs() > LINE_TOLERANCE && !alt_ok {
                out.push(
                    Problem::new(
                        ProblemCode::LineTotal,
                        format!("{goods}/DettaglioLinee[{}]/PrezzoTotale", i + 1),
                    )
                    .with("line", line.number)
                    .with("expected", exp)
                    .with("found", line.total_cents)
                    .with("difference", diff),
                );
            }
        }
    }
}

/// Checks the summary against the lines and the tax against its rate; returns the document
/// total the summary implies.
fn check_summary(inv: &ReadInvoice, extra: &Extra, goods: &str, out: &mut Vec<Problem>) -> i64 {
    type Key = (i64, Option<String>);
    let mut from_lines: BTreeMap<Key, i64> = BTreeMap::new();
    for l in &inv.lines {
        *from_lines
            .entry((l.vat_rate_bp, l.nature.clone()))
            .or_default() += l.total_cents;
    }
    for (rate, nature, cents) in &extra.pension_funds {
        *from_lines.entry((*rate, nature.clone())).or_default() += cents;
    }
    let mut from_summary: BTreeMap<Key, (i64, usize)> = BTreeMap::new();
    let mut total = extra.document_rounding_cents.unwrap_or(0);
    for (i, s) in inv.vat_summary.iter().enumerate() {
        let path = format!("{goods}/DatiRiepilogo[{}]", i + 1);
        let entry = from_summary
            .entry((s.vat_rate_bp, s.nature.clone()))
            .or_insert((0, i));
        entry.0 += s.taxable_cents - s.rounding_cents.unwrap_or(0);
        total += s.taxable_cents + s.tax_cents;
        let expected = round_div(
            i128::from(s.taxable_cents) * i128::from(s.vat_rate_bp),
            10_000,
        );
        if let Some(expected) = expected {
            let diff = s.tax_cents - expected;
            if diff.abs() > TAX_TOLERANCE {
                out.push(
                    Problem::new(ProblemCode::SummaryTax, format!("{path}/Imposta"))
                        .with("rate", s.vat_rate_bp)
                        .with("expected", expected)
                        .with("found", s.tax_cents)
                        .with("difference", diff),
                );
            }
        }
    }
    let keys: std::collections::BTreeSet<&Key> =
        from_lines.keys().chain(from_summary.keys()).collect();
    for key in keys {
        let lines = from_lines.get(key).copied().unwrap_or(0);
        let (summary, index) = from_summary.get(key).copied().unwrap_or((0, 0));
        let diff = summary - lines;
        if diff.abs() > SUMMARY_TOLERANCE || !from_summary.contains_key(key) {
            let path = if from_summary.contains_key(key) {
                format!("{goods}/DatiRiepilogo[{}]/ImponibileImporto", index + 1)
            } else {
                format!("{goods}/DatiRiepilogo")
            };
            let mut p = Problem::new(ProblemCode::SummaryTaxable, path)
                .with("rate", key.0)
                .with("expected", lines)
                .with("found", summary)
                .with("difference", diff);
            if let Some(n) = &key.1 {
                p = p.with("nature", n);
            }
            out.push(p);
        }
    }
    total
}

fn check_total(
    inv: &ReadInvoice,
    extra: &Extra,
    total: i64,
    body_path: &str,
    out: &mut Vec<Problem>,
) {
    if let Some(found) = inv.total_cents {
        let bollo = inv.stamp_duty_cents.unwrap_or(0);
        let candidates = [
            total,
            total + bollo,
            total + extra.document_adjustment_cents,
            total + bollo + extra.document_adjustment_cents,
        ];
        if !candidates
            .iter()
            .any(|c| (found - c).abs() <= TOTAL_TOLERANCE)
        {
            let expected = total + bollo;
            out.push(
                Problem::new(
                    ProblemCode::DocumentTotal,
                    format!(
                        "{body_path}/DatiGenerali/DatiGeneraliDocumento/ImportoTotaleDocumento"
                    ),
                )
                .with("expected", expected)
                .with("found", found)
                .with("difference", found - expected),
            );
        }
    }
}

/// `n / d` rounded half away from zero; `None` on overflow.
fn round_div(n: i128, d: i128) -> Option<i64> {
    if d == 0 {
        return None;
    }
    let q = n / d;
    let r = n % d;
    let q = if r.abs() * 2 >= d.abs() {
        q + n.signum() * d.signum()
    } else {
        q
    };
    i64::try_from(q).ok()
}

fn pow10(n: u32) -> Option<i128> {
    10i128.checked_pow(n)
}

/// Quantity × unit price with the adjustments in cascade, in cents. Amount adjustments are
/// per unit as the specification says (`after_quantity` applies them to the line instead, as
/// some software does); `None` when the numbers overflow the check's arithmetic.
fn line_total(
    quantity: Option<Decimal>,
    price: Decimal,
    adjustments: &[Adjustment],
    after_quantity: bool,
) -> Option<i64> {
    let (mut value, mut scale) = (i128::from(price.units), u32::from(price.scale));
    let add = |value: i128, scale: u32, a: Decimal| -> Option<(i128, u32)> {
        let s = scale.max(u32::from(a.scale));
        let v = value.checked_mul(pow10(s - scale)?)?;
        let a = i128::from(a.units).checked_mul(pow10(s - u32::from(a.scale))?)?;
        Some((v.checked_add(a)?, s))
    };
    let apply = |value: i128, scale: u32, adj: &Adjustment| -> Option<(i128, u32)> {
        match adj {
            // × (100 + p) / 100, kept exact by raising the scale.
            Adjustment::Percent(p) => {
                let hundred = 100 * pow10(u32::from(p.scale))?;
                let factor = hundred.checked_add(i128::from(p.units))?;
                Some((value.checked_mul(factor)?, scale + u32::from(p.scale) + 2))
            }
            Adjustment::Amount(a) => add(value, scale, *a),
        }
    };
    for adj in adjustments {
        if after_quantity && matches!(adj, Adjustment::Amount(_)) {
            continue;
        }
        (value, scale) = apply(value, scale, adj)?;
    }
    if let Some(q) = quantity {
        value = value.checked_mul(i128::from(q.units))?;
        scale += u32::from(q.scale);
    }
    if after_quantity {
        for adj in adjustments
            .iter()
            .filter(|a| matches!(a, Adjustment::Amount(_)))
        {
            (value, scale) = apply(value, scale, adj)?;
        }
    }
    if scale < 2 {
        return i64::try_from(value.checked_mul(pow10(2 - scale)?)?).ok();
    }
    round_div(value, pow10(scale - 2)?)
}
