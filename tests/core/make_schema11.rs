//! Writes `tests/core/fixtures/schema11/`: a data folder made by schema 11 (the release before
//! attachments), with documents in every state the migration to attachments must carry over.
//! Run once with `cargo test -p backoffice-core --test core make_schema11 -- --ignored`; the
//! result is committed and read by the migration's tests.

use crate::staff::{course, date, document_type, mario, person, staff_app};
use backoffice_core::domain::document::{
    DocumentEdit, DocumentInput, RenewalInput, TrainingInput,
};
use std::path::Path;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[test]
#[ignore]
fn make_schema11() {
    let t = staff_app();
    let src = tempfile::tempdir().unwrap();
    let dir = src.path();
    let mario = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    let giulia = t.app.create_employee(&t.ctx, &person(2)).unwrap().employee;
    let id_card = document_type(&t.app, &t.ctx, "id_card");
    let contract = document_type(&t.app, &t.ctx, "contract");
    let certificate = document_type(&t.app, &t.ctx, "certificate");
    let input = |type_id, title: &str, issued| DocumentInput {
        type_id,
        title: Some(title.into()),
        issued_on: issued,
        expires_on: None,
    };
    // 1: Mario's identity card, renewed by 2 (1 stays as the previous version).
    let d1 = t
        .app
        .attach_document(
            &t.ctx,
            mario.id,
            &input(id_card, "Carta d'identità", Some(date(2016, 4, 10))),
            &write(dir, "ci-2016.jpg", &[0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3]),
        )
        .unwrap();
    let d2 = t
        .app
        .renew_document(
            &t.ctx,
            d1.id,
            d1.version,
            &RenewalInput {
                issued_on: Some(date(2026, 2, 20)),
                ..Default::default()
            },
            &write(dir, "ci-2026.pdf", b"%PDF-1.4 carta d'identita 2026"),
        )
        .unwrap();
    // 3: Mario's contract, its title corrected once.
    let d3 = t
        .app
        .attach_document(
            &t.ctx,
            mario.id,
            &input(contract, "Contratto", None),
            &write(dir, "contratto.pdf", b"%PDF-1.4 contratto di lavoro Rossi"),
        )
        .unwrap();
    t.app
        .update_document(
            &t.ctx,
            d3.id,
            d3.version,
            &DocumentEdit {
                title: "Contratto di assunzione".into(),
                issued_on: Some(date(2010, 3, 15)),
                expires_on: None,
            },
        )
        .unwrap();
    // 4: a first-aid certificate cited by a training record.
    let d4 = t
        .app
        .attach_document(
            &t.ctx,
            mario.id,
            &input(certificate, "Attestato primo soccorso", None),
            &write(dir, "attestato.pdf", b"%PDF-1.4 attestato primo soccorso"),
        )
        .unwrap();
    t.app
        .add_training(
            &t.ctx,
            mario.id,
            &TrainingInput {
                course_id: course(&t.app, &t.ctx, "first_aid"),
                completed_on: Some(date(2025, 6, 1)),
                provider: Some("Croce Rossa".into()),
                certificate_document_id: Some(d4.id),
                notes: None,
            },
        )
        .unwrap();
    // 5: Giulia's contract.
    t.app
        .attach_document(
            &t.ctx,
            giulia.id,
            &input(contract, "Contratto Bianchi", None),
            &write(dir, "contratto-bianchi.pdf", b"%PDF-1.4 contratto Bianchi"),
        )
        .unwrap();
    // 6: attached by mistake and removed: the highest id was used and is gone.
    let d6 = t
        .app
        .attach_document(
            &t.ctx,
            giulia.id,
            &input(contract, "Sbagliato", None),
            &write(dir, "sbagliato.pdf", b"%PDF-1.4 file sbagliato"),
        )
        .unwrap();
    t.app.delete_document(&t.ctx, d6.id, d6.version).unwrap();
    // Reads: the card opened, the contract saved as a copy.
    t.app.open_document_copy(&t.ctx, d2.id).unwrap();
    t.app
        .export_document(&t.ctx, d3.id, &dir.join("copia.pdf"))
        .unwrap();
    let report = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);

    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/core/fixtures/schema11");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let db = out.join("backoffice.sqlite3");
    t.raw()
        .execute("VACUUM INTO ?1", [db.to_str().unwrap()])
        .unwrap();
    // Small pages for a small file in the repository; the app opens any page size.
    let c = rusqlite::Connection::open(&db).unwrap();
    c.execute_batch("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM;")
        .unwrap();
    drop(c);
    let files = t.app.data_dir().join("files");
    for entry in std::fs::read_dir(&files).unwrap() {
        let entry = entry.unwrap();
        if entry.file_name() == "tmp" {
            continue;
        }
        let sub = out.join("files").join(entry.file_name());
        std::fs::create_dir_all(&sub).unwrap();
        for f in std::fs::read_dir(entry.path()).unwrap() {
            let f = f.unwrap();
            std::fs::copy(f.path(), sub.join(f.file_name())).unwrap();
        }
    }
}
