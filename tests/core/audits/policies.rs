use super::*;
use backoffice_core::domain::attention::Severity as Urgency;
use backoffice_core::domain::audits::policy::{
    AckFilter, AckInput, AckQuery, PolicyInput, PolicyKind,
};
use backoffice_core::ErrorCode;

fn input(version: &str, approved: NaiveDate, owner: i64) -> PolicyInput {
    PolicyInput {
        title: "Uso accettabile degli strumenti informatici".into(),
        kind: PolicyKind::It,
        owner_employee_id: Some(owner),
        version_label: version.into(),
        approved_by: Some("Consiglio di amministrazione".into()),
        approved_on: Some(approved),
        review_months: 12,
    }
}

fn acks(o: &Office, id: i64, filter: AckFilter) -> Vec<String> {
    let q = AckQuery {
        filter,
        department_id: None,
        page: Default::default(),
    };
    o.t.app
        .policy_acknowledgements(&o.auditor, id, &q)
        .unwrap()
        .items
        .into_iter()
        .map(|r| r.name)
        .collect()
}

#[test]
fn a_policy_comes_up_for_review_with_its_owner_and_lists_who_read_which_version() {
    let o = office();
    // Approved on 20/03/2025 with a yearly review: due on 20/03/2026, 18 days after today
    // (02/03/2026 on the test clock).
    let p =
        o.t.app
            .create_policy(&o.auditor, &input("1.0", date(2025, 3, 20), o.boss))
            .unwrap();
    assert_eq!(p.next_review_on, Some(date(2026, 3, 20)));
    assert_eq!((p.acknowledged, p.staff), (0, 3));
    let mine =
        o.t.app
            .attention(&o.manager, Urgency::Low, 50)
            .unwrap()
            .items;
    let item = mine
        .iter()
        .find(|i| i.entity == "policies")
        .expect("the owner sees the review");
    assert_eq!(item.reason["kind"], "policy_review_due");
    assert!(o
        .t
        .app
        .attention(&o.auditor, Urgency::Low, 50)
        .unwrap()
        .items
        .iter()
        .all(|i| i.entity != "policies"));

    // Two people read version 1.0.
    let added =
        o.t.app
            .acknowledge_policy(
                &o.auditor,
                p.id,
                &AckInput {
                    employee_ids: vec![o.boss, o.clerk],
                    acknowledged_on: None,
                },
            )
            .unwrap();
    assert_eq!(added, 2);
    assert_eq!(acks(&o, p.id, AckFilter::Read).len(), 2);
    assert_eq!(acks(&o, p.id, AckFilter::NotRead).len(), 1);
    // Version 2.0: nobody has read it yet.
    let p = o.t.app.policy(&o.auditor, p.id).unwrap();
    let p =
        o.t.app
            .update_policy(
                &o.auditor,
                p.id,
                p.version,
                &input("2.0", date(2026, 2, 1), o.boss),
            )
            .unwrap();
    assert_eq!(p.acknowledged, 0);
    assert_eq!(acks(&o, p.id, AckFilter::NotRead).len(), 3);
    assert_eq!(p.next_review_on, Some(date(2027, 2, 1)));
    // A review moves the next one a year on.
    let p =
        o.t.app
            .review_policy(&o.auditor, p.id, p.version, None)
            .unwrap();
    assert_eq!(
        (p.last_reviewed_on, p.next_review_on),
        (Some(date(2026, 3, 2)), Some(date(2027, 3, 2)))
    );
    // Managers read policies but do not keep them.
    assert!(o.t.app.policy(&o.manager, p.id).is_ok());
    let e =
        o.t.app
            .review_policy(&o.manager, p.id, p.version, None)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn a_policy_with_a_bad_interval_or_a_future_approval_is_refused_at_its_fields() {
    let o = office();
    let mut bad = input("1.0", date(2026, 12, 31), o.boss);
    bad.review_months = 0;
    let e = o.t.app.create_policy(&o.auditor, &bad).unwrap_err();
    let fields: Vec<&str> = e.fields.iter().map(|f| f.field.as_str()).collect();
    assert_eq!(fields, ["approved_on", "review_months"]);
    assert_eq!(o.t.count("SELECT count(*) FROM policies"), 0);
}
