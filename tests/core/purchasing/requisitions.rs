//! Requisitions at the service layer: bad forms, approving your own refused, the approver's
//! role, every illegal move refused with nothing changed, "waiting for my approval" in the list
//! and on the attention list, and an approved requisition made an order directly, at the
//! supplier's listed prices and VAT.

use super::{buyers, Buyers};
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::price_list::SupplierPriceInput;
use backoffice_core::domain::purchasing::requisition::{
    RequisitionInput, RequisitionLineForm, RequisitionQuery, RequisitionView,
};
use backoffice_core::domain::purchasing::requisition_state::{RequisitionMove, RequisitionState};
use backoffice_core::domain::purchasing::vat_rate::Nature;
use backoffice_core::ErrorCode;

/// A line of `qty` pieces estimated at `euros` each.
pub fn req_line(description: &str, qty: i64, euros: i64) -> RequisitionLineForm {
    RequisitionLineForm {
        item_code: None,
        description: description.into(),
        category_id: None,
        unit: None,
        quantity: qty * 1000,
        estimated_price: Some(euros * 10_000),
    }
}

pub fn req_input(lines: Vec<RequisitionLineForm>) -> RequisitionInput {
    RequisitionInput {
        department_id: None,
        reason: "Rinnovo attrezzatura officina".into(),
        needed_by: None,
        lines,
    }
}

/// A requisition written and submitted by the buyer.
pub fn submitted(b: &Buyers, lines: Vec<RequisitionLineForm>) -> RequisitionView {
    let v =
        b.t.app
            .create_requisition(&b.buyer, &req_input(lines))
            .unwrap();
    let r = &v.requisition;
    b.t.app
        .move_requisition(&b.buyer, r.id, r.version, RequisitionMove::Submit)
        .unwrap()
}

/// Submitted by the buyer and approved by the manager.
pub fn approved(b: &Buyers, lines: Vec<RequisitionLineForm>) -> RequisitionView {
    let v = submitted(b, lines);
    let r = &v.requisition;
    b.t.app
        .approve_requisition(&b.manager, r.id, r.version)
        .unwrap()
}

fn reason(e: &backoffice_core::Error) -> String {
    e.params.get("reason").cloned().unwrap_or_default()
}

fn changes(b: &Buyers) -> i64 {
    b.t.count("SELECT count(*) FROM changes")
}

#[test]
fn a_requisition_is_numbered_and_estimated() {
    let b = buyers();
    let v =
        b.t.app
            .create_requisition(
                &b.buyer,
                &req_input(vec![req_line("Trapano", 2, 100), req_line("Punte", 10, 3)]),
            )
            .unwrap();
    let r = v.requisition;
    assert_eq!(r.number, "RDA-2026-0001");
    assert_eq!(r.status, RequisitionState::Draft);
    assert_eq!(r.estimate_cents, 23_000);
    assert_eq!(r.lines.len(), 2);
    assert_eq!(r.requested_by_name, "Persona acquisti");
    let second =
        b.t.app
            .create_requisition(&b.buyer, &req_input(vec![req_line("Viti", 1, 1)]))
            .unwrap();
    assert_eq!(second.requisition.number, "RDA-2026-0002");
}

#[test]
fn a_bad_form_names_its_fields_and_writes_nothing() {
    let b = buyers();
    let before = changes(&b);
    let mut bad = req_line("", -1, 1);
    bad.estimated_price = Some(-5);
    let mut input = req_input(vec![bad]);
    input.reason = "  ".into();
    let e = b.t.app.create_requisition(&b.buyer, &input).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let fields: Vec<(&str, &str)> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    for want in [
        ("reason", "required"),
        ("lines.0.description", "required"),
        ("lines.0.quantity", "negative"),
        ("lines.0.estimated_price", "negative"),
    ] {
        assert!(fields.contains(&want), "{want:?} in {fields:?}");
    }
    let e =
        b.t.app
            .create_requisition(&b.buyer, &req_input(vec![]))
            .unwrap_err();
    assert_eq!(e.fields[0].field, "lines");
    assert_eq!(changes(&b), before);
    assert_eq!(b.t.count("SELECT count(*) FROM requisitions"), 0);
}

#[test]
fn approving_your_own_requisition_is_refused_and_changes_nothing() {
    let b = buyers();
    let v = submitted(&b, vec![req_line("Trapano", 1, 100)]);
    let r = &v.requisition;
    assert!(!v.can_approve);
    let before = changes(&b);
    let e =
        b.t.app
            .approve_requisition(&b.buyer, r.id, r.version)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(reason(&e), "own_request");
    // Nor rejected by its own requester.
    let e =
        b.t.app
            .reject_requisition(&b.buyer, r.id, r.version, "no")
            .unwrap_err();
    assert_eq!(reason(&e), "own_request");
    assert_eq!(changes(&b), before);
    let now = b.t.app.requisition(&b.buyer, r.id).unwrap().requisition;
    assert_eq!(now.status, RequisitionState::Submitted);
    assert_eq!(now.version, r.version);
    assert_eq!(now.approved_by, None);
}

