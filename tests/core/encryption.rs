//! Encryption at rest on real files: a company encrypted, the raw bytes searched for a known
//! name, tax code and IBAN, the passphrase and the recovery key, wrong and foreign keys refused
//! with nothing written, the passphrase changed, an encrypted backup checked, proven and
//! restored, and the way back to plain.

use crate::staff::{document_type, mario, person, staff_app};
use crate::support::{stepping_clock, TestApp};
use backoffice_core::backup::rotation::Retention;
use backoffice_core::crypt::unlock::{unlock, Secret};
use backoffice_core::crypt::KEY_FILE;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::staff::employee::EmployeeInput;
use backoffice_core::services::Backoffice;
use backoffice_core::store::DB_FILE_NAME;
use backoffice_core::ErrorCode;
use std::path::Path;

const PASSPHRASE: &str = "quattro gatti in fila";
const IBAN: &str = "IT60X0542811101000000123456";
const DOC_MARK: &[u8] = b"contratto riservato di Mario";

/// Mario Rossi with an IBAN and a contract, two more employees.
fn company() -> (TestApp, tempfile::TempDir) {
    let t = staff_app();
    let files = tempfile::tempdir().unwrap();
    let e = t
        .app
        .create_employee(
            &t.ctx,
            &EmployeeInput {
                iban: Some(IBAN.into()),
                ..mario()
            },
        )
        .unwrap()
        .employee;
    for n in 1..=2 {
        t.app.create_employee(&t.ctx, &person(n)).unwrap();
    }
    let input = AttachmentInput {
        type_id: Some(document_type(&t.app, &t.ctx, "contract")),
        title: None,
        issued_on: None,
        expires_on: None,
    };
    let p = files.path().join("contratto.pdf");
    let mut pdf = b"%PDF-1.7\n".to_vec();
    pdf.extend_from_slice(DOC_MARK);
    std::fs::write(&p, &pdf).unwrap();
    t.app.attach(&t.ctx, "employees", e.id, &input, &p).unwrap();
    (t, files)
}

/// Every file under `dir`, read whole, searched for each of `needles`.
fn found_anywhere(dir: &Path, needles: &[&[u8]]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let bytes = std::fs::read(&p).unwrap();
                for n in needles {
                    if bytes.windows(n.len()).any(|w| w == *n) {
                        hits.push(format!("{} in {}", String::from_utf8_lossy(n), p.display()));
                    }
                }
            }
        }
    }
    hits
}

fn secrets() -> Vec<&'static [u8]> {
    vec![b"Rossi", b"RSSMRA80A01H501U", IBAN.as_bytes(), DOC_MARK]
}

/// Closes the app and opens the folder as the next start does: the passphrase first.
fn restart_with(t: TestApp, passphrase: &str) -> TestApp {
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    Backoffice::finish_pending(_dir.path()).unwrap();
    let key = unlock(
        _dir.path(),
        Secret::Passphrase(passphrase),
        chrono::Utc::now(),
    )
    .unwrap();
    let app = Backoffice::open_with_key(_dir.path(), stepping_clock(), Some(key)).unwrap();
    TestApp { _dir, app, ctx }
}

fn restart_plain(t: TestApp) -> TestApp {
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let app = Backoffice::open(_dir.path(), stepping_clock()).unwrap();
    TestApp { _dir, app, ctx }
}

fn counts(t: &TestApp) -> std::collections::BTreeMap<String, i64> {
    t.app
        .store()
        .read(backoffice_core::store::tracked::row_counts)
        .unwrap()
}

