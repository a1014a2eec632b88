//! First-run setup, signing in and out, the idle lock, and managing accounts.

use super::session::ctx_of;
use super::{Backoffice, Ctx};
use crate::domain::lockout::recorded_name;
use crate::domain::password::{decoy_hash, hash_password, verify_password};
use crate::domain::permissions::{grants, Action, Area, Role};
use crate::domain::text::Checks;
use crate::domain::users::{
    check_password, NewUserInput, SessionInfo, SetupInput, User, UserUpdateInput,
};
use crate::error::{Error, ErrorCode, FieldError};
use crate::store::throttle::{self, Attempt};
use crate::store::{organisation, users};
use chrono::{DateTime, Duration, Utc};
use serde_json::json;
use std::sync::atomic::Ordering;

fn sign_in_failed() -> Error {
    Error::new(ErrorCode::SignInFailed, "wrong username or password")
}

fn blocked(seconds: i64) -> Error {
    Error::new(ErrorCode::SignInBlocked, format!("wait {seconds} s")).with("seconds", seconds)
}

impl Backoffice {
    /// True until the first administrator exists.
    pub fn needs_setup(&self) -> crate::Result<bool> {
        Ok(self.store.read(users::count)? == 0)
    }

    /// Creates the organisation and the first administrator in one transaction, then signs in.
    pub fn setup(&self, input: &SetupInput) -> crate::Result<SessionInfo> {
        let mut admin = input.admin.clone();
        admin.roles = vec![Role::Admin];
        // Both forms are checked before either is written, so the person sees every problem at once.
        let org = input.organisation.validate();
        let user = admin.validate();
        let (org, user) = match (org, user) {
            (Ok(o), Ok(u)) => (o, u),
            (o, u) => {
                let mut fields: Vec<FieldError> = Vec::new();
                for (result, prefix) in [(o.err(), "organisation"), (u.err(), "admin")] {
                    for mut f in result.map(|e| e.fields).unwrap_or_default() {
                        f.field = format!("{prefix}.{}", f.field);
                        fields.push(f);
                    }
                }
                return Err(Error::validation(fields));
            }
        };
        let hash = hash_password(&user.password)?;
        let created = self.store.write(&user.username, |w| {
            if users::count(w.conn())? > 0 {
                return Err(Error::new(
                    ErrorCode::AlreadySetUp,
                    "setup was already done",
                ));
            }
            organisation::save(w, &org, organisation::get(w.conn())?.version)?;
            users::insert(
                w,
                &users::NewUserRow {
                    username: &user.username,
                    full_name: &user.full_name,
                    password_hash: &hash,
                    roles: &user.roles,
                },
            )
        })?;
        let ctx = ctx_of(&created);
        self.ensure_staff_defaults(&ctx)?;
        self.store
            .write(&ctx.actor, super::assets::ensure_defaults)?;
        self.store
            .write(&ctx.actor, super::purchasing::ensure_defaults)?;
        self.start_session(&created)
    }

    /// Checks the password and opens the session. Every failure says the same thing, whether the
    /// name exists, the account is disabled or the password is wrong; repeated failures wait.
    pub fn sign_in(&self, username: &str, password: &str) -> crate::Result<SessionInfo> {
        let username = username.trim().to_lowercase();
        // What history and the throttle keep of the typed name (a pasted text is cut).
        let recorded = recorded_name(&username);
        let wrong = self.begin_attempt(&recorded)?;
        let found = self.store.read(|c| users::by_username(c, &username))?;
        let hash = found.as_ref().map_or(decoy_hash(), |(_, h)| h.as_str());
        let password_ok = verify_password(password, hash);
        match found {
            Some((user, _)) if password_ok && user.active => {
                self.store.write(&user.username, |w| {
                    throttle::clear(w.conn(), &recorded)?;
                    w.event("security", user.id, &json!({ "event": "sign_in" }))
                })?;
                self.start_session(&user)
            }
            found => {
                let (id, reason) = match &found {
                    Some((u, _)) if password_ok => (u.id, "account_disabled"),
                    Some((u, _)) => (u.id, "wrong_password"),
                    None => (0, "unknown_user"),
                };
                let payload =
                    json!({ "event": "sign_in_failed", "username": recorded, "reason": reason });
                self.store
                    .write(&recorded, |w| w.event("security", id, &payload))?;
                Err(wrong)
            }
        }
    }

