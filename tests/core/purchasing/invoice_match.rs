//! The three-way match at the service layer: suggestions from the invoice's order reference,
//! the confirmed match with its quantity, price and VAT differences stored, approval for
//! payment refused while a difference is open and by anyone but accounting, a difference
//! accepted with a reason, history written; and the helpers the other match tests share.
//! Credit notes, re-matching and refused pairings are in `invoice_match_changes.rs`.

use super::receipts::{day, fields, line, reason, receipt, setup, Setup};
use backoffice_core::domain::purchasing::invoice::{InvoiceStatus, SupplierInvoice};
use backoffice_core::domain::purchasing::invoice_match::DifferenceState;
use backoffice_core::domain::purchasing::manual_invoice::{ManualInvoiceInput, ManualInvoiceLine};
use backoffice_core::domain::purchasing::match3::{Difference, Pairing};
use backoffice_core::domain::purchasing::order::PurchaseOrder;
use backoffice_core::ErrorCode;

pub(super) fn inv_line(
    description: &str,
    qty: i64,
    cents_price: i64,
    vat: i64,
) -> ManualInvoiceLine {
    ManualInvoiceLine {
        item_code: None,
        description: description.into(),
        unit: None,
        quantity: qty * 1000,
        unit_price: cents_price * 100,
        discount_bp: 0,
        vat_rate_bp: vat * 100,
        nature: None,
    }
}

impl Setup {
    /// 10 screws at 10 € and 5 nuts at 2 €, approved, with `received` of each arrived.
    pub(super) fn received_order(&self, received: (&str, &str)) -> PurchaseOrder {
        let o = self.approved(vec![
            line("Viti M6 inox", 10, 10, None),
            line("Dadi M6", 5, 2, None),
        ]);
        self.b
            .t
            .app
            .receive_order(
                &self.b.buyer,
                &receipt(&o, &[(0, received.0), (1, received.1)]),
            )
            .unwrap();
        self.order(o.id)
    }

    pub(super) fn invoice(
        &self,
        number: &str,
        td: &str,
        order: &PurchaseOrder,
        lines: Vec<ManualInvoiceLine>,
    ) -> SupplierInvoice {
        let input = ManualInvoiceInput {
            supplier_id: self.supplier_id,
            number: number.into(),
            date: Some(day(2)),
            document_type: Some(td.into()),
            lines,
            dues: Vec::new(),
            order_numbers: vec![order.number.clone().unwrap()],
            notes: None,
        };
        self.b
            .t
            .app
            .create_manual_invoice(&self.b.buyer, &input)
            .unwrap()
    }

    pub(super) fn invoiced(&self, order_id: i64) -> Vec<i64> {
        self.order(order_id)
            .lines
            .iter()
            .map(|l| l.invoiced)
            .collect()
    }

    /// Confirms the proposal's own pairing.
    pub(super) fn confirm_suggested(
        &self,
        invoice_id: i64,
    ) -> backoffice_core::domain::purchasing::invoice_match::InvoiceMatch {
        let app = &self.b.t.app;
        let p = app.match_proposal(&self.b.buyer, invoice_id).unwrap();
        app.confirm_match(&self.b.buyer, invoice_id, p.version, &p.pairing)
            .unwrap()
    }

    fn history(&self, entity: &str) -> i64 {
        self.b.t.count(&format!(
            "SELECT count(*) FROM changes WHERE entity = '{entity}'"
        ))
    }
}

