//! Orders waiting for the person's approval, on the attention list beside the requisitions':
//! for those whose approving role reaches the order's tier, never their own, and not once they
//! have given their approval in the current round (an order needing two waits for the other).

use super::waiting::{approver_role, counts, grade};
use crate::domain::attention::{AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::orders_waiting;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

pub struct OrdersWaiting;

impl Provider for OrdersWaiting {
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
        // Orders wait for days, not years: the partial index holds only those waiting, so the
        // count stays small; the late ones are graded one by one.
        let total = orders_waiting::count(conn, who.user_id, role)?;
        let oldest = orders_waiting::oldest(conn, who.user_id, role, 1000)?;
        let graded = i64::try_from(oldest.len()).unwrap_or(i64::MAX);
        let mut counts = counts(oldest.iter().map(|w| w.delivery_date), today);
        if total > graded {
            counts.push((Severity::Medium, total - graded));
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
        let Some(role) = approver_role(conn, who)? else {
            return Ok(Vec::new());
        };
        let waiting =
            orders_waiting::oldest(conn, who.user_id, role, i64::try_from(limit).unwrap_or(100))?;
        Ok(waiting
            .into_iter()
            .map(|w| {
                let (severity, urgency) = grade(w.delivery_date, today);
                AttentionItem {
                    area: Area::Purchasing,
                    entity: "purchase_orders".into(),
                    record_id: w.id,
                    record_name: w.supplier,
                    context: None,
                    reason: json!({
                        "kind": "order_waiting",
                        "total_cents": w.total_cents,
                        "currency": w.currency,
                    }),
                    more: 0,
                    due: w.delivery_date,
                    severity,
                    urgency,
                    act_by: Role::Manager,
                }
            })
            .filter(|i| i.severity >= min)
            .collect())
    }
}
