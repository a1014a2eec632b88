//! Safety points: history is append-only, jobs end even when they panic, history's status is
//! read under its permission.

use crate::support::{app, installed};
use backoffice_core::domain::permissions::Role;
use backoffice_core::jobs::Jobs;
use backoffice_core::ErrorCode;
use std::time::{Duration, Instant};

#[test]
fn history_rows_cannot_be_updated_or_deleted() {
    let t = app();
    t.app
        .create_department(&t.ctx, &crate::departments::input("Acquisti"))
        .unwrap();
    let raw = t.raw();
    for sql in [
        "UPDATE changes SET actor = 'intruder' WHERE id = 1",
        "DELETE FROM changes WHERE id = 1",
        "DELETE FROM changes",
    ] {
        let e = raw.execute_batch(sql).unwrap_err();
        assert!(
            e.to_string().contains("history is append-only"),
            "{sql}: {e}"
        );
    }
    let actor: String = raw
        .query_row("SELECT actor FROM changes WHERE id = 1", [], |r| r.get(0))
        .unwrap();
    assert_eq!(actor, t.ctx.actor);
    assert!(t.app.verify_history(&t.ctx, &mut |_| true).unwrap().ok);
    // Appending stays possible: the app's own writes go on.
    t.app
        .create_department(&t.ctx, &crate::departments::input("Logistica"))
        .unwrap();
    assert_eq!(t.app.history_status(&t.ctx).unwrap().count, 2);
}