fn verify_ok(t: &TestApp) {
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

fn encrypt(t: &TestApp) -> String {
    t.app
        .encrypt(&t.ctx, PASSPHRASE, &mut |_, _| true)
        .unwrap()
        .recovery_key
}

fn events(t: &TestApp) -> Vec<String> {
    t.app
        .store()
        .read(|c| {
            let mut s = c.prepare(
                "SELECT json_extract(after, '$.event') FROM changes \
                 WHERE entity = 'security' ORDER BY id",
            )?;
            let v = s
                .query_map([], |r| r.get::<_, Option<String>>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            Ok(v.into_iter().flatten().collect())
        })
        .unwrap()
}

#[test]
fn an_encrypted_folder_holds_no_readable_personal_data_and_keeps_everything() {
    let (t, files) = company();
    assert!(!found_anywhere(t._dir.path(), &secrets()).is_empty());
    let before = counts(&t);
    let head = t.app.history_head(&t.ctx).unwrap();

    let recovery = encrypt(&t);
    assert_eq!(recovery.split('-').count(), 13);
    // Until the restart puts the encrypted copy in place, nothing can be saved (it would be lost).
    let e = t.app.create_employee(&t.ctx, &person(7)).unwrap_err();
    assert_eq!(e.code, ErrorCode::StoreUnavailable);
    // Encrypting twice is refused.
    assert_eq!(
        t.app
            .encrypt(&t.ctx, PASSPHRASE, &mut |_, _| true)
            .unwrap_err()
            .code,
        ErrorCode::StoreUnavailable
    );

    // The next start: without the passphrase the folder does not open, and says why.
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let e = Backoffice::open(_dir.path(), stepping_clock())
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::DbLocked);
    let key = unlock(
        _dir.path(),
        Secret::Passphrase(PASSPHRASE),
        chrono::Utc::now(),
    )
    .unwrap();
    let app = Backoffice::open_with_key(_dir.path(), stepping_clock(), Some(key)).unwrap();
    let t = TestApp { _dir, app, ctx };
    assert_eq!(counts(&t), before);
    verify_ok(&t);
    assert_eq!(t.app.history_head(&t.ctx).unwrap().count, head.count + 1);
    assert_eq!(events(&t).last().map(String::as_str), Some("encryption_on"));

    // The documents are sealed after the start; until then they read as before.
    let status = t.app.encryption_status(&t.ctx).unwrap();
    assert!(status.encrypted);
    assert_eq!((status.documents, status.documents_sealed), (1, 0));
    assert_eq!(t.app.seal_documents(&mut |_, _| true).unwrap(), 1);
    assert_eq!(t.app.encryption_status(&t.ctx).unwrap().documents_sealed, 1);
    t.app.store().wait_for_checkpoint();
    let hits = found_anywhere(t._dir.path(), &secrets());
    assert!(
        hits.is_empty(),
        "readable in the encrypted folder: {hits:?}"
    );

    // Everything still works: a document reads back, a new one is stored sealed, edits save.
    let doc = t.app.attachments(&t.ctx, "employees", 1).unwrap().remove(0);
    let out = files.path().join("copia.pdf");
    t.app.export_attachment(&t.ctx, doc.id, &out).unwrap();
    assert!(std::fs::read(&out).unwrap().ends_with(DOC_MARK));
    let p = files.path().join("nuovo.pdf");
    std::fs::write(&p, b"%PDF-1.7\nRossi secondo contratto").unwrap();
    t.app
        .attach(
            &t.ctx,
            "employees",
            1,
            &AttachmentInput {
                type_id: doc.type_id,
                title: None,
                issued_on: None,
                expires_on: None,
            },
            &p,
        )
        .unwrap();
    t.app.create_employee(&t.ctx, &person(8)).unwrap();
    t.app.store().wait_for_checkpoint();
    let hits = found_anywhere(t._dir.path(), &[b"Rossi", b"secondo contratto"]);
    assert!(hits.is_empty(), "readable after more work: {hits:?}");
    // The plain copy it replaced is gone from the data folder.
    assert!(!t._dir.path().join("before-encryption-change").exists());

    // The recovery key opens it as well, after a restart.
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let key = unlock(
        _dir.path(),
        Secret::RecoveryKey(&recovery),
        chrono::Utc::now(),
    )
    .unwrap();
    let app = Backoffice::open_with_key(_dir.path(), stepping_clock(), Some(key)).unwrap();
    let t = TestApp { _dir, app, ctx };
    assert_eq!(counts(&t)["employees"], 4);
}

#[test]
fn no_key_a_wrong_passphrase_or_another_folders_key_is_refused_and_nothing_is_written() {
    let (a, _fa) = company();
    encrypt(&a);
    let a = restart_with(a, PASSPHRASE);
    let (b, _fb) = company();
    b.app
        .encrypt(&b.ctx, "another long phrase", &mut |_, _| true)
        .unwrap();
    let b = restart_with(b, "another long phrase");
    let (b_dir, a_dir) = (b._dir.path().to_owned(), a._dir.path().to_owned());
    let TestApp {
        _dir: _keep_b, app, ..
    } = b;
    drop(app);
    let db = b_dir.join(DB_FILE_NAME);
    let bytes_before = std::fs::read(&db).unwrap();

    let wrong = unlock(&b_dir, Secret::Passphrase(PASSPHRASE), chrono::Utc::now()).unwrap_err();
    assert_eq!(wrong.code, ErrorCode::WrongPassphrase);
    // A's key file and passphrase give A's key, which does not open B's database.
    let a_key = unlock(&a_dir, Secret::Passphrase(PASSPHRASE), chrono::Utc::now()).unwrap();
    let e = Backoffice::open_with_key(&b_dir, stepping_clock(), Some(a_key))
        .err()
        .unwrap();
    assert_eq!(e.code, ErrorCode::WrongKey);
    assert_eq!(
        Backoffice::open(&b_dir, stepping_clock())
            .err()
            .unwrap()
            .code,
        ErrorCode::DbLocked
    );
    // Without the key file, the file is just unreadable bytes: refused, not initialised over.
    std::fs::rename(b_dir.join(KEY_FILE), b_dir.join("key.away")).unwrap();
    let e = Backoffice::open(&b_dir, stepping_clock()).err().unwrap();
    assert_eq!(e.code, ErrorCode::DbCorrupt);
    std::fs::rename(b_dir.join("key.away"), b_dir.join(KEY_FILE)).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), bytes_before);
    // B still opens with its own passphrase.
    let key = unlock(
        &b_dir,
        Secret::Passphrase("another long phrase"),
        chrono::Utc::now(),
    )
    .unwrap();
    assert!(Backoffice::open_with_key(&b_dir, stepping_clock(), Some(key)).is_ok());
    drop(a);
}

