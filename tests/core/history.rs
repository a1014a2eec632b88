use crate::departments::input;
use crate::support::{app, TestApp};
use backoffice_core::domain::history::{ChangeOp, HistoryQuery, ProblemKind};
use backoffice_core::domain::page::PageRequest;
use backoffice_core::store::departments;
use backoffice_core::{Error, ErrorCode};

fn verify(t: &TestApp) -> backoffice_core::domain::history::VerifyReport {
    t.app.verify_history(&t.ctx, &mut |_| true).unwrap()
}

fn all(entity: Option<&str>) -> HistoryQuery {
    HistoryQuery {
        entity: entity.map(str::to_owned),
        row_id: None,
        actor: None,
        from: None,
        until: None,
        page: PageRequest {
            offset: 0,
            limit: 100,
        },
    }
}

/// Three departments, one renamed, one deactivated: six changes.
fn sample() -> TestApp {
    let t = app();
    let a = t.app.create_department(&t.ctx, &input("Acquisti")).unwrap();
    let b = t
        .app
        .create_department(&t.ctx, &input("Logistica"))
        .unwrap();
    t.app.create_department(&t.ctx, &input("Qualità")).unwrap();
    t.app
        .update_department(&t.ctx, a.id, a.version, &input("Ufficio Acquisti"))
        .unwrap();
    t.app
        .set_department_active(&t.ctx, b.id, b.version, false)
        .unwrap();
    t.app.set_language(&t.ctx, "it").unwrap();
    t
}

#[test]
fn each_change_records_actor_time_and_before_after() {
    let t = sample();
    let page = t.app.history(&t.ctx, &all(Some("departments"))).unwrap();
    assert_eq!(page.total, 5);
    let rename = &page.items[1];
    assert_eq!(rename.op, ChangeOp::Update);
    assert_eq!(rename.actor, "mrossi");
    assert_eq!(rename.before.as_ref().unwrap()["name"], "Acquisti");
    assert_eq!(rename.after.as_ref().unwrap()["name"], "Ufficio Acquisti");
    let created = &page.items[4];
    assert_eq!(created.op, ChangeOp::Insert);
    assert!(created.before.is_none());
    // The history time is the transaction's time, which is also the row's updated_at.
    let d = t
        .app
        .department(&t.ctx, rename.row_id.parse().unwrap())
        .unwrap();
    assert_eq!(d.updated_at, rename.at);
    let status = t.app.history_status(&t.ctx).unwrap();
    assert_eq!(status.count, 6);
    assert_eq!(
        status.head_hash.as_deref(),
        Some(
            t.app.history(&t.ctx, &all(None)).unwrap().items[0]
                .hash
                .as_str()
        )
    );
}

#[test]
fn history_filters_by_record_and_actor() {
    let t = sample();
    let mut q = all(Some("departments"));
    q.row_id = Some("1".into());
    assert_eq!(t.app.history(&t.ctx, &q).unwrap().total, 2);
    q.actor = Some("someone-else".into());
    assert_eq!(t.app.history(&t.ctx, &q).unwrap().total, 0);
    q.row_id = Some("abc".into());
    assert_eq!(
        t.app.history(&t.ctx, &q).unwrap_err().code,
        ErrorCode::Validation
    );
}

#[test]
fn a_failed_write_rolls_back_data_and_history_together() {
    let t = sample();
    let (rows, changes) = (t.count("departments"), t.count("changes"));
    let valid = input("Magazzino").validate().unwrap();
    let r: Result<(), Error> = t.app.store().write("mrossi", |w| {
        departments::insert(w, &valid)?;
        Err(Error::internal("boom after the insert"))
    });
    assert!(r.is_err());
    assert_eq!(t.count("departments"), rows);
    assert_eq!(t.count("changes"), changes);
    assert!(verify(&t).ok);
}

#[test]
fn verify_passes_on_untouched_history() {
    let t = sample();
    let r = verify(&t);
    assert!(r.ok, "{r:?}");
    assert_eq!(r.changes_checked, 6);
    assert_eq!(r.rows_checked, 4);
    assert_eq!(r.head_hash, t.app.history_status(&t.ctx).unwrap().head_hash);
    let empty = app();
    assert!(verify(&empty).ok);
}

fn tampered(sql: &str) -> backoffice_core::domain::history::VerifyProblem {
    let t = sample();
    t.tamper().execute_batch(sql).unwrap();
    let r = verify(&t);
    assert!(!r.ok, "not detected: {sql}");
    r.problem.unwrap()
}

#[test]
fn editing_a_change_is_detected() {
    let p =
        tampered("UPDATE changes SET after = replace(after, 'Ufficio', 'Reparto') WHERE id = 4");
    assert_eq!((p.kind, p.change_id), (ProblemKind::HashMismatch, Some(4)));
    let p = tampered("UPDATE changes SET actor = 'intruder' WHERE id = 2");
    assert_eq!((p.kind, p.change_id), (ProblemKind::HashMismatch, Some(2)));
    let p = tampered("UPDATE changes SET at = '2020-01-01T00:00:00.000Z' WHERE id = 6");
    assert_eq!((p.kind, p.change_id), (ProblemKind::HashMismatch, Some(6)));
}

#[test]
fn deleting_a_change_is_detected() {
    let p = tampered("DELETE FROM changes WHERE id = 3");
    assert_eq!((p.kind, p.change_id), (ProblemKind::Gap, Some(4)));
    let p = tampered("DELETE FROM changes WHERE id = 1");
    assert_eq!((p.kind, p.change_id), (ProblemKind::Gap, Some(2)));
}

#[test]
fn reordering_changes_is_detected() {
    let p = tampered(
        "UPDATE changes SET id = -2 WHERE id = 2; UPDATE changes SET id = 2 WHERE id = 3;
         UPDATE changes SET id = 3 WHERE id = -2;",
    );
    assert_eq!((p.kind, p.change_id), (ProblemKind::BrokenLink, Some(2)));
}

#[test]
fn a_relinked_change_with_a_forged_hash_still_breaks_the_next_link() {
    // Rewriting one change and its own hash leaves the next change pointing at the old hash.
    let p = tampered(
        "UPDATE changes SET actor = 'intruder', hash = 'ff' || substr(hash, 3) WHERE id = 5",
    );
    assert_eq!(p.change_id, Some(5));
}

#[test]
fn editing_inserting_or_deleting_data_rows_by_hand_is_detected() {
    let p = tampered("UPDATE departments SET name = 'Hacked' WHERE id = 3");
    assert_eq!(
        (p.kind, p.entity.as_deref(), p.row_id.as_deref()),
        (ProblemKind::RowModified, Some("departments"), Some("3"))
    );
    let p = tampered("UPDATE departments SET active = 1 WHERE id = 2");
    assert_eq!(
        (p.kind, p.row_id.as_deref()),
        (ProblemKind::RowModified, Some("2"))
    );
    let p = tampered(
        "INSERT INTO departments (name, name_key, active, version, created_at, updated_at)
         VALUES ('Ghost', 'ghost', 1, 1, 'x', 'x')",
    );
    assert_eq!(
        (p.kind, p.row_id.as_deref()),
        (ProblemKind::RowWithoutHistory, Some("4"))
    );
    let p = tampered("DELETE FROM departments WHERE id = 1");
    assert_eq!(
        (p.kind, p.row_id.as_deref()),
        (ProblemKind::RowMissing, Some("1"))
    );
    let p = tampered("UPDATE preferences SET value = 'en'");
    assert_eq!(
        (p.kind, p.entity.as_deref()),
        (ProblemKind::RowModified, Some("preferences"))
    );
}
