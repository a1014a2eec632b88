//! Adding many new employees in one write, fed row by row while the rows are still being read and
//! validated elsewhere (the staff import validates on a second thread).
//!
//! Each row arrives with its id (the next free ones, handed out by [`Bulk::first_id`]) and its
//! history snapshot already built by [`snapshot_json`], so the writer's thread only inserts the
//! row, hashes and appends its history row, and asks for its search entry. Building the
//! snapshot in Rust instead of `INSERT … RETURNING json_object(…)` takes that work off the
//! writer; the text must be byte for byte what SQLite's `json_object` gives (verify compares
//! them), which `row_values`' tests check on awkward values and [`Bulk::finish`] checks again on
//! the first and last rows written, rolling back on any difference. The insert and the snapshot
//! come from the one value list of `employees::NewRow`.

use crate::domain::history::ChangeOp;
use crate::domain::staff::employee::ValidEmployee;
use crate::error::Error;
use crate::store::row_values::{self, Values};
use crate::store::search::SearchIndex;
use crate::store::staff::employees::{
    create_indexes, drop_indexes, exists_active, ref_errors_with, NewRow, Scores, TRACKED,
};
use crate::store::tx::WriteTx;
use std::collections::HashMap;
use std::sync::OnceLock;

pub use crate::store::staff::employees::{REBUILD_INDEXES_FROM, ROWS_PER_INSERT};

/// A new employee ready to be written: the validated form, its cached scores, the id it gets and
/// its history snapshot ([`snapshot_json`] of the row as stored).
pub struct NewEmployee {
    pub valid: ValidEmployee,
    pub scores: Scores,
    pub id: i64,
    pub snapshot: String,
}

/// The history snapshot of a new employee written by a bulk insert with this id, at `now` (the
/// write's time as stored), with these scores: what SQLite's `json_object` over the stored row
/// gives, built from the same value list the insert binds.
pub fn snapshot_json(
    v: &ValidEmployee,
    id: i64,
    now: &str,
    scores: &Scores,
) -> crate::Result<String> {
    static ORDER: OnceLock<Vec<usize>> = OnceLock::new();
    let row = NewRow::new(v, now, scores);
    let values = row.values_with_id(&id);
    let order = match ORDER.get() {
        Some(order) => order,
        None => {
            let order = row_values::snapshot_order(&TRACKED, &row_values::names(&values))?;
            ORDER.get_or_init(|| order)
        }
    };
    row_values::snapshot_json(&TRACKED, order, &values)
}

/// The bulk insert: every stored column, the id included.
fn insert_sql(values: &Values) -> &'static str {
    static SQL: OnceLock<String> = OnceLock::new();
    SQL.get_or_init(|| row_values::insert_sql("employees", &row_values::names(values), ""))
}

