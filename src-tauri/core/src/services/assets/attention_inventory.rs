//! The inventory's contribution to the attention list, for IT and administrators: warranties
//! ending within 90 days, people who left still holding company assets, hand-overs late back,
//! and physical inventory checks overdue.

use crate::domain::attention::{
    banded_counts, grade_by_lateness, AttentionItem, Severity, LONG_OVERDUE_DAYS,
};
use crate::domain::permissions::{allows, Action, Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::assets::waiting::{waiting, waiting_counts, Waiting};
use crate::store::users;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

pub struct Inventory;

/// Warranties ending within this many days are shown.
pub const WARRANTY_DAYS: u64 = 90;

fn grade(days_late: i64) -> (Severity, i64) {
    grade_by_lateness(days_late, 2)
}

fn item(w: Waiting, today: NaiveDate) -> AttentionItem {
    let (id, tag, name, due, context, reason) = match w {
        Waiting::Warranty {
            id,
            tag,
            name,
            ends,
        } => (
            id,
            tag,
            name,
            ends,
            None,
            json!({ "kind": "warranty_ends" }),
        ),
        Waiting::Leaver {
            id,
            tag,
            name,
            holder,
            employee_id,
            since,
        } => (
            id,
            tag,
            name,
            since,
            Some(holder.clone()),
            json!({ "kind": "leaver_holds", "holder": holder, "employee_id": employee_id }),
        ),
        Waiting::LateReturn {
            id,
            tag,
            name,
            holder,
            expected,
        } => (
            id,
            tag,
            name,
            expected,
            Some(holder.clone()),
            json!({ "kind": "return_late", "holder": holder }),
        ),
        Waiting::CheckDue { id, tag, name, due } => {
            (id, tag, name, due, None, json!({ "kind": "check_due" }))
        }
    };
    let (severity, urgency) = grade((today - due).num_days());
    AttentionItem {
        area: Area::Assets,
        entity: "assets".to_owned(),
        record_id: id,
        record_name: format!("{tag} · {name}"),
        context,
        reason,
        more: 0,
        due: Some(due),
        severity,
        urgency,
        act_by: Role::It,
    }
}

/// The inventory's chores are IT's: others see none of them.
fn keeps_inventory(conn: &Connection, who: Viewer) -> crate::Result<bool> {
    Ok(users::get(conn, who.user_id)?
        .is_some_and(|u| allows(&u.roles, Area::Assets, Action::Write)))
}

fn collect(
    conn: &Connection,
    today: NaiveDate,
    who: Viewer,
    limit: i64,
) -> crate::Result<Vec<AttentionItem>> {
    if !keeps_inventory(conn, who)? {
        return Ok(Vec::new());
    }
    let until = today + Days::new(WARRANTY_DAYS);
    let mut out: Vec<AttentionItem> = waiting(conn, today, until, limit)?
        .into_iter()
        .map(|w| item(w, today))
        .collect();
    out.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(a.record_id.cmp(&b.record_id))
    });
    Ok(out)
}

impl Provider for Inventory {
    fn area(&self) -> Area {
        Area::Assets
    }

    fn counts(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        if !keeps_inventory(conn, who)? {
            return Ok(Vec::new());
        }
        // Counted in the indexes, in the same bands `grade` gives each item.
        let until = today + Days::new(WARRANTY_DAYS);
        let long = today - Days::new(LONG_OVERDUE_DAYS);
        Ok(banded_counts(waiting_counts(conn, today, until, long)?))
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
