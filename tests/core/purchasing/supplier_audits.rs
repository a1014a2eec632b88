//! Suppliers in an audit's scope and as the subject of a finding (a supplier qualification
//! audit): named on the audit, its report and the finding; listed on the supplier's page.

use crate::audits::{audit_input, office, started, template};
use backoffice_core::domain::audits::audit::Recurrence;
use backoffice_core::domain::audits::finding::{FindingInput, Severity, Subject};
use backoffice_core::domain::permissions::Role;

#[test]
fn an_audit_qualifies_a_supplier_and_a_finding_names_it() {
    let o = office();
    let buyer = o.t.user("acquisti", &[Role::Purchasing]);
    let s =
        o.t.app
            .create_supplier(
                &buyer,
                &super::supplier_input("Carpenteria Verdi S.p.A.", "07643520567"),
            )
            .unwrap();
    let tpl = template(&o, "Qualifica fornitori");
    let mut input = audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::Yearly);
    input.supplier_ids = vec![s.id, s.id];
    let a = o.t.app.create_audit(&o.auditor, &input).unwrap();
    assert_eq!(a.suppliers.len(), 1);
    assert_eq!(a.suppliers[0].name, "Carpenteria Verdi S.p.A.");
    let report = o.t.app.audit_report(&o.auditor, a.id, "en").unwrap();
    let text = format!("{report:?}");
    assert!(
        text.contains("Suppliers") && text.contains("Carpenteria Verdi"),
        "{text}"
    );

    input.supplier_ids = vec![s.id, 12_345];
    let e =
        o.t.app
            .update_audit(&o.auditor, a.id, a.version, &input)
            .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("supplier_ids", "not_found")
    );

    let b = started(&o, tpl.id, Recurrence::None);
    let f =
        o.t.app
            .raise_finding(
                &o.auditor,
                b.id,
                None,
                &FindingInput {
                    severity: Severity::Minor,
                    title: "Certificato ISO scaduto".into(),
                    description: None,
                    root_cause: None,
                    whys: vec![],
                    subject: Some(Subject {
                        entity: "suppliers".into(),
                        id: s.id,
                    }),
                },
            )
            .unwrap();
    assert_eq!(f.subject_name.as_deref(), Some("Carpenteria Verdi S.p.A."));
    let story =
        o.t.app
            .audits_of_record(&o.auditor, "suppliers", s.id)
            .unwrap();
    assert_eq!(story.len(), 2, "{story:?}");
    assert!(story
        .iter()
        .any(|r| r.audit_id == a.id && r.finding.is_none()));
    assert!(story
        .iter()
        .any(|r| r.finding.as_ref().is_some_and(|x| x.id == f.id)));

    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}
