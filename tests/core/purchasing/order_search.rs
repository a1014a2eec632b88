//! Orders found by number and by what their lines buy: in the global search for those who read
//! purchasing, and in the order list's search; a changed line is found by its new words only.

use super::buyers;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm, OrderQuery};
use backoffice_core::domain::search::{GlobalSearchQuery, HitKind};

pub(super) fn line(description: &str, code: Option<&str>) -> OrderLineForm {
    OrderLineForm {
        item_code: code.map(str::to_owned),
        description: description.into(),
        category_id: None,
        unit: None,
        quantity: 2_000,
        unit_price: 100_0000,
        discount_bp: 0,
        vat_rate_bp: 2200,
        nature: None,
    }
}

pub(super) fn order(supplier_id: i64, lines: Vec<OrderLineForm>) -> OrderInput {
    OrderInput {
        supplier_id,
        department_id: None,
        currency: None,
        exchange_rate: None,
        delivery_address: None,
        delivery_date: None,
        payment_terms: None,
        notes: None,
        lines,
    }
}

#[test]
fn orders_are_found_by_number_and_by_their_lines() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let boss = b.t.user("direzione", &[Role::Manager]);
    let drill =
        b.t.app
            .create_order(
                &b.buyer,
                &order(
                    s.id,
                    vec![line("Trapano a percussione Bosch", Some("GSB-18V"))],
                ),
            )
            .unwrap();
    let drill =
        b.t.app
            .submit_order(&b.buyer, drill.id, drill.version)
            .unwrap();
    let drill =
        b.t.app
            .approve_order(&boss, drill.id, drill.version)
            .unwrap();
    assert_eq!(drill.number.as_deref(), Some("OA-2026-0001"));
    let gloves =
        b.t.app
            .create_order(
                &b.buyer,
                &order(
                    s.id,
                    vec![
                        line("Guanti da lavoro in nitrile", None),
                        line("Occhiali protettivi", None),
                    ],
                ),
            )
            .unwrap();

    let search = |who, text: &str| {
        b.t.app
            .global_search(
                who,
                &GlobalSearchQuery {
                    text: text.into(),
                    limit: 10,
                },
            )
            .unwrap()
            .hits
            .into_iter()
            .filter(|h| h.kind == HitKind::Order)
            .collect::<Vec<_>>()
    };
    // By a fragment of the number.
    let hits = search(&b.accountant, "2026-0001");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, drill.id);
    assert_eq!(hits[0].title, "OA-2026-0001");
    // By words of a line, in any case and order; a draft is named by its supplier.
    let hits = search(&b.buyer, "NITRILE guanti");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, gloves.id);
    assert_eq!(hits[0].title, "Ferramenta Rossi S.r.l.");
    assert_eq!(
        hits[0].detail.as_deref(),
        Some("Guanti da lavoro in nitrile")
    );
    // By a line's code.
    assert_eq!(search(&b.buyer, "gsb-18")[0].id, drill.id);
    // Those who do not read purchasing see no orders.
    let hr = b.t.user("personale", &[Role::Hr]);
    assert!(search(&hr, "trapano").is_empty());

    // The list's search finds the same, and a changed line by its new words only.
    let list = |text: &str| {
        b.t.app
            .list_orders(
                &b.buyer,
                &OrderQuery {
                    search: Some(text.into()),
                    ..OrderQuery::default()
                },
            )
            .unwrap()
            .items
            .into_iter()
            .map(|o| o.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(list("occhiali"), [gloves.id]);
    assert_eq!(list("0001"), [drill.id]);
    assert_eq!(list("rossi").len(), 2);
    b.t.app
        .update_order(
            &b.buyer,
            gloves.id,
            gloves.version,
            &order(s.id, vec![line("Scarpe antinfortunistiche S3", None)]),
        )
        .unwrap();
    assert!(list("occhiali").is_empty());
    assert!(list("guanti").is_empty());
    assert_eq!(list("antinfortunistiche"), [gloves.id]);
}
