use backoffice_core::domain::permissions::Role;
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
        ctx: Ctx::new(1, "mrossi", vec![Role::Admin]),
    }
}

/// Removes the triggers that keep history append-only, as someone editing the file by hand
/// would do before rewriting it; tests of what verify detects start here.
pub fn drop_history_guard(conn: &rusqlite::Connection) {
    conn.execute_batch(
        "DROP TRIGGER IF EXISTS changes_no_update; DROP TRIGGER IF EXISTS changes_no_delete;",
    )
    .unwrap();
}

impl TestApp {
    /// A second, plain connection to the same file: what someone editing the file by hand has.
    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.app.store().path()).unwrap()
    }

    /// A plain connection with history's guard removed: what an attacker with the file has.
    pub fn tamper(&self) -> rusqlite::Connection {
        let c = self.raw();
        drop_history_guard(&c);
        c
    }

    pub fn count(&self, table: &str) -> i64 {
        self.raw()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    }
}

/// An administrator acting without an account row: store and service tests that are not about
/// accounts need no sign-in.
pub fn admin(name: &str) -> Ctx {
    Ctx::new(1, name, vec![Role::Admin])
}

/// A clock the test moves by hand (lockout waits, idle locks).
#[derive(Clone)]
pub struct ManualClock(Arc<std::sync::Mutex<DateTime<Utc>>>);

impl ManualClock {
    pub fn new() -> Self {
        Self(Arc::new(std::sync::Mutex::new(
            Utc.with_ymd_and_hms(2026, 3, 2, 9, 0, 0).unwrap(),
        )))
    }

    pub fn advance(&self, seconds: i64) {
        *self.0.lock().unwrap() += Duration::seconds(seconds);
    }

    pub fn clock(&self) -> Clock {
        let inner = self.0.clone();
        Arc::new(move || *inner.lock().unwrap())
    }
}

pub const ADMIN_PASSWORD: &str = "Segreta-2026!";

/// A set-up installation with a signed-in administrator "admin", on a hand-moved clock.
pub struct Installed {
    pub _dir: tempfile::TempDir,
    pub app: Backoffice,
    pub clock: ManualClock,
    pub admin: Ctx,
}

pub fn installed() -> Installed {
    use backoffice_core::domain::users::{NewUserInput, SetupInput};
    let dir = tempfile::tempdir().unwrap();
    let clock = ManualClock::new();
    let app = Backoffice::open(dir.path(), clock.clock()).unwrap();
    let session = app
        .setup(&SetupInput {
            organisation: crate::organisation::input(),
            admin: NewUserInput {
                username: "admin".into(),
                full_name: "Anna Amministratrice".into(),
                password: ADMIN_PASSWORD.into(),
                roles: vec![],
            },
        })
        .unwrap();
    let admin = Ctx::new(session.user.id, "admin", session.user.roles.clone());
    Installed {
        _dir: dir,
        app,
        clock,
        admin,
    }
}

impl Installed {
    /// Creates an account with these roles and returns its acting context.
    pub fn user(&self, username: &str, roles: &[Role]) -> Ctx {
        use backoffice_core::domain::users::NewUserInput;
        let u = self
            .app
            .create_user(
                &self.admin,
                &NewUserInput {
                    username: username.into(),
                    full_name: format!("Persona {username}"),
                    password: format!("{username}-password"),
                    roles: roles.to_vec(),
                },
            )
            .unwrap();
        Ctx::new(u.id, u.username, u.roles)
    }

    pub fn raw(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(self.app.store().path()).unwrap()
    }

    /// A plain connection with history's guard removed: what an attacker with the file has.
    pub fn tamper(&self) -> rusqlite::Connection {
        let c = self.raw();
        drop_history_guard(&c);
        c
    }

    pub fn count(&self, sql: &str) -> i64 {
        self.raw().query_row(sql, [], |r| r.get(0)).unwrap()
    }
}