#[test]
fn the_passphrase_changes_in_place_and_decrypting_brings_back_a_plain_folder() {
    let (t, files) = company();
    let recovery = encrypt(&t);
    let t = restart_with(t, PASSPHRASE);
    t.app.seal_documents(&mut |_, _| true).unwrap();
    let db_before = std::fs::read(t.app.store().path()).unwrap().len();
    let e = t
        .app
        .change_passphrase(&t.ctx, "not the passphrase", "a new and longer phrase")
        .unwrap_err();
    assert_eq!(e.fields[0].field, "current");
    let e = t
        .app
        .change_passphrase(&t.ctx, PASSPHRASE, "short")
        .unwrap_err();
    assert_eq!(e.fields[0].code, "too_short");
    t.app
        .change_passphrase(&t.ctx, PASSPHRASE, "a new and longer phrase")
        .unwrap();
    assert_eq!(
        events(&t).last().map(String::as_str),
        Some("passphrase_changed")
    );
    assert_eq!(
        std::fs::read(t.app.store().path()).unwrap().len(),
        db_before
    );
    let t = restart_with(t, "a new and longer phrase");
    let old = unlock(
        t._dir.path(),
        Secret::Passphrase(PASSPHRASE),
        chrono::Utc::now(),
    );
    assert_eq!(old.unwrap_err().code, ErrorCode::WrongPassphrase);
    assert!(unlock(
        t._dir.path(),
        Secret::RecoveryKey(&recovery),
        chrono::Utc::now()
    )
    .is_ok());

    let before = counts(&t);
    t.app.decrypt(&t.ctx, &mut |_, _| true).unwrap();
    let t = restart_plain(t);
    assert!(!t._dir.path().join(KEY_FILE).exists());
    assert_eq!(counts(&t), before);
    verify_ok(&t);
    assert_eq!(
        events(&t).last().map(String::as_str),
        Some("encryption_off")
    );
    let doc = t.app.attachments(&t.ctx, "employees", 1).unwrap().remove(0);
    let out = files.path().join("copia.pdf");
    t.app.export_attachment(&t.ctx, doc.id, &out).unwrap();
    assert!(std::fs::read(&out).unwrap().ends_with(DOC_MARK));
    assert_eq!(t.app.encryption_status(&t.ctx).unwrap().documents_sealed, 0);
}

