//! The match changing over time: a credit note reducing what was invoiced, a re-match replacing
//! the earlier one and unmatching giving the quantities back, and bad pairings or stale versions
//! refused with nothing changed.

use super::invoice_match::inv_line;
use super::receipts::{day, fields, line, reason, setup};
use backoffice_core::domain::purchasing::invoice::InvoiceStatus;
use backoffice_core::domain::purchasing::match3::{Difference, Pairing};
use backoffice_core::domain::purchasing::match_reports::ToInvoiceQuery;
use backoffice_core::domain::purchasing::order::OrderInput;
use backoffice_core::ErrorCode;

#[test]
fn a_credit_note_reduces_what_was_invoiced() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("10", "5"));
    let inv = s.invoice(
        "F-3",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1000, 22)],
    );
    s.confirm_suggested(inv.id);
    assert_eq!(s.invoiced(o.id), vec![10_000, 0]);
    let credit = s.invoice(
        "NC-1",
        "TD04",
        &o,
        vec![inv_line("Viti M6 inox reso", 2, 1000, 22)],
    );
    let p = app.match_proposal(&s.b.buyer, credit.id).unwrap();
    assert_eq!(
        p.pairing,
        vec![Pairing {
            invoice_line: 1,
            order_id: o.id,
            order_line: 1
        }]
    );
    let m = app
        .confirm_match(&s.b.buyer, credit.id, p.version, &p.pairing)
        .unwrap();
    assert!(m.differences.is_empty(), "{:?}", m.differences);
    assert_eq!(
        (m.lines[0].quantity_delta, m.lines[0].amount_delta_cents),
        (-2_000, -2_000)
    );
    assert_eq!(s.invoiced(o.id), vec![8_000, 0]);
    // Received and not invoiced: the credited screws and the nuts.
    let rows = app
        .to_invoice(&s.b.buyer, &ToInvoiceQuery::default())
        .unwrap();
    assert_eq!(rows.total, 2);
    let screws = rows.items.iter().find(|r| r.line_no == 1).unwrap();
    assert_eq!(
        (screws.received, screws.invoiced, screws.to_invoice_cents),
        (10_000, 8_000, 2_000)
    );
    // Crediting more than was invoiced is a quantity difference.
    let too_much = s.invoice(
        "NC-2",
        "TD04",
        &o,
        vec![inv_line("Viti M6 inox", 9, 1000, 22)],
    );
    let m = s.confirm_suggested(too_much.id);
    assert!(matches!(
        m.differences[0].difference,
        Difference::Quantity {
            invoiced: 9_000,
            available: 8_000
        }
    ));
}

#[test]
fn a_rematch_replaces_the_earlier_one_and_unmatching_gives_the_quantities_back() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("10", "5"));
    let inv = s.invoice(
        "F-4",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1000, 22)],
    );
    // Wrongly on the nuts first: quantity and price differences.
    let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
    let wrong = vec![Pairing {
        invoice_line: 1,
        order_id: o.id,
        order_line: 2,
    }];
    let m = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &wrong)
        .unwrap();
    assert_eq!(m.open_differences, 2);
    assert_eq!(s.invoiced(o.id), vec![0, 10_000]);
    // The proposal starts from the stored pairing.
    let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
    assert_eq!(p.pairing, wrong);
    let right = vec![Pairing {
        invoice_line: 1,
        order_id: o.id,
        order_line: 1,
    }];
    let m = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &right)
        .unwrap();
    assert_eq!(m.open_differences, 0);
    assert!(m.differences.is_empty());
    assert_eq!(s.invoiced(o.id), vec![10_000, 0]);
    assert_eq!(
        s.b.t.count("SELECT count(*) FROM supplier_invoice_matches"),
        1
    );
    // The replaced match and differences are in history as deletions.
    assert_eq!(
        s.b.t.count("SELECT count(*) FROM changes WHERE entity = 'supplier_invoice_differences' AND op = 'delete'"),
        2
    );
    let m = app.unmatch_invoice(&s.b.buyer, inv.id, m.version).unwrap();
    assert_eq!(m.status, InvoiceStatus::ToMatch);
    assert!(m.lines.is_empty());
    assert_eq!(s.invoiced(o.id), vec![0, 0]);
    let e = app
        .unmatch_invoice(&s.b.buyer, inv.id, m.version)
        .unwrap_err();
    assert_eq!(reason(&e), "not_matched");
    s.verify();
}

