//! Upkeep of the full-text indexes: merging their segments while the app is open.
//!
//! FTS5 writes each transaction's new entries as a small segment of its own and merges them
//! only once four pile up on a level, so after years of one-record saves a term is looked up
//! in tens of segments. On the 50,000 assets of the benchmark's company, the trigram search
//! "thinkpad" took 3.2 ms in the index as the saves left it and 2.1 ms once merged into one
//! segment (the asset list's page 6.2 → 5.1 ms). FTS5's `merge` command with a negative page
//! count does that merging in steps: each step here is its own short write transaction of
//! about [`MERGE_PAGES`] pages, so a save waits at most one step, and the work stops when a
//! step finds nothing left to merge.

use super::Store;
use rusqlite::{Connection, TransactionBehavior};

/// Pages of merged index one step writes (about 13 ms on the assets' index).
pub const MERGE_PAGES: i64 = 200;

/// What one upkeep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tidied {
    /// Indexes that had segments to merge.
    pub indexes: usize,
    /// Write transactions it took.
    pub steps: usize,
    /// Whether it stopped before the end (asked to, or writes are refused).
    pub stopped: bool,
}

/// The full-text indexes of the file, by name.
fn full_text_tables(c: &Connection) -> crate::Result<Vec<String>> {
    let names = c
        .prepare(
            "SELECT name FROM sqlite_master
             WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'
             ORDER BY name",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(names)
}

/// One merge step of `table` in its own transaction; whether it found anything to merge.
fn merge_step(c: &mut Connection, table: &str) -> crate::Result<bool> {
    let tx = c.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let before = tx.total_changes();
    let quoted = table.replace('"', "\"\"");
    tx.execute(
        &format!("INSERT INTO \"{quoted}\" (\"{quoted}\", rank) VALUES ('merge', ?1)"),
        [-MERGE_PAGES],
    )?;
    // FTS5 reports a step that merged nothing by changing fewer than two rows.
    let merged = tx.total_changes() - before >= 2;
    tx.commit()?;
    Ok(merged)
}

impl Store {
    /// Merges the segments of every full-text index, one short write at a time, while
    /// `keep_going()` says so and writes are allowed.
    pub fn tidy_search_indexes(&self, keep_going: &dyn Fn() -> bool) -> crate::Result<Tidied> {
        let tables = self.read(full_text_tables)?;
        let mut done = Tidied::default();
        for table in tables {
            let mut merged_any = false;
            loop {
                // Writes refused (a damaged file, a staged copy): the index stays as it is.
                let writer = keep_going()
                    .then(|| self.writer_if_writable().ok())
                    .flatten();
                let Some(mut writer) = writer else {
                    done.stopped = true;
                    return Ok(done);
                };
                let merged = merge_step(&mut writer, &table)?;
                drop(writer);
                done.steps += 1;
                if !merged {
                    break;
                }
                merged_any = true;
            }
            done.indexes += usize::from(merged_any);
        }
        Ok(done)
    }
}
