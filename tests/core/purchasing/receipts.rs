//! Receiving at the service layer: partial receipts and the back order, the category's
//! over-receipt tolerance at its boundary (0 % without one), the order's status going forward
//! and back with receipts and their reversals; the helpers the other receiving tests share.
//! Refusals are in `receipt_refusals.rs`, IT assets in `receipt_assets.rs`.

use super::{buyers, Buyers};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::category::PurchaseCategoryInput;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm, PurchaseOrder};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::receiving::{
    ReceiptInput, ReceiptLineInput, ReceiptQuery, ToReceiveQuery,
};
use backoffice_core::services::Ctx;
use backoffice_core::{Error, ErrorCode};
use chrono::NaiveDate;

pub(super) fn line(
    description: &str,
    qty: i64,
    euros: i64,
    category_id: Option<i64>,
) -> OrderLineForm {
    OrderLineForm {
        item_code: None,
        description: description.into(),
        category_id,
        unit: None,
        quantity: qty * 1000,
        unit_price: euros * 10_000,
        discount_bp: 0,
        vat_rate_bp: 2200,
        nature: None,
    }
}

pub(super) fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

pub(super) fn receipt(order: &PurchaseOrder, lines: &[(usize, &str)]) -> ReceiptInput {
    ReceiptInput {
        order_id: order.id,
        received_on: day(2),
        delivery_note: Some("DDT 118/A".into()),
        delivery_note_date: Some(day(1)),
        notes: None,
        lines: lines
            .iter()
            .map(|&(i, q)| ReceiptLineInput {
                order_line_id: order.lines[i].id,
                quantity: q.into(),
                asset_category_id: None,
            })
            .collect(),
    }
}

pub(super) fn reason(e: &Error) -> String {
    e.params.get("reason").cloned().unwrap_or_default()
}

pub(super) fn fields(e: &Error) -> Vec<(String, String)> {
    e.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

pub(super) struct Setup {
    pub b: Buyers,
    pub approver: Ctx,
    pub supplier_id: i64,
}

pub(super) fn setup() -> Setup {
    let b = buyers();
    let approver = b.t.user("acquisti2", &[Role::Purchasing]);
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    Setup {
        b,
        approver,
        supplier_id: s.id,
    }
}

impl Setup {
    pub(super) fn draft(&self, lines: Vec<OrderLineForm>) -> PurchaseOrder {
        let input = OrderInput {
            supplier_id: self.supplier_id,
            department_id: None,
            currency: None,
            exchange_rate: None,
            delivery_address: None,
            delivery_date: Some(day(10)),
            payment_terms: None,
            notes: None,
            lines,
        };
        self.b.t.app.create_order(&self.b.buyer, &input).unwrap()
    }

    /// An order approved by another buyer (under 1.000 € net) or by the manager.
    pub(super) fn approved(&self, lines: Vec<OrderLineForm>) -> PurchaseOrder {
        let app = &self.b.t.app;
        let o = self.draft(lines);
        let o = app.submit_order(&self.b.buyer, o.id, o.version).unwrap();
        let who = if o.approval_cents <= 100_000 {
            &self.approver
        } else {
            &self.b.manager
        };
        let o = app.approve_order(who, o.id, o.version).unwrap();
        assert_eq!(o.status, OrderState::Approved);
        o
    }

    pub(super) fn order(&self, id: i64) -> PurchaseOrder {
        self.b.t.app.order(&self.b.buyer, id).unwrap()
    }

    pub(super) fn received(&self, id: i64) -> Vec<i64> {
        self.order(id).lines.iter().map(|l| l.received).collect()
    }

    pub(super) fn receipts(&self) -> i64 {
        self.b.t.count("SELECT count(*) FROM purchase_receipts")
    }

    pub(super) fn category(&self, code: &str) -> i64 {
        let cats = self
            .b
            .t
            .app
            .list_purchase_categories(&self.b.buyer, false)
            .unwrap();
        cats.iter()
            .find(|c| c.code.as_deref() == Some(code))
            .unwrap()
            .id
    }

    pub(super) fn verify(&self) {
        let report = self
            .b
            .t
            .app
            .verify_history(&self.b.t.admin, &mut |_| true)
            .unwrap();
        assert!(report.ok, "{report:?}");
    }
}

#[test]
fn partial_receipts_leave_a_back_order_and_reversals_take_the_order_back() {
    let s = setup();
    let app = &s.b.t.app;
    let o = s.approved(vec![
        line("Viti M6", 10, 2, None),
        line("Bulloni", 5, 3, None),
    ]);
    let o = app.mark_order_sent(&s.b.buyer, o.id, o.version).unwrap();

    let first = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(0, "4")]))
        .unwrap();
    assert_eq!(first.delivery_note.as_deref(), Some("DDT 118/A"));
    assert_eq!(first.lines[0].quantity, 4000);
    assert_eq!(s.received(o.id), [4000, 0]);
    assert_eq!(s.order(o.id).status, OrderState::PartlyReceived);

    // The report shows what is still to come: 6 screws and 5 bolts, 27 € net; late once the
    // delivery date has passed.
    let to_receive = |late_only| {
        app.orders_to_receive(
            &s.b.accountant,
            &ToReceiveQuery {
                late_only,
                ..ToReceiveQuery::default()
            },
        )
        .unwrap()
    };
    let page = to_receive(false);
    assert_eq!(page.total, 1);
    let row = &page.items[0];
    assert_eq!(
        (row.open_lines, row.remaining_cents, row.late),
        (2, 2_700, false)
    );
    assert_eq!(to_receive(true).total, 0);
    s.b.t.clock.advance(10 * 86_400);
    assert!(to_receive(true).items[0].late);

    let mut second = receipt(&o, &[(0, "6"), (1, "5")]);
    second.received_on = day(12);
    second.delivery_note = Some("DDT 131/A".into());
    let second = app.receive_order(&s.b.buyer, &second).unwrap();
    assert_eq!(s.received(o.id), [10_000, 5_000]);
    assert_eq!(s.order(o.id).status, OrderState::Received);
    assert_eq!(to_receive(false).total, 0);

    // The list: paged, by order, supplier, dates and delivery note.
    let list = |q: ReceiptQuery| app.list_receipts(&s.b.accountant, &q).unwrap();
    let all = list(ReceiptQuery {
        order_id: Some(o.id),
        ..ReceiptQuery::default()
    });
    assert_eq!(
        all.items.iter().map(|r| r.id).collect::<Vec<_>>(),
        [second.id, first.id]
    );
    assert_eq!(all.items[0].lines, 2);
    let later = list(ReceiptQuery {
        from: Some(day(5)),
        supplier_id: Some(s.supplier_id),
        ..ReceiptQuery::default()
    });
    assert_eq!(later.total, 1);
    let by_note = list(ReceiptQuery {
        search: Some("131".into()),
        ..ReceiptQuery::default()
    });
    assert_eq!(by_note.items[0].id, second.id);

    // A reversal needs a reason; then the order goes back to partly received.
    let e = app
        .reverse_receipt(&s.b.buyer, second.id, second.version, "  ")
        .unwrap_err();
    assert_eq!(fields(&e), [("reason".into(), "required".into())]);
    assert_eq!(s.received(o.id), [10_000, 5_000]);
    let reversed = app
        .reverse_receipt(&s.b.buyer, second.id, second.version, "Merce danneggiata")
        .unwrap();
    assert_eq!(
        reversed.reversal_reason.as_deref(),
        Some("Merce danneggiata")
    );
    assert!(reversed.reversed_at.is_some());
    assert_eq!(s.received(o.id), [4000, 0]);
    assert_eq!(s.order(o.id).status, OrderState::PartlyReceived);
    let e = app
        .reverse_receipt(&s.b.buyer, second.id, reversed.version, "di nuovo")
        .unwrap_err();
    assert_eq!(reason(&e), "already_reversed");
    assert!(list(ReceiptQuery::default()).items[0].reversed);

    // Every receipt reversed: nothing has arrived.
    app.reverse_receipt(
        &s.b.buyer,
        first.id,
        first.version,
        "Consegna registrata due volte",
    )
    .unwrap();
    assert_eq!(s.received(o.id), [0, 0]);
    assert_eq!(s.order(o.id).status, OrderState::Sent);
    assert_eq!(app.order_receipts(&s.b.accountant, o.id).unwrap().len(), 2);
    s.verify();
}

