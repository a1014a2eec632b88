//! Documents and training on real temporary files: the app's own copy (content-addressed,
//! deduplicated), size and type checks, renewal with the old version kept, copies out, and the
//! score following every change.

use crate::staff::{course, date, document_type, mario, staff_app};
use crate::support::TestApp;
use backoffice_core::domain::attachment::{
    AttachmentEdit, AttachmentInput, RenewalInput, MAX_ATTACHMENT_BYTES,
};
use backoffice_core::domain::staff::catalog::{Required, RequirementInput};
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::ErrorCode;
use sha2::{Digest, Sha256};
use std::path::PathBuf;

fn file(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn input(type_id: i64) -> AttachmentInput {
    AttachmentInput {
        type_id: Some(type_id),
        title: None,
        issued_on: None,
        expires_on: None,
    }
}

fn stored_files(t: &TestApp) -> usize {
    let root = t.app.data_dir().join("files");
    let Ok(dirs) = std::fs::read_dir(&root) else {
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

#[test]
fn attach_keeps_a_checked_copy_and_not_the_path() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let pdf = b"%PDF-1.7\n% contratto di lavoro\n".repeat(100);
    let source = file(&dir, "Contratto Rossi.pdf", &pdf);
    let contract = document_type(&t.app, &t.ctx, "contract");
    let d = t
        .app
        .attach(&t.ctx, "employees", e.id, &input(contract), &source)
        .unwrap();
    assert_eq!(d.title, "Contratto Rossi");
    assert_eq!(d.file_name, "Contratto Rossi.pdf");
    assert_eq!(
        (d.mime.as_str(), d.size),
        ("application/pdf", pdf.len() as i64)
    );
    assert_eq!(d.sha256, hex::encode(Sha256::digest(&pdf)));
    assert_eq!(d.expires_on, None);
    assert_eq!(d.uploaded_by, "mrossi");
    // The copy is under the data folder, named by its hash; the source can go.
    let copy = t
        .app
        .data_dir()
        .join("files")
        .join(&d.sha256[..2])
        .join(&d.sha256[2..]);
    assert_eq!(std::fs::read(&copy).unwrap(), pdf);
    std::fs::remove_file(&source).unwrap();
    let raw = t.raw();
    let snapshot: String = raw
        .query_row(
            "SELECT after FROM changes WHERE entity = 'attachments'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(!snapshot.contains(dir.path().to_str().unwrap()));
    // Saving a copy elsewhere, and opening one: identical bytes, both recorded as reads.
    let out = dir.path().join("saved.pdf");
    t.app.export_attachment(&t.ctx, d.id, &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), pdf);
    let opened = t.app.open_attachment_copy(&t.ctx, d.id).unwrap();
    assert_eq!(opened.file_name().unwrap(), "Contratto Rossi.pdf");
    assert_eq!(std::fs::read(&opened).unwrap(), pdf);
    assert_eq!(
        t.count("changes WHERE entity = 'attachments' AND op = 'read'"),
        2
    );
    // The same content attached again is stored once.
    let again = file(&dir, "copia.pdf", &pdf);
    t.app
        .attach(&t.ctx, "employees", e.id, &input(contract), &again)
        .unwrap();
    assert_eq!(stored_files(&t), 1);
    verify_ok(&t);
}

#[test]
fn wrong_files_are_refused_clearly() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let other = document_type(&t.app, &t.ctx, "other");
    let reason = |path: PathBuf| {
        let err = t
            .app
            .attach(&t.ctx, "employees", e.id, &input(other), &path)
            .unwrap_err();
        assert_eq!(err.code, ErrorCode::BadFile, "{err:?}");
        err.params
    };
    // Over the limit: refused before reading (a sparse file).
    let big = dir.path().join("scansione.pdf");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_ATTACHMENT_BYTES + 1)
        .unwrap();
    let p = reason(big);
    assert_eq!(
        (p["reason"].as_str(), p["max_mb"].as_str()),
        ("too_large", "25")
    );
    assert_eq!(p["file"], "scansione.pdf");
    // Exactly at the limit is fine.
    let limit = dir.path().join("limite.txt");
    std::fs::write(&limit, vec![b'a'; MAX_ATTACHMENT_BYTES as usize]).unwrap();
    t.app
        .attach(&t.ctx, "employees", e.id, &input(other), &limit)
        .unwrap();
    assert_eq!(
        reason(file(&dir, "programma.exe", b"MZ\x90\x00"))["reason"],
        "unsupported_type"
    );
    assert_eq!(
        reason(file(&dir, "finto.pdf", b"<html>not a pdf</html>"))["reason"],
        "content_mismatch"
    );
    assert_eq!(reason(file(&dir, "vuoto.png", b""))["reason"], "empty");
    assert_eq!(
        reason(dir.path().join("sparito.pdf"))["reason"],
        "not_found"
    );
    // Every accepted kind.
    for (name, bytes) in [
        ("a.png", b"\x89PNG\r\n\x1a\nrest".to_vec()),
        ("b.JPG", vec![0xFF, 0xD8, 0xFF, 0xE0, 1, 2]),
        ("c.tiff", b"II*\0rest".to_vec()),
        ("d.docx", b"PK\x03\x04word".to_vec()),
        ("e.xlsx", b"PK\x03\x04xl".to_vec()),
        ("f.odt", b"PK\x03\x04odt".to_vec()),
        ("g.ods", b"PK\x03\x04ods".to_vec()),
        (
            "h.doc",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0],
        ),
        (
            "i.xls",
            vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 1],
        ),
        ("j.txt", "Nota: consegnato il badge.".as_bytes().to_vec()),
    ] {
        let path = file(&dir, name, &bytes);
        t.app
            .attach(&t.ctx, "employees", e.id, &input(other), &path)
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
    }
    assert_eq!(t.count("attachments"), 11);
    // No temporary files left from the refusals.
    let tmp = t.app.data_dir().join("files/tmp");
    assert_eq!(std::fs::read_dir(tmp).unwrap().count(), 0);
    // Unknown employee or type; the copy made for a failed write is removed again.
    let files = stored_files(&t);
    let ok = file(&dir, "ok.pdf", b"%PDF-1.4 mai salvato");
    let err = t
        .app
        .attach(&t.ctx, "employees", 999, &input(other), &ok)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::NotFound);
    assert_eq!(stored_files(&t), files);
    let err = t
        .app
        .attach(&t.ctx, "employees", e.id, &input(999), &ok)
        .unwrap_err();
    assert_eq!(err.fields[0].code, "not_found");
}

