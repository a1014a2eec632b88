//! Exported history heads and CSV export.

use crate::support::installed;
use backoffice_core::domain::history::{HistoryQuery, ProblemKind};
use backoffice_core::store::history::{hash, ChangeFields, GENESIS};
use backoffice_core::ErrorCode;

/// id, actor, at, entity, row_id, op, before, after
type Row = (
    i64,
    String,
    String,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
);

/// Recomputes every hash after tampering, as someone covering their tracks would.
fn rebuild_chain(conn: &rusqlite::Connection) {
    let rows: Vec<Row> = conn
        .prepare("SELECT id, actor, at, entity, row_id, op, before, after FROM changes ORDER BY id")
        .unwrap()
        .query_map([], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
                r.get(6)?,
                r.get(7)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut prev = GENESIS.to_owned();
    for (n, (id, actor, at, entity, row_id, op, before, after)) in rows.into_iter().enumerate() {
        let new_id = n as i64 + 1;
        let h = hash(&ChangeFields {
            id: new_id,
            actor: &actor,
            at: &at,
            entity: &entity,
            row_id,
            op: &op,
            before: before.as_deref(),
            after: after.as_deref(),
            detail: None,
            prev_hash: &prev,
        });
        conn.execute(
            "UPDATE changes SET id = ?1, prev_hash = ?2, hash = ?3 WHERE id = ?4",
            rusqlite::params![new_id, prev, h, id],
        )
        .unwrap();
        prev = h;
    }
}

#[test]
fn a_rebuilt_history_passes_alone_but_fails_against_the_exported_head() {
    let t = installed();
    for name in ["Acquisti", "Logistica", "Qualità"] {
        t.app
            .create_department(&t.admin, &crate::departments::input(name))
            .unwrap();
    }
    let dir = tempfile::tempdir().unwrap();
    let head_file = dir.path().join("head.json");
    let head = t.app.export_history_head(&t.admin, &head_file).unwrap();
    assert_eq!(head.count, t.app.history_status(&t.admin).unwrap().count);
    let ok = t
        .app
        .verify_history_against(&t.admin, &head_file, &mut |_| true)
        .unwrap();
    assert!(ok.ok, "{ok:?}");
    assert_eq!(ok.against.as_ref().unwrap().head_hash, head.head_hash);
    // More work after the export is fine: the head is still in the chain.
    t.app
        .create_department(&t.admin, &crate::departments::input("Magazzino"))
        .unwrap();
    assert!(
        t.app
            .verify_history_against(&t.admin, &head_file, &mut |_| true)
            .unwrap()
            .ok
    );

    // Erase the creation of "Logistica" (its change and its row) and rebuild the chain.
    let raw = t.tamper();
    raw.execute_batch(
        "DELETE FROM departments WHERE name = 'Logistica';
         DELETE FROM changes WHERE entity = 'departments' AND after LIKE '%Logistica%';",
    )
    .unwrap();
    rebuild_chain(&raw);
    assert!(
        t.app.verify_history(&t.admin, &mut |_| true).unwrap().ok,
        "rebuilt chain is self-consistent"
    );
    let r = t
        .app
        .verify_history_against(&t.admin, &head_file, &mut |_| true)
        .unwrap();
    assert!(!r.ok);
    assert_eq!(r.problem.unwrap().kind, ProblemKind::HeadMismatch);
}

#[test]
fn a_truncated_history_fails_against_the_exported_head() {
    let t = installed();
    t.app
        .create_department(&t.admin, &crate::departments::input("Acquisti"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let head_file = dir.path().join("head.json");
    let head = t.app.export_history_head(&t.admin, &head_file).unwrap();
    t.tamper()
        .execute_batch(&format!(
            "DELETE FROM changes WHERE id = {}; DELETE FROM departments;",
            head.count
        ))
        .unwrap();
    let r = t
        .app
        .verify_history_against(&t.admin, &head_file, &mut |_| true)
        .unwrap();
    // The chain left is whole, so only the head shows the cut: at the first change missing.
    assert!(!r.ok);
    let p = r.problem.unwrap();
    assert_eq!((p.kind, p.change_id), (ProblemKind::Gap, Some(head.count)));
}

#[test]
fn a_file_that_is_not_a_head_is_refused() {
    let t = installed();
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("x.json");
    std::fs::write(&f, "{\"hello\": 1}").unwrap();
    let e = t
        .app
        .verify_history_against(&t.admin, &f, &mut |_| true)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadFile);
}

#[test]
fn csv_export_follows_the_filter_and_hides_password_hashes() {
    let t = installed();
    t.app
        .create_department(&t.admin, &crate::departments::input("Acquisti"))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let all = dir.path().join("all.csv");
    let n = t
        .app
        .export_history_csv(&t.admin, &HistoryQuery::default(), &all, "it")
        .unwrap();
    assert_eq!(n as i64, t.app.history_status(&t.admin).unwrap().count);
    let text = std::fs::read_to_string(&all).unwrap();
    assert!(text.starts_with("\u{feff}id;at_utc;actor;entity;row_id;op;before;after;hash"));
    assert!(!text.contains("$argon2id$"));
    assert!(text.contains("Acquisti"));
    let only = dir.path().join("departments.csv");
    let q = HistoryQuery {
        entity: Some("departments".into()),
        ..Default::default()
    };
    assert_eq!(
        t.app.export_history_csv(&t.admin, &q, &only, "en").unwrap(),
        1
    );
    let text = std::fs::read_to_string(&only).unwrap();
    assert!(text.starts_with("\u{feff}id,at_utc,actor"));
    assert_eq!(text.lines().count(), 2);
}
