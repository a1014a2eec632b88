//! Attachments of any record, through the services on real files: a department's files (an
//! area without a list of kinds, to prove the kit is generic), versions and renewal, a stored
//! copy changed on disk, reads in history with their owner, history shown row by row to those
//! who may read the owner, and refusals.

use crate::departments::input as department;
use crate::staff::{document_type, mario, staff_app};
use crate::support::{installed, TestApp};
use backoffice_core::domain::attachment::{AttachmentEdit, AttachmentInput, RenewalInput};
use backoffice_core::domain::history::{ChangeOp, HistoryQuery};
use backoffice_core::domain::permissions::{Area, Role};
use backoffice_core::store::{history, history_labels, tracked};
use backoffice_core::ErrorCode;
use std::path::PathBuf;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn stored_files(data_dir: &std::path::Path) -> usize {
    let Ok(dirs) = std::fs::read_dir(data_dir.join("files")) else {
        return 0;
    };
    dirs.filter_map(Result::ok)
        .filter(|d| d.file_name() != "tmp")
        .map(|d| std::fs::read_dir(d.path()).unwrap().count())
        .sum()
}

fn verify_ok(t: &TestApp) {
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

fn titled(title: &str) -> AttachmentInput {
    AttachmentInput {
        title: Some(title.into()),
        ..Default::default()
    }
}

#[test]
fn a_department_has_files_with_versions_like_an_employee() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let d = t
        .app
        .create_department(&t.ctx, &department("Magazzino"))
        .unwrap();
    let plan = file(&dir, "planimetria 2024.pdf", b"%PDF-1.4 planimetria 2024");
    let first = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &AttachmentInput::default(),
            &plan,
        )
        .unwrap();
    assert_eq!(
        (first.entity.as_str(), first.record_id, first.type_id),
        ("departments", d.id, None)
    );
    assert_eq!(first.title, "planimetria 2024");
    // No list of kinds in this area: a kind is refused, and no expiry is invented.
    let err = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &AttachmentInput {
                type_id: Some(document_type(&t.app, &t.ctx, "contract")),
                ..Default::default()
            },
            &plan,
        )
        .unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("type_id", "not_allowed")
    );
    assert_eq!(first.expires_on, None);
    // A fire certificate with its expiry typed.
    let cpi = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &AttachmentInput {
                expires_on: Some(crate::staff::date(2027, 6, 30)),
                ..titled("Certificato prevenzione incendi")
            },
            &file(&dir, "cpi.pdf", b"%PDF-1.4 CPI"),
        )
        .unwrap();
    assert_eq!(cpi.expires_on, Some(crate::staff::date(2027, 6, 30)));

    // Renewal keeps the earlier version beneath the new one.
    let second = t
        .app
        .renew_attachment(
            &t.ctx,
            first.id,
            first.version,
            &RenewalInput::default(),
            &file(&dir, "planimetria 2026.pdf", b"%PDF-1.4 planimetria 2026"),
        )
        .unwrap();
    assert_eq!(second.title, "planimetria 2024", "the title carries over");
    let list = t.app.attachments(&t.ctx, "departments", d.id).unwrap();
    assert_eq!(list.len(), 3);
    let old = list.iter().find(|a| a.id == first.id).unwrap();
    assert_eq!(old.superseded_by, Some(second.id));
    assert_eq!(list.last().unwrap().id, first.id, "earlier versions last");
    // An earlier version is not renewed twice.
    let err = t
        .app
        .renew_attachment(
            &t.ctx,
            first.id,
            first.version,
            &RenewalInput::default(),
            &plan,
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    // Correcting the title of the current version; a stale form is refused.
    let fixed = t
        .app
        .update_attachment(
            &t.ctx,
            second.id,
            second.version,
            &AttachmentEdit {
                title: "Planimetria".into(),
                issued_on: Some(crate::staff::date(2026, 1, 10)),
                expires_on: None,
            },
        )
        .unwrap();
    assert_eq!((fixed.title.as_str(), fixed.version), ("Planimetria", 2));
    let err = t
        .app
        .update_attachment(
            &t.ctx,
            second.id,
            second.version,
            &AttachmentEdit {
                title: "Vecchio".into(),
                issued_on: None,
                expires_on: None,
            },
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    // Removing the renewal makes the first version current again; its bytes stay, the
    // renewal's go.
    assert_eq!(stored_files(t.app.data_dir()), 3);
    t.app
        .delete_attachment(&t.ctx, second.id, fixed.version)
        .unwrap();
    let list = t.app.attachments(&t.ctx, "departments", d.id).unwrap();
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|a| a.superseded_by.is_none()));
    assert_eq!(stored_files(t.app.data_dir()), 2);
    // An employee's files are not a department's.
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    assert!(t
        .app
        .attachments(&t.ctx, "employees", e.id)
        .unwrap()
        .is_empty());
    // Each change is in history under the attachment, naming its owner.
    let raw = t.raw();
    let owners: Vec<String> = raw
        .prepare(
            "SELECT DISTINCT coalesce(after ->> '$.entity', before ->> '$.entity')
             FROM changes WHERE entity = 'attachments'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(owners, ["departments"]);
    verify_ok(&t);
}

