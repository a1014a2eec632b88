//! A purchase order's life: draft → pending approval → approved → sent → partly received →
//! received → closed, or cancelled (with a reason) before any goods arrive. The guards say,
//! each with a typed refusal, whether an order may be sent, printed as final, received or
//! edited: the services call them so that the rule holds whatever the screen shows.

use crate::error::{Error, ErrorCode, FieldError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrderState {
    Draft,
    PendingApproval,
    Approved,
    Sent,
    PartlyReceived,
    Received,
    Closed,
    Cancelled,
}

pub const ORDER_STATES: [OrderState; 8] = [
    OrderState::Draft,
    OrderState::PendingApproval,
    OrderState::Approved,
    OrderState::Sent,
    OrderState::PartlyReceived,
    OrderState::Received,
    OrderState::Closed,
    OrderState::Cancelled,
];

/// A move of the order's state machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrderMove {
    /// draft → pending approval
    Submit,
    /// pending approval → approved, once the approval rules are met
    Approve,
    /// pending approval → draft, with a reason (an approver rejects it)
    SendBack,
    /// approved → sent
    Send,
    /// approved, sent, partly received → partly received
    ReceivePartly,
    /// approved, sent, partly received → received
    ReceiveFully,
    /// received → partly received (a receipt reversed)
    ReverseToPartly,
    /// partly received, received → sent (every receipt reversed)
    ReverseAll,
    /// received → closed; partly received → closed short, with a reason
    Close,
    /// draft, pending approval, approved, sent → cancelled, with a reason
    Cancel,
    /// approved, sent → pending approval: changed after approval
    RequireReapproval,
}

pub const ORDER_MOVES: [OrderMove; 11] = [
    OrderMove::Submit,
    OrderMove::Approve,
    OrderMove::SendBack,
    OrderMove::Send,
    OrderMove::ReceivePartly,
    OrderMove::ReceiveFully,
    OrderMove::ReverseToPartly,
    OrderMove::ReverseAll,
    OrderMove::Close,
    OrderMove::Cancel,
    OrderMove::RequireReapproval,
];

/// How much of an order has arrived, net of reversed receipts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptProgress {
    Nothing,
    Partly,
    Fully,
}

/// The snake_case name serde gives a unit variant, for error params and history.
pub(super) fn name_of(v: impl Serialize) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The `bad_transition` error for a move a machine has no arrow for, naming both.
pub(super) fn no_arrow(what: &str, from: impl Serialize, mv: impl Serialize) -> Error {
    let (from, mv) = (name_of(from), name_of(mv));
    Error::new(
        ErrorCode::BadTransition,
        format!("a {what} that is {from} cannot {mv}"),
    )
    .with("from", from)
    .with("transition", mv)
}

/// A move that needs a reason got none (or only spaces).
pub(super) fn check_reason(needed: bool, reason: Option<&str>) -> crate::Result<()> {
    if needed && reason.is_none_or(|r| r.trim().is_empty()) {
        return Err(Error::validation(vec![FieldError::new(
            "reason", "required",
        )]));
    }
    Ok(())
}

impl OrderMove {
    /// The state this move reaches from `from`, or `None` when there is no such arrow.
    pub fn target(self, from: OrderState) -> Option<OrderState> {
        use OrderMove as M;
        use OrderState as S;
        Some(match (self, from) {
            (M::Submit, S::Draft) => S::PendingApproval,
            (M::Approve, S::PendingApproval) => S::Approved,
            (M::SendBack, S::PendingApproval) => S::Draft,
            (M::Send, S::Approved) => S::Sent,
            (M::ReceivePartly, S::Approved | S::Sent | S::PartlyReceived) => S::PartlyReceived,
            (M::ReceiveFully, S::Approved | S::Sent | S::PartlyReceived) => S::Received,
            (M::ReverseToPartly, S::Received) => S::PartlyReceived,
            (M::ReverseAll, S::PartlyReceived | S::Received) => S::Sent,
            (M::Close, S::Received | S::PartlyReceived) => S::Closed,
            (M::Cancel, S::Draft | S::PendingApproval | S::Approved | S::Sent) => S::Cancelled,
            (M::RequireReapproval, S::Approved | S::Sent) => S::PendingApproval,
            _ => return None,
        })
    }