#[test]
fn bad_pairings_and_stale_versions_are_refused_and_change_nothing() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("10", "5"));
    let inv = s.invoice(
        "F-5",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1000, 22)],
    );
    let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
    let before = s.b.t.count("SELECT count(*) FROM changes");
    let e = app
        .confirm_match(&s.b.buyer, inv.id, p.version - 1, &p.pairing)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Conflict);
    let e = app
        .confirm_match(
            &s.b.buyer,
            inv.id,
            p.version,
            &[Pairing {
                invoice_line: 7,
                order_id: o.id,
                order_line: 9,
            }],
        )
        .unwrap_err();
    assert_eq!(
        fields(&e),
        vec![
            ("pairings.0.invoice_line".to_owned(), "not_found".to_owned()),
            ("pairings.0.order_line".to_owned(), "not_found".to_owned()),
        ]
    );
    let twice = vec![p.pairing[0], p.pairing[0]];
    let e = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &twice)
        .unwrap_err();
    assert_eq!(
        fields(&e),
        vec![("pairings.1.invoice_line".to_owned(), "duplicate".to_owned())]
    );
    let e = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &[])
        .unwrap_err();
    assert_eq!(
        fields(&e),
        vec![("pairings".to_owned(), "required".to_owned())]
    );
    // Viewers and IT only read.
    let e = app
        .confirm_match(&s.b.it, inv.id, p.version, &p.pairing)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let denied =
        s.b.t
            .count("SELECT count(*) FROM changes WHERE entity = 'security'");
    assert_eq!(s.b.t.count("SELECT count(*) FROM changes"), before + denied);
    assert_eq!(
        s.b.t.count("SELECT count(*) FROM supplier_invoice_matches"),
        0
    );
    assert_eq!(
        app.invoice(&s.b.buyer, inv.id).unwrap().status,
        InvoiceStatus::ToMatch
    );
}

#[test]
fn an_order_with_a_matched_invoice_keeps_its_lines_until_the_match_is_removed() {
    let s = setup();
    let app = &s.b.t.app;
    // Invoiced before anything arrived: a quantity difference, and the order may still change.
    let o = s.approved(vec![
        line("Viti M6 inox", 10, 10, None),
        line("Dadi M6", 5, 2, None),
    ]);
    let inv = s.invoice("F-10", "TD01", &o, vec![inv_line("Dadi M6", 5, 200, 22)]);
    let m = s.confirm_suggested(inv.id);
    assert!(matches!(
        m.differences[0].difference,
        Difference::Quantity { available: 0, .. }
    ));
    let input = OrderInput {
        supplier_id: s.supplier_id,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: None,
        delivery_date: Some(day(10)),
        payment_terms: None,
        notes: None,
        lines: vec![line("Viti M6 inox", 10, 10, None)],
    };
    let e = app
        .update_order(&s.b.buyer, o.id, o.version, &input)
        .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "invoiced")
    );
    assert_eq!(s.order(o.id).lines.len(), 2);
    app.unmatch_invoice(&s.b.buyer, inv.id, m.version).unwrap();
    let o = s.order(o.id);
    let changed = app
        .update_order(&s.b.buyer, o.id, o.version, &input)
        .unwrap();
    assert_eq!(changed.lines.len(), 1);
}

#[test]
fn a_rematch_keeps_a_difference_accepted_while_it_is_the_same() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("10", "5"));
    // 10,50 € a screw where the order says 10,00 €: a price difference.
    let inv = s.invoice(
        "F-7",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1050, 22)],
    );
    let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
    let m = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &p.pairing)
        .unwrap();
    assert_eq!(m.open_differences, 1);
    let m = app
        .accept_difference(
            &s.b.accountant,
            inv.id,
            m.differences[0].id,
            "Listino nuovo",
        )
        .unwrap();
    assert_eq!(m.open_differences, 0);
    // Confirmed again as it was: the same difference stays accepted, by whom and why.
    let m = app
        .confirm_match(&s.b.buyer, inv.id, m.version, &p.pairing)
        .unwrap();
    assert_eq!(m.open_differences, 0);
    assert_eq!(m.differences.len(), 1);
    assert_eq!(
        s.b.t.count(
            "SELECT count(*) FROM supplier_invoice_differences
             WHERE state = 'accepted' AND reason = 'Listino nuovo'"
        ),
        1
    );
    // Paired with another line, the difference is another one: open again.
    let other = vec![Pairing {
        invoice_line: 1,
        order_id: o.id,
        order_line: 2,
    }];
    let m = app
        .confirm_match(&s.b.buyer, inv.id, m.version, &other)
        .unwrap();
    assert!(m.open_differences > 0);
    assert_eq!(
        s.b.t
            .count("SELECT count(*) FROM supplier_invoice_differences WHERE state = 'accepted'"),
        0
    );
    s.verify();
}