fn wait(
    jobs: &Jobs,
    ctx: &backoffice_core::services::Ctx,
    id: i64,
) -> backoffice_core::jobs::JobStatus {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let s = jobs.status(ctx, id).unwrap();
        if s.finished {
            return s;
        }
        assert!(Instant::now() < deadline, "the job never ended");
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[test]
fn a_panicking_job_ends_as_failed_with_an_internal_error() {
    let jobs = Jobs::default();
    let me = crate::support::admin("a");
    let id = jobs.start(&me, |p| {
        p(1, 2);
        panic!("row 7 broke the reader");
    });
    let s = wait(&jobs, &me, id);
    assert!(s.finished && !s.cancelled);
    let e = s.error.unwrap();
    assert_eq!(e.code, ErrorCode::Internal);
    assert!(
        e.message.contains("row 7 broke the reader"),
        "{}",
        e.message
    );
}

#[test]
fn only_the_person_who_started_a_job_sees_or_cancels_it() {
    let jobs = Jobs::default();
    let me = crate::support::admin("a");
    let other = backoffice_core::services::Ctx::new(2, "b", vec![Role::Admin]);
    let id = jobs.start(&me, |p| {
        while p(0, 1) {
            std::thread::sleep(Duration::from_millis(1));
        }
        Err(backoffice_core::Error::new(ErrorCode::Cancelled, "stopped"))
    });
    assert_eq!(
        jobs.status(&other, id).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert_eq!(
        jobs.cancel(&other, id).unwrap_err().code,
        ErrorCode::NotFound
    );
    assert!(!jobs.status(&me, id).unwrap().finished);
    jobs.cancel(&me, id).unwrap();
    assert!(wait(&jobs, &me, id).cancelled);
}

#[test]
fn history_status_needs_history_read_and_a_refusal_is_recorded() {
    let t = installed();
    let viewer = t.user("vera", &[Role::Viewer]);
    let before = t.app.history_status(&t.admin).unwrap().count;
    let e = t.app.history_status(&viewer).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let after = t.app.history_status(&t.admin).unwrap().count;
    assert_eq!(after, before + 1);
    let (entity, actor, event): (String, String, String) = t
        .raw()
        .query_row(
            "SELECT entity, actor, after ->> '$.event' || '/' || (after ->> '$.area')
             FROM changes WHERE id = ?1",
            [after],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((entity.as_str(), actor.as_str()), ("security", "vera"));
    assert_eq!(event, "denied/history");
}

fn security_events(t: &crate::support::Installed, event: &str) -> i64 {
    t.count(&format!(
        "SELECT count(*) FROM changes WHERE entity = 'security' AND after ->> '$.event' = '{event}'"
    ))
}

#[test]
fn the_unlock_screen_waits_like_sign_in_and_its_failures_are_recorded() {
    let t = installed();
    t.app
        .sign_in("admin", crate::support::ADMIN_PASSWORD)
        .unwrap();
    t.app.sessions().lock();
    for _ in 0..4 {
        assert_eq!(
            t.app.unlock("nope").unwrap_err().code,
            ErrorCode::SignInFailed
        );
    }
    let fifth = t.app.unlock("nope").unwrap_err();
    assert_eq!(
        (fifth.code, fifth.params["seconds"].as_str()),
        (ErrorCode::SignInBlocked, "30")
    );
    // While waiting even the right password is refused, unchecked and not counted.
    t.clock.advance(10);
    let waiting = t.app.unlock(crate::support::ADMIN_PASSWORD).unwrap_err();
    assert_eq!(
        (waiting.code, waiting.params["seconds"].as_str()),
        (ErrorCode::SignInBlocked, "20")
    );
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::SessionLocked);
    assert_eq!(security_events(&t, "unlock_failed"), 5);
    // The same count as the sign-in: the sign-in screen waits too.
    assert_eq!(
        t.app
            .sign_in("admin", crate::support::ADMIN_PASSWORD)
            .unwrap_err()
            .code,
        ErrorCode::SignInBlocked
    );
    t.clock.advance(21);
    t.app.unlock(crate::support::ADMIN_PASSWORD).unwrap();
    assert!(t.app.current().is_ok());
    // A right password clears the count.
    t.app.sessions().lock();
    assert_eq!(
        t.app.unlock("nope").unwrap_err().code,
        ErrorCode::SignInFailed
    );
}

#[test]
fn parallel_wrong_passwords_are_each_counted_and_stop_at_the_wait() {
    let t = installed();
    const N: usize = 8;
    let barrier = std::sync::Barrier::new(N);
    let codes: Vec<ErrorCode> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..N)
            .map(|_| {
                s.spawn(|| {
                    barrier.wait();
                    t.app.sign_in("admin", "wrong-password").unwrap_err().code
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    // Four free failures, the fifth starts the wait, the other three are refused unchecked.
    let failed = codes
        .iter()
        .filter(|c| **c == ErrorCode::SignInFailed)
        .count();
    assert_eq!((failed, codes.len() - failed), (4, 4), "{codes:?}");
    let counted = t
        .app
        .store()
        .read(|c| backoffice_core::store::throttle::failures(c, "admin"))
        .unwrap();
    assert_eq!(counted, 5);
    assert_eq!(security_events(&t, "sign_in_failed"), 5);
}

#[test]
fn a_long_typed_username_is_not_recorded_verbatim() {
    let t = installed();
    let typed = format!("{}-tail", "x".repeat(500));
    assert_eq!(
        t.app.sign_in(&typed, "whatever").unwrap_err().code,
        ErrorCode::SignInFailed
    );
    let kept = backoffice_core::domain::lockout::recorded_name(&typed);
    assert_eq!(kept.chars().count(), 64 + 1 + 8);
    let raw = t.raw();
    let (actor, name): (String, String) = raw
        .query_row(
            "SELECT actor, after ->> '$.username' FROM changes
             WHERE after ->> '$.event' = 'sign_in_failed'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        (actor.as_str(), name.as_str()),
        (kept.as_str(), kept.as_str())
    );
    let throttled: Vec<String> = raw
        .prepare("SELECT username FROM sign_in_throttle")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(throttled, vec![kept.clone()]);
    let verbatim = t.count(&format!(
        "SELECT count(*) FROM changes WHERE instr(actor || coalesce(after, ''), '{}') > 0",
        "x".repeat(65)
    ));
    assert_eq!(verbatim, 0);
    // The same long name is still throttled as one name.
    for _ in 0..4 {
        t.app.sign_in(&typed, "whatever").unwrap_err();
    }
    assert_eq!(
        t.app.sign_in(&typed, "whatever").unwrap_err().code,
        ErrorCode::SignInBlocked
    );
}

#[cfg(unix)]
fn mode(p: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn the_data_folder_the_database_and_stored_documents_are_private() {
    use std::os::unix::fs::PermissionsExt;
    let t = crate::staff::staff_app();
    let dir = t._dir.path();
    let d = attach(&t.app, &t.ctx);
    let stored = t.app.blobs().path(&d.sha256).unwrap();
    let db = t.app.store().path().to_owned();
    let wal = db.with_extension("sqlite3-wal");
    for (p, want) in [
        (dir.to_owned(), 0o700),
        (dir.join("files"), 0o700),
        (stored.parent().unwrap().to_owned(), 0o700),
        (stored.clone(), 0o600),
        (db.clone(), 0o600),
        (wal.clone(), 0o600),
    ] {
        assert_eq!(mode(&p), want, "{}", p.display());
    }
    // A data folder left open by an older version is closed again at the next start.
    drop(t.app);
    for (p, m) in [
        (dir, 0o755),
        (&dir.join("files"), 0o755),
        (&stored, 0o644),
        (&db, 0o644),
    ] {
        std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
    }
    let app =
        backoffice_core::services::Backoffice::open(dir, crate::support::stepping_clock()).unwrap();
    for (p, want) in [
        (dir, 0o700),
        (&dir.join("files"), 0o700),
        (&stored, 0o600),
        (&db, 0o600),
    ] {
        assert_eq!(mode(p), want, "{}", p.display());
    }
    drop(app);
}

/// A PDF attached to a new employee, by `ctx`.
fn attach(
    app: &backoffice_core::services::Backoffice,
    ctx: &backoffice_core::services::Ctx,
) -> backoffice_core::domain::attachment::Attachment {
    let src = tempfile::tempdir().unwrap();
    let doc = src.path().join("Contratto, Rossi & figli.pdf");
    std::fs::write(&doc, b"%PDF-1.4 private").unwrap();
    let e = app
        .create_employee(ctx, &crate::staff::mario())
        .unwrap()
        .employee;
    let input = backoffice_core::domain::attachment::AttachmentInput {
        type_id: Some(crate::staff::document_type(app, ctx, "contract")),
        title: None,
        issued_on: None,
        expires_on: None,
    };
    app.attach(ctx, "employees", e.id, &input, &doc).unwrap()
}

fn copies(t: &crate::support::Installed) -> usize {
    std::fs::read_dir(t.app.viewer().dir()).map_or(0, |d| d.count())
}

#[cfg(unix)]
#[test]
fn viewer_copies_are_private_and_go_at_lock_idle_lock_and_sign_out() {
    let t = installed();
    t.app
        .sign_in("admin", crate::support::ADMIN_PASSWORD)
        .unwrap();
    let d = attach(&t.app, &t.admin);
    let copy = t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    assert_eq!(std::fs::read(&copy).unwrap(), b"%PDF-1.4 private");
    assert_eq!(copy.file_name().unwrap(), "Contratto, Rossi & figli.pdf");
    let folder = copy.parent().unwrap();
    let dir = t.app.viewer().dir();
    assert!(folder.starts_with(dir));
    for (p, want) in [
        (dir.parent().unwrap(), 0o700),
        (dir, 0o700),
        (folder, 0o700),
        (&copy, 0o600),
    ] {
        assert_eq!(mode(p), want, "{}", p.display());
    }
    // Opening it twice makes two copies, neither overwriting the other.
    let again = t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    assert_ne!(again, copy);
    assert_eq!(copies(&t), 2);
    t.app.lock();
    assert_eq!(copies(&t), 0);
    t.app.unlock(crate::support::ADMIN_PASSWORD).unwrap();
    t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    // The lock Rust applies by itself to an idle session.
    t.clock.advance(16 * 60);
    assert_eq!(t.app.current().unwrap_err().code, ErrorCode::SessionLocked);
    assert_eq!(copies(&t), 0);
    t.app.unlock(crate::support::ADMIN_PASSWORD).unwrap();
    t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    t.app.sign_out().unwrap();
    assert_eq!(copies(&t), 0);
}

#[cfg(unix)]
#[test]
fn a_planted_viewer_folder_is_refused_or_tightened() {
    use std::os::unix::fs::PermissionsExt;
    let t = installed();
    let d = attach(&t.app, &t.admin);
    let dir = t.app.viewer().dir().to_owned();
    std::fs::create_dir_all(dir.parent().unwrap()).unwrap();
    // A link to somewhere else, put where the copies go: refused, nothing written there.
    let elsewhere = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink(elsewhere.path(), &dir).unwrap();
    let e = t.app.open_attachment_copy(&t.admin, d.id).unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    assert_eq!(std::fs::read_dir(elsewhere.path()).unwrap().count(), 0);
    std::fs::remove_file(&dir).unwrap();
    // A folder of ours left open to others: closed before use.
    std::fs::create_dir(&dir).unwrap();
    std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o777)).unwrap();
    t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    assert_eq!(mode(&dir), 0o700);
    t.app.viewer().clear().unwrap();
}

#[test]
fn copies_left_by_a_crash_are_removed_at_the_next_start() {
    let t = installed();
    let d = attach(&t.app, &t.admin);
    let copy = t.app.open_attachment_copy(&t.admin, d.id).unwrap();
    assert!(copy.exists());
    // No sign-out, no exit hook: as if the process had been killed.
    let crate::support::Installed { _dir, app, .. } = t;
    drop(app);
    assert!(copy.exists());
    let again =
        backoffice_core::services::Backoffice::open(_dir.path(), crate::support::stepping_clock())
            .unwrap();
    assert!(!copy.exists());
    assert_eq!(std::fs::read_dir(again.viewer().dir()).unwrap().count(), 0);
}
