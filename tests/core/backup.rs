//! Backups on real files: a company with employees and documents backed up into a folder, the
//! set checked file by file, a second backup sharing the unchanged documents, every kind of
//! damage refused with its reason and the file to blame, a cancelled backup leaving nothing,
//! and every backup recorded in history.

use crate::staff::{document_type, mario, person, staff_app};
use crate::support::{stepping_clock, TestApp};
use backoffice_core::backup::manifest::DB_FILE;
use backoffice_core::backup::rotation::Retention;
use backoffice_core::backup::sets::list_sets;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::DB_FILE_NAME;
use backoffice_core::ErrorCode;
use std::path::Path;

/// A company of three employees, one with two documents (one of them twice, stored once).
fn company() -> (TestApp, tempfile::TempDir) {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let e = t.app.create_employee(&t.ctx, &mario()).unwrap().employee;
    for n in 1..=2 {
        t.app.create_employee(&t.ctx, &person(n)).unwrap();
    }
    let contract = document_type(&t.app, &t.ctx, "contract");
    let input = AttachmentInput {
        type_id: Some(contract),
        title: None,
        issued_on: None,
        expires_on: None,
    };
    for (name, bytes) in [
        ("contratto.pdf", b"%PDF-1.7\n% contratto\n".repeat(50)),
        ("privacy.pdf", b"%PDF-1.7\n% informativa\n".repeat(70)),
        ("contratto-copia.pdf", b"%PDF-1.7\n% contratto\n".repeat(50)),
    ] {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        t.app.attach(&t.ctx, "employees", e.id, &input, &p).unwrap();
    }
    (t, dir)
}

fn back_up(t: &TestApp, folder: &Path) -> backoffice_core::Result<String> {
    t.app
        .back_up(&t.ctx, folder, Retention::default(), &mut |_, _| true)
        .map(|m| m.name)
}

fn check(t: &TestApp, folder: &Path, name: &str) -> backoffice_core::Result<()> {
    t.app
        .check_backup(&t.ctx, folder, name, &mut |_, _| true)
        .map(|_| ())
}

fn reason(e: &backoffice_core::Error) -> (ErrorCode, String, String) {
    (
        e.code,
        e.params.get("reason").cloned().unwrap_or_default(),
        e.params.get("file").cloned().unwrap_or_default(),
    )
}

#[test]
fn a_backup_holds_the_database_and_documents_and_checks_clean() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&t, out.path()).unwrap();
    let sets = t.app.backup_sets(&t.ctx, out.path()).unwrap();
    assert_eq!(sets.len(), 1);
    let m = &sets[0].1;
    assert_eq!(sets[0].0, name);
    assert_eq!(m.counts["employees"], 3);
    assert_eq!(m.counts["attachments"], 3);
    // Two contents: the copy of the contract is the same bytes.
    assert_eq!(m.files.len(), 2);
    assert!(m.history_verified);
    let live = t.app.history_head(&t.ctx).unwrap();
    // The backup's own event comes after the copy, so the head it recorded is one behind.
    assert_eq!(live.count, m.history_count + 1);
    check(&t, out.path(), &name).unwrap();
    assert_eq!(
        t.count("changes WHERE entity = 'backups' AND op = 'event'"),
        1
    );

    // A second backup copies no document again: the folder already has them.
    let later = t
        .app
        .back_up(&t.ctx, out.path(), Retention::default(), &mut |_, _| true)
        .unwrap();
    assert_eq!(later.copied_files, 0);
    check(&t, out.path(), &later.name).unwrap();
}