/// A bulk insert in progress, inside one write. The same rule as
/// [`insert_many`](crate::store::staff::employees::insert_many): once at least [`REBUILD_INDEXES_FROM`] rows,
/// and no fewer than the table held, have arrived, the table's indexes are dropped (the rows so far
/// checked first with them) and built once by [`Bulk::finish`]; until then rows wait, so a small
/// import is written with its indexes as before.
pub struct Bulk<'w, 'c> {
    w: &'w WriteTx<'c>,
    table_rows: usize,
    next_id: i64,
    waiting: Vec<NewEmployee>,
    /// The statements that build the dropped indexes again, once dropped.
    dropped: Option<Vec<String>>,
    written: usize,
    /// The first and the last row written, with their snapshots, checked against SQLite's.
    first: Option<(i64, String)>,
    last: Option<(i64, String)>,
    /// Rows written, kept for [`Bulk::take_spent`].
    spent: Vec<NewEmployee>,
    /// Departments and contract types looked up so far: whether each exists and is active. Only
    /// the bulk insert writes in the meantime, and it writes neither table.
    known: HashMap<(&'static str, i64), Option<bool>>,
}

impl<'w, 'c> Bulk<'w, 'c> {
    pub fn begin(w: &'w WriteTx<'c>) -> crate::Result<Self> {
        let (n, max): (i64, i64) = w.conn().query_row(
            "SELECT count(*), coalesce(max(id), 0) FROM employees",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(Bulk {
            w,
            table_rows: n as usize,
            next_id: max + 1,
            waiting: Vec::new(),
            dropped: None,
            written: 0,
            first: None,
            last: None,
            spent: Vec::new(),
            known: HashMap::new(),
        })
    }

    /// The rows the table held when the write began.
    pub fn table_rows(&self) -> usize {
        self.table_rows
    }

    /// Tells the insert that at least `new_rows` rows will come (or the write will fail): with
    /// enough of them the indexes are dropped now, before the first row, instead of once
    /// [`REBUILD_INDEXES_FROM`] rows have waited for the decision.
    pub fn expect(&mut self, new_rows: usize) -> crate::Result<()> {
        let enough = new_rows >= REBUILD_INDEXES_FROM && new_rows >= self.table_rows;
        if enough && self.dropped.is_none() && self.waiting.is_empty() {
            self.dropped = Some(drop_indexes(self.w)?);
        }
        Ok(())
    }

    /// The id of the first row; the rows must come with consecutive ids from it, in order.
    pub fn first_id(&self) -> i64 {
        self.next_id
    }

    /// Rows written so far.
    pub fn written(&self) -> usize {
        self.written
    }

    /// Adds one row (written now, or kept until the index decision is made).
    pub fn push(&mut self, e: NewEmployee) -> crate::Result<()> {
        if e.id != self.next_id + (self.written + self.waiting.len()) as i64 {
            return Err(Error::internal("bulk insert: rows out of order"));
        }
        if self.dropped.is_some() {
            return self.write(e, false);
        }
        self.waiting.push(e);
        let n = self.waiting.len();
        if n >= REBUILD_INDEXES_FROM && n >= self.table_rows {
            // Check what needs the indexes while they exist, then drop them.
            for e in &self.waiting {
                if let Some(err) = self.tax_code_error(&e.valid)? {
                    return Err(err);
                }
            }
            self.dropped = Some(drop_indexes(self.w)?);
            for e in std::mem::take(&mut self.waiting) {
                self.write(e, false)?;
            }
        }
        Ok(())
    }

    fn tax_code_error(&self, v: &ValidEmployee) -> crate::Result<Option<Error>> {
        let taken = self
            .w
            .conn()
            .prepare_cached("SELECT 1 FROM employees WHERE tax_code = ?1 AND status = 'active'")?
            .exists([&v.tax_code])?;
        Ok(taken.then(|| {
            Error::validation(vec![crate::error::FieldError::new("tax_code", "duplicate")])
        }))
    }

    fn write(&mut self, e: NewEmployee, check_tax_code: bool) -> crate::Result<()> {
        let v = &e.valid;
        let known = &mut self.known;
        let w = self.w;
        let mut errors = ref_errors_with(w, v, None, &mut |table, id| {
            if let Some(found) = known.get(&(table, id)) {
                return Ok(*found);
            }
            let found = exists_active(w, table, id)?;
            known.insert((table, id), found);
            Ok(found)
        })?;
        if check_tax_code {
            if let Some(err) = self.tax_code_error(v)? {
                errors.extend(err.fields);
            }
        }
        if !errors.is_empty() {
            return Err(Error::validation(errors));
        }
        let now = self.w.now_text();
        let row = NewRow::new(v, &now, &e.scores);
        let values = row.values_with_id(&e.id);
        let mut stmt = self.w.conn().prepare_cached(insert_sql(&values))?;
        row_values::bind(&mut stmt, 1, &values)?;
        stmt.raw_execute()?;
        self.w.reindex(SearchIndex::Employees, e.id, false)?;
        self.w
            .record_returned(&TRACKED, e.id, ChangeOp::Insert, None, &e.snapshot)?;
        self.written += 1;
        if self.first.is_none() {
            self.first = Some((e.id, e.snapshot.clone()));
        }
        self.spent.push(e);
        Ok(())
    }

    /// The rows written since the last call, for the caller to free where they were allocated.
    /// Rows made on another thread and freed on this one went through that thread's allocator
    /// arena under its lock, one string at a time: a tenth of a large import's time.
    pub fn take_spent(&mut self) -> Vec<NewEmployee> {
        if let Some(e) = self.spent.last() {
            self.last = Some((e.id, e.snapshot.clone()));
        }
        std::mem::take(&mut self.spent)
    }

    /// Writes the rows still waiting (with their indexes, each checked as `insert` checks one),
    /// builds dropped indexes again, and checks the first and last snapshots against SQLite's.
    /// Returns the number of rows written.
    pub fn finish(mut self) -> crate::Result<usize> {
        for e in std::mem::take(&mut self.waiting) {
            self.write(e, true)?;
        }
        if let Some(statements) = self.dropped.take() {
            create_indexes(self.w, &statements)?;
        }
        drop(self.take_spent());
        for (id, snapshot) in self.first.iter().chain(self.last.iter()) {
            if self.w.snapshot(&TRACKED, *id)?.as_deref() != Some(snapshot.as_str()) {
                return Err(Error::internal(
                    "bulk insert: a history snapshot differs from the stored row",
                ));
            }
        }
        Ok(self.written)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::dates::date_text;

    #[test]
    fn dates_as_text() {
        for (y, m, d) in [(1, 1, 1), (999, 12, 31), (2026, 3, 2), (9999, 12, 31)] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_text(date), date.format("%Y-%m-%d").to_string());
        }
    }
}
