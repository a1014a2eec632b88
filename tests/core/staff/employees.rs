//! Employee files through the services: defaults, create/edit/terminate with history, the
//! recorded read, and the staff list (filters, sorts, search) down to its query plans at 20,000
//! employees.

use crate::support::{app, installed, Installed, TestApp, ADMIN_PASSWORD};
use backoffice_core::domain::codice_fiscale::Sex;
use backoffice_core::domain::history::HistoryQuery;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::employee::{
    EmployeeInput, EmployeeRules, EmployeeStatus, StaffQuery, StaffSort, StatusFilter,
    TerminationInput,
};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::{staff::employees, staff::list, staff::requirements, staff::scores};
use backoffice_core::ErrorCode;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The check letter of a codice fiscale's first 15 characters (the official tables), so tests
/// can make as many valid, distinct codes as they need.
pub fn check_letter(first15: &str) -> char {
    const ODD: [u32; 36] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, // 0-9
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23, // A-Z
    ];
    let sum: u32 = first15
        .bytes()
        .enumerate()
        .map(|(i, c)| {
            let idx = if c.is_ascii_digit() {
                (c - b'0') as usize
            } else {
                10 + (c - b'A') as usize
            };
            if i % 2 == 0 {
                ODD[idx]
            } else if idx < 10 {
                idx as u32
            } else {
                (idx - 10) as u32
            }
        })
        .sum();
    (b'A' + (sum % 26) as u8) as char
}

/// A valid tax code, different for every `n` below 26^6, for a man born on `born`.
pub fn tax_code_for(n: usize, born: NaiveDate) -> String {
    use chrono::Datelike;
    let letters: String = (0..6)
        .map(|i| (b'A' + ((n / 26usize.pow(i)) % 26) as u8) as char)
        .collect();
    let month = b"ABCDEHLMPRST"[born.month0() as usize] as char;
    let first15 = format!(
        "{letters}{:02}{month}{:02}H501",
        born.year() % 100,
        born.day()
    );
    format!("{first15}{}", check_letter(&first15))
}

/// A complete, valid employee; `n` makes the name and tax code unique. Fields added later
/// start empty here, so the fixture does not grow with them.
#[allow(clippy::needless_update)]
pub fn person(n: usize) -> EmployeeInput {
    let born = date(
        1960 + (n % 40) as i32,
        1 + (n % 12) as u32,
        1 + (n % 28) as u32,
    );
    EmployeeInput {
        employee_number: Some(format!("{:06}", n)),
        first_name: format!("Nome{n}"),
        last_name: format!("Cognome{n}"),
        tax_code: tax_code_for(n, born),
        birth_date: Some(born),
        birth_place: Some("Roma".into()),
        sex: Some(Sex::M),
        email: Some(format!("persona{n}@example.it")),
        phone: Some("06 1234567".into()),
        address: Some("Via Roma 1, Roma".into()),
        iban: Some("IT60X0542811101000000123456".into()),
        department_id: None,
        job_title: Some("Impiegato".into()),
        manager_id: None,
        hire_date: Some(date(2015, 1, 1)),
        contract_type_id: None,
        contract_end: None,
        ccnl: Some("Commercio".into()),
        level: Some("3".into()),
        ..Default::default()
    }
}

pub fn mario() -> EmployeeInput {
    EmployeeInput {
        employee_number: Some("000123".into()),
        first_name: "Mario".into(),
        last_name: "Rossi".into(),
        tax_code: "RSSMRA80A01H501U".into(),
        birth_date: Some(date(1980, 1, 1)),
        sex: Some(Sex::M),
        hire_date: Some(date(2010, 3, 15)),
        email: Some("mario.rossi@example.it".into()),
        ..Default::default()
    }
}

pub fn query() -> StaffQuery {
    StaffQuery {
        page: PageRequest {
            offset: 0,
            limit: 100,
        },
        ..StaffQuery::default()
    }
}

