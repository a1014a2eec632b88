//! The IT reports' reads: the inventory counted per group in SQL, and the cost of ownership per
//! asset, paged and sorted in SQL. Both keep to the assets the person may see.

use super::list::Visibility;
use super::locations::path_sql;
use crate::domain::assets::asset::AssetStatus;
use crate::domain::assets::report::{Grouping, TcoQuery, TcoRow, TcoSort};
use crate::domain::page::Page;
use crate::store::filter::Where;
use crate::store::paged::count_rows;
use rusqlite::types::Value;
use rusqlite::Connection;

/// One (group, status, currency) cell of a grouped count.
pub struct GroupCell {
    pub id: Option<i64>,
    pub status: AssetStatus,
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub currency: String,
    pub count: i64,
    /// Sum over the assets that have a cost.
    pub cost_cents: i64,
}

fn visible_only(who: Visibility) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("?V", "?"), v);
    }
    w.into_parts()
}

/// Each location with the top of its tree: the site it is in.
const SITES: &str = "WITH RECURSIVE root(id, site) AS (
        SELECT id, id FROM locations WHERE parent_id IS NULL
        UNION ALL SELECT l.id, root.site FROM locations l JOIN root ON l.parent_id = root.id) ";

/// The assets `who` sees, counted and costed per group, status and currency: a few hundred
/// cells at most, whatever the size of the inventory.
pub fn grouped(conn: &Connection, by: Grouping, who: Visibility) -> crate::Result<Vec<GroupCell>> {
    let (filter, args) = visible_only(who);
    let (with, key, names, join) = match by {
        Grouping::Status => ("", "NULL".to_owned(), "NULL, NULL", String::new()),
        Grouping::Category => (
            "",
            "a.category_id".to_owned(),
            "c.name_it, c.name_en",
            " JOIN asset_categories c ON c.id = a.category_id".to_owned(),
        ),
        Grouping::Site => (
            SITES,
            "r.site".to_owned(),
            "s.name, NULL",
            " LEFT JOIN root r ON r.id = a.location_id LEFT JOIN locations s ON s.id = r.site"
                .to_owned(),
        ),
        Grouping::Room => ("", "a.location_id".to_owned(), "", String::new()),
        Grouping::Department => (
            "",
            "a.department_id".to_owned(),
            "d.name, NULL",
            " LEFT JOIN departments d ON d.id = a.department_id".to_owned(),
        ),
    };
    // A place's name is its path, worked out once per group rather than per asset.
    let names = match by {
        Grouping::Room => format!("{}, NULL", path_sql("a.location_id")),
        _ => names.to_owned(),
    };
    let sql = format!(
        "{with}SELECT {key}, a.status, {names}, a.currency, count(*),
                coalesce(sum(a.cost_cents), 0)
         FROM assets a{join}{filter}
         GROUP BY {key}, a.status, a.currency
         ORDER BY {key}, a.status, a.currency LIMIT 100000"
    );
    let rows = conn
        .prepare(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(GroupCell {
                id: r.get(0)?,
                status: AssetStatus::parse(&r.get::<_, String>(1)?)
                    .ok_or_else(|| super::asset::bad(1, "status"))?,
                name: r.get(2)?,
                name_en: r.get(3)?,
                currency: r.get(4)?,
                count: r.get(5)?,
                cost_cents: r.get(6)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// What the work log spent on each asset.
const SPENT: &str = "(SELECT asset_id, sum(cost_cents) AS cents FROM maintenance_log
                      WHERE asset_id IS NOT NULL GROUP BY asset_id)";

fn tco_filter(q: &TcoQuery, who: Visibility) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some((cond, v)) = who.condition() {
        w.and(&cond.replace("?V", "?"), v);
    }
    if let Some(c) = q.category_id {
        w.and("a.category_id = ?", c);
    }
    w.into_parts()
}

/// One page of the assets `who` sees with their cost of ownership, in the query's order.
pub fn tco(
    conn: &Connection,
    q: &TcoQuery,
    who: Visibility,
    offset: i64,
    limit: i64,
) -> crate::Result<Page<TcoRow>> {
    let (filter, mut args) = tco_filter(q, who);
    let total = count_rows(conn, "assets a", &filter, &args)?;
    let dir = q.dir.sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort {
        TcoSort::Total => format!("total {dir}, a.id {dir}"),
        TcoSort::Purchase => format!("a.cost_cents IS NULL, a.cost_cents {dir}, a.id {dir}"),
        TcoSort::Maintenance => format!("spent {dir}, a.id {dir}"),
        TcoSort::Tag => format!("a.tag_key {dir}, a.id {dir}"),
    };
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let sql = format!(
        "SELECT a.id, a.tag, a.name, c.name_it, c.name_en, a.status, a.cost_cents, a.currency,
                coalesce(m.cents, 0) AS spent, coalesce(a.cost_cents, 0) + coalesce(m.cents, 0) AS total
         FROM assets a JOIN asset_categories c ON c.id = a.category_id
         LEFT JOIN {SPENT} m ON m.asset_id = a.id{filter}
         ORDER BY {order} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    let items = conn
        .prepare_cached(&sql)?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(TcoRow {
                id: r.get(0)?,
                tag: r.get(1)?,
                name: r.get(2)?,
                category_it: r.get(3)?,
                category_en: r.get(4)?,
                status: AssetStatus::parse(&r.get::<_, String>(5)?)
                    .ok_or_else(|| super::asset::bad(5, "status"))?,
                cost_cents: r.get(6)?,
                currency: r.get(7)?,
                maintenance_cents: r.get(8)?,
                total_cents: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}
