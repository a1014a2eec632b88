//! Every service operation the UI can reach, called as every role: refused exactly where the
//! permission matrix says so, and a refusal changes no data but is recorded.

use crate::support::{installed, Installed};
use backoffice_core::domain::attachment::{AttachmentEdit, AttachmentInput};
use backoffice_core::domain::department::{ActiveFilter, DepartmentQuery, DepartmentSort};
use backoffice_core::domain::history::HistoryQuery;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::{Role, ROLES};
use backoffice_core::domain::staff::catalog::{
    ContractTypeInput, CourseInput, DocumentTypeInput, Required, RequirementInput,
};
use backoffice_core::domain::staff::completeness::FixQuery;
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::domain::staff::employee::TerminationInput;
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::domain::users::{NewUserInput, UserUpdateInput};
use backoffice_core::import::NoOptions;
use backoffice_core::services::Ctx;
use backoffice_core::services::{DepartmentImport, StaffImport};
use backoffice_core::ErrorCode;

/// The matrix as shipped, written out independently of the code: role → allowed "area:action".
fn expected(role: Role) -> &'static [&'static str] {
    match role {
        Role::Admin => &[
            "assets:read",
            "assets:write",
            "assets:export",
            "audits:read",
            "audits:write",
            "audits:export",
            "departments:read",
            "departments:write",
            "departments:export",
            "staff:read",
            "staff:write",
            "staff:export",
            "settings:read",
            "settings:write",
            "users:read",
            "users:write",
            "history:read",
            "history:export",
        ],
        Role::Hr => &[
            "departments:read",
            "departments:write",
            "departments:export",
            "staff:read",
            "staff:write",
            "staff:export",
            "settings:read",
            "history:read",
            "history:export",
        ],
        Role::Accounting => &[
            "assets:read",
            "audits:read",
            "audits:write",
            "audits:export",
            "departments:read",
            "staff:read",
            "settings:read",
            "history:read",
            "history:export",
        ],
        Role::It => &[
            "assets:read",
            "assets:write",
            "assets:export",
            "departments:read",
            "settings:read",
        ],
        Role::Purchasing | Role::Viewer => &["assets:read", "departments:read", "settings:read"],
        Role::Manager => &[
            "assets:read",
            "audits:read",
            "departments:read",
            "staff:read",
            "settings:read",
            "history:read",
        ],
    }
}

type Op = fn(&Installed, &Ctx, &std::path::Path) -> Result<(), backoffice_core::Error>;

fn dept_query() -> DepartmentQuery {
    DepartmentQuery {
        search: None,
        status: ActiveFilter::All,
        sort: DepartmentSort::Name,
        dir: SortDir::Asc,
        page: PageRequest {
            offset: 0,
            limit: 10,
        },
    }
}

