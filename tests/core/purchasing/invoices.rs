//! Supplier invoices entered by hand (totals by the order rules, bad input at its field with
//! nothing written, the duplicate rule), the invoice list's filters and sorts, and the
//! due-payments report.

use super::buyers;
use backoffice_core::domain::page::SortDir;
use backoffice_core::domain::purchasing::invoice::{
    DueQuery, InvoiceQuery, InvoiceSort, InvoiceSource,
};
use backoffice_core::domain::purchasing::manual_invoice::{
    ManualDue, ManualInvoiceInput, ManualInvoiceLine,
};
use backoffice_core::domain::purchasing::vat_rate::Nature;
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

pub(super) fn line(description: &str, qty: i64, euros: i64, vat: i64) -> ManualInvoiceLine {
    ManualInvoiceLine {
        item_code: None,
        description: description.into(),
        unit: None,
        quantity: qty * 1000,
        unit_price: euros * 10_000,
        discount_bp: 0,
        vat_rate_bp: vat * 100,
        nature: None,
    }
}

pub(super) fn input(
    supplier_id: i64,
    number: &str,
    date: &str,
    lines: Vec<ManualInvoiceLine>,
) -> ManualInvoiceInput {
    ManualInvoiceInput {
        supplier_id,
        number: number.into(),
        date: Some(day(date)),
        document_type: None,
        lines,
        dues: Vec::new(),
        order_numbers: Vec::new(),
        notes: None,
    }
}

fn fields(e: &backoffice_core::Error) -> Vec<(String, String)> {
    e.fields
        .iter()
        .map(|f| (f.field.clone(), f.code.clone()))
        .collect()
}

#[test]
fn a_manual_invoice_adds_up_per_rate_and_keeps_its_due_dates() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let mut exempt = line("Trasporto", 1, 30, 0);
    exempt.nature = Some(Nature::N1);
    let mut i = input(
        s.id,
        "123/A",
        "2026-02-20",
        vec![
            line("Viti", 3, 10, 22),
            line("Dadi", 1, 5, 22),
            exempt,
            line("Libri", 2, 10, 4),
        ],
    );
    // 35 + 7,70 VAT; 30 exempt; 20 + 0,80 VAT = 93,50.
    i.dues = vec![
        ManualDue {
            due_date: day("2026-03-31"),
            amount_cents: 5_000,
            method: Some("MP05".into()),
            iban: Some("IT60 X054 2811 1010 0000 0123 456".into()),
        },
        ManualDue {
            due_date: day("2026-04-30"),
            amount_cents: 4_350,
            method: None,
            iban: None,
        },
    ];
    let inv = b.t.app.create_manual_invoice(&b.buyer, &i).unwrap();
    assert_eq!(inv.source, InvoiceSource::Manual);
    assert_eq!(
        (inv.taxable_cents, inv.tax_cents, inv.total_cents),
        (8_500, 850, 9_350)
    );
    assert_eq!(inv.vat.len(), 3);
    assert_eq!(inv.vat[0].vat_rate_bp, 2200);
    assert_eq!(inv.vat[0].tax_cents, 770);
    assert_eq!(inv.lines[2].nature.as_deref(), Some("N1"));
    assert_eq!(
        inv.dues[0].iban.as_deref(),
        Some("IT60X0542811101000000123456")
    );
    assert_eq!(inv.first_due_date, Some(day("2026-03-31")));
    assert_eq!(inv.document_type, "TD01");
    assert!(inv.file_sha256.is_none());
}

#[test]
fn bad_manual_invoices_are_refused_at_their_fields_and_nothing_is_written() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let mut bad = line("Viti", 1, 10, 22);
    bad.unit_price = -1;
    let mut no_nature = line("Esente", 1, 10, 0);
    no_nature.nature = None;
    let mut i = input(
        s.id,
        "",
        "2026-12-31",
        vec![bad, no_nature, line("", 0, 1, 22)],
    );
    i.document_type = Some("TD99".into());
    i.dues = vec![ManualDue {
        due_date: day("2026-03-31"),
        amount_cents: 100,
        method: Some("MP99".into()),
        iban: Some("IT00X0542811101000000123456".into()),
    }];
    let e = b.t.app.create_manual_invoice(&b.buyer, &i).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    let f = fields(&e);
    for expected in [
        ("number", "required"),
        ("date", "in_future"),
        ("document_type", "not_allowed"),
        ("lines.0.unit_price", "negative"),
        ("lines.1.nature", "nature_required"),
        ("lines.2.description", "required"),
        ("lines.2.quantity", "must_be_positive"),
        ("dues.0.method", "not_allowed"),
        ("dues.0.iban", "invalid_iban"),
    ] {
        assert!(
            f.contains(&(expected.0.into(), expected.1.into())),
            "{expected:?} not in {f:?}"
        );
    }
    // Dues that do not make the total.
    let mut i = input(s.id, "1", "2026-02-01", vec![line("Viti", 1, 10, 22)]);
    i.dues = vec![ManualDue {
        due_date: day("2026-03-31"),
        amount_cents: 1_000,
        method: None,
        iban: None,
    }];
    let e = b.t.app.create_manual_invoice(&b.buyer, &i).unwrap_err();
    assert_eq!(fields(&e), vec![("dues".into(), "not_total".into())]);
    // An unknown supplier.
    let e =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &input(9_999, "1", "2026-02-01", vec![line("V", 1, 1, 22)]),
            )
            .unwrap_err();
    assert_eq!(fields(&e), vec![("supplier_id".into(), "not_found".into())]);
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 0);
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoice_lines"), 0);
}

