//! Locations: sites, buildings, floors and rooms as a tree. A place is retired, never deleted,
//! so assets and history keep it.

use crate::domain::assets::catalog::{Location, LocationKind, ValidLocation, MAX_DEPTH};
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "locations",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "parent_id",
        "kind",
        "name",
        "name_key",
        "address",
        "active",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("parent_id", "locations")],
    naming: Naming::Field("name"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// The SQL expression naming the location in column `col` from its site down
/// ("Milano › Piano 2 › Sala server"); the tree is at most `MAX_DEPTH` deep.
pub fn path_sql(col: &str) -> String {
    format!(
        "(WITH RECURSIVE up(id, parent_id, name, d) AS (
            SELECT id, parent_id, name, 0 FROM locations WHERE id = {col}
            UNION ALL SELECT l.id, l.parent_id, l.name, up.d + 1
              FROM locations l JOIN up ON l.id = up.parent_id WHERE up.d < {MAX_DEPTH})
          SELECT group_concat(name, ' › ' ORDER BY d DESC) FROM up)"
    )
}

fn columns() -> String {
    format!(
        "l.id, l.parent_id, l.kind, l.name, {}, l.address, l.active,
         (SELECT count(*) FROM assets a WHERE a.location_id = l.id),
         l.version, l.created_at, l.updated_at,
         (WITH RECURSIVE up(id, parent_id, d) AS (
            SELECT id, parent_id, 0 FROM locations WHERE id = l.id
            UNION ALL SELECT x.id, x.parent_id, up.d + 1
              FROM locations x JOIN up ON x.id = up.parent_id WHERE up.d < {MAX_DEPTH})
          SELECT max(d) FROM up)",
        path_sql("l.id")
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Location> {
    Ok(Location {
        id: r.get(0)?,
        parent_id: r.get(1)?,
        kind: LocationKind::parse(&r.get::<_, String>(2)?).unwrap_or(LocationKind::Other),
        name: r.get(3)?,
        path: r.get(4)?,
        address: r.get(5)?,
        active: r.get(6)?,
        assets: r.get(7)?,
        version: r.get(8)?,
        created_at: ts_parse(&r.get::<_, String>(9)?)?,
        updated_at: ts_parse(&r.get::<_, String>(10)?)?,
        depth: r.get(11)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Location>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM locations l WHERE l.id = ?1",
            columns()
        ))?
        .query_row([id], from_row)
        .optional()?)
}

/// Every place, in tree order (by path). An office has tens or hundreds; capped all the same.
pub fn list(conn: &Connection, include_retired: bool) -> crate::Result<Vec<Location>> {
    let mut items = conn
        .prepare_cached(&format!(
            "SELECT {} FROM locations l WHERE l.active = 1 OR ?1 LIMIT 5000",
            columns()
        ))?
        .query_map([include_retired], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    items.sort_by(|a, b| {
        crate::domain::text::fold_key(&a.path).cmp(&crate::domain::text::fold_key(&b.path))
    });
    Ok(items)
}

/// The place named `path` ("Milano › Sala server", any case), for imports.
pub fn by_path(conn: &Connection, path: &str) -> crate::Result<Option<i64>> {
    let key = crate::domain::text::fold_key(path);
    Ok(list(conn, true)?
        .into_iter()
        .find(|l| crate::domain::text::fold_key(&l.path) == key)
        .map(|l| l.id))
}

fn check(w: &WriteTx, v: &ValidLocation, own: i64) -> crate::Result<()> {
    let c = w.conn();
    if let Some(p) = v.parent_id {
        let Some(parent) = get(c, p)? else {
            return Err(Error::validation(vec![FieldError::new(
                "parent_id",
                "not_found",
            )]));
        };
        // A place cannot move inside itself or a place within it.
        if own != 0 && (p == own || is_inside(c, p, own)?) {
            return Err(Error::validation(vec![FieldError::new(
                "parent_id",
                "cycle",
            )]));
        }
        if parent.depth + 1 >= MAX_DEPTH {
            return Err(Error::validation(vec![FieldError::new(
                "parent_id",
                "too_deep",
            )
            .with("max", MAX_DEPTH)]));
        }
    }
    let taken = c
        .prepare_cached(
            "SELECT 1 FROM locations WHERE parent_id IS ?1 AND name_key = ?2 AND id <> ?3",
        )?
        .exists(rusqlite::params![v.parent_id, v.name_key, own])?;
    if taken {
        return Err(Error::validation(vec![FieldError::new(
            "name",
            "duplicate",
        )]));
    }
    Ok(())
}

/// Whether `place` lies inside `ancestor` (or is it).
fn is_inside(c: &Connection, place: i64, ancestor: i64) -> crate::Result<bool> {
    Ok(c.prepare_cached(&format!(
        "WITH RECURSIVE up(id, parent_id, d) AS (
            SELECT id, parent_id, 0 FROM locations WHERE id = ?1
            UNION ALL SELECT l.id, l.parent_id, up.d + 1
              FROM locations l JOIN up ON l.id = up.parent_id WHERE up.d < {MAX_DEPTH})
         SELECT 1 FROM up WHERE id = ?2"
    ))?
    .exists([place, ancestor])?)
}

fn values(v: &ValidLocation) -> (String, Vec<(&'static str, &dyn ToSql)>) {
    let kind = v.kind.as_str().to_owned();
    let list: Vec<(&'static str, &dyn ToSql)> = vec![
        ("parent_id", &v.parent_id as &dyn ToSql),
        ("name", &v.name),
        ("name_key", &v.name_key),
        ("address", &v.address),
    ];
    (kind, list)
}

pub fn insert(w: &WriteTx, v: &ValidLocation) -> crate::Result<i64> {
    check(w, v, 0)?;
    let (kind, mut vals) = values(v);
    let active = true;
    vals.push(("kind", &kind));
    vals.push(("active", &active));
    recorded::insert(w, &TRACKED, &vals)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidLocation) -> crate::Result<()> {
    check(w, v, id)?;
    let (kind, mut vals) = values(v);
    vals.push(("kind", &kind));
    recorded::update(w, &TRACKED, id, &vals)?;
    Ok(())
}

pub fn set_active(w: &WriteTx, id: i64, active: bool) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &vec![("active", &active as &dyn ToSql)])?;
    Ok(())
}
