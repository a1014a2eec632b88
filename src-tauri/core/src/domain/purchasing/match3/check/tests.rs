use super::super::tests::{invoice_line, open, order_line};
use super::super::*;

#[test]
fn a_clean_match_has_no_differences() {
    let lines = [invoice_line(1, "Cuscinetto", Some(8000), 45_000, 3_600)];
    let pairs = [Pairing {
        invoice_line: 1,
        order_id: 1,
        order_line: 1,
    }];
    let c = check_invoice(
        InvoiceKind::Invoice,
        &lines,
        &open(),
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(c[0].differences, []);
    assert_eq!(
        (c[0].quantity_delta, c[0].amount_delta_cents),
        (8000, 3_600)
    );
}

#[test]
fn quantity_price_and_vat_differences() {
    let mut inv = invoice_line(1, "Cuscinetto", Some(9000), 46_000, 4_140);
    inv.vat_rate_bp = 1000;
    let pairs = [Pairing {
        invoice_line: 1,
        order_id: 1,
        order_line: 1,
    }];
    let c = check_invoice(
        InvoiceKind::Invoice,
        &[inv],
        &open(),
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(
        c[0].differences,
        [
            Difference::Quantity {
                invoiced: 9000,
                available: 8000
            },
            Difference::Price {
                order_unit_price: 45_000,
                invoice_unit_price: 46_000,
                expected_cents: 4_050,
                invoiced_cents: 4_140
            },
            Difference::VatRate {
                order_rate_bp: 2200,
                order_nature: None,
                invoice_rate_bp: 1000,
                invoice_nature: None
            },
        ]
    );
}

#[test]
fn tolerances_absorb_small_differences() {
    let inv = invoice_line(1, "Cuscinetto", Some(8_400), 45_000, 3_800);
    let pairs = [Pairing {
        invoice_line: 1,
        order_id: 1,
        order_line: 1,
    }];
    // 8,4 invoiced on 8 received is 5 %; 38,00 € on 37,80 € expected is 0,20 €.
    let tol = MatchTolerances {
        qty_bp: 500,
        price_bp: 0,
        price_cents: 20,
    };
    let c = check_invoice(
        InvoiceKind::Invoice,
        std::slice::from_ref(&inv),
        &open(),
        &pairs,
        &tol,
    )
    .unwrap();
    assert_eq!(c[0].differences, []);
    let tight = MatchTolerances {
        qty_bp: 499,
        price_bp: 50,
        price_cents: 0,
    };
    let c = check_invoice(InvoiceKind::Invoice, &[inv], &open(), &pairs, &tight).unwrap();
    assert_eq!(c[0].differences.len(), 2);
    assert!(MatchTolerances {
        qty_bp: -1,
        price_bp: 0,
        price_cents: -1
    }
    .validate()
    .is_err());
    assert_eq!(MatchTolerances::effective(None, tol), tol);
    assert_eq!(MatchTolerances::effective(Some(tight), tol), tight);
}

#[test]
fn two_invoice_lines_on_one_order_line_share_what_was_received() {
    let lines = [
        invoice_line(1, "Cuscinetto", Some(5000), 45_000, 2_250),
        invoice_line(2, "Cuscinetto", Some(5000), 45_000, 2_250),
    ];
    let pairs = [
        Pairing {
            invoice_line: 2,
            order_id: 1,
            order_line: 1,
        },
        Pairing {
            invoice_line: 1,
            order_id: 1,
            order_line: 1,
        },
    ];
    let c = check_invoice(
        InvoiceKind::Invoice,
        &lines,
        &open(),
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(c[0].differences, []);
    assert_eq!(
        c[1].differences,
        [Difference::Quantity {
            invoiced: 5000,
            available: 3000
        }]
    );
}

#[test]
fn credit_notes_reduce_the_matched_amounts() {
    assert_eq!(
        InvoiceKind::from_document_type("td04"),
        InvoiceKind::CreditNote
    );
    assert_eq!(
        InvoiceKind::from_document_type("TD01"),
        InvoiceKind::Invoice
    );
    let mut o = open();
    o[0].invoiced = 8000;
    let pairs = [Pairing {
        invoice_line: 1,
        order_id: 1,
        order_line: 1,
    }];
    let returned = invoice_line(1, "Reso cuscinetti", Some(2000), 45_000, 900);
    let c = check_invoice(
        InvoiceKind::CreditNote,
        &[returned],
        &o,
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(
        (c[0].quantity_delta, c[0].amount_delta_cents),
        (-2000, -900)
    );
    assert_eq!(c[0].differences, []);
    // A price-only credit has no quantity and is not priced.
    let discount = invoice_line(1, "Abbuono", None, 0, 500);
    let c = check_invoice(
        InvoiceKind::CreditNote,
        &[discount],
        &o,
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(
        (
            c[0].quantity_delta,
            c[0].amount_delta_cents,
            c[0].differences.len()
        ),
        (0, -500, 0)
    );
    // Crediting more than was invoiced is a quantity difference.
    let too_much = invoice_line(1, "Reso", Some(9000), 45_000, 4_050);
    let c = check_invoice(
        InvoiceKind::CreditNote,
        &[too_much],
        &o,
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!(
        c[0].differences,
        [Difference::Quantity {
            invoiced: 9000,
            available: 8000
        }]
    );
}

#[test]
fn a_lump_sum_line_takes_what_is_available() {
    let inv = invoice_line(1, "Cuscinetti come da ordine", None, 0, 3_600);
    let pairs = [Pairing {
        invoice_line: 1,
        order_id: 1,
        order_line: 1,
    }];
    let c = check_invoice(
        InvoiceKind::Invoice,
        &[inv],
        &open(),
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap();
    assert_eq!((c[0].quantity_delta, c[0].differences.len()), (8000, 0));
}

#[test]
fn pairings_must_name_existing_lines() {
    let pairs = [Pairing {
        invoice_line: 9,
        order_id: 1,
        order_line: 99,
    }];
    let e = check_invoice(
        InvoiceKind::Invoice,
        &[],
        &open(),
        &pairs,
        &MatchTolerances::default(),
    )
    .unwrap_err();
    let got: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(got, ["pairings.0.invoice_line", "pairings.0.order_line"]);
}

#[test]
fn discounts_lower_the_order_price() {
    let mut o = order_line(1, "x", 100_000);
    o.discount_bp = 1250;
    assert_eq!(o.net_unit_price(), 87_500);
    o.invoiced = 9_000;
    assert_eq!(o.available(), 0);
}
