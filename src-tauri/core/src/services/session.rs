//! The one signed-in person of this app window, and the idle lock.

use super::Ctx;
use crate::domain::users::User;
use crate::error::{Error, ErrorCode};
use crate::store::Clock;
use chrono::{DateTime, Duration, Utc};
use std::collections::HashSet;
use std::sync::Mutex;

struct Live {
    user_id: i64,
    last_activity: DateTime<Utc>,
    idle_limit: Duration,
    locked: bool,
    /// Employee files whose opening by this person is already in history for this session
    /// (since sign-in or the last unlock).
    opened: HashSet<i64>,
}

pub struct Sessions {
    live: Mutex<Option<Live>>,
    clock: Clock,
}

impl Sessions {
    pub fn new(clock: Clock) -> Self {
        Self {
            live: Mutex::new(None),
            clock,
        }
    }

    fn with<T>(&self, f: impl FnOnce(&mut Option<Live>) -> T) -> T {
        let mut g = self.live.lock().unwrap_or_else(|e| e.into_inner());
        f(&mut g)
    }

    pub(super) fn start(&self, user: &User, idle_limit: Duration) {
        let now = (self.clock)();
        self.with(|s| {
            *s = Some(Live {
                user_id: user.id,
                last_activity: now,
                idle_limit,
                locked: false,
                opened: HashSet::new(),
            })
        });
    }

    /// Ends the session; returns who was signed in.
    pub(super) fn end(&self) -> Option<i64> {
        self.with(|s| s.take().map(|l| l.user_id))
    }

    /// The signed-in user's id, refusing when nobody is signed in or the session is locked.
    /// A session idle for longer than its limit locks here, whatever the UI did.
    pub fn user_id(&self) -> crate::Result<i64> {
        let now = (self.clock)();
        self.with(|s| {
            let live = s
                .as_mut()
                .ok_or_else(|| Error::new(ErrorCode::NotSignedIn, "nobody is signed in"))?;
            if now - live.last_activity > live.idle_limit {
                live.locked = true;
            }
            if live.locked {
                return Err(Error::new(ErrorCode::SessionLocked, "session locked"));
            }
            Ok(live.user_id)
        })
    }

    /// The person is active (typing, clicking): push the idle lock back.
    pub fn touch(&self) -> crate::Result<()> {
        self.user_id()?;
        let now = (self.clock)();
        self.with(|s| {
            if let Some(l) = s.as_mut() {
                l.last_activity = now;
            }
        });
        Ok(())
    }

    pub fn lock(&self) {
        self.with(|s| {
            if let Some(l) = s.as_mut() {
                l.locked = true;
                // Whoever unlocks sees the file again after proving who they are: a fresh sight.
                l.opened.clear();
            }
        });
    }

    /// Notes that `user_id`'s opening of employee file `employee_id` has been recorded.
    pub(super) fn note_opened(&self, user_id: i64, employee_id: i64) {
        self.with(|s| {
            if let Some(l) = s.as_mut().filter(|l| l.user_id == user_id && !l.locked) {
                l.opened.insert(employee_id);
            }
        });
    }

    /// Whether `user_id` opened employee file `employee_id` (recorded) in the current session.
    pub(super) fn has_opened(&self, user_id: i64, employee_id: i64) -> bool {
        self.with(|s| {
            s.as_ref().is_some_and(|l| {
                l.user_id == user_id && !l.locked && l.opened.contains(&employee_id)
            })
        })
    }

    /// Who is signed in, locked or not (unlocking needs to know whose password to check).
    pub(super) fn owner(&self) -> Option<i64> {
        self.with(|s| s.as_ref().map(|l| l.user_id))
    }

    pub(super) fn unlocked(&self) {
        let now = (self.clock)();
        self.with(|s| {
            if let Some(l) = s.as_mut() {
                l.locked = false;
                l.last_activity = now;
            }
        });
    }

    pub(super) fn set_idle_limit(&self, limit: Duration) {
        self.with(|s| {
            if let Some(l) = s.as_mut() {
                l.idle_limit = limit;
            }
        });
    }
}

/// Built from the stored account on every call, so a role change or a disabled account takes
/// effect at once.
pub(super) fn ctx_of(user: &User) -> Ctx {
    Ctx::new(user.id, user.username.clone(), user.roles.clone())
}