/// The id of the contract type, document type or course the app created with `code`.
pub fn contract_type(app: &Backoffice, ctx: &Ctx, code: &str) -> i64 {
    app.list_contract_types(ctx, true)
        .unwrap()
        .into_iter()
        .find(|t| t.code.as_deref() == Some(code))
        .unwrap()
        .id
}

pub fn document_type(app: &Backoffice, ctx: &Ctx, code: &str) -> i64 {
    app.list_document_types(ctx, true)
        .unwrap()
        .into_iter()
        .find(|t| t.code.as_deref() == Some(code))
        .unwrap()
        .id
}

pub fn course(app: &Backoffice, ctx: &Ctx, code: &str) -> i64 {
    app.list_courses(ctx, true)
        .unwrap()
        .into_iter()
        .find(|t| t.code.as_deref() == Some(code))
        .unwrap()
        .id
}

/// An app with the staff defaults created (as setup does).
pub fn staff_app() -> TestApp {
    let t = app();
    t.app.ensure_staff_defaults(&t.ctx).unwrap();
    t
}

fn verify_ok(t: &TestApp) {
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

#[test]
fn setup_creates_the_defaults_once_with_history() {
    let t = installed();
    let types = t.app.list_contract_types(&t.admin, false).unwrap();
    let names: Vec<_> = types.iter().map(|t| t.name_it.as_str()).collect();
    assert_eq!(
        names,
        [
            "Apprendistato",
            "Collaborazione",
            "Part-time",
            "Stage",
            "Tempo determinato",
            "Tempo indeterminato"
        ]
    );
    assert!(types.iter().all(|t| t.name_en.is_some()));
    let fixed: Vec<_> = types
        .iter()
        .filter(|t| t.fixed_term)
        .map(|t| t.code.as_deref().unwrap())
        .collect();
    assert_eq!(fixed, ["fixed_term"]);
    let docs = t.app.list_document_types(&t.admin, false).unwrap();
    assert_eq!(docs.len(), 7);
    let privacy = document_type(&t.app, &t.admin, "privacy_consent");
    assert_eq!(
        docs.iter().find(|d| d.id == privacy).unwrap().name_it,
        "Consenso privacy"
    );
    let id_card = docs
        .iter()
        .find(|d| d.code.as_deref() == Some("id_card"))
        .unwrap();
    assert_eq!(
        (id_card.expires, id_card.validity_months),
        (true, Some(120))
    );
    let permit = docs
        .iter()
        .find(|d| d.code.as_deref() == Some("residence_permit"))
        .unwrap();
    assert_eq!((permit.expires, permit.validity_months), (true, None));
    let medical = docs
        .iter()
        .find(|d| d.code.as_deref() == Some("medical_fitness"))
        .unwrap();
    assert_eq!(medical.name_it, "Idoneità medica");
    assert_eq!((medical.expires, medical.validity_months), (true, Some(12)));
    let courses = t.app.list_courses(&t.admin, false).unwrap();
    let rls = course(&t.app, &t.admin, "rls");
    assert_eq!(courses.iter().find(|c| c.id == rls).unwrap().hours, 32);
    let c: Vec<_> = courses
        .iter()
        .map(|c| (c.code.as_deref().unwrap(), c.hours, c.validity_months))
        .collect();
    assert_eq!(
        c,
        [
            ("fire_fighting", 4, Some(60)),
            ("safety_general", 4, None),
            ("safety_specific_low", 4, Some(60)),
            ("first_aid", 12, Some(36)),
            ("rls", 32, Some(12)),
        ]
    );
    let history = t.count("SELECT count(*) FROM changes WHERE entity IN ('contract_types', 'document_types', 'courses') AND op = 'insert'");
    assert_eq!(history, 6 + 7 + 5);
    // Again: nothing new, nothing written.
    let changes = t.count("SELECT count(*) FROM changes");
    t.app.ensure_staff_defaults(&t.admin).unwrap();
    assert_eq!(t.count("SELECT count(*) FROM changes"), changes);
    assert!(t.app.verify_history(&t.admin, &mut |_| true).unwrap().ok);
}

#[test]
fn the_bundled_sqlite_has_fts5_trigram() {
    let t = staff_app();
    let n: i64 = t
        .raw()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE name = 'employees_fts'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 1);
    let version: String = t
        .raw()
        .query_row("SELECT sqlite_version()", [], |r| r.get(0))
        .unwrap();
    assert!(version.as_str() >= "3.45", "{version}");
}

