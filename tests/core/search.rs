//! Global search as the header's box calls it: each role sees hits only from the areas it may
//! read, nobody is refused, and each hit carries what the result list shows and opens.

use crate::support::installed;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::department::DepartmentInput;
use backoffice_core::domain::permissions::{Role, ROLES};
use backoffice_core::domain::search::{GlobalSearchQuery, HitKind};
use backoffice_core::domain::staff::employee::TerminationInput;
use chrono::NaiveDate;

fn q(text: &str) -> GlobalSearchQuery {
    GlobalSearchQuery {
        text: text.into(),
        limit: 10,
    }
}

#[test]
fn every_role_finds_only_what_it_may_read_and_is_never_refused() {
    let t = installed();
    // A department, an employee and a document all matching "rossi".
    let dept = t
        .app
        .create_department(
            &t.admin,
            &DepartmentInput {
                name: "Ufficio Rossini".into(),
                code: Some("ROS".into()),
                head: None,
                cost_centre: None,
            },
        )
        .unwrap();
    let mut input = crate::staff::mario();
    input.department_id = Some(dept.id);
    let mario = t.app.create_employee(&t.admin, &input).unwrap().employee;
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("rossi.pdf");
    std::fs::write(&scan, b"%PDF-1.4 rossi").unwrap();
    let id_card = crate::staff::document_type(&t.app, &t.admin, "id_card");
    let doc = t
        .app
        .attach(
            &t.admin,
            "employees",
            mario.id,
            &AttachmentInput {
                type_id: Some(id_card),
                title: Some("Carta d'identità Rossi".into()),
                issued_on: None,
                expires_on: None,
            },
            &scan,
        )
        .unwrap();

    let denials = || t.count("SELECT count(*) FROM changes WHERE after LIKE '%\"denied\"%'");
    let before = denials();
    for role in ROLES {
        let ctx = t.user(&format!("u.{}", role.as_str()), &[role]);
        let found = t.app.global_search(&ctx, &q("ross")).unwrap();
        let kinds: Vec<HitKind> = found.hits.iter().map(|h| h.kind).collect();
        let reads_staff = matches!(
            role,
            Role::Admin | Role::Hr | Role::Accounting | Role::Manager
        );
        if reads_staff {
            assert_eq!(
                kinds,
                [HitKind::Employee, HitKind::Department, HitKind::Document],
                "{role:?}"
            );
        } else {
            // No staff rights: the department, and not a trace of people or their documents.
            assert_eq!(kinds, [HitKind::Department], "{role:?}");
        }
    }
    assert_eq!(denials(), before, "a search is never a refused attempt");

    // What the list shows and what opening needs.
    let found = t.app.global_search(&t.admin, &q("rossi")).unwrap();
    let employee = &found.hits[0];
    assert_eq!(employee.title, "Rossi Mario");
    assert_eq!(
        employee.detail.as_deref(),
        Some("RSSMRA80A01H501U · Ufficio Rossini")
    );
    assert_eq!(employee.employee_id, Some(mario.id));
    assert!(!employee.inactive);
    let document = found
        .hits
        .iter()
        .find(|h| h.kind == HitKind::Document)
        .unwrap();
    assert_eq!(document.id, doc.id);
    assert_eq!(document.detail.as_deref(), Some("Rossi Mario"));
    assert_eq!(document.document_type_id, Some(id_card));
    assert_eq!(document.employee_id, Some(mario.id));

    // A terminated employee is still found, marked inactive, and so are their documents.
    t.app
        .terminate_employee(
            &t.admin,
            mario.id,
            mario.version,
            &TerminationInput {
                termination_date: NaiveDate::from_ymd_opt(2025, 12, 31),
                reason: None,
            },
        )
        .unwrap();
    let found = t
        .app
        .global_search(&t.admin, &q("RSSMRA80A01H501U"))
        .unwrap();
    assert_eq!(found.hits.len(), 1);
    assert!(found.hits[0].inactive);
    let found = t.app.global_search(&t.admin, &q("carta")).unwrap();
    assert!(found.hits.iter().all(|h| h.inactive));

    // Under three characters nothing is searched.
    let short = t.app.global_search(&t.admin, &q("ro ma")).unwrap();
    assert!(short.too_short && short.hits.is_empty());
}

/// FTS5's own check that the employee search index holds exactly the entries the employees'
/// text makes (it reads the text from the table, so a stale entry is only found this way).
pub fn assert_search_index_whole(c: &rusqlite::Connection) {
    c.execute(
        "INSERT INTO employees_fts (employees_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .expect("the employee search index matches the employees");
}

#[test]
fn a_renamed_employee_is_found_by_the_new_name_only_and_the_index_stays_whole() {
    let t = installed();
    let mut input = crate::staff::mario();
    input.email = Some("mario.rossi@azienda.it".into());
    let saved = t.app.create_employee(&t.admin, &input).unwrap().employee;
    let names = |text: &str| -> Vec<String> {
        t.app
            .global_search(&t.admin, &q(text))
            .unwrap()
            .hits
            .into_iter()
            .filter(|h| h.kind == HitKind::Employee)
            .map(|h| h.title)
            .collect()
    };
    assert_eq!(names("rossi"), vec!["Rossi Mario"]);
    // Name, e-mail and number all change; twice in a row, then the e-mail goes.
    input.last_name = "Verdini".into();
    input.email = Some("m.verdini@azienda.it".into());
    input.employee_number = Some("000777".into());
    let saved = t
        .app
        .update_employee(&t.admin, saved.id, saved.version, &input)
        .unwrap()
        .employee;
    // An address is searched up to its "@": the whole address finds its owner, the company's
    // domain on everyone's address finds nobody.
    assert_eq!(names("m.verdini@azienda.it"), vec!["Verdini Mario"]);
    assert_eq!(names("mario.rossi@azienda.it"), Vec::<String>::new());
    assert_eq!(names("azienda"), Vec::<String>::new());
    input.first_name = "Marco".into();
    input.email = None;
    t.app
        .update_employee(&t.admin, saved.id, saved.version, &input)
        .unwrap();
    assert_eq!(names("rossi"), Vec::<String>::new());
    assert_eq!(names("000123"), Vec::<String>::new());
    assert_eq!(names("m.verdini"), Vec::<String>::new());
    assert_eq!(names("verdini marco"), vec!["Verdini Marco"]);
    assert_eq!(names("000777"), vec!["Verdini Marco"]);
    let raw = rusqlite::Connection::open(t.app.store().path()).unwrap();
    assert_search_index_whole(&raw);
    // The check does catch a row changed behind the index's back.
    raw.execute("UPDATE employees SET last_name = 'Bianchi'", [])
        .unwrap();
    assert!(raw
        .execute(
            "INSERT INTO employees_fts (employees_fts, rank) VALUES ('integrity-check', 1)",
            [],
        )
        .is_err());
}