#[test]
fn damage_to_any_file_is_refused_and_named() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&t, out.path()).unwrap();
    let set = out.path().join("sets").join(&name);
    let m = t.app.backup_sets(&t.ctx, out.path()).unwrap().remove(0).1;

    // One byte changed in the database.
    let db = set.join(DB_FILE);
    let original = std::fs::read(&db).unwrap();
    let mut bytes = original.clone();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 0x01;
    std::fs::write(&db, &bytes).unwrap();
    let e = check(&t, out.path(), &name).unwrap_err();
    assert_eq!(
        reason(&e),
        (
            ErrorCode::BadFile,
            "backup_file_changed".into(),
            DB_FILE.into()
        )
    );
    std::fs::write(&db, &original).unwrap();
    check(&t, out.path(), &name).unwrap();

    // One byte changed in a document.
    let doc = &m.files[0].sha256;
    let path = out.path().join("files").join(&doc[..2]).join(&doc[2..]);
    let original = std::fs::read(&path).unwrap();
    let mut bytes = original.clone();
    bytes[0] ^= 0x20;
    std::fs::write(&path, &bytes).unwrap();
    let e = check(&t, out.path(), &name).unwrap_err();
    assert_eq!(
        reason(&e),
        (
            ErrorCode::BadFile,
            "backup_file_changed".into(),
            doc.clone()
        )
    );
    // Missing altogether.
    std::fs::remove_file(&path).unwrap();
    let e = check(&t, out.path(), &name).unwrap_err();
    assert_eq!(
        reason(&e),
        (
            ErrorCode::BadFile,
            "backup_file_missing".into(),
            doc.clone()
        )
    );
    std::fs::write(&path, &original).unwrap();
    check(&t, out.path(), &name).unwrap();

    // A truncated database whose manifest was rewritten to match: SQLite finds it damaged.
    let half = &std::fs::read(&db).unwrap()[..original_len(&db) / 2];
    std::fs::write(&db, half).unwrap();
    rewrite_manifest_for_db(&set);
    let (code, why, file) = reason(&check(&t, out.path(), &name).unwrap_err());
    assert_eq!(
        (code, why.as_str(), file.as_str()),
        (ErrorCode::BadFile, "backup_damaged", DB_FILE)
    );

    // Without its manifest the set is unfinished: not listed, and refused by name.
    std::fs::remove_file(set.join("manifest.json")).unwrap();
    assert!(t.app.backup_sets(&t.ctx, out.path()).unwrap().is_empty());
    assert_eq!(
        list_sets(out.path()).unwrap().unfinished,
        vec![name.clone()]
    );
    let e = check(&t, out.path(), &name).unwrap_err();
    assert_eq!(reason(&e).1, "backup_unfinished");
}

fn original_len(p: &Path) -> usize {
    std::fs::metadata(p).unwrap().len() as usize
}

/// Makes the manifest agree with the database file as it is now (an attacker's or a faulty
/// copier's work), so only the database's own checks can catch it.
fn rewrite_manifest_for_db(set: &Path) {
    use sha2::{Digest, Sha256};
    let bytes = std::fs::read(set.join(DB_FILE)).unwrap();
    let path = set.join("manifest.json");
    let mut m: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    m["db_sha256"] = hex::encode(Sha256::digest(&bytes)).into();
    m["db_size"] = bytes.len().into();
    std::fs::write(&path, serde_json::to_vec(&m).unwrap()).unwrap();
}

#[test]
fn a_cancelled_backup_leaves_nothing_and_a_failed_one_says_why() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let e = t
        .app
        .back_up(&t.ctx, out.path(), Retention::default(), &mut |_, _| false)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    let listed = list_sets(out.path()).unwrap();
    assert!(listed.sets.is_empty() && listed.unfinished.is_empty());

    // The folder is a file: nothing can be written there.
    let blocked = out.path().join("not-a-folder");
    std::fs::write(&blocked, b"x").unwrap();
    let e = back_up(&t, &blocked).unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    // Both outcomes are in history, and the live data still verifies.
    assert_eq!(
        t.count("changes WHERE entity = 'backups' AND after LIKE '%backup_failed%'"),
        2
    );
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

#[test]
fn only_administrators_back_up() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let hr = Ctx::new(9, "hr", vec![Role::Hr]);
    let e = t
        .app
        .back_up(&hr, out.path(), Retention::default(), &mut |_, _| true)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(!out.path().join("sets").exists());
}

/// Closes the app and starts it again on the same folder, as the next start after a restore.
fn restart(t: TestApp) -> TestApp {
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let app = Backoffice::open(_dir.path(), stepping_clock()).unwrap();
    TestApp { _dir, app, ctx }
}

