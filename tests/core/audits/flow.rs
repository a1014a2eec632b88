use super::*;
use backoffice_core::domain::audits::audit::AuditStatus;
use backoffice_core::ErrorCode;

#[test]
fn an_audit_walks_its_state_machine_and_every_illegal_move_is_refused() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a =
        o.t.app
            .create_audit(
                &o.auditor,
                &audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::None),
            )
            .unwrap();
    assert_eq!(a.status, AuditStatus::Planned);
    assert_eq!(a.departments[0].name, "Magazzino");
    let bad = |a: &Audit, t: Transition| {
        let e =
            o.t.app
                .move_audit(&o.auditor, a.id, a.version, t, None)
                .unwrap_err();
        assert_eq!(
            e.code,
            ErrorCode::BadTransition,
            "{t:?} from {:?}",
            a.status
        );
    };
    for t in [
        Transition::SubmitForReview,
        Transition::SendBack,
        Transition::Close,
    ] {
        bad(&a, t);
    }
    // Items are assessed only once the audit has started.
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    let e =
        o.t.app
            .assess_item(
                &o.auditor,
                a.id,
                d.items[0].item_id,
                0,
                &ResultInput {
                    outcome: Some(Outcome::Compliant),
                    na_reason: None,
                    notes: None,
                },
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);

    let a =
        o.t.app
            .move_audit(&o.auditor, a.id, a.version, Transition::Start, None)
            .unwrap();
    assert_eq!(
        (a.status, a.started_on),
        (AuditStatus::InProgress, Some(date(2026, 3, 2)))
    );
    bad(&a, Transition::Start);
    bad(&a, Transition::Close);
    // Not every item has a result yet.
    let e =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap_err();
    assert_eq!(
        e.params.get("reason").map(String::as_str),
        Some("items_not_assessed")
    );
    assess(&o, &a, "R-1", Outcome::Compliant);
    assess(&o, &a, "R-2", Outcome::Minor);
    assess(&o, &a, "S-1", Outcome::NotApplicable);
    assess(&o, &a, "S-2", Outcome::Observation);
    // A non-conformity without its finding stops the review.
    let a = current(&o, a.id);
    let e =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap_err();
    assert_eq!(
        e.params.get("reason").map(String::as_str),
        Some("nonconformity_without_finding")
    );
    assert_eq!(e.params.get("items").map(String::as_str), Some("R-2"));
    finding(&o, &a, "R-2", Severity::Minor);
    let a = current(&o, a.id);
    let a =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap();
    assert_eq!(a.status, AuditStatus::InReview);
    bad(&a, Transition::Reopen);
    let a =
        o.t.app
            .move_audit(&o.auditor, a.id, a.version, Transition::SendBack, None)
            .unwrap();
    let a =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap();
    let a =
        o.t.app
            .move_audit(&o.auditor, a.id, a.version, Transition::Close, None)
            .unwrap();
    assert_eq!(a.status, AuditStatus::Closed);
    assert!(a.closed_at.is_some() && a.ended_on.is_some());
    for t in [
        Transition::Start,
        Transition::SubmitForReview,
        Transition::SendBack,
        Transition::Close,
    ] {
        bad(&a, t);
    }

    // Closed means read-only: results, findings and evidence links are refused.
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    let i = &d.items[0];
    let e =
        o.t.app
            .assess_item(
                &o.auditor,
                a.id,
                i.item_id,
                i.version,
                &ResultInput {
                    outcome: Some(Outcome::Major),
                    na_reason: None,
                    notes: None,
                },
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    let e =
        o.t.app
            .update_audit(
                &o.auditor,
                a.id,
                a.version,
                &audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::None),
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);

    // Re-opening: an administrator, with a reason, recorded.
    let e =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::Reopen,
                Some("Errore".into()),
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e =
        o.t.app
            .move_audit(&o.t.admin, a.id, a.version, Transition::Reopen, None)
            .unwrap_err();
    assert_eq!(e.fields[0].field, "reason");
    let a =
        o.t.app
            .move_audit(
                &o.t.admin,
                a.id,
                a.version,
                Transition::Reopen,
                Some("Evidenza mancante su R-1".into()),
            )
            .unwrap();
    assert_eq!(a.status, AuditStatus::InProgress);
    assert_eq!(a.reopen_reason.as_deref(), Some("Evidenza mancante su R-1"));
    assert_eq!(a.closed_at, None);
    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn scores_weigh_items_leave_out_not_applicable_and_count_majors_more() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    assert_eq!(current(&o, a.id).score, None);
    assess(&o, &a, "R-1", Outcome::Compliant); // 3 × 100
    assess(&o, &a, "R-2", Outcome::Minor); // 1 × 50
    assess(&o, &a, "S-1", Outcome::NotApplicable); // left out
    assess(&o, &a, "S-2", Outcome::Major); // 2 × 0
                                           // (300 + 50) / 6 = 58.33 %
    assert_eq!(current(&o, a.id).score, Some(5833));
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    assert_eq!(d.sections.len(), 2);
    assert_eq!(
        (d.sections[0].section.as_str(), d.sections[0].score),
        ("Registro", Some(8750))
    );
    assert_eq!(
        (
            d.sections[1].not_applicable,
            d.sections[1].major,
            d.sections[1].score
        ),
        (1, 1, Some(0))
    );
    assert_eq!(d.total.assessed, 4);
}

