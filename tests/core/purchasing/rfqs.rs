//! Requests for quotation: asking two suppliers, their offers side by side, the cheapest per
//! line and in total, a reason needed for a dearer choice, the order made with the offer's
//! prices and the quotes rule's result, refusals (blocked supplier, expired offer, illegal
//! moves) changing nothing, and the request's PDF read back.

use super::requisitions::{approved, req_line};
use super::{buyers, Buyers};
use backoffice_core::domain::purchasing::order_state::OrderState;
use backoffice_core::domain::purchasing::requisition::RequisitionView;
use backoffice_core::domain::purchasing::requisition_state::{RequisitionState, RfqState};
use backoffice_core::domain::purchasing::rfq::{OfferInput, OfferLineForm, QuoteRequestInput};
use backoffice_core::ErrorCode;
use chrono::{Days, NaiveDate};
use std::process::Command;

fn reason(e: &backoffice_core::Error) -> String {
    e.params.get("reason").cloned().unwrap_or_default()
}

fn changes(b: &Buyers) -> i64 {
    b.t.count("SELECT count(*) FROM changes")
}

fn in_days(b: &Buyers, n: u64) -> NaiveDate {
    b.t.app.today().checked_add_days(Days::new(n)).unwrap()
}

/// An offer with `prices` (euros per unit) for the requisition's lines, in order.
fn offer(v: &RequisitionView, prices: &[i64], days: i64, valid: NaiveDate) -> OfferInput {
    OfferInput {
        delivery_days: days,
        valid_until: Some(valid),
        conditions: Some("Franco destino, 60 gg DFFM".into()),
        lines: v
            .requisition
            .lines
            .iter()
            .zip(prices)
            .map(|(l, p)| OfferLineForm {
                requisition_line_id: l.id,
                unit_price: p * 10_000,
                discount_bp: 0,
            })
            .collect(),
    }
}

/// An approved requisition of 2 drills and 100 bits, with requests sent to two suppliers.
fn asked(b: &Buyers) -> (RequisitionView, i64, i64) {
    let s1 = b.supplier("Ferramenta Rossi", "00488410010");
    let s2 = b.supplier("Utensili Bianchi", "01114601006");
    let v = approved(
        b,
        vec![req_line("Trapano", 2, 1_500), req_line("Punte", 100, 5)],
    );
    let r = &v.requisition;
    let v =
        b.t.app
            .request_quotes(
                &b.buyer,
                r.id,
                r.version,
                &QuoteRequestInput {
                    supplier_ids: vec![s1.id, s2.id],
                    reply_by: Some(in_days(b, 10)),
                },
            )
            .unwrap();
    assert_eq!(v.rfqs.len(), 2);
    assert!(v.rfqs.iter().all(|q| q.status == RfqState::Draft));
    for q in &v.rfqs {
        let sent = b.t.app.mark_rfq_sent(&b.buyer, q.id, q.version).unwrap();
        assert_eq!(sent.status, RfqState::Sent);
        assert_eq!(sent.sent_on, Some(b.t.app.today()));
    }
    let v = b.t.app.requisition(&b.buyer, r.id).unwrap();
    let id_of = |name: &str| v.rfqs.iter().find(|q| q.supplier_name == name).unwrap().id;
    (
        v.clone(),
        id_of("Ferramenta Rossi"),
        id_of("Utensili Bianchi"),
    )
}

fn record(b: &Buyers, v: &RequisitionView, rfq: i64, input: &OfferInput) -> RequisitionView {
    let q = v.rfqs.iter().find(|q| q.id == rfq).unwrap();
    b.t.app
        .record_offer(&b.buyer, rfq, q.version, input)
        .unwrap()
}

