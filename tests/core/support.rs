use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::Clock;
use chrono::{DateTime, Duration, TimeZone, Utc};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// A clock that advances one second per reading, so every change has a distinct time.
pub fn stepping_clock() -> Clock {
    let start: DateTime<Utc> = Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap();
    let n = Arc::new(AtomicI64::new(0));
    Arc::new(move || start + Duration::seconds(n.fetch_add(1, Ordering::Relaxed)))
}

pub struct TestApp {
    pub _dir: tempfile::TempDir,
    pub app: Backoffice,
    pub ctx: Ctx,
}

pub fn app() -> TestApp {
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(dir.path(), stepping_clock()).unwrap();
    TestApp {
        _dir: dir,
        app,
        ctx: Ctx::new("mrossi"),
    }
}

impl TestApp {
    /// A second, plain connection to the same file: what someone editing the file by hand has.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.app.store().path()).unwrap()
    }

    pub fn count(&self, table: &str) -> i64 {
        self.raw()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }
}
