//! Accounts of the people who use the app.

use super::password::{MAX_PASSWORD_CHARS, MIN_PASSWORD_CHARS};
use super::permissions::{Grant, Role};
use super::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct User {
    pub id: i64,
    pub username: String,
    pub full_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    /// Set by an administrator's password reset: the person must choose a new one.
    pub must_change_password: bool,
    /// The person's staff record: the actions they own, the departments they manage.
    pub employee_id: Option<i64>,
    /// "Last First" of that staff record.
    pub employee_name: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl User {
    pub fn is_admin(&self) -> bool {
        self.roles.contains(&Role::Admin)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct NewUserInput {
    pub username: String,
    pub full_name: String,
    pub password: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct UserUpdateInput {
    pub full_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    /// The person's staff record, if they have one.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub employee_id: Option<i64>,
}

/// Checks a new password's length; the message says the minimum.
pub fn check_password(c: &mut Checks, field: &str, password: &str) {
    let n = password.chars().count();
    if n < MIN_PASSWORD_CHARS {
        c.add(FieldError::new(field, "password_too_short").with("min", MIN_PASSWORD_CHARS));
    } else if n > MAX_PASSWORD_CHARS {
        c.add(FieldError::new(field, "too_long").with("max", MAX_PASSWORD_CHARS));
    }
}

/// Usernames are typed at every sign-in: short, lower case, no spaces.
pub fn check_username(c: &mut Checks, username: &str) -> String {
    let u = username.trim().to_lowercase();
    let ok_chars = u
        .chars()
        .all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || matches!(ch, '.' | '_' | '-'));
    if u.is_empty() {
        c.add(FieldError::new("username", "required"));
    } else if !(3..=40).contains(&u.chars().count()) || !ok_chars {
        c.add(FieldError::new("username", "invalid_username"));
    }
    u
}

pub fn check_roles(c: &mut Checks, roles: &[Role]) -> Vec<Role> {
    let mut r = roles.to_vec();
    r.sort();
    r.dedup();
    if r.is_empty() {
        c.add(FieldError::new("roles", "required"));
    }
    r
}

#[derive(Debug)]
pub struct ValidNewUser {
    pub username: String,
    pub full_name: String,
    pub password: String,
    pub roles: Vec<Role>,
}

impl NewUserInput {
    pub fn validate(&self) -> crate::Result<ValidNewUser> {
        let mut c = Checks::default();
        let username = check_username(&mut c, &self.username);
        let full_name = c.required("full_name", &self.full_name, 100);
        check_password(&mut c, "password", &self.password);
        let roles = check_roles(&mut c, &self.roles);
        c.finish()?;
        Ok(ValidNewUser {
            username,
            full_name,
            password: self.password.clone(),
            roles,
        })
    }
}

#[derive(Debug)]
pub struct ValidUserUpdate {
    pub full_name: String,
    pub roles: Vec<Role>,
    pub active: bool,
    pub employee_id: Option<i64>,
}

impl UserUpdateInput {
    pub fn validate(&self) -> crate::Result<ValidUserUpdate> {
        let mut c = Checks::default();
        let full_name = c.required("full_name", &self.full_name, 100);
        let roles = check_roles(&mut c, &self.roles);
        c.finish()?;
        Ok(ValidUserUpdate {
            full_name,
            roles,
            active: self.active,
            employee_id: self.employee_id,
        })
    }
}

/// The signed-in person as the UI sees them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SessionInfo {
    pub user: User,
    pub grants: Vec<Grant>,
    /// Idle time after which the app locks and asks for the password again.
    pub auto_lock_seconds: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SetupInput {
    pub organisation: super::organisation::OrganisationInput,
    pub admin: NewUserInput,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> NewUserInput {
        NewUserInput {
            username: " M.Rossi ".into(),
            full_name: "Mario Rossi".into(),
            password: "una-password-lunga".into(),
            roles: vec![Role::Hr, Role::Admin, Role::Hr],
        }
    }

    #[test]
    fn normalises_username_and_roles() {
        let v = input().validate().unwrap();
        assert_eq!(v.username, "m.rossi");
        assert_eq!(v.roles, vec![Role::Admin, Role::Hr]);
    }

    #[test]
    fn short_password_bad_username_and_no_roles_are_field_errors() {
        let mut i = input();
        i.username = "mario rossi".into();
        i.password = "corta".into();
        i.roles.clear();
        let e = i.validate().unwrap_err();
        let codes: Vec<_> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            vec![
                ("username", "invalid_username"),
                ("password", "password_too_short"),
                ("roles", "required")
            ]
        );
        assert_eq!(e.fields[1].params["min"], "10");
    }
}
