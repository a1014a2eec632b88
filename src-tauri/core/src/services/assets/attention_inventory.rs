//! The inventory's contribution to the attention list, for IT and administrators: warranties
//! ending within 90 days, people who left still holding company assets, hand-overs late back,
//! and physical inventory checks overdue.

use crate::domain::attention::{AttentionItem, Severity};
use crate::domain::permissions::{allows, Action, Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::assets::waiting::{waiting, Waiting};
use crate::store::users;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

pub struct Inventory;

/// Warranties ending within this many days are shown.
pub const WARRANTY_DAYS: u64 = 90;
/// Items of each kind looked at; the counts are of these.
const LOOK_AT: i64 = 2_000;

/// Same bands as the other areas: days late (positive) or early (negative).
fn grade(days_late: i64) -> (Severity, i64) {
    match days_late {
        d if d > 30 => (Severity::Critical, 400 + d.min(99)),
        d if d > 0 => (Severity::High, 300 + d),
        d => (Severity::Medium, 200 + (50 + d / 2).clamp(0, 99)),
    }
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

fn collect(
    conn: &Connection,
    today: NaiveDate,
    who: Viewer,
    limit: i64,
) -> crate::Result<Vec<AttentionItem>> {
    // The inventory's chores are IT's: others see none of them.
    let keeps = users::get(conn, who.user_id)?
        .is_some_and(|u| allows(&u.roles, Area::Assets, Action::Write));
    if !keeps {
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
