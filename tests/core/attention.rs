//! The "needs attention" list: what each area reports, in urgency order, for those who may read it.

use crate::staff::{course, date, person, staff_app};
use crate::support::TestApp;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::permissions::{Area, Role};
use backoffice_core::domain::staff::catalog::{Required, RequirementInput};
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::services::Ctx;

/// Three employees; everyone must have fire-fighting training (valid 60 months). The first
/// has it, done so long ago that it expired; the second has it, still valid; the third lacks it.
fn company() -> (TestApp, Vec<i64>) {
    let t = staff_app();
    let ids: Vec<i64> = (1..=3)
        .map(|n| {
            t.app
                .create_employee(&t.ctx, &person(n))
                .unwrap()
                .employee
                .id
        })
        .collect();
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    t.app
        .create_requirement(
            &t.ctx,
            &RequirementInput {
                job_title: None,
                department_id: None,
                required: Required::Course { course_id: fire },
            },
        )
        .unwrap();
    for (id, done) in [(ids[0], date(2019, 1, 10)), (ids[1], date(2025, 6, 1))] {
        t.app
            .add_training(
                &t.ctx,
                id,
                &TrainingInput {
                    course_id: fire,
                    completed_on: Some(done),
                    provider: None,
                    certificate_document_id: None,
                    notes: None,
                },
            )
            .unwrap();
    }
    (t, ids)
}

#[test]
fn staff_files_report_their_most_urgent_issue_most_urgent_first() {
    let (t, ids) = company();
    let a = t.app.attention(&t.ctx, Severity::Low, 50).unwrap();
    let ours: Vec<i64> = a.items.iter().map(|i| i.record_id).collect();
    // The expired training and the missing one come before anything else of theirs, and the
    // list is sorted by urgency.
    assert!(ours.contains(&ids[0]) && ours.contains(&ids[2]), "{ours:?}");
    assert!(a.items.windows(2).all(|w| w[0].urgency >= w[1].urgency));
    let expired = a.items.iter().find(|i| i.record_id == ids[0]).unwrap();
    assert_eq!(expired.area, Area::Staff);
    assert_eq!(expired.entity, "employees");
    assert_eq!(expired.record_name, "Cognome1 Nome1");
    assert_eq!(expired.reason["issue"]["type"], "expired_course");
    assert_eq!(expired.due, Some(date(2024, 1, 10)));
    assert_eq!(expired.act_by, Role::Hr);
    let missing = a.items.iter().find(|i| i.record_id == ids[2]).unwrap();
    assert_eq!(missing.reason["issue"]["type"], "missing_course");
    assert_eq!(missing.due, None);
    // The counts are per employee, by their most urgent issue, and add up to the total.
    let counted: i64 = a.counts.iter().map(|c| c.count).sum();
    assert_eq!(counted, a.total);
    assert_eq!(a.total, a.items.len() as i64);
    assert!(a
        .counts
        .iter()
        .all(|c| c.area == Area::Staff && c.count > 0));
}

#[test]
fn a_minimum_severity_and_a_limit_narrow_the_items_not_the_counts() {
    let (t, _) = company();
    let all = t.app.attention(&t.ctx, Severity::Low, 50).unwrap();
    let high = t.app.attention(&t.ctx, Severity::High, 50).unwrap();
    assert!(high.items.iter().all(|i| i.severity >= Severity::High));
    assert!(high.items.len() <= all.items.len());
    assert_eq!(high.counts, all.counts);
    let one = t.app.attention(&t.ctx, Severity::Low, 1).unwrap();
    assert_eq!(one.items.len(), 1);
    assert_eq!(one.items[0], all.items[0]);
}

#[test]
fn only_areas_the_person_may_read_are_shown() {
    let (t, _) = company();
    for role in [Role::It, Role::Purchasing, Role::Viewer] {
        let ctx = Ctx::new(1, "someone", vec![role]);
        let a = t.app.attention(&ctx, Severity::Low, 50).unwrap();
        assert!(a.items.is_empty() && a.counts.is_empty(), "{role:?}");
        assert_eq!(a.total, 0);
    }
    let hr = Ctx::new(1, "hr", vec![Role::Hr]);
    assert!(!t
        .app
        .attention(&hr, Severity::Low, 50)
        .unwrap()
        .items
        .is_empty());
}

#[test]
fn a_fixed_issue_leaves_the_list() {
    let (t, ids) = company();
    let fire = course(&t.app, &t.ctx, "fire_fighting");
    t.app
        .add_training(
            &t.ctx,
            ids[2],
            &TrainingInput {
                course_id: fire,
                completed_on: Some(date(2026, 2, 1)),
                provider: None,
                certificate_document_id: None,
                notes: None,
            },
        )
        .unwrap();
    let a = t.app.attention(&t.ctx, Severity::Low, 50).unwrap();
    assert!(a
        .items
        .iter()
        .all(|i| i.record_id != ids[2] || i.reason["issue"]["type"] != "missing_course"));
}
