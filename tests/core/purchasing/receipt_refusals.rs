//! Receiving's refusals at the service layer: an order not approved, cancelled or closed, bad
//! quantities and a line of another order, each changing nothing; and receiving's operations as
//! every role.

use super::receipts::{fields, line, reason, receipt, setup};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::receiving::{
    ReceiptLineInput, ReceiptQuery, ToReceiveQuery,
};
use backoffice_core::ErrorCode;

#[test]
fn unapproved_cancelled_or_closed_orders_and_bad_quantities_receive_nothing() {
    let s = setup();
    let app = &s.b.t.app;
    let draft = s.draft(vec![line("Viti", 10, 2, None)]);
    let e = app
        .receive_order(&s.b.buyer, &receipt(&draft, &[(0, "1")]))
        .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "not_approved")
    );
    let pending = app
        .submit_order(&s.b.buyer, draft.id, draft.version)
        .unwrap();
    assert_eq!(
        reason(
            &app.receive_order(&s.b.buyer, &receipt(&pending, &[(0, "1")]))
                .unwrap_err()
        ),
        "not_approved"
    );
    let cancelled = s.approved(vec![line("Dadi", 3, 1, None)]);
    let cancelled = app
        .cancel_order(&s.b.buyer, cancelled.id, cancelled.version, "Non serve più")
        .unwrap();
    assert_eq!(
        reason(
            &app.receive_order(&s.b.buyer, &receipt(&cancelled, &[(0, "1")]))
                .unwrap_err()
        ),
        "cancelled"
    );

    // Bad quantities, each at its line; a line of another order is not found.
    let o = s.approved(vec![
        line("Rondelle", 10, 1, None),
        line("Molle", 4, 2, None),
    ]);
    let mut bad = receipt(&o, &[(0, "0"), (1, "-1")]);
    let e = app.receive_order(&s.b.buyer, &bad).unwrap_err();
    assert_eq!(
        fields(&e),
        [
            ("lines.0.quantity".into(), "must_be_positive".into()),
            ("lines.1.quantity".into(), "negative".into())
        ]
    );
    bad.lines = vec![ReceiptLineInput {
        order_line_id: o.lines[0].id,
        quantity: "dieci".into(),
        asset_category_id: None,
    }];
    assert_eq!(
        fields(&app.receive_order(&s.b.buyer, &bad).unwrap_err()),
        [("lines.0.quantity".into(), "invalid_number".into())]
    );
    bad.lines[0].quantity = "1".into();
    bad.lines[0].order_line_id = cancelled.lines[0].id;
    assert_eq!(
        fields(&app.receive_order(&s.b.buyer, &bad).unwrap_err()),
        [("lines.0.order_line_id".into(), "not_found".into())]
    );
    assert_eq!(s.receipts(), 0);
    assert_eq!(s.received(o.id), [0, 0]);

    // Closed short with a reason: nothing more arrives, nothing is reversed.
    let r = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(0, "10")]))
        .unwrap();
    let part = s.order(o.id);
    let e = app
        .close_order(&s.b.buyer, o.id, part.version, None)
        .unwrap_err();
    assert_eq!(fields(&e), [("reason".into(), "required".into())]);
    let closed = app
        .close_order(
            &s.b.buyer,
            o.id,
            part.version,
            Some("Le molle non arriveranno"),
        )
        .unwrap();
    assert_eq!(closed.status, OrderState::Closed);
    assert_eq!(
        reason(
            &app.receive_order(&s.b.buyer, &receipt(&o, &[(1, "1")]))
                .unwrap_err()
        ),
        "closed"
    );
    assert_eq!(
        reason(
            &app.reverse_receipt(&s.b.buyer, r.id, r.version, "Reso")
                .unwrap_err()
        ),
        "closed"
    );
    assert_eq!(s.receipts(), 1);
    assert_eq!(s.received(o.id), [10_000, 0]);
    s.verify();
}

/// Receiving's operations as every role, against the matrix written out here: purchasing and
/// administrators write receipts; every role but HR reads them (accounting & audit, managers,
/// IT and viewers). A refusal changes nothing and is recorded.
#[test]
fn only_purchasing_and_administrators_write_receipts_the_others_read_them() {
    use backoffice_core::domain::permissions::ROLES;
    let s = setup();
    let app = &s.b.t.app;
    let o = s.approved(vec![line("Viti", 100, 2, None)]);
    let r = app
        .receive_order(&s.b.t.admin, &receipt(&o, &[(0, "1")]))
        .unwrap();
    let denied = || {
        s.b.t
            .count("SELECT count(*) FROM changes WHERE after LIKE '%\"denied\"%'")
    };
    for role in ROLES {
        let ctx = s.b.t.user(&format!("r.{}", role.as_str()), &[role]);
        let reads = role != Role::Hr;
        let writes = matches!(role, Role::Admin | Role::Purchasing);
        let before = (s.receipts(), s.received(o.id), denied());
        let results = [
            (reads, app.receipt(&ctx, r.id).map(drop)),
            (reads, app.order_receipts(&ctx, o.id).map(drop)),
            (
                reads,
                app.list_receipts(&ctx, &ReceiptQuery::default()).map(drop),
            ),
            (
                reads,
                app.orders_to_receive(&ctx, &ToReceiveQuery::default())
                    .map(drop),
            ),
            (
                writes,
                app.receive_order(&ctx, &receipt(&o, &[(0, "1")])).map(drop),
            ),
        ];
        let mut refusals = 0;
        for (i, (allowed, result)) in results.into_iter().enumerate() {
            if allowed {
                assert!(result.is_ok(), "{role:?} operation {i}: {result:?}");
            } else {
                assert_eq!(
                    result.unwrap_err().code,
                    ErrorCode::Forbidden,
                    "{role:?} {i}"
                );
                refusals += 1;
            }
        }
        if !writes {
            assert_eq!(
                (s.receipts(), s.received(o.id)),
                (before.0, before.1),
                "{role:?}"
            );
            let reversed = app.reverse_receipt(&ctx, r.id, r.version, "no");
            assert_eq!(reversed.unwrap_err().code, ErrorCode::Forbidden);
            refusals += 1;
        }
        assert_eq!(denied(), before.2 + refusals, "{role:?} refusals recorded");
    }
    assert_eq!(s.received(o.id), [3000]);
    s.verify();
}