    /// Counts a password attempt for `name` before its password is checked (one write
    /// transaction, so parallel attempts each see the others); refuses it while `name` waits.
    /// Returns the answer for a wrong password: the wait it starts, if any, else the plain
    /// refusal.
    fn begin_attempt(&self, name: &str) -> crate::Result<Error> {
        let now = self.store.now();
        let wait = |until: DateTime<Utc>| blocked((until - now).num_seconds().max(1));
        match self
            .store
            .write(name, |w| throttle::begin(w.conn(), name, now))?
        {
            Attempt::Blocked(until) => Err(wait(until)),
            Attempt::Counted(Some(until)) => Ok(wait(until)),
            Attempt::Counted(None) => Ok(sign_in_failed()),
        }
    }

    fn start_session(&self, user: &User) -> crate::Result<SessionInfo> {
        let idle = self.auto_lock_seconds()?;
        self.sessions.start(user, Duration::seconds(idle));
        Ok(SessionInfo {
            user: user.clone(),
            grants: grants(&user.roles),
            auto_lock_seconds: idle,
        })
    }

    /// Replaces the organisation's idle lock (tests, kiosks). 0 restores the setting.
    pub fn set_auto_lock_override(&self, seconds: i64) {
        self.auto_lock_override
            .store(seconds.max(0), Ordering::Relaxed);
    }

    fn auto_lock_seconds(&self) -> crate::Result<i64> {
        match self.auto_lock_override.load(Ordering::Relaxed) {
            0 => Ok(self.store.read(organisation::get)?.auto_lock_minutes * 60),
            s => Ok(s),
        }
    }

    /// The acting person for a command: signed in, not locked, account still active. Built from
    /// the stored account each time, so role changes apply at once.
    pub fn current(&self) -> crate::Result<Ctx> {
        let ctx = self.current_allowing_password_change()?;
        let must_change = self
            .store
            .read(|c| users::get(c, ctx.user_id))?
            .is_some_and(|u| u.must_change_password);
        if must_change {
            return Err(Error::new(
                ErrorCode::PasswordChangeRequired,
                "a new password must be chosen first",
            ));
        }
        Ok(ctx)
    }

    /// Like `current`, but also for a person who must first replace a temporary password: the
    /// only thing they may do is change it.
    pub fn current_allowing_password_change(&self) -> crate::Result<Ctx> {
        let id = self.sessions.user_id().inspect_err(|e| {
            // Locked, maybe just now for being idle: the viewer's copies go with the session.
            if e.code == ErrorCode::SessionLocked {
                let _ = self.viewer().clear();
            }
        })?;
        match self.store.read(|c| users::get(c, id))? {
            Some(u) if u.active => Ok(ctx_of(&u)),
            _ => {
                self.sessions.end();
                Err(Error::new(
                    ErrorCode::NotSignedIn,
                    "the account is no longer active",
                ))
            }
        }
    }

    pub fn session_info(&self) -> crate::Result<Option<SessionInfo>> {
        let id = match self.sessions.user_id() {
            Ok(id) => id,
            Err(e) if e.code == ErrorCode::NotSignedIn => return Ok(None),
            Err(e) => return Err(e),
        };
        let user = self.store.read(|c| users::get(c, id))?;
        Ok(user.map(|u| SessionInfo {
            grants: grants(&u.roles),
            auto_lock_seconds: self.auto_lock_seconds().unwrap_or(900),
            user: u,
        }))
    }

    pub fn sign_out(&self) -> crate::Result<()> {
        let _ = self.viewer().clear();
        if let Some(id) = self.sessions.end() {
            if let Some(u) = self.store.read(|c| users::get(c, id))? {
                self.store.write(&u.username, |w| {
                    w.event("security", id, &json!({ "event": "sign_out" }))
                })?;
            }
        }
        Ok(())
    }

