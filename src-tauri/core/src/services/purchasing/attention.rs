//! Purchasing's contribution to the attention list: suppliers' files (DURC, certificates,
//! contracts) expired or expiring within 30 days, for those who write purchasing.

use crate::domain::attention::{
    banded_counts, grade_by_lateness, AttentionItem, Severity, LONG_OVERDUE_DAYS,
};
use crate::domain::permissions::{allows, Action, Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::purchasing::{supplier_files, supplier_list::EXPIRY_NOTICE_DAYS};
use crate::store::users;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

pub struct SupplierFiles;

fn buys(conn: &Connection, who: Viewer) -> crate::Result<bool> {
    Ok(users::get(conn, who.user_id)?
        .is_some_and(|u| allows(&u.roles, Area::Purchasing, Action::Write)))
}

fn horizon(today: NaiveDate) -> NaiveDate {
    today
        .checked_add_days(Days::new(EXPIRY_NOTICE_DAYS))
        .unwrap_or(today)
}

impl Provider for SupplierFiles {
    fn area(&self) -> Area {
        Area::Purchasing
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        if !buys(conn, who)? {
            return Ok(Vec::new());
        }
        Ok(banded_counts(supplier_files::counts(
            conn,
            today,
            LONG_OVERDUE_DAYS,
            horizon(today),
        )?))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        if !buys(conn, who)? {
            return Ok(Vec::new());
        }
        // Read by expiry date, the oldest first: the most late are the most urgent.
        let files =
            supplier_files::expiring(conn, horizon(today), i64::try_from(limit).unwrap_or(100))?;
        Ok(files
            .into_iter()
            .map(|f| {
                let (severity, urgency) = grade_by_lateness((today - f.expires_on).num_days(), 1);
                AttentionItem {
                    area: Area::Purchasing,
                    entity: "suppliers".into(),
                    record_id: f.supplier_id,
                    record_name: f.supplier_name,
                    context: Some(f.title),
                    reason: json!({
                        "kind": if f.expires_on < today { "file_expired" } else { "file_expiring" },
                        "attachment_id": f.attachment_id,
                    }),
                    more: 0,
                    due: Some(f.expires_on),
                    severity,
                    urgency,
                    act_by: Role::Purchasing,
                }
            })
            .filter(|i| i.severity >= min)
            .collect())
    }
}
