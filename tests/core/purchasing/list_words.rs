//! The order and invoice lists' search over their word indexes (store::words): by number,
//! supplier and line, as typed (the beginning of a word, without accents or the dots of
//! "S.r.l."), together with the filters and paged the same whichever way the page is read; the
//! words follow every change of what they are made of.

use super::invoices::{input as invoice, line as invoice_line};
use super::order_search::{line, order};
use super::{buyers, supplier_input};
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::purchasing::invoice::InvoiceQuery;
use backoffice_core::domain::purchasing::order::OrderQuery;
use backoffice_core::domain::purchasing::order_state::OrderState;

/// Whether every word document equals what its view makes of the records now, and every record
/// has one.
fn words_in_step(b: &super::Buyers, index: &str, view: &str) {
    let stale = b.t.count(&format!(
        "SELECT count(*) FROM (SELECT v.id FROM {view} v LEFT JOIN {index} w ON w.rowid = v.id
          WHERE w.words IS NOT v.words
          UNION ALL SELECT w.rowid FROM {index} w LEFT JOIN {view} v ON v.id = w.rowid
          WHERE v.id IS NULL)"
    ));
    assert_eq!(stale, 0, "{index} differs from {view}");
}

#[test]
fn orders_are_found_by_the_words_of_their_number_supplier_and_lines() {
    let b = buyers();
    let rossi = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let citta = b.supplier("Forniture Città di Castello", "07643520567");
    let mut bearings = Vec::new();
    let mut screws = Vec::new();
    for i in 0..24 {
        let (s, l) = match i % 12 {
            0 => (
                rossi.id,
                line("Cuscinetto a sfere 6204-2RS", Some("CUS-6204")),
            ),
            _ => (citta.id, line("Vite M8 zincata", None)),
        };
        let o = b.t.app.create_order(&b.buyer, &order(s, vec![l])).unwrap();
        match i % 12 {
            0 => bearings.push(o),
            _ => screws.push(o),
        }
    }
    // Every order, newest first, and the ids a search should give in that order.
    let all: Vec<i64> =
        b.t.app
            .list_orders(&b.buyer, &OrderQuery::default())
            .unwrap()
            .items
            .iter()
            .map(|o| o.id)
            .collect();
    let among =
        |ids: &[i64]| -> Vec<i64> { all.iter().copied().filter(|id| ids.contains(id)).collect() };
    let list = |q: OrderQuery| {
        let p = b.t.app.list_orders(&b.buyer, &q).unwrap();
        (p.items.iter().map(|o| o.id).collect::<Vec<_>>(), p.total)
    };
    let search = |text: &str| {
        list(OrderQuery {
            search: Some(text.into()),
            ..OrderQuery::default()
        })
    };
    let bearing_ids: Vec<i64> = bearings.iter().map(|o| o.id).collect();
    let screw_ids: Vec<i64> = screws.iter().map(|o| o.id).collect();

    // Two of 24: read one by one; 22 of 24: tested along the date index. Same answers.
    assert_eq!(search("cuscinetto"), (among(&bearing_ids), 2));
    assert_eq!(search("vite"), (among(&screw_ids), 22));
    // A word being typed, in any case; a code; the supplier without accents or dots.
    assert_eq!(search("CUSCIN").0, among(&bearing_ids));
    assert_eq!(search("cus-6204").0, among(&bearing_ids));
    assert_eq!(search("6204 sfere").0, among(&bearing_ids));
    assert_eq!(search("srl").0, among(&bearing_ids));
    assert_eq!(search("rossi s.r.l.").0, among(&bearing_ids));
    assert_eq!(search("citta").0, among(&screw_ids));
    assert_eq!(search("CITTÀ castello").0, among(&screw_ids));
    // Every word is required, anywhere in the order; nothing found is an empty page.
    assert_eq!(search("vite rossi"), (Vec::new(), 0));
    assert_eq!(search("trapano"), (Vec::new(), 0));
    // A text without a letter or digit searches nothing: every order.
    assert_eq!(search(" - ").1, 24);

    // Paged: the second page of five is the sixth to tenth order found.
    let (page, total) = list(OrderQuery {
        search: Some("zincata".into()),
        page: PageRequest {
            offset: 5,
            limit: 5,
        },
        ..OrderQuery::default()
    });
    assert_eq!(total, 22);
    assert_eq!(page, among(&screw_ids)[5..10]);

    // With the filters: the status, among the orders found, counted the same.
    for o in [&screws[0], &screws[1], &bearings[0]] {
        b.t.app.submit_order(&b.buyer, o.id, o.version).unwrap();
    }
    let pending = |text: &str| {
        list(OrderQuery {
            search: Some(text.into()),
            status: Some(OrderState::PendingApproval),
            ..OrderQuery::default()
        })
    };
    let (ids, total) = pending("vite");
    assert_eq!(total, 2);
    let mut expected = vec![screws[0].id, screws[1].id];
    expected.sort_by_key(|id| all.iter().position(|a| a == id));
    assert_eq!(ids, expected);
    assert_eq!(pending("cuscinetto"), (vec![bearings[0].id], 1));

    // A number, once approval gives one: whole, by its beginning, by its last part.
    let approved =
        b.t.app
            .approve_order(&b.manager, bearings[0].id, bearings[0].version + 1)
            .unwrap();
    let number = approved.number.clone().unwrap();
    assert_eq!(search(&number).0, [approved.id]);
    assert_eq!(search(&number[..number.len() - 2]).0, [approved.id]);
    assert_eq!(search(&number[number.len() - 4..]).0, [approved.id]);

    // A supplier renamed is found by its new name only, on every order it has.
    let card = supplier_input("Ferramenta Verdi S.p.A.", "00488410010");
    b.t.app
        .update_supplier(&b.buyer, rossi.id, rossi.version, &card)
        .unwrap();
    assert_eq!(search("rossi").1, 0);
    assert_eq!(search("verdi spa").0, among(&bearing_ids));
    words_in_step(&b, "purchase_orders_words", "purchase_orders_words_text");
}

