//! The one import pipeline, and what an area plugs into it.
//!
//! The pipeline reads the chosen file ([`super::ChosenFile`]: any dialect or encoding, title and
//! totals lines left out), suggests and checks the column mapping, checks every row, reports
//! each problem at its line and column, and commits all rows in one transaction or none, as a
//! job with progress and cancel ([`super::run`]). An area supplies an [`Importer`]:
//! - its fields ([`Field`]: key, names in both languages, header synonyms, required, kind) and
//!   yes/no options;
//! - a [`RowChecker`]: one row of text in, a typed row out (create, update on the area's natural
//!   key, or unchanged) or the row's problems; once every row is read, problems only the whole
//!   file shows;
//! - a [`RowWriter`]: the checked rows, in file order, written inside the pipeline's one write
//!   transaction with their history. A writer may hold rows back for its `finish` (the staff
//!   writer inserts new files in bulk as they come, and applies updates at the end).
//!
//! In a commit the rows are checked on a second thread, on a read connection in one read
//! transaction, and flow to the writer in batches as they pass. That reader does not see what
//! the write has done so far: whatever [`Importer::begin`] writes before the rows (departments a
//! staff file names) reaches the checker through the `Prep` it returns.

use super::dates::{parse_date_pivot, parse_excel_serial};
use super::field::{Field, ImportOption};
use super::report::{Mapping, RowError, UnknownValues};
use super::{Row, Table};
use crate::domain::permissions::Area;
use crate::error::{Error, ErrorCode};
use crate::store::WriteTx;
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::de::DeserializeOwned;
use std::collections::hash_map::Entry;
use std::collections::{BTreeMap, HashMap};

/// What a checked row asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    Create,
    Update,
    /// The record on file already holds the row: nothing to write.
    Unchanged,
}

/// An area's import.
pub trait Importer: Sync {
    /// The person's choices before the check, as the wizard sends them.
    type Options: Default + DeserializeOwned + Send + Sync;
    /// What checking rows needs from the database (lookups by name, ids to hand out).
    type Prep: Send + Sync;
    /// A row that passed its checks, ready to be written.
    type Row: Send;

    /// The area whose write permission an import needs.
    fn area(&self) -> Area;
    fn fields(&self) -> &'static [Field];
    fn options(&self) -> &'static [ImportOption] {
        &[]
    }
    /// Reads what checking the rows needs (the check alone, without a commit).
    fn known(
        &self,
        conn: &Connection,
        input: Input<'_, Self::Options>,
    ) -> crate::Result<Self::Prep>;
    /// A checker reading from `conn`, one read transaction for the whole file.
    fn checker<'a>(
        &'a self,
        conn: &'a Connection,
        input: Input<'a, Self::Options>,
        prep: &'a Self::Prep,
    ) -> crate::Result<Box<dyn RowChecker<Self::Row> + 'a>>;
    /// A commit's start, inside its write and before any row is checked: what the options ask
    /// to create first, the `Prep` for the checker (read after those writes), and the writer.
    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, Self::Options>,
    ) -> crate::Result<Begun<'a, Self::Prep, Self::Row>>;
}

/// What [`Importer::begin`] gives the commit.
pub struct Begun<'a, P, R> {
    pub prep: P,
    pub writer: Box<dyn RowWriter<R> + 'a>,
    /// Records of other kinds made for the file, by the import field that names them.
    pub references: Vec<(&'static str, usize)>,
}

/// Checks the rows of one file, in order.
pub trait RowChecker<R> {
    /// Checks one row. Its problems go to `problems`; a row with any is not written (and fails
    /// a commit). Returns what the row asks for when it could be read.
    fn check(
        &mut self,
        row: &Cells<'_>,
        problems: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, R)>>;
    /// Once every row is checked: problems only the whole file shows (a loop of managers), by
    /// row index. The rows went to the writer already; the report is no longer ok, so a commit
    /// rolls back.
    fn finish(&mut self) -> crate::Result<Vec<(usize, RowError)>> {
        Ok(Vec::new())
    }
    /// Values the file names that match no record, for the report.
    fn unknown(&self) -> Vec<UnknownValues> {
        Vec::new()
    }
}

/// Writes the checked rows of a commit (never an unchanged one), in file order.
pub trait RowWriter<R> {
    /// Writes the row now or keeps it for `finish`; calls `progress.step()` once the row is
    /// done (here or in `finish`).
    fn write(&mut self, change: Change, row: R, progress: &mut Progress) -> crate::Result<()>;
    /// What the writer is done with, handed back to the checking thread that made it to be
    /// freed there (memory freed on another thread goes through that thread's allocator arena
    /// under its lock).
    fn spent(&mut self) -> Option<Box<dyn Send>> {
        None
    }
    /// After the last row, when every row passed: whatever was held back.
    fn finish(self: Box<Self>, progress: &mut Progress) -> crate::Result<()>;
}

/// What a run works on: the file's table, the confirmed mapping, the person's options.
pub struct Input<'a, O> {
    pub table: &'a Table,
    pub mapping: &'a Mapping,
    pub fields: &'static [Field],
    pub options: &'a O,
    pub today: NaiveDate,
}

impl<O> Clone for Input<'_, O> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<O> Copy for Input<'_, O> {}

impl<'a, O> Input<'a, O> {
    /// Whether the person mapped a column to `key`.
    pub fn is_mapped(&self, key: &str) -> bool {
        self.mapping.contains_key(key)
    }