#[test]
fn an_unknown_kind_of_record_or_a_missing_record_is_refused_before_any_copy() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let pdf = file(&dir, "x.pdf", b"%PDF-1.4 x");
    for entity in [
        "audit_findings",
        "attachments",
        "changes",
        "documents",
        "",
        "employees; --",
    ] {
        let err = t
            .app
            .attach(&t.ctx, entity, 1, &AttachmentInput::default(), &pdf)
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound, "{entity}: {err:?}");
        assert_eq!(err.params["entity"], entity);
        let err = t.app.attachments(&t.ctx, entity, 1).unwrap_err();
        assert_eq!(err.code, ErrorCode::NotFound, "{entity}");
    }
    let err = t
        .app
        .attach(
            &t.ctx,
            "departments",
            999,
            &AttachmentInput::default(),
            &pdf,
        )
        .unwrap_err();
    assert_eq!(
        (err.code, err.params["entity"].as_str()),
        (ErrorCode::NotFound, "departments")
    );
    let err = t.app.attachments(&t.ctx, "departments", 999).unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    // An employee's file needs its document type.
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let err = t
        .app
        .attach(&t.ctx, "employees", e.id, &AttachmentInput::default(), &pdf)
        .unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("type_id", "required")
    );
    assert_eq!(stored_files(t.app.data_dir()), 0, "nothing was copied");
    assert_eq!(t.count("attachments"), 0);
}

#[test]
fn a_stored_copy_changed_on_disk_is_refused_and_nothing_leaves() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let d = t
        .app
        .create_department(&t.ctx, &department("Uffici"))
        .unwrap();
    let a = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &titled("Contratto di pulizia"),
            &file(&dir, "pulizie.pdf", b"%PDF-1.4 contratto pulizie"),
        )
        .unwrap();
    let stored = t
        .app
        .data_dir()
        .join("files")
        .join(&a.sha256[..2])
        .join(&a.sha256[2..]);
    // Intact: opened and saved, both recorded.
    t.app.open_attachment_copy(&t.ctx, a.id).unwrap();
    let reads = |t: &TestApp| t.count("changes WHERE entity = 'attachments' AND op = 'read'");
    assert_eq!(reads(&t), 1);
    // The same length, other bytes: only the checksum tells.
    std::fs::write(&stored, b"%PDF-1.4 contratto pulizia").unwrap();
    let err = t.app.open_attachment_copy(&t.ctx, a.id).unwrap_err();
    assert_eq!(err.code, ErrorCode::DbCorrupt);
    assert_eq!(err.params["reason"], "checksum_mismatch");
    assert_eq!(err.params["title"], "Contratto di pulizia");
    let out = dir.path().join("copia.pdf");
    let err = t.app.export_attachment(&t.ctx, a.id, &out).unwrap_err();
    assert_eq!(err.params["reason"], "checksum_mismatch");
    assert!(!out.exists(), "no copy of changed bytes is written");
    // Neither refused read nor export is recorded: nothing was read.
    assert_eq!(reads(&t), 1);
    assert_eq!(t.count("changes WHERE entity = 'exports'"), 0);
    // A copy gone from the folder is an error too, never an empty file.
    std::fs::remove_file(&stored).unwrap();
    assert!(t.app.open_attachment_copy(&t.ctx, a.id).is_err());
    assert_eq!(reads(&t), 1);
}

