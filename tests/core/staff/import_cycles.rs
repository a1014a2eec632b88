//! Loops of managers in a staff import, found when the file is checked: two new people naming
//! each other, someone on file made to report to their own report, a loop of three through
//! people on file and in the file, people naming themselves. Every row in the loop is reported at
//! its line, at the manager column, with `manager_cycle` and the lines of the loop; a commit
//! writes nothing. A long chain without a loop imports. (The bulk path: import_bulk.rs.)

use crate::staff::{date, person, staff_app, tax_code_for};
use crate::support::TestApp;
use backoffice_core::domain::staff::employee::EmployeeInput;
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::ImportReport;
use backoffice_core::services::StaffImport;
use backoffice_core::ErrorCode;
use std::path::{Path, PathBuf};

const HEADER: &str = "Matricola;Cognome;Nome;Codice fiscale;Data assunzione;Responsabile";

/// A row for someone on file, as the file would name them (an empty manager keeps theirs).
fn row_of(p: &EmployeeInput, manager: &str) -> String {
    format!(
        "{};{};{};{};01/01/2015;{manager}",
        p.employee_number.as_deref().unwrap_or(""),
        p.last_name,
        p.first_name,
        p.tax_code
    )
}

/// A new person `n` (not on file), employee number `N{n}`.
fn new_person(n: usize) -> EmployeeInput {
    EmployeeInput {
        employee_number: Some(format!("N{n}")),
        first_name: format!("Nuovo{n}"),
        last_name: "Assunto".into(),
        tax_code: tax_code_for(5_000 + n, date(1990, 1, 1)),
        ..Default::default()
    }
}

/// Writes the rows under the header; row `i` is on line `i + 2`.
fn write(dir: &Path, rows: &[String]) -> PathBuf {
    let path = dir.join("dipendenti.csv");
    std::fs::write(&path, format!("{HEADER}\n{}\n", rows.join("\n"))).unwrap();
    path
}

fn validate(t: &TestApp, path: &Path) -> ImportReport {
    let mapping = t
        .app
        .preview_import(&t.ctx, &StaffImport, path)
        .unwrap()
        .mapping;
    assert!(mapping.contains_key("manager"), "{mapping:?}");
    t.app
        .validate_import(
            &t.ctx,
            &StaffImport,
            path,
            &mapping,
            &ImportOptions::default(),
        )
        .unwrap()
}

fn commit(
    t: &TestApp,
    path: &Path,
) -> backoffice_core::Result<backoffice_core::import::ImportOutcome> {
    let mapping = t
        .app
        .preview_import(&t.ctx, &StaffImport, path)
        .unwrap()
        .mapping;
    t.app.commit_import(
        &t.ctx,
        &StaffImport,
        path,
        &mapping,
        &ImportOptions::default(),
        &mut |_, _| true,
    )
}

/// (line, column, field, code, lines of the loop) of every problem reported.
fn cycles(report: &ImportReport) -> Vec<(usize, String, String, String, String)> {
    report
        .errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.column.clone().unwrap_or_default(),
                e.field.clone(),
                e.code.clone(),
                e.params.get("lines").cloned().unwrap_or_default(),
            )
        })
        .collect()
}

fn cycle(line: usize, lines: &str) -> (usize, String, String, String, String) {
    (
        line,
        "Responsabile".into(),
        "manager_id".into(),
        "manager_cycle".into(),
        lines.into(),
    )
}

