use super::*;
use OrderMove as M;
use OrderState as S;

/// Every arrow of the diagram, written out independently of `target`.
const ARROWS: [(OrderMove, OrderState, OrderState); 21] = [
    (M::Submit, S::Draft, S::PendingApproval),
    (M::Approve, S::PendingApproval, S::Approved),
    (M::SendBack, S::PendingApproval, S::Draft),
    (M::Send, S::Approved, S::Sent),
    (M::ReceivePartly, S::Approved, S::PartlyReceived),
    (M::ReceivePartly, S::Sent, S::PartlyReceived),
    (M::ReceivePartly, S::PartlyReceived, S::PartlyReceived),
    (M::ReceiveFully, S::Approved, S::Received),
    (M::ReceiveFully, S::Sent, S::Received),
    (M::ReceiveFully, S::PartlyReceived, S::Received),
    (M::ReverseToPartly, S::Received, S::PartlyReceived),
    (M::ReverseAll, S::PartlyReceived, S::Sent),
    (M::ReverseAll, S::Received, S::Sent),
    (M::Close, S::Received, S::Closed),
    (M::Close, S::PartlyReceived, S::Closed),
    (M::Cancel, S::Draft, S::Cancelled),
    (M::Cancel, S::PendingApproval, S::Cancelled),
    (M::Cancel, S::Approved, S::Cancelled),
    (M::Cancel, S::Sent, S::Cancelled),
    (M::RequireReapproval, S::Approved, S::PendingApproval),
    (M::RequireReapproval, S::Sent, S::PendingApproval),
];

fn allowed(m: OrderMove, from: OrderState) -> Option<OrderState> {
    ARROWS
        .iter()
        .find(|(am, af, _)| *am == m && *af == from)
        .map(|a| a.2)
}

#[test]
fn every_move_from_every_state_is_allowed_only_along_an_arrow() {
    let mut legal = 0;
    for m in ORDER_MOVES {
        for from in ORDER_STATES {
            let got = m.apply(from, Some("because"));
            match allowed(m, from) {
                Some(to) => {
                    legal += 1;
                    assert_eq!(got.ok(), Some(to), "{m:?} from {from:?}");
                }
                None => {
                    let e = got.expect_err(&format!("{m:?} from {from:?} must be refused"));
                    assert_eq!(e.code, ErrorCode::BadTransition);
                    assert_eq!(e.params["from"], from.as_str());
                    assert_eq!(e.params["transition"], name_of(m));
                }
            }
        }
    }
    assert_eq!(legal, 21);
}

#[test]
fn every_pair_of_states_without_an_arrow_is_unreachable() {
    for from in ORDER_STATES {
        for to in ORDER_STATES {
            let by_machine = ORDER_MOVES.iter().any(|m| m.target(from) == Some(to));
            let by_diagram = ORDER_MOVES.iter().any(|m| allowed(*m, from) == Some(to));
            assert_eq!(by_machine, by_diagram, "{from:?} → {to:?}");
        }
    }
    // Nothing leaves closed or cancelled.
    for m in ORDER_MOVES {
        assert_eq!(m.target(S::Closed), None);
        assert_eq!(m.target(S::Cancelled), None);
    }
}

#[test]
fn cancelling_sending_back_and_closing_short_need_a_reason() {
    let e = M::Cancel.apply(S::Approved, None).unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("reason", "required")
    );
    assert!(M::Cancel.apply(S::Draft, Some("  ")).is_err());
    assert!(M::SendBack.apply(S::PendingApproval, None).is_err());
    assert!(M::Close.apply(S::PartlyReceived, None).is_err());
    assert_eq!(M::Close.apply(S::Received, None).ok(), Some(S::Closed));
    assert_eq!(
        M::Submit.apply(S::Draft, None).ok(),
        Some(S::PendingApproval)
    );
}

#[test]
fn receipts_move_the_order() {
    use ReceiptProgress as P;
    assert_eq!(
        S::Sent.after_receipts(P::Partly).ok(),
        Some(S::PartlyReceived)
    );
    assert_eq!(S::Approved.after_receipts(P::Fully).ok(), Some(S::Received));
    assert_eq!(
        S::Received.after_receipts(P::Partly).ok(),
        Some(S::PartlyReceived)
    );
    assert_eq!(S::Received.after_receipts(P::Nothing).ok(), Some(S::Sent));
    assert_eq!(S::Sent.after_receipts(P::Nothing).ok(), Some(S::Sent));
    assert_eq!(S::Received.after_receipts(P::Fully).ok(), Some(S::Received));
    assert!(S::Draft.after_receipts(P::Partly).is_err());
    assert!(S::Cancelled.after_receipts(P::Fully).is_err());
}

#[test]
fn an_unapproved_order_cannot_be_sent_printed_or_received() {
    for s in [S::Draft, S::PendingApproval] {
        assert_eq!(can_send(s), Err(OrderRefusal::NotApproved));
        assert_eq!(can_print_final(s), Err(OrderRefusal::NotApproved));
        assert_eq!(can_receive(s), Err(OrderRefusal::NotApproved));
    }
    assert_eq!(can_send(S::Cancelled), Err(OrderRefusal::Cancelled));
    assert_eq!(can_receive(S::Received), Err(OrderRefusal::FullyReceived));
    assert_eq!(can_receive(S::Closed), Err(OrderRefusal::Closed));
    for s in [S::Approved, S::Sent, S::PartlyReceived] {
        assert_eq!(can_send(s), Ok(()));
        assert_eq!(can_receive(s), Ok(()));
        assert_eq!(can_print_final(s), Ok(()));
    }
    assert_eq!(can_print_final(S::Closed), Ok(()));
    assert_eq!(can_edit(S::Sent), Ok(()));
    assert_eq!(
        can_edit(S::PartlyReceived),
        Err(OrderRefusal::ReceivingStarted)
    );
    let e = Error::from(OrderRefusal::NotApproved);
    assert_eq!(
        (e.code, e.params["reason"].as_str()),
        (ErrorCode::BadTransition, "not_approved")
    );
}

#[test]
fn states_have_stable_names() {
    for s in ORDER_STATES {
        assert_eq!(OrderState::parse(&s.as_str()), Some(s));
    }
    assert_eq!(S::PartlyReceived.as_str(), "partly_received");
}