#[test]
fn create_read_update_with_history() {
    let t = staff_app();
    let saved = t.app.create_employee(&t.ctx, &mario()).unwrap();
    assert!(saved.warnings.is_empty());
    let e = saved.employee;
    assert_eq!((e.version, e.status), (1, EmployeeStatus::Active));
    assert_eq!(e.tax_code, "RSSMRA80A01H501U");
    assert!(
        e.completeness > 0 && e.completeness < 100,
        "{}",
        e.completeness
    );
    let reads_before = t.count("changes");
    let file = t.app.employee(&t.ctx, e.id).unwrap();
    assert_eq!(file.employee, e);
    assert_eq!(file.completeness.score, e.completeness);
    assert!(!file.completeness.issues.is_empty());
    // Opening the file is a recorded read.
    let read: (String, String, Option<String>) = t
        .raw()
        .query_row(
            "SELECT entity, op, after FROM changes ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(read, ("employees".into(), "read".into(), None));
    assert_eq!(t.count("changes"), reads_before + 1);

    let mut input = e.to_input();
    input.phone = Some("+39 333 1234567".into());
    let changes = t.count("changes");
    let updated = t
        .app
        .update_employee(&t.ctx, e.id, e.version, &input)
        .unwrap();
    assert_eq!(updated.employee.version, 2);
    assert!(updated.employee.completeness > e.completeness);
    assert_eq!(t.count("changes"), changes + 1);
    // Unchanged: nothing written.
    t.app
        .update_employee(&t.ctx, e.id, 2, &updated.employee.to_input())
        .unwrap();
    assert_eq!(t.count("changes"), changes + 1);
    // A stale form.
    let e2 = t.app.update_employee(&t.ctx, e.id, 1, &input).unwrap_err();
    assert_eq!(e2.code, ErrorCode::Conflict);
    // The history screen shows staff changes to whoever reads staff.
    let h = t
        .app
        .history(
            &t.ctx,
            &HistoryQuery {
                entity: Some("employees".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(h.total, 3);
    verify_ok(&t);
}

#[test]
fn field_errors_and_warnings() {
    let t = staff_app();
    let bad = EmployeeInput {
        tax_code: "RSSMRA80A01H501X".into(),
        iban: Some("IT00X".into()),
        email: Some("mario@".into()),
        ..mario()
    };
    let e = t.app.create_employee(&t.ctx, &bad).unwrap_err();
    let codes: Vec<_> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("tax_code", "invalid_tax_code_check"),
            ("email", "invalid_email"),
            ("iban", "invalid_iban"),
        ]
    );
    assert_eq!(t.count("employees"), 0);
    // Fixed-term needs an end.
    let fixed = contract_type(&t.app, &t.ctx, "fixed_term");
    let e = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                contract_type_id: Some(fixed),
                ..mario()
            },
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "contract_end_required");
    // Unknown references.
    let e = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                department_id: Some(99),
                contract_type_id: Some(999),
                manager_id: Some(5),
                ..mario()
            },
        )
        .unwrap_err();
    let codes: Vec<_> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        [
            ("department_id", "not_found"),
            ("contract_type_id", "not_found"),
            ("manager_id", "not_found"),
        ]
    );
    // A tax code that disagrees with the birth date and sex is saved, with warnings.
    let saved = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                birth_date: Some(date(1980, 1, 2)),
                sex: Some(Sex::F),
                ..mario()
            },
        )
        .unwrap();
    let w: Vec<_> = saved.warnings.iter().map(|w| w.code.as_str()).collect();
    assert_eq!(w, ["tax_code_birth_date_mismatch", "tax_code_sex_mismatch"]);
    assert_eq!(t.count("employees"), 1);
}

