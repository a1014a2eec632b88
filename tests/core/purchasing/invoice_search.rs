//! Supplier invoices in the global search: by a fragment of the number and by the words of a
//! line, for those who read purchasing only.

use super::buyers;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::manual_invoice::{ManualInvoiceInput, ManualInvoiceLine};
use backoffice_core::domain::search::{GlobalSearchQuery, HitKind, SearchHit};
use chrono::NaiveDate;

fn line(description: &str, code: Option<&str>) -> ManualInvoiceLine {
    ManualInvoiceLine {
        item_code: code.map(str::to_owned),
        description: description.into(),
        unit: None,
        quantity: 1000,
        unit_price: 50 * 10_000,
        discount_bp: 0,
        vat_rate_bp: 2200,
        nature: None,
    }
}

fn invoice(supplier_id: i64, number: &str, lines: Vec<ManualInvoiceLine>) -> ManualInvoiceInput {
    ManualInvoiceInput {
        supplier_id,
        number: number.into(),
        date: NaiveDate::from_ymd_opt(2026, 1, 15),
        document_type: None,
        lines,
        dues: Vec::new(),
        order_numbers: Vec::new(),
        notes: None,
    }
}

#[test]
fn invoices_are_found_by_number_and_by_their_lines() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi S.r.l.", "00488410010");
    let screws =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &invoice(
                    s.id,
                    "FT-2026/0042",
                    vec![line("Viti M6 inox", Some("VM6-100"))],
                ),
            )
            .unwrap();
    let gloves =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &invoice(
                    s.id,
                    "118/B",
                    vec![
                        line("Guanti da lavoro in nitrile", None),
                        line("Occhiali protettivi", None),
                    ],
                ),
            )
            .unwrap();
    let search = |who, text: &str| -> Vec<SearchHit> {
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
            .filter(|h| h.kind == HitKind::SupplierInvoice)
            .collect()
    };
    // By a fragment of the number.
    let hits = search(&b.accountant, "0042");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, screws.id);
    assert_eq!(hits[0].title, "FT-2026/0042");
    assert_eq!(
        hits[0].detail.as_deref(),
        Some("Ferramenta Rossi S.r.l. · 2026-01-15")
    );
    // By the words of a line, in any case and order, and by a line's code.
    let hits = search(&b.buyer, "NITRILE guanti");
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].id, gloves.id);
    assert_eq!(
        hits[0].detail.as_deref(),
        Some("Ferramenta Rossi S.r.l. · 2026-01-15 · Guanti da lavoro in nitrile")
    );
    assert_eq!(search(&b.buyer, "vm6-1")[0].id, screws.id);
    // A word in no invoice finds none; those who do not read purchasing see no invoices.
    assert!(search(&b.buyer, "trapano").is_empty());
    let hr = b.t.user("personale", &[Role::Hr]);
    assert!(search(&hr, "nitrile").is_empty());
}
