//! Migration 13 (attachments) on a data folder made by schema 11 (`fixtures/schema11`, written
//! by the release before attachments with the generator of commit 1859b90; migration 12, the
//! private e-mail, runs on the way): employees' documents become attachments with their ids, their history stays verifiable and readable, a document edited by
//! hand before the upgrade is still caught, and scores, search, the files and the ZIP carry on.

use crate::support::{admin, stepping_clock};
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::history::{HistoryQuery, ProblemKind};
use backoffice_core::services::Backoffice;
use backoffice_core::store::history::{self, hash_of};
use backoffice_core::store::migrations::LATEST;
use backoffice_core::store::reshape::SYSTEM_ACTOR;
use rusqlite::Connection;
use std::path::Path;

/// The schema version that moved documents into attachments.
const ATTACHMENTS_VERSION: i64 = 13;

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/core/fixtures/schema11"
);

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A copy of the schema 11 folder, and its history head (the proof someone saved before the
/// upgrade).
fn schema11() -> (tempfile::TempDir, (i64, String)) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(FIXTURE), dir.path());
    let c = Connection::open(dir.path().join("backoffice.sqlite3")).unwrap();
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, 11);
    let status = history::status(&c).unwrap();
    (dir, (status.count, status.head_hash.unwrap()))
}

fn open(dir: &Path) -> Backoffice {
    Backoffice::open(dir, stepping_clock()).unwrap()
}

fn raw(app: &Backoffice) -> Connection {
    Connection::open(app.store().path()).unwrap()
}

