//! Writes of whole rows of a tracked table, each recorded in history in the same transaction:
//! what a simple table needs instead of its own INSERT, UPDATE and DELETE text. The values are
//! named once (`row_values::Values`), so a new column is one line.

use super::row_values::{self, Values};
use super::tracked::Tracked;
use super::tx::WriteTx;
use crate::domain::history::ChangeOp;
use rusqlite::ToSql;

/// Inserts a row of `t` with `values` plus `version` 1 and the transaction's time as
/// `created_at` (and `updated_at` when `t` has one), records it and returns its id.
pub fn insert(w: &WriteTx, t: &Tracked, values: &Values) -> crate::Result<i64> {
    let now = w.now_text();
    let one = 1i64;
    let mut all: Values = values.clone();
    all.push(("version", &one as &dyn ToSql));
    all.push(("created_at", &now));
    if t.columns.contains(&"updated_at") {
        all.push(("updated_at", &now));
    }
    let sql = row_values::insert_sql(t.entity, &row_values::names(&all), "");
    let mut stmt = w.conn().prepare_cached(&sql)?;
    row_values::bind(&mut stmt, 1, &all)?;
    stmt.raw_execute()?;
    let id = w.conn().last_insert_rowid();
    w.record(t, id, ChangeOp::Insert, None)?;
    Ok(id)
}

/// Sets row `id` of `t` to `values`, moving its version on and stamping `updated_at`, and
/// records the change; nothing is written or recorded when every value is already stored.
/// Returns whether the row changed.
pub fn update(w: &WriteTx, t: &Tracked, id: i64, values: &Values) -> crate::Result<bool> {
    let names = row_values::names(values);
    let n = names.len();
    // The row is only touched when a value differs (`IS` compares NULLs as values).
    let same: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, c)| format!("{c} IS ?{}", i + 1))
        .collect();
    let sql = format!(
        "{} AND NOT ({})",
        row_values::update_sql(
            t.entity,
            &names,
            "version = version + 1, updated_at = ?{last}"
        ),
        same.join(" AND ")
    );
    let before = w.snapshot(t, id)?;
    let now = w.now_text();
    let mut stmt = w.conn().prepare_cached(&sql)?;
    row_values::bind(&mut stmt, 1, values)?;
    stmt.raw_bind_parameter(n + 1, &now)?;
    stmt.raw_bind_parameter(n + 2, id)?;
    let changed = stmt.raw_execute()? > 0;
    if changed {
        w.record(t, id, ChangeOp::Update, before)?;
    }
    Ok(changed)
}

/// Deletes row `id` of `t` and records what it was.
pub fn delete(w: &WriteTx, t: &Tracked, id: i64) -> crate::Result<()> {
    let before = w.snapshot(t, id)?;
    if before.is_none() {
        return Ok(());
    }
    w.conn()
        .prepare_cached(&format!("DELETE FROM {} WHERE id = ?1", t.entity))?
        .execute([id])?;
    w.record(t, id, ChangeOp::Delete, before)?;
    Ok(())
}