#[test]
fn the_order_reference_suggests_the_match_and_a_clean_match_is_approved_for_payment() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.received_order(("10", "5"));
    let inv = s.invoice(
        "F-1",
        "TD01",
        &o,
        vec![
            inv_line("Dadi M6", 5, 200, 22),
            inv_line("Viti M6 inox", 10, 1000, 22),
        ],
    );
    let p = app.match_proposal(&s.b.buyer, inv.id).unwrap();
    assert_eq!(
        p.pairing,
        vec![
            Pairing {
                invoice_line: 1,
                order_id: o.id,
                order_line: 2
            },
            Pairing {
                invoice_line: 2,
                order_id: o.id,
                order_line: 1
            },
        ]
    );
    assert!(p.suggestions.iter().all(|x| x.by_reference));
    // Approving before the match is refused, and says why.
    let e = app
        .approve_for_payment(&s.b.accountant, inv.id, p.version)
        .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "not_matched")
    );
    let m = app
        .confirm_match(&s.b.buyer, inv.id, p.version, &p.pairing)
        .unwrap();
    assert_eq!(m.status, InvoiceStatus::Matched);
    assert!(m.differences.is_empty());
    assert_eq!(m.lines.len(), 2);
    assert_eq!(s.invoiced(o.id), vec![10_000, 5_000]);
    // The buyer sees it cannot approve; the accountant can.
    assert!(!m.approvable);
    let seen = app.invoice_match(&s.b.accountant, inv.id).unwrap();
    assert!(seen.approvable);
    let done = app
        .approve_for_payment(&s.b.accountant, inv.id, seen.version)
        .unwrap();
    assert_eq!(done.status, InvoiceStatus::ApprovedForPayment);
    assert!(done.approved_by_name.is_some() && done.approved_at.is_some());
    assert!(s.history("supplier_invoice_matches") >= 2);
    // Approved: the match no longer changes.
    let e = app
        .confirm_match(&s.b.buyer, inv.id, done.version, &p.pairing)
        .unwrap_err();
    assert_eq!(reason(&e), "already_approved");
    let e = app
        .unmatch_invoice(&s.b.buyer, inv.id, done.version)
        .unwrap_err();
    assert_eq!(reason(&e), "already_approved");
    s.verify();
}

#[test]
fn differences_block_payment_until_accounting_accepts_them_with_a_reason() {
    let s = setup();
    let app = &s.b.t.app;
    // 8 of 10 screws arrived; the invoice bills 10 at 10,50 € with VAT at 10 %.
    let o = s.received_order(("8", "5"));
    let inv = s.invoice(
        "F-2",
        "TD01",
        &o,
        vec![inv_line("Viti M6 inox", 10, 1050, 10)],
    );
    let m = s.confirm_suggested(inv.id);
    let kinds: Vec<Difference> = m.differences.iter().map(|d| d.difference).collect();
    assert_eq!(
        kinds,
        vec![
            Difference::Quantity {
                invoiced: 10_000,
                available: 8_000
            },
            Difference::Price {
                order_unit_price: 100_000,
                invoice_unit_price: 105_000,
                expected_cents: 10_000,
                invoiced_cents: 10_500,
            },
            Difference::VatRate {
                order_rate_bp: 2200,
                order_nature: None,
                invoice_rate_bp: 1000,
                invoice_nature: None,
            },
        ]
    );
    assert_eq!(m.open_differences, 3);
    let data_changes = || {
        s.b.t
            .count("SELECT count(*) FROM changes WHERE entity <> 'security'")
    };
    let changes = data_changes();
    // Open differences: refused, and nothing changes.
    let e = app
        .approve_for_payment(&s.b.accountant, inv.id, m.version)
        .unwrap_err();
    assert_eq!(
        (e.code, reason(&e).as_str()),
        (ErrorCode::BadTransition, "open_differences")
    );
    // Purchasing and managers neither accept nor approve payments.
    for who in [&s.b.buyer, &s.b.manager] {
        let e = app
            .accept_difference(who, inv.id, m.differences[0].id, "ok")
            .unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
        let e = app.approve_for_payment(who, inv.id, m.version).unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
    }
    // A reason is required.
    let e = app
        .accept_difference(&s.b.accountant, inv.id, m.differences[0].id, "  ")
        .unwrap_err();
    assert_eq!(
        fields(&e),
        vec![("reason".to_owned(), "required".to_owned())]
    );
    // Only the refusals were recorded (as denied events), nothing of the invoice.
    assert_eq!(data_changes(), changes);
    assert_eq!(
        app.invoice_match(&s.b.accountant, inv.id).unwrap().version,
        m.version
    );
    let mut last = m.clone();
    for d in &m.differences {
        last = app
            .accept_difference(
                &s.b.accountant,
                inv.id,
                d.id,
                "Listino aggiornato, DDT in arrivo",
            )
            .unwrap();
    }
    assert_eq!(last.open_differences, 0);
    assert!(last
        .differences
        .iter()
        .all(|d| d.state == DifferenceState::Accepted && d.accepted_by_name.is_some()));
    let e = app
        .accept_difference(&s.b.accountant, inv.id, m.differences[0].id, "di nuovo")
        .unwrap_err();
    assert_eq!(reason(&e), "already_accepted");
    let done = app
        .approve_for_payment(&s.b.accountant, inv.id, last.version)
        .unwrap();
    assert_eq!(done.status, InvoiceStatus::ApprovedForPayment);
    assert!(s.history("supplier_invoice_differences") >= 6);
    s.verify();
}