/// Each employee's cached score and next expiry.
fn scores(c: &Connection) -> Vec<(i64, i64, String)> {
    c.prepare("SELECT id, completeness, coalesce(next_expiry, '') FROM employees ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn documents_become_attachments_with_their_history_intact() {
    let (dir, (count, head)) = schema11();
    let before = scores(&Connection::open(dir.path().join("backoffice.sqlite3")).unwrap());
    let app = open(dir.path());
    let ctx = admin("mrossi");
    let c = raw(&app);
    let version: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, LATEST);

    // Verify is green, and the proof saved before the upgrade still holds.
    let report = app.verify_history(&ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    assert_eq!(hash_of(&c, count).unwrap(), Some(head));

    // The rows moved with their ids and owners; the old table and its index are gone.
    let moved: Vec<(i64, String, i64, Option<i64>)> = c
        .prepare("SELECT id, entity, record_id, superseded_by FROM attachments ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let e = |id, record, sup| (id, "employees".to_owned(), record, sup);
    assert_eq!(
        moved,
        [
            e(1, 1, Some(2)),
            e(2, 1, None),
            e(3, 1, None),
            e(4, 1, None),
            e(5, 2, None)
        ]
    );
    let gone: i64 = c
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('documents', 'documents_fts')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(gone, 0);
    let certificate: i64 = c
        .query_row(
            "SELECT certificate_document_id FROM training_records",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(certificate, 4);

    // One upgrade entry per moved row, by the system, saying where it came from.
    let entries: Vec<(i64, String, String)> = c
        .prepare(
            "SELECT row_id, actor, detail FROM changes
             WHERE entity = 'attachments' AND detail IS NOT NULL ORDER BY row_id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        entries.iter().map(|e| e.0).collect::<Vec<_>>(),
        [1, 2, 3, 4, 5]
    );
    for (_, actor, detail) in &entries {
        assert_eq!(actor, SYSTEM_ACTOR);
        let d: serde_json::Value = serde_json::from_str(detail).unwrap();
        assert_eq!(d["kind"], "schema_upgrade");
        assert_eq!(d["version"], ATTACHMENTS_VERSION);
        assert_eq!(d["moved_from"], "documents");
        assert_eq!(d["added"], serde_json::json!(["entity"]));
        assert_eq!(
            d["renamed"],
            serde_json::json!([["employee_id", "record_id"]])
        );
        assert_eq!(d["removed"], serde_json::json!([]));
    }

    // A moved document's history is still shown whole: its life as a document, then the move.
    let page = app
        .history(
            &ctx,
            &HistoryQuery {
                entity: Some("attachments".into()),
                row_id: Some("3".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let ops: Vec<(&str, &str)> = page
        .items
        .iter()
        .rev()
        .map(|c| (c.entity.as_str(), c.op.as_str()))
        .collect();
    assert_eq!(
        ops,
        [
            ("documents", "insert"),
            ("documents", "update"),
            ("documents", "read"),
            ("attachments", "update")
        ]
    );
    assert_eq!(page.labels["documents:3"].it, "Contratto di assunzione");
    assert_eq!(
        page.labels["attachments:3"].it,
        "Contratto di assunzione · Rossi Mario"
    );
    // On the History screen, the old entries are named from what they were.
    let all = app.history(&ctx, &HistoryQuery::default()).unwrap();
    assert!(all.items.iter().any(|c| c.entity == "documents"));
    assert_eq!(
        all.labels["documents:6"].it, "Sbagliato",
        "a deleted one too"
    );

    // Scores are what they were; the files open with their bytes; search finds them.
    assert_eq!(scores(&c), before);
    let file = app.employee(&ctx, 1).unwrap();
    assert_eq!(file.documents.len(), 4);
    assert_eq!(file.employee.completeness, before[0].1);
    let opened = app.open_attachment_copy(&ctx, 2).unwrap();
    assert_eq!(
        std::fs::read(opened).unwrap(),
        b"%PDF-1.4 carta d'identita 2026"
    );
    let hits = app
        .global_search(
            &ctx,
            &backoffice_core::domain::search::GlobalSearchQuery {
                text: "assunzione".into(),
                limit: 10,
            },
        )
        .unwrap()
        .hits;
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), [3]);

    // The ZIP's history has each document's whole life.
    let zip = dir.path().join("fascicolo.zip");
    app.export_employee_zip(&ctx, 1, &zip, "it").unwrap();
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&zip).unwrap()).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut archive.by_name("history.json").unwrap(), &mut text)
        .unwrap();
    let history: serde_json::Value = serde_json::from_str(&text).unwrap();
    let of_three: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["row_id"] == "3" && c["entity"] != "employees")
        .map(|c| c["entity"].as_str().unwrap())
        .collect();
    assert_eq!(
        of_three,
        ["documents", "documents", "documents", "attachments"]
    );

    // An id once used is never given to another file: 6 was deleted before the move.
    let plan = dir.path().join("nuovo.pdf");
    std::fs::write(&plan, b"%PDF-1.4 nuovo").unwrap();
    let contract: i64 = c
        .query_row(
            "SELECT id FROM document_types WHERE code = 'contract'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let new = app
        .attach(
            &ctx,
            "employees",
            2,
            &AttachmentInput {
                type_id: Some(contract),
                ..Default::default()
            },
            &plan,
        )
        .unwrap();
    assert_eq!(new.id, 7);
    let report = app.verify_history(&ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);

    // A moved row edited by hand after the upgrade is caught.
    c.execute("UPDATE attachments SET title = 'Altro' WHERE id = 5", [])
        .unwrap();
    let problem = app
        .verify_history(&ctx, &mut |_| true)
        .unwrap()
        .problem
        .unwrap();
    assert_eq!(
        (
            problem.kind,
            problem.entity.as_deref(),
            problem.row_id.as_deref()
        ),
        (ProblemKind::RowModified, Some("attachments"), Some("5"))
    );
}

#[test]
fn a_document_edited_by_hand_before_the_upgrade_is_not_laundered_by_it() {
    let (dir, _) = schema11();
    {
        let c = Connection::open(dir.path().join("backoffice.sqlite3")).unwrap();
        c.execute(
            "UPDATE documents SET expires_on = '2099-12-31' WHERE id = 4",
            [],
        )
        .unwrap();
    }
    let app = open(dir.path());
    let report = app.verify_history(&admin("mrossi"), &mut |_| true).unwrap();
    let problem = report.problem.unwrap();
    assert_eq!(
        (
            problem.kind,
            problem.entity.as_deref(),
            problem.row_id.as_deref()
        ),
        (ProblemKind::RowModified, Some("attachments"), Some("4"))
    );
    let explained: i64 = raw(&app)
        .query_row(
            "SELECT count(*) FROM changes WHERE entity = 'attachments' AND row_id = 4",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(explained, 0, "no upgrade entry for the edited row");
}

#[test]
fn a_document_added_by_hand_before_the_upgrade_stays_without_history() {
    let (dir, _) = schema11();
    {
        let c = Connection::open(dir.path().join("backoffice.sqlite3")).unwrap();
        c.execute(
            "INSERT INTO documents (id, employee_id, type_id, title, file_name, mime, size, sha256,
                                    uploaded_at, uploaded_by, version, updated_at)
             SELECT 40, employee_id, type_id, 'Infilato', file_name, mime, size, sha256,
                    uploaded_at, uploaded_by, 1, updated_at FROM documents WHERE id = 5",
            [],
        )
        .unwrap();
    }
    let app = open(dir.path());
    let problem = app
        .verify_history(&admin("mrossi"), &mut |_| true)
        .unwrap()
        .problem
        .unwrap();
    assert_eq!(
        (problem.kind, problem.row_id.as_deref()),
        (ProblemKind::RowWithoutHistory, Some("40"))
    );
}
