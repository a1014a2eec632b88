//! Licence seats: each one held by a person or a device, open until released.

use crate::domain::assets::seat::{Seat, ValidSeat};
use crate::domain::permissions::Area;
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "licence_seats",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "licence_id",
        "employee_id",
        "asset_id",
        "assigned_on",
        "released_on",
        "note",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("licence_id", "licences"),
        ("employee_id", "employees"),
        ("asset_id", "assets"),
    ],
    naming: Naming::Parts(&[
        Part::Ref("licence_id"),
        Part::FirstRef(&["employee_id", "asset_id"]),
    ]),
    dates: &["assigned_on", "released_on"],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

const SELECT: &str = "SELECT s.id, s.licence_id, p.name, p.product_version, s.employee_id,
        e.last_name || ' ' || e.first_name, coalesce(e.status = 'terminated', 0),
        s.asset_id, a.tag, s.assigned_on, s.released_on, s.note, s.version, s.created_at
    FROM licence_seats s
    JOIN licences l ON l.id = s.licence_id
    JOIN software_products p ON p.id = l.product_id
    LEFT JOIN employees e ON e.id = s.employee_id
    LEFT JOIN assets a ON a.id = s.asset_id";

fn from_row(r: &Row) -> rusqlite::Result<Seat> {
    Ok(Seat {
        id: r.get(0)?,
        licence_id: r.get(1)?,
        product_name: r.get(2)?,
        product_version: r.get(3)?,
        employee_id: r.get(4)?,
        employee_name: r.get(5)?,
        employee_terminated: r.get(6)?,
        asset_id: r.get(7)?,
        asset_tag: r.get(8)?,
        assigned_on: date_at(r, 9)?,
        released_on: opt_date_at(r, 10)?,
        note: r.get(11)?,
        version: r.get(12)?,
        created_at: ts_parse(&r.get::<_, String>(13)?)?,
    })
}

fn many(c: &Connection, sql: &str, args: impl rusqlite::Params) -> crate::Result<Vec<Seat>> {
    Ok(c.prepare_cached(sql)?
        .query_map(args, from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Seat>> {
    Ok(c.prepare_cached(&format!("{SELECT} WHERE s.id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// The licence's seats, held ones first, at most `limit`; `held_only` leaves out released ones.
pub fn of_licence(
    c: &Connection,
    licence: i64,
    held_only: bool,
    limit: i64,
) -> crate::Result<Vec<Seat>> {
    many(
        c,
        &format!(
            "{SELECT} WHERE s.licence_id = ?1 AND (?2 = 0 OR s.released_on IS NULL)
             ORDER BY s.released_on IS NOT NULL, s.assigned_on DESC, s.id DESC LIMIT ?3"
        ),
        rusqlite::params![licence, held_only, limit],
    )
}

/// The seats a person holds (and, with `held_only` false, held before).
pub fn of_employee(
    c: &Connection,
    employee: i64,
    held_only: bool,
    limit: i64,
) -> crate::Result<Vec<Seat>> {
    many(
        c,
        &format!(
            "{SELECT} WHERE s.employee_id = ?1 AND (?2 = 0 OR s.released_on IS NULL)
             ORDER BY s.released_on IS NOT NULL, p.name_key, s.id LIMIT ?3"
        ),
        rusqlite::params![employee, held_only, limit],
    )
}

/// The seats a device holds (and, with `held_only` false, held before).
pub fn of_asset(
    c: &Connection,
    asset: i64,
    held_only: bool,
    limit: i64,
) -> crate::Result<Vec<Seat>> {
    many(
        c,
        &format!(
            "{SELECT} WHERE s.asset_id = ?1 AND (?2 = 0 OR s.released_on IS NULL)
             ORDER BY s.released_on IS NOT NULL, p.name_key, s.id LIMIT ?3"
        ),
        rusqlite::params![asset, held_only, limit],
    )
}

/// Seats still held by people who have left, to be released.
pub fn of_leavers(c: &Connection, limit: i64) -> crate::Result<Vec<Seat>> {
    many(
        c,
        &format!(
            "{SELECT} WHERE s.released_on IS NULL
               AND s.employee_id IN (SELECT id FROM employees WHERE status = 'terminated')
             ORDER BY e.sort_key, p.name_key, s.id LIMIT ?1"
        ),
        [limit],
    )
}

/// How many seats [`of_leavers`] reads: counted, not read.
pub fn count_of_leavers(c: &Connection) -> crate::Result<i64> {
    Ok(c.prepare_cached(
        "SELECT count(*) FROM licence_seats s
         JOIN licences l ON l.id = s.licence_id
         JOIN software_products p ON p.id = l.product_id
         WHERE s.released_on IS NULL
           AND s.employee_id IN (SELECT id FROM employees WHERE status = 'terminated')",
    )?
    .query_row([], |r| r.get(0))?)
}

/// Whether the person or device already holds a seat of the licence.
pub fn already_held(c: &Connection, licence: i64, v: &ValidSeat) -> crate::Result<bool> {
    Ok(c.prepare_cached(
        "SELECT 1 FROM licence_seats WHERE licence_id = ?1 AND released_on IS NULL
               AND (employee_id = ?2 OR asset_id = ?3)",
    )?
    .exists(rusqlite::params![licence, v.employee_id, v.asset_id])?)
}

/// Whether asset `id` exists and is neither retired nor lost; `None` when there is no such asset.
pub fn asset_in_service(c: &Connection, id: i64) -> crate::Result<Option<bool>> {
    Ok(
        c.prepare_cached("SELECT status NOT IN ('retired', 'lost') FROM assets WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?,
    )
}

pub fn insert(w: &WriteTx, licence: i64, v: &ValidSeat) -> crate::Result<i64> {
    let on = date_text(v.assigned_on);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("licence_id", &licence as &dyn ToSql),
            ("employee_id", &v.employee_id),
            ("asset_id", &v.asset_id),
            ("assigned_on", &on),
            ("note", &v.note),
        ],
    )
}

pub fn release(w: &WriteTx, id: i64, on: NaiveDate) -> crate::Result<()> {
    let on = date_text(on);
    recorded::update(w, &TRACKED, id, &vec![("released_on", &on as &dyn ToSql)])?;
    Ok(())
}