#[test]
fn offers_side_by_side_and_the_dearer_choice_needs_a_reason() {
    let b = buyers();
    let (v, rossi, bianchi) = asked(&b);
    let valid = in_days(&b, 30);
    // Rossi: 2 × 1.400 + 100 × 6 = 3.400 €; Bianchi: 2 × 1.600 + 100 × 4 = 3.600 €.
    let v = record(&b, &v, rossi, &offer(&v, &[1_400, 6], 15, valid));
    let v = record(&b, &v, bianchi, &offer(&v, &[1_600, 4], 5, valid));
    let c = &v.comparison;
    assert_eq!(c.valid_offers, 2);
    let col = |id: i64| c.columns.iter().position(|x| x.rfq_id == id).unwrap();
    let (ri, bi) = (col(rossi), col(bianchi));
    assert!(c.columns[ri].cheapest && !c.columns[bi].cheapest);
    assert_eq!(c.columns[ri].total_cents, 340_000);
    assert_eq!(c.columns[bi].total_cents, 360_000);
    assert_eq!(c.columns[bi].delivery_days, 5);
    // Cheapest per line: the drills at Rossi, the bits at Bianchi.
    assert!(c.lines[0].cells[ri].as_ref().unwrap().cheapest);
    assert!(c.lines[1].cells[bi].as_ref().unwrap().cheapest);
    assert!(!c.lines[1].cells[ri].as_ref().unwrap().cheapest);

    // Choosing the dearer offer without a reason is refused and changes nothing.
    let q = v.rfqs.iter().find(|q| q.id == bianchi).unwrap();
    let before = changes(&b);
    let e =
        b.t.app
            .choose_offer(&b.buyer, bianchi, q.version, Some(" "))
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("reason", "not_cheapest")
    );
    assert_eq!(changes(&b), before);
    assert_eq!(b.t.count("SELECT count(*) FROM purchase_orders"), 0);

    // With a reason it makes the order with the offer's prices.
    let o =
        b.t.app
            .choose_offer(&b.buyer, bianchi, q.version, Some("Consegna in 5 giorni"))
            .unwrap();
    assert_eq!(o.status, OrderState::Draft);
    assert_eq!(o.supplier_name, "Utensili Bianchi");
    let prices: Vec<(i64, i64)> = o.lines.iter().map(|l| (l.quantity, l.unit_price)).collect();
    assert_eq!(prices, [(2_000, 16_000_000), (100_000, 40_000)]);
    assert_eq!(o.taxable_cents, 360_000);
    assert_eq!(o.requisition_id, Some(v.requisition.id));
    assert_eq!(o.rfq_id, Some(bianchi));
    assert_eq!(o.choice_reason.as_deref(), Some("Consegna in 5 giorni"));
    assert_eq!(o.quotes_compared, Some(2));
    assert_eq!(o.delivery_date, Some(in_days(&b, 5)));
    // 3.600 € is under the default threshold of 5.000 €: the rule does not apply.
    let rule = o.quotes_rule.clone().unwrap();
    assert!(!rule.applies && rule.met);

    let after = b.t.app.requisition(&b.buyer, v.requisition.id).unwrap();
    assert_eq!(after.requisition.status, RequisitionState::Ordered);
    assert_eq!(after.requisition.order_id, Some(o.id));
    let states: Vec<(i64, RfqState)> = after.rfqs.iter().map(|q| (q.id, q.status)).collect();
    assert!(states.contains(&(bianchi, RfqState::Chosen)));
    assert!(states.contains(&(rossi, RfqState::NotChosen)));
}