#[test]
fn tax_code_is_unique_among_active_staff_only() {
    let t = staff_app();
    let first = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let e = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                tax_code: "rssmra 80a01 h501u".into(),
                ..mario()
            },
        )
        .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("tax_code", "duplicate")
    );
    // Terminated: the person may be hired again, with a new file.
    let e = t
        .app
        .terminate_employee(
            &t.ctx,
            first.id,
            first.version,
            &TerminationInput::default(),
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "termination_date_required");
    let ended = t
        .app
        .terminate_employee(
            &t.ctx,
            first.id,
            first.version,
            &TerminationInput {
                termination_date: Some(date(2020, 6, 30)),
                reason: Some("Dimissioni".into()),
            },
        )
        .unwrap();
    assert_eq!(ended.status, EmployeeStatus::Terminated);
    assert_eq!(ended.termination_date, Some(date(2020, 6, 30)));
    let again = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    // The old file cannot come back while the new one is active.
    let e = t
        .app
        .reactivate_employee(&t.ctx, ended.id, ended.version)
        .unwrap_err();
    assert_eq!(e.fields[0].code, "duplicate");
    t.app
        .terminate_employee(
            &t.ctx,
            again.id,
            again.version,
            &TerminationInput {
                termination_date: Some(date(2026, 1, 31)),
                reason: None,
            },
        )
        .unwrap();
    let back = t
        .app
        .reactivate_employee(&t.ctx, ended.id, ended.version)
        .unwrap();
    assert_eq!(
        (back.status, back.termination_date),
        (EmployeeStatus::Active, None)
    );
    verify_ok(&t);
}

#[test]
fn managers_cannot_loop() {
    let t = staff_app();
    let a = t.app.create_employee(&t.ctx, &person(1)).unwrap().employee;
    let b = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                manager_id: Some(a.id),
                ..person(2)
            },
        )
        .unwrap()
        .employee;
    let mut input = a.to_input();
    input.manager_id = Some(b.id);
    let e = t
        .app
        .update_employee(&t.ctx, a.id, a.version, &input)
        .unwrap_err();
    assert_eq!(e.fields[0].code, "manager_cycle");
    input.manager_id = Some(a.id);
    let e = t
        .app
        .update_employee(&t.ctx, a.id, a.version, &input)
        .unwrap_err();
    assert_eq!(e.fields[0].code, "manager_cycle");
    let file = t.app.employee(&t.ctx, b.id).unwrap();
    assert_eq!(file.manager.as_deref(), Some("Cognome1 Nome1"));
}

fn ids(t: &TestApp, q: &StaffQuery) -> Vec<i64> {
    t.app
        .list_staff(&t.ctx, q)
        .unwrap()
        .items
        .iter()
        .map(|r| r.id)
        .collect()
}

