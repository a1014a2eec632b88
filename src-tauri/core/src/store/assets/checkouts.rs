//! Check-outs: each hand-over of an asset to a person or a place, open until it comes back.

use super::locations::path_sql;
use crate::domain::assets::checkout::{Checkout, ValidCheckout};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::store::dates::{date_at, date_text, opt_date_at, opt_date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "asset_checkouts",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "asset_id",
        "employee_id",
        "location_id",
        "out_on",
        "expected_return",
        "out_condition",
        "in_on",
        "in_condition",
        "note",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("asset_id", "assets"),
        ("employee_id", "employees"),
        ("location_id", "locations"),
    ],
    naming: Naming::Parts(&[
        Part::Ref("asset_id"),
        Part::FirstRef(&["employee_id", "location_id"]),
    ]),
    dates: &["out_on", "expected_return", "in_on"],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

fn columns() -> String {
    format!(
        "k.id, k.asset_id, a.tag, a.name, k.employee_id,
         (SELECT last_name || ' ' || first_name FROM employees WHERE id = k.employee_id),
         k.location_id, {}, k.out_on, k.expected_return, k.out_condition, k.in_on,
         k.in_condition, k.note, coalesce(k.in_on IS NULL AND k.expected_return < ?1, 0), k.version,
         k.created_at",
        path_sql("k.location_id")
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Checkout> {
    Ok(Checkout {
        id: r.get(0)?,
        asset_id: r.get(1)?,
        asset_tag: r.get(2)?,
        asset_name: r.get(3)?,
        employee_id: r.get(4)?,
        employee_name: r.get(5)?,
        location_id: r.get(6)?,
        location_path: r.get(7)?,
        out_on: date_at(r, 8)?,
        expected_return: opt_date_at(r, 9)?,
        out_condition: r.get(10)?,
        in_on: opt_date_at(r, 11)?,
        in_condition: r.get(12)?,
        note: r.get(13)?,
        overdue: r.get(14)?,
        version: r.get(15)?,
        created_at: ts_parse(&r.get::<_, String>(16)?)?,
    })
}

/// The asset's open check-out, if it is out.
pub fn open_of(conn: &Connection, asset: i64, today: NaiveDate) -> crate::Result<Option<Checkout>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM asset_checkouts k JOIN assets a ON a.id = k.asset_id
             WHERE k.asset_id = ?2 AND k.in_on IS NULL",
            columns()
        ))?
        .query_row(rusqlite::params![date_text(today), asset], from_row)
        .optional()?)
}

/// Every holder of the asset, latest first.
pub fn of_asset(
    conn: &Connection,
    asset: i64,
    today: NaiveDate,
    offset: i64,
    limit: i64,
) -> crate::Result<Page<Checkout>> {
    let total: i64 = conn
        .prepare_cached("SELECT count(*) FROM asset_checkouts WHERE asset_id = ?1")?
        .query_row([asset], |r| r.get(0))?;
    let items = conn
        .prepare_cached(&format!(
            "SELECT {} FROM asset_checkouts k JOIN assets a ON a.id = k.asset_id
             WHERE k.asset_id = ?2 ORDER BY k.out_on DESC, k.id DESC LIMIT ?3 OFFSET ?4",
            columns()
        ))?
        .query_map(
            rusqlite::params![date_text(today), asset, limit, offset],
            from_row,
        )?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// What a person holds now, by tag.
pub fn held_by(conn: &Connection, employee: i64, today: NaiveDate) -> crate::Result<Vec<Checkout>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {} FROM asset_checkouts k JOIN assets a ON a.id = k.asset_id
             WHERE k.employee_id = ?2 AND k.in_on IS NULL ORDER BY a.tag_key LIMIT 1000",
            columns()
        ))?
        .query_map(rusqlite::params![date_text(today), employee], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn insert(w: &WriteTx, asset: i64, v: &ValidCheckout) -> crate::Result<i64> {
    let out_on = date_text(v.out_on);
    let expected = opt_date_text(v.expected_return);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("asset_id", &asset as &dyn ToSql),
            ("employee_id", &v.employee_id),
            ("location_id", &v.location_id),
            ("out_on", &out_on),
            ("expected_return", &expected),
            ("out_condition", &v.condition),
            ("note", &v.note),
        ],
    )
}

/// Closes check-out `id`: back on `on`, in `condition`.
pub fn close(
    w: &WriteTx,
    id: i64,
    on: NaiveDate,
    condition: &Option<String>,
    note: &Option<String>,
) -> crate::Result<()> {
    let on = date_text(on);
    let mut values: Vec<(&'static str, &dyn ToSql)> =
        vec![("in_on", &on as &dyn ToSql), ("in_condition", condition)];
    if note.is_some() {
        values.push(("note", note));
    }
    recorded::update(w, &TRACKED, id, &values)?;
    Ok(())
}

/// The status of staff record `id` (`active`, `terminated`…), if there is one.
pub fn employee_status(conn: &Connection, id: i64) -> crate::Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT status FROM employees WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// Whether location `id` is in use; `None` when there is no such place.
pub fn location_active(conn: &Connection, id: i64) -> crate::Result<Option<bool>> {
    Ok(conn
        .prepare_cached("SELECT active FROM locations WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?)
}

/// A staff record as an import names the person an asset goes to.
pub struct HolderNames {
    pub id: i64,
    pub active: bool,
    pub employee_number: Option<String>,
    pub email: Option<String>,
    pub first_name: String,
    pub last_name: String,
    /// The usernames of the accounts linked to the record.
    pub usernames: Vec<String>,
}

/// Every staff record with the names an import may give it.
pub fn holder_names(conn: &Connection) -> crate::Result<Vec<HolderNames>> {
    Ok(conn
        .prepare(
            "SELECT e.id, e.status = 'active', e.employee_number, e.email, e.first_name,
                    e.last_name, (SELECT group_concat(u.username, char(10)) FROM users u
                                  WHERE u.employee_id = e.id)
             FROM employees e",
        )?
        .query_map([], |r| {
            Ok(HolderNames {
                id: r.get(0)?,
                active: r.get(1)?,
                employee_number: r.get(2)?,
                email: r.get(3)?,
                first_name: r.get(4)?,
                last_name: r.get(5)?,
                usernames: r
                    .get::<_, Option<String>>(6)?
                    .map(|s| s.lines().map(str::to_owned).collect())
                    .unwrap_or_default(),
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}