#[test]
fn a_staged_restore_replaces_the_data_at_the_next_start_and_is_recorded() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&t, out.path()).unwrap();
    let m = t.app.backup_sets(&t.ctx, out.path()).unwrap().remove(0).1;
    // Work goes on after the backup: a fourth employee.
    t.app.create_employee(&t.ctx, &person(9)).unwrap();
    assert_eq!(t.count("employees"), 4);

    t.app
        .stage_restore(&t.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap();
    // Nothing live changed yet, and the data as it was is itself a backup now.
    assert_eq!(t.count("employees"), 4);
    // The staged copy is in WAL mode already (header bytes 18-19 = 2): its first open makes no
    // rollback journal that a kill could leave hot.
    let staged = std::fs::read(t._dir.path().join("restore-pending").join(DB_FILE_NAME)).unwrap();
    assert_eq!(&staged[18..20], &[2, 2]);
    assert_eq!(t.app.backup_sets(&t.ctx, out.path()).unwrap().len(), 2);

    let t = restart(t);
    assert_eq!(t.count("employees"), 3);
    assert_eq!(t.count("attachments"), 3);
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
    // The restored chain is the backup's, with the restore itself appended.
    let head = t.app.history_head(&t.ctx).unwrap();
    assert_eq!(head.count, m.history_count + 1);
    assert_eq!(
        t.count("changes WHERE entity = 'backups' AND after LIKE '%restore_applied%'"),
        1
    );
    // Every document of the set opens from the live folder.
    for f in &m.files {
        let p = t
            .app
            .data_dir()
            .join("files")
            .join(&f.sha256[..2])
            .join(&f.sha256[2..]);
        assert!(p.is_file(), "{}", p.display());
    }
    // The data it replaced is kept beside it.
    let kept = std::fs::read_dir(t.app.data_dir().join("before-restore"))
        .unwrap()
        .count();
    assert_eq!(kept, 1);
    // A second start has nothing left to apply.
    let t = restart(t);
    assert_eq!(t.count("employees"), 3);
}

#[test]
fn an_unfinished_restore_is_dropped_and_a_changed_set_is_never_staged() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&t, out.path()).unwrap();
    // Staging stopped half way (no READY): the next start ignores it.
    let pending = t.app.data_dir().join("restore-pending");
    std::fs::create_dir_all(&pending).unwrap();
    std::fs::write(pending.join("backoffice.db"), b"half a file").unwrap();
    let t = restart(t);
    assert!(!pending.exists());
    assert_eq!(t.count("employees"), 3);

    // A set changed after it was made is refused before anything is copied.
    let db = out.path().join("sets").join(&name).join(DB_FILE);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[100] ^= 0x01;
    std::fs::write(&db, &bytes).unwrap();
    let e = t
        .app
        .stage_restore(&t.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(reason(&e).1, "backup_file_changed");
    assert!(!pending.exists());
}

#[test]
fn a_proof_restores_a_copy_and_leaves_the_live_data_alone() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&t, out.path()).unwrap();
    let before = t.count("changes");
    let proof = t
        .app
        .prove_backup(&t.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap();
    assert!(proof.ok(), "{proof:?}");
    // Only the proof's own record was added; no scratch folder is left.
    assert_eq!(t.count("changes"), before + 1);
    let left: Vec<_> = std::fs::read_dir(t.app.data_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with("proof-"))
        .collect();
    assert!(left.is_empty());
    assert_eq!(
        t.count("changes WHERE entity = 'backups' AND after LIKE '%restore_proven%'"),
        1
    );
}

