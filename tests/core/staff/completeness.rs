//! Completeness through the services: scores follow every change at once, requirements rescore
//! the people they apply to, the calendar moves scores once a day, roll-ups and "what needs
//! fixing" read the cached columns.

use crate::staff::{contract_type, course, date, document_type, person, staff_app};
use crate::support::installed;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::staff::catalog::{Required, RequirementInput};
use backoffice_core::domain::staff::completeness::{FixQuery, FixTab, IssueKind, Severity};
use backoffice_core::domain::staff::employee::{EmployeeInput, TerminationInput};
use backoffice_core::store::staff::scores;

fn fix_query() -> FixQuery {
    FixQuery {
        department_id: None,
        min_severity: None,
        page: PageRequest {
            offset: 0,
            limit: 50,
        },
    }
}

#[test]
fn requirements_rescore_the_people_they_apply_to() {
    let t = staff_app();
    let warehouse = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Magazzino"))
        .unwrap();
    let mut a = person(1);
    a.job_title = Some("Magazziniere".into());
    a.department_id = Some(warehouse.id);
    let a = t.app.create_employee(&t.ctx, &a).unwrap().employee;
    let permanent = contract_type(&t.app, &t.ctx, "permanent");
    let mut b = person(2);
    b.contract_type_id = Some(permanent);
    b.department_id = Some(warehouse.id);
    b.job_title = Some("Impiegato".into());
    let b = t.app.create_employee(&t.ctx, &b).unwrap().employee;
    assert_eq!(b.completeness, 100);
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    let r = t
        .app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: Some("MAGAZZINIERE".into()),
                department_id: None,
                required: Required::Course { course_id: fire },
            },
        )
        .unwrap();
    let score = |id| t.app.employee(&t.ctx, id).unwrap().employee.completeness;
    // a: missing contract type (4) and the only requirement (40).
    assert_eq!(score(a.id), 56);
    assert_eq!(score(b.id), 100);
    let dup = t
        .app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: Some("magazziniere".into()),
                department_id: None,
                required: Required::Course { course_id: fire },
            },
        )
        .unwrap_err();
    assert_eq!(dup.fields[0].code, "duplicate");
    // A department requirement: shares the 40 points with the other.
    let medical = document_type(&t.app, &t.ctx, "medical_fitness");
    t.app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: None,
                department_id: Some(warehouse.id),
                required: Required::Document {
                    document_type_id: medical,
                },
            },
        )
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("idoneita.pdf");
    std::fs::write(&pdf, b"%PDF-1.4").unwrap();
    t.app
        .attach(
            &t.ctx,
            "employees",
            a.id,
            &AttachmentInput {
                type_id: Some(medical),
                title: None,
                issued_on: Some(date(2026, 1, 10)),
                expires_on: None,
            },
            &pdf,
        )
        .unwrap();
    assert_eq!(score(a.id), 76);
    t.app.delete_requirement(&t.ctx, r.id, r.version).unwrap();
    assert_eq!(score(a.id), 96);
    let issues = t.app.employee(&t.ctx, a.id).unwrap().completeness.issues;
    assert_eq!(
        issues.iter().map(|i| i.issue.clone()).collect::<Vec<_>>(),
        [IssueKind::MissingField {
            field: "contract_type_id".into()
        }]
    );
    assert_eq!(issues[0].fix.tab, FixTab::Contract);
    assert_eq!(issues[0].fix.field.as_deref(), Some("contract_type_id"));
}

#[test]
fn fixed_term_flag_changes_rescore_everyone_on_it() {
    let t = staff_app();
    let stage = contract_type(&t.app, &t.ctx, "internship");
    let mut p = person(1);
    p.contract_type_id = Some(stage);
    // No department: 4 points short.
    let e = t.app.create_employee(&t.ctx, &p).unwrap().employee;
    assert_eq!(e.completeness, 96);
    let ct = t
        .app
        .list_contract_types(&t.ctx, true)
        .unwrap()
        .into_iter()
        .find(|c| c.id == stage)
        .unwrap();
    t.app
        .update_contract_type(
            &t.ctx,
            stage,
            ct.version,
            &backoffice_core::domain::staff::catalog::ContractTypeInput {
                name_it: ct.name_it.clone(),
                name_en: ct.name_en.clone(),
                fixed_term: true,
            },
        )
        .unwrap();
    let file = t.app.employee(&t.ctx, e.id).unwrap();
    assert_eq!(file.employee.completeness, 86);
    assert_eq!(
        file.completeness.issues[0].issue,
        IssueKind::FixedTermWithoutEnd
    );
}

