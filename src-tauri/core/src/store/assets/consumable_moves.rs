//! Consumable moves: stock received (+) and issued (-), each with its day and, for an issue,
//! optionally who took it.

use crate::domain::assets::consumable::{ConsumableMove, ValidMove};
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::store::dates::{date_at, date_text};
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use crate::store::tx::WriteTx;
use rusqlite::{Connection, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "consumable_moves",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "consumable_id",
        "quantity",
        "employee_id",
        "moved_on",
        "note",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("consumable_id", "consumables"),
        ("employee_id", "employees"),
    ],
    naming: Naming::Parts(&[Part::Ref("consumable_id"), Part::Ref("employee_id")]),
    dates: &["moved_on"],
    instants: &[],
    personal: true,
    snapshot: Snapshot::new(),
};

const SELECT: &str = "SELECT m.id, m.consumable_id, k.name, k.unit, m.quantity, m.employee_id,
        (SELECT last_name || ' ' || first_name FROM employees WHERE id = m.employee_id),
        m.moved_on, m.note, m.created_at
    FROM consumable_moves m JOIN consumables k ON k.id = m.consumable_id";

fn from_row(r: &Row) -> rusqlite::Result<ConsumableMove> {
    Ok(ConsumableMove {
        id: r.get(0)?,
        consumable_id: r.get(1)?,
        consumable_name: r.get(2)?,
        unit: r.get(3)?,
        quantity: r.get(4)?,
        employee_id: r.get(5)?,
        employee_name: r.get(6)?,
        moved_on: date_at(r, 7)?,
        note: r.get(8)?,
        created_at: ts_parse(&r.get::<_, String>(9)?)?,
    })
}

pub fn insert(w: &WriteTx, consumable: i64, v: &ValidMove) -> crate::Result<i64> {
    let on = date_text(v.moved_on);
    recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("consumable_id", &consumable as &dyn ToSql),
            ("quantity", &v.quantity),
            ("employee_id", &v.employee_id),
            ("moved_on", &on),
            ("note", &v.note),
        ],
    )
}

/// The item's moves, latest first.
pub fn of_item(
    c: &Connection,
    id: i64,
    offset: i64,
    limit: i64,
) -> crate::Result<Page<ConsumableMove>> {
    let total: i64 = c
        .prepare_cached("SELECT count(*) FROM consumable_moves WHERE consumable_id = ?1")?
        .query_row([id], |r| r.get(0))?;
    let items = c
        .prepare_cached(&format!(
            "{SELECT} WHERE m.consumable_id = ?1 ORDER BY m.moved_on DESC, m.id DESC
             LIMIT ?2 OFFSET ?3"
        ))?
        .query_map(rusqlite::params![id, limit, offset], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// What was issued to a person, latest first.
pub fn issued_to(c: &Connection, employee: i64, limit: i64) -> crate::Result<Vec<ConsumableMove>> {
    Ok(c.prepare_cached(&format!(
        "{SELECT} WHERE m.employee_id = ?1 ORDER BY m.moved_on DESC, m.id DESC LIMIT ?2"
    ))?
    .query_map(rusqlite::params![employee, limit], from_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
