//! A write transaction that knows who is writing and when, and appends history as it goes.

use super::history;
use super::tracked::Tracked;
use super::ts_text;
use crate::domain::history::ChangeOp;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction};

pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    actor: String,
    now: DateTime<Utc>,
}

impl<'c> WriteTx<'c> {
    pub(super) fn new(tx: Transaction<'c>, actor: &str, now: DateTime<Utc>) -> Self {
        Self {
            tx,
            actor: actor.to_owned(),
            now,
        }
    }

    pub fn conn(&self) -> &rusqlite::Connection {
        &self.tx
    }

    /// The one timestamp of this transaction: data rows and their history rows agree on it.
    pub fn now(&self) -> DateTime<Utc> {
        self.now
    }

    pub fn now_text(&self) -> String {
        ts_text(self.now)
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The row as history stores it, or `None` when it does not exist.
    pub fn snapshot(&self, t: &Tracked, id: i64) -> crate::Result<Option<String>> {
        let sql = format!("SELECT {} FROM {} WHERE id = ?1", t.snapshot_sql, t.entity);
        Ok(self.tx.query_row(&sql, [id], |r| r.get(0)).optional()?)
    }

    /// Appends the history row for a change just made to row `id`; `before` is the snapshot taken
    /// before the change. The "after" side is read back from the table, so it is exactly what
    /// was stored.
    pub fn record(
        &self,
        t: &Tracked,
        id: i64,
        op: ChangeOp,
        before: Option<String>,
    ) -> crate::Result<()> {
        let after = match op {
            ChangeOp::Delete | ChangeOp::Read | ChangeOp::Event => None,
            _ => self.snapshot(t, id)?,
        };
        history::append(self, t.entity, id, op, before.as_deref(), after.as_deref())
    }

    /// Appends an event (a sign-in, a refused call) to history; `payload` says what happened.
    pub fn event(
        &self,
        entity: &str,
        row_id: i64,
        payload: &serde_json::Value,
    ) -> crate::Result<()> {
        history::append(
            self,
            entity,
            row_id,
            ChangeOp::Event,
            None,
            Some(&payload.to_string()),
        )
    }

    pub(super) fn commit(self) -> crate::Result<()> {
        self.tx.commit()?;
        Ok(())
    }
}
