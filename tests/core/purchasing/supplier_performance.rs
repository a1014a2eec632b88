//! A supplier's delivery performance is computed from the receipts: per year, deliveries on or
//! before the order's delivery date count as on time; reversed receipts do not count.

use super::receipts::{day, line, receipt, setup};

#[test]
fn on_time_deliveries_are_counted_from_the_receipts() {
    let s = setup();
    let app = &s.b.t.app;
    assert!(app
        .supplier_performance(&s.b.accountant, s.supplier_id)
        .unwrap()
        .is_empty());
    // Due on 10 March: 4 screws on the 2nd (on time), the rest on the 12th (two days late).
    let o = s.approved(vec![
        line("Viti M6", 10, 2, None),
        line("Bulloni", 5, 3, None),
    ]);
    app.receive_order(&s.b.buyer, &receipt(&o, &[(0, "4")]))
        .unwrap();
    s.b.t.clock.advance(10 * 86_400);
    let mut late = receipt(&o, &[(0, "6")]);
    late.received_on = day(12);
    app.receive_order(&s.b.buyer, &late).unwrap();
    // A delivery taken back does not count.
    let wrong = app
        .receive_order(&s.b.buyer, &receipt(&o, &[(1, "5")]))
        .unwrap();
    app.reverse_receipt(&s.b.buyer, wrong.id, wrong.version, "Articolo sbagliato")
        .unwrap();

    let years = app
        .supplier_performance(&s.b.accountant, s.supplier_id)
        .unwrap();
    assert_eq!(years.len(), 1, "{years:?}");
    let y = &years[0];
    assert_eq!((y.year, y.deliveries, y.on_time), (2026, 2, 1));
    assert_eq!(y.on_time_bp, Some(5_000));
    assert_eq!(y.late_days_avg, Some(2));

    // Those who do not read purchasing are refused.
    let hr = s.b.t.user(
        "personale",
        &[backoffice_core::domain::permissions::Role::Hr],
    );
    assert!(app.supplier_performance(&hr, s.supplier_id).is_err());
}