#[test]
fn list_filters_sorts_and_searches() {
    let t = staff_app();
    let amm = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Amministrazione"))
        .unwrap();
    let mag = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Magazzino"))
        .unwrap();
    let fixed = contract_type(&t.app, &t.ctx, "fixed_term");
    let make = |n: usize, last: &str, dept: Option<i64>| {
        let mut p = person(n);
        p.last_name = last.into();
        p.department_id = dept;
        p.hire_date = Some(date(2000 + n as i32, 1, 1));
        t.app.create_employee(&t.ctx, &p).unwrap().employee
    };
    let rossi = make(1, "Rossi", Some(mag.id));
    let bianchi = make(2, "Bianchi", Some(amm.id));
    let verdi = make(3, "Verdi", None);
    let ferrari = {
        let mut p = person(4);
        p.last_name = "D'Angelo Ferrari".into();
        p.first_name = "Niccolò".into();
        p.department_id = Some(mag.id);
        p.contract_type_id = Some(fixed);
        p.contract_end = Some(date(2026, 3, 20));
        p.hire_date = Some(date(2004, 1, 1));
        p.email = Some("n.ferrari@example.com".into());
        t.app.create_employee(&t.ctx, &p).unwrap().employee
    };
    let gone = make(5, "Esposito", Some(amm.id));
    t.app
        .terminate_employee(
            &t.ctx,
            gone.id,
            gone.version,
            &TerminationInput {
                termination_date: Some(date(2025, 12, 31)),
                reason: None,
            },
        )
        .unwrap();

    let q = query();
    assert_eq!(ids(&t, &q), [bianchi.id, ferrari.id, rossi.id, verdi.id]);
    let page = t.app.list_staff(&t.ctx, &q).unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(page.items[0].department.as_deref(), Some("Amministrazione"));
    let all = StaffQuery {
        status: StatusFilter::All,
        dir: SortDir::Desc,
        ..query()
    };
    assert_eq!(
        ids(&t, &all),
        [verdi.id, rossi.id, gone.id, ferrari.id, bianchi.id]
    );
    let terminated = StaffQuery {
        status: StatusFilter::Terminated,
        ..query()
    };
    assert_eq!(ids(&t, &terminated), [gone.id]);
    // By department name; no department last, whatever the direction.
    let by_dept = StaffQuery {
        sort: StaffSort::Department,
        ..query()
    };
    assert_eq!(
        ids(&t, &by_dept),
        [bianchi.id, ferrari.id, rossi.id, verdi.id]
    );
    let by_dept_desc = StaffQuery {
        dir: SortDir::Desc,
        ..by_dept.clone()
    };
    assert_eq!(
        ids(&t, &by_dept_desc),
        [rossi.id, ferrari.id, bianchi.id, verdi.id]
    );
    // Paging across the two parts of the department sort.
    for (offset, limit, expected) in [
        (0, 2, vec![bianchi.id, ferrari.id]),
        (2, 2, vec![rossi.id, verdi.id]),
        (3, 5, vec![verdi.id]),
        (1, 3, vec![ferrari.id, rossi.id, verdi.id]),
        (4, 1, vec![]),
    ] {
        let q = StaffQuery {
            page: PageRequest { offset, limit },
            ..by_dept.clone()
        };
        let page = t.app.list_staff(&t.ctx, &q).unwrap();
        assert_eq!(page.total, 4);
        assert_eq!(
            page.items.iter().map(|r| r.id).collect::<Vec<_>>(),
            expected,
            "{offset} {limit}"
        );
    }
    let in_mag = StaffQuery {
        department_id: Some(mag.id),
        ..query()
    };
    assert_eq!(ids(&t, &in_mag), [ferrari.id, rossi.id]);
    let fixed_term = StaffQuery {
        contract_type_id: Some(fixed),
        ..query()
    };
    assert_eq!(ids(&t, &fixed_term), [ferrari.id]);
    let by_hire = StaffQuery {
        sort: StaffSort::HireDate,
        dir: SortDir::Desc,
        ..query()
    };
    assert_eq!(
        ids(&t, &by_hire),
        [ferrari.id, verdi.id, bianchi.id, rossi.id]
    );
    let expiring = StaffQuery {
        expiring_within_days: Some(30),
        ..query()
    };
    assert_eq!(ids(&t, &expiring), [ferrari.id]);
    let page = t.app.list_staff(&t.ctx, &expiring).unwrap();
    assert_eq!(page.items[0].next_expiry, Some(date(2026, 3, 20)));
    assert!(ids(
        &t,
        &StaffQuery {
            expiring_within_days: Some(10),
            ..query()
        }
    )
    .is_empty());
    // Verdi has no department: the lowest score.
    let incomplete = StaffQuery {
        completeness_below: Some(100),
        sort: StaffSort::Completeness,
        ..query()
    };
    let got = ids(&t, &incomplete);
    assert_eq!(got[0], verdi.id);
    let by_expiry = StaffQuery {
        sort: StaffSort::NextExpiry,
        ..query()
    };
    assert_eq!(ids(&t, &by_expiry)[0], ferrari.id);
    // Search: any three characters of the name, tax code, e-mail or number; case and accents
    // ignored; several words must all match.
    let search = |s: &str| {
        ids(
            &t,
            &StaffQuery {
                search: Some(s.into()),
                status: StatusFilter::All,
                ..query()
            },
        )
    };
    assert_eq!(search("oss"), [rossi.id]);
    assert_eq!(search("ROSSI"), [rossi.id]);
    assert_eq!(search("niccolo"), [ferrari.id]);
    assert_eq!(search("d'angelo nicc"), [ferrari.id]);
    assert_eq!(search("n.ferrari@"), [ferrari.id]);
    // A whole address is searched up to its "@"; a domain alone filters nothing.
    let address = ferrari.email.clone().unwrap();
    assert!(address.contains('@'), "{address}");
    assert_eq!(search(&address.to_uppercase()), [ferrari.id]);
    assert_eq!(search(&address[address.find('@').unwrap()..]).len(), 5);
    assert_eq!(search(&rossi.tax_code[3..12].to_lowercase()), [rossi.id]);
    assert_eq!(search("000003"), [verdi.id]);
    assert_eq!(search("spos"), [gone.id]);
    assert_eq!(search("Ve"), [verdi.id]);
    assert!(search("zzz").is_empty());
    assert_eq!(search("  ").len(), 5);
    // Renaming updates the search.
    let mut input = verdi.to_input();
    input.last_name = "Verdini".into();
    t.app
        .update_employee(&t.ctx, verdi.id, verdi.version, &input)
        .unwrap();
    assert_eq!(search("verdini"), [verdi.id]);
}

