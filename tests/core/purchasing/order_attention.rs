//! Orders waiting for approval on the attention list: for the approvers whose role reaches the
//! order's tier, never for the requester, and gone for an approver once they have approved.

use super::buyers;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm};

fn order(supplier_id: i64, euros: i64) -> OrderInput {
    OrderInput {
        supplier_id,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: None,
        delivery_date: None,
        payment_terms: None,
        notes: None,
        lines: vec![OrderLineForm {
            item_code: None,
            description: "Tornio parallelo".into(),
            category_id: None,
            unit: None,
            quantity: 1_000,
            unit_price: euros * 10_000,
            discount_bp: 0,
            vat_rate_bp: 2200,
            nature: None,
        }],
    }
}

#[test]
fn a_waiting_order_is_on_its_approvers_list_until_they_approve() {
    let b = buyers();
    let s = b.supplier("Macchine Utensili Brambilla S.p.A.", "00488410010");
    let admin2 = b.t.user("direzione", &[Role::Admin]);
    // 60.000 € net: two administrators must approve (the default tiers).
    let o =
        b.t.app
            .create_order(&b.buyer, &order(s.id, 60_000))
            .unwrap();
    let o = b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    let waiting_for = |who| {
        b.t.app
            .attention(who, Severity::Low, 50)
            .unwrap()
            .items
            .into_iter()
            .filter(|i| i.entity == "purchase_orders")
            .collect::<Vec<_>>()
    };
    let mine = waiting_for(&b.t.admin);
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert_eq!(mine[0].record_id, o.id);
    assert_eq!(mine[0].record_name, "Macchine Utensili Brambilla S.p.A.");
    assert_eq!(mine[0].reason["kind"], "order_waiting");
    assert_eq!(mine[0].reason["total_cents"], 7_320_000);
    // A manager's role does not reach this tier; the requester never approves.
    assert!(waiting_for(&b.manager).is_empty());
    assert!(waiting_for(&b.buyer).is_empty());

    // Approved by one administrator: it still waits for the other, not for them.
    b.t.app.approve_order(&b.t.admin, o.id, o.version).unwrap();
    assert!(waiting_for(&b.t.admin).is_empty());
    assert_eq!(waiting_for(&admin2).len(), 1);
    let o = b.t.app.order(&admin2, o.id).unwrap();
    b.t.app.approve_order(&admin2, o.id, o.version).unwrap();
    assert!(waiting_for(&admin2).is_empty());
}
