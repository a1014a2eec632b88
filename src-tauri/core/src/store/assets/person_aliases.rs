//! What other systems call a person: a Snipe-IT username remembered for the employee it was
//! matched to, so that later files from that system find the person by it.

use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use rusqlite::{Connection, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "person_aliases",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "employee_id",
        "source",
        "alias",
        "alias_key",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("employee_id", "employees")],
    naming: Naming::Parts(&[Part::Ref("employee_id"), Part::Text("alias")]),
    dates: &[],
    instants: &[],
    // A username names a person as well as their name does.
    personal: true,
    snapshot: Snapshot::new(),
};

/// Snipe-IT's usernames.
pub const SNIPE_IT: &str = "snipe_it";

/// One alias on file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alias {
    pub id: i64,
    pub employee_id: i64,
    pub source: String,
    pub alias: String,
}

/// Every alias (an office has as many as it has people), for imports.
pub fn all(c: &Connection) -> crate::Result<Vec<Alias>> {
    Ok(c.prepare_cached(
        "SELECT id, employee_id, source, alias FROM person_aliases ORDER BY id LIMIT 1000000",
    )?
    .query_map([], |r| {
        Ok(Alias {
            id: r.get(0)?,
            employee_id: r.get(1)?,
            source: r.get(2)?,
            alias: r.get(3)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Gives `alias` of `source` to `employee`: a new alias when `id` is `None`, else the one on
/// file moves to them (or takes the new spelling). Returns its id.
pub fn save(
    w: &WriteTx,
    id: Option<i64>,
    employee: i64,
    source: &str,
    alias: &str,
) -> crate::Result<i64> {
    let key = fold_key(alias);
    let values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("employee_id", &employee as &dyn ToSql),
        ("source", &source),
        ("alias", &alias),
        ("alias_key", &key),
    ];
    match id {
        None => recorded::insert(w, &TRACKED, &values),
        Some(id) => {
            recorded::update(w, &TRACKED, id, &values)?;
            Ok(id)
        }
    }
}