#[test]
fn invoices_are_found_by_the_words_of_their_number_supplier_and_lines() {
    let b = buyers();
    let rossi = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let other = b.supplier("Bianchi Forniture", "07643520567");
    let toner =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &invoice(
                    rossi.id,
                    "FPR 12/2026",
                    "2026-01-10",
                    vec![invoice_line("Toner nero HP 305", 2, 40, 22)],
                ),
            )
            .unwrap();
    let paper =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &invoice(
                    other.id,
                    "A-7",
                    "2026-01-12",
                    vec![invoice_line("Carta A4 80 g, risma da 500 fogli", 10, 4, 22)],
                ),
            )
            .unwrap();
    let search = |text: &str| {
        b.t.app
            .list_invoices(
                &b.accountant,
                &InvoiceQuery {
                    search: Some(text.into()),
                    ..InvoiceQuery::default()
                },
            )
            .unwrap()
            .items
            .into_iter()
            .map(|i| i.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(search("toner"), [toner.id]);
    assert_eq!(search("risma fogli"), [paper.id]);
    assert_eq!(search("12/2026"), [toner.id]);
    assert_eq!(search("fpr"), [toner.id]);
    assert_eq!(search("srl"), [toner.id]);
    assert_eq!(search("forn"), [paper.id]);
    assert!(search("trapano").is_empty());

    let card = supplier_input("Cartoleria Neri", "07643520567");
    b.t.app
        .update_supplier(&b.buyer, other.id, other.version, &card)
        .unwrap();
    assert!(search("bianchi").is_empty());
    assert_eq!(search("cartoleria"), [paper.id]);
    words_in_step(
        &b,
        "supplier_invoices_words",
        "supplier_invoices_words_text",
    );
}

#[test]
fn a_pasted_page_of_text_is_searched_by_its_first_words() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let o =
        b.t.app
            .create_order(
                &b.buyer,
                &order(s.id, vec![line("Cuscinetto a sfere", None)]),
            )
            .unwrap();
    // Sixteen words the order holds, then thousands it does not: only the first are searched.
    let page = format!("{}{}", "cuscinetto ".repeat(16), "trapano ".repeat(20_000));
    let found =
        b.t.app
            .list_orders(
                &b.buyer,
                &OrderQuery {
                    search: Some(page),
                    ..OrderQuery::default()
                },
            )
            .unwrap();
    assert_eq!(found.items.iter().map(|r| r.id).collect::<Vec<_>>(), [o.id]);
}