#[test]
fn scores_move_with_the_calendar_once_a_day() {
    let t = installed();
    let fixed = contract_type(&t.app, &t.admin, "fixed_term");
    let mut p = person(1);
    p.contract_type_id = Some(fixed);
    // 2026-03-02 today: ends in 40 days.
    p.contract_end = Some(date(2026, 4, 11));
    // No department: 4 points short.
    let e = t.app.create_employee(&t.admin, &p).unwrap().employee;
    assert_eq!(e.completeness, 96);
    let needs =
        |t: &crate::support::Installed| t.app.what_needs_fixing(&t.admin, &fix_query()).unwrap();
    let page = needs(&t);
    assert_eq!(page.total, 1);
    assert_eq!(page.items[0].issues[0].severity, Severity::Medium);
    // 20 days on: within 30 days. A contract's end costs nothing until it is past; the issue
    // becomes high.
    t.clock.advance(20 * 86_400);
    let page = needs(&t);
    assert_eq!(page.items[0].issues[0].severity, Severity::High);
    assert_eq!(
        page.items[0].issues[0].issue,
        IssueKind::ContractEnding {
            ends_on: date(2026, 4, 11),
            within_days: 30
        }
    );
    // Past its end: critical, and the contract block is lost.
    t.clock.advance(21 * 86_400);
    let page = needs(&t);
    assert_eq!(page.items[0].issues[0].severity, Severity::Critical);
    assert_eq!(page.items[0].completeness, 86);
    let listed = t.app.list_staff(&t.admin, &crate::staff::query()).unwrap();
    assert_eq!(listed.items[0].completeness, 86);
    let as_of = t.app.store().read(scores::as_of).unwrap().unwrap();
    assert_eq!(as_of, "2026-04-12");
    // Terminated: no longer on the list.
    let current = t.app.employee(&t.admin, e.id).unwrap().employee;
    t.app
        .terminate_employee(
            &t.admin,
            e.id,
            current.version,
            &TerminationInput {
                termination_date: Some(date(2026, 4, 11)),
                reason: Some("Fine contratto".into()),
            },
        )
        .unwrap();
    assert_eq!(needs(&t).total, 0);
    let after = t.app.employee(&t.admin, e.id).unwrap().employee;
    assert_eq!((after.completeness, after.next_expiry), (96, None));
}

