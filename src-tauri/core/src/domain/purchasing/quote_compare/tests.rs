use super::*;
use crate::domain::purchasing::rfq::{Offer, OfferLine};

fn asked(id: i64, qty: i64) -> RequisitionLine {
    RequisitionLine {
        id,
        position: id,
        item_code: None,
        description: format!("line {id}"),
        category_id: None,
        unit: "pz".into(),
        quantity: qty * 1000,
        estimated_price: None,
    }
}

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, d).unwrap()
}

/// An offer of `prices` (euros per piece) for lines 1 and 2, valid until `valid`.
fn rfq(id: i64, prices: [i64; 2], valid: NaiveDate, blocked: bool) -> Rfq {
    let lines: Vec<OfferLine> = prices
        .iter()
        .enumerate()
        .map(|(i, p)| OfferLine {
            requisition_line_id: i as i64 + 1,
            unit_price: p * 10_000,
            discount_bp: 0,
            net_cents: p * 100 * 2,
        })
        .collect();
    Rfq {
        id,
        requisition_id: 1,
        supplier_id: id * 10,
        supplier_name: format!("S{id}"),
        supplier_blocked: blocked,
        status: RfqState::Answered,
        sent_on: None,
        reply_by: None,
        offer: Some(Offer {
            id,
            delivery_days: 10,
            valid_until: valid,
            conditions: None,
            total_cents: lines.iter().map(|l| l.net_cents).sum(),
            lines,
            version: 1,
        }),
        version: 1,
    }
}

#[test]
fn the_cheapest_per_line_and_in_total_among_valid_offers() {
    let lines = [asked(1, 2), asked(2, 2)];
    // S1 is cheaper in total, S2 on line 2, S3 cheapest of all but expired.
    let rfqs = [
        rfq(1, [10, 30], day(20), false),
        rfq(2, [25, 20], day(20), false),
        rfq(3, [1, 1], day(1), false),
    ];
    let c = compare(&lines, &rfqs, day(10));
    let cheapest: Vec<bool> = c.columns.iter().map(|x| x.cheapest).collect();
    assert_eq!(cheapest, [true, false, false]);
    assert_eq!(c.valid_offers, 2);
    let line2: Vec<bool> = c.lines[1]
        .cells
        .iter()
        .map(|x| x.as_ref().unwrap().cheapest)
        .collect();
    assert_eq!(line2, [false, true, false]);
    assert_eq!(check_choice(&c, 1, None).unwrap(), None);
    assert_eq!(
        check_choice(&c, 2, Some("  ")).unwrap_err().fields[0].code,
        "not_cheapest"
    );
    assert_eq!(
        check_choice(&c, 2, Some("faster")).unwrap(),
        Some("faster".into())
    );
    assert_eq!(
        check_choice(&c, 3, Some("cheap")).unwrap_err().params["reason"],
        "offer_expired"
    );
}

#[test]
fn a_blocked_supplier_neither_counts_nor_may_be_chosen() {
    let lines = [asked(1, 2), asked(2, 2)];
    let rfqs = [
        rfq(1, [10, 10], day(20), true),
        rfq(2, [25, 20], day(20), false),
    ];
    let c = compare(&lines, &rfqs, day(10));
    assert!(c.columns[1].cheapest);
    assert_eq!(c.valid_offers, 1);
    assert_eq!(
        check_choice(&c, 1, Some("x")).unwrap_err().params["reason"],
        "supplier_blocked"
    );
}

#[test]
fn the_quotes_rule() {
    assert_eq!(quotes_rule(None, 3, 900_000, Some(1)), None);
    let r = quotes_rule(Some(500_000), 3, 600_000, Some(2)).unwrap();
    assert!(r.applies && !r.met);
    assert!(quotes_rule(Some(500_000), 3, 500_000, None).unwrap().met);
    assert!(quotes_rule(Some(500_000), 3, 600_000, Some(3)).unwrap().met);
}