#[test]
fn the_approver_needs_a_role_that_reaches_the_tier() {
    let b = buyers();
    // 2.000 € estimated: the manager's tier.
    let v = submitted(&b, vec![req_line("Banco da lavoro", 1, 2_000)]);
    let r = &v.requisition;
    let other_buyer = b.t.user("acquisti2", &[Role::Purchasing]);
    for who in [&other_buyer, &b.accountant, &b.it] {
        let e =
            b.t.app
                .approve_requisition(who, r.id, r.version)
                .unwrap_err();
        assert_eq!(reason(&e), "role_too_low");
    }
    let hr = b.t.user("personale", &[Role::Hr]);
    let e =
        b.t.app
            .approve_requisition(&hr, r.id, r.version)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let ok =
        b.t.app
            .approve_requisition(&b.manager, r.id, r.version)
            .unwrap()
            .requisition;
    assert_eq!(ok.status, RequisitionState::Approved);
    assert_eq!(ok.approved_by, Some(b.manager.user_id));
    assert_eq!(ok.approved_on, Some(b.t.app.today()));
}

#[test]
fn every_illegal_move_is_refused_and_changes_nothing() {
    let b = buyers();
    let draft =
        b.t.app
            .create_requisition(&b.buyer, &req_input(vec![req_line("Trapano", 1, 100)]))
            .unwrap()
            .requisition;
    let before = changes(&b);
    let app = &b.t.app;
    // A draft is neither approved, rejected, ordered, withdrawn nor reworked.
    let e = app
        .approve_requisition(&b.manager, draft.id, draft.version)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let e = app
        .reject_requisition(&b.manager, draft.id, draft.version, "no")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    for mv in [RequisitionMove::Withdraw, RequisitionMove::Rework] {
        let e = app
            .move_requisition(&b.buyer, draft.id, draft.version, mv)
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::BadTransition, "{mv:?}");
    }
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let e = app
        .order_from_requisition(&b.buyer, draft.id, draft.version, s.id)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(changes(&b), before + 1, "only the supplier was written");
    // Submitted: not edited, not rejected without a reason.
    let sub = app
        .move_requisition(&b.buyer, draft.id, draft.version, RequisitionMove::Submit)
        .unwrap()
        .requisition;
    let before = changes(&b);
    let e = app
        .update_requisition(
            &b.buyer,
            sub.id,
            sub.version,
            &req_input(vec![req_line("X", 1, 1)]),
        )
        .unwrap_err();
    assert_eq!(reason(&e), "not_draft");
    let e = app
        .reject_requisition(&b.manager, sub.id, sub.version, "  ")
        .unwrap_err();
    assert_eq!(e.fields[0].field, "reason");
    let e = app
        .move_requisition(&b.buyer, sub.id, sub.version, RequisitionMove::Submit)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(changes(&b), before);
    let now = app.requisition(&b.buyer, sub.id).unwrap().requisition;
    assert_eq!(
        (now.status, now.version),
        (RequisitionState::Submitted, sub.version)
    );
    // Rejected with a reason, reworked, submitted again.
    let rej = app
        .reject_requisition(&b.manager, sub.id, sub.version, "Budget esaurito")
        .unwrap()
        .requisition;
    assert_eq!(rej.status, RequisitionState::Rejected);
    assert_eq!(rej.status_reason.as_deref(), Some("Budget esaurito"));
    let e = app
        .approve_requisition(&b.manager, rej.id, rej.version)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let back = app
        .move_requisition(&b.buyer, rej.id, rej.version, RequisitionMove::Rework)
        .unwrap()
        .requisition;
    assert_eq!(back.status, RequisitionState::Draft);
    assert_eq!(back.status_reason, None);
}