#[test]
fn roll_ups_and_what_needs_fixing() {
    let t = staff_app();
    let amm = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Amministrazione"))
        .unwrap();
    let mag = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Magazzino"))
        .unwrap();
    let permanent = contract_type(&t.app, &t.ctx, "permanent");
    let make = |n: usize, dept: Option<i64>, tweak: &dyn Fn(&mut EmployeeInput)| {
        let mut p = person(n);
        p.department_id = dept;
        p.contract_type_id = Some(permanent);
        tweak(&mut p);
        t.app.create_employee(&t.ctx, &p).unwrap().employee
    };
    let complete = make(1, Some(amm.id), &|_| {});
    let no_iban = make(2, Some(amm.id), &|p| p.iban = None);
    let no_phone = make(3, Some(mag.id), &|p| p.phone = None);
    let bare = make(4, None, &|p| {
        p.email = None;
        p.address = None;
        p.birth_place = None;
    });
    let gone = make(5, Some(mag.id), &|p| p.iban = None);
    t.app
        .terminate_employee(
            &t.ctx,
            gone.id,
            gone.version,
            &TerminationInput {
                termination_date: Some(date(2025, 1, 31)),
                reason: None,
            },
        )
        .unwrap();
    // An expired ID card: critical.
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("ci.pdf");
    std::fs::write(&scan, b"%PDF-1.4").unwrap();
    let id_card = document_type(&t.app, &t.ctx, "id_card");
    t.app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: None,
                department_id: Some(mag.id),
                required: Required::Document {
                    document_type_id: id_card,
                },
            },
        )
        .unwrap();
    t.app
        .attach(
            &t.ctx,
            "employees",
            no_phone.id,
            &AttachmentInput {
                type_id: Some(id_card),
                title: None,
                issued_on: Some(date(2015, 1, 1)),
                expires_on: None,
            },
            &scan,
        )
        .unwrap();
    let scores: Vec<i64> = [complete.id, no_iban.id, no_phone.id, bare.id]
        .iter()
        .map(|&id| t.app.employee(&t.ctx, id).unwrap().employee.completeness)
        .collect();
    assert_eq!(scores, [100, 94, 58, 86]);

    let c = t.app.company_completeness(&t.ctx).unwrap();
    assert_eq!(c.overall.employees, 4);
    // 84.5, rounded half away from zero.
    assert_eq!(c.overall.average, 85);
    assert_eq!(
        (
            c.overall.lowest,
            c.overall.complete,
            c.overall.with_issues,
            c.overall.critical
        ),
        (58, 1, 3, 1)
    );
    let depts: Vec<_> = c
        .departments
        .iter()
        .map(|d| (d.department.as_deref(), d.employees, d.average, d.critical))
        .collect();
    assert_eq!(
        depts,
        [
            (Some("Amministrazione"), 2, 97, 0),
            (Some("Magazzino"), 1, 58, 1),
            (None, 1, 86, 0),
        ]
    );

    let page = t.app.what_needs_fixing(&t.ctx, &fix_query()).unwrap();
    assert_eq!(page.total, 3);
    let order: Vec<i64> = page.items.iter().map(|r| r.employee_id).collect();
    // Critical (the expired, required ID card) first. The bare file and the missing IBAN are
    // both medium (urgency 210): the less complete (86 against 94) comes first.
    assert_eq!(order, [no_phone.id, bare.id, no_iban.id]);
    assert_eq!(page.items[0].department.as_deref(), Some("Magazzino"));
    let first = &page.items[0].issues[0];
    assert_eq!(first.severity, Severity::Critical);
    assert_eq!(first.fix.tab, FixTab::Documents);
    assert!(matches!(
        first.issue,
        IssueKind::ExpiredDocument { required: true, .. }
    ));
    let critical_only = t
        .app
        .what_needs_fixing(
            &t.ctx,
            &FixQuery {
                min_severity: Some(Severity::Critical),
                ..fix_query()
            },
        )
        .unwrap();
    assert_eq!(critical_only.total, 1);
    let in_amm = t
        .app
        .what_needs_fixing(
            &t.ctx,
            &FixQuery {
                department_id: Some(amm.id),
                ..fix_query()
            },
        )
        .unwrap();
    assert_eq!(
        in_amm
            .items
            .iter()
            .map(|r| r.employee_id)
            .collect::<Vec<_>>(),
        [no_iban.id]
    );
}

