use super::*;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::audits::evidence::EvidenceInput;
use backoffice_core::ErrorCode;

fn evidence(o: &Office, title: &str) -> i64 {
    o.t.app
        .create_evidence(
            &o.auditor,
            &EvidenceInput {
                title: title.into(),
                owner_employee_id: Some(o.boss),
                notes: None,
            },
        )
        .unwrap()
        .id
}

fn item_id(o: &Office, audit: &Audit, code: &str) -> i64 {
    o.t.app
        .audit(&o.auditor, audit.id)
        .unwrap()
        .items
        .into_iter()
        .find(|i| i.code == code)
        .unwrap()
        .item_id
}

#[test]
fn evidence_files_are_checked_and_one_file_supports_several_audits_stored_once() {
    let o = office();
    let dir = tempfile::tempdir().unwrap();
    let ev = evidence(&o, "Registro dei trattamenti");
    // A file whose content does not match its extension, and one over the size limit: refused,
    // nothing stored.
    let fake = dir.path().join("registro.pdf");
    std::fs::write(&fake, b"PK\x03\x04 not a pdf at all").unwrap();
    let e =
        o.t.app
            .attach(
                &o.auditor,
                "evidence",
                ev,
                &AttachmentInput::default(),
                &fake,
            )
            .unwrap_err();
    assert_eq!(
        (e.code, e.params["reason"].as_str()),
        (ErrorCode::BadFile, "content_mismatch")
    );
    let big = dir.path().join("scansione.pdf");
    let mut bytes = b"%PDF-1.4\n".to_vec();
    bytes.resize(26 * 1024 * 1024, b' ');
    std::fs::write(&big, bytes).unwrap();
    let e =
        o.t.app
            .attach(
                &o.auditor,
                "evidence",
                ev,
                &AttachmentInput::default(),
                &big,
            )
            .unwrap_err();
    assert_eq!(
        (e.code, e.params["reason"].as_str()),
        (ErrorCode::BadFile, "too_large")
    );
    assert_eq!(o.t.count("SELECT count(*) FROM attachments"), 0);

    // Without a file, evidence supports nothing yet.
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    let e =
        o.t.app
            .link_evidence(&o.auditor, a.id, item_id(&o, &a, "R-1"), ev)
            .unwrap_err();
    assert_eq!(e.fields[0].code, "no_file");

    let good = dir.path().join("registro-2026.pdf");
    std::fs::write(&good, b"%PDF-1.4\n% registro 2026\n%%EOF\n").unwrap();
    o.t.app
        .attach(
            &o.auditor,
            "evidence",
            ev,
            &AttachmentInput::default(),
            &good,
        )
        .unwrap();
    let b = started(&o, tpl.id, Recurrence::None);
    let first =
        o.t.app
            .link_evidence(&o.auditor, a.id, item_id(&o, &a, "R-1"), ev)
            .unwrap();
    o.t.app
        .link_evidence(&o.auditor, a.id, item_id(&o, &a, "R-2"), ev)
        .unwrap();
    o.t.app
        .link_evidence(&o.auditor, b.id, item_id(&o, &b, "R-1"), ev)
        .unwrap();
    assert_eq!(first.evidence.len(), 1);
    assert_eq!(o.t.count("SELECT count(*) FROM audit_evidence"), 3);
    assert_eq!(
        o.t.count("SELECT count(DISTINCT sha256) FROM attachments"),
        1
    );
    let stored = walk(&o.t.app.data_dir().join("files"));
    assert_eq!(stored, 1, "one copy of the file for three links");
    assert_eq!(o.t.app.evidence(&o.auditor, ev).unwrap().links, 3);

    // A new version of the file: earlier links keep the version they were made with, a new
    // link takes the new one.
    let old =
        o.t.app
            .attachments(&o.auditor, "evidence", ev)
            .unwrap()
            .remove(0);
    let v2 = dir.path().join("registro-2026-v2.pdf");
    std::fs::write(&v2, b"%PDF-1.4\n% registro 2026 rev. 2\n%%EOF\n").unwrap();
    let new =
        o.t.app
            .renew_attachment(&o.auditor, old.id, old.version, &Default::default(), &v2)
            .unwrap();
    let relinked =
        o.t.app
            .link_evidence(&o.auditor, b.id, item_id(&o, &b, "S-1"), ev)
            .unwrap();
    assert_eq!(relinked.evidence[0].attachment_id, new.id);
    let kept = o.t.app.audit(&o.auditor, a.id).unwrap();
    let r1 = kept.items.iter().find(|i| i.code == "R-1").unwrap();
    assert_eq!(r1.evidence[0].attachment_id, old.id);

    // Evidence linked to a planned audit pins its checklist: another template is refused.
    let planned =
        o.t.app
            .create_audit(
                &o.auditor,
                &audit_input(tpl.id, &o.auditor, o.store_dept, Recurrence::None),
            )
            .unwrap();
    o.t.app
        .link_evidence(&o.auditor, planned.id, item_id(&o, &planned, "S-1"), ev)
        .unwrap();
    let other = template(&o, "ISO 9001");
    let planned = current(&o, planned.id);
    let e =
        o.t.app
            .update_audit(
                &o.auditor,
                planned.id,
                planned.version,
                &audit_input(other.id, &o.auditor, o.store_dept, Recurrence::None),
            )
            .unwrap_err();
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("template_id", "locked")
    );
}

fn walk(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .map(|rd| {
            rd.flatten()
                .map(|e| {
                    if e.path().is_dir() {
                        walk(&e.path())
                    } else {
                        1
                    }
                })
                .sum()
        })
        .unwrap_or(0)
}