    /// Unlocks an idle-locked session with the signed-in person's password. Throttled like
    /// signing in, on the same count (guessing may not switch between the two screens), and a
    /// wrong password is a security event in history.
    pub fn unlock(&self, password: &str) -> crate::Result<SessionInfo> {
        let id = self
            .sessions
            .owner()
            .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "nobody is signed in"))?;
        let user = self
            .store
            .read(|c| users::get(c, id))?
            .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "the account no longer exists"))?;
        let wrong = self.begin_attempt(&user.username)?;
        let hash = self
            .store
            .read(|c| users::password_hash(c, id))?
            .unwrap_or_default();
        if !verify_password(password, &hash) {
            let payload = json!({ "event": "unlock_failed", "username": user.username, "reason": "wrong_password" });
            self.store
                .write(&user.username, |w| w.event("security", id, &payload))?;
            return Err(wrong);
        }
        self.store.write(&user.username, |w| {
            throttle::clear(w.conn(), &user.username)
        })?;
        self.sessions.unlocked();
        self.sessions
            .set_idle_limit(Duration::seconds(self.auto_lock_seconds()?));
        self.session_info()?
            .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "nobody is signed in"))
    }

    pub fn list_users(&self, ctx: &Ctx) -> crate::Result<Vec<User>> {
        self.require(ctx, Area::Users, Action::Read)?;
        self.store.read(users::list)
    }

    /// Opening an account's details is recorded as a read in history.
    pub fn user(&self, ctx: &Ctx, id: i64) -> crate::Result<User> {
        self.require(ctx, Area::Users, Action::Read)?;
        self.store.write(&ctx.actor, |w| {
            let u = users::get(w.conn(), id)?.ok_or_else(|| Error::not_found("user"))?;
            w.record(
                &users::TRACKED,
                id,
                crate::domain::history::ChangeOp::Read,
                None,
            )?;
            Ok(u)
        })
    }

    pub fn create_user(&self, ctx: &Ctx, input: &NewUserInput) -> crate::Result<User> {
        self.require(ctx, Area::Users, Action::Write)?;
        let v = input.validate()?;
        let hash = hash_password(&v.password)?;
        self.store.write(&ctx.actor, |w| {
            users::insert(
                w,
                &users::NewUserRow {
                    username: &v.username,
                    full_name: &v.full_name,
                    password_hash: &hash,
                    roles: &v.roles,
                },
            )
        })
    }

    /// Changes name, roles or the active flag. The last active administrator can be neither
    /// disabled nor demoted, so the organisation never locks itself out.
    pub fn update_user(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &UserUpdateInput,
    ) -> crate::Result<User> {
        self.require(ctx, Area::Users, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let current = users::get(w.conn(), id)?.ok_or_else(|| Error::not_found("user"))?;
            let stays_admin = v.active && v.roles.contains(&Role::Admin);
            if current.is_admin()
                && current.active
                && !stays_admin
                && users::other_active_admins(w.conn(), id)? == 0
            {
                let field = if v.active { "roles" } else { "active" };
                return Err(Error::field(field, "last_admin"));
            }
            users::update(w, id, version, &v)
        })
    }

    /// An administrator sets a temporary password; the person must change it after signing in.
    pub fn reset_password(&self, ctx: &Ctx, id: i64, new_password: &str) -> crate::Result<User> {
        self.require(ctx, Area::Users, Action::Write)?;
        let mut c = Checks::default();
        check_password(&mut c, "password", new_password);
        c.finish()?;
        let hash = hash_password(new_password)?;
        self.store.write(&ctx.actor, |w| {
            users::set_password(w, id, &hash, id != ctx.user_id)
        })
    }

    /// Anyone may change their own password, given the current one.
    pub fn change_own_password(&self, ctx: &Ctx, old: &str, new: &str) -> crate::Result<User> {
        let stored = self
            .store
            .read(|c| users::password_hash(c, ctx.user_id))?
            .unwrap_or_default();
        let mut c = Checks::default();
        if !verify_password(old, &stored) {
            c.add(FieldError::new("old_password", "wrong_password"));
        }
        check_password(&mut c, "new_password", new);
        if old == new {
            c.add(FieldError::new("new_password", "same_password"));
        }
        c.finish()?;
        let hash = hash_password(new)?;
        self.store.write(&ctx.actor, |w| {
            users::set_password(w, ctx.user_id, &hash, false)
        })
    }
}
