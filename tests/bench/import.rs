//! A bulk import large enough to rebuild the employee indexes (12,000 rows into an empty table)
//! leaves the schema exactly as it was, the list and search working, and history verifying; a
//! failure while the indexes are dropped (the same tax code twice among the new rows) rolls
//! everything back, the indexes included.

use backoffice_bench::staff_csv;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::employee::{
    EmployeeRules, StaffQuery, StaffSort, ValidEmployee,
};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::services::StaffImport;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::staff::employees::{self, Scores, REBUILD_INDEXES_FROM};
use backoffice_core::store::system_clock;

fn ctx() -> Ctx {
    Ctx::new(1, "hr", vec![Role::Admin])
}

fn schema(app: &Backoffice) -> Vec<(String, String, Option<String>)> {
    app.store()
        .read(|c| {
            let mut s = c.prepare(
                "SELECT type, name, sql FROM sqlite_master WHERE tbl_name = 'employees' ORDER BY name",
            )?;
            let v = s
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v)
        })
        .unwrap()
}

fn count(app: &Backoffice, sql: &str) -> i64 {
    app.store()
        .read(|c| Ok(c.query_row(sql, [], |r| r.get(0))?))
        .unwrap()
}

#[test]
fn a_bulk_import_rebuilds_the_indexes_as_they_were() {
    const N: usize = 12_000;
    const { assert!(N >= REBUILD_INDEXES_FROM) };
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(dir.path(), system_clock()).unwrap();
    app.ensure_staff_defaults(&ctx()).unwrap();
    let before = schema(&app);
    let csv = dir.path().join("dipendenti.csv");
    let rows = staff_csv::rows(N, 3);
    staff_csv::write(&csv, &rows).unwrap();
    let mapping = app
        .preview_import(&ctx(), &StaffImport, &csv)
        .unwrap()
        .mapping;
    let options = ImportOptions {
        create_missing_departments: true,
        capitalise_names: false,
    };
    let mut reports = Vec::new();
    let outcome = app
        .commit_import(
            &ctx(),
            &StaffImport,
            &csv,
            &mapping,
            &options,
            &mut |done, total| {
                reports.push((done, total));
                true
            },
        )
        .unwrap();
    assert_eq!(outcome.created, N);
    assert_eq!(
        schema(&app),
        before,
        "the same indexes, defined the same way"
    );
    assert!(reports.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(reports.last(), Some(&(N, N)));
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), N as i64);
    assert_eq!(count(&app, "SELECT count(*) FROM employees_fts"), N as i64);
    let check: String = app
        .store()
        .read(|c| Ok(c.query_row("PRAGMA integrity_check", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(check, "ok");
    // The list reads through its indexes again, in order.
    let page = app
        .list_staff(
            &ctx(),
            &StaffQuery {
                sort: StaffSort::HireDate,
                ..StaffQuery::default()
            },
        )
        .unwrap();
    assert_eq!(page.total, N as i64);
    assert!(page
        .items
        .windows(2)
        .all(|w| w[0].hire_date <= w[1].hire_date));
    let report = app.verify_history(&ctx(), &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    // Importing the same file again updates nothing and creates nothing.
    let again = app
        .commit_import(
            &ctx(),
            &StaffImport,
            &csv,
            &mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!((again.created, again.unchanged), (0, N));
}

#[test]
fn a_failure_while_the_indexes_are_dropped_rolls_everything_back() {
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(dir.path(), system_clock()).unwrap();
    app.ensure_staff_defaults(&ctx()).unwrap();
    let before = schema(&app);
    let changes = count(&app, "SELECT count(*) FROM changes");
    let today = app.today();
    let mut valid: Vec<ValidEmployee> = staff_csv::rows(REBUILD_INDEXES_FROM, 5)
        .into_iter()
        .map(|r| {
            backoffice_core::domain::staff::employee::EmployeeInput {
                first_name: r[2].clone(),
                last_name: r[1].clone(),
                tax_code: r[3].clone(),
                hire_date: Some(chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap()),
                ..Default::default()
            }
            .validate(&EmployeeRules {
                fixed_term: None,
                today,
            })
            .unwrap()
        })
        .collect();
    // The last new employee has the first one's tax code: only the unique index sees it.
    let first = valid[0].tax_code.clone();
    valid.last_mut().unwrap().tax_code = first;
    let refs: Vec<&ValidEmployee> = valid.iter().collect();
    let err = app
        .store()
        .write("hr", |w| {
            employees::insert_many(w, &refs, |_| Ok(Scores::default()), &mut |_| Ok(()))
        })
        .unwrap_err();
    assert!(err.message.to_lowercase().contains("unique"), "{err:?}");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 0);
    assert_eq!(count(&app, "SELECT count(*) FROM changes"), changes);
    assert_eq!(schema(&app), before);
}
