//! User accounts table.

use super::tracked::{Guard, Naming, Snapshot, Tracked};
use super::ts_parse;
use super::tx::WriteTx;
use super::versioned::at_version;
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use crate::domain::permissions::Role;
use crate::domain::users::User;
use crate::error::{Error, FieldError};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "users",
    guard: Guard::Area(Area::Users),
    columns: &[
        "id",
        "username",
        "full_name",
        "password_hash",
        "roles",
        "active",
        "must_change_password",
        "employee_id",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("employee_id", "employees")],
    naming: Naming::Account {
        full: "full_name",
        user: "username",
    },
    dates: &[],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, username, full_name, roles, active, must_change_password, version,
    created_at, updated_at, employee_id,
    (SELECT last_name || ' ' || first_name FROM employees e WHERE e.id = users.employee_id)";

pub fn roles_text(roles: &[Role]) -> String {
    roles
        .iter()
        .map(|r| r.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn from_row(r: &Row) -> rusqlite::Result<User> {
    let roles: String = r.get(3)?;
    Ok(User {
        id: r.get(0)?,
        username: r.get(1)?,
        full_name: r.get(2)?,
        roles: roles.split(',').filter_map(Role::parse).collect(),
        active: r.get(4)?,
        must_change_password: r.get(5)?,
        version: r.get(6)?,
        created_at: ts_parse(&r.get::<_, String>(7)?)?,
        updated_at: ts_parse(&r.get::<_, String>(8)?)?,
        employee_id: r.get(9)?,
        employee_name: r.get(10)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<User>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM users WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The account and its password hash, for signing in.
pub fn by_username(conn: &Connection, username: &str) -> crate::Result<Option<(User, String)>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS}, password_hash FROM users WHERE username = ?1"),
            [username],
            |r| Ok((from_row(r)?, r.get(11)?)),
        )
        .optional()?)
}

pub fn password_hash(conn: &Connection, id: i64) -> crate::Result<Option<String>> {
    Ok(conn
        .query_row("SELECT password_hash FROM users WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?)
}

pub fn count(conn: &Connection) -> crate::Result<i64> {
    Ok(conn.query_row("SELECT count(*) FROM users", [], |r| r.get(0))?)
}

/// Every account, sorted by name. Offices have tens of users, not thousands; still capped.
pub fn list(conn: &Connection) -> crate::Result<Vec<User>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM users ORDER BY lower(full_name), id LIMIT 1000"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Active administrators other than `except`.
pub fn other_active_admins(conn: &Connection, except: i64) -> crate::Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM users
         WHERE active = 1 AND id <> ?1 AND (',' || roles || ',') LIKE '%,admin,%'",
        [except],
        |r| r.get(0),
    )?)
}

pub struct NewUserRow<'a> {
    pub username: &'a str,
    pub full_name: &'a str,
    pub password_hash: &'a str,
    pub roles: &'a [Role],
}

pub fn insert(w: &WriteTx, u: &NewUserRow) -> crate::Result<User> {
    let taken = w
        .conn()
        .query_row(
            "SELECT 1 FROM users WHERE username = ?1",
            [u.username],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if taken {
        return Err(Error::validation(vec![FieldError::new(
            "username",
            "duplicate",
        )]));
    }
    let now = w.now_text();
    w.conn().execute(
        "INSERT INTO users (username, full_name, password_hash, roles, active, must_change_password,
                            version, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, 1, 0, 1, ?5, ?5)",
        params![u.username, u.full_name, u.password_hash, roles_text(u.roles), now],
    )?;
    let id = w.conn().last_insert_rowid();
    w.record(&TRACKED, id, ChangeOp::Insert, None)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("user"))
}

/// Updates name, roles, active flag and staff record.
pub fn update(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &crate::domain::users::ValidUserUpdate,
) -> crate::Result<User> {
    let u = at_version(get(w.conn(), id)?, "user", Some(expected_version))?;
    if u.full_name == v.full_name
        && u.roles == v.roles
        && u.active == v.active
        && u.employee_id == v.employee_id
    {
        return Ok(u);
    }
    if let Some(e) = v.employee_id {
        let exists = w
            .conn()
            .prepare_cached("SELECT 1 FROM employees WHERE id = ?1")?
            .exists([e])?;
        if !exists {
            return Err(Error::validation(vec![FieldError::new(
                "employee_id",
                "not_found",
            )]));
        }
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE users SET full_name = ?1, roles = ?2, active = ?3, employee_id = ?4,
                version = version + 1, updated_at = ?5 WHERE id = ?6",
        params![
            v.full_name,
            roles_text(&v.roles),
            v.active,
            v.employee_id,
            w.now_text(),
            id
        ],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("user"))
}

/// Replaces the password hash; `must_change` is set by an administrator's reset.
pub fn set_password(w: &WriteTx, id: i64, hash: &str, must_change: bool) -> crate::Result<User> {
    at_version(get(w.conn(), id)?, "user", None)?;
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE users SET password_hash = ?1, must_change_password = ?2, version = version + 1,
                updated_at = ?3 WHERE id = ?4",
        params![hash, must_change, w.now_text(), id],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("user"))
}

/// The staff record an account is linked to.
pub fn employee_of(conn: &Connection, user_id: i64) -> crate::Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT employee_id FROM users WHERE id = ?1")?
        .query_row([user_id], |r| r.get(0))
        .optional()?
        .flatten())
}
