//! Assets' contributions to the attention list, for IT and administrators: licences that
//! expire within 60 days or have expired with seats still held, seats still held by people
//! who have left, and consumables below their minimum level. Two providers of one area: Home adds their counts together.

use crate::domain::assets::licence::Licence;
use crate::domain::attention::{
    banded_counts, grade_by_lateness, AttentionItem, Severity, LONG_OVERDUE_DAYS,
};
use crate::domain::permissions::{allows, Action, Area, Role};
use crate::services::attention::{Provider, Viewer};
use crate::store::assets::{consumables, licence_list, licences, seats};
use crate::store::users;
use chrono::{Days, NaiveDate};
use rusqlite::Connection;
use serde_json::json;

/// Licences expiring within this many days are shown before they expire.
pub const EXPIRY_NOTICE_DAYS: u64 = 60;
/// Items of each kind looked at for the list (the counts are counted, not looked at).
const LOOK_AT: i64 = 2_000;

pub struct Licences;
pub struct LowStock;

/// Only those who keep the inventory act on these.
fn keeps_inventory(conn: &Connection, who: Viewer) -> crate::Result<bool> {
    Ok(users::get(conn, who.user_id)?
        .is_some_and(|u| allows(&u.roles, Area::Assets, Action::Write)))
}

fn grade(days_late: i64) -> (Severity, i64) {
    grade_by_lateness(days_late, 1)
}

fn licence_item(l: Licence, today: NaiveDate) -> Option<AttentionItem> {
    let due = l.expiry_date?;
    let (severity, urgency) = grade((today - due).num_days());
    let expired = due < today;
    Some(AttentionItem {
        area: Area::Assets,
        entity: "licences".into(),
        record_id: l.id,
        record_name: match &l.product_version {
            Some(v) => format!("{} {v}", l.product_name),
            None => l.product_name.clone(),
        },
        context: l.supplier_name.clone(),
        reason: json!({
            "kind": if expired { "licence_expired" } else { "licence_expiring" },
            "seats": l.seats, "seats_used": l.seats_used,
        }),
        more: 0,
        due: Some(due),
        severity,
        urgency,
        act_by: Role::It,
    })
}

/// A licence to show, graded from its expiry date alone, or an item already built.
enum Pending {
    Licence(i64),
    Built(AttentionItem),
}

/// The `limit` most urgent licence items of at least `min`: each expiring licence graded from
/// its id and date, and only the licences shown then read whole.
fn licence_items(
    conn: &Connection,
    today: NaiveDate,
    who: Viewer,
    min: Severity,
    limit: usize,
) -> crate::Result<Vec<AttentionItem>> {
    if !keeps_inventory(conn, who)? {
        return Ok(Vec::new());
    }
    let horizon = today + Days::new(EXPIRY_NOTICE_DAYS);
    let mut pending: Vec<(i64, i64, Pending)> = Vec::new();
    for (id, due) in licence_list::expiring_dates(conn, today, horizon, LOOK_AT)? {
        let (severity, urgency) = grade((today - due).num_days());
        if severity >= min {
            pending.push((urgency, id, Pending::Licence(id)));
        }
    }
    for item in leaver_items(conn, LOOK_AT)? {
        if item.severity >= min {
            pending.push((item.urgency, item.record_id, Pending::Built(item)));
        }
    }
    pending.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    pending.truncate(limit);
    let mut items = Vec::with_capacity(pending.len());
    for (_, _, p) in pending {
        match p {
            Pending::Built(item) => items.push(item),
            Pending::Licence(id) => {
                if let Some(l) = licences::get(conn, id)? {
                    items.extend(licence_item(l, today));
                }
            }
        }
    }
    Ok(items)
}

/// A seat a leaver still holds: to be released so someone else can have it.
fn leaver_items(conn: &Connection, limit: i64) -> crate::Result<Vec<AttentionItem>> {
    Ok(seats::of_leavers(conn, limit)?
        .into_iter()
        .map(|s| AttentionItem {
            area: Area::Assets,
            entity: "licence_seats".into(),
            record_id: s.id,
            record_name: s.employee_name.unwrap_or_default(),
            context: Some(s.product_name),
            reason: json!({ "kind": "seat_of_leaver", "licence_id": s.licence_id }),
            more: 0,
            due: None,
            severity: Severity::Medium,
            urgency: 250,
            act_by: Role::It,
        })
        .collect())
}

fn stock_items(conn: &Connection, who: Viewer, limit: i64) -> crate::Result<Vec<AttentionItem>> {
    if !keeps_inventory(conn, who)? {
        return Ok(Vec::new());
    }
    let mut items: Vec<AttentionItem> = consumables::below_minimum(conn, limit)?
        .into_iter()
        .map(|k| {
            let (severity, urgency) = if k.stock == 0 {
                (Severity::High, 300)
            } else {
                (Severity::Medium, 250)
            };
            AttentionItem {
                area: Area::Assets,
                entity: "consumables".into(),
                record_id: k.id,
                record_name: k.name,
                context: k.location_path,
                reason: json!({
                    "kind": "below_minimum", "stock": k.stock,
                    "min_level": k.min_level, "unit": k.unit,
                }),
                more: 0,
                due: None,
                severity,
                urgency,
                act_by: Role::It,
            }
        })
        .collect();
    items.sort_by(|a, b| {
        b.urgency
            .cmp(&a.urgency)
            .then(a.record_id.cmp(&b.record_id))
    });
    Ok(items)
}

fn most_urgent(mut items: Vec<AttentionItem>, min: Severity, limit: usize) -> Vec<AttentionItem> {
    items.retain(|i| i.severity >= min);
    items.truncate(limit);
    items
}

impl Provider for Licences {
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
        // Counted in the expiry index, in the same bands `grade` gives each licence; a seat
        // of a leaver is medium.
        let horizon = today + Days::new(EXPIRY_NOTICE_DAYS);
        let long = today - Days::new(LONG_OVERDUE_DAYS);
        let [critical, high, medium] = licence_list::expiring_counts(conn, today, horizon, long)?;
        let leavers = seats::count_of_leavers(conn)?;
        Ok(banded_counts([critical, high, medium + leavers]))
    }

    fn items(
        &self,
        conn: &Connection,
        today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        licence_items(conn, today, who, min, limit)
    }
}

impl Provider for LowStock {
    fn area(&self) -> Area {
        Area::Assets
    }

    fn counts(
        &self,
        conn: &Connection,
        _today: NaiveDate,
        who: Viewer,
    ) -> crate::Result<Vec<(Severity, i64)>> {
        if !keeps_inventory(conn, who)? {
            return Ok(Vec::new());
        }
        // Out of stock is high, low medium: as `stock_items` grades them.
        let (empty, low) = consumables::below_minimum_counts(conn)?;
        Ok(vec![(Severity::High, empty), (Severity::Medium, low)])
    }

    fn items(
        &self,
        conn: &Connection,
        _today: NaiveDate,
        who: Viewer,
        min: Severity,
        limit: usize,
    ) -> crate::Result<Vec<AttentionItem>> {
        Ok(most_urgent(stock_items(conn, who, LOOK_AT)?, min, limit))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expiry_grades_like_other_areas() {
        assert_eq!(grade(-60).0, Severity::Medium);
        assert_eq!(grade(3), (Severity::High, 303));
        assert_eq!(grade(40).0, Severity::Critical);
        assert!(grade(-1).1 > grade(-30).1);
    }
}