/// The audits area's operations; template 1 and audit 1 exist before the run.
fn audit_operations() -> Vec<(&'static str, &'static str, Op)> {
    use backoffice_core::domain::audits::audit::{AuditQuery, AuditSort, Recurrence};
    use backoffice_core::domain::audits::evidence::{EvidenceInput, EvidenceQuery};
    use backoffice_core::domain::audits::finding::{
        ActionQuery, ActionSort, FindingQuery, FindingSort,
    };
    use backoffice_core::domain::audits::template::TemplateInput;
    vec![
        ("list_audits", "audits:read", |t, c, _| {
            let q = AuditQuery {
                search: None,
                status: None,
                department_id: None,
                lead_user_id: None,
                overdue: false,
                sort: AuditSort::PlannedStart,
                dir: SortDir::Asc,
                page: PageRequest::default(),
            };
            t.app.list_audits(c, &q).map(drop)
        }),
        ("list_findings", "audits:read", |t, c, _| {
            let q = FindingQuery {
                search: None,
                status: None,
                severity: None,
                audit_id: None,
                department_id: None,
                sort: FindingSort::Number,
                dir: SortDir::Asc,
                page: PageRequest::default(),
            };
            t.app.list_findings(c, &q).map(drop)
        }),
        ("list_audit_actions", "audits:read", |t, c, _| {
            let q = ActionQuery {
                search: None,
                status: None,
                owner_employee_id: None,
                audit_id: None,
                department_id: None,
                overdue: true,
                mine: false,
                sort: ActionSort::DueOn,
                dir: SortDir::Asc,
                page: PageRequest::default(),
            };
            t.app.list_audit_actions(c, &q).map(drop)
        }),
        ("audit_templates", "audits:read", |t, c, _| {
            t.app
                .audit_templates(c, None, true, PageRequest::default())
                .map(drop)
        }),
        ("list_evidence", "audits:read", |t, c, _| {
            let q = EvidenceQuery {
                search: None,
                page: PageRequest::default(),
            };
            t.app.list_evidence(c, &q).map(drop)
        }),
        ("create_audit_template", "audits:write", |t, c, _| {
            let input = TemplateInput {
                name: format!("Checklist {}", c.actor),
                description: None,
                language: "it".into(),
            };
            t.app.create_audit_template(c, &input).map(drop)
        }),
        ("create_audit", "audits:write", |t, c, _| {
            let input = crate::audits::audit_input(1, &t.admin, 1, Recurrence::None);
            t.app.create_audit(c, &input).map(drop)
        }),
        ("create_evidence", "audits:write", |t, c, _| {
            let input = EvidenceInput {
                title: format!("Evidenza {}", c.actor),
                owner_employee_id: None,
                notes: None,
            };
            t.app.create_evidence(c, &input).map(drop)
        }),
        ("export_audit_checklist", "audits:export", |t, c, dir| {
            let path = dir.join(format!("checklist-{}.csv", c.actor));
            t.app
                .export_audit_checklist(
                    c,
                    1,
                    None,
                    &path,
                    "it",
                    backoffice_core::export::Format::Csv,
                )
                .map(drop)
        }),
    ]
}

