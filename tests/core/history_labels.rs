//! History names the records it shows: from the current row, from the last snapshot of a row
//! since deleted, or not at all (the UI then shows the id); and a whole page in a few queries.

use crate::departments::input;
use crate::staff::{contract_type, course, date, mario, person, staff_app};
use backoffice_core::domain::history::{Change, ChangeOp, HistoryQuery, RecordName};
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::staff::catalog::{Required, RequirementInput};
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::store::{history_labels, TRACKED};
use chrono::Utc;
use std::collections::BTreeSet;

fn training(course_id: i64) -> TrainingInput {
    TrainingInput {
        course_id,
        completed_on: Some(date(2024, 5, 10)),
        provider: None,
        certificate_document_id: None,
        notes: None,
    }
}

fn name(it: &str, en: &str) -> RecordName {
    RecordName {
        it: it.into(),
        en: en.into(),
    }
}

fn page(limit: i64) -> HistoryQuery {
    HistoryQuery {
        page: PageRequest { offset: 0, limit },
        ..Default::default()
    }
}

#[test]
fn records_and_their_references_are_named_even_once_deleted() {
    let t = staff_app();
    let dept = t
        .app
        .create_department(&t.ctx, &input("Logistica"))
        .unwrap();
    let permanent = contract_type(&t.app, &t.ctx, "permanent");
    let mut m = mario();
    m.department_id = Some(dept.id);
    m.contract_type_id = Some(permanent);
    let e = t.app.create_employee(&t.ctx, &m).unwrap().employee;
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    let done = t.app.add_training(&t.ctx, e.id, &training(fire)).unwrap();
    let req = t
        .app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: Some("Magazziniere".into()),
                department_id: Some(dept.id),
                required: Required::Course { course_id: fire },
            },
        )
        .unwrap();
    // Both deleted: their names now come from their last snapshot in history.
    t.app
        .delete_training(&t.ctx, done.id, done.version)
        .unwrap();
    t.app
        .delete_requirement(&t.ctx, req.id, req.version)
        .unwrap();

    let h = t.app.history(&t.ctx, &page(100)).unwrap();
    let l = &h.labels;
    assert_eq!(
        l[&format!("employees:{}", e.id)],
        name("Rossi Mario", "Rossi Mario")
    );
    assert_eq!(
        l[&format!("departments:{}", dept.id)],
        name("Logistica", "Logistica")
    );
    assert_eq!(
        l[&format!("contract_types:{permanent}")],
        name("Tempo indeterminato", "Permanent")
    );
    assert_eq!(
        l[&format!("courses:{fire}")],
        name("Antincendio", "Fire fighting")
    );
    assert_eq!(
        l[&format!("training_records:{}", done.id)],
        name("Antincendio · Rossi Mario", "Fire fighting · Rossi Mario")
    );
    assert_eq!(
        l[&format!("requirements:{}", req.id)],
        name(
            "Antincendio · Magazziniere · Logistica",
            "Fire fighting · Magazziniere · Logistica"
        )
    );
    // The stored history is what it was: raw ids and ISO dates.
    let deleted = h
        .items
        .iter()
        .find(|c| c.entity == "training_records" && c.op == ChangeOp::Delete)
        .unwrap();
    let before = deleted.before.as_ref().unwrap();
    assert_eq!(before["course_id"], fire);
    assert_eq!(before["completed_on"], "2024-05-10");
    assert!(t.app.verify_history(&t.ctx, &mut |_| true).unwrap().ok);
}

#[test]
fn an_unknown_id_gets_no_name() {
    let t = staff_app();
    let change = Change {
        id: 1,
        actor: "mrossi".into(),
        at: Utc::now(),
        entity: "training_records".into(),
        row_id: "777".into(),
        op: ChangeOp::Update,
        before: None,
        after: Some(serde_json::json!({ "id": 777, "employee_id": 888, "course_id": 999 })),
        hash: String::new(),
        detail: None,
    };
    let all: Vec<&str> = TRACKED.iter().map(|t| t.entity).collect();
    let r = t
        .app
        .store()
        .read(|c| history_labels::resolve(c, &[change], &all))
        .unwrap();
    assert!(!r.labels.contains_key("training_records:777"));
    assert!(!r.labels.contains_key("employees:888"));
    assert!(!r.labels.contains_key("courses:999"));
}

#[test]
fn a_page_of_100_changes_is_named_in_a_bounded_number_of_queries() {
    let t = staff_app();
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    let first_aid = course(&t.app, &t.ctx, "first_aid");
    for n in 1..=40 {
        let mut p = person(n);
        if n % 2 == 0 {
            let d = t
                .app
                .create_department(&t.ctx, &input(&format!("Reparto {n}")))
                .unwrap();
            p.department_id = Some(d.id);
        }
        let e = t.app.create_employee(&t.ctx, &p).unwrap().employee;
        let c = if n % 3 == 0 { first_aid } else { fire };
        t.app.add_training(&t.ctx, e.id, &training(c)).unwrap();
    }
    let h = t.app.history(&t.ctx, &page(100)).unwrap();
    assert_eq!(h.items.len(), 100);
    let tables: BTreeSet<&str> = h.items.iter().map(|c| c.entity.as_str()).collect();
    assert!(tables.len() >= 3, "{tables:?}");
    for c in &h.items {
        let key = format!("{}:{}", c.entity, c.row_id);
        let label = h
            .labels
            .get(&key)
            .unwrap_or_else(|| panic!("{key} unnamed"));
        if c.entity == "training_records" {
            assert!(label.it.contains(" · Cognome"), "{label:?}");
        }
    }

    let all: Vec<&str> = TRACKED.iter().map(|t| t.entity).collect();
    let r = t
        .app
        .store()
        .read(|c| history_labels::resolve(c, &h.items, &all))
        .unwrap();
    assert_eq!(r.labels, h.labels);
    // One query per referenced table for current rows (nothing is deleted here): employees,
    // departments, courses, training records; never one per change.
    assert!(r.queries <= 5, "{} queries", r.queries);
}
