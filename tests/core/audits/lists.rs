use super::*;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::attention::Severity as Urgency;
use backoffice_core::domain::audits::evidence::EvidenceInput;
use backoffice_core::domain::audits::finding::{
    ActionInput, ActionQuery, ActionSort, FindingQuery, FindingSort,
};
use backoffice_core::domain::page::{PageRequest, SortDir};

fn actions_query(sort: ActionSort, audit_id: Option<i64>, offset: i64) -> ActionQuery {
    ActionQuery {
        search: None,
        status: None,
        owner_employee_id: None,
        audit_id,
        department_id: None,
        overdue: false,
        mine: false,
        sort,
        dir: SortDir::Asc,
        page: PageRequest { offset, limit: 2 },
    }
}

/// The actions list reads its pages from the actions' own indexes unless a filter needs the
/// findings: both ways give the same rows in the same order, page after page.
#[test]
fn action_and_finding_pages_agree_with_and_without_the_findings_join() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    let mut findings = Vec::new();
    for code in ["R-1", "R-2", "S-1"] {
        assess(&o, &a, code, Outcome::Minor);
        findings.push(finding(&o, &a, code, Severity::Minor));
        o.t.clock.advance(60);
    }
    for (k, &f) in findings.iter().enumerate() {
        for (owner, day) in [(o.clerk, 20 - k as u32), (o.boss, 10 + k as u32)] {
            o.t.app
                .add_audit_action(
                    &o.auditor,
                    f,
                    &ActionInput {
                        description: format!("Azione {k}"),
                        owner_employee_id: Some(owner),
                        due_on: Some(date(2026, 4, day)),
                        subject: None,
                    },
                )
                .unwrap();
        }
    }
    let all = |sort, audit| {
        let mut ids = Vec::new();
        let mut offset = 0;
        loop {
            let p =
                o.t.app
                    .list_audit_actions(&o.auditor, &actions_query(sort, audit, offset))
                    .unwrap();
            assert_eq!(p.total, 6);
            if p.items.is_empty() {
                return ids;
            }
            offset += p.items.len() as i64;
            ids.extend(p.items.into_iter().map(|r| (r.id, r.due_on, r.finding_id)));
        }
    };
    for sort in [ActionSort::DueOn, ActionSort::Owner, ActionSort::Status] {
        let plain = all(sort, None);
        assert_eq!(plain.len(), 6);
        assert_eq!(plain, all(sort, Some(a.id)), "{sort:?}");
    }
    let by_due = all(ActionSort::DueOn, None);
    assert!(by_due.windows(2).all(|w| w[0].1 <= w[1].1));

    // Findings, newest first.
    let q = FindingQuery {
        search: None,
        status: None,
        severity: None,
        audit_id: None,
        department_id: None,
        sort: FindingSort::CreatedAt,
        dir: SortDir::Desc,
        page: PageRequest::default(),
    };
    let rows = o.t.app.list_findings(&o.auditor, &q).unwrap().items;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut newest_first = findings.clone();
    newest_first.reverse();
    assert_eq!(ids, newest_first);
}

/// Evidence that expires before the next occurrence of the audit it supported reaches the
/// lead's attention list.
#[test]
fn evidence_expiring_before_the_next_occurrence_reaches_the_lead() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::Quarterly);
    let ev =
        o.t.app
            .create_evidence(
                &o.auditor,
                &EvidenceInput {
                    title: "Registro dei trattamenti firmato".into(),
                    owner_employee_id: Some(o.clerk),
                    notes: None,
                },
            )
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registro.pdf");
    std::fs::write(&path, b"%PDF-1.4 registro").unwrap();
    o.t.app
        .attach(
            &o.auditor,
            "evidence",
            ev.id,
            &AttachmentInput {
                type_id: None,
                title: None,
                issued_on: Some(date(2026, 1, 10)),
                expires_on: Some(date(2026, 4, 15)),
            },
            &path,
        )
        .unwrap();
    let item = o.t.app.audit(&o.auditor, a.id).unwrap().items[0].item_id;
    o.t.app
        .link_evidence(&o.auditor, a.id, item, ev.id)
        .unwrap();
    for code in ["R-1", "R-2", "S-1", "S-2"] {
        assess(&o, &a, code, Outcome::Compliant);
    }
    for t in [Transition::SubmitForReview, Transition::Close] {
        let v = current(&o, a.id).version;
        o.t.app.move_audit(&o.auditor, a.id, v, t, None).unwrap();
    }
    let items =
        o.t.app
            .attention(&o.auditor, Urgency::Low, 50)
            .unwrap()
            .items;
    let e = items
        .iter()
        .find(|i| i.entity == "evidence")
        .expect("evidence on the list");
    assert_eq!(e.record_id, ev.id);
    assert_eq!(e.reason["kind"], "evidence_expires");
    assert!(o
        .t
        .app
        .attention(&o.auditor2, Urgency::Low, 50)
        .unwrap()
        .items
        .iter()
        .all(|i| i.entity != "evidence"));
}
