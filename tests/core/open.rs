use crate::support::stepping_clock;
use backoffice_core::services::Backoffice;
use backoffice_core::store::{migrations, Store, DB_FILE_NAME};
use backoffice_core::ErrorCode;
use rusqlite::Connection;

fn file_bytes(p: &std::path::Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn migrations_apply_to_an_empty_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    std::fs::write(&path, b"").unwrap();
    let store = Store::open(&path, stepping_clock()).unwrap();
    drop(store);
    let c = Connection::open(&path).unwrap();
    let ver: i64 = c
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    let app: i32 = c
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    let mode: String = c
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(ver, migrations::LATEST);
    assert_eq!(app, migrations::APPLICATION_ID);
    assert_eq!(mode, "wal");
    let page_size: i64 = c
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    assert_eq!(page_size, 16384, "a new file's pages");
    for t in ["organisation", "departments", "preferences", "changes"] {
        let n: i64 = c
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE type='table' AND name=?1",
                [t],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 1, "table {t}");
    }
}

#[test]
fn reopening_keeps_data_and_does_not_migrate_twice() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = crate::support::admin("a");
    {
        let app = Backoffice::open(dir.path(), stepping_clock()).unwrap();
        app.create_department(&ctx, &crate::departments::input("Acquisti"))
            .unwrap();
    }
    let app = Backoffice::open(dir.path(), stepping_clock()).unwrap();
    assert_eq!(app.history_status(&ctx).unwrap().count, 1);
    let foreign_keys: bool = app
        .store()
        .read(|c| Ok(c.pragma_query_value(None, "foreign_keys", |r| r.get(0))?))
        .unwrap();
    assert!(foreign_keys);
}

#[test]
fn a_foreign_sqlite_file_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER); INSERT INTO invoices VALUES (1, 100);")
            .unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path, stepping_clock()).err().unwrap();
    assert_eq!(err.code, ErrorCode::DbForeign);
    assert_eq!(file_bytes(&path), before);
    assert!(!dir.path().join(format!("{DB_FILE_NAME}-wal")).exists());
}

#[test]
fn a_newer_database_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    drop(Store::open(&path, stepping_clock()).unwrap());
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", migrations::LATEST + 1)
            .unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = file_bytes(&path);
    let err = Store::open(&path, stepping_clock()).err().unwrap();
    assert_eq!(err.code, ErrorCode::DbNewer);
    assert_eq!(file_bytes(&path), before);
}

#[test]
fn a_file_that_is_not_a_database_is_reported_corrupt_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(DB_FILE_NAME);
    let junk: Vec<u8> = (0..8192u32).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(&path, &junk).unwrap();
    let err = Store::open(&path, stepping_clock()).err().unwrap();
    assert_eq!(err.code, ErrorCode::DbCorrupt);
    assert_eq!(file_bytes(&path), junk);
}

#[test]
fn damaged_pages_are_found_by_the_integrity_check_and_block_writes() {
    let dir = tempfile::tempdir().unwrap();
    let ctx = crate::support::admin("a");
    let path = dir.path().join(DB_FILE_NAME);
    {
        let app = Backoffice::open(dir.path(), stepping_clock()).unwrap();
        for i in 0..300 {
            app.create_department(&ctx, &crate::departments::input(&format!("Reparto {i}")))
                .unwrap();
        }
        app.store()
            .read(|c| Ok(c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?))
            .unwrap();
    }
    // Overwrite a page in the middle of the file, leaving the header intact. The page size is
    // in the header (bytes 16–17).
    let mut bytes = file_bytes(&path);
    let page = u16::from_be_bytes([bytes[16], bytes[17]]) as usize;
    let middle = bytes.len() / page / 2;
    assert!(middle >= 2, "{} pages", bytes.len() / page);
    for b in &mut bytes[page * middle..page * (middle + 1)] {
        *b = 0xA5;
    }
    std::fs::write(&path, &bytes).unwrap();
    let app = Backoffice::open(dir.path(), stepping_clock()).unwrap();
    assert_eq!(
        app.store().check_integrity(),
        backoffice_core::store::Integrity::Damaged
    );
    let err = app
        .create_department(&ctx, &crate::departments::input("Nuovo"))
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::DbCorrupt);
}