/// Every operation, with the permission it needs. Ids 1 exist: the admin (user 1) and the
/// department created before the run.
fn operations() -> Vec<(&'static str, &'static str, Op)> {
    let mut ops = audit_operations();
    ops.extend(crate::permissions_assets::asset_operations());
    ops.extend(crate::permissions_purchasing::purchasing_operations());
    let rest: Vec<(&'static str, &'static str, Op)> = vec![
        ("list_departments", "departments:read", |t, c, _| {
            t.app.list_departments(c, &dept_query()).map(drop)
        }),
        ("get_department", "departments:read", |t, c, _| {
            t.app.department(c, 1).map(drop)
        }),
        ("create_department", "departments:write", |t, c, _| {
            t.app
                .create_department(c, &crate::departments::input(&format!("Nuovo {}", c.actor)))
                .map(drop)
        }),
        ("update_department", "departments:write", |t, c, _| {
            let d = t.app.department(&t.admin, 1)?;
            t.app
                .update_department(
                    c,
                    1,
                    d.version,
                    &crate::departments::input(&format!("Rinominato {}", c.actor)),
                )
                .map(drop)
        }),
        ("set_department_active", "departments:write", |t, c, _| {
            let d = t.app.department(&t.admin, 1)?;
            t.app
                .set_department_active(c, 1, d.version, !d.active)
                .map(drop)
        }),
        ("list_staff", "staff:read", |t, c, _| {
            t.app.list_staff(c, &crate::staff::query()).map(drop)
        }),
        ("get_employee", "staff:read", |t, c, _| {
            t.app.employee(c, 1).map(drop)
        }),
        ("create_employee", "staff:write", |t, c, _| {
            let n = 1000 + c.user_id as usize;
            t.app.create_employee(c, &crate::staff::person(n)).map(drop)
        }),
        ("update_employee", "staff:write", |t, c, _| {
            let e = t.app.employee(&t.admin, 1)?.employee;
            let mut input = e.to_input();
            input.phone = Some(format!("06 {:07}", c.user_id));
            t.app.update_employee(c, 1, e.version, &input).map(drop)
        }),
        ("terminate_employee", "staff:write", |t, c, _| {
            let e = t.app.employee(&t.admin, 1)?.employee;
            let input = TerminationInput {
                termination_date: Some(crate::staff::date(2026, 2, 28)),
                reason: None,
            };
            t.app.terminate_employee(c, 1, e.version, &input).map(drop)
        }),
        ("reactivate_employee", "staff:write", |t, c, _| {
            let e = t.app.employee(&t.admin, 1)?.employee;
            t.app.reactivate_employee(c, 1, e.version).map(drop)
        }),
        ("company_completeness", "staff:read", |t, c, _| {
            t.app.company_completeness(c).map(drop)
        }),
        ("what_needs_fixing", "staff:read", |t, c, _| {
            let q = FixQuery {
                department_id: None,
                min_severity: None,
                page: PageRequest::default(),
            };
            t.app.what_needs_fixing(c, &q).map(drop)
        }),
        ("refresh_staff_scores", "staff:read", |t, c, _| {
            t.app.refresh_staff_scores(c).map(drop)
        }),
        ("list_contract_types", "staff:read", |t, c, _| {
            t.app.list_contract_types(c, true).map(drop)
        }),
        ("list_document_types", "staff:read", |t, c, _| {
            t.app.list_document_types(c, true).map(drop)
        }),
        ("list_courses", "staff:read", |t, c, _| {
            t.app.list_courses(c, true).map(drop)
        }),
        ("list_requirements", "staff:read", |t, c, _| {
            t.app.list_requirements(c).map(drop)
        }),
        ("create_contract_type", "staff:write", |t, c, _| {
            let input = ContractTypeInput {
                name_it: format!("Contratto {}", c.actor),
                name_en: None,
                fixed_term: false,
            };
            t.app.create_contract_type(c, &input).map(drop)
        }),
        ("create_requirement", "staff:write", |t, c, _| {
            let input = RequirementInput {
                job_title: Some(format!("Mansione {}", c.actor)),
                department_id: None,
                required: Required::Course { course_id: 1 },
            };
            t.app.create_requirement(c, &input).map(drop)
        }),
        ("attach to an employee", "staff:write", |t, c, dir| {
            let path = dir.join(format!("{}.pdf", c.actor));
            std::fs::write(&path, b"%PDF-1.4 permesso").unwrap();
            let input = AttachmentInput {
                type_id: Some(1),
                title: None,
                issued_on: None,
                expires_on: None,
            };
            t.app.attach(c, "employees", 1, &input, &path).map(drop)
        }),
        ("list an employee's attachments", "staff:read", |t, c, _| {
            t.app.attachments(c, "employees", 1).map(drop)
        }),
        ("open an employee's attachment", "staff:read", |t, c, _| {
            t.app.open_attachment_copy(c, 1).map(drop)
        }),
        (
            "save a copy of an employee's attachment",
            "staff:export",
            |t, c, dir| {
                t.app
                    .export_attachment(c, 1, &dir.join(format!("doc-{}.pdf", c.actor)))
                    .map(drop)
            },
        ),
        (
            "attach to a department",
            "departments:write",
            |t, c, dir| {
                let path = dir.join(format!("reparto-{}.pdf", c.actor));
                std::fs::write(&path, b"%PDF-1.4 planimetria").unwrap();
                let input = AttachmentInput::default();
                t.app.attach(c, "departments", 1, &input, &path).map(drop)
            },
        ),
        (
            "list a department's attachments",
            "departments:read",
            |t, c, _| t.app.attachments(c, "departments", 1).map(drop),
        ),
        (
            "open a department's attachment",
            "departments:read",
            |t, c, _| t.app.open_attachment_copy(c, 2).map(drop),
        ),
        (
            "save a copy of a department's attachment",
            "departments:export",
            |t, c, dir| {
                t.app
                    .export_attachment(c, 2, &dir.join(format!("reparto-{}.pdf", c.actor)))
                    .map(drop)
            },
        ),
        (
            "correct a department's attachment",
            "departments:write",
            |t, c, _| {
                let edit = AttachmentEdit {
                    title: format!("Planimetria {}", c.actor),
                    issued_on: None,
                    expires_on: None,
                };
                let v = version_of(t, "attachments", 2);
                t.app.update_attachment(c, 2, v, &edit).map(drop)
            },
        ),
        ("add_training", "staff:write", |t, c, _| {
            let input = TrainingInput {
                course_id: 1,
                completed_on: Some(crate::staff::date(2025, 5, 5)),
                provider: None,
                certificate_document_id: None,
                notes: None,
            };
            t.app.add_training(c, 1, &input).map(drop)
        }),
        ("create_document_type", "staff:write", |t, c, _| {
            let input = DocumentTypeInput {
                name_it: format!("Tipo {}", c.actor),
                name_en: None,
                expires: false,
                validity_months: None,
            };
            t.app.create_document_type(c, &input).map(drop)
        }),
        ("create_course", "staff:write", |t, c, _| {
            let input = CourseInput {
                name_it: format!("Corso {}", c.actor),
                name_en: None,
                hours: 8,
                validity_months: None,
            };
            t.app.create_course(c, &input).map(drop)
        }),
        // Retired and brought back in one go, so the next role finds the entry as it was. The
        // last default of each list: no requirement in this run asks for it.
        ("set_contract_type_active", "staff:write", |t, c, _| {
            let v = version_of(t, "contract_types", 6);
            t.app.set_contract_type_active(c, 6, v, false)?;
            t.app.set_contract_type_active(c, 6, v + 1, true).map(drop)
        }),
        ("set_document_type_active", "staff:write", |t, c, _| {
            let v = version_of(t, "document_types", 7);
            t.app.set_document_type_active(c, 7, v, false)?;
            t.app.set_document_type_active(c, 7, v + 1, true).map(drop)
        }),
        ("set_course_active", "staff:write", |t, c, _| {
            let v = version_of(t, "courses", 5);
            t.app.set_course_active(c, 5, v, false)?;
            t.app.set_course_active(c, 5, v + 1, true).map(drop)
        }),
        ("preview_import", "staff:write", |t, c, dir| {
            t.app
                .preview_import(c, &StaffImport, &import_file(dir))
                .map(drop)
        }),
        ("validate_import", "staff:write", |t, c, dir| {
            let path = import_file(dir);
            let mapping = t.app.preview_import(&t.admin, &StaffImport, &path)?.mapping;
            t.app
                .validate_import(c, &StaffImport, &path, &mapping, &ImportOptions::default())
                .map(drop)
        }),
        ("commit_import", "staff:write", |t, c, dir| {
            let path = import_file(dir);
            let mapping = t.app.preview_import(&t.admin, &StaffImport, &path)?.mapping;
            t.app
                .commit_import(
                    c,
                    &StaffImport,
                    &path,
                    &mapping,
                    &ImportOptions::default(),
                    &mut |_, _| true,
                )
                .map(drop)
        }),
        (
            "commit_department_import",
            "departments:write",
            |t, c, dir| {
                let path = dir.join("reparti.csv");
                std::fs::write(&path, "Codice;Nome\nIMP;Importati\n").unwrap();
                let mapping = t
                    .app
                    .preview_import(&t.admin, &DepartmentImport, &path)?
                    .mapping;
                t.app
                    .commit_import(
                        c,
                        &DepartmentImport,
                        &path,
                        &mapping,
                        &NoOptions {},
                        &mut |_, _| true,
                    )
                    .map(drop)
            },
        ),
        ("export_staff_csv", "staff:export", |t, c, dir| {
            t.app
                .export_staff_csv(c, &crate::staff::query(), &dir.join("staff.csv"), "it")
                .map(drop)
        }),
        ("export_staff_xlsx", "staff:export", |t, c, dir| {
            t.app
                .export_staff_xlsx(c, &crate::staff::query(), &dir.join("staff.xlsx"), "en")
                .map(drop)
        }),
        ("export_employee_zip", "staff:export", |t, c, dir| {
            t.app
                .export_employee_zip(c, 1, &dir.join("employee.zip"), "it")
                .map(drop)
        }),
        ("ensure_staff_defaults", "staff:write", |t, c, _| {
            t.app.ensure_staff_defaults(c).map(drop)
        }),
        ("get_organisation", "settings:read", |t, c, _| {
            t.app.organisation(c).map(drop)
        }),
        ("save_organisation", "settings:write", |t, c, _| {
            let mut o = crate::organisation::input();
            o.version = t.app.organisation(&t.admin)?.version;
            o.city = Some(format!("Città {}", c.actor));
            t.app.save_organisation(c, &o).map(drop)
        }),
        ("list_users", "users:read", |t, c, _| {
            t.app.list_users(c).map(drop)
        }),
        ("get_user", "users:read", |t, c, _| {
            t.app.user(c, 1).map(drop)
        }),
        ("create_user", "users:write", |t, c, _| {
            let input = NewUserInput {
                username: format!("new.{}", c.actor),
                full_name: "Nuova Persona".into(),
                password: "una-password-lunga".into(),
                roles: vec![Role::Viewer],
            };
            t.app.create_user(c, &input).map(drop)
        }),
        ("update_user", "users:write", |t, c, _| {
            let u = t.app.user(&t.admin, 1)?;
            let input = UserUpdateInput {
                full_name: format!("Anna {}", c.actor),
                roles: u.roles,
                active: true,
                employee_id: None,
            };
            t.app.update_user(c, 1, u.version, &input).map(drop)
        }),
        ("reset_user_password", "users:write", |t, c, _| {
            t.app
                .reset_password(c, c.user_id, "reimpostata-123")
                .map(drop)
        }),
        ("history_status", "history:read", |t, c, _| {
            t.app.history_status(c).map(drop)
        }),
        ("list_history", "history:read", |t, c, _| {
            t.app.history(c, &HistoryQuery::default()).map(drop)
        }),
        ("verify_history", "history:read", |t, c, _| {
            t.app.verify_history(c, &mut |_| true).map(drop)
        }),
        ("export_history_csv", "history:export", |t, c, dir| {
            t.app
                .export_history_csv(c, &HistoryQuery::default(), &dir.join("h.csv"), "it")
                .map(drop)
        }),
        ("export_history_head", "history:export", |t, c, dir| {
            t.app
                .export_history_head(c, &dir.join("head.json"))
                .map(drop)
        }),
        (
            "verify_history_against_head",
            "history:read",
            |t, c, dir| {
                t.app
                    .export_history_head(&t.admin, &dir.join("admin-head.json"))?;
                t.app
                    .verify_history_against(c, &dir.join("admin-head.json"), &mut |_| true)
                    .map(drop)
            },
        ),
    ];
    ops.extend(rest);
    ops
}