    /// Whether this move from `from` must say why.
    pub fn needs_reason(self, from: OrderState) -> bool {
        matches!(
            (self, from),
            (OrderMove::Cancel | OrderMove::SendBack, _)
                | (OrderMove::Close, OrderState::PartlyReceived)
        )
    }

    /// The move applied: the new state, `bad_transition` without an arrow, `reason: required`
    /// when a reason is due.
    pub fn apply(self, from: OrderState, reason: Option<&str>) -> crate::Result<OrderState> {
        let to = self
            .target(from)
            .ok_or_else(|| no_arrow("purchase order", from, self))?;
        check_reason(self.needs_reason(from), reason)?;
        Ok(to)
    }
}

impl OrderState {
    pub fn as_str(self) -> String {
        name_of(self)
    }

    pub fn parse(s: &str) -> Option<Self> {
        ORDER_STATES.into_iter().find(|x| x.as_str() == s)
    }

    /// The state after receipts were recorded or reversed, given how much has now arrived.
    pub fn after_receipts(self, progress: ReceiptProgress) -> crate::Result<OrderState> {
        use OrderState as S;
        let mv = match (progress, self) {
            (ReceiptProgress::Nothing, S::Approved | S::Sent) => return Ok(self),
            (ReceiptProgress::Nothing, _) => OrderMove::ReverseAll,
            (ReceiptProgress::Partly, S::Received) => OrderMove::ReverseToPartly,
            (ReceiptProgress::Partly, _) => OrderMove::ReceivePartly,
            (ReceiptProgress::Fully, S::Received) => return Ok(self),
            (ReceiptProgress::Fully, _) => OrderMove::ReceiveFully,
        };
        mv.apply(self, None)
    }
}

/// Why an order may not be sent, printed as final, received or edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrderRefusal {
    /// Still a draft or waiting for approval.
    NotApproved,
    Cancelled,
    Closed,
    /// Everything has arrived.
    FullyReceived,
    /// Goods have arrived: the lines can no longer change.
    ReceivingStarted,
}

impl From<OrderRefusal> for Error {
    fn from(r: OrderRefusal) -> Self {
        let reason = name_of(r);
        Error::new(
            ErrorCode::BadTransition,
            format!("purchase order: {reason}"),
        )
        .with("reason", reason)
    }
}

fn common_refusal(s: OrderState) -> Result<(), OrderRefusal> {
    match s {
        OrderState::Draft | OrderState::PendingApproval => Err(OrderRefusal::NotApproved),
        OrderState::Cancelled => Err(OrderRefusal::Cancelled),
        _ => Ok(()),
    }
}

/// Sending (or sending again) needs an approved order not yet fully received.
pub fn can_send(s: OrderState) -> Result<(), OrderRefusal> {
    common_refusal(s)?;
    match s {
        OrderState::Received => Err(OrderRefusal::FullyReceived),
        OrderState::Closed => Err(OrderRefusal::Closed),
        _ => Ok(()),
    }
}

/// The final PDF (without the DRAFT watermark) needs an approved order that is not cancelled.
pub fn can_print_final(s: OrderState) -> Result<(), OrderRefusal> {
    common_refusal(s)
}

/// Goods can be received against an approved order until everything has arrived.
pub fn can_receive(s: OrderState) -> Result<(), OrderRefusal> {
    can_send(s)
}

/// Lines, supplier and amounts can change until goods arrive (after approval the change sends
/// the order back to approval).
pub fn can_edit(s: OrderState) -> Result<(), OrderRefusal> {
    match s {
        OrderState::Draft
        | OrderState::PendingApproval
        | OrderState::Approved
        | OrderState::Sent => Ok(()),
        OrderState::PartlyReceived | OrderState::Received => Err(OrderRefusal::ReceivingStarted),
        OrderState::Closed => Err(OrderRefusal::Closed),
        OrderState::Cancelled => Err(OrderRefusal::Cancelled),
    }
}

#[cfg(test)]
mod tests;
