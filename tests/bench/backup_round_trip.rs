//! A backup's round trip at a real size: a generated company (2,500 employees, 20,000 records,
//! their documents and history) is backed up, restored into a new installation, and holds the
//! same rows in every table and the same documents, its history verifies, and the chain reaches
//! the head the manifest recorded (the restore's own event follows it). Then the same encrypted.

use backoffice_bench::generate::{generate, Options};
use backoffice_core::backup::rotation::Retention;
use backoffice_core::crypt::unlock::{unlock, Secret};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::{system_clock, tracked::row_counts};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::path::Path;

const PASSPHRASE: &str = "round trip passphrase";

fn ctx() -> Ctx {
    Ctx::new(1, "admin", vec![Role::Admin])
}

/// The names of the stored documents in a data folder.
fn documents(data: &Path) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for dir in std::fs::read_dir(data.join("files")).unwrap().flatten() {
        let prefix = dir.file_name().to_string_lossy().into_owned();
        if prefix.len() != 2 {
            continue;
        }
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            out.insert(format!("{prefix}{}", f.file_name().to_string_lossy()));
        }
    }
    out
}

/// Opens a data folder the way the app starts: what the last run staged first, then the key.
fn start(data: &Path, passphrase: Option<&str>) -> Backoffice {
    Backoffice::finish_pending(data).unwrap();
    let key = passphrase.map(|p| unlock(data, Secret::Passphrase(p), chrono::Utc::now()).unwrap());
    Backoffice::open_with_key(data, system_clock(), key).unwrap()
}

fn round_trip(encrypted: bool) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(
        &Options {
            employees: 2_500,
            records: 20_000,
            seed: 11,
            data_dir: data.clone(),
            as_of: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            orders: 0,
        },
        &mut |_| {},
    )
    .unwrap();
    let passphrase = encrypted.then_some(PASSPHRASE);
    let app = start(&data, None);
    if encrypted {
        app.encrypt(&ctx(), PASSPHRASE, &mut |_, _| true).unwrap();
        drop(app);
        let app = start(&data, passphrase);
        app.seal_documents(&mut |_, _| true).unwrap();
    } else {
        drop(app);
    }
    let app = start(&data, passphrase);
    let folder = dir.path().join("backups");
    let made = app
        .back_up(&ctx(), &folder, Retention::default(), &mut |_, _| true)
        .unwrap();
    let m = &made.manifest;
    assert!(m.history_verified);
    assert_eq!(m.counts["employees"], 2_500);
    let live_counts = app.store().read(row_counts).unwrap();
    let live_docs = documents(&data);
    assert!(live_docs.len() > 3, "{live_docs:?}");
    drop(app);

    // A new installation, nothing in it yet, restores the set.
    let fresh_data = dir.path().join("new-computer");
    let fresh = Backoffice::open(&fresh_data, system_clock()).unwrap();
    let secret = passphrase.map(Secret::Passphrase);
    fresh
        .stage_restore_unlocking(&ctx(), &folder, &made.name, secret, &mut |_, _| true)
        .unwrap();
    drop(fresh);
    let restored = start(&fresh_data, passphrase);
    let counts = restored.store().read(row_counts).unwrap();
    for (table, n) in &m.counts {
        assert_eq!(counts.get(table), Some(n), "{table}");
    }
    // The backup's own event came after the copy: the live data had it, the copy not.
    assert_eq!(counts["employees"], live_counts["employees"]);
    assert!(live_docs.is_subset(&documents(&fresh_data)));
    let report = restored.verify_history(&ctx(), &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    let at_backup: String = restored
        .store()
        .read(|c| {
            Ok(c.query_row(
                "SELECT hash FROM changes ORDER BY id LIMIT 1 OFFSET ?1",
                [m.history_count - 1],
                |r| r.get(0),
            )?)
        })
        .unwrap();
    assert_eq!(Some(at_backup), m.history_head);
    // Every document reads back whole (sealed ones open with the restored key).
    let blobs = restored.blobs();
    for sha in documents(&fresh_data) {
        blobs.read(&sha).unwrap();
    }
}

#[test]
fn a_generated_company_backs_up_and_restores_into_a_new_installation_unchanged() {
    round_trip(false);
}

#[test]
fn the_same_encrypted() {
    round_trip(true);
}
