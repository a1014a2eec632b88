//! Purchase orders at the service layer: totals, bad lines, the approval tiers, numbering at
//! approval without gaps, the refusals to send an unapproved order, re-approval after a change,
//! cancelling, "waiting for my approval".

use super::buyers;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm, OrderQuery};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::vat_rate::Nature;
use backoffice_core::ErrorCode;

/// A line of `qty` pieces at `euros` each, at `vat` %.
fn line(description: &str, qty: i64, euros: i64, vat: i64) -> OrderLineForm {
    OrderLineForm {
        item_code: None,
        description: description.into(),
        category_id: None,
        unit: None,
        quantity: qty * 1000,
        unit_price: euros * 10_000,
        discount_bp: 0,
        vat_rate_bp: vat * 100,
        nature: None,
    }
}

fn order(supplier_id: i64, lines: Vec<OrderLineForm>) -> OrderInput {
    OrderInput {
        supplier_id,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: Some("Via Roma 1, Milano".into()),
        delivery_date: None,
        payment_terms: Some("30 gg DFFM".into()),
        notes: None,
        lines,
    }
}

fn reason(e: &backoffice_core::Error) -> String {
    e.params.get("reason").cloned().unwrap_or_default()
}

#[test]
fn an_order_adds_up_its_lines_and_vat_per_rate() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let mut exempt = line("Trasporto esente", 1, 50, 0);
    exempt.nature = Some(Nature::N2_2);
    let mut discounted = line("Viti M6 (scatola)", 3, 12, 22);
    discounted.unit_price = 123_456; // 12,3456 €
    discounted.discount_bp = 1_000;
    let o =
        b.t.app
            .create_order(
                &b.buyer,
                &order(
                    s.id,
                    vec![
                        line("Trapano", 2, 100, 22),
                        discounted,
                        line("Manuale", 1, 20, 4),
                        exempt,
                    ],
                ),
            )
            .unwrap();
    assert_eq!(o.status, OrderState::Draft);
    assert_eq!(o.number, None);
    // 200,00 + 33,33 (3 × 12,3456 × 0,9 = 33,33312) at 22 %; 20,00 at 4 %; 50,00 exempt.
    let nets: Vec<i64> = o.lines.iter().map(|l| l.net_cents).collect();
    assert_eq!(nets, [20_000, 3_333, 2_000, 5_000]);
    let rows: Vec<(i64, i64, i64)> = o
        .summary
        .iter()
        .map(|r| (r.rate_bp, r.taxable, r.tax))
        .collect();
    // VAT on each rate's sum: 233,33 × 22 % = 51,3326 → 51,33.
    assert_eq!(
        rows,
        [(2200, 23_333, 5_133), (400, 2_000, 80), (0, 5_000, 0)]
    );
    assert_eq!(
        (o.taxable_cents, o.tax_cents, o.total_cents),
        (30_333, 5_213, 35_546)
    );
    assert_eq!(o.requested_by, b.buyer.user_id);
}

#[test]
fn bad_lines_are_refused_at_their_fields_and_nothing_is_written() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let mut negative_qty = line("Trapano", 1, 100, 22);
    negative_qty.quantity = -1000;
    let mut negative_price = line("Viti", 1, 1, 22);
    negative_price.unit_price = -5;
    let odd_rate = line("Carta", 1, 5, 7);
    let no_nature = line("Trasporto", 1, 50, 0);
    let e =
        b.t.app
            .create_order(
                &b.buyer,
                &order(
                    s.id,
                    vec![negative_qty, negative_price, odd_rate, no_nature],
                ),
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let got: Vec<(String, String)> = e
        .fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect();
    for want in [
        ("lines.0.quantity", "negative"),
        ("lines.1.unit_price", "negative"),
        ("lines.2.vat_rate_bp", "not_allowed"),
        ("lines.3.nature", "nature_required"),
    ] {
        assert!(
            got.iter().any(|(f, c)| f == want.0 && c == want.1),
            "{want:?} in {got:?}"
        );
    }
    let e =
        b.t.app
            .create_order(&b.buyer, &order(s.id, vec![]))
            .unwrap_err();
    assert_eq!(e.fields[0].field, "lines");
    assert_eq!(b.t.count("SELECT count(*) FROM purchase_orders"), 0);
}

#[test]
fn a_blocked_supplier_gets_no_new_order() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let draft =
        b.t.app
            .create_order(&b.buyer, &order(s.id, vec![line("Trapano", 1, 100, 22)]))
            .unwrap();
    b.t.app
        .block_supplier(&b.buyer, s.id, s.version, "DURC irregolare")
        .unwrap();
    let e =
        b.t.app
            .create_order(&b.buyer, &order(s.id, vec![line("Trapano", 1, 100, 22)]))
            .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "supplier_blocked")
    );
    // The draft already made cannot go to approval either.
    let e =
        b.t.app
            .submit_order(&b.buyer, draft.id, draft.version)
            .unwrap_err();
    assert_eq!(reason(&e), "supplier_blocked");
    assert_eq!(b.t.count("SELECT count(*) FROM purchase_orders"), 1);
}

