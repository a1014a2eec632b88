//! The full-text search indexes (FTS5, trigram) and how their entries are written: by the store
//! functions' transaction, just before it commits, one statement per index (see
//! [`WriteTx::reindex`](super::WriteTx)).

use super::like_pattern;
use crate::domain::search::{HitKind, SearchHit};
use crate::domain::text::fold_key;
use rusqlite::{params, Connection};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The FTS5 query for a search text: every word of three or more characters as a quoted
/// substring (the trigram tokenizer matches any run of three characters), all required. `None`
/// when no word is that long.
pub fn match_query(text: &str) -> Option<String> {
    let long: Vec<String> = text
        .split_whitespace()
        .filter(|w| w.chars().count() >= 3)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!long.is_empty()).then(|| long.join(" AND "))
}

/// Up to `limit` employees matching the FTS query `m` (and whether there were more), in index
/// order: the index is read only as far as the page needs.
pub fn employees(conn: &Connection, m: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut stmt = conn.prepare_cached(
        "SELECT e.id, e.last_name || ' ' || e.first_name, e.tax_code,
                (SELECT name FROM departments WHERE id = e.department_id), e.status
         FROM employees_fts f JOIN employees e ON e.id = f.rowid
         WHERE employees_fts MATCH ?1 LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![m, limit + 1], |r| {
        let id: i64 = r.get(0)?;
        let tax_code: String = r.get(2)?;
        let department: Option<String> = r.get(3)?;
        let status: String = r.get(4)?;
        Ok(SearchHit {
            kind: HitKind::Employee,
            id,
            title: r.get(1)?,
            detail: Some(match department {
                Some(d) => format!("{tax_code} · {d}"),
                None => tax_code,
            }),
            document_type_id: None,
            employee_id: Some(id),
            inactive: status != "active",
        })
    })?;
    page(rows, limit)
}

/// Up to `limit` current documents (not superseded versions) whose title matches `m`.
pub fn documents(conn: &Connection, m: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.employee_id, e.last_name || ' ' || e.first_name, d.type_id,
                e.status
         FROM documents_fts f JOIN documents d ON d.id = f.rowid
              JOIN employees e ON e.id = d.employee_id
         WHERE documents_fts MATCH ?1 AND d.superseded_by IS NULL LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![m, limit + 1], |r| {
        let status: String = r.get(5)?;
        Ok(SearchHit {
            kind: HitKind::Document,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: Some(r.get(3)?),
            document_type_id: Some(r.get(4)?),
            employee_id: Some(r.get(2)?),
            inactive: status != "active",
        })
    })?;
    page(rows, limit)
}

/// Up to `limit` departments whose name or code contains every word of `text` (a small table,
/// read with LIKE).
pub fn departments(
    conn: &Connection,
    text: &str,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let words: Vec<String> = text.split_whitespace().map(fold_key).collect();
    if words.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut sql = String::from("SELECT id, name, code, active FROM departments WHERE 1=1");
    let mut args: Vec<rusqlite::types::Value> = Vec::new();
    for w in &words {
        let n = args.len() + 1;
        sql.push_str(&format!(
            " AND (name_key LIKE ?{n} ESCAPE '\\' OR code_key LIKE ?{n} ESCAPE '\\')"
        ));
        args.push(rusqlite::types::Value::Text(like_pattern(w)));
    }
    sql.push_str(&format!(" ORDER BY name_key LIMIT ?{}", args.len() + 1));
    args.push(rusqlite::types::Value::Integer(limit + 1));
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        let active: bool = r.get(3)?;
        Ok(SearchHit {
            kind: HitKind::Department,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: r.get(2)?,
            document_type_id: None,
            employee_id: None,
            inactive: !active,
        })
    })?;
    page(rows, limit)
}

fn page(
    rows: impl Iterator<Item = rusqlite::Result<SearchHit>>,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut hits = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    let more = hits.len() as i64 > limit;
    hits.truncate(limit.max(0) as usize);
    Ok((hits, more))
}

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
    fn search_words_become_quoted_substrings() {
        assert_eq!(match_query("  "), None);
        assert_eq!(match_query("ro ma"), None);
        assert_eq!(match_query("Rossi ma").as_deref(), Some("\"Rossi\""));
        assert_eq!(
            match_query("d'an \"x\"y").as_deref(),
            Some("\"d'an\" AND \"\"\"x\"\"y\"")
        );
    }

    #[test]
    fn ids_as_a_json_array() {
        assert_eq!(json_ids([].iter()), "[]");
        assert_eq!(json_ids([3, 10, 42].iter()), "[3,10,42]");
    }
}
