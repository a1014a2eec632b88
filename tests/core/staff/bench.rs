//! Benchmarks at 100,000 employees (not timed tests: they print, and run only when asked):
//! `cargo test -p backoffice-core --release -- --ignored --nocapture staff_bench`.

use crate::staff::import::write_clean_csv;
use crate::staff::{query, staff_app};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::staff::completeness::FixQuery;
use backoffice_core::domain::staff::employee::{StaffQuery, StaffSort, StatusFilter};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::services::StaffImport;
use std::time::Instant;

#[test]
#[ignore]
fn import_and_list_at_100000() {
    const N: usize = 100_000;
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centomila.csv");
    let departments: Vec<String> = (0..40).map(|i| format!("Reparto {i:02}")).collect();
    let names: Vec<&str> = departments.iter().map(String::as_str).collect();
    write_clean_csv(&path, N, &names, "3");
    let mapping = t
        .app
        .preview_import(&t.ctx, &StaffImport, &path)
        .unwrap()
        .mapping;
    let options = ImportOptions {
        create_missing_departments: true,
        capitalise_names: false,
    };
    let started = Instant::now();
    let report = t
        .app
        .validate_import(&t.ctx, &StaffImport, &path, &mapping, &options)
        .unwrap();
    println!("validate {N} rows: {:?}", started.elapsed());
    assert!(report.ok());
    let started = Instant::now();
    let outcome = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &path,
            &mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap();
    println!("import {N} rows (one transaction): {:?}", started.elapsed());
    assert_eq!(outcome.created, N);
    let started = Instant::now();
    t.app.refresh_staff_scores(&t.ctx).unwrap();
    println!("daily score refresh: {:?}", started.elapsed());

    let shapes: Vec<(&str, StaffQuery)> = vec![
        ("first page by name", query()),
        (
            "page at offset 90,000 by name",
            StaffQuery {
                page: PageRequest {
                    offset: 90_000,
                    limit: 100,
                },
                ..query()
            },
        ),
        (
            "by department, page 500",
            StaffQuery {
                sort: StaffSort::Department,
                page: PageRequest {
                    offset: 50_000,
                    limit: 100,
                },
                ..query()
            },
        ),
        (
            "one department by name",
            StaffQuery {
                department_id: Some(7),
                ..query()
            },
        ),
        (
            "by hire date desc",
            StaffQuery {
                sort: StaffSort::HireDate,
                dir: SortDir::Desc,
                ..query()
            },
        ),
        (
            "expiring within 90 days",
            StaffQuery {
                expiring_within_days: Some(90),
                sort: StaffSort::NextExpiry,
                ..query()
            },
        ),
        (
            "search 'cognome4242'",
            StaffQuery {
                search: Some("cognome4242".into()),
                status: StatusFilter::All,
                ..query()
            },
        ),
        (
            "search 'nome1' (11,111 matches, sorted)",
            StaffQuery {
                search: Some("nome1".into()),
                ..query()
            },
        ),
    ];
    for (name, q) in &shapes {
        t.app.list_staff(&t.ctx, q).unwrap();
        let started = Instant::now();
        let runs = 5;
        let mut total = 0;
        for _ in 0..runs {
            total = t.app.list_staff(&t.ctx, q).unwrap().total;
        }
        println!(
            "list page, {name}: {:?} per page ({total} matching)",
            started.elapsed() / runs
        );
    }
    let started = Instant::now();
    t.app.company_completeness(&t.ctx).unwrap();
    println!("company completeness roll-up: {:?}", started.elapsed());
    let started = Instant::now();
    let page = t
        .app
        .what_needs_fixing(
            &t.ctx,
            &FixQuery {
                department_id: None,
                min_severity: None,
                page: PageRequest {
                    offset: 0,
                    limit: 50,
                },
            },
        )
        .unwrap();
    println!(
        "what needs fixing, first 50 of {}: {:?}",
        page.total,
        started.elapsed()
    );
    let out = dir.path().join("export.xlsx");
    let started = Instant::now();
    let all = StaffQuery {
        status: StatusFilter::All,
        ..StaffQuery::default()
    };
    t.app.export_staff_xlsx(&t.ctx, &all, &out, "it").unwrap();
    println!("export {N} rows to xlsx: {:?}", started.elapsed());
    let out = dir.path().join("export.csv");
    let started = Instant::now();
    t.app.export_staff_csv(&t.ctx, &all, &out, "it").unwrap();
    println!("export {N} rows to csv: {:?}", started.elapsed());
    let started = Instant::now();
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    println!(
        "verify history ({} changes, {} rows): {:?}",
        r.changes_checked,
        r.rows_checked,
        started.elapsed()
    );
    assert!(r.ok);
}