#[test]
fn approval_tiers_numbers_and_refusals() {
    let b = buyers();
    let buyer2 = b.t.user("acquisti2", &[Role::Purchasing]);
    let admin2 = b.t.user("direzione", &[Role::Admin]);
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let small =
        b.t.app
            .create_order(&b.buyer, &order(s.id, vec![line("Trapano", 8, 100, 22)]))
            .unwrap();

    // A draft is neither sent nor approved.
    let e =
        b.t.app
            .mark_order_sent(&b.buyer, small.id, small.version)
            .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "not_approved")
    );
    let e =
        b.t.app
            .approve_order(&buyer2, small.id, small.version)
            .unwrap_err();
    assert_eq!(reason(&e), "not_pending");

    // 800 € net: purchasing approves, but never the person who asked.
    let small =
        b.t.app
            .submit_order(&b.buyer, small.id, small.version)
            .unwrap();
    assert_eq!(small.status, OrderState::PendingApproval);
    let e =
        b.t.app
            .mark_order_sent(&b.buyer, small.id, small.version)
            .unwrap_err();
    assert_eq!(reason(&e), "not_approved");
    let e =
        b.t.app
            .approve_order(&b.buyer, small.id, small.version)
            .unwrap_err();
    assert_eq!(reason(&e), "own_order");
    let small =
        b.t.app
            .approve_order(&buyer2, small.id, small.version)
            .unwrap();
    assert_eq!(small.status, OrderState::Approved);
    assert_eq!(small.number.as_deref(), Some("OA-2026-0001"));
    let sent =
        b.t.app
            .mark_order_sent(&b.buyer, small.id, small.version)
            .unwrap();
    assert_eq!(sent.status, OrderState::Sent);

    // 5.000 € net: a manager's; another buyer is not enough.
    let mid =
        b.t.app
            .create_order(
                &b.buyer,
                &order(s.id, vec![line("Banco da lavoro", 5, 1000, 22)]),
            )
            .unwrap();
    let mid = b.t.app.submit_order(&b.buyer, mid.id, mid.version).unwrap();
    let e =
        b.t.app
            .approve_order(&buyer2, mid.id, mid.version)
            .unwrap_err();
    assert_eq!(reason(&e), "role_too_low");
    // It waits for the manager, not for the buyers.
    let waiting = |who| {
        b.t.app
            .list_orders(
                who,
                &OrderQuery {
                    waiting_for_me: true,
                    ..OrderQuery::default()
                },
            )
            .unwrap()
            .items
            .iter()
            .map(|r| r.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(waiting(&b.manager), [mid.id]);
    assert!(waiting(&buyer2).is_empty());
    let mid =
        b.t.app
            .approve_order(&b.manager, mid.id, mid.version)
            .unwrap();
    assert_eq!(mid.number.as_deref(), Some("OA-2026-0002"));
    assert!(waiting(&b.manager).is_empty());

    // 60.000 € net: two administrators; the number comes with the second.
    let big =
        b.t.app
            .create_order(&b.buyer, &order(s.id, vec![line("Pressa", 1, 60_000, 22)]))
            .unwrap();
    let big = b.t.app.submit_order(&b.buyer, big.id, big.version).unwrap();
    let e =
        b.t.app
            .approve_order(&b.manager, big.id, big.version)
            .unwrap_err();
    assert_eq!(reason(&e), "role_too_low");
    let big =
        b.t.app
            .approve_order(&b.t.admin, big.id, big.version)
            .unwrap();
    assert_eq!(
        (big.status, big.number.clone()),
        (OrderState::PendingApproval, None)
    );
    let e =
        b.t.app
            .approve_order(&b.t.admin, big.id, big.version)
            .unwrap_err();
    assert_eq!(reason(&e), "already_approved");
    let need = big.approval.clone().unwrap();
    assert_eq!((need.needed, need.have), (2, 1));
    let big = b.t.app.approve_order(&admin2, big.id, big.version).unwrap();
    assert_eq!(big.number.as_deref(), Some("OA-2026-0003"));
    assert_eq!(big.approvals.len(), 2);

    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn a_change_after_approval_needs_approving_again_and_keeps_the_number() {
    let b = buyers();
    let buyer2 = b.t.user("acquisti2", &[Role::Purchasing]);
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let input = order(s.id, vec![line("Trapano", 2, 100, 22)]);
    let o = b.t.app.create_order(&b.buyer, &input).unwrap();
    let o = b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    let o = b.t.app.approve_order(&buyer2, o.id, o.version).unwrap();
    assert_eq!(o.status, OrderState::Approved);

    // Notes and the delivery address are not what was approved.
    let mut notes = input.clone();
    notes.notes = Some("Consegna al magazzino B".into());
    let o =
        b.t.app
            .update_order(&b.buyer, o.id, o.version, &notes)
            .unwrap();
    assert_eq!(o.status, OrderState::Approved);

    // A quantity is: back to approval, the earlier approval no longer counts.
    let mut more = notes.clone();
    more.lines[0].quantity = 3000;
    let o =
        b.t.app
            .update_order(&b.buyer, o.id, o.version, &more)
            .unwrap();
    assert_eq!(o.status, OrderState::PendingApproval);
    assert!(o.approvals.is_empty());
    assert_eq!(o.number.as_deref(), Some("OA-2026-0001"));
    let e =
        b.t.app
            .mark_order_sent(&b.buyer, o.id, o.version)
            .unwrap_err();
    assert_eq!(reason(&e), "not_approved");
    let o = b.t.app.approve_order(&buyer2, o.id, o.version).unwrap();
    assert_eq!(
        (o.status, o.number.as_deref()),
        (OrderState::Approved, Some("OA-2026-0001"))
    );
    assert_eq!(o.total_cents, 36_600);

    // Cancelling needs a reason.
    let e =
        b.t.app
            .cancel_order(&b.buyer, o.id, o.version, " ")
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let o =
        b.t.app
            .cancel_order(&b.buyer, o.id, o.version, "Fornitore in ritardo")
            .unwrap();
    assert_eq!(o.status, OrderState::Cancelled);
    let e =
        b.t.app
            .mark_order_sent(&b.buyer, o.id, o.version)
            .unwrap_err();
    assert_eq!(reason(&e), "cancelled");

    let report = b.t.app.verify_history(&b.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}