#[test]
fn closing_a_recurring_audit_plans_the_next_one_once() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::Yearly);
    for code in ["R-1", "R-2", "S-1", "S-2"] {
        assess(&o, &a, code, Outcome::Compliant);
    }
    let a = current(&o, a.id);
    let a =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap();
    let a =
        o.t.app
            .move_audit(&o.auditor, a.id, a.version, Transition::Close, None)
            .unwrap();
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    assert_eq!(d.trend.len(), 2);
    let next = current(&o, d.trend[1].audit_id);
    assert_eq!(next.status, AuditStatus::Planned);
    assert_eq!(
        (next.planned_start, next.planned_end),
        (date(2027, 3, 2), date(2027, 3, 6))
    );
    assert_eq!((next.previous_id, next.series_id), (Some(a.id), Some(a.id)));
    assert_eq!(next.departments, a.departments);
    assert_eq!(d.trend[0].score, Some(10000));
    // Re-opened and closed again: still one next occurrence.
    let a =
        o.t.app
            .move_audit(
                &o.t.admin,
                a.id,
                a.version,
                Transition::Reopen,
                Some("Rivedere".into()),
            )
            .unwrap();
    let a =
        o.t.app
            .move_audit(
                &o.auditor,
                a.id,
                a.version,
                Transition::SubmitForReview,
                None,
            )
            .unwrap();
    o.t.app
        .move_audit(&o.auditor, a.id, a.version, Transition::Close, None)
        .unwrap();
    assert_eq!(o.t.count("SELECT count(*) FROM audits"), 2);
}

#[test]
fn a_manager_sees_only_the_audits_of_their_departments_and_others_nothing() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let mine = started(&o, tpl.id, Recurrence::None);
    let theirs =
        o.t.app
            .create_audit(
                &o.auditor,
                &audit_input(tpl.id, &o.auditor, o.office_dept, Recurrence::None),
            )
            .unwrap();
    let q = backoffice_core::domain::audits::audit::AuditQuery {
        search: None,
        status: None,
        department_id: None,
        lead_user_id: None,
        overdue: false,
        sort: backoffice_core::domain::audits::audit::AuditSort::PlannedStart,
        dir: backoffice_core::domain::page::SortDir::Asc,
        page: Default::default(),
    };
    assert_eq!(o.t.app.list_audits(&o.auditor, &q).unwrap().total, 2);
    let seen = o.t.app.list_audits(&o.manager, &q).unwrap();
    assert_eq!((seen.total, seen.items[0].id), (1, mine.id));
    assert!(o.t.app.audit(&o.manager, mine.id).is_ok());
    assert_eq!(
        o.t.app.audit(&o.manager, theirs.id).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        o.t.app.list_audits(&o.outsider, &q).unwrap_err().code,
        ErrorCode::Forbidden
    );
    // A manager reads but never writes.
    let e =
        o.t.app
            .create_audit(
                &o.manager,
                &audit_input(tpl.id, &o.manager, o.store_dept, Recurrence::None),
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}