#[test]
fn waiting_for_my_approval_in_the_list_and_on_the_attention_list() {
    let b = buyers();
    let v = submitted(&b, vec![req_line("Trapano", 1, 2_000)]);
    submitted(&b, vec![req_line("Carta", 1, 10)]);
    let q = RequisitionQuery {
        waiting_for_me: true,
        ..RequisitionQuery::default()
    };
    let mine = b.t.app.list_requisitions(&b.manager, &q).unwrap();
    assert_eq!(mine.total, 2);
    // The requester waits for nobody; a buyer may approve the small one only.
    assert_eq!(b.t.app.list_requisitions(&b.buyer, &q).unwrap().total, 0);
    let other_buyer = b.t.user("acquisti2", &[Role::Purchasing]);
    let theirs = b.t.app.list_requisitions(&other_buyer, &q).unwrap();
    assert_eq!(theirs.total, 1);
    assert_eq!(theirs.items[0].reason, "Rinnovo attrezzatura officina");
    let all =
        b.t.app
            .list_requisitions(&b.accountant, &RequisitionQuery::default())
            .unwrap();
    assert_eq!(all.total, 2);
    let att = b.t.app.attention(&b.manager, Severity::Low, 50).unwrap();
    let item = att
        .items
        .iter()
        .find(|i| i.entity == "requisitions" && i.record_id == v.requisition.id)
        .expect("the requisition waits for the manager");
    assert_eq!(item.reason["kind"], "requisition_waiting");
    let att = b.t.app.attention(&b.buyer, Severity::Low, 50).unwrap();
    assert!(!att.items.iter().any(|i| i.entity == "requisitions"));
}

#[test]
fn an_approved_requisition_becomes_an_order_directly() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let v = approved(
        &b,
        vec![req_line("Trapano", 2, 100), req_line("Punte", 10, 3)],
    );
    let r = &v.requisition;
    let o =
        b.t.app
            .order_from_requisition(&b.buyer, r.id, r.version, s.id)
            .unwrap();
    assert_eq!(o.requisition_id, Some(r.id));
    assert_eq!(o.requisition_number.as_deref(), Some("RDA-2026-0001"));
    assert_eq!(o.rfq_id, None);
    assert_eq!(o.supplier_id, s.id);
    let lines: Vec<(&str, i64, i64)> = o
        .lines
        .iter()
        .map(|l| (l.description.as_str(), l.quantity, l.unit_price))
        .collect();
    assert_eq!(
        lines,
        [("Trapano", 2_000, 1_000_000), ("Punte", 10_000, 30_000)]
    );
    assert_eq!(o.taxable_cents, 23_000);
    let now = b.t.app.requisition(&b.buyer, r.id).unwrap().requisition;
    assert_eq!(now.status, RequisitionState::Ordered);
    assert_eq!(now.order_id, Some(o.id));
    // Ordered once only.
    let e =
        b.t.app
            .order_from_requisition(&b.buyer, r.id, now.version, s.id)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
}

#[test]
fn an_order_from_a_requisition_takes_the_suppliers_listed_price_and_vat() {
    let b = buyers();
    let s = b.supplier("Libreria Tecnica", "00488410010");
    // Books: 4 % VAT, 30,00 € each from ten copies (the requester guessed 35,00 €); a service
    // exempt under art. 10 (N4); nothing listed for the third line.
    let entry = |code: &str, description: &str, euros: i64, vat: i64, nature, from: i64| {
        SupplierPriceInput {
            item_code: Some(code.into()),
            description: description.into(),
            unit: Some("pz".into()),
            category_id: None,
            unit_price: euros * 10_000,
            currency: None,
            discount_bp: 500,
            vat_rate_bp: Some(vat),
            nature,
            min_quantity: from * 1000,
            valid_from: None,
            valid_to: None,
            notes: None,
        }
    };
    for e in [
        entry(
            "LIB-626",
            "Manuale sicurezza D.Lgs. 81/08",
            32,
            400,
            None,
            1,
        ),
        entry(
            "LIB-626",
            "Manuale sicurezza D.Lgs. 81/08",
            30,
            400,
            None,
            10,
        ),
        entry("FOR-01", "Corso di formazione", 200, 0, Some(Nature::N4), 0),
    ] {
        b.t.app
            .save_supplier_price(&b.buyer, s.id, None, 0, &e)
            .unwrap();
    }
    let mut book = req_line("Manuale sicurezza", 12, 35);
    book.item_code = Some("lib-626".into());
    let mut course = req_line("Corso di formazione", 1, 0);
    course.item_code = Some("FOR-01".into());
    course.estimated_price = None;
    let v = approved(&b, vec![book, course, req_line("Cancelleria varia", 1, 50)]);
    let r = &v.requisition;
    let o =
        b.t.app
            .order_from_requisition(&b.buyer, r.id, r.version, s.id)
            .unwrap();
    let lines: Vec<(i64, i64, i64, Option<Nature>)> = o
        .lines
        .iter()
        .map(|l| (l.unit_price, l.discount_bp, l.vat_rate_bp, l.nature))
        .collect();
    assert_eq!(
        lines,
        [
            (300_000, 500, 400, None),
            (2_000_000, 500, 0, Some(Nature::N4)),
            (500_000, 0, 2_200, None),
        ]
    );
}
