//! A write transaction that knows who is writing and when, and appends history as it goes.

use super::history;
use super::search::{self, SearchIndex};
use super::tracked::Tracked;
use super::ts_text;
use super::words;
use crate::domain::history::ChangeOp;
use chrono::{DateTime, Utc};
use rusqlite::{OptionalExtension, Transaction};
use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

pub struct WriteTx<'c> {
    tx: Transaction<'c>,
    actor: String,
    now: DateTime<Utc>,
    now_text: String,
    /// The newest change (id, hash) once this transaction has read or written it: a run of
    /// appends chains on it without reading the table back each time.
    head: RefCell<Option<(i64, String)>>,
    /// Rows whose search entries are rewritten just before commit, per index, with whether an
    /// old entry may exist. Written in one statement per index: FTS5 flushes its pending terms
    /// at every statement that opens a savepoint, so writing entries row by row between other
    /// statements would leave one tiny segment per row to merge.
    search: RefCell<BTreeMap<SearchIndex, BTreeMap<i64, search::Held>>>,
    /// Copy this write's pages into the database file on another thread after commit instead of
    /// in the commit (see [`WriteTx::checkpoint_in_background`]).
    background_checkpoint: Cell<bool>,
    /// The page cache was raised for a bulk write; [`Store::write`](super::Store::write) lowers
    /// it again when the write ends, whether it committed or not.
    bulk_cache: Cell<bool>,
}

impl<'c> WriteTx<'c> {
    pub(super) fn new(tx: Transaction<'c>, actor: &str, now: DateTime<Utc>) -> Self {
        Self {
            tx,
            actor: actor.to_owned(),
            now,
            now_text: ts_text(now),
            head: RefCell::new(None),
            search: RefCell::new(BTreeMap::new()),
            background_checkpoint: Cell::new(false),
            bulk_cache: Cell::new(false),
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
        self.now_text.clone()
    }

    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// The row as history stores it, or `None` when it does not exist.
    pub fn snapshot(&self, t: &Tracked, id: i64) -> crate::Result<Option<String>> {
        let sql = format!(
            "SELECT {} FROM {} WHERE id = ?1",
            t.snapshot_sql(),
            t.entity
        );
        Ok(self
            .tx
            .prepare_cached(&sql)?
            .query_row([id], |r| r.get(0))
            .optional()?)
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
        self.feed(t, id, op, before.as_deref(), after.as_deref())?;
        self.append(t.entity, id, op, before.as_deref(), after.as_deref(), None)
    }

    /// Asks for the word-index documents the changed row is part of to be written again.
    fn feed(
        &self,
        t: &Tracked,
        id: i64,
        op: ChangeOp,
        before: Option<&str>,
        after: Option<&str>,
    ) -> crate::Result<()> {
        if matches!(op, ChangeOp::Read | ChangeOp::Event) {
            return Ok(());
        }
        for (index, doc, existing) in words::touched(&self.tx, t.entity, id, before, after)? {
            self.reindex(index, doc, existing)?;
        }
        Ok(())
    }

    /// Appends a read of row `id` (a file opened or saved as a copy); `detail` says how and,
    /// for a table guarded by its owners, whose row it is, since a read has no snapshot.
    pub fn record_read(
        &self,
        t: &Tracked,
        id: i64,
        detail: &serde_json::Value,
    ) -> crate::Result<()> {
        self.append(
            t.entity,
            id,
            ChangeOp::Read,
            None,
            None,
            Some(&detail.to_string()),
        )
    }

    /// Like [`WriteTx::record`], with the "after" snapshot already in hand: the value of
    /// `t.snapshot_sql()` that the writing statement itself returned (`… RETURNING <snapshot>`),
    /// so it is the same text a read-back would give, without reading the row again.
    pub(super) fn record_returned(
        &self,
        t: &Tracked,
        id: i64,
        op: ChangeOp,
        before: Option<&str>,
        after: &str,
    ) -> crate::Result<()> {
        self.feed(t, id, op, before, Some(after))?;
        self.append(t.entity, id, op, before, Some(after), None)
    }

    /// Appends an event (a sign-in, a refused call) to history; `payload` says what happened.
    pub fn event(
        &self,
        entity: &str,
        row_id: i64,
        payload: &serde_json::Value,
    ) -> crate::Result<()> {
        self.append(
            entity,
            row_id,
            ChangeOp::Event,
            None,
            Some(&payload.to_string()),
            None,
        )
    }

    fn append(
        &self,
        entity: &str,
        row_id: i64,
        op: ChangeOp,
        before: Option<&str>,
        after: Option<&str>,
        detail: Option<&str>,
    ) -> crate::Result<()> {
        let mut head = self.head.borrow_mut();
        let prev = match head.take() {
            Some(h) => h,
            None => history::head(&self.tx)?.unwrap_or((0, history::GENESIS.to_owned())),
        };
        *head = Some(history::append(
            &self.tx,
            &self.actor,
            &self.now_text,
            prev,
            entity,
            row_id,
            op,
            before,
            after,
            detail,
        )?);
        Ok(())
    }

    /// Asks for row `id`'s entry in `index` to be rewritten before commit. `existing`: the row
    /// may already have an entry (an update), which is then removed first. Called before the
    /// row changes: an index without its own copy of the text is told the old text to remove.
    pub(super) fn reindex(&self, index: SearchIndex, id: i64, existing: bool) -> crate::Result<()> {
        let mut search = self.search.borrow_mut();
        let rows = search.entry(index).or_default();
        // The first request of the transaction knows what the index holds.
        if let std::collections::btree_map::Entry::Vacant(slot) = rows.entry(id) {
            slot.insert(match existing {
                false => search::Held::Nothing,
                true => index.held(&self.tx, id)?,
            });
        }
        Ok(())
    }

    /// Writes the search entries asked for so far. Done by commit; a write that reads its own
    /// search results back (none does today) would call it first.
    pub fn flush_search(&self) -> crate::Result<()> {
        let pending = std::mem::take(&mut *self.search.borrow_mut());
        for (index, rows) in pending {
            search::write(&self.tx, index, &rows)?;
        }
        Ok(())
    }

    /// For a write of hundreds of megabytes (a large import): its commit leaves the pages in the
    /// WAL, and a checkpoint on another connection copies them into the database file afterwards.
    /// SQLite's automatic checkpoint would do that copy inside the commit, making the person wait
    /// for it (0.4 s after 100,000 employees); the data is just as safe in the WAL meanwhile.
    pub fn checkpoint_in_background(&self) {
        self.background_checkpoint.set(true);
    }

    /// For a write that fills more pages than the writer's cache holds (a large import, whose
    /// index rebuilds then read the whole table a dozen times): keeps every page it touches in
    /// memory until the commit. With the usual cache, dirty pages were spilled to the WAL
    /// mid-transaction and read back by each index build, a fifth of the import's time.
    pub fn use_bulk_cache(&self) -> crate::Result<()> {
        if !self.bulk_cache.replace(true) {
            self.tx
                .pragma_update(None, "cache_size", super::open::BULK_CACHE_KIB)?;
        }
        Ok(())
    }

    pub(super) fn used_bulk_cache(&self) -> bool {
        self.bulk_cache.get()
    }

    /// Commits; returns whether a background checkpoint was asked for.
    pub(super) fn commit(self) -> crate::Result<bool> {
        self.flush_search()?;
        let background = self.background_checkpoint.get();
        if background {
            self.tx.pragma_update(None, "wal_autocheckpoint", 0)?;
        }
        self.tx.commit()?;
        Ok(background)
    }
}
