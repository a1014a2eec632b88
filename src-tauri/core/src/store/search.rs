//! The full-text search indexes (FTS5, trigram) and how their entries are written: by the store
//! functions' transaction, just before it commits, one statement per index (see
//! [`WriteTx::reindex`](super::WriteTx)).

use rusqlite::Connection;
use std::collections::BTreeMap;
use std::fmt::Write;

/// A search index kept in step with a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SearchIndex {
    /// `employees_fts`: name ("last first"), tax code, e-mail, employee number.
    Employees,
    /// `documents_fts`: document titles.
    Documents,
}

impl SearchIndex {
    fn table(self) -> &'static str {
        match self {
            SearchIndex::Employees => "employees_fts",
            SearchIndex::Documents => "documents_fts",
        }
    }

    /// Fills the index's entries of the rows whose ids are in the JSON array `?1`; a row that no
    /// longer exists (deleted) gets none.
    fn insert_sql(self) -> &'static str {
        match self {
            SearchIndex::Employees => {
                "INSERT INTO employees_fts (rowid, name, tax_code, email, employee_number)
                 SELECT id, last_name || ' ' || first_name, tax_code, email, employee_number
                 FROM employees WHERE id IN (SELECT value FROM json_each(?1))"
            }
            SearchIndex::Documents => {
                "INSERT INTO documents_fts (rowid, title)
                 SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?1))"
            }
        }
    }
}

fn json_ids<'a>(ids: impl Iterator<Item = &'a i64>) -> String {
    let mut s = String::from("[");
    for (i, id) in ids.enumerate() {
        if i > 0 {
            s.push(',');
        }
        let _ = write!(s, "{id}");
    }
    s.push(']');
    s
}

/// Rewrites the entries of `rows` (id → whether an old entry may exist) in `index`.
pub(super) fn write(
    conn: &Connection,
    index: SearchIndex,
    rows: &BTreeMap<i64, bool>,
) -> crate::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let existing: Vec<&i64> = rows.iter().filter(|(_, &e)| e).map(|(id, _)| id).collect();
    if !existing.is_empty() {
        conn.prepare_cached(&format!(
            "DELETE FROM {} WHERE rowid IN (SELECT value FROM json_each(?1))",
            index.table()
        ))?
        .execute([json_ids(existing.into_iter())])?;
    }
    conn.prepare_cached(index.insert_sql())?
        .execute([json_ids(rows.keys())])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_as_a_json_array() {
        assert_eq!(json_ids([].iter()), "[]");
        assert_eq!(json_ids([3, 10, 42].iter()), "[3,10,42]");
    }
}
