//! One asset: reading it whole, writing its form, and the fields check-outs and inventory
//! checks move.

use super::locations::path_sql;
use crate::domain::assets::asset::{Asset, AssetStatus, ValidAsset};
use crate::domain::permissions::Area;
use crate::error::{Error, FieldError};
use crate::store::dates::{date_text, opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "assets",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "tag",
        "tag_key",
        "name",
        "name_key",
        "category_id",
        "manufacturer",
        "model",
        "serial",
        "supplier_name",
        "order_number",
        "purchase_date",
        "cost_cents",
        "currency",
        "warranty_end",
        "location_id",
        "department_id",
        "status",
        "status_date",
        "notes",
        "holder_employee_id",
        "holder_location_id",
        "last_checked_on",
        "next_check_on",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("category_id", "asset_categories"),
        ("location_id", "locations"),
        ("department_id", "departments"),
        ("holder_employee_id", "employees"),
        ("holder_location_id", "locations"),
    ],
    naming: Naming::Parts(&[Part::Text("tag"), Part::Text("name")]),
    dates: &[
        "purchase_date",
        "warranty_end",
        "status_date",
        "last_checked_on",
        "next_check_on",
    ],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

fn columns() -> String {
    format!(
        "a.id, a.tag, a.name, a.category_id, c.name_it, c.name_en, a.manufacturer, a.model,
         a.serial, a.supplier_name, a.order_number, a.purchase_date, a.cost_cents, a.currency,
         a.warranty_end, a.location_id, {}, a.department_id,
         (SELECT name FROM departments WHERE id = a.department_id), a.status, a.status_date,
         a.notes, a.holder_employee_id,
         (SELECT last_name || ' ' || first_name FROM employees WHERE id = a.holder_employee_id),
         a.holder_location_id, {}, a.last_checked_on, a.next_check_on, a.version, a.created_at,
         a.updated_at",
        path_sql("a.location_id"),
        path_sql("a.holder_location_id")
    )
}

pub(super) fn bad(col: usize, what: &str) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        col,
        rusqlite::types::Type::Text,
        format!("unknown {what}").into(),
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Asset> {
    Ok(Asset {
        id: r.get(0)?,
        tag: r.get(1)?,
        name: r.get(2)?,
        category_id: r.get(3)?,
        category_it: r.get(4)?,
        category_en: r.get(5)?,
        manufacturer: r.get(6)?,
        model: r.get(7)?,
        serial: r.get(8)?,
        supplier_name: r.get(9)?,
        order_number: r.get(10)?,
        purchase_date: opt_date_at(r, 11)?,
        cost_cents: r.get(12)?,
        currency: r.get(13)?,
        warranty_end: opt_date_at(r, 14)?,
        location_id: r.get(15)?,
        location_path: r.get(16)?,
        department_id: r.get(17)?,
        department_name: r.get(18)?,
        status: AssetStatus::parse(&r.get::<_, String>(19)?).ok_or_else(|| bad(19, "status"))?,
        status_date: opt_date_at(r, 20)?,
        notes: r.get(21)?,
        holder_employee_id: r.get(22)?,
        holder_name: r.get(23)?,
        holder_location_id: r.get(24)?,
        holder_location_path: r.get(25)?,
        last_checked_on: opt_date_at(r, 26)?,
        next_check_on: opt_date_at(r, 27)?,
        version: r.get(28)?,
        created_at: ts_parse(&r.get::<_, String>(29)?)?,
        updated_at: ts_parse(&r.get::<_, String>(30)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Asset>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM assets a JOIN asset_categories c ON c.id = a.category_id
             WHERE a.id = ?1",
            columns()
        ))?
        .query_row([id], from_row)
        .optional()?)
}

pub fn require(conn: &Connection, id: i64) -> crate::Result<Asset> {
    get(conn, id)?.ok_or_else(|| Error::not_found("asset"))
}

/// The asset whose tag is `tag`, whatever its case.
pub fn id_by_tag(conn: &Connection, tag: &str) -> crate::Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM assets WHERE tag_key = ?1")?
        .query_row([crate::domain::assets::tag::tag_key(tag)], |r| r.get(0))
        .optional()?)
}

