//! The asset list: who sees which assets, and its pages, each sort and filter read from an
//! index.

use super::list_order;
use super::list_search::{self, Matches};
use super::locations::path_sql;
use crate::domain::assets::asset::{AssetQuery, AssetRow, AssetSort, AssetStatus};
use crate::domain::page::Page;
use crate::domain::text::fold_key;
use crate::store::dates::{date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::id_set::IN_IDS;
use crate::store::like_pattern;
use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use rusqlite::Connection;

/// Which assets a person may see: IT and administrators all of them; a manager those of the
/// departments they belong to or manage people in, and those held by their people; everyone
/// else the assets they hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    All,
    Managed { employee_id: Option<i64> },
    Own { employee_id: Option<i64> },
}

impl Visibility {
    /// A condition on the assets `a`, with its argument.
    pub fn condition(self) -> Option<(&'static str, i64)> {
        match self {
            Visibility::All => None,
            Visibility::Managed { employee_id } => Some((
                "(a.department_id IN (SELECT department_id FROM employees
                                       WHERE id = ?V OR manager_id = ?V)
                  OR a.holder_employee_id IN (SELECT id FROM employees
                                               WHERE id = ?V OR manager_id = ?V))",
                employee_id.unwrap_or(-1),
            )),
            Visibility::Own { employee_id } => {
                Some(("a.holder_employee_id = ?V", employee_id.unwrap_or(-1)))
            }
        }
    }
}

/// Whether `who` may see asset `id`.
pub fn visible(conn: &Connection, id: i64, who: Visibility) -> crate::Result<bool> {
    let Some((cond, v)) = who.condition() else {
        return Ok(true);
    };
    let sql = format!(
        "SELECT 1 FROM assets a WHERE a.id = ?1 AND {}",
        cond.replace("?V", "?2")
    );
    Ok(conn
        .prepare_cached(&sql)?
        .exists(rusqlite::params![id, v])?)
}

/// From this many matches a place filter reads along the sort's index (see `filtered`).
const WALK_ORDER_FROM: i64 = 1_000;

/// The location and every place inside it.
const INSIDE: &str = "(WITH RECURSIVE down(id) AS (SELECT ? UNION ALL
    SELECT l.id FROM locations l JOIN down ON l.parent_id = down.id) SELECT id FROM down)";

/// The WHERE clause of `q` (`found`: the search's matches, see [`list_search::matches`]).
/// `walk_order`: the place filter and the matches leave their indexes aside (`+`), so a page of
/// many matches is read along the sort's index instead of sorting them all.
fn filtered(
    q: &AssetQuery,
    who: Visibility,
    today: NaiveDate,
    walk_order: bool,
    found: Option<&Matches>,
) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("?V", "?"), v);
    }
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        // A fragment of the tag, name, serial or model: from three characters the matches
        // found in the trigram index; shorter ones have no trigram, so the table is read.
        match found {
            // Along the sort's index each asset is tested against the set; otherwise the
            // matches are read one by one.
            Some(m) if walk_order => w.and(&format!("{IN_IDS}(a.id, ?)"), m.ids.blob()),
            Some(m) => w.and("a.id IN (SELECT value FROM json_each(?))", m.ids.json()),
            None => w.and(list_search::TEST, like_pattern(&fold_key(s))),
        }
    }
    if let Some(c) = q.category_id {
        w.and("a.category_id = ?", c);
    }
    if let Some(s) = q.status {
        w.and("a.status = ?", s.as_str().to_owned());
    }
    if let Some(l) = q.location_id {
        let col = if walk_order {
            "+a.location_id"
        } else {
            "a.location_id"
        };
        w.and(&format!("{col} IN {INSIDE}"), l);
    }
    if let Some(d) = q.department_id {
        w.and("a.department_id = ?", d);
    }
    if let Some(h) = q.holder_employee_id {
        w.and("a.holder_employee_id = ?", h);
    }
    if let Some(days) = q.warranty_within_days {
        let until = today
            .checked_add_days(Days::new(days.clamp(0, 3650) as u64))
            .unwrap_or(today);
        w.and("a.warranty_end >= ?", date_text(today));
        w.and("a.warranty_end <= ?", date_text(until));
    }
    w.into_parts()
}

/// Whether the search is all `q` asks of the assets `who` sees.
fn only_search(q: &AssetQuery, who: Visibility) -> bool {
    who.condition().is_none()
        && q.category_id.is_none()
        && q.status.is_none()
        && q.location_id.is_none()
        && q.department_id.is_none()
        && q.holder_employee_id.is_none()
        && q.warranty_within_days.is_none()
}

