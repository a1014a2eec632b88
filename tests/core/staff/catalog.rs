//! Retiring and bringing back entries of the staff lists: an inactive entry is kept on the records
//! that use it but offered for nothing new, a document type or course that requirements still
//! ask for cannot be retired, and every change is in history.

use crate::staff::{contract_type, course, date, document_type, person, staff_app};
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::history::HistoryQuery;
use backoffice_core::domain::staff::catalog::{Required, RequirementInput};
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::ErrorCode;

fn training(course_id: i64) -> TrainingInput {
    TrainingInput {
        course_id,
        completed_on: Some(date(2025, 3, 10)),
        provider: None,
        certificate_document_id: None,
        notes: None,
    }
}

/// The `active` values a row went through, oldest first, read from its history.
fn active_history(t: &crate::support::TestApp, entity: &str, id: i64) -> Vec<bool> {
    let h = t
        .app
        .history(
            &t.ctx,
            &HistoryQuery {
                entity: Some(entity.into()),
                row_id: Some(id.to_string()),
                ..Default::default()
            },
        )
        .unwrap();
    let mut out: Vec<bool> = h
        .items
        .iter()
        .map(|c| c.after.as_ref().unwrap()["active"].as_i64() == Some(1))
        .collect();
    out.reverse();
    out
}

#[test]
fn an_inactive_course_stays_on_old_records_and_is_refused_for_new_ones() {
    let t = staff_app();
    let e = t.app.create_employee(&t.ctx, &person(1)).unwrap().employee;
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    let done = t.app.add_training(&t.ctx, e.id, &training(fire)).unwrap();
    let c = t.app.list_courses(&t.ctx, true).unwrap();
    let v = c.iter().find(|c| c.id == fire).unwrap().version;

    let retired = t.app.set_course_active(&t.ctx, fire, v, false).unwrap();
    assert!(!retired.active);
    assert_eq!(retired.version, v + 1);
    // Gone from the choices, still in the full list and on the employee's record.
    let offered = t.app.list_courses(&t.ctx, false).unwrap();
    assert!(offered.iter().all(|c| c.id != fire));
    assert!(t
        .app
        .list_courses(&t.ctx, true)
        .unwrap()
        .iter()
        .any(|c| c.id == fire && !c.active));
    let file = t.app.employee(&t.ctx, e.id).unwrap();
    assert_eq!(file.training[0].course_id, fire);

    // Nothing new on it, but the old record can still be corrected.
    let err = t
        .app
        .add_training(&t.ctx, e.id, &training(fire))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("course_id", "inactive")
    );
    let mut fix = training(fire);
    fix.provider = Some("Vigili del fuoco".into());
    t.app
        .update_training(&t.ctx, done.id, done.version, &fix)
        .unwrap();

    // A stale version is a conflict, not a silent overwrite.
    let stale = t.app.set_course_active(&t.ctx, fire, v, true).unwrap_err();
    assert_eq!(stale.code, ErrorCode::Conflict);

    let back = t
        .app
        .set_course_active(&t.ctx, fire, retired.version, true)
        .unwrap();
    assert!(back.active);
    t.app.add_training(&t.ctx, e.id, &training(fire)).unwrap();
    assert_eq!(active_history(&t, "courses", fire), [true, false, true]);
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

