//! Requisitions waiting for the person's approval, on the attention list beside the orders':
//! for those whose approving role reaches the requisition's tier, never their own.

use crate::domain::attention::{grade_by_lateness, AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::domain::purchasing::approval::ApproverRole;
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::requisitions;
use crate::store::users;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

pub struct RequisitionsWaiting;

fn role_of(conn: &Connection, who: Viewer) -> crate::Result<Option<ApproverRole>> {
    Ok(users::get(conn, who.user_id)?.and_then(|u| ApproverRole::best(&u.roles)))
}

/// A waiting requisition is medium until the day it is needed, then late.
fn grade(needed_by: Option<NaiveDate>, today: NaiveDate) -> (Severity, i64) {
    match needed_by {
        Some(d) if d < today => grade_by_lateness((today - d).num_days(), 1),
        _ => (Severity::Medium, 250),
    }
}

impl Provider for RequisitionsWaiting {
    fn area(&self) -> Area {
        Area::Purchasing
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        let Some(role) = role_of(conn, who)? else {
            return Ok(Vec::new());
        };
        let mut counts: Vec<(Severity, i64)> = Vec::new();
        // Few wait at any time (the partial index holds only submitted ones).
        for w in requisitions::waiting(conn, who.user_id, role, 1000)? {
            let (s, _) = grade(w.needed_by, today);
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
        Ok(counts)
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        let Some(role) = role_of(conn, who)? else {
            return Ok(Vec::new());
        };
        let waiting =
            requisitions::waiting(conn, who.user_id, role, i64::try_from(limit).unwrap_or(100))?;
        Ok(waiting
            .into_iter()
            .map(|w| {
                let (severity, urgency) = grade(w.needed_by, today);
                AttentionItem {
                    area: Area::Purchasing,
                    entity: "requisitions".into(),
                    record_id: w.id,
                    record_name: w.number,
                    context: Some(w.reason),
                    reason: json!({ "kind": "requisition_waiting" }),
                    more: 0,
                    due: w.needed_by,
                    severity,
                    urgency,
                    act_by: Role::Manager,
                }
            })
            .filter(|i| i.severity >= min)
            .collect())
    }
}