pub fn list(
    conn: &Connection,
    q: &AssetQuery,
    who: Visibility,
    today: NaiveDate,
) -> crate::Result<Page<AssetRow>> {
    let (offset, limit) = q.page.clamped();
    let found = list_search::matches(conn, q.search.as_deref())?;
    let total: i64 = match &found {
        // The search alone: its matches are the list.
        Some(m) if only_search(q, who) => m.ids.len() as i64,
        _ => {
            let (filter, args) = filtered(q, who, today, false, found.as_ref());
            conn.query_row(
                &format!("SELECT count(*) FROM assets a{filter}"),
                rusqlite::params_from_iter(args.iter()),
                |r| r.get(0),
            )?
        }
    };
    // A place with many assets (a site), a search with many matches: reading the sort's index
    // and testing each asset finds a page sooner than sorting every match.
    let (filter, mut args) = filtered(q, who, today, total >= WALK_ORDER_FROM, found.as_ref());
    let (join, terms) = list_order::terms(q.sort);
    let (offset, limit, reversed) = list_order::window(offset, limit, total);
    let order = list_order::order_sql(terms, q.dir, reversed);
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    // The page's ids first, from the index; then their rows, put back in that order.
    let mut ids: Vec<i64> = conn
        .prepare_cached(&format!(
            "SELECT a.id FROM assets a{join}{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    if reversed {
        ids.reverse();
    }
    let items = rows(conn, &ids)?;
    Ok(Page { items, total })
}

/// The list rows of `ids`, in that order.
pub fn rows(conn: &Connection, ids: &[i64]) -> crate::Result<Vec<AssetRow>> {
    let json = serde_json::to_string(ids).map_err(|e| crate::Error::internal(e.to_string()))?;
    let sql = format!(
        "SELECT a.id, a.tag, a.name, c.name_it, c.name_en, a.model, a.serial, a.status,
                {}, a.holder_employee_id,
                (SELECT last_name || ' ' || first_name FROM employees WHERE id = a.holder_employee_id),
                a.warranty_end, a.purchase_date, a.cost_cents, a.currency
         FROM assets a JOIN asset_categories c ON c.id = a.category_id
         WHERE a.id IN (SELECT value FROM json_each(?1))",
        path_sql("a.location_id"),
    );
    let mut found = conn
        .prepare_cached(&sql)?
        .query_map([json], |r| {
            Ok(AssetRow {
                id: r.get(0)?,
                tag: r.get(1)?,
                name: r.get(2)?,
                category_it: r.get(3)?,
                category_en: r.get(4)?,
                model: r.get(5)?,
                serial: r.get(6)?,
                status: AssetStatus::parse(&r.get::<_, String>(7)?)
                    .ok_or_else(|| super::asset::bad(7, "status"))?,
                location_path: r.get(8)?,
                holder_employee_id: r.get(9)?,
                holder_name: r.get(10)?,
                warranty_end: opt_date_at(r, 11)?,
                purchase_date: opt_date_at(r, 12)?,
                cost_cents: r.get(13)?,
                currency: r.get(14)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let at: std::collections::HashMap<i64, usize> =
        ids.iter().enumerate().map(|(i, id)| (*id, i)).collect();
    found.sort_by_key(|r| at.get(&r.id).copied().unwrap_or(usize::MAX));
    Ok(found)
}

/// The assets recorded at a place or anywhere inside it, by tag (not retired or lost), for an
/// inventory check of it. Capped: a walk covers a room or a floor, not a city.
pub fn expected_at(
    conn: &Connection,
    location: i64,
) -> crate::Result<Vec<crate::domain::assets::inventory_check::CheckedAsset>> {
    let sql = format!(
        "SELECT a.id, a.tag, a.name, {}, a.last_checked_on FROM assets a
         WHERE a.location_id IN {} AND a.status NOT IN ('retired', 'lost')
         ORDER BY a.tag_key LIMIT 20000",
        path_sql("a.location_id"),
        INSIDE.replace('?', "?1")
    );
    let rows = conn
        .prepare_cached(&sql)?
        .query_map([location], |r| {
            Ok(crate::domain::assets::inventory_check::CheckedAsset {
                id: r.get(0)?,
                tag: r.get(1)?,
                name: r.get(2)?,
                location_path: r.get(3)?,
                last_checked_on: opt_date_at(r, 4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Every asset matching `q`, in its order, `f` called on each batch of rows: the export's
/// read, never the whole table in memory.
pub fn for_each_batch(
    conn: &Connection,
    q: &AssetQuery,
    who: Visibility,
    today: NaiveDate,
    f: &mut dyn FnMut(Vec<crate::domain::assets::asset::Asset>) -> crate::Result<()>,
) -> crate::Result<()> {
    let found = list_search::matches(conn, q.search.as_deref())?;
    let (filter, args) = filtered(q, who, today, false, found.as_ref());
    let dir = q.dir.sql();
    let order = match q.sort {
        AssetSort::Name => format!("a.name_key {dir}, a.id {dir}"),
        AssetSort::WarrantyEnd => {
            format!("a.warranty_end IS NULL, a.warranty_end {dir}, a.id {dir}")
        }
        AssetSort::PurchaseDate => {
            format!("a.purchase_date IS NULL, a.purchase_date {dir}, a.id {dir}")
        }
        _ => format!("a.tag_key {dir}, a.id {dir}"),
    };
    let ids: Vec<i64> = conn
        .prepare(&format!(
            "SELECT a.id FROM assets a{filter} ORDER BY {order} LIMIT 1000000"
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for chunk in ids.chunks(500) {
        let mut batch = Vec::with_capacity(chunk.len());
        for id in chunk {
            if let Some(a) = super::asset::get(conn, *id)? {
                batch.push(a);
            }
        }
        f(batch)?;
    }
    Ok(())
}