/// Tags starting with `prefix` (upper case), highest first by length then text: enough to
/// find the top number of a pattern without reading every tag.
pub fn tags_with_prefix(conn: &Connection, prefix: &str) -> crate::Result<Vec<String>> {
    let end = format!("{prefix}\u{10FFFF}");
    Ok(conn
        .prepare_cached(
            "SELECT tag_key FROM assets WHERE tag_key >= ?1 AND tag_key < ?2
             ORDER BY length(tag_key) DESC, tag_key DESC LIMIT 200",
        )?
        .query_map([prefix, end.as_str()], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn check(w: &WriteTx, v: &ValidAsset, own: i64) -> crate::Result<()> {
    let c = w.conn();
    let mut errors = Vec::new();
    if c.prepare_cached("SELECT 1 FROM assets WHERE tag_key = ?1 AND id <> ?2")?
        .exists(rusqlite::params![v.tag_key, own])?
    {
        errors.push(FieldError::new("tag", "duplicate"));
    }
    let active_category = c
        .prepare_cached("SELECT active FROM asset_categories WHERE id = ?1")?
        .query_row([v.category_id], |r| r.get::<_, bool>(0))
        .optional()?;
    let kept = own != 0
        && c.prepare_cached("SELECT 1 FROM assets WHERE id = ?1 AND category_id = ?2")?
            .exists([own, v.category_id])?;
    match active_category {
        None => errors.push(FieldError::new("category_id", "not_found")),
        // A retired category stays on the assets that have it; nothing new gets it.
        Some(false) if !kept => errors.push(FieldError::new("category_id", "retired")),
        _ => {}
    }
    if let Some(l) = v.location_id {
        if !c
            .prepare_cached("SELECT 1 FROM locations WHERE id = ?1")?
            .exists([l])?
        {
            errors.push(FieldError::new("location_id", "not_found"));
        }
    }
    if let Some(d) = v.department_id {
        if !c
            .prepare_cached("SELECT 1 FROM departments WHERE id = ?1")?
            .exists([d])?
        {
            errors.push(FieldError::new("department_id", "not_found"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

fn form_values<'a>(
    v: &'a ValidAsset,
    texts: &'a [Option<String>; 4],
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("tag", &v.tag as &dyn ToSql),
        ("tag_key", &v.tag_key),
        ("name", &v.name),
        ("name_key", &v.name_key),
        ("category_id", &v.category_id),
        ("manufacturer", &v.manufacturer),
        ("model", &v.model),
        ("serial", &v.serial),
        ("supplier_name", &v.supplier_name),
        ("order_number", &v.order_number),
        ("purchase_date", &texts[0]),
        ("cost_cents", &v.cost_cents),
        ("currency", &v.currency),
        ("warranty_end", &texts[1]),
        ("location_id", &v.location_id),
        ("department_id", &v.department_id),
        ("status", &texts[2]),
        ("status_date", &texts[3]),
        ("notes", &v.notes),
    ]
}

fn texts(v: &ValidAsset) -> [Option<String>; 4] {
    [
        opt_date_text(v.purchase_date),
        opt_date_text(v.warranty_end),
        Some(v.status.as_str().to_owned()),
        opt_date_text(v.status_date),
    ]
}

pub fn insert(w: &WriteTx, v: &ValidAsset) -> crate::Result<i64> {
    check(w, v, 0)?;
    let t = texts(v);
    recorded::insert(w, &TRACKED, &form_values(v, &t))
}

pub fn update(w: &WriteTx, id: i64, v: &ValidAsset) -> crate::Result<bool> {
    check(w, v, id)?;
    let t = texts(v);
    recorded::update(w, &TRACKED, id, &form_values(v, &t))
}

/// Who or where holds the asset now, and its status, as a check-out or check-in leaves it.
pub fn set_holder(
    w: &WriteTx,
    id: i64,
    employee: Option<i64>,
    location: Option<i64>,
    status: AssetStatus,
) -> crate::Result<()> {
    let status = status.as_str().to_owned();
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("holder_employee_id", &employee as &dyn ToSql),
            ("holder_location_id", &location),
            ("status", &status),
        ],
    )?;
    Ok(())
}

/// Records that the asset was seen on `on`; the next check falls on `next`.
pub fn set_checked(
    w: &WriteTx,
    id: i64,
    on: NaiveDate,
    next: Option<NaiveDate>,
    location: Option<i64>,
) -> crate::Result<()> {
    let on = date_text(on);
    let next = opt_date_text(next);
    let mut values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("last_checked_on", &on as &dyn ToSql),
        ("next_check_on", &next),
    ];
    if location.is_some() {
        values.push(("location_id", &location));
    }
    recorded::update(w, &TRACKED, id, &values)?;
    Ok(())
}

/// Every asset's id by its tag key, for imports.
pub fn ids_by_tag(conn: &Connection) -> crate::Result<std::collections::HashMap<String, i64>> {
    Ok(conn
        .prepare("SELECT tag_key, id FROM assets")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
}
