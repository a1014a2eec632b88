use super::*;

#[test]
fn approval_needs_a_match_without_open_differences() {
    assert_eq!(
        can_approve(InvoiceStatus::ToMatch, 0),
        Err(MatchRefusal::NotMatched)
    );
    assert_eq!(
        can_approve(InvoiceStatus::Matched, 1),
        Err(MatchRefusal::OpenDifferences)
    );
    assert_eq!(can_approve(InvoiceStatus::Matched, 0), Ok(()));
    assert_eq!(
        can_approve(InvoiceStatus::ApprovedForPayment, 0),
        Err(MatchRefusal::AlreadyApproved)
    );
    assert_eq!(
        can_rematch(InvoiceStatus::ApprovedForPayment),
        Err(MatchRefusal::AlreadyApproved)
    );
    assert_eq!(
        can_unmatch(InvoiceStatus::ToMatch),
        Err(MatchRefusal::NotMatched)
    );
}

#[test]
fn only_accounting_and_administrators_approve_payments() {
    assert!(approves_payments(&[Role::Accounting]));
    assert!(approves_payments(&[Role::Purchasing, Role::Admin]));
    assert!(!approves_payments(&[Role::Manager, Role::Purchasing]));
}

#[test]
fn a_reason_is_required_and_trimmed() {
    assert!(accept_reason("  ").is_err());
    assert_eq!(accept_reason(" listino nuovo ").unwrap(), "listino nuovo");
    let e: Error = MatchRefusal::OpenDifferences.into();
    assert_eq!(
        e.params.get("reason").map(String::as_str),
        Some("open_differences")
    );
}

#[test]
fn a_line_takes_the_reference_naming_it_else_the_whole_invoice_one() {
    let line = StoredLine {
        position: 1,
        line_number: 2,
        item_code: None,
        description: "Viti".into(),
        quantity: Some(1000),
        quantity_text: None,
        unit: None,
        unit_price: 10_000,
        unit_price_text: "1.00".into(),
        adjustments: None,
        vat_rate_bp: 2200,
        nature: None,
        total_cents: 100,
    };
    let r = |doc: &str, lines: Vec<i64>, ours: Option<&str>| InvoiceOrderRef {
        document_id: doc.into(),
        date: None,
        line_numbers: lines,
        order_id: ours.map(|_| 1),
        order_number: ours.map(str::to_owned),
    };
    let refs = vec![
        r("x", vec![], None),
        r("oa 7", vec![2], Some("OA-2026-0007")),
    ];
    assert_eq!(
        match_line(&line, &refs).order_number.as_deref(),
        Some("OA-2026-0007")
    );
    assert_eq!(
        match_line(&line, &refs[..1]).order_number.as_deref(),
        Some("x")
    );
    let y = match_year(2026, 4, 1, 2);
    assert_eq!((y.quantity_bp, y.price_bp), (Some(2_500), Some(5_000)));
}