#[test]
fn a_cancelled_encryption_leaves_the_data_as_it_was_and_writable() {
    let (t, _files) = company();
    let e = t
        .app
        .encrypt(&t.ctx, PASSPHRASE, &mut |_, _| false)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    assert!(!t._dir.path().join("encryption-pending").exists());
    assert!(!t._dir.path().join(KEY_FILE).exists());
    t.app.create_employee(&t.ctx, &person(5)).unwrap();
    let t = restart_plain(t);
    assert_eq!(counts(&t)["employees"], 4);
}

#[test]
fn an_encrypted_backup_stays_encrypted_is_checked_proven_and_restored() {
    let (t, _files) = company();
    encrypt(&t);
    let t = restart_with(t, PASSPHRASE);
    t.app.seal_documents(&mut |_, _| true).unwrap();
    let out = tempfile::tempdir().unwrap();
    let made = t
        .app
        .back_up(&t.ctx, out.path(), Retention::default(), &mut |_, _| true)
        .unwrap();
    assert!(made.manifest.key_id.is_some());
    let hits = found_anywhere(out.path(), &secrets());
    assert!(hits.is_empty(), "readable in the backup: {hits:?}");
    assert!(out
        .path()
        .join("sets")
        .join(&made.name)
        .join(KEY_FILE)
        .is_file());
    t.app
        .check_backup(&t.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap();
    let proof = t
        .app
        .prove_backup(&t.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap();
    assert!(proof.ok(), "{proof:?}");

    // One changed byte in a sealed document is found, and the file named.
    let sha = &made.manifest.files[0].sha256;
    let doc = out.path().join("files").join(&sha[..2]).join(&sha[2..]);
    let mut bytes = std::fs::read(&doc).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 1;
    std::fs::write(&doc, &bytes).unwrap();
    let e = t
        .app
        .check_backup(&t.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(e.params["reason"], "backup_file_changed");
    assert_eq!(&e.params["file"], sha);
    bytes[mid] ^= 1;
    std::fs::write(&doc, &bytes).unwrap();

    // Another encrypted company cannot check it: the key is not theirs.
    let (o, _of) = company();
    o.app
        .encrypt(&o.ctx, "another long phrase", &mut |_, _| true)
        .unwrap();
    let o = restart_with(o, "another long phrase");
    let e = o
        .app
        .check_backup(&o.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(e.params["reason"], "backup_other_key");

    t.app.create_employee(&t.ctx, &person(9)).unwrap();
    t.app
        .stage_restore(&t.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap();
    let t = restart_with(t, PASSPHRASE);
    assert_eq!(counts(&t)["employees"], 3);
    verify_ok(&t);
    let doc = t.app.attachments(&t.ctx, "employees", 1).unwrap().remove(0);
    assert!(t.app.blobs().read(&doc.sha256).unwrap().ends_with(DOC_MARK));
}

#[test]
fn a_new_computer_restores_an_encrypted_backup_with_the_passphrase_it_was_made_under() {
    let (t, _files) = company();
    encrypt(&t);
    let t = restart_with(t, PASSPHRASE);
    t.app.seal_documents(&mut |_, _| true).unwrap();
    let out = tempfile::tempdir().unwrap();
    let made = t
        .app
        .back_up(&t.ctx, out.path(), Retention::default(), &mut |_, _| true)
        .unwrap();

    // The same computer, the passphrase changed since: restoring keeps the current passphrase.
    t.app
        .change_passphrase(&t.ctx, PASSPHRASE, "a newer passphrase")
        .unwrap();
    t.app
        .stage_restore(&t.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap();
    let t = restart_with(t, "a newer passphrase");
    assert_eq!(counts(&t)["employees"], 3);

    // A new computer: plain, just set up. Without the backup's passphrase it is refused; with a
    // wrong one too; with the one it was made under it restores and asks for it at the start.
    let fresh = crate::support::app();
    let e = fresh
        .app
        .stage_restore(&fresh.ctx, out.path(), &made.name, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(e.params["reason"], "backup_other_key");
    let e = fresh
        .app
        .stage_restore_unlocking(
            &fresh.ctx,
            out.path(),
            &made.name,
            Some(Secret::Passphrase("not it at all")),
            &mut |_, _| true,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::WrongPassphrase);
    fresh
        .app
        .stage_restore_unlocking(
            &fresh.ctx,
            out.path(),
            &made.name,
            Some(Secret::Passphrase(PASSPHRASE)),
            &mut |_, _| true,
        )
        .unwrap();
    let TestApp { _dir, app, ctx } = fresh;
    drop(app);
    Backoffice::finish_pending(_dir.path()).unwrap();
    assert_eq!(
        Backoffice::open(_dir.path(), stepping_clock())
            .err()
            .unwrap()
            .code,
        ErrorCode::DbLocked
    );
    let fresh = restart_with(
        TestApp {
            _dir,
            app: crate::support::app().app,
            ctx,
        },
        PASSPHRASE,
    );
    assert_eq!(counts(&fresh)["employees"], 3);
    verify_ok(&fresh);
    let doc = fresh
        .app
        .attachments(&fresh.ctx, "employees", 1)
        .unwrap()
        .remove(0);
    assert!(fresh
        .app
        .blobs()
        .read(&doc.sha256)
        .unwrap()
        .ends_with(DOC_MARK));
}

#[test]
fn the_data_key_is_kept_in_the_system_keychain_recalled_and_forgotten() {
    use backoffice_core::crypt::{keychain, KeyFile};
    if std::env::var_os("BACKOFFICE_TEST_KEYCHAIN").is_none() {
        // scripts/test.sh runs the tests inside a throwaway keychain (scripts/with-keychain.sh);
        // a CI run without one would not test this at all.
        assert!(std::env::var_os("CI").is_none(), "no test keychain in CI");
        eprintln!("skipped: no test keychain (run through scripts/with-keychain.sh)");
        return;
    }
    let (t, _files) = company();
    encrypt(&t);
    let t = restart_with(t, PASSPHRASE);
    let dir = t._dir.path().to_owned();
    let key_file = KeyFile::load(&dir).unwrap().unwrap();
    assert!(keychain::recall(&dir, &key_file).is_none());
    assert!(!t.app.encryption_status(&t.ctx).unwrap().remembered);

    t.app.remember_key_here().unwrap();
    assert!(t.app.encryption_status(&t.ctx).unwrap().remembered);
    assert_eq!(
        events(&t).last().map(String::as_str),
        Some("key_remembered")
    );
    // The next start opens with the kept key, no passphrase.
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let key = keychain::recall(&dir, &key_file).expect("the key is kept");
    assert_eq!(key.id(), key_file.key_id);
    let app = Backoffice::open_with_key(&dir, stepping_clock(), Some(key)).unwrap();
    let t = TestApp { _dir, app, ctx };
    assert_eq!(counts(&t)["employees"], 3);

    // Another folder's key file finds nothing: entries are per folder and key.
    let (o, _of) = company();
    o.app
        .encrypt(&o.ctx, "another long phrase", &mut |_, _| true)
        .unwrap();
    let o = restart_with(o, "another long phrase");
    let other = KeyFile::load(o._dir.path()).unwrap().unwrap();
    assert!(keychain::recall(o._dir.path(), &other).is_none());
    assert!(keychain::recall(o._dir.path(), &key_file).is_none());

    t.app.forget_key_here(&t.ctx).unwrap();
    assert!(keychain::recall(&dir, &key_file).is_none());
    assert!(!t.app.encryption_status(&t.ctx).unwrap().remembered);
    assert_eq!(events(&t).last().map(String::as_str), Some("key_forgotten"));
}
