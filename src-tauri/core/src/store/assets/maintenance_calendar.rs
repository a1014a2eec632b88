//! The month calendar's reads: only what the month view shows of each work-log entry and each
//! plan due, from indexes (migration 0025): the assets' names read once each in id order, each
//! place's path worked out once per place.

use super::locations::path_sql;
use crate::domain::assets::maintenance_log::{CalendarEntry, CalendarKind, Outcome};
use crate::domain::schedule::Schedule;
use crate::store::dates::{date_at, date_text};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::hash_map::Entry;
use std::collections::HashMap;

/// Entries done within `from..=to`, in date order, at most `limit`: the title (the plan's, or
/// the work for ad-hoc work), the asset and the outcome, read from the log's calendar index.
pub fn done_between(
    conn: &Connection,
    from: NaiveDate,
    to: NaiveDate,
    limit: i64,
) -> crate::Result<Vec<CalendarEntry>> {
    let mut stmt = conn.prepare_cached(
        "SELECT g.id, g.plan_id, coalesce(p.title, g.work), g.asset_id, g.done_on, g.outcome
         FROM maintenance_log g LEFT JOIN maintenance_plans p ON p.id = g.plan_id
         WHERE g.done_on BETWEEN ?1 AND ?2
         ORDER BY g.done_on, g.id LIMIT ?3",
    )?;
    let rows = stmt
        .query_map(
            rusqlite::params![date_text(from), date_text(to), limit],
            |r| {
                let entry = CalendarEntry {
                    date: date_at(r, 4)?,
                    plan_id: r.get(1)?,
                    title: r.get(2)?,
                    target_name: None,
                    kind: CalendarKind::Done {
                        log_id: r.get(0)?,
                        outcome: Outcome::parse(&r.get::<_, String>(5)?)
                            .ok_or_else(|| super::asset::bad(5, "outcome"))?,
                    },
                };
                Ok((entry, r.get::<_, Option<i64>>(3)?))
            },
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let names = labels(conn, rows.iter().filter_map(|(_, a)| *a))?;
    Ok(rows
        .into_iter()
        .map(|(mut entry, asset)| {
            entry.target_name = asset.and_then(|a| names.get(&a).cloned());
            entry
        })
        .collect())
}

/// "tag name" of each asset of `ids`, read in id order from the small `assets_label` index
/// (migration 0025): a month's entries name thousands of assets, whose rows are wide.
fn labels(
    conn: &Connection,
    ids: impl Iterator<Item = i64>,
) -> crate::Result<HashMap<i64, String>> {
    let mut ids: Vec<i64> = ids.collect();
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    ids.sort_unstable();
    ids.dedup();
    let json = serde_json::to_string(&ids).map_err(|e| crate::Error::internal(e.to_string()))?;
    let found = conn
        .prepare_cached(
            "SELECT id, tag || ' ' || name FROM assets INDEXED BY assets_label
             WHERE id IN (SELECT value FROM json_each(?1))",
        )?
        .query_map([json], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<HashMap<i64, String>>>()?;
    Ok(found)
}

/// An active plan due on or before the month's last day, as the calendar shows it.
pub struct CalendarPlan {
    pub id: i64,
    pub title: String,
    pub target_name: String,
    pub schedule: Schedule,
    pub next_due_on: NaiveDate,
}

/// Active plans due on or before `until`, soonest first, at most `limit`, each with its
/// target's name: an asset's tag and name, a category's name, a place's path.
pub fn due_by(conn: &Connection, until: NaiveDate, limit: i64) -> crate::Result<Vec<CalendarPlan>> {
    let mut stmt = conn.prepare_cached(
        "SELECT p.id, p.title, p.schedule, p.next_due_on,
                CASE WHEN p.asset_id IS NULL AND p.category_id IS NOT NULL
                       THEN (SELECT coalesce(name_it, name_en) FROM asset_categories
                             WHERE id = p.category_id) END,
                CASE WHEN p.asset_id IS NULL AND p.category_id IS NULL THEN p.location_id END,
                p.asset_id
         FROM maintenance_plans p
         WHERE p.next_due_on <= ?1 AND p.active = 1
         ORDER BY p.next_due_on, p.id LIMIT ?2",
    )?;
    let rows = stmt
        .query_map(rusqlite::params![date_text(until), limit], |r| {
            Ok((
                CalendarPlan {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    target_name: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    schedule: super::maintenance::schedule_at(r, 2)?,
                    next_due_on: date_at(r, 3)?,
                },
                r.get::<_, Option<i64>>(5)?,
                r.get::<_, Option<i64>>(6)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let names = labels(conn, rows.iter().filter_map(|(_, _, a)| *a))?;
    // Many plans share a few places: each path is worked out once.
    let mut paths: HashMap<i64, String> = HashMap::new();
    let mut out = Vec::with_capacity(rows.len());
    for (mut plan, place, asset) in rows {
        if let Some(a) = asset {
            plan.target_name = names.get(&a).cloned().unwrap_or_default();
        }
        if let Some(l) = place {
            plan.target_name = match paths.entry(l) {
                Entry::Occupied(e) => e.get().clone(),
                Entry::Vacant(e) => e.insert(path(conn, l)?).clone(),
            };
        }
        out.push(plan);
    }
    Ok(out)
}

fn path(conn: &Connection, location: i64) -> crate::Result<String> {
    let sql = format!("SELECT {}", path_sql("?1"));
    let path: Option<String> = conn
        .prepare_cached(&sql)?
        .query_row([location], |r| r.get(0))?;
    Ok(path.unwrap_or_default())
}
