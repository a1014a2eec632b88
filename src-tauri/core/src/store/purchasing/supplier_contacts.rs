//! The people to talk to at a supplier.

use crate::domain::permissions::Area;
use crate::domain::purchasing::supplier::{SupplierContact, SupplierContactInput};
use crate::error::Error;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "supplier_contacts",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "supplier_id",
        "name",
        "role",
        "email",
        "phone",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("supplier_id", "suppliers")],
    naming: Naming::Parts(&[Part::Ref("supplier_id"), Part::Text("name")]),
    dates: &[],
    instants: &[],
    // A named person with their e-mail and phone.
    personal: true,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, supplier_id, name, role, email, phone, notes, version";

fn from_row(r: &Row) -> rusqlite::Result<SupplierContact> {
    Ok(SupplierContact {
        id: r.get(0)?,
        supplier_id: r.get(1)?,
        name: r.get(2)?,
        role: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        notes: r.get(6)?,
        version: r.get(7)?,
    })
}

pub fn of_supplier(c: &Connection, supplier_id: i64) -> crate::Result<Vec<SupplierContact>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM supplier_contacts WHERE supplier_id = ?1
         ORDER BY name COLLATE NOCASE, id LIMIT 500"
    ))?
    .query_map([supplier_id], from_row)?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<SupplierContact>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM supplier_contacts WHERE id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?)
}

fn values(v: &SupplierContactInput) -> Vec<(&'static str, &dyn ToSql)> {
    vec![
        ("name", &v.name as &dyn ToSql),
        ("role", &v.role),
        ("email", &v.email),
        ("phone", &v.phone),
        ("notes", &v.notes),
    ]
}

pub fn insert(w: &WriteTx, supplier_id: i64, v: &SupplierContactInput) -> crate::Result<i64> {
    let mut vals = values(v);
    vals.push(("supplier_id", &supplier_id));
    recorded::insert(w, &TRACKED, &vals)
}

pub fn update(w: &WriteTx, id: i64, v: &SupplierContactInput) -> crate::Result<()> {
    recorded::update(w, &TRACKED, id, &values(v))?;
    Ok(())
}

pub fn delete(w: &WriteTx, id: i64) -> crate::Result<()> {
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("supplier contact"))?;
    recorded::delete(w, &TRACKED, id)
}
