//! Global search and the document-title index kept in step with attach, renew, correct and
//! delete (migration 0004), through the services, with history verifying afterwards.

use backoffice_bench::people::{code_stem, tax_code};
use backoffice_core::domain::attachment::{AttachmentEdit, AttachmentInput, RenewalInput};
use backoffice_core::domain::codice_fiscale::Sex;
use backoffice_core::domain::department::DepartmentInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::search::{GlobalSearchQuery, HitKind};
use backoffice_core::domain::staff::employee::EmployeeInput;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::system_clock;
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn q(text: &str) -> GlobalSearchQuery {
    GlobalSearchQuery {
        text: text.into(),
        limit: 10,
    }
}

fn titles(app: &Backoffice, ctx: &Ctx, text: &str, kind: HitKind) -> Vec<String> {
    app.global_search(ctx, &q(text))
        .unwrap()
        .hits
        .into_iter()
        .filter(|h| h.kind == kind)
        .map(|h| h.title)
        .collect()
}

#[test]
fn finds_employees_documents_and_departments_and_follows_every_change() {
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(dir.path(), system_clock()).unwrap();
    let ctx = Ctx::new(1, "hr", vec![Role::Admin]);
    app.ensure_staff_defaults(&ctx).unwrap();
    let dept = app
        .create_department(
            &ctx,
            &DepartmentInput {
                name: "Magazzino Verona".into(),
                code: Some("MAG-VR".into()),
                head: None,
                cost_centre: None,
            },
        )
        .unwrap();
    let mario = app
        .create_employee(
            &ctx,
            &EmployeeInput {
                first_name: "Mario".into(),
                last_name: "Rossi".into(),
                tax_code: "RSSMRA80A01H501U".into(),
                birth_date: Some(d(1980, 1, 1)),
                hire_date: Some(d(2010, 3, 15)),
                email: Some("mario.rossi@example.it".into()),
                department_id: Some(dept.id),
                employee_number: Some("M000042".into()),
                ..Default::default()
            },
        )
        .unwrap()
        .employee;

    // Employees by name part, tax code, e-mail and number; departments by name and code.
    let e = |text: &str| titles(&app, &ctx, text, HitKind::Employee);
    assert_eq!(e("ross"), ["Rossi Mario"]);
    assert_eq!(e("mario ROSSI"), ["Rossi Mario"]);
    assert_eq!(e("RSSMRA80A01H501U"), ["Rossi Mario"]);
    // An address up to its "@": the whole address or its first part finds him, the domain
    // (the company's, on everyone's address) finds nobody.
    assert_eq!(e("mario.rossi@example.it"), ["Rossi Mario"]);
    assert_eq!(e("o.ros"), ["Rossi Mario"]);
    assert!(e("example.it").is_empty());
    assert_eq!(e("M000042"), ["Rossi Mario"]);
    assert!(e("bianchi").is_empty());
    assert_eq!(
        titles(&app, &ctx, "magazzino", HitKind::Department),
        ["Magazzino Verona"]
    );
    assert_eq!(
        titles(&app, &ctx, "mag-vr", HitKind::Department),
        ["Magazzino Verona"]
    );
    let found = app.global_search(&ctx, &q("ross")).unwrap();
    assert_eq!(
        found.hits[0].detail.as_deref(),
        Some("RSSMRA80A01H501U · Magazzino Verona")
    );
    assert_eq!(found.hits[0].employee_id, Some(mario.id));
    assert!(app.global_search(&ctx, &q("ro")).unwrap().too_short);

    // Documents: attached, renewed (only the current version is a hit), corrected, deleted.
    let pdf = dir.path().join("idoneita.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n%%EOF\n").unwrap();
    let types = app.list_document_types(&ctx, true).unwrap();
    let fitness = types
        .iter()
        .find(|t| t.code.as_deref() == Some("medical_fitness"))
        .unwrap();
    let doc = app
        .attach(
            &ctx,
            "employees",
            mario.id,
            &AttachmentInput {
                type_id: Some(fitness.id),
                title: Some("Giudizio di idoneità 2024".into()),
                issued_on: Some(d(2024, 5, 2)),
                expires_on: None,
            },
            &pdf,
        )
        .unwrap();
    let docs = |text: &str| titles(&app, &ctx, text, HitKind::Document);
    assert_eq!(docs("idoneita"), ["Giudizio di idoneità 2024"]);
    let renewed = app
        .renew_attachment(
            &ctx,
            doc.id,
            doc.version,
            &RenewalInput {
                title: Some("Giudizio di idoneità 2025".into()),
                issued_on: Some(d(2025, 5, 2)),
                expires_on: None,
            },
            &pdf,
        )
        .unwrap();
    assert_eq!(docs("idoneità"), ["Giudizio di idoneità 2025"]);
    assert!(docs("2024").is_empty(), "a superseded version is not a hit");
    let corrected = app
        .update_attachment(
            &ctx,
            renewed.id,
            renewed.version,
            &AttachmentEdit {
                title: "Visita medica periodica".into(),
                issued_on: renewed.issued_on,
                expires_on: renewed.expires_on,
            },
        )
        .unwrap();
    assert!(docs("2025").is_empty());
    assert_eq!(docs("visita medica"), ["Visita medica periodica"]);
    app.delete_attachment(&ctx, corrected.id, corrected.version)
        .unwrap();
    assert!(docs("visita").is_empty());
    // The renewed version is current again.
    assert_eq!(docs("idoneità"), ["Giudizio di idoneità 2024"]);

    // Only the areas the person may read: no staff role, no employee or document hits.
    let it = Ctx::new(2, "it", vec![Role::It]);
    let hits = app.global_search(&it, &q("ross")).unwrap().hits;
    assert!(hits.iter().all(|h| h.kind == HitKind::Department));

    // The index agrees with the table row for row, and history still verifies.
    let c = rusqlite::Connection::open(app.store().path()).unwrap();
    let mismatched: i64 = c
        .query_row(
            "SELECT count(*) FROM attachments d FULL JOIN attachments_fts f ON f.rowid = d.id
             WHERE d.id IS NULL OR f.rowid IS NULL OR f.title IS NOT d.title",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(mismatched, 0);
    let report = app.verify_history(&ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn limits_each_kind_and_says_there_is_more() {
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(dir.path(), system_clock()).unwrap();
    let ctx = Ctx::new(1, "hr", vec![Role::Admin]);
    app.ensure_staff_defaults(&ctx).unwrap();
    let codes: Vec<String> = (0..3)
        .map(|i| {
            let stem = code_stem(
                &format!("Nome{i}"),
                "Cognome",
                Sex::M,
                d(1980, 1, 1 + i),
                "H501",
            );
            tax_code(&stem, 0)
        })
        .collect();
    for (i, cf) in codes.iter().enumerate() {
        let r = app.create_employee(
            &ctx,
            &EmployeeInput {
                first_name: format!("Nome{i}"),
                last_name: "Cognome".into(),
                tax_code: cf.clone(),
                hire_date: Some(d(2020, 1, 1)),
                ..Default::default()
            },
        );
        assert!(r.is_ok(), "{cf}: {r:?}");
    }
    let found = app
        .global_search(
            &ctx,
            &GlobalSearchQuery {
                text: "cognome".into(),
                limit: 2,
            },
        )
        .unwrap();
    assert_eq!(found.hits.len(), 2);
    assert_eq!(found.more, [HitKind::Employee]);
}