#[test]
fn expiry_defaults_and_renewal_keeps_the_previous_version() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let id_card = document_type(&t.app, &t.ctx, "id_card");
    let permit = document_type(&t.app, &t.ctx, "residence_permit");
    let first = file(&dir, "ci-2016.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 1]);
    let d1 = t
        .app
        .attach(
            &t.ctx,
            "employees",
            e.id,
            &AttachmentInput {
                issued_on: Some(date(2016, 4, 10)),
                title: Some("Carta d'identità".into()),
                ..input(id_card)
            },
            &first,
        )
        .unwrap();
    // 120 months from the issue date.
    assert_eq!(d1.expires_on, Some(date(2026, 4, 10)));
    // A permit expires but has no usual validity: the date is required.
    let err = t
        .app
        .attach(&t.ctx, "employees", e.id, &input(permit), &first)
        .unwrap_err();
    assert_eq!(
        (err.fields[0].field.as_str(), err.fields[0].code.as_str()),
        ("expires_on", "required")
    );
    // Checked before copying: no second copy of anything.
    assert_eq!(stored_files(&t), 1);
    let file_view = t.app.employee(&t.ctx, e.id).unwrap();
    assert!(file_view.completeness.issues.iter().any(|i| matches!(
        i.issue,
        backoffice_core::domain::staff::completeness::IssueKind::ExpiringDocument {
            within_days: 60,
            ..
        }
    )));
    assert_eq!(file_view.employee.next_expiry, Some(date(2026, 4, 10)));

    let second = file(&dir, "ci-2026.pdf", b"%PDF-1.4 nuova carta");
    let d2 = t
        .app
        .renew_attachment(
            &t.ctx,
            d1.id,
            d1.version,
            &RenewalInput {
                issued_on: Some(date(2026, 2, 20)),
                ..Default::default()
            },
            &second,
        )
        .unwrap();
    assert_eq!(d2.title, "Carta d'identità");
    assert_eq!(d2.expires_on, Some(date(2036, 2, 20)));
    assert_eq!(d2.superseded_by, None);
    let docs = t.app.employee(&t.ctx, e.id).unwrap().documents;
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0].id, d2.id);
    assert_eq!(docs[1].id, d1.id);
    assert_eq!(docs[1].superseded_by, Some(d2.id));
    // The old version's file is still there.
    let out = dir.path().join("old.jpg");
    t.app.export_attachment(&t.ctx, d1.id, &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), [0xFF, 0xD8, 0xFF, 0xE0, 1]);
    assert_eq!(
        t.app.employee(&t.ctx, e.id).unwrap().employee.next_expiry,
        Some(date(2036, 2, 20))
    );
    // An old version cannot be renewed again, nor a stale form saved.
    let err = t
        .app
        .renew_attachment(&t.ctx, d1.id, d1.version, &RenewalInput::default(), &second)
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Conflict);
    // Correcting a date.
    let fixed = t
        .app
        .update_attachment(
            &t.ctx,
            d2.id,
            d2.version,
            &AttachmentEdit {
                title: "CI".into(),
                issued_on: Some(date(2026, 2, 20)),
                expires_on: Some(date(2036, 2, 19)),
            },
        )
        .unwrap();
    assert_eq!((fixed.title.as_str(), fixed.version), ("CI", 2));
    // Removing the renewal makes the old version current again; its file stays, the new
    // one (no longer used) goes.
    t.app
        .delete_attachment(&t.ctx, d2.id, fixed.version)
        .unwrap();
    let docs = t.app.employee(&t.ctx, e.id).unwrap().documents;
    assert_eq!(docs.len(), 1);
    assert_eq!((docs[0].id, docs[0].superseded_by), (d1.id, None));
    assert_eq!(stored_files(&t), 1);
    verify_ok(&t);
}

