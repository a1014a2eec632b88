use super::{input, shop};
use backoffice_core::domain::assets::maintenance_log::{LogInput, Outcome};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn book_value_follows_the_fiscal_rate_and_ownership_adds_maintenance() {
    let s = shop();
    let app = &s.o.t.app;
    let mut v = input("NB-00001", "Portatile", s.laptop.id);
    v.cost_cents = Some(100_000);
    v.purchase_date = Some(day(2024, 7, 1));
    v.warranty_end = Some(day(2027, 7, 1));
    let a = app.create_asset(&s.it, &v).unwrap();
    // Laptops at 20 % a year, half in the first year: 10 % in 2024, 20 % in 2025.
    let value = app
        .asset_value(&s.it, a.id, Some(day(2025, 12, 31)))
        .unwrap();
    assert_eq!(value.rate_bp, 2000);
    let book = value.book.unwrap();
    assert_eq!(book.accumulated_cents, 30_000);
    assert_eq!(book.book_cents, 70_000);
    assert_eq!(
        value.plan.iter().map(|r| r.charge_cents).sum::<i64>(),
        100_000
    );
    assert_eq!(value.plan.first().unwrap().charge_cents, 10_000);
    // A repair of 45.50 € is part of what the laptop cost.
    app.log_asset_work(
        &s.it,
        a.id,
        &LogInput {
            done_on: None,
            work: "Sostituita la tastiera".into(),
            ticks: vec![],
            outcome: Outcome::Done,
            reason: None,
            minutes: Some(40),
            cost_cents: Some(4_550),
            currency: None,
            asset_id: Some(a.id),
        },
    )
    .unwrap();
    let value = app.asset_value(&s.it, a.id, None).unwrap();
    assert_eq!(value.maintenance_cents, 4_550);
    assert_eq!(value.total_cost_cents, 104_550);
    // Per category: the laptop's cost and book value at the end of 2025.
    let cats = app.book_values(&s.it, Some(day(2025, 12, 31))).unwrap();
    let laptops = cats.iter().find(|c| c.category_id == s.laptop.id).unwrap();
    assert_eq!(
        (laptops.assets, laptops.cost_cents, laptops.book_cents),
        (1, 100_000, 70_000)
    );
    // A viewer sees their own asset's value, never the whole inventory's.
    assert_eq!(
        app.book_values(&s.viewer, None).unwrap_err().code,
        backoffice_core::error::ErrorCode::Forbidden
    );
}
