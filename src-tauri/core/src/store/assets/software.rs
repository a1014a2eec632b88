//! Software products: the name and version licences are bought for.

use crate::domain::assets::licence::{SoftwareProduct, ValidProduct};
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::like_pattern;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "software_products",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "name",
        "publisher",
        "product_version",
        "name_key",
        "product_version_key",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Parts(&[Part::Text("name"), Part::Text("product_version")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "p.id, p.name, p.publisher, p.product_version, p.notes,
    (SELECT count(*) FROM licences l WHERE l.product_id = p.id AND l.retired = 0), p.version";

fn from_row(r: &Row) -> rusqlite::Result<SoftwareProduct> {
    Ok(SoftwareProduct {
        id: r.get(0)?,
        name: r.get(1)?,
        publisher: r.get(2)?,
        product_version: r.get(3)?,
        notes: r.get(4)?,
        licences: r.get(5)?,
        version: r.get(6)?,
    })
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<SoftwareProduct>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM software_products p WHERE p.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?)
}

/// Products by name and version, those matching `search` (name or publisher) when given.
pub fn list(
    c: &Connection,
    search: Option<&str>,
    limit: i64,
) -> crate::Result<Vec<SoftwareProduct>> {
    let pattern = search
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| like_pattern(&fold_key(s)));
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM software_products p
             WHERE ?1 IS NULL OR p.name_key LIKE ?1 ESCAPE '\\'
                OR lower(p.publisher) LIKE ?1 ESCAPE '\\'
             ORDER BY p.name_key, p.product_version_key, p.id LIMIT ?2"
    ))?
    .query_map(rusqlite::params![pattern, limit], from_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn check(c: &Connection, v: &ValidProduct, own: i64) -> crate::Result<()> {
    let taken = c
        .prepare_cached(
            "SELECT 1 FROM software_products
             WHERE name_key = ?1 AND product_version_key = ?2 AND id <> ?3",
        )?
        .exists(rusqlite::params![v.name_key, v.product_version_key, own])?;
    if taken {
        return Err(Error::validation(vec![FieldError::new(
            "name",
            "duplicate",
        )]));
    }
    Ok(())
}

/// Saves the product: a new one when `id` is `None`. Returns its id.
pub fn save(w: &WriteTx, id: Option<i64>, v: &ValidProduct) -> crate::Result<i64> {
    check(w.conn(), v, id.unwrap_or(0))?;
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("name", &v.name as &dyn ToSql),
        ("name_key", &v.name_key),
        ("publisher", &v.publisher),
        ("product_version", &v.product_version),
        ("product_version_key", &v.product_version_key),
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

/// Every product's id with its folded name and version, for imports.
pub fn keys(c: &Connection) -> crate::Result<Vec<(i64, String, String)>> {
    Ok(c.prepare_cached(
        "SELECT id, name_key, product_version_key FROM software_products ORDER BY id LIMIT 100000",
    )?
    .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
