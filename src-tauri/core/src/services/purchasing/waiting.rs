//! What the attention list's "waiting for my approval" providers share (orders, requisitions):
//! the person's approving role, and the grade of a waiting record by the day it is wanted.

use crate::domain::attention::{grade_by_lateness, Severity};
use crate::domain::purchasing::approval::ApproverRole;
use crate::services::attention::Viewer;
use crate::store::users;
use chrono::NaiveDate;
use rusqlite::Connection;

/// The highest role the person approves with; none for those who approve nothing.
pub(super) fn approver_role(conn: &Connection, who: Viewer) -> crate::Result<Option<ApproverRole>> {
    Ok(users::get(conn, who.user_id)?.and_then(|u| ApproverRole::best(&u.roles)))
}

/// A record waiting for approval is medium until the day it is wanted, then late by as many
/// days as have passed.
pub(super) fn grade(wanted: Option<NaiveDate>, today: NaiveDate) -> (Severity, i64) {
    match wanted {
        Some(d) if d < today => grade_by_lateness((today - d).num_days(), 1),
        _ => (Severity::Medium, 250),
    }
}

/// Counts per severity of the records wanted on these days.
pub(super) fn counts(
    wanted: impl IntoIterator<Item = Option<NaiveDate>>,
    today: NaiveDate,
) -> Vec<(Severity, i64)> {
    let mut counts: Vec<(Severity, i64)> = Vec::new();
    for w in wanted {
        let (s, _) = grade(w, today);
        match counts.iter_mut().find(|(x, _)| *x == s) {
            Some((_, n)) => *n += 1,
            None => counts.push((s, 1)),
        }
    }
    counts
}