#[test]
fn reads_are_recorded_with_how_and_whose_file() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let d = t
        .app
        .create_department(&t.ctx, &department("Qualità"))
        .unwrap();
    let a = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &titled("Manuale qualità"),
            &file(&dir, "manuale.pdf", b"%PDF-1.4 manuale"),
        )
        .unwrap();
    t.app.open_attachment_copy(&t.ctx, a.id).unwrap();
    t.app
        .export_attachment(&t.ctx, a.id, &dir.path().join("manuale copia.pdf"))
        .unwrap();
    let raw = t.raw();
    let reads: Vec<(i64, String, Option<String>, Option<String>)> = raw
        .prepare(
            "SELECT row_id, detail, before, after FROM changes
             WHERE entity = 'attachments' AND op = 'read' ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(reads.len(), 2);
    for ((row, detail, before, after), how) in reads.iter().zip(["open", "save_copy"]) {
        assert_eq!(*row, a.id);
        assert_eq!((before, after), (&None, &None), "a read changes nothing");
        let d: serde_json::Value = serde_json::from_str(detail).unwrap();
        assert_eq!(d["kind"], "read");
        assert_eq!(d["how"], how);
        assert_eq!(d["entity"], "departments");
        assert_eq!(d["record_id"], a.record_id);
    }
    // The saved copy is also an export of the file, naming it.
    let payload: String = raw
        .query_row(
            "SELECT after FROM changes WHERE entity = 'exports'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let p: serde_json::Value = serde_json::from_str(&payload).unwrap();
    assert_eq!(
        (p["kind"].as_str(), p["title"].as_str()),
        (Some("attachment"), Some("Manuale qualità"))
    );
    assert_eq!(p["filter"]["entity"], "departments");
    verify_ok(&t);
}

#[test]
fn history_shows_an_attachment_only_to_those_who_may_read_its_owner() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let d = t
        .app
        .create_department(&t.ctx, &department("Acquisti"))
        .unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let plan = t
        .app
        .attach(
            &t.ctx,
            "departments",
            d.id,
            &titled("Organigramma"),
            &file(&dir, "org.pdf", b"%PDF-1.4 organigramma"),
        )
        .unwrap();
    let card = t
        .app
        .attach(
            &t.ctx,
            "employees",
            e.id,
            &AttachmentInput {
                type_id: Some(document_type(&t.app, &t.ctx, "contract")),
                ..titled("Contratto Rossi")
            },
            &file(&dir, "contratto.pdf", b"%PDF-1.4 contratto"),
        )
        .unwrap();
    t.app.open_attachment_copy(&t.ctx, plan.id).unwrap();
    t.app.open_attachment_copy(&t.ctx, card.id).unwrap();

    // Someone who reads departments but not staff (no role is that today with history rights;
    // the store's filter is what later areas rely on).
    let departments_only = tracked::visible_entities(|a| a == Area::Departments);
    assert!(departments_only.contains(&"attachments"));
    assert!(!departments_only.contains(&"employees"));
    let q = HistoryQuery::default();
    let page = t
        .app
        .store()
        .read(|c| history::list(c, &q, &departments_only))
        .unwrap();
    let rows: Vec<(&str, i64, ChangeOp)> = page
        .items
        .iter()
        .filter(|c| c.entity == "attachments")
        .map(|c| (c.entity.as_str(), c.row_id.parse().unwrap(), c.op))
        .collect();
    assert_eq!(
        rows,
        [
            ("attachments", plan.id, ChangeOp::Read),
            ("attachments", plan.id, ChangeOp::Insert)
        ]
    );
    assert_eq!(page.total, page.items.len() as i64);
    // Names too: the employee's file stays a bare id for them.
    let everything: Vec<&str> = tracked::history_entities().collect();
    let all = t
        .app
        .store()
        .read(|c| history::list(c, &q, &everything))
        .unwrap();
    let labels = t
        .app
        .store()
        .read(|c| history_labels::resolve(c, &all.items, &departments_only))
        .unwrap()
        .labels;
    assert_eq!(
        labels[&format!("attachments:{}", plan.id)].it,
        "Organigramma · Acquisti",
        "a file is named with whose it is"
    );
    assert!(!labels.contains_key(&format!("attachments:{}", card.id)));
    // A staff reader sees both files' changes.
    let staff = tracked::visible_entities(|a| matches!(a, Area::Staff | Area::Departments));
    let page = t
        .app
        .store()
        .read(|c| history::list(c, &q, &staff))
        .unwrap();
    let seen = page
        .items
        .iter()
        .filter(|c| c.entity == "attachments")
        .count();
    assert_eq!(seen, 4);
}

