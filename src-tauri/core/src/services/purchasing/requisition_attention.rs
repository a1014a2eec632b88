//! Requisitions waiting for the person's approval, on the attention list beside the orders':
//! for those whose approving role reaches the requisition's tier, never their own.

use super::waiting::{approver_role, counts, grade};
use crate::domain::attention::{AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::requisitions;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

pub struct RequisitionsWaiting;

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
        let Some(role) = approver_role(conn, who)? else {
            return Ok(Vec::new());
        };
        // Few wait at any time (the partial index holds only submitted ones).
        let waiting = requisitions::waiting(conn, who.user_id, role, 1000)?;
        Ok(counts(waiting.iter().map(|w| w.needed_by), today))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        let Some(role) = approver_role(conn, who)? else {
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