#[test]
fn training_expiry_is_computed_and_scores_follow() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let first_aid = course(&t.app, &t.ctx, "first_aid");
    let general = course(&t.app, &t.ctx, "safety_general");
    // Everyone needs first aid and general training.
    for c in [first_aid, general] {
        t.app
            .create_requirement(
                &t.ctx,
                &RequirementInput {
                    job_title: None,
                    department_id: None,
                    required: Required::Course { course_id: c },
                },
            )
            .unwrap();
    }
    let score = |t: &TestApp| t.app.employee(&t.ctx, e.id).unwrap().employee.completeness;
    let base = score(&t);
    let certificate = file(&dir, "attestato.pdf", b"%PDF-1.4 attestato");
    let cert = t
        .app
        .attach(
            &t.ctx,
            "employees",
            e.id,
            &input(document_type(&t.app, &t.ctx, "certificate")),
            &certificate,
        )
        .unwrap();
    let r = t
        .app
        .add_training(
            &t.ctx,
            e.id,
            &TrainingInput {
                course_id: first_aid,
                completed_on: Some(date(2023, 3, 1)),
                provider: Some("Croce Rossa".into()),
                certificate_document_id: Some(cert.id),
                notes: None,
            },
        )
        .unwrap();
    // 36 months: expired yesterday... no, on 1 March 2026, the day before "today".
    assert_eq!(r.expires_on, Some(date(2026, 3, 1)));
    // Expired: the requirement's share is still lost.
    assert_eq!(score(&t), base);
    let renewed = t
        .app
        .update_training(
            &t.ctx,
            r.id,
            r.version,
            &TrainingInput {
                course_id: first_aid,
                completed_on: Some(date(2026, 2, 27)),
                provider: Some("Croce Rossa".into()),
                certificate_document_id: Some(cert.id),
                notes: Some("aggiornamento".into()),
            },
        )
        .unwrap();
    assert_eq!(renewed.expires_on, Some(date(2029, 2, 27)));
    let with_first_aid = score(&t);
    assert_eq!(with_first_aid, base + 20);
    let g = t
        .app
        .add_training(
            &t.ctx,
            e.id,
            &TrainingInput {
                course_id: general,
                completed_on: Some(date(2015, 5, 5)),
                provider: None,
                certificate_document_id: None,
                notes: None,
            },
        )
        .unwrap();
    assert_eq!(g.expires_on, None);
    assert_eq!(score(&t), base + 40);
    // The certificate cannot be removed while cited; the record can.
    let err = t
        .app
        .delete_attachment(&t.ctx, cert.id, cert.version)
        .unwrap_err();
    assert_eq!(err.fields[0].code, "in_use");
    t.app.delete_training(&t.ctx, g.id, g.version).unwrap();
    assert_eq!(score(&t), base + 20);
    // Someone else's certificate, a future date, an unknown course.
    let other = t
        .app
        .create_employee(&t.ctx, &crate::staff::person(9))
        .unwrap()
        .employee;
    let bad = |input: TrainingInput| {
        t.app
            .add_training(&t.ctx, other.id, &input)
            .unwrap_err()
            .fields[0]
            .clone()
    };
    let ok = TrainingInput {
        course_id: general,
        completed_on: Some(date(2026, 1, 1)),
        provider: None,
        certificate_document_id: None,
        notes: None,
    };
    let f = bad(TrainingInput {
        certificate_document_id: Some(cert.id),
        ..ok.clone()
    });
    assert_eq!(
        (f.field.as_str(), f.code.as_str()),
        ("certificate_document_id", "not_found")
    );
    let f = bad(TrainingInput {
        completed_on: Some(date(2026, 12, 1)),
        ..ok.clone()
    });
    assert_eq!(f.code, "date_in_future");
    let f = bad(TrainingInput {
        course_id: 999,
        ..ok.clone()
    });
    assert_eq!(
        (f.field.as_str(), f.code.as_str()),
        ("course_id", "not_found")
    );
    let training = t.app.employee(&t.ctx, e.id).unwrap().training;
    assert_eq!(training.len(), 1);
    assert_eq!(training[0].provider.as_deref(), Some("Croce Rossa"));
    verify_ok(&t);
}
