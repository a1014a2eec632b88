//! Generated purchasing on a small company (2,000 orders): history verifies and runs in date
//! order with the rest, totals, receipts and invoices agree with the orders, and every B11
//! line comes out, the FatturaPA import included.

use backoffice_bench::generate::{generate, Options};
use backoffice_bench::purchase_bench;
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::Clock;
use chrono::{NaiveDate, TimeZone, Utc};
use std::sync::Arc;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[test]
fn generated_purchasing_is_consistent_and_b11_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(
        &Options {
            employees: 500,
            records: 3_000,
            seed: 11,
            data_dir: data.clone(),
            as_of: day(),
            orders: 2_000,
        },
        &mut |_| {},
    )
    .unwrap();
    let t = Utc.from_utc_datetime(&day().and_hms_opt(10, 0, 0).unwrap());
    let clock: Clock = Arc::new(move || t);
    let app = Backoffice::open(&data, clock).unwrap();
    let admin = Ctx::new(1, "admin", vec![Role::Admin]);

    let report = app.verify_history(&admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    let n = |sql: &str| -> i64 {
        app.store()
            .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap()
    };
    assert_eq!(n("SELECT count(*) FROM suppliers"), 100);
    assert_eq!(n("SELECT count(*) FROM purchase_orders"), 2_000);
    let lines = n("SELECT count(*) FROM purchase_order_lines");
    assert!((10_000..14_000).contains(&lines), "{lines}");
    assert!(n("SELECT count(*) FROM purchase_receipts") > 2_000);
    assert!(n("SELECT count(*) FROM supplier_invoices") > 1_800);
    assert!(n("SELECT count(*) FROM requisitions") >= 400);
    // History runs forwards in time across staff, audits, the inventory and purchasing.
    assert_eq!(
        n("SELECT count(*) FROM changes c JOIN changes p ON p.id = c.id - 1 WHERE c.at < p.at"),
        0
    );
    // Every row has its history entry.
    assert_eq!(
        n(
            "SELECT count(*) FROM purchase_order_lines l WHERE NOT EXISTS (SELECT 1 FROM changes
           WHERE entity = 'purchase_order_lines' AND row_id = l.id)"
        ),
        0
    );
    // Order totals are the sum of their lines' nets plus the VAT per rate; received orders
    // received everything; invoices add up to their lines and VAT.
    assert_eq!(
        n(
            "SELECT count(*) FROM purchase_orders o WHERE taxable_cents <>
           (SELECT sum(net_cents) FROM purchase_order_lines WHERE order_id = o.id)
           OR total_cents <> taxable_cents + tax_cents"
        ),
        0
    );
    assert_eq!(
        n("SELECT count(*) FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
           WHERE o.status = 'received' AND l.received <> l.quantity"),
        0
    );
    assert_eq!(
        n("SELECT count(*) FROM purchase_order_lines l WHERE received <>
           coalesce((SELECT sum(quantity) FROM purchase_receipt_lines WHERE order_line_id = l.id), 0)"),
        0
    );
    assert_eq!(
        n("SELECT count(*) FROM supplier_invoices i WHERE taxable_cents <>
           (SELECT sum(total_cents) FROM supplier_invoice_lines WHERE invoice_id = i.id)
           OR tax_cents <> (SELECT sum(tax_cents) FROM supplier_invoice_vat WHERE invoice_id = i.id)"),
        0
    );
    // Numbers run without gaps within each year.
    assert_eq!(
        n(
            "SELECT count(*) FROM (SELECT number_year, max(number_seq) m, count(*) k
           FROM purchase_orders WHERE number IS NOT NULL GROUP BY 1) WHERE m <> k"
        ),
        0
    );

    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let rows = purchase_bench::rows(&app, &work, 40, &mut |_| {}).unwrap();
    assert!(rows.len() > 30, "{}", rows.len());
    assert!(rows.iter().all(|r| !r.median.is_empty()));
    let import = rows
        .iter()
        .find(|r| r.figure.starts_with("import "))
        .unwrap();
    assert!(import.figure.contains("(40 imported"), "{}", import.figure);
    assert_eq!(
        n("SELECT count(*) FROM supplier_invoices WHERE source = 'fatturapa'"),
        40
    );
}
