//! Consumables: the item, its stock and its minimum level. Stock changes only with a move
//! (`consumable_moves`), written in the same transaction.

use super::asset::bad;
use super::locations::path_sql;
use crate::domain::assets::consumable::{
    Consumable, ConsumableCategory, ConsumableQuery, ValidConsumable,
};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::filter::Where;
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{like_pattern, ts_parse};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "consumables",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "name",
        "name_key",
        "category",
        "unit",
        "stock",
        "min_level",
        "location_id",
        "supplier_name",
        "unit_cost_cents",
        "currency",
        "notes",
        "active",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("location_id", "locations")],
    naming: Naming::Field("name"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// Below its minimum: the same terms as the partial index `consumables_below_minimum`.
pub const BELOW_MINIMUM: &str = "k.active = 1 AND k.stock < k.min_level";

fn columns() -> String {
    format!(
        "k.id, k.name, k.category, k.unit, k.stock, k.min_level, k.location_id, {},
         k.supplier_name, k.unit_cost_cents, k.currency, k.notes, k.active, k.version,
         k.updated_at",
        path_sql("k.location_id")
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Consumable> {
    let stock: i64 = r.get(4)?;
    let min_level: i64 = r.get(5)?;
    let active: bool = r.get(12)?;
    Ok(Consumable {
        id: r.get(0)?,
        name: r.get(1)?,
        category: ConsumableCategory::parse(&r.get::<_, String>(2)?)
            .ok_or_else(|| bad(2, "category"))?,
        unit: r.get(3)?,
        stock,
        min_level,
        low: active && stock < min_level,
        location_id: r.get(6)?,
        location_path: r.get(7)?,
        supplier_name: r.get(8)?,
        unit_cost_cents: r.get(9)?,
        currency: r.get(10)?,
        notes: r.get(11)?,
        active,
        version: r.get(13)?,
        updated_at: ts_parse(&r.get::<_, String>(14)?)?,
    })
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Consumable>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {} FROM consumables k WHERE k.id = ?1",
        columns()
    ))?
    .query_row([id], from_row)
    .optional()?)
}

pub fn list(c: &Connection, q: &ConsumableQuery) -> crate::Result<Page<Consumable>> {
    let (offset, limit) = q.page.clamped();
    let mut w = Where::default();
    if !q.include_inactive {
        w.and_plain("k.active = 1");
    }
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and("k.name_key LIKE ? ESCAPE '\\'", like_pattern(&fold_key(s)));
    }
    if let Some(cat) = q.category {
        w.and("k.category = ?", cat.as_str().to_owned());
    }
    if q.low_only {
        w.and_plain(BELOW_MINIMUM);
    }
    let (filter, mut args) = w.into_parts();
    let total = count_rows(c, "consumables k", &filter, &args)?;
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = c
        .prepare_cached(&format!(
            "SELECT {} FROM consumables k{filter} ORDER BY k.name_key, k.id LIMIT ?{} OFFSET ?{}",
            columns(),
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Items below their minimum level, by name, at most `limit`.
pub fn below_minimum(c: &Connection, limit: i64) -> crate::Result<Vec<Consumable>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {} FROM consumables k WHERE {BELOW_MINIMUM} ORDER BY k.name_key LIMIT ?1",
        columns()
    ))?
    .query_map([limit], from_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// How many items [`below_minimum`] reads: `(out of stock, low)`.
pub fn below_minimum_counts(c: &Connection) -> crate::Result<(i64, i64)> {
    Ok(c.prepare_cached(&format!(
        "SELECT coalesce(sum(k.stock = 0), 0), coalesce(sum(k.stock <> 0), 0)
         FROM consumables k WHERE {BELOW_MINIMUM}"
    ))?
    .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?)
}

fn check(c: &Connection, v: &ValidConsumable, own: i64) -> crate::Result<()> {
    let taken = c
        .prepare_cached("SELECT 1 FROM consumables WHERE name_key = ?1 AND id <> ?2")?
        .exists(rusqlite::params![v.name_key, own])?;
    if taken {
        return Err(Error::validation(vec![FieldError::new(
            "name",
            "duplicate",
        )]));
    }
    if let Some(l) = v.location_id {
        if super::checkouts::location_active(c, l)?.is_none() {
            return Err(Error::validation(vec![FieldError::new(
                "location_id",
                "not_found",
            )]));
        }
    }
    Ok(())
}

/// Saves the item's description: a new one (stock 0) when `id` is `None`. Returns its id.
pub fn save(w: &WriteTx, id: Option<i64>, v: &ValidConsumable) -> crate::Result<i64> {
    check(w.conn(), v, id.unwrap_or(0))?;
    let category = v.category.as_str().to_owned();
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("name", &v.name as &dyn ToSql),
        ("name_key", &v.name_key),
        ("category", &category),
        ("unit", &v.unit),
        ("min_level", &v.min_level),
        ("location_id", &v.location_id),
        ("supplier_name", &v.supplier_name),
        ("unit_cost_cents", &v.unit_cost_cents),
        ("currency", &v.currency),
        ("notes", &v.notes),
    ];
    match id {
        None => recorded::insert(w, &TRACKED, &values),
        Some(id) => {
            recorded::update(w, &TRACKED, id, &values)?;
            Ok(id)
        }
    }
}

pub fn set_active(w: &WriteTx, id: i64, active: bool) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("active", &active as &dyn ToSql)])?;
    Ok(())
}

/// Sets the stock count; the caller has checked it stays at zero or more.
pub fn set_stock(w: &WriteTx, id: i64, stock: i64) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("stock", &stock as &dyn ToSql)])?;
    Ok(())
}
