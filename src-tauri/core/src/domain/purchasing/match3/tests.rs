use super::*;

pub(super) fn order_line(line_no: u32, description: &str, unit_price: i64) -> OrderLineOpen {
    OrderLineOpen {
        order_id: 1,
        order_number: "OA-2026-0007".into(),
        line_no,
        description: description.into(),
        ordered: 10_000,
        received: 8_000,
        invoiced: 0,
        unit_price,
        discount_bp: 0,
        vat_rate_bp: 2200,
        nature: None,
    }
}

pub(super) fn invoice_line(
    line_no: u32,
    description: &str,
    quantity: Option<i64>,
    unit_price: i64,
    net_cents: i64,
) -> InvoiceLine {
    InvoiceLine {
        line_no,
        description: description.into(),
        quantity,
        unit_price,
        net_cents,
        vat_rate_bp: 2200,
        nature: None,
        order_number: None,
        order_line_no: None,
    }
}

pub(super) fn open() -> Vec<OrderLineOpen> {
    vec![
        order_line(1, "Cuscinetto SKF 6204 2RS", 45_000),
        order_line(2, "Toner HP 305A nero", 890_000),
        order_line(3, "Carta A4 80 g risma", 38_000),
    ]
}

#[test]
fn a_named_order_and_line_is_certain() {
    let mut inv = invoice_line(1, "Articolo vario", Some(1000), 1, 1);
    inv.order_number = Some("OA-2026-0007".into());
    inv.order_line_no = Some(3);
    let s = suggest(&[inv], &open());
    assert_eq!(
        (s[0].order_line, s[0].score, s[0].by_reference),
        (3, 1000, true)
    );
    // The other lines of the named order follow, at 500 or more.
    assert!(s[1..].iter().all(|x| x.score >= 500 && x.by_reference));
}

#[test]
fn without_a_reference_descriptions_and_prices_decide() {
    let lines = [
        invoice_line(
            1,
            "TONER HP 305A NERO ORIGINALE",
            Some(2000),
            890_000,
            17_800,
        ),
        invoice_line(2, "Cuscinetto 6204-2RS SKF", Some(8000), 45_000, 3_600),
        invoice_line(3, "Trasporto", None, 150_000, 1_500),
    ];
    let s = suggest(&lines, &open());
    let best = |n: u32| s.iter().find(|x| x.invoice_line == n).map(|x| x.order_line);
    assert_eq!(best(1), Some(2));
    assert_eq!(best(2), Some(1));
    assert_eq!(best(3), None, "freight matches nothing");
    assert!(s.iter().all(|x| !x.by_reference));
    let pairs = first_pairing(&s);
    assert_eq!(
        pairs
            .iter()
            .map(|p| (p.invoice_line, p.order_line))
            .collect::<Vec<_>>(),
        [(1, 2), (2, 1)]
    );
    assert_eq!(unmatched_lines(&lines, &pairs), [3]);
}