#[test]
fn a_required_document_type_or_course_cannot_be_retired() {
    let t = staff_app();
    let medical = document_type(&t.app, &t.ctx, "medical_fitness");
    let first_aid = course(&t.app, &t.ctx, "first_aid");
    let mut reqs = Vec::new();
    for title in ["Magazziniere", "Carrellista"] {
        reqs.push(
            t.app
                .create_requirement(
                    &t.ctx,
                    &RequirementInput {
                        job_title: Some(title.into()),
                        department_id: None,
                        required: Required::Document {
                            document_type_id: medical,
                        },
                    },
                )
                .unwrap(),
        );
    }
    let course_req = t
        .app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: None,
                department_id: None,
                required: Required::Course {
                    course_id: first_aid,
                },
            },
        )
        .unwrap();
    let changes = t.app.history_status(&t.ctx).unwrap().count;

    let err = t
        .app
        .set_document_type_active(&t.ctx, medical, 1, false)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    assert_eq!(err.fields[0].field, "active");
    assert_eq!(err.fields[0].code, "required_by");
    assert_eq!(err.fields[0].params["count"], "2");
    let err = t
        .app
        .set_course_active(&t.ctx, first_aid, 1, false)
        .unwrap_err();
    assert_eq!(err.fields[0].code, "required_by");
    assert_eq!(err.fields[0].params["count"], "1");
    // Refused before anything was written.
    assert_eq!(t.app.history_status(&t.ctx).unwrap().count, changes);
    assert!(t
        .app
        .list_document_types(&t.ctx, false)
        .unwrap()
        .iter()
        .any(|d| d.id == medical));

    // Once the requirements are gone it can be retired…
    for r in &reqs {
        t.app.delete_requirement(&t.ctx, r.id, r.version).unwrap();
    }
    t.app
        .delete_requirement(&t.ctx, course_req.id, course_req.version)
        .unwrap();
    let retired = t
        .app
        .set_document_type_active(&t.ctx, medical, 1, false)
        .unwrap();
    t.app
        .set_course_active(&t.ctx, first_aid, 1, false)
        .unwrap();

    // …and nobody can be asked for it again while it is retired.
    for required in [
        Required::Document {
            document_type_id: medical,
        },
        Required::Course {
            course_id: first_aid,
        },
    ] {
        let err = t
            .app
            .create_requirement(
                &t.ctx,
                &RequirementInput {
                    job_title: Some("Magazziniere".into()),
                    department_id: None,
                    required,
                },
            )
            .unwrap_err();
        assert_eq!(
            (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
            ("required", "inactive")
        );
    }
    // Bringing it back needs no requirement check.
    t.app
        .set_document_type_active(&t.ctx, medical, retired.version, true)
        .unwrap();
    assert_eq!(
        active_history(&t, "document_types", medical),
        [true, false, true]
    );
}

#[test]
fn an_inactive_document_type_takes_no_new_documents() {
    let t = staff_app();
    let e = t.app.create_employee(&t.ctx, &person(1)).unwrap().employee;
    let other = document_type(&t.app, &t.ctx, "other");
    t.app
        .set_document_type_active(&t.ctx, other, 1, false)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("nota.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 nota").unwrap();
    let err = t
        .app
        .attach(
            &t.ctx,
            "employees",
            e.id,
            &AttachmentInput {
                type_id: Some(other),
                title: None,
                issued_on: None,
                expires_on: None,
            },
            &pdf,
        )
        .unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("type_id", "inactive")
    );
}

#[test]
fn an_inactive_contract_type_stays_on_the_people_who_have_it() {
    let t = staff_app();
    let internship = contract_type(&t.app, &t.ctx, "internship");
    let mut a = person(1);
    a.contract_type_id = Some(internship);
    let a = t.app.create_employee(&t.ctx, &a).unwrap().employee;
    let retired = t
        .app
        .set_contract_type_active(&t.ctx, internship, 1, false)
        .unwrap();
    assert!(!retired.active);
    assert!(t
        .app
        .list_contract_types(&t.ctx, false)
        .unwrap()
        .iter()
        .all(|c| c.id != internship));

    // Editing someone already on it keeps it.
    let mut edit = person(1);
    edit.contract_type_id = Some(internship);
    edit.job_title = Some("Stagista".into());
    let saved = t
        .app
        .update_employee(&t.ctx, a.id, a.version, &edit)
        .unwrap();
    assert_eq!(saved.employee.contract_type_id, Some(internship));

    // Nobody new is put on it.
    let mut b = person(2);
    b.contract_type_id = Some(internship);
    let err = t.app.create_employee(&t.ctx, &b).unwrap_err();
    assert!(err
        .fields
        .iter()
        .any(|f| f.field == "contract_type_id" && f.code == "inactive"));
    assert_eq!(
        active_history(&t, "contract_types", internship),
        [true, false]
    );
}
