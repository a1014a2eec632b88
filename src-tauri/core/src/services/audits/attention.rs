//! Audits' contribution to the attention list, for the person looking: the actions they own
//! or whose audit they lead (overdue, or due within 14 days), evidence that expires before the
//! next occurrence of an audit it supported, and their audits past the planned end.

use crate::domain::attention::{AttentionItem, Severity};
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

/// Severity and urgency by how late (positive) or how early (negative) something is: the same
/// bands as staff's issues, so both areas sort together.
fn grade(days_late: i64) -> (Severity, i64) {
    match days_late {
        d if d > 30 => (Severity::Critical, 400 + d.min(99)),
        d if d > 0 => (Severity::High, 300 + d),
        d => (Severity::Medium, 200 + (50 + d).clamp(0, 99)),
    }
}

fn collect(
    conn: &Connection,
    today: NaiveDate,
    who: Viewer,
    limit: i64,
) -> crate::Result<Vec<AttentionItem>> {
    let horizon = today + Days::new(DUE_SOON_DAYS);
    let late = |d: NaiveDate| (today - d).num_days();
    let mut out = Vec::new();
    for w in waiting(conn, today, horizon, who.user_id, who.employee_id, limit)? {
        let item = match w {
            Waiting::Action {
                id,
                audit_id,
                finding_id,
                description,
                audit_title,
                due_on,
                owned,
            } => {
                let (severity, urgency) = grade(late(due_on));
                AttentionItem {
                    area: Area::Audits,
                    entity: "audit_actions".into(),
                    record_id: id,
                    record_name: description,
                    context: Some(audit_title),
                    reason: json!({
                        "kind": if due_on < today { "action_overdue" } else { "action_due" },
                        "audit_id": audit_id, "finding_id": finding_id, "owned": owned,
                    }),
                    more: 0,
                    due: Some(due_on),
                    severity,
                    urgency,
                    act_by: if owned {
                        Role::Manager
                    } else {
                        Role::Accounting
                    },
                }
            }
            Waiting::Evidence {
                id,
                title,
                expires_on,
                audit_id,
                audit_title,
                next_start,
            } => {
                let (severity, urgency) =
                    grade(late(expires_on).max(-(next_start - today).num_days()));
                AttentionItem {
                    area: Area::Audits,
                    entity: "evidence".into(),
                    record_id: id,
                    record_name: title,
                    context: Some(audit_title),
                    reason: json!({
                        "kind": "evidence_expires", "audit_id": audit_id,
                        "expires_on": expires_on, "next_start": next_start,
                    }),
                    more: 0,
                    due: Some(expires_on),
                    severity,
                    urgency,
                    act_by: Role::Accounting,
                }
            }
            Waiting::Policy {
                id,
                title,
                review_on,
            } => {
                let (severity, urgency) = grade(late(review_on));
                let kind = if review_on < today {
                    "policy_review_overdue"
                } else {
                    "policy_review_due"
                };
                AttentionItem {
                    area: Area::Audits,
                    entity: "policies".into(),
                    record_id: id,
                    record_name: title,
                    context: None,
                    reason: json!({ "kind": kind, "policy_id": id }),
                    more: 0,
                    due: Some(review_on),
                    severity,
                    urgency,
                    act_by: Role::Accounting,
                }
            }
            Waiting::Audit {
                id,
                title,
                planned_end,
            } => {
                let (severity, urgency) = grade(late(planned_end));
                AttentionItem {
                    area: Area::Audits,
                    entity: "audits".into(),
                    record_id: id,
                    record_name: title,
                    context: None,
                    reason: json!({ "kind": "audit_overdue", "audit_id": id }),
                    more: 0,
                    due: Some(planned_end),
                    severity,
                    urgency,
                    act_by: Role::Accounting,
                }
            }
        };
        out.push(item);
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
        let mut counts: Vec<(Severity, i64)> = Vec::new();
        for i in collect(conn, today, who, LOOK_AT)? {
            match counts.iter_mut().find(|(s, _)| *s == i.severity) {
                Some((_, n)) => *n += 1,
                None => counts.push((i.severity, 1)),
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
