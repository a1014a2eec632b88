//! The lives of a requisition (draft → submitted → approved or rejected → ordered) and of a
//! request for quotation sent to one supplier (draft → sent → answered or declined → chosen or
//! not chosen).

use super::order_state::{check_reason, name_of, no_arrow};
use crate::error::{Error, ErrorCode};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequisitionState {
    Draft,
    Submitted,
    Approved,
    Rejected,
    Ordered,
}

pub const REQUISITION_STATES: [RequisitionState; 5] = [
    RequisitionState::Draft,
    RequisitionState::Submitted,
    RequisitionState::Approved,
    RequisitionState::Rejected,
    RequisitionState::Ordered,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequisitionMove {
    /// draft → submitted
    Submit,
    /// submitted → draft, by the requester
    Withdraw,
    /// submitted → approved, by someone other than the requester
    Approve,
    /// submitted → rejected, with a reason
    Reject,
    /// rejected → draft, to be reworked
    Rework,
    /// approved → ordered: an order (or RFQs leading to one) was made from it
    Order,
}

pub const REQUISITION_MOVES: [RequisitionMove; 6] = [
    RequisitionMove::Submit,
    RequisitionMove::Withdraw,
    RequisitionMove::Approve,
    RequisitionMove::Reject,
    RequisitionMove::Rework,
    RequisitionMove::Order,
];

impl RequisitionMove {
    pub fn target(self, from: RequisitionState) -> Option<RequisitionState> {
        use RequisitionMove as M;
        use RequisitionState as S;
        Some(match (self, from) {
            (M::Submit, S::Draft) => S::Submitted,
            (M::Withdraw, S::Submitted) => S::Draft,
            (M::Approve, S::Submitted) => S::Approved,
            (M::Reject, S::Submitted) => S::Rejected,
            (M::Rework, S::Rejected) => S::Draft,
            (M::Order, S::Approved) => S::Ordered,
            _ => return None,
        })
    }

    pub fn apply(
        self,
        from: RequisitionState,
        reason: Option<&str>,
    ) -> crate::Result<RequisitionState> {
        let to = self
            .target(from)
            .ok_or_else(|| no_arrow("requisition", from, self))?;
        check_reason(self == RequisitionMove::Reject, reason)?;
        Ok(to)
    }
}

impl RequisitionState {
    pub fn as_str(self) -> String {
        name_of(self)
    }

    pub fn parse(s: &str) -> Option<Self> {
        REQUISITION_STATES.into_iter().find(|x| x.as_str() == s)
    }
}

/// Nobody approves their own requisition (`bad_transition`, reason `own_request`).
pub fn check_not_requester(requester_id: i64, approver_id: i64) -> crate::Result<()> {
    if requester_id == approver_id {
        return Err(Error::new(
            ErrorCode::BadTransition,
            "the requester cannot approve their own request",
        )
        .with("reason", "own_request"));
    }
    Ok(())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RfqState {
    Draft,
    Sent,
    Answered,
    Declined,
    Chosen,
    NotChosen,
}

pub const RFQ_STATES: [RfqState; 6] = [
    RfqState::Draft,
    RfqState::Sent,
    RfqState::Answered,
    RfqState::Declined,
    RfqState::Chosen,
    RfqState::NotChosen,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RfqMove {
    /// draft → sent
    Send,
    /// sent → answered: the supplier's offer is recorded
    RecordOffer,
    /// sent → declined: the supplier will not quote
    RecordDecline,
    /// answered → chosen. The reason is needed only when the offer is not the cheapest, which
    /// only the comparison knows (`quote_compare::check_choice`).
    Choose,
    /// answered → not chosen (another offer was chosen)
    SetNotChosen,
}

pub const RFQ_MOVES: [RfqMove; 5] = [
    RfqMove::Send,
    RfqMove::RecordOffer,
    RfqMove::RecordDecline,
    RfqMove::Choose,
    RfqMove::SetNotChosen,
];

impl RfqMove {
    pub fn target(self, from: RfqState) -> Option<RfqState> {
        use RfqMove as M;
        use RfqState as S;
        Some(match (self, from) {
            (M::Send, S::Draft) => S::Sent,
            (M::RecordOffer, S::Sent) => S::Answered,
            (M::RecordDecline, S::Sent) => S::Declined,
            (M::Choose, S::Answered) => S::Chosen,
            (M::SetNotChosen, S::Answered) => S::NotChosen,
            _ => return None,
        })
    }

    pub fn apply(self, from: RfqState) -> crate::Result<RfqState> {
        self.target(from)
            .ok_or_else(|| no_arrow("request for quotation", from, self))
    }
}

impl RfqState {
    pub fn as_str(self) -> String {
        name_of(self)
    }

    pub fn parse(s: &str) -> Option<Self> {
        RFQ_STATES.into_iter().find(|x| x.as_str() == s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_requisition_move_is_refused_off_its_arrows() {
        use RequisitionMove as M;
        use RequisitionState as S;
        let arrows = [
            (M::Submit, S::Draft, S::Submitted),
            (M::Withdraw, S::Submitted, S::Draft),
            (M::Approve, S::Submitted, S::Approved),
            (M::Reject, S::Submitted, S::Rejected),
            (M::Rework, S::Rejected, S::Draft),
            (M::Order, S::Approved, S::Ordered),
        ];
        for m in REQUISITION_MOVES {
            for from in REQUISITION_STATES {
                let want = arrows.iter().find(|a| a.0 == m && a.1 == from).map(|a| a.2);
                match m.apply(from, Some("why")) {
                    Ok(to) => assert_eq!(Some(to), want, "{m:?} from {from:?}"),
                    Err(e) => {
                        assert_eq!(want, None, "{m:?} from {from:?}");
                        assert_eq!(e.code, ErrorCode::BadTransition);
                    }
                }
            }
            assert_eq!(m.target(S::Ordered), None);
        }
        assert!(M::Reject.apply(S::Submitted, None).is_err());
        for s in REQUISITION_STATES {
            assert_eq!(RequisitionState::parse(&s.as_str()), Some(s));
        }
    }

    #[test]
    fn the_requester_cannot_approve() {
        let e = check_not_requester(4, 4).unwrap_err();
        assert_eq!(e.params["reason"], "own_request");
        assert!(check_not_requester(4, 5).is_ok());
    }

    #[test]
    fn every_rfq_move_is_refused_off_its_arrows() {
        use RfqMove as M;
        use RfqState as S;
        let arrows = [
            (M::Send, S::Draft, S::Sent),
            (M::RecordOffer, S::Sent, S::Answered),
            (M::RecordDecline, S::Sent, S::Declined),
            (M::Choose, S::Answered, S::Chosen),
            (M::SetNotChosen, S::Answered, S::NotChosen),
        ];
        for m in RFQ_MOVES {
            for from in RFQ_STATES {
                let want = arrows.iter().find(|a| a.0 == m && a.1 == from).map(|a| a.2);
                match m.apply(from) {
                    Ok(to) => assert_eq!(Some(to), want, "{m:?} from {from:?}"),
                    Err(e) => {
                        assert_eq!(want, None, "{m:?} from {from:?}");
                        assert_eq!(e.code, ErrorCode::BadTransition);
                    }
                }
            }
        }
        assert_eq!(RfqState::NotChosen.as_str(), "not_chosen");
    }
}