/// The roll-ups summed in Rust agree with SQLite's own aggregates over the cached columns, for
/// 300 people in five departments (one without any), some terminated, with scattered scores.
#[test]
fn company_roll_ups_match_sql_aggregates() {
    let t = staff_app();
    let departments: Vec<i64> = ["Vendite", "Amministrazione", "Logistica", "acquisti"]
        .iter()
        .map(|n| {
            t.app
                .create_department(&t.ctx, &crate::departments::input(n))
                .unwrap()
                .id
        })
        .collect();
    let raw = t.raw();
    for n in 0..300usize {
        let mut p = person(n + 10);
        p.department_id = (n % 5 < 4).then(|| departments[n % 5]);
        let e = t.app.create_employee(&t.ctx, &p).unwrap().employee;
        // Scores set straight in the cached columns: any mix the calendar could leave.
        let x = (n * 37 % 101) as i64;
        raw.execute(
            "UPDATE employees SET completeness = ?1, issue_count = ?2, urgency = ?3,
                status = CASE WHEN ?4 THEN 'terminated' ELSE status END,
                termination_date = CASE WHEN ?4 THEN '2026-01-31' ELSE termination_date END
             WHERE id = ?5",
            rusqlite::params![x, (100 - x) / 20, (n * 13 % 400) as i64, n % 11 == 0, e.id],
        )
        .unwrap();
    }
    let c = t.app.company_completeness(&t.ctx).unwrap();
    let critical = Severity::Critical.floor();
    let expected = |sql: &str| -> Vec<(Option<String>, [i64; 6])> {
        let mut stmt = raw
            .prepare(&format!(
                "SELECT d.name, count(*), coalesce(round(avg(e.completeness)), 0),
                        min(e.completeness), sum(e.completeness = 100),
                        sum(e.issue_count > 0), sum(e.urgency >= ?1)
                 FROM employees e LEFT JOIN departments d ON d.id = e.department_id
                 WHERE e.status = 'active' {sql}"
            ))
            .unwrap();
        stmt.query_map([critical], |r| {
            Ok((
                r.get(0)?,
                [
                    r.get(1)?,
                    r.get::<_, f64>(2)? as i64,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ],
            ))
        })
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
    };
    let got = |r: &backoffice_core::domain::staff::completeness::CompletenessRollup| {
        [
            r.employees,
            r.average,
            r.lowest,
            r.complete,
            r.with_issues,
            r.critical,
        ]
    };
    let overall = expected("");
    assert_eq!(got(&c.overall), overall[0].1);
    assert!(c.overall.employees > 250 && c.overall.employees < 300);
    let by_department =
        expected("GROUP BY e.department_id ORDER BY d.name_key IS NULL, d.name_key");
    let mine: Vec<_> = c
        .departments
        .iter()
        .map(|r| (r.department.clone(), got(r)))
        .collect();
    assert_eq!(mine, by_department);
    assert_eq!(mine.len(), 5);
    assert_eq!(mine[4].0, None);
}

#[test]
fn what_needs_fixing_pages_through_an_index() {
    let t = staff_app();
    let plan_of = |sql: &str| -> Vec<String> {
        t.app
            .store()
            .read(|c| {
                let mut s = c.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))?;
                let rows = s.query_map([], |r| r.get::<_, String>(3))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .unwrap()
    };
    let plan = plan_of(
        "SELECT e.id FROM employees e WHERE e.status = 'active' AND e.urgency >= 1
         ORDER BY e.urgency DESC, e.completeness, e.sort_key, e.id LIMIT 50 OFFSET 0",
    );
    assert_eq!(plan.len(), 1, "{plan:?}");
    assert!(
        plan[0].starts_with("SEARCH e USING COVERING INDEX employees_needs_fixing"),
        "{plan:?}"
    );
    // The roll-ups read the same index, never the table (`scores::company`'s query).
    let plan = plan_of(
        "SELECT department_id, completeness, issue_count, urgency FROM employees
         WHERE status = 'active'",
    );
    assert!(
        plan[0]
            .starts_with("SEARCH employees USING COVERING INDEX employees_needs_fixing (status=?)"),
        "{plan:?}"
    );
}

#[test]
fn invalid_stored_values_are_issues() {
    // The form refuses them, but data written before a rule existed (or edited outside the
    // app) may hold them: completeness still says so.
    let t = staff_app();
    let e = t.app.create_employee(&t.ctx, &person(1)).unwrap().employee;
    t.raw()
        .execute(
            "UPDATE employees SET iban = 'IT00X123' WHERE id = ?1",
            [e.id],
        )
        .unwrap();
    let issues = t.app.employee(&t.ctx, e.id).unwrap().completeness.issues;
    assert!(issues.iter().any(|i| i.issue == IssueKind::InvalidIban));
}
