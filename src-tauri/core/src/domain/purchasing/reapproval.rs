//! Whether a change to an approved order sends it back to approval. What was approved is the
//! supplier, the currency and rate, the payment terms and the lines (what is bought, how much,
//! at what price and VAT); notes, delivery address and date are not, so changing them alone
//! keeps the approval.

use super::order_state::{OrderMove, OrderState};
use super::totals::OrderLineInput;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One line as it was approved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApprovedLine {
    pub description: String,
    pub unit: String,
    pub numbers: OrderLineInput,
}

/// What an approval covers, taken from the order before and after the edit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApprovedContent {
    pub supplier_id: i64,
    pub currency: String,
    pub exchange_rate: Option<i64>,
    /// The terms as stored (any stable text form: only equality matters here).
    pub payment_terms: Option<String>,
    pub lines: Vec<ApprovedLine>,
}

/// Why a change needs a new approval; the history and the UI name each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReapprovalCause {
    Supplier,
    Currency,
    PaymentTerms,
    Lines,
}

/// The causes for a new approval, none when the change does not touch what was approved.
/// Lines are compared in order after trimming descriptions and units (re-saving a form does
/// not count as a change).
pub fn reapproval_causes(old: &ApprovedContent, new: &ApprovedContent) -> Vec<ReapprovalCause> {
    let mut causes = Vec::new();
    if old.supplier_id != new.supplier_id {
        causes.push(ReapprovalCause::Supplier);
    }
    if old.currency != new.currency || old.exchange_rate != new.exchange_rate {
        causes.push(ReapprovalCause::Currency);
    }
    if old.payment_terms != new.payment_terms {
        causes.push(ReapprovalCause::PaymentTerms);
    }
    let same_line = |a: &ApprovedLine, b: &ApprovedLine| {
        a.description.trim() == b.description.trim()
            && a.unit.trim() == b.unit.trim()
            && a.numbers == b.numbers
    };
    if old.lines.len() != new.lines.len()
        || old
            .lines
            .iter()
            .zip(&new.lines)
            .any(|(a, b)| !same_line(a, b))
    {
        causes.push(ReapprovalCause::Lines);
    }
    causes
}

/// The state after an edit with these causes: an approved or sent order goes back to pending
/// approval (its approvals no longer count); a draft or a pending order stays where it is.
pub fn state_after_change(
    state: OrderState,
    causes: &[ReapprovalCause],
) -> crate::Result<OrderState> {
    match state {
        OrderState::Approved | OrderState::Sent if !causes.is_empty() => {
            OrderMove::RequireReapproval.apply(state, None)
        }
        _ => super::order_state::can_edit(state)
            .map(|()| state)
            .map_err(Into::into),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::purchasing::vat_rate::Nature;

    fn content() -> ApprovedContent {
        ApprovedContent {
            supplier_id: 7,
            currency: "EUR".into(),
            exchange_rate: None,
            payment_terms: Some("30 DFFM".into()),
            lines: vec![ApprovedLine {
                description: "Bearing 6204".into(),
                unit: "pz".into(),
                numbers: OrderLineInput {
                    quantity: 10_000,
                    unit_price: 45_000,
                    discount_bp: 0,
                    vat_rate_bp: 0,
                    nature: Some(Nature::N3_5),
                },
            }],
        }
    }

    #[test]
    fn unchanged_or_only_spacing_needs_nothing() {
        let a = content();
        let mut b = content();
        b.lines[0].description = " Bearing 6204 ".into();
        assert!(reapproval_causes(&a, &b).is_empty());
        assert_eq!(
            state_after_change(OrderState::Approved, &[]).ok(),
            Some(OrderState::Approved)
        );
    }

    #[test]
    fn each_approved_part_is_a_cause() {
        let a = content();
        let mut b = content();
        b.supplier_id = 8;
        b.currency = "USD".into();
        b.exchange_rate = Some(1_100_000);
        b.payment_terms = None;
        b.lines[0].numbers.quantity += 1;
        assert_eq!(
            reapproval_causes(&a, &b),
            [
                ReapprovalCause::Supplier,
                ReapprovalCause::Currency,
                ReapprovalCause::PaymentTerms,
                ReapprovalCause::Lines
            ]
        );
        let mut c = content();
        c.lines.push(c.lines[0].clone());
        assert_eq!(reapproval_causes(&a, &c), [ReapprovalCause::Lines]);
    }

    #[test]
    fn an_approved_or_sent_order_goes_back_to_approval() {
        let causes = [ReapprovalCause::Lines];
        for s in [OrderState::Approved, OrderState::Sent] {
            assert_eq!(
                state_after_change(s, &causes).ok(),
                Some(OrderState::PendingApproval)
            );
        }
        assert_eq!(
            state_after_change(OrderState::Draft, &causes).ok(),
            Some(OrderState::Draft)
        );
        assert_eq!(
            state_after_change(OrderState::PendingApproval, &causes).ok(),
            Some(OrderState::PendingApproval)
        );
        assert!(state_after_change(OrderState::PartlyReceived, &causes).is_err());
        assert!(state_after_change(OrderState::Cancelled, &[]).is_err());
    }
}