    /// The text of `key`'s column in `row`, trimmed; `None` when unmapped or empty.
    pub fn cell<'r>(&self, row: Row<'r>, key: &str) -> Option<&'r str> {
        let &c = self.mapping.get(key)?;
        Some(row.get(c)?.trim()).filter(|s| !s.is_empty())
    }

    /// The import field a problem named `name` belongs to (its own name when none claims it).
    pub fn key_of<'n>(&self, name: &'n str) -> &'n str {
        match self.fields.iter().find(|f| f.names(name)) {
            Some(f) => f.key,
            None => name,
        }
    }

    /// The header of the column a problem named `name` is shown at.
    pub fn column_of(&self, name: &str) -> Option<String> {
        let &c = self.mapping.get(self.key_of(name))?;
        self.table.headers.get(c).cloned()
    }
}

/// One data row, as a checker reads it.
pub struct Cells<'a> {
    pub row: Row<'a>,
    /// The row's index among the data rows.
    pub index: usize,
    /// Its line in the file.
    pub line: usize,
    mapping: &'a Mapping,
}

impl<'a> Cells<'a> {
    pub(super) fn new(row: Row<'a>, index: usize, line: usize, mapping: &'a Mapping) -> Self {
        Cells {
            row,
            index,
            line,
            mapping,
        }
    }

    /// The text of `key`'s column, trimmed; `None` when unmapped or empty.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        let &c = self.mapping.get(key)?;
        Some(self.row.get(c)?.trim()).filter(|s| !s.is_empty())
    }

    /// The same, owned.
    pub fn text(&self, key: &str) -> Option<String> {
        self.get(key).map(str::to_owned)
    }

    /// The date in `key`'s column, day first ([`super::dates`]; a workbook's date cell arrives
    /// as a serial number), two-digit years below `pivot` in the 2000s. `None` for an empty cell;
    /// `Some(None)` for one that holds no date, reported as `invalid_date`.
    pub fn date(
        &self,
        key: &str,
        pivot: u32,
        problems: &mut Problems<'_>,
    ) -> Option<Option<NaiveDate>> {
        let v = self.get(key)?;
        let d = parse_date_pivot(v, pivot).or_else(|| parse_excel_serial(v));
        if d.is_none() {
            problems.bad_value(key, "invalid_date", v);
        }
        Some(d)
    }
}

/// The problems of one row, each placed at its column.
pub struct Problems<'a> {
    pub line: usize,
    place: &'a dyn Fn(&str) -> Option<String>,
    pub(super) errors: Vec<RowError>,
    pub(super) warnings: Vec<RowError>,
}

/// `{name: value}`, the parameters of most problems.
pub fn param(name: &str, value: impl ToString) -> BTreeMap<String, String> {
    BTreeMap::from([(name.to_owned(), value.to_string())])
}

impl<'a> Problems<'a> {
    pub(super) fn new(line: usize, place: &'a dyn Fn(&str) -> Option<String>) -> Self {
        Problems {
            line,
            place,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn make(&self, field: &str, code: &str, params: BTreeMap<String, String>) -> RowError {
        RowError {
            line: self.line,
            column: (self.place)(field),
            field: field.to_owned(),
            code: code.to_owned(),
            params,
        }
    }

    pub fn add(&mut self, field: &str, code: &str, params: BTreeMap<String, String>) {
        let e = self.make(field, code, params);
        self.errors.push(e);
    }

    /// A cell that cannot be read: the problem quotes it.
    pub fn bad_value(&mut self, field: &str, code: &str, value: &str) {
        self.add(field, code, param("value", value));
    }

    /// Something worth a look that does not stop the row.
    pub fn warn(&mut self, field: &str, code: &str, params: BTreeMap<String, String>) {
        let e = self.make(field, code, params);
        self.warnings.push(e);
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn errors(&self) -> &[RowError] {
        &self.errors
    }
}

/// The natural keys seen so far in a file: the second row with a key is a `duplicate_in_file`,
/// naming the first one's line.
#[derive(Default)]
pub struct SeenKeys(HashMap<String, usize>);

impl SeenKeys {
    pub fn with_capacity(n: usize) -> Self {
        SeenKeys(HashMap::with_capacity(n))
    }

    /// Whether `key` is new; if not, reports it at `field`.
    pub fn first(&mut self, key: String, field: &str, problems: &mut Problems<'_>) -> bool {
        match self.0.entry(key) {
            Entry::Vacant(v) => {
                v.insert(problems.line);
                true
            }
            Entry::Occupied(o) => {
                problems.add(field, "duplicate_in_file", param("line", *o.get()));
                false
            }
        }
    }
}

/// Rows between two progress reports while a commit writes.
pub const PROGRESS_EVERY: usize = 100;

/// A commit's progress: rows done of the file's rows, reported to the job, which answers
/// whether to go on.
pub struct Progress<'p> {
    report: &'p mut dyn FnMut(usize, usize) -> bool,
    done: usize,
    total: usize,
}

pub(super) fn cancelled() -> Error {
    Error::new(ErrorCode::Cancelled, "import cancelled")
}

impl<'p> Progress<'p> {
    pub(super) fn new(report: &'p mut dyn FnMut(usize, usize) -> bool, total: usize) -> Self {
        Progress {
            report,
            done: 0,
            total,
        }
    }

    /// One more row done; reported every [`PROGRESS_EVERY`] rows.
    pub fn step(&mut self) -> crate::Result<()> {
        self.done += 1;
        if self.done.is_multiple_of(PROGRESS_EVERY) {
            self.now()?;
        }
        Ok(())
    }

    /// Reports where the commit is; a cancel is an error that rolls everything back.
    pub fn now(&mut self) -> crate::Result<()> {
        if (self.report)(self.done.min(self.total), self.total) {
            Ok(())
        } else {
            Err(cancelled())
        }
    }

    pub(super) fn all_done(&mut self) -> crate::Result<()> {
        self.done = self.total;
        self.now()
    }
}