fn version_of(t: &Installed, table: &str, id: i64) -> i64 {
    t.count(&format!("SELECT version FROM {table} WHERE id = {id}"))
}

/// A one-person staff file to import (re-importing it changes nothing after the first time).
fn import_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("import.csv");
    std::fs::write(
        &path,
        "Cognome;Nome;Codice fiscale;Data assunzione\nBianchi;Laura;BNCLRA85T50F205A;10/01/2015\n",
    )
    .unwrap();
    path
}

fn data_fingerprint(t: &Installed) -> String {
    t.raw()
        .query_row(
            "SELECT (SELECT group_concat(name || version) FROM departments) || '|' ||
                    (SELECT group_concat(full_name || version) FROM users) || '|' ||
                    (SELECT version FROM organisation) || '|' ||
                    (SELECT group_concat(tax_code || version) FROM employees) || '|' ||
                    (SELECT group_concat(name_key || version) FROM contract_types) || '|' ||
                    (SELECT count(*) FROM requirements) || '|' ||
                    (SELECT group_concat(title || version) FROM attachments) || '|' ||
                    (SELECT count(*) FROM training_records) || '|' ||
                    (SELECT group_concat(name_key || version) FROM document_types) || '|' ||
                    (SELECT group_concat(name_key || version) FROM courses) || '|' ||
                    (SELECT coalesce(group_concat(tag || version), '') FROM assets) || '|' ||
                    (SELECT coalesce(group_concat(name || version), '') FROM locations) || '|' ||
                    (SELECT count(*) FROM changes WHERE entity = 'exports')",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn every_operation_as_every_role_follows_the_matrix() {
    let t = installed();
    t.app
        .create_department(&t.admin, &crate::departments::input("Acquisti"))
        .unwrap();
    let first = t
        .app
        .create_employee(&t.admin, &crate::staff::mario())
        .unwrap();
    assert_eq!(first.employee.id, 1);
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("contratto.pdf");
    std::fs::write(&scan, b"%PDF-1.4 contratto").unwrap();
    let doc = t
        .app
        .attach(
            &t.admin,
            "employees",
            1,
            &AttachmentInput {
                type_id: Some(1),
                title: None,
                issued_on: None,
                expires_on: None,
            },
            &scan,
        )
        .unwrap();
    assert_eq!(doc.id, 1);
    let plan = dir.path().join("planimetria.pdf");
    std::fs::write(&plan, b"%PDF-1.4 planimetria").unwrap();
    let plan = t
        .app
        .attach(
            &t.admin,
            "departments",
            1,
            &AttachmentInput::default(),
            &plan,
        )
        .unwrap();
    assert_eq!(plan.id, 2);
    let template = t
        .app
        .create_audit_template_from_starter(
            &t.admin,
            "gdpr",
            &backoffice_core::domain::audits::template::TemplateInput {
                name: "Privacy".into(),
                description: None,
                language: "it".into(),
            },
        )
        .unwrap();
    assert_eq!(template.id, 1);
    let audit = t
        .app
        .create_audit(
            &t.admin,
            &crate::audits::audit_input(
                1,
                &t.admin,
                1,
                backoffice_core::domain::audits::audit::Recurrence::None,
            ),
        )
        .unwrap();
    assert_eq!(audit.id, 1);
    let asset = t
        .app
        .create_asset(&t.admin, &crate::assets::input("PC-00001", "Portatile", 1))
        .unwrap();
    assert_eq!(asset.id, 1);
    let supplier = t
        .app
        .create_supplier(
            &t.admin,
            &crate::purchasing::supplier_input("Ferramenta Rossi S.r.l.", "00488410010"),
        )
        .unwrap();
    assert_eq!(supplier.id, 1);
    let dir = tempfile::tempdir().unwrap();
    let mut checked = 0;
    for role in ROLES {
        let ctx = t.user(&format!("u.{}", role.as_str()), &[role]);
        for (name, needs, op) in operations() {
            let allowed = match needs {
                "any" => true,
                "assets:inventory" => crate::permissions_assets::INVENTORY.contains(&role),
                _ if needs.starts_with("purchasing:") => {
                    crate::permissions_purchasing::expected(role).contains(&needs)
                }
                _ => expected(role).contains(&needs),
            };
            let before = data_fingerprint(&t);
            let denials = t.count("SELECT count(*) FROM changes WHERE after LIKE '%\"denied\"%'");
            let result = op(&t, &ctx, dir.path());
            if allowed {
                assert!(
                    result.is_ok(),
                    "{role:?} should be allowed {name}: {result:?}"
                );
            } else {
                let e = result.expect_err(&format!("{role:?} must be refused {name}"));
                assert_eq!(e.code, ErrorCode::Forbidden, "{role:?} {name}");
                assert_eq!(data_fingerprint(&t), before, "{role:?} {name} changed data");
                let after = t.count("SELECT count(*) FROM changes WHERE after LIKE '%\"denied\"%'");
                assert_eq!(after, denials + 1, "{role:?} {name} refusal not recorded");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, ROLES.len() * operations().len());
    assert!(t.app.verify_history(&t.admin, &mut |_| true).unwrap().ok);
}

#[test]
fn history_shows_only_the_areas_a_role_may_read() {
    let t = installed();
    t.app
        .create_department(&t.admin, &crate::departments::input("Acquisti"))
        .unwrap();
    let manager = t.user("marco", &[Role::Manager]);
    let page = t.app.history(&manager, &HistoryQuery::default()).unwrap();
    assert!(page
        .items
        .iter()
        .all(|c| c.entity != "users" && c.entity != "security"));
    assert!(page.items.iter().any(|c| c.entity == "departments"));
    let all = t.app.history(&t.admin, &HistoryQuery::default()).unwrap();
    assert!(all.items.iter().any(|c| c.entity == "users"));
    assert!(all.items.iter().all(|c| c
        .after
        .as_ref()
        .is_none_or(|a| !a.to_string().contains("$argon2"))));
}
