//! Adding many new employees in one write, fed row by row while the rows are still being read and
//! validated elsewhere (the staff import validates on a second thread).
//!
//! Each row arrives with its id (the next free ones, handed out by [`Bulk::first_id`]) and its
//! history snapshot already built by [`snapshot_json`], so the writer's thread only inserts the
//! row, hashes and appends its history row, and asks for its search entry. Building the
//! snapshot in Rust instead of `INSERT … RETURNING json_object(…)` takes that work off the
//! writer; the text must be byte for byte what SQLite's `json_object` gives (verify compares
//! them), which the tests check on awkward values and [`Bulk::finish`] checks again on the first
//! and last rows written, rolling back on any difference.

use crate::domain::history::ChangeOp;
use crate::domain::staff::employee::{Employee, ValidEmployee};
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::store::dates::{date_text, opt_date_text};
use crate::store::search::SearchIndex;
use crate::store::staff::employees::{
    bind_new, create_indexes, drop_indexes, exists_active, ref_errors_with, sex_text, sort_key,
    Scores, TRACKED,
};
use crate::store::ts_text;
use crate::store::tx::WriteTx;
use std::collections::HashMap;
use std::fmt::Write;

pub use crate::store::staff::employees::{REBUILD_INDEXES_FROM, ROWS_PER_INSERT};

/// A new employee ready to be written: the validated form, its cached scores, the id it gets and
/// its history snapshot ([`snapshot_json`] of the row as stored).
pub struct NewEmployee {
    pub valid: ValidEmployee,
    pub scores: Scores,
    pub id: i64,
    pub snapshot: String,
}

/// Appends `s` as a JSON string the way SQLite's `json_object` writes text: `"` and `\` escaped
/// with a backslash, control characters as `\b \t \n \f \r` or `\u00XX`, everything else (the
/// apostrophe, DEL, any non-ASCII character) as is.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            0x08 => Some("\\b"),
            b'\t' => Some("\\t"),
            b'\n' => Some("\\n"),
            0x0c => Some("\\f"),
            b'\r' => Some("\\r"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[from..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

fn push_key(out: &mut String, key: &str) {
    if !out.ends_with('{') {
        out.push(',');
    }
    out.push('"');
    out.push_str(key);
    out.push_str("\":");
}

fn text(out: &mut String, key: &str, v: Option<&str>) {
    push_key(out, key);
    match v {
        Some(s) => push_json_str(out, s),
        None => out.push_str("null"),
    }
}

fn int(out: &mut String, key: &str, v: Option<i64>) {
    push_key(out, key);
    match v {
        Some(n) => {
            let _ = write!(out, "{n}");
        }
        None => out.push_str("null"),
    }
}

/// The history snapshot of `e` as stored (the value of `employees::TRACKED.snapshot_sql` for its
/// row), without reading the row: keys in the same order, the same text for every value.
pub fn snapshot_json(e: &Employee) -> String {
    let mut o = String::with_capacity(800);
    o.push('{');
    int(&mut o, "id", Some(e.id));
    text(&mut o, "employee_number", e.employee_number.as_deref());
    text(&mut o, "first_name", Some(&e.first_name));
    text(&mut o, "last_name", Some(&e.last_name));
    text(
        &mut o,
        "sort_key",
        Some(&sort_key(&e.first_name, &e.last_name)),
    );
    text(&mut o, "tax_code", Some(&e.tax_code));
    text(&mut o, "birth_date", opt_date_text(e.birth_date).as_deref());
    text(&mut o, "birth_place", e.birth_place.as_deref());
    text(&mut o, "sex", sex_text(e.sex));
    text(&mut o, "email", e.email.as_deref());
    text(&mut o, "phone", e.phone.as_deref());
    text(&mut o, "address", e.address.as_deref());
    text(&mut o, "iban", e.iban.as_deref());
    int(&mut o, "department_id", e.department_id);
    text(&mut o, "job_title", e.job_title.as_deref());
    text(
        &mut o,
        "job_title_key",
        e.job_title.as_deref().map(fold_key).as_deref(),
    );
    int(&mut o, "manager_id", e.manager_id);
    text(&mut o, "hire_date", Some(&date_text(e.hire_date)));
    int(&mut o, "contract_type_id", e.contract_type_id);
    text(
        &mut o,
        "contract_end",
        opt_date_text(e.contract_end).as_deref(),
    );
    text(&mut o, "ccnl", e.ccnl.as_deref());
    text(&mut o, "level", e.level.as_deref());
    text(&mut o, "status", Some(e.status.as_str()));
    text(
        &mut o,
        "termination_date",
        opt_date_text(e.termination_date).as_deref(),
    );
    text(
        &mut o,
        "termination_reason",
        e.termination_reason.as_deref(),
    );
    int(&mut o, "version", Some(e.version));
    text(&mut o, "created_at", Some(&ts_text(e.created_at)));
    text(&mut o, "updated_at", Some(&ts_text(e.updated_at)));
    o.push('}');
    o
}

const INSERT_SQL: &str = "INSERT INTO employees (id, employee_number, first_name, last_name,
        sort_key, tax_code, birth_date, birth_place, sex, email, phone, address, iban,
        department_id, job_title, job_title_key, manager_id, hire_date, contract_type_id,
        contract_end, ccnl, level, status, version, created_at, updated_at, completeness,
        issue_count, urgency, next_expiry)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,
             ?19, ?20, ?21, ?22, 'active', 1, ?23, ?23, ?24, ?25, ?26, ?27)";

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
        let mut stmt = self.w.conn().prepare_cached(INSERT_SQL)?;
        stmt.raw_bind_parameter(1, e.id)?;
        bind_new(&mut stmt, 2, v, &self.w.now_text(), &e.scores)?;
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
    use super::*;

    #[test]
    fn json_strings_escape_as_sqlite_does() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let samples = [
            "",
            "plain",
            "d'Amico",
            "quote \" and \\ backslash",
            "tab\tnew\nline\rcr\u{8}bs\u{c}ff",
            "\u{1}\u{1f}\u{7f} control and DEL",
            "àèìòù ß € 日本 🙂",
            "\\u0041 not an escape",
        ];
        for s in samples {
            let mut mine = String::new();
            push_json_str(&mut mine, s);
            let theirs: String = c
                .query_row("SELECT json_object('k', ?1)", [s], |r| r.get(0))
                .unwrap();
            assert_eq!(format!("{{\"k\":{mine}}}"), theirs, "{s:?}");
        }
    }

    #[test]
    fn dates_as_text() {
        for (y, m, d) in [(1, 1, 1), (999, 12, 31), (2026, 3, 2), (9999, 12, 31)] {
            let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(date_text(date), date.format("%Y-%m-%d").to_string());
        }
    }
}
