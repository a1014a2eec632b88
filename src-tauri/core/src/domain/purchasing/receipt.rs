//! Receiving goods against order lines: what has arrived, what is still to come (the back
//! order), how much more may arrive within the category's over-receipt tolerance, and
//! reversals (with a reason, never below zero). Quantities are thousandths.

use super::decimal::{format_scaled, NumberLocale};
use super::order_state::ReceiptProgress;
use super::quantity::{check_positive, QTY_DECIMALS};
use crate::error::{Error, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One order line's receiving position.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct LineProgress {
    pub ordered: i64,
    /// Received so far, net of reversed receipts.
    pub received: i64,
    /// Still to arrive (the back order), zero once complete.
    pub remaining: i64,
    /// Received beyond the ordered quantity (within the tolerance).
    pub over: i64,
    pub complete: bool,
}

pub fn line_progress(ordered: i64, received: i64) -> LineProgress {
    LineProgress {
        ordered,
        received,
        remaining: (ordered - received).max(0),
        over: (received - ordered).max(0),
        complete: received >= ordered,
    }
}

/// The order's progress from its lines' positions: nothing, partly or fully received.
pub fn order_progress(lines: &[LineProgress]) -> ReceiptProgress {
    if lines.iter().all(|l| l.received <= 0) {
        ReceiptProgress::Nothing
    } else if lines.iter().all(|l| l.complete) {
        ReceiptProgress::Fully
    } else {
        ReceiptProgress::Partly
    }
}

/// A tolerance is a percentage in basis points, 0 to 100 %.
pub fn check_tolerance_bp(field: &str, bp: i64) -> Option<FieldError> {
    (!(0..=10_000).contains(&bp)).then(|| {
        FieldError::new(field, "out_of_range")
            .with("min", 0)
            .with("max", 100)
    })
}

/// How much more may still be received: the ordered quantity plus the tolerance (rounded down,
/// so never more than allowed), less what has arrived; never negative.
pub fn max_receivable(ordered: i64, received: i64, tolerance_bp: i64) -> i64 {
    let allowance = i128::from(ordered) * i128::from(tolerance_bp) / 10_000;
    let max = i128::from(ordered) + allowance - i128::from(received);
    i64::try_from(max.max(0)).unwrap_or(i64::MAX)
}

/// Checks a new receipt of `quantity` on a line; beyond the tolerance it is
/// `quantity: over_received` with `params.max`, the most that may still arrive (plain decimal).
pub fn check_receipt(
    field: &str,
    ordered: i64,
    received: i64,
    quantity: i64,
    tolerance_bp: i64,
) -> Result<(), FieldError> {
    if let Some(e) = check_positive(field, quantity) {
        return Err(e);
    }
    let max = max_receivable(ordered, received, tolerance_bp);
    if quantity > max {
        return Err(FieldError::new(field, "over_received").with("max", plain(max)));
    }
    Ok(())
}

/// Checks the reversal of `quantity` from a receipt of which `left` is not reversed yet: a
/// reason is required and the receipt cannot go below zero (`quantity: below_zero`, `params.max`).
pub fn check_reversal(left: i64, quantity: i64, reason: &str) -> crate::Result<()> {
    let mut errors = Vec::new();
    if reason.trim().is_empty() {
        errors.push(FieldError::new("reason", "required"));
    }
    if let Some(e) = check_positive("quantity", quantity) {
        errors.push(e);
    } else if quantity > left {
        errors.push(FieldError::new("quantity", "below_zero").with("max", plain(left.max(0))));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// A quantity in params: a plain decimal the UI can show as it is ("2.5").
fn plain(thousandths: i64) -> String {
    format_scaled(thousandths, QTY_DECIMALS, 0, NumberLocale::En).replace(',', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_receipts_leave_a_back_order() {
        let p = line_progress(10_000, 4_000);
        assert_eq!((p.remaining, p.over, p.complete), (6_000, 0, false));
        let p = line_progress(10_000, 10_500);
        assert_eq!((p.remaining, p.over, p.complete), (0, 500, true));
        assert_eq!(
            order_progress(&[line_progress(5, 0), line_progress(5, 0)]),
            ReceiptProgress::Nothing
        );
        assert_eq!(
            order_progress(&[line_progress(5, 5), line_progress(5, 1)]),
            ReceiptProgress::Partly
        );
        assert_eq!(
            order_progress(&[line_progress(5, 5), line_progress(5, 6)]),
            ReceiptProgress::Fully
        );
        assert_eq!(order_progress(&[]), ReceiptProgress::Nothing);
    }

    #[test]
    fn over_receipt_is_refused_beyond_the_tolerance() {
        // Default 0 %: exactly the ordered quantity.
        assert!(check_receipt("quantity", 10_000, 4_000, 6_000, 0).is_ok());
        let e = check_receipt("quantity", 10_000, 4_000, 6_001, 0).unwrap_err();
        assert_eq!(
            (e.code.as_str(), e.params["max"].as_str()),
            ("over_received", "6")
        );
        // 5 % of 10 is 0,5 more.
        assert!(check_receipt("quantity", 10_000, 4_000, 6_500, 500).is_ok());
        let e = check_receipt("lines.2.quantity", 10_000, 4_000, 6_501, 500).unwrap_err();
        assert_eq!(
            (e.field.as_str(), e.params["max"].as_str()),
            ("lines.2.quantity", "6.5")
        );
        // The allowance rounds down: 3 % of 0,01 is nothing.
        assert_eq!(max_receivable(10, 0, 300), 10);
        assert_eq!(max_receivable(10_000, 12_000, 0), 0);
        assert_eq!(
            check_receipt("q", 1, 0, 0, 0).unwrap_err().code,
            "must_be_positive"
        );
        assert_eq!(
            check_receipt("q", 1, 0, -1, 0).unwrap_err().code,
            "negative"
        );
        assert_eq!(plain(1_234_500), "1234.5");
    }

    #[test]
    fn reversals_need_a_reason_and_stop_at_zero() {
        assert!(check_reversal(3_000, 3_000, "damaged").is_ok());
        let e = check_reversal(3_000, 3_001, " ").unwrap_err();
        let got: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(got, [("reason", "required"), ("quantity", "below_zero")]);
        assert_eq!(e.fields[1].params["max"], "3");
        assert_eq!(
            check_reversal(3_000, 0, "x").unwrap_err().fields[0].code,
            "must_be_positive"
        );
    }

    #[test]
    fn tolerances_are_percentages() {
        assert!(check_tolerance_bp("t", 0).is_none());
        assert!(check_tolerance_bp("t", 10_000).is_none());
        assert!(check_tolerance_bp("t", 10_001).is_some());
        assert!(check_tolerance_bp("t", -1).is_some());
    }
}