#[test]
fn the_tolerance_is_the_categorys_and_zero_without_one() {
    let s = setup();
    let app = &s.b.t.app;
    let raw = s.category("raw_materials");
    let cat = app
        .list_purchase_categories(&s.b.buyer, false)
        .unwrap()
        .into_iter()
        .find(|c| c.id == raw)
        .unwrap();
    app.update_purchase_category(
        &s.b.buyer,
        raw,
        cat.version,
        &PurchaseCategoryInput {
            name_it: cat.name_it.clone(),
            name_en: cat.name_en.clone(),
            over_receipt_bp: 500,
        },
    )
    .unwrap();
    let mut steel = line("Lamiera 2 mm", 10, 30, Some(raw));
    steel.unit = Some("kg".into());
    let o = s.approved(vec![steel, line("Guanti", 2, 5, None)]);

    // 5 % of 10 kg: 10,5 kg may arrive, 10,501 may not; the error names the line and the most.
    let e = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(0, "10.501"), (1, "2")]))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(
        fields(&e),
        [("lines.0.quantity".into(), "over_received".into())]
    );
    assert_eq!(e.fields[0].params["max"], "10.5");
    assert_eq!(e.fields[0].params["line"], "1");
    // No category: nothing more than ordered.
    let e = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(0, "10.5"), (1, "2.001")]))
        .unwrap_err();
    assert_eq!(
        fields(&e),
        [("lines.1.quantity".into(), "over_received".into())]
    );
    assert_eq!(
        (
            e.fields[0].params["max"].as_str(),
            e.fields[0].params["line"].as_str()
        ),
        ("2", "2")
    );
    assert_eq!(s.receipts(), 0);
    assert_eq!(s.received(o.id), [0, 0]);
    assert_eq!(s.order(o.id).status, OrderState::Approved);

    // Exactly the most allowed passes.
    app.receive_order(&s.b.buyer, &receipt(&o, &[(0, "10.5"), (1, "2")]))
        .unwrap();
    assert_eq!(s.received(o.id), [10_500, 2000]);
    assert_eq!(s.order(o.id).status, OrderState::Received);
    // Fully received: nothing more, even within the tolerance.
    let e = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(1, "0.001")]))
        .unwrap_err();
    assert_eq!(reason(&e), "fully_received");
    assert_eq!(s.receipts(), 1);
    s.verify();
}
