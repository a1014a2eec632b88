use super::*;
use backoffice_core::domain::attention::Severity as Urgency;
use backoffice_core::domain::audits::finding::{
    ActionDoneInput, ActionInput, ActionStatus, ActionVerifyInput, FindingStatus,
};
use backoffice_core::ErrorCode;

fn action(o: &Office, finding: i64, owner: i64, due: NaiveDate) -> i64 {
    let f =
        o.t.app
            .add_audit_action(
                &o.auditor,
                finding,
                &ActionInput {
                    description: "Aggiornare il registro dei trattamenti".into(),
                    owner_employee_id: Some(owner),
                    due_on: Some(due),
                    subject: None,
                },
            )
            .unwrap();
    f.actions.last().unwrap().id
}

#[test]
fn an_action_is_done_by_its_owner_verified_by_someone_else_and_closes_its_finding() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    assess(&o, &a, "R-2", Outcome::Major);
    let f = finding(&o, &a, "R-2", Severity::Major);
    // Due before the audit's start: refused at its field.
    let e =
        o.t.app
            .add_audit_action(
                &o.auditor,
                f,
                &ActionInput {
                    description: "Troppo presto".into(),
                    owner_employee_id: Some(o.boss),
                    due_on: Some(date(2026, 3, 1)),
                    subject: None,
                },
            )
            .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("due_on", "before_audit_start")
    );
    let x = action(&o, f, o.boss, date(2026, 3, 20));
    let x2 = action(&o, f, o.clerk, date(2026, 3, 25));
    let get = |id: i64| {
        o.t.app
            .finding(&o.auditor, f)
            .unwrap()
            .actions
            .into_iter()
            .find(|a| a.id == id)
            .unwrap()
    };

    // The owner (a manager linked to their staff record) marks it done; someone else's action
    // is not theirs to touch.
    let other = get(x2);
    let e =
        o.t.app
            .complete_audit_action(
                &o.manager,
                other.id,
                other.version,
                &ActionDoneInput {
                    done_on: None,
                    note: None,
                },
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let mine = get(x);
    o.t.app
        .complete_audit_action(
            &o.manager,
            mine.id,
            mine.version,
            &ActionDoneInput {
                done_on: None,
                note: Some("Registro aggiornato".into()),
            },
        )
        .unwrap();
    let done = get(x);
    assert_eq!(
        (done.status, done.done_on),
        (ActionStatus::Done, Some(date(2026, 3, 2)))
    );
    // A manager cannot verify, and an auditor linked to the owner's record cannot either.
    let verify = ActionVerifyInput {
        verified_on: None,
        effectiveness: "Campione di 5 trattamenti presenti".into(),
    };
    assert_eq!(
        o.t.app
            .verify_audit_action(&o.manager, done.id, done.version, &verify)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    link(&o.t, &o.auditor2, o.boss);
    let e =
        o.t.app
            .verify_audit_action(&o.auditor2, done.id, done.version, &verify)
            .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("verified_by", "is_owner")
    );
    let e =
        o.t.app
            .verify_audit_action(
                &o.auditor,
                done.id,
                done.version,
                &ActionVerifyInput {
                    verified_on: None,
                    effectiveness: " ".into(),
                },
            )
            .unwrap_err();
    assert_eq!(e.fields[0].field, "effectiveness");
    let fin =
        o.t.app
            .verify_audit_action(&o.auditor, done.id, done.version, &verify)
            .unwrap();
    assert_eq!(
        fin.status,
        FindingStatus::Open,
        "the second action is still open"
    );
    let v = get(x);
    assert_eq!(
        (v.status, v.verified_by_user_id),
        (ActionStatus::Verified, Some(o.auditor.user_id))
    );

    let second = get(x2);
    o.t.app
        .complete_audit_action(
            &o.auditor,
            second.id,
            second.version,
            &ActionDoneInput {
                done_on: None,
                note: None,
            },
        )
        .unwrap();
    let second = get(x2);
    let fin =
        o.t.app
            .verify_audit_action(&o.auditor, second.id, second.version, &verify)
            .unwrap();
    assert_eq!(
        (fin.status, fin.closed_on),
        (FindingStatus::Closed, Some(date(2026, 3, 2)))
    );
    // Verifying twice is a step the state machine does not have.
    let again = get(x2);
    assert_eq!(
        o.t.app
            .verify_audit_action(&o.auditor, again.id, again.version, &verify)
            .unwrap_err()
            .code,
        ErrorCode::BadTransition
    );
    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn overdue_and_soon_due_actions_reach_their_owner_and_the_audit_lead_only() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    assess(&o, &a, "R-1", Outcome::Minor);
    let f = finding(&o, &a, "R-1", Severity::Minor);
    action(&o, f, o.boss, date(2026, 3, 10)); // due in 8 days
    action(&o, f, o.clerk, date(2026, 6, 30)); // far off
    let items = |who: &Ctx| o.t.app.attention(who, Urgency::Low, 50).unwrap().items;
    let lead = items(&o.auditor);
    let actions: Vec<_> = lead
        .iter()
        .filter(|i| i.entity == "audit_actions")
        .collect();
    assert_eq!(actions.len(), 1);
    assert_eq!(actions[0].reason["kind"], "action_due");
    assert_eq!(actions[0].severity, Urgency::Medium);
    let owner = items(&o.manager);
    assert_eq!(
        owner.iter().filter(|i| i.entity == "audit_actions").count(),
        1
    );
    assert!(items(&o.auditor2)
        .iter()
        .all(|i| i.entity != "audit_actions"));
    // Twelve days later it is overdue: high.
    o.t.clock.advance(12 * 86_400);
    let lead = items(&o.auditor);
    let late = lead.iter().find(|i| i.entity == "audit_actions").unwrap();
    assert_eq!(
        (late.reason["kind"].as_str(), late.severity),
        (Some("action_overdue"), Urgency::High)
    );
    // And the audit itself is past its planned end.
    assert!(lead
        .iter()
        .any(|i| i.entity == "audits" && i.reason["kind"] == "audit_overdue"));
}

#[test]
fn a_finding_names_the_record_it_is_about_and_only_a_real_one() {
    use backoffice_core::domain::audits::finding::{FindingInput, Subject};
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    let about = |entity: &str, id: i64| FindingInput {
        severity: Severity::Minor,
        title: "Nomina ad autorizzato mancante".into(),
        description: None,
        root_cause: None,
        whys: vec![],
        subject: Some(Subject {
            entity: entity.into(),
            id,
        }),
    };
    let f =
        o.t.app
            .raise_finding(&o.auditor, a.id, None, &about("employees", o.clerk))
            .unwrap();
    assert_eq!(f.subject_name.as_deref(), Some("Cognome3 Nome3"));
    for (entity, id) in [("employees", 9_999), ("changes", 1), ("sqlite_master", 1)] {
        let e =
            o.t.app
                .raise_finding(&o.auditor, a.id, None, &about(entity, id))
                .unwrap_err();
        assert_eq!(
            (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
            ("subject", "not_found"),
            "{entity}"
        );
    }
    assert_eq!(o.t.count("SELECT count(*) FROM findings"), 1);
}