#[test]
fn the_owners_rights_decide_and_a_refusal_is_recorded() {
    let t = installed();
    let dir = tempfile::tempdir().unwrap();
    let d = t
        .app
        .create_department(&t.admin, &department("Produzione"))
        .unwrap();
    let e = t.app.create_employee(&t.admin, &mario()).unwrap().employee;
    let contract = t
        .app
        .list_document_types(&t.admin, false)
        .unwrap()
        .into_iter()
        .find(|x| x.code.as_deref() == Some("contract"))
        .unwrap()
        .id;
    let doc = t
        .app
        .attach(
            &t.admin,
            "employees",
            e.id,
            &AttachmentInput {
                type_id: Some(contract),
                ..Default::default()
            },
            &file(&dir, "contratto.pdf", b"%PDF-1.4 contratto"),
        )
        .unwrap();
    let plan = t
        .app
        .attach(
            &t.admin,
            "departments",
            d.id,
            &AttachmentInput::default(),
            &file(&dir, "reparto.pdf", b"%PDF-1.4 reparto"),
        )
        .unwrap();
    let denials = |t: &crate::support::Installed| {
        t.count("SELECT count(*) FROM changes WHERE after LIKE '%\"denied\"%'")
    };
    // IT reads departments, not staff: the department's file opens, the employee's does not,
    // and neither can be changed.
    let it = t.user("it.tech", &[Role::It]);
    t.app.open_attachment_copy(&it, plan.id).unwrap();
    assert_eq!(
        t.app.attachments(&it, "departments", d.id).unwrap().len(),
        1
    );
    let before = denials(&t);
    let refused = [
        t.app.open_attachment_copy(&it, doc.id).map(drop),
        t.app.attachments(&it, "employees", e.id).map(drop),
        t.app
            .attach(
                &it,
                "departments",
                d.id,
                &AttachmentInput::default(),
                &file(&dir, "altro.pdf", b"%PDF-1.4 altro"),
            )
            .map(drop),
        t.app
            .export_attachment(&it, plan.id, &dir.path().join("it.pdf"))
            .map(drop),
        t.app.delete_attachment(&it, plan.id, plan.version),
    ];
    for r in refused {
        assert_eq!(r.unwrap_err().code, ErrorCode::Forbidden);
    }
    assert_eq!(denials(&t), before + 5, "every refusal is in history");
    // A manager reads staff files but saves no copies of them (staff export is HR's).
    let manager = t.user("m.capo", &[Role::Manager]);
    t.app.open_attachment_copy(&manager, doc.id).unwrap();
    let err = t
        .app
        .export_attachment(&manager, doc.id, &dir.path().join("m.pdf"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Forbidden);
    assert!(!dir.path().join("m.pdf").exists());
    assert_eq!(t.count("SELECT count(*) FROM attachments"), 2);
}
