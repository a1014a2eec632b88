//! The generated IT inventory on a company of 2,000 employees: history verifies and runs in
//! date order, each asset's holder is its open hand-over, and the B9 lines all come out.

use backoffice_bench::asset_bench;
use backoffice_bench::generate::{generate, Options};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::Clock;
use chrono::{NaiveDate, TimeZone, Utc};
use std::sync::Arc;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

#[test]
fn the_it_inventory_is_consistent_and_b9_runs() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(
        &Options {
            employees: 2_000,
            records: 12_000,
            seed: 7,
            data_dir: data.clone(),
            as_of: day(),
            orders: 0,
        },
        &mut |_| {},
    )
    .unwrap();
    let t = Utc.from_utc_datetime(&day().and_hms_opt(10, 0, 0).unwrap());
    let clock: Clock = Arc::new(move || t);
    let app = Backoffice::open(&data, clock).unwrap();
    let ctx = Ctx::new(1, "admin", vec![Role::Admin]);

    let report = app.verify_history(&ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    let n = |sql: &str| -> i64 {
        app.store()
            .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
            .unwrap()
    };
    assert_eq!(n("SELECT count(*) FROM assets"), 1_000);
    assert!(n("SELECT count(*) FROM locations") >= 40);
    assert!(n("SELECT count(*) FROM asset_checkouts") > 2_000);
    assert!(n("SELECT count(*) FROM interfaces") >= 1_000);
    assert!(n("SELECT count(*) FROM licences") >= 20);
    assert!(n("SELECT count(*) FROM licence_seats") > 0);
    assert!(n("SELECT count(*) FROM maintenance_log") > 1_000);
    // History runs forwards in time across staff, audits and the inventory.
    assert_eq!(
        n("SELECT count(*) FROM changes c JOIN changes p ON p.id = c.id - 1 WHERE c.at < p.at"),
        0
    );
    // The holder kept on each asset is its open hand-over's, and only assets out are in use
    // with a holder.
    assert_eq!(
        n("SELECT count(*) FROM assets a LEFT JOIN asset_checkouts k
           ON k.asset_id = a.id AND k.in_on IS NULL
           WHERE coalesce(k.employee_id, -1) <> coalesce(a.holder_employee_id, -1)
              OR coalesce(k.location_id, -1) <> coalesce(a.holder_location_id, -1)"),
        0
    );
    let in_use = n("SELECT count(*) FROM assets WHERE status = 'in_use'");
    let with_person = n(
        "SELECT count(*) FROM assets WHERE status = 'in_use' AND holder_employee_id IS NOT NULL",
    );
    let share = with_person as f64 / in_use as f64;
    assert!((0.5..0.7).contains(&share), "{share}");
    assert!(
        n("SELECT count(*) FROM assets WHERE status = 'retired' AND status_date IS NOT NULL") > 50
    );

    let work = dir.path().join("work");
    std::fs::create_dir_all(&work).unwrap();
    let rows = asset_bench::rows(&app, &work, 2_000, &mut |_| {}).unwrap();
    assert!(rows.len() > 50, "{}", rows.len());
    assert!(rows.iter().all(|r| !r.median.is_empty()));
    let figure = |s: &str| {
        rows.iter()
            .find(|r| r.figure.contains(s))
            .unwrap()
            .figure
            .clone()
    };
    assert!(
        figure("next free address in a busy /16").contains("(400 used): 10.100.1.146"),
        "{}",
        figure("busy /16")
    );
    assert!(figure("a /16 almost full").contains("(2000 used)"));
    assert!(figure("nmap scan").contains("differences"));
}