/// Everything a commit could write: employees, history, and every employee's manager and version.
fn picture(t: &TestApp) -> (i64, i64, String) {
    let rows: Option<String> = t
        .raw()
        .query_row(
            "SELECT group_concat(id || ':' || coalesce(manager_id, '-') || ':' || version, ' ')
             FROM (SELECT * FROM employees ORDER BY id)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    (
        t.count("employees"),
        t.count("changes"),
        rows.unwrap_or_default(),
    )
}

/// Checks that committing the file fails as a validation error naming `error_rows` rows and
/// leaves everything as it was.
fn commit_refused(t: &TestApp, path: &Path, error_rows: usize) {
    let before = picture(t);
    let e = commit(t, path).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    assert_eq!(e.params["error_rows"], error_rows.to_string(), "{e:?}");
    assert_eq!(picture(t), before, "the refused import wrote something");
}

/// Puts `p` on file with `manager`; returns the id.
fn on_file(t: &TestApp, mut p: EmployeeInput, manager: Option<i64>) -> i64 {
    p.manager_id = manager;
    t.app.create_employee(&t.ctx, &p).unwrap().employee.id
}

fn manager_of(t: &TestApp, id: i64) -> Option<i64> {
    t.raw()
        .query_row(
            "SELECT manager_id FROM employees WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn two_new_people_naming_each_other_are_both_reported() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let (a, b, c) = (new_person(1), new_person(2), new_person(3));
    // One names the other by tax code, the other by employee number; a third is fine.
    let path = write(
        dir.path(),
        &[
            row_of(&c, ""),
            row_of(&a, &b.tax_code),
            row_of(&b, a.employee_number.as_deref().unwrap()),
        ],
    );
    let report = validate(&t, &path);
    assert_eq!(cycles(&report), [cycle(3, "3, 4"), cycle(4, "3, 4")]);
    assert_eq!(
        (
            report.rows,
            report.to_create,
            report.to_update,
            report.error_rows
        ),
        (3, 1, 0, 2)
    );
    commit_refused(&t, &path, 2);
    assert_eq!(t.count("employees"), 0);
}

#[test]
fn a_manager_on_file_made_to_report_to_their_own_report_is_reported() {
    let t = staff_app();
    let boss = on_file(&t, person(1), None);
    let worker = on_file(&t, person(2), Some(boss));
    let other = on_file(&t, person(3), Some(boss));
    let dir = tempfile::tempdir().unwrap();
    // The boss now reports to the worker, who still reports to the boss (only on file).
    let path = write(
        dir.path(),
        &[
            row_of(&person(3), ""),
            row_of(&person(1), &person(2).tax_code),
        ],
    );
    let report = validate(&t, &path);
    assert_eq!(cycles(&report), [cycle(3, "3")]);
    assert_eq!(
        (report.unchanged, report.to_update, report.error_rows),
        (1, 0, 1)
    );
    commit_refused(&t, &path, 1);

    // The worker's row in the file too, changing nothing: part of the loop, reported as well.
    let path = write(
        dir.path(),
        &[
            row_of(&person(2), ""),
            row_of(&person(1), &person(2).tax_code),
        ],
    );
    let report = validate(&t, &path);
    assert_eq!(cycles(&report), [cycle(2, "2, 3"), cycle(3, "2, 3")]);
    assert_eq!(
        (report.unchanged, report.to_update, report.error_rows),
        (0, 0, 2)
    );
    commit_refused(&t, &path, 2);
    assert_eq!(
        (
            manager_of(&t, boss),
            manager_of(&t, worker),
            manager_of(&t, other)
        ),
        (None, Some(boss), Some(boss))
    );
}

#[test]
fn a_loop_of_three_through_the_file_and_people_on_file_is_reported() {
    let t = staff_app();
    // On file: X reports to Y; Y to nobody; Z (not in the loop) to X.
    let y = on_file(&t, person(1), None);
    let x = on_file(&t, person(2), Some(y));
    let z = on_file(&t, person(3), Some(x));
    let n = new_person(1);
    let dir = tempfile::tempdir().unwrap();
    // A new person reports to X (by employee number), and Y now reports to the new person:
    // Y → N → X → Y.
    let path = write(
        dir.path(),
        &[
            row_of(&person(1), &n.tax_code),
            row_of(&new_person(2), &person(3).tax_code),
            row_of(&n, person(2).employee_number.as_deref().unwrap()),
        ],
    );
    let report = validate(&t, &path);
    assert_eq!(cycles(&report), [cycle(2, "2, 4"), cycle(4, "2, 4")]);
    assert_eq!(
        (report.to_create, report.to_update, report.error_rows),
        (1, 0, 2)
    );
    commit_refused(&t, &path, 2);
    assert_eq!(
        (manager_of(&t, y), manager_of(&t, x), manager_of(&t, z)),
        (None, Some(y), Some(x))
    );
    assert_eq!(t.count("employees"), 3);
}

#[test]
fn people_naming_themselves_are_reported() {
    let t = staff_app();
    let boss = on_file(&t, person(1), None);
    let me = on_file(&t, person(2), Some(boss));
    let dir = tempfile::tempdir().unwrap();
    let n = new_person(1);
    let path = write(
        dir.path(),
        &[
            // Someone on file, by their own tax code.
            row_of(&person(2), &person(2).tax_code),
            // Someone new, by their own employee number.
            row_of(&n, n.employee_number.as_deref().unwrap()),
            row_of(&new_person(2), &person(1).tax_code),
        ],
    );
    let report = validate(&t, &path);
    assert_eq!(cycles(&report), [cycle(2, "2"), cycle(3, "3")]);
    assert_eq!((report.to_create, report.error_rows), (1, 2));
    commit_refused(&t, &path, 2);
    assert_eq!(manager_of(&t, me), Some(boss));
}

#[test]
fn a_long_chain_without_a_loop_imports() {
    let t = staff_app();
    // On file: a chain of 60, each reporting to the one before.
    let mut ids = Vec::new();
    for i in 0..60 {
        let id = on_file(&t, person(100 + i), ids.last().copied());
        ids.push(id);
    }
    let dir = tempfile::tempdir().unwrap();
    let mut rows = Vec::new();
    // A new head for the chain, written last in the file; the top of the chain reports to them.
    let head = new_person(0);
    rows.push(row_of(&person(100), &head.tax_code));
    // Forty new people below the bottom of the chain, each under the one before, named
    // alternately by tax code and employee number, the first under the chain's last person.
    let mut above = person(159);
    for k in 1..=40 {
        let p = new_person(k);
        let named = if k % 2 == 0 {
            above.tax_code.clone()
        } else {
            above.employee_number.clone().unwrap()
        };
        rows.push(row_of(&p, &named));
        above = p;
    }
    // Someone in the middle of the chain moves under someone further up it.
    rows.push(row_of(&person(130), &person(110).tax_code));
    // Someone further up the chain, unchanged.
    rows.push(row_of(&person(105), ""));
    rows.push(row_of(&head, ""));
    let path = write(dir.path(), &rows);
    let report = validate(&t, &path);
    assert!(report.ok(), "{:?}", report.errors);
    assert_eq!(
        (report.to_create, report.to_update, report.unchanged),
        (41, 2, 1)
    );
    let outcome = commit(&t, &path).unwrap();
    assert_eq!((outcome.created, outcome.updated), (41, 2));
    let head_id: i64 = t
        .raw()
        .query_row(
            "SELECT id FROM employees WHERE tax_code = ?1",
            [&head.tax_code],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(manager_of(&t, ids[0]), Some(head_id));
    assert_eq!(manager_of(&t, ids[30]), Some(ids[10]));
    // From the last new person up to the head, no loop: the 40 new people, the chain from its
    // bottom up to the one who moved (30), from their new manager to the top (11), the head.
    let last: i64 = t
        .raw()
        .query_row(
            "SELECT id FROM employees WHERE tax_code = ?1",
            [&new_person(40).tax_code],
            |r| r.get(0),
        )
        .unwrap();
    let mut steps = 0;
    let mut at = Some(last);
    while let Some(id) = at {
        at = manager_of(&t, id);
        steps += 1;
        assert!(steps < 200, "a loop was written");
    }
    assert_eq!(steps, 40 + 30 + 11 + 1);
}

#[test]
fn a_long_loop_names_its_first_ten_lines() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    // Twelve new people, each under the next, the last under the first.
    let rows: Vec<String> = (0..12)
        .map(|k| row_of(&new_person(k), &new_person((k + 1) % 12).tax_code))
        .collect();
    let path = write(dir.path(), &rows);
    let report = validate(&t, &path);
    let lines = "2, 3, 4, 5, 6, 7, 8, 9, 10, 11, …";
    let expected: Vec<_> = (2..14).map(|line| cycle(line, lines)).collect();
    assert_eq!(cycles(&report), expected);
    assert_eq!((report.to_create, report.error_rows), (0, 12));
    commit_refused(&t, &path, 12);
}
