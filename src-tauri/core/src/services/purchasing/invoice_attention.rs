//! Invoices accounting may approve for payment (matched, nothing open), on the attention list
//! of those who approve payments, graded by the earliest due date.

use super::waiting::{counts, grade};
use crate::domain::attention::{AttentionItem, Severity};
use crate::domain::permissions::{Area, Role};
use crate::domain::purchasing::invoice_match::approves_payments;
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::match_reports;
use crate::store::users;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::json;

pub struct InvoicesToApprove;

fn pays(conn: &Connection, who: Viewer) -> crate::Result<bool> {
    Ok(users::get(conn, who.user_id)?.is_some_and(|u| approves_payments(&u.roles)))
}

impl Provider for InvoicesToApprove {
    fn area(&self) -> Area {
        Area::Purchasing
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        if !pays(conn, who)? {
            return Ok(Vec::new());
        }
        let waiting = match_reports::waiting_for_payment(conn, 1000)?;
        Ok(counts(waiting.iter().map(|w| w.first_due_date), today))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        if !pays(conn, who)? {
            return Ok(Vec::new());
        }
        let waiting =
            match_reports::waiting_for_payment(conn, i64::try_from(limit).unwrap_or(100))?;
        Ok(waiting
            .into_iter()
            .map(|w| {
                let (severity, urgency) = grade(w.first_due_date, today);
                AttentionItem {
                    area: Area::Purchasing,
                    entity: "supplier_invoices".into(),
                    record_id: w.id,
                    record_name: w.number,
                    context: Some(w.supplier_name),
                    reason: json!({ "kind": "invoice_to_approve" }),
                    more: 0,
                    due: w.first_due_date,
                    severity,
                    urgency,
                    act_by: Role::Accounting,
                }
            })
            .filter(|i| i.severity >= min)
            .collect())
    }
}
