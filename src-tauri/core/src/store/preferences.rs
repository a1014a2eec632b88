//! Per-person preferences such as the interface language.

use super::tracked::{Guard, Naming, Snapshot, Tracked};
use super::tx::WriteTx;
use crate::domain::history::ChangeOp;
use crate::domain::permissions::Area;
use rusqlite::{params, Connection, OptionalExtension};

pub static TRACKED: Tracked = Tracked {
    entity: "preferences",
    guard: Guard::Area(Area::Settings),
    columns: &["id", "scope", "key", "value"],
    references: &[],
    naming: Naming::Field("key"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub fn get(conn: &Connection, scope: &str, key: &str) -> crate::Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM preferences WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |r| r.get(0),
        )
        .optional()?)
}

/// Sets a preference; writing the value it already has records nothing.
pub fn set(w: &WriteTx, scope: &str, key: &str, value: &str) -> crate::Result<()> {
    let existing: Option<(i64, String)> = w
        .conn()
        .query_row(
            "SELECT id, value FROM preferences WHERE scope = ?1 AND key = ?2",
            params![scope, key],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match existing {
        Some((_, v)) if v == value => Ok(()),
        Some((id, _)) => {
            let before = w.snapshot(&TRACKED, id)?;
            w.conn().execute(
                "UPDATE preferences SET value = ?1 WHERE id = ?2",
                params![value, id],
            )?;
            w.record(&TRACKED, id, ChangeOp::Update, before)
        }
        None => {
            w.conn().execute(
                "INSERT INTO preferences (scope, key, value) VALUES (?1, ?2, ?3)",
                params![scope, key, value],
            )?;
            let id = w.conn().last_insert_rowid();
            w.record(&TRACKED, id, ChangeOp::Insert, None)
        }
    }
}
