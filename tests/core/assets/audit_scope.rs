//! Assets in an audit's scope and as the subject of a finding: named on the audit, in its
//! report and on the finding; only real assets; history verifies.

use super::shop;
use crate::audits::{assess, audit_input, current, started, template};
use backoffice_core::domain::audits::audit::{Recurrence, Transition};
use backoffice_core::domain::audits::finding::{FindingInput, Severity, Subject};
use backoffice_core::domain::audits::result::Outcome;

#[test]
fn an_audit_covers_assets_and_a_finding_names_one() {
    let s = shop();
    let o = &s.o;
    let server = s.asset("SRV-00001", "Server gestionale");
    let nas = s.asset("NAS-00001", "NAS backup");
    let tpl = template(o, "Accessi e backup");
    let mut input = audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::Yearly);
    input.asset_ids = vec![nas.id, server.id, server.id];
    let a = o.t.app.create_audit(&o.auditor, &input).unwrap();
    let names: Vec<_> = a.assets.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(
        names,
        ["NAS-00001 · NAS backup", "SRV-00001 · Server gestionale"]
    );

    // The report's cover names them.
    let report = o.t.app.audit_report(&o.auditor, a.id, "it").unwrap();
    let text = format!("{report:?}");
    assert!(text.contains("Beni e apparati"), "{text}");
    assert!(text.contains("SRV-00001 · Server gestionale"));

    // An asset that does not exist changes nothing.
    input.asset_ids = vec![server.id, 99_999];
    let e =
        o.t.app
            .update_audit(&o.auditor, a.id, a.version, &input)
            .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("asset_ids", "not_found")
    );
    let same = o.t.app.audit(&o.auditor, a.id).unwrap().audit;
    assert_eq!(same.assets.len(), 2);
    assert_eq!(same.version, a.version);

    // Taking one out of scope.
    input.asset_ids = vec![server.id];
    let a =
        o.t.app
            .update_audit(&o.auditor, a.id, a.version, &input)
            .unwrap();
    assert_eq!(a.assets.len(), 1);

    // A finding about the server names it.
    let b = started(o, tpl.id, Recurrence::None);
    let f =
        o.t.app
            .raise_finding(
                &o.auditor,
                b.id,
                None,
                &FindingInput {
                    severity: Severity::Major,
                    title: "Nessuna prova di ripristino del backup".into(),
                    description: None,
                    root_cause: None,
                    whys: vec![],
                    subject: Some(Subject {
                        entity: "assets".into(),
                        id: server.id,
                    }),
                },
            )
            .unwrap();
    assert_eq!(
        f.subject_name.as_deref(),
        Some("SRV-00001 · Server gestionale")
    );

    // The server's compliance story: in scope of one audit, the subject of a finding in another.
    let story =
        o.t.app
            .audits_of_record(&o.auditor, "assets", server.id)
            .unwrap();
    assert_eq!(story.len(), 2, "{story:?}");
    assert!(story
        .iter()
        .any(|r| r.audit_id == a.id && r.finding.is_none()));
    let about = story.iter().find_map(|r| r.finding.as_ref()).unwrap();
    assert_eq!((about.id, about.number), (f.id, f.number));
    assert!(o
        .t
        .app
        .audits_of_record(&o.auditor, "assets", nas.id)
        .unwrap()
        .is_empty());
    assert_eq!(
        o.t.app
            .audits_of_record(&o.t.admin, "assets", server.id)
            .unwrap(),
        story
    );
    // A manager sees what concerns their department: both audits are the store's.
    let managed =
        o.t.app
            .audits_of_record(&o.manager, "assets", server.id)
            .unwrap();
    assert_eq!(managed, story);
    // Nobody outside audits reads it; a table an audit cannot name is not found.
    assert_eq!(
        o.t.app
            .audits_of_record(&s.it, "assets", server.id)
            .unwrap_err()
            .code,
        backoffice_core::ErrorCode::Forbidden
    );
    assert_eq!(
        o.t.app
            .audits_of_record(&o.auditor, "users", 1)
            .unwrap_err()
            .code,
        backoffice_core::ErrorCode::NotFound
    );

    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn the_next_occurrence_keeps_the_assets_in_scope() {
    let s = shop();
    let o = &s.o;
    let server = s.asset("SRV-00001", "Server gestionale");
    let tpl = template(o, "Accessi e backup");
    let a = started(o, tpl.id, Recurrence::Yearly);
    let mut input = audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::Yearly);
    input.asset_ids = vec![server.id];
    o.t.app
        .update_audit(&o.auditor, a.id, a.version, &input)
        .unwrap();
    for code in ["R-1", "R-2", "S-1", "S-2"] {
        assess(o, &a, code, Outcome::Compliant);
    }
    let mut a = current(o, a.id);
    for t in [Transition::SubmitForReview, Transition::Close] {
        a =
            o.t.app
                .move_audit(&o.auditor, a.id, a.version, t, None)
                .unwrap();
    }
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    let next = current(o, d.trend[1].audit_id);
    assert_eq!(next.assets, a.assets);
    assert_eq!(next.assets[0].id, server.id);
}
