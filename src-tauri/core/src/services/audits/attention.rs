//! Audits' contribution to the attention list, for the person looking: the actions they own
//! or whose audit they lead (overdue, or due within 14 days), evidence that expires before the
//! next occurrence of an audit it supported, and their audits past the planned end.

use crate::domain::attention::{counts_by_severity, grade_by_lateness, AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::audits::attention::{waiting, Waiting};
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

pub struct Audits;

/// Actions due within this many days are shown before they are late.
pub const DUE_SOON_DAYS: u64 = 14;
/// Items of each kind looked at; the counts are of these.
const LOOK_AT: i64 = 2_000;

fn grade(days_late: i64) -> (Severity, i64) {
    grade_by_lateness(days_late, 1)
}

/// An item of this area, graded by how late `due` is on `today`.
fn item(
    (entity, record_id, record_name): (&str, i64, String),
    context: Option<String>,
    reason: serde_json::Value,
    due: NaiveDate,
    today: NaiveDate,
    act_by: Role,
) -> AttentionItem {
    let (severity, urgency) = grade((today - due).num_days());
    AttentionItem {
        area: Area::Audits,
        entity: entity.to_owned(),
        record_id,
        record_name,
        context,
        reason,
        more: 0,
        due: Some(due),
        severity,
        urgency,
        act_by,
    }
}

/// One waiting thing as an attention item.
fn item_of(w: Waiting, today: NaiveDate) -> AttentionItem {
    let late = |d: NaiveDate| d < today;
    match w {
        Waiting::Action {
            id,
            audit_id,
            finding_id,
            description,
            audit_title,
            due_on,
            owned,
        } => item(
            ("audit_actions", id, description),
            Some(audit_title),
            json!({
                "kind": if late(due_on) { "action_overdue" } else { "action_due" },
                "audit_id": audit_id, "finding_id": finding_id, "owned": owned,
            }),
            due_on,
            today,
            if owned {
                Role::Manager
            } else {
                Role::Accounting
            },
        ),
        Waiting::Evidence {
            id,
            title,
            expires_on,
            audit_id,
            audit_title,
            next_start,
        } => item(
            ("evidence", id, title),
            Some(audit_title),
            json!({
                "kind": "evidence_expires", "audit_id": audit_id,
                "expires_on": expires_on, "next_start": next_start,
            }),
            expires_on,
            today,
            Role::Accounting,
        ),
        Waiting::Policy {
            id,
            title,
            review_on,
        } => item(
            ("policies", id, title),
            None,
            json!({
                "kind": if late(review_on) { "policy_review_overdue" } else { "policy_review_due" },
                "policy_id": id,
            }),
            review_on,
            today,
            Role::Accounting,
        ),
        Waiting::Audit {
            id,
            title,
            planned_end,
        } => item(
            ("audits", id, title),
            None,
            json!({ "kind": "audit_overdue", "audit_id": id }),
            planned_end,
            today,
            Role::Accounting,
        ),
    }
}

fn collect(
    conn: &Connection,
    today: NaiveDate,
    who: Viewer,
    limit: i64,
) -> crate::Result<Vec<AttentionItem>> {
    let horizon = today + Days::new(DUE_SOON_DAYS);
    let mut out = Vec::new();
    for w in waiting(conn, today, horizon, who.user_id, who.employee_id, limit)? {
        out.push(item_of(w, today));
    }
    out.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(a.record_id.cmp(&b.record_id))
    });
    Ok(out)
}

impl Provider for Audits {
    fn area(&self) -> Area {
        Area::Audits
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        Ok(counts_by_severity(&collect(conn, today, who, LOOK_AT)?))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        let mut items = collect(conn, today, who, limit as i64)?;
        items.retain(|i| i.severity >= min);
        items.truncate(limit);
        Ok(items)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lateness_grades_like_staff_issues() {
        assert_eq!(grade(-14).0, Severity::Medium);
        assert_eq!(grade(0).0, Severity::Medium);
        assert_eq!(grade(1), (Severity::High, 301));
        assert_eq!(grade(45), (Severity::Critical, 445));
        assert!(grade(-1).1 > grade(-10).1);
    }
}