#[test]
fn the_same_number_and_date_of_a_supplier_is_one_invoice() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let other = b.supplier("Bianchi", "07643520567");
    let first =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &input(s.id, "FT-1", "2026-02-01", vec![line("V", 1, 1, 22)]),
            )
            .unwrap();
    let e =
        b.t.app
            .create_manual_invoice(
                &b.buyer,
                &input(s.id, " FT-1 ", "2026-02-01", vec![line("W", 2, 1, 22)]),
            )
            .unwrap_err();
    assert_eq!(
        fields(&e),
        vec![("number".into(), "duplicate_invoice".into())]
    );
    assert_eq!(e.fields[0].params["id"], first.id.to_string());
    // Another date or another supplier is another invoice.
    b.t.app
        .create_manual_invoice(
            &b.buyer,
            &input(s.id, "FT-1", "2026-02-02", vec![line("V", 1, 1, 22)]),
        )
        .unwrap();
    b.t.app
        .create_manual_invoice(
            &b.buyer,
            &input(other.id, "FT-1", "2026-02-01", vec![line("V", 1, 1, 22)]),
        )
        .unwrap();
    assert_eq!(b.t.count("SELECT count(*) FROM supplier_invoices"), 3);
    // Only purchasing enters invoices.
    let e =
        b.t.app
            .create_manual_invoice(
                &b.accountant,
                &input(s.id, "FT-9", "2026-02-01", vec![line("V", 1, 1, 22)]),
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

#[test]
fn the_list_filters_and_sorts_and_the_due_report_goes_by_date() {
    let b = buyers();
    let s = b.supplier("Ferramenta Rossi", "00488410010");
    let other = b.supplier("Bianchi Forniture", "07643520567");
    let mk = |sid: i64, n: &str, date: &str, euros: i64, due: &str| {
        let mut i = input(sid, n, date, vec![line("V", 1, euros, 0)]);
        i.lines[0].nature = Some(Nature::N4);
        i.dues = vec![ManualDue {
            due_date: day(due),
            amount_cents: euros * 100,
            method: Some("MP05".into()),
            iban: None,
        }];
        b.t.app.create_manual_invoice(&b.buyer, &i).unwrap()
    };
    mk(s.id, "A-1", "2026-01-10", 100, "2026-03-31");
    mk(s.id, "A-2", "2026-02-10", 300, "2026-02-28");
    mk(other.id, "B-1", "2026-01-20", 200, "2026-04-30");

    let list = |q: InvoiceQuery| {
        b.t.app
            .list_invoices(&b.accountant, &q)
            .unwrap()
            .items
            .into_iter()
            .map(|r| r.number)
            .collect::<Vec<_>>()
    };
    assert_eq!(list(InvoiceQuery::default()), ["A-2", "B-1", "A-1"]);
    assert_eq!(
        list(InvoiceQuery {
            sort: Some(InvoiceSort::Total),
            dir: Some(SortDir::Asc),
            ..Default::default()
        }),
        ["A-1", "B-1", "A-2"]
    );
    assert_eq!(
        list(InvoiceQuery {
            sort: Some(InvoiceSort::Due),
            dir: Some(SortDir::Asc),
            ..Default::default()
        }),
        ["A-2", "A-1", "B-1"]
    );
    assert_eq!(
        list(InvoiceQuery {
            supplier_id: Some(s.id),
            min_total: Some(20_000),
            ..Default::default()
        }),
        ["A-2"]
    );
    assert_eq!(
        list(InvoiceQuery {
            search: Some("bianchi".into()),
            ..Default::default()
        }),
        ["B-1"]
    );
    assert_eq!(
        list(InvoiceQuery {
            search: Some("a-1".into()),
            from: Some(day("2026-01-01")),
            to: Some(day("2026-01-31")),
            ..Default::default()
        }),
        ["A-1"]
    );
    let dues =
        b.t.app
            .due_payments(&b.accountant, &DueQuery::default())
            .unwrap();
    assert_eq!(dues.total, 3);
    let order: Vec<&str> = dues.items.iter().map(|d| d.number.as_str()).collect();
    assert_eq!(order, ["A-2", "A-1", "B-1"]);
    let march =
        b.t.app
            .due_payments(
                &b.accountant,
                &DueQuery {
                    from: Some(day("2026-03-01")),
                    to: Some(day("2026-03-31")),
                    ..Default::default()
                },
            )
            .unwrap();
    assert_eq!(march.items.len(), 1);
    assert_eq!(march.items[0].amount_cents, 10_000);
    assert_eq!(march.items[0].supplier_name, "Ferramenta Rossi");
}