#[test]
fn the_cheapest_needs_no_reason_and_the_quotes_rule_shows_on_the_order() {
    let b = buyers();
    let (v, rossi, bianchi) = asked(&b);
    let valid = in_days(&b, 30);
    // Above 5.000 €: 2 × 2.600 + 100 × 5 = 5.700 € against 6.000 €.
    let v = record(&b, &v, rossi, &offer(&v, &[2_600, 5], 15, valid));
    let v = record(&b, &v, bianchi, &offer(&v, &[2_750, 5], 5, valid));
    let q = v.rfqs.iter().find(|q| q.id == rossi).unwrap();
    let o =
        b.t.app
            .choose_offer(&b.buyer, rossi, q.version, None)
            .unwrap();
    assert_eq!(o.choice_reason, None);
    let rule = o.quotes_rule.clone().unwrap();
    assert_eq!(
        (
            rule.above_cents,
            rule.required,
            rule.received,
            rule.applies,
            rule.met
        ),
        (500_000, 3, 2, true, false)
    );
    // The same on reading the order again; an administrator asking for two makes it met.
    b.t.app
        .save_quotes_rule(
            &b.t.admin,
            &backoffice_core::domain::purchasing::quote_compare::QuotesRuleSetting {
                above_cents: Some(500_000),
                required: 2,
            },
        )
        .unwrap();
    let o = b.t.app.order(&b.buyer, o.id).unwrap();
    assert!(o.quotes_rule.unwrap().met);
    let e =
        b.t.app
            .save_quotes_rule(
                &b.buyer,
                &backoffice_core::domain::purchasing::quote_compare::QuotesRuleSetting {
                    above_cents: None,
                    required: 2,
                },
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

#[test]
fn refusals_change_nothing() {
    let b = buyers();
    let (v, rossi, bianchi) = asked(&b);
    let valid = in_days(&b, 3);
    let app = &b.t.app;
    let q = |v: &RequisitionView, id: i64| v.rfqs.iter().find(|q| q.id == id).unwrap().clone();
    let before = changes(&b);
    // An offer that misses a line, with a negative price, expired already.
    let mut bad = offer(&v, &[-1], 10, in_days(&b, 0) - Days::new(1));
    bad.delivery_days = -2;
    let e = app
        .record_offer(&b.buyer, rossi, q(&v, rossi).version, &bad)
        .unwrap_err();
    let fields: Vec<(&str, &str)> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    for want in [
        ("delivery_days", "out_of_range"),
        ("valid_until", "in_the_past"),
        ("lines.0.unit_price", "negative"),
        ("lines.1.unit_price", "required"),
    ] {
        assert!(fields.contains(&want), "{want:?} in {fields:?}");
    }
    // Choosing before any offer: an illegal move.
    let e = app
        .choose_offer(&b.buyer, rossi, q(&v, rossi).version, Some("x"))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(changes(&b), before);

    let v = record(&b, &v, rossi, &offer(&v, &[1_400, 6], 15, valid));
    // A second offer on the same request, or a decline after it: illegal moves.
    let before = changes(&b);
    let e = app
        .record_offer(
            &b.buyer,
            rossi,
            q(&v, rossi).version,
            &offer(&v, &[1, 1], 1, valid),
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let e = app
        .decline_rfq(&b.buyer, rossi, q(&v, rossi).version)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(changes(&b), before);

    // A blocked supplier's offer is refused.
    let bianchi_supplier = q(&v, bianchi).supplier_id;
    let s = app.supplier(&b.buyer, bianchi_supplier).unwrap();
    app.block_supplier(&b.buyer, s.id, s.version, "DURC scaduto")
        .unwrap();
    let v = app.requisition(&b.buyer, v.requisition.id).unwrap();
    let before = changes(&b);
    let e = app
        .record_offer(
            &b.buyer,
            bianchi,
            q(&v, bianchi).version,
            &offer(&v, &[1, 1], 1, valid),
        )
        .unwrap_err();
    assert_eq!(reason(&e), "supplier_blocked");
    assert_eq!(changes(&b), before);

    // After its validity the offer is not chosen.
    b.t.clock.advance(5 * 86_400);
    let v = app.requisition(&b.buyer, v.requisition.id).unwrap();
    assert_eq!(v.comparison.valid_offers, 0);
    assert!(v.comparison.columns[0].expired);
    let e = app
        .choose_offer(&b.buyer, rossi, q(&v, rossi).version, Some("the only one"))
        .unwrap_err();
    assert_eq!(reason(&e), "offer_expired");
    assert_eq!(changes(&b), before);
    assert_eq!(b.t.count("SELECT count(*) FROM purchase_orders"), 0);
    let now = app.requisition(&b.buyer, v.requisition.id).unwrap();
    assert_eq!(now.requisition.status, RequisitionState::Approved);
    assert_eq!(q(&now, rossi).status, RfqState::Answered);
}

#[test]
fn quotes_are_asked_only_on_an_approved_requisition_of_suppliers_not_blocked() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let blocked = b.supplier("Utensili Bianchi", "01114601006");
    b.t.app
        .block_supplier(&b.buyer, blocked.id, blocked.version, "Non conforme")
        .unwrap();
    let draft =
        b.t.app
            .create_requisition(
                &b.buyer,
                &super::requisitions::req_input(vec![req_line("Trapano", 1, 100)]),
            )
            .unwrap()
            .requisition;
    let ask = |ids: Vec<i64>| QuoteRequestInput {
        supplier_ids: ids,
        reply_by: None,
    };
    let before = changes(&b);
    let e =
        b.t.app
            .request_quotes(&b.buyer, draft.id, draft.version, &ask(vec![s.id]))
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let v = approved(&b, vec![req_line("Trapano", 1, 100)]);
    let r = &v.requisition;
    let before2 = changes(&b);
    let e =
        b.t.app
            .request_quotes(&b.buyer, r.id, r.version, &ask(vec![s.id, blocked.id]))
            .unwrap_err();
    assert_eq!(reason(&e), "supplier_blocked");
    let e =
        b.t.app
            .request_quotes(&b.buyer, r.id, r.version, &ask(vec![]))
            .unwrap_err();
    assert_eq!(e.fields[0].field, "supplier_ids");
    assert_eq!(changes(&b), before2);
    assert!(before2 > before);
    assert_eq!(b.t.count("SELECT count(*) FROM rfqs"), 0);
}

fn pdf_text(bytes: &[u8], dir: &std::path::Path, name: &str) -> Option<String> {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        return None;
    }
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .unwrap();
    Some(String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_request_prints_for_its_supplier_and_saving_it_sends_it() {
    let b = buyers();
    let s1 = b.supplier("Ferramenta Rossi", "00488410010");
    let v = approved(
        &b,
        vec![
            req_line("Trapano a percussione", 2, 1_500),
            req_line("Punte HSS", 100, 5),
        ],
    );
    let r = &v.requisition;
    let v =
        b.t.app
            .request_quotes(
                &b.buyer,
                r.id,
                r.version,
                &QuoteRequestInput {
                    supplier_ids: vec![s1.id],
                    reply_by: Some(in_days(&b, 10)),
                },
            )
            .unwrap();
    let q = &v.rfqs[0];
    let dir = tempfile::tempdir().unwrap();
    let reply = in_days(&b, 10).format("%d/%m/%Y").to_string();
    for (lang, words) in [
        (
            "it",
            ["Richiesta di offerta", "Rispondere entro il", "Quantità"],
        ),
        (
            "en",
            ["Request for quotation", "Please reply by", "Quantity"],
        ),
    ] {
        let bytes = b.t.app.rfq_pdf_bytes(&b.buyer, q.id, lang).unwrap();
        assert!(bytes.starts_with(b"%PDF"));
        let Some(text) = pdf_text(&bytes, dir.path(), &format!("rdo-{lang}.pdf")) else {
            continue;
        };
        for w in words.iter().chain(&[
            "RDA-2026-0001",
            "Ferramenta Rossi",
            "Trapano a percussione",
            "Punte HSS",
        ]) {
            assert!(text.contains(w), "{w} in {text}");
        }
        assert!(text.contains(&reply));
        assert!(text.contains("100") && text.contains("pz"));
    }
    // In memory changes nothing; saved, a draft request becomes sent.
    assert_eq!(
        b.t.app.requisition(&b.buyer, r.id).unwrap().rfqs[0].status,
        RfqState::Draft
    );
    let path = dir.path().join("rdo.pdf");
    let saved = b.t.app.save_rfq_pdf(&b.buyer, q.id, "it", &path).unwrap();
    assert!(saved.pages >= 1 && path.exists());
    let now = &b.t.app.requisition(&b.buyer, r.id).unwrap().rfqs[0];
    assert_eq!(now.status, RfqState::Sent);
    assert_eq!(now.sent_on, Some(b.t.app.today()));
    // A reader may not send it.
    let e =
        b.t.app
            .rfq_pdf_bytes(&b.accountant, q.id, "it")
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}