#[test]
fn another_organisations_backup_is_refused_over_data_but_fills_a_new_install() {
    let (rossi, _files) = company();
    rossi
        .app
        .save_organisation(&rossi.ctx, &crate::organisation::input())
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let name = back_up(&rossi, out.path()).unwrap();

    // Another company with its own staff: refused, nothing staged.
    let other = staff_app();
    let mut input = crate::organisation::input();
    input.name = "Bianchi Logistica S.p.A.".into();
    input.vat_number = Some("IT01234560157".into());
    other.app.save_organisation(&other.ctx, &input).unwrap();
    other.app.create_employee(&other.ctx, &person(5)).unwrap();
    let e = other
        .app
        .stage_restore(&other.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap_err();
    assert_eq!(reason(&e).1, "backup_other_organisation");
    assert!(!other.app.data_dir().join("restore-pending").exists());

    // A new install that holds nothing but its setup takes it (the old computer died).
    let fresh = staff_app();
    fresh.app.save_organisation(&fresh.ctx, &input).unwrap();
    fresh
        .app
        .stage_restore(&fresh.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap();
    let fresh = restart(fresh);
    assert_eq!(fresh.count("employees"), 3);
}

#[test]
fn what_a_kill_leaves_half_done_is_ignored_or_finished() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    back_up(&t, out.path()).unwrap();
    // A backup killed half way: its folder was never renamed. Not offered, and cleared by the
    // next backup.
    let half = out.path().join("sets").join("20261206T000000.000Z.partial");
    std::fs::create_dir_all(&half).unwrap();
    std::fs::write(half.join(DB_FILE), b"SQLite format 3\0 and then nothing").unwrap();
    assert_eq!(t.app.backup_sets(&t.ctx, out.path()).unwrap().len(), 1);
    // (The same day's earlier backup goes too: the retention keeps a day's newest.)
    let name = back_up(&t, out.path()).unwrap();
    assert!(!half.exists());

    // A start killed in the middle of putting a restore in place: the live database already
    // moved aside, the staged one not yet renamed. The next start finishes the job.
    t.app
        .stage_restore(&t.ctx, out.path(), &name, &mut |_, _| true)
        .unwrap();
    t.app.create_employee(&t.ctx, &person(8)).unwrap();
    let TestApp { _dir, app, ctx } = t;
    drop(app);
    let aside = _dir.path().join("before-restore").join("killed");
    std::fs::create_dir_all(&aside).unwrap();
    for suffix in ["", "-wal", "-shm"] {
        let live = _dir.path().join(format!("backoffice.sqlite3{suffix}"));
        if live.exists() {
            std::fs::rename(&live, aside.join(format!("backoffice.sqlite3{suffix}"))).unwrap();
        }
    }
    let t = TestApp {
        app: Backoffice::open(_dir.path(), stepping_clock()).unwrap(),
        _dir,
        ctx,
    };
    assert_eq!(t.count("employees"), 3);
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

/// A full disk (the kernel's /dev/full answers every write with ENOSPC, planted where the first
/// document is copied) and a drive pulled out while the backup runs: each fails the backup with
/// a clear message, lists nothing as a backup, and leaves the live data whole.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_or_a_pulled_drive_fails_the_backup_clearly_and_loses_nothing() {
    let (t, _files) = company();
    let out = tempfile::tempdir().unwrap();
    let sha = t.app.blobs().names().unwrap().remove(0);
    let dir = out.path().join("files").join(&sha[..2]);
    std::fs::create_dir_all(&dir).unwrap();
    std::os::unix::fs::symlink("/dev/full", dir.join(format!("{}.tmp", &sha[2..]))).unwrap();
    let e = back_up(&t, out.path()).unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    assert!(e.message.contains("the disk is full"), "{}", e.message);
    let listed = list_sets(out.path()).unwrap();
    assert!(listed.sets.is_empty() && listed.unfinished.is_empty());

    let usb = tempfile::tempdir().unwrap();
    let stick = usb.path().join("stick");
    std::fs::create_dir(&stick).unwrap();
    let mut pulled = false;
    let e = t
        .app
        .back_up(&t.ctx, &stick, Retention::default(), &mut |done, _| {
            if done > 0 && !pulled {
                pulled = true;
                std::fs::remove_dir_all(&stick).unwrap();
            }
            true
        })
        .unwrap_err();
    assert!(pulled);
    assert_eq!(e.code, ErrorCode::DbIo, "{e:?}");
    assert!(!stick.exists() || list_sets(&stick).unwrap().sets.is_empty());

    // Nothing lost: the data verifies, both failures are recorded, and the next backup works.
    assert_eq!(t.count("employees"), 3);
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
    assert_eq!(
        t.count("changes WHERE entity = 'backups' AND after LIKE '%backup_failed%'"),
        2
    );
    let again = tempfile::tempdir().unwrap();
    let name = back_up(&t, again.path()).unwrap();
    check(&t, again.path(), &name).unwrap();
}
