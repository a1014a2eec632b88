//! Audits: the state machine, recurrence, scoring, template versions, findings and actions,
//! who sees what, and the attention list.

mod capa;
mod checklist_io;
mod evidence;
mod flow;
mod lists;
mod policies;
mod report_pack;
mod templates;

use crate::support::{installed, Installed};
use backoffice_core::domain::audits::audit::{Audit, AuditInput, Recurrence, Transition};
use backoffice_core::domain::audits::finding::{FindingInput, Severity};
use backoffice_core::domain::audits::result::{Outcome, ResultInput};
use backoffice_core::domain::audits::template::{ChecklistItemInput, Template, TemplateInput};
use backoffice_core::domain::department::DepartmentInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::users::UserUpdateInput;
use backoffice_core::services::Ctx;
use chrono::NaiveDate;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// An office with two departments, three employees, an auditor (accounting), a second
/// auditor, and a manager whose account is linked to the head of "Magazzino".
pub struct Office {
    pub t: Installed,
    pub auditor: Ctx,
    pub auditor2: Ctx,
    pub manager: Ctx,
    pub outsider: Ctx,
    pub store_dept: i64,
    pub office_dept: i64,
    /// The manager's own staff record, head of the store.
    pub boss: i64,
    pub clerk: i64,
}

pub fn office() -> Office {
    let t = installed();
    let dept = |name: &str| {
        t.app
            .create_department(
                &t.admin,
                &DepartmentInput {
                    name: name.into(),
                    code: None,
                    head: None,
                    cost_centre: None,
                },
            )
            .unwrap()
            .id
    };
    let store_dept = dept("Magazzino");
    let office_dept = dept("Amministrazione");
    let person = |n: usize, dept: i64, manager: Option<i64>| {
        let mut p = crate::staff::employees::person(n);
        p.department_id = Some(dept);
        p.manager_id = manager;
        t.app.create_employee(&t.admin, &p).unwrap().employee.id
    };
    let boss = person(1, store_dept, None);
    // Reports to the boss: the store is the manager's department twice over.
    person(2, store_dept, Some(boss));
    let clerk = person(3, office_dept, None);
    let auditor = t.user("revisore", &[Role::Accounting]);
    let auditor2 = t.user("revisora", &[Role::Accounting]);
    let manager = t.user("capo", &[Role::Manager]);
    let outsider = t.user("tecnico", &[Role::It]);
    link(&t, &manager, boss);
    Office {
        t,
        auditor,
        auditor2,
        manager,
        outsider,
        store_dept,
        office_dept,
        boss,
        clerk,
    }
}

/// Links an account to a staff record.
pub fn link(t: &Installed, who: &Ctx, employee: i64) {
    let u = t.app.user(&t.admin, who.user_id).unwrap();
    t.app
        .update_user(
            &t.admin,
            u.id,
            u.version,
            &UserUpdateInput {
                full_name: u.full_name,
                roles: u.roles,
                active: u.active,
                employee_id: Some(employee),
            },
        )
        .unwrap();
}

pub fn item(section: &str, code: &str, weight: i64) -> ChecklistItemInput {
    ChecklistItemInput {
        section: section.into(),
        code: code.into(),
        requirement: format!("Requisito {code}"),
        reference: Some("GDPR art. 30".into()),
        guidance: None,
        evidence_expected: None,
        weight,
    }
}

/// A four-item checklist in two sections.
pub fn template(o: &Office, name: &str) -> Template {
    let t =
        o.t.app
            .create_audit_template(
                &o.auditor,
                &TemplateInput {
                    name: name.into(),
                    description: None,
                    language: "it".into(),
                },
            )
            .unwrap();
    let items = vec![
        item("Registro", "R-1", 3),
        item("Registro", "R-2", 1),
        item("Sicurezza", "S-1", 2),
        item("Sicurezza", "S-2", 2),
    ];
    o.t.app
        .save_audit_checklist(&o.auditor, t.id, t.version, &items)
        .unwrap()
        .template
}

pub fn audit_input(template_id: i64, lead: &Ctx, dept: i64, recurrence: Recurrence) -> AuditInput {
    AuditInput {
        title: "Verifica GDPR 2026".into(),
        template_id,
        scope_note: Some("Trattamenti del personale".into()),
        lead_user_id: Some(lead.user_id),
        planned_start: Some(date(2026, 3, 2)),
        planned_end: Some(date(2026, 3, 6)),
        recurrence,
        department_ids: vec![dept],
        auditee_ids: vec![],
        asset_ids: vec![],
        supplier_ids: vec![],
    }
}

/// Plans and starts an audit of the store department.
pub fn started(o: &Office, template_id: i64, recurrence: Recurrence) -> Audit {
    let a =
        o.t.app
            .create_audit(
                &o.auditor,
                &audit_input(template_id, &o.auditor, o.store_dept, recurrence),
            )
            .unwrap();
    o.t.app
        .move_audit(&o.auditor, a.id, a.version, Transition::Start, None)
        .unwrap()
}

pub fn assess(o: &Office, audit: &Audit, code: &str, outcome: Outcome) {
    let d = o.t.app.audit(&o.auditor, audit.id).unwrap();
    let i = d.items.iter().find(|i| i.code == code).unwrap();
    o.t.app
        .assess_item(
            &o.auditor,
            audit.id,
            i.item_id,
            i.version,
            &ResultInput {
                outcome: Some(outcome),
                na_reason: (outcome == Outcome::NotApplicable).then(|| "Nessun trattamento".into()),
                notes: None,
            },
        )
        .unwrap();
}

pub fn finding(o: &Office, audit: &Audit, code: &str, severity: Severity) -> i64 {
    let d = o.t.app.audit(&o.auditor, audit.id).unwrap();
    let i = d.items.iter().find(|i| i.code == code).unwrap();
    o.t.app
        .raise_finding(
            &o.auditor,
            audit.id,
            Some(i.item_id),
            &FindingInput {
                severity,
                title: format!("Non conformità su {code}"),
                description: Some("Il registro non elenca i trattamenti dei fornitori.".into()),
                root_cause: None,
                whys: vec![],
                subject: None,
            },
        )
        .unwrap()
        .id
}

pub fn current(o: &Office, id: i64) -> Audit {
    o.t.app.audit(&o.auditor, id).unwrap().audit
}
