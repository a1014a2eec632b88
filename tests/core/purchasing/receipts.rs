//! Receiving at the service layer: partial receipts and the back order, the category's
//! over-receipt tolerance at its boundary (0 % without one), the order's status going forward
//! and back, reversals with a reason, IT assets created with the order's data and retired by a
//! reversal, and every refusal (unapproved, cancelled or closed order, bad quantities, too
//! much, no reason, an asset already in use, the wrong role) changing nothing.

use super::{buyers, Buyers};
use backoffice_core::domain::assets::asset::{Asset, AssetInput, AssetStatus};
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

fn line(description: &str, qty: i64, euros: i64, category_id: Option<i64>) -> OrderLineForm {
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

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

fn receipt(order: &PurchaseOrder, lines: &[(usize, &str)]) -> ReceiptInput {
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

fn reason(e: &Error) -> String {
    e.params.get("reason").cloned().unwrap_or_default()
}

fn fields(e: &Error) -> Vec<(String, String)> {
    e.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

struct Setup {
    b: Buyers,
    approver: Ctx,
    supplier_id: i64,
}

fn setup() -> Setup {
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
    fn draft(&self, lines: Vec<OrderLineForm>) -> PurchaseOrder {
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
    fn approved(&self, lines: Vec<OrderLineForm>) -> PurchaseOrder {
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

    fn order(&self, id: i64) -> PurchaseOrder {
        self.b.t.app.order(&self.b.buyer, id).unwrap()
    }

    fn received(&self, id: i64) -> Vec<i64> {
        self.order(id).lines.iter().map(|l| l.received).collect()
    }

    fn receipts(&self) -> i64 {
        self.b.t.count("SELECT count(*) FROM purchase_receipts")
    }

    fn category(&self, code: &str) -> i64 {
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

    fn verify(&self) {
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

fn asset_input(a: &Asset, status: AssetStatus) -> AssetInput {
    AssetInput {
        tag: a.tag.clone(),
        name: a.name.clone(),
        category_id: a.category_id,
        manufacturer: a.manufacturer.clone(),
        model: a.model.clone(),
        serial: a.serial.clone(),
        supplier_name: a.supplier_name.clone(),
        order_number: a.order_number.clone(),
        purchase_date: a.purchase_date,
        cost_cents: a.cost_cents,
        currency: Some(a.currency.clone()),
        warranty_end: a.warranty_end,
        location_id: a.location_id,
        department_id: a.department_id,
        status,
        status_date: a.status_date,
        notes: a.notes.clone(),
    }
}

#[test]
fn an_it_line_creates_its_assets_and_a_reversal_retires_them() {
    let s = setup();
    let app = &s.b.t.app;
    let it_hw = s.category("it_hardware");
    let laptops = app
        .list_asset_categories(&s.b.it, false)
        .unwrap()
        .into_iter()
        .find(|c| c.code.as_deref() == Some("laptop"))
        .unwrap();
    let mut laptop = line(
        "Portatile Latitude 5440\nRAM 16 GB, SSD 512 GB",
        3,
        850,
        Some(it_hw),
    );
    laptop.item_code = Some("LAT5440".into());
    laptop.discount_bp = 1000;
    let o = s.approved(vec![laptop]);

    // One asset per unit: a part of a laptop is refused.
    let mut input = receipt(&o, &[(0, "1.5")]);
    input.lines[0].asset_category_id = Some(laptops.id);
    assert_eq!(
        fields(&app.receive_order(&s.b.buyer, &input).unwrap_err()),
        [("lines.0.quantity".into(), "not_whole".into())]
    );
    assert_eq!(s.b.t.count("SELECT count(*) FROM assets"), 0);

    input.lines[0].quantity = "2".into();
    let r = app.receive_order(&s.b.buyer, &input).unwrap();
    let tags: Vec<&str> = r.lines[0].assets.iter().map(|a| a.tag.as_str()).collect();
    assert_eq!(tags, ["NB-00001", "NB-00002"]);
    let a = app.asset(&s.b.it, r.lines[0].assets[0].id).unwrap();
    assert_eq!(a.name, "Portatile Latitude 5440");
    assert_eq!(a.model.as_deref(), Some("LAT5440"));
    assert_eq!(a.category_id, laptops.id);
    assert_eq!(a.supplier_name.as_deref(), Some("Ferramenta Rossi"));
    assert_eq!(a.order_number, o.number);
    assert_eq!(a.purchase_date, Some(day(2)));
    // 850 € less 10 %.
    assert_eq!((a.cost_cents, a.currency.as_str()), (Some(76_500), "EUR"));
    assert_eq!(a.status, AssetStatus::InStock);

    // Once IT has it in repair, the receipt is not reversed and nothing changes.
    let a = app
        .update_asset(
            &s.b.it,
            a.id,
            a.version,
            &asset_input(&a, AssetStatus::InRepair),
        )
        .unwrap();
    let e = app
        .reverse_receipt(&s.b.buyer, r.id, r.version, "Reso al fornitore")
        .unwrap_err();
    assert_eq!(
        (reason(&e).as_str(), e.params["tag"].as_str()),
        ("asset_in_use", "NB-00001")
    );
    assert_eq!(s.received(o.id), [2000]);
    assert_eq!(s.order(o.id).status, OrderState::PartlyReceived);

    // Back in stock, the reversal retires both.
    app.update_asset(
        &s.b.it,
        a.id,
        a.version,
        &asset_input(&a, AssetStatus::InStock),
    )
    .unwrap();
    app.reverse_receipt(&s.b.buyer, r.id, r.version, "Reso al fornitore")
        .unwrap();
    for asset in &r.lines[0].assets {
        let a = app.asset(&s.b.it, asset.id).unwrap();
        assert_eq!(a.status, AssetStatus::Retired);
        assert_eq!(a.notes.as_deref(), Some("Reso al fornitore"));
    }
    assert_eq!(s.received(o.id), [0]);
    assert_eq!(s.order(o.id).status, OrderState::Sent);
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