/// 20,000 employees written through the store functions in one transaction; every list shape
/// then reads through an index, never a full scan of `employees`.
#[test]
fn list_shapes_use_indexes_at_20000_employees() {
    let t = staff_app();
    let depts: Vec<i64> = (0..20)
        .map(|i| {
            t.app
                .create_department(
                    &t.ctx,
                    &crate::departments::input(&format!("Reparto {i:02}")),
                )
                .unwrap()
                .id
        })
        .collect();
    let fixed = contract_type(&t.app, &t.ctx, "fixed_term");
    let permanent = contract_type(&t.app, &t.ctx, "permanent");
    let today = t.app.today();
    let started = std::time::Instant::now();
    const N: usize = 20_000;
    t.app
        .store()
        .write("loader", |w| {
            let reqs = requirements::list(w.conn())?;
            for n in 0..N {
                let mut p = person(n);
                p.department_id = (n % 25 != 0).then(|| depts[n % 20]);
                if n % 3 == 0 {
                    p.contract_type_id = Some(fixed);
                    p.contract_end = Some(today + chrono::Duration::days((n % 400) as i64 - 30));
                } else {
                    p.contract_type_id = Some(permanent);
                }
                if n % 7 == 0 {
                    p.iban = None;
                    p.address = None;
                }
                let v = p.validate(&EmployeeRules {
                    fixed_term: Some(n % 3 == 0),
                    today,
                })?;
                let e = employees::insert(w, &v)?;
                scores::recompute(w.conn(), e.id, &reqs, today)?;
                if n % 10 == 0 {
                    employees::terminate(w, e.id, e.version, date(2025, 6, 30), None)?;
                }
            }
            Ok(())
        })
        .unwrap();
    let load = started.elapsed();
    assert_eq!(t.count("employees"), N as i64);

    let shapes: Vec<(&str, StaffQuery)> = vec![
        ("active by name", query()),
        (
            "all by name desc",
            StaffQuery {
                status: StatusFilter::All,
                dir: SortDir::Desc,
                ..query()
            },
        ),
        (
            "terminated by name",
            StaffQuery {
                status: StatusFilter::Terminated,
                ..query()
            },
        ),
        (
            "department by name",
            StaffQuery {
                department_id: Some(depts[3]),
                ..query()
            },
        ),
        (
            "by department",
            StaffQuery {
                sort: StaffSort::Department,
                ..query()
            },
        ),
        (
            "all by department desc",
            StaffQuery {
                sort: StaffSort::Department,
                status: StatusFilter::All,
                dir: SortDir::Desc,
                ..query()
            },
        ),
        (
            "contract type",
            StaffQuery {
                contract_type_id: Some(fixed),
                ..query()
            },
        ),
        (
            "completeness below 80 by completeness",
            StaffQuery {
                completeness_below: Some(80),
                sort: StaffSort::Completeness,
                ..query()
            },
        ),
        (
            "by completeness",
            StaffQuery {
                sort: StaffSort::Completeness,
                status: StatusFilter::All,
                ..query()
            },
        ),
        (
            "expiring in 30 days by expiry",
            StaffQuery {
                expiring_within_days: Some(30),
                sort: StaffSort::NextExpiry,
                ..query()
            },
        ),
        (
            "expiring in 60 days by name",
            StaffQuery {
                expiring_within_days: Some(60),
                ..query()
            },
        ),
        (
            "by next expiry",
            StaffQuery {
                sort: StaffSort::NextExpiry,
                status: StatusFilter::All,
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
            "by employee number",
            StaffQuery {
                sort: StaffSort::EmployeeNumber,
                status: StatusFilter::All,
                ..query()
            },
        ),
        (
            "search name",
            StaffQuery {
                search: Some("cognome123".into()),
                ..query()
            },
        ),
        (
            "search tax code",
            StaffQuery {
                search: Some(tax_code_for(4321, date(1960, 1, 1))[..6].into()),
                status: StatusFilter::All,
                ..query()
            },
        ),
        (
            "search short",
            StaffQuery {
                search: Some("12".into()),
                ..query()
            },
        ),
        (
            "deep page",
            StaffQuery {
                page: PageRequest {
                    offset: 15_000,
                    limit: 100,
                },
                ..query()
            },
        ),
    ];
    // The first read of the day brings the scores the calendar moved up to date.
    let started = std::time::Instant::now();
    let refreshed = t.app.refresh_staff_scores(&t.ctx).unwrap();
    let refresh = started.elapsed();
    let mut report = Vec::new();
    for (name, q) in &shapes {
        let plans = t
            .app
            .store()
            .read(|c| list::query_plans(c, q, today))
            .unwrap();
        for (sql, lines) in &plans {
            for line in lines {
                let full_scan =
                    line == "SCAN e" || line.starts_with("SCAN e ") && !line.contains("USING");
                assert!(
                    !full_scan,
                    "{name}: full scan of employees\n{sql}\n{lines:#?}"
                );
            }
            // The people without a department are counted on the department index's own
            // entries for them, not by reading every active entry of another index.
            if sql.contains("department_id IS NULL") && sql.starts_with("SELECT count(*)") {
                assert!(
                    lines[0].contains("INDEX employees_list_department (department_id=?)"),
                    "{name}: {sql}\n{lines:#?}"
                );
            }
            if std::env::var_os("SHOW_PLANS").is_some() {
                println!("{name}:\n  {}", lines.join("\n  "));
            }
        }
        let started = std::time::Instant::now();
        let page = t.app.list_staff(&t.ctx, q).unwrap();
        let took = started.elapsed();
        assert!(page.items.len() <= 100);
        report.push(format!(
            "{name}: {} of {} in {took:?}",
            page.items.len(),
            page.total
        ));
    }
    println!(
        "20,000 employees written in {load:?}; daily refresh rescored {refreshed} in {refresh:?}"
    );
    for r in report {
        println!("  {r}");
    }
    // Spot checks of the results at size.
    let page = t.app.list_staff(&t.ctx, &shapes[0].1).unwrap();
    assert_eq!(page.total, (N - N / 10) as i64);
    let keys: Vec<String> = page
        .items
        .iter()
        .map(|r| format!("{} {}", r.last_name, r.first_name).to_lowercase())
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    let search = t.app.list_staff(&t.ctx, &shapes[14].1).unwrap();
    assert!(search
        .items
        .iter()
        .all(|r| r.last_name.to_lowercase().contains("cognome123")));
    let expected = (0..N)
        .filter(|n| n % 10 != 0 && format!("cognome{n}").contains("cognome123"))
        .count();
    assert_eq!(search.total, expected as i64);
    let expiring = t.app.list_staff(&t.ctx, &shapes[9].1).unwrap();
    let limit = today + chrono::Duration::days(30);
    assert!(expiring
        .items
        .iter()
        .all(|r| r.next_expiry.is_some_and(|d| d <= limit)));
    assert!(expiring.total > 0);
}

/// History records when a person opens a file, not each time the screen showing it is brought
/// up to date: the re-read after a save is covered by the opening already recorded in this
/// session, and anything else is recorded as an opening.
#[test]
fn reread_after_save_is_not_a_second_opening() {
    let t = installed();
    let reads = |who: &str, id: i64| {
        t.count(&format!(
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'read' \
             AND actor = '{who}' AND row_id = {id}"
        ))
    };
    let e = t.app.create_employee(&t.admin, &mario()).unwrap().employee;
    let other = t
        .app
        .create_employee(&t.admin, &person(7))
        .unwrap()
        .employee;

    // A re-read of a file not opened in this session is an opening (the caller's word for it
    // counts for nothing).
    t.app.reread_employee(&t.admin, other.id).unwrap();
    assert_eq!(reads("admin", other.id), 1);

    // Opened: recorded. Saved, then read again to show the new data: no second opening, and
    // what comes back is the saved file.
    t.app.employee(&t.admin, e.id).unwrap();
    assert_eq!(reads("admin", e.id), 1);
    let mut input = e.to_input();
    input.phone = Some("+39 333 1234567".into());
    t.app
        .update_employee(&t.admin, e.id, e.version, &input)
        .unwrap();
    let file = t.app.reread_employee(&t.admin, e.id).unwrap();
    assert_eq!(file.employee.phone.as_deref(), Some("+39 333 1234567"));
    assert_eq!(reads("admin", e.id), 1);

    // Opening it again is recorded every time, however soon.
    t.app.employee(&t.admin, e.id).unwrap();
    assert_eq!(reads("admin", e.id), 2);

    // Someone else has not opened it: their re-read is an opening.
    let hr = t.user("marta", &[Role::Hr]);
    t.app.reread_employee(&hr, e.id).unwrap();
    assert_eq!(reads("marta", e.id), 1);

    // After the idle lock, and after signing out and in again, the earlier opening no longer
    // covers a re-read.
    t.app.sessions().lock();
    t.app.unlock(ADMIN_PASSWORD).unwrap();
    t.app.reread_employee(&t.admin, e.id).unwrap();
    assert_eq!(reads("admin", e.id), 3);
    t.app.sign_out().unwrap();
    t.app.sign_in("admin", ADMIN_PASSWORD).unwrap();
    t.app.reread_employee(&t.admin, e.id).unwrap();
    assert_eq!(reads("admin", e.id), 4);
    t.app.reread_employee(&t.admin, e.id).unwrap();
    assert_eq!(reads("admin", e.id), 4);
    verify_installed(&t);
}

fn verify_installed(t: &Installed) {
    let r = t.app.verify_history(&t.admin, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}
