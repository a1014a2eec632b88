//! Orders waiting for the person's approval, on the attention list beside the requisitions':
//! for those whose approving role reaches the order's tier, never their own, and not once they
//! have given their approval in the current round (an order needing two waits for the other).

use crate::domain::attention::{grade_by_lateness, AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::domain::purchasing::approval::ApproverRole;
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::orders_waiting;
use crate::store::users;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

pub struct OrdersWaiting;

fn role_of(conn: &Connection, who: Viewer) -> crate::Result<Option<ApproverRole>> {
    Ok(users::get(conn, who.user_id)?.and_then(|u| ApproverRole::best(&u.roles)))
}

/// A waiting order is medium until the day its goods are wanted, then late: the supplier cannot
/// deliver on time an order that has not gone out.
fn grade(delivery: Option<NaiveDate>, today: NaiveDate) -> (Severity, i64) {
    match delivery {
        Some(d) if d < today => grade_by_lateness((today - d).num_days(), 1),
        _ => (Severity::Medium, 250),
    }
}

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
        let Some(role) = role_of(conn, who)? else {
            return Ok(Vec::new());
        };
        // Orders wait for days, not years: the partial index holds only those waiting, so the
        // count stays small; the late ones are graded one by one.
        let total = orders_waiting::count(conn, who.user_id, role)?;
        let mut counts: Vec<(Severity, i64)> = Vec::new();
        let mut graded = 0;
        for w in orders_waiting::oldest(conn, who.user_id, role, 1000)? {
            let (s, _) = grade(w.delivery_date, today);
            graded += 1;
            match counts.iter_mut().find(|(x, _)| *x == s) {
                Some((_, n)) => *n += 1,
                None => counts.push((s, 1)),
            }
        }
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
        let Some(role) = role_of(conn, who)? else {
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
