//! The full-text search indexes (FTS5, trigram) and how their entries are written: by the store
//! functions' transaction, just before it commits, one statement per index (see
//! [`WriteTx::reindex`](super::WriteTx)).

use super::like_pattern;
use crate::domain::search::{HitKind, SearchHit};
use crate::domain::text::fold_key;
use rusqlite::{params, Connection, OptionalExtension};
use std::collections::BTreeMap;
use std::fmt::Write;

/// The words of a search text that are searched: a page of text pasted into a search box made
/// an FTS5 query of 20,000 terms (an order list search of 1.2 s) where no person types more
/// than a few words.
pub const MAX_SEARCH_WORDS: usize = 16;

/// The words of a search text that are searched: the first [`MAX_SEARCH_WORDS`].
pub fn search_words(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace().take(MAX_SEARCH_WORDS)
}

/// The FTS5 query for a search text: every word of three or more characters as a quoted
/// substring (the trigram tokenizer matches any run of three characters), all required, among
/// the [`search_words`]. `None` when no word is that long.
pub fn match_query(text: &str) -> Option<String> {
    let long: Vec<String> = search_words(text)
        .filter(|w| w.chars().count() >= 3)
        .map(|w| format!("\"{}\"", w.replace('"', "\"\"")))
        .collect();
    (!long.is_empty()).then(|| long.join(" AND "))
}

/// The words of a search text as the employee index holds them: an e-mail address up to its
/// "@" (migration 0009), so a whole address pasted into the box finds its owner; a word that is
/// only a domain is left out.
pub fn employee_words(text: &str) -> String {
    text.split_whitespace()
        .map(|w| w.find('@').map_or(w, |at| &w[..at]))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
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
            audit_id: None,
        })
    })?;
    page(rows, limit)
}

/// Up to `limit` current documents of employees (not superseded versions) whose title matches
/// `m`.
pub fn documents(conn: &Connection, m: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.record_id, e.last_name || ' ' || e.first_name, d.type_id,
                e.status
         FROM attachments_fts f JOIN attachments d ON d.id = f.rowid
              JOIN employees e ON e.id = d.record_id
         WHERE attachments_fts MATCH ?1 AND d.entity = 'employees'
           AND d.superseded_by IS NULL LIMIT ?2",
    )?;
    let rows = stmt.query_map(params![m, limit + 1], |r| {
        let status: String = r.get(5)?;
        Ok(SearchHit {
            kind: HitKind::Document,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: Some(r.get(3)?),
            document_type_id: r.get(4)?,
            employee_id: Some(r.get(2)?),
            inactive: status != "active",
            audit_id: None,
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
    let words: Vec<String> = search_words(text).map(fold_key).collect();
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
            audit_id: None,
        })
    })?;
    page(rows, limit)
}

pub(crate) fn page(
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
    /// `employees_fts`: name ("last first"), tax code, e-mail up to its "@", employee number,
    /// read from the `employees_search` view (external content, migrations 0006 and 0009).
    Employees,
    /// `attachments_fts`: attachment titles (the index keeps its own copy).
    Attachments,
    /// `purchase_orders_words`: each order's number, supplier and lines, as words (migration
    /// 0036; the index keeps its own copy, fed as [`super::words::FEEDS`] declares).
    OrderWords,
    /// `supplier_invoices_words`: each supplier invoice's number, supplier and lines, as words.
    InvoiceWords,
}

/// What an index holds for a row whose entry is to be rewritten.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Held {
    /// No entry (a new row).
    Nothing,
    /// An entry the index removes by rowid (it keeps its own copy of the text).
    Entry,
    /// An entry made from these values (a JSON array in column order), which removing it needs.
    Values(String),
}

impl SearchIndex {
    pub(super) fn table(self) -> &'static str {
        match self {
            SearchIndex::Employees => "employees_fts",
            SearchIndex::Attachments => "attachments_fts",
            SearchIndex::OrderWords => "purchase_orders_words",
            SearchIndex::InvoiceWords => "supplier_invoices_words",
        }
    }

    /// What the index holds for row `id` now, before the row changes.
    pub(super) fn held(self, conn: &Connection, id: i64) -> crate::Result<Held> {
        Ok(match self {
            SearchIndex::Attachments | SearchIndex::OrderWords | SearchIndex::InvoiceWords => {
                Held::Entry
            }
            SearchIndex::Employees => conn
                .prepare_cached(
                    "SELECT json_array(name, tax_code, email, employee_number)
                     FROM employees_search WHERE id = ?1",
                )?
                .query_row([id], |r| r.get(0))
                .optional()?
                .map_or(Held::Nothing, Held::Values),
        })
    }

    /// Removes the entries of `?1` ([[id, [value, …]], …]) made from those values: FTS5's
    /// 'delete' command, for an index without its own copy of the text.
    fn delete_values_sql(self) -> Option<&'static str> {
        match self {
            SearchIndex::Employees => Some(
                "INSERT INTO employees_fts (employees_fts, rowid, name, tax_code, email,
                                            employee_number)
                 SELECT 'delete', value ->> 0, value -> 1 ->> 0, value -> 1 ->> 1,
                        value -> 1 ->> 2, value -> 1 ->> 3
                 FROM json_each(?1)",
            ),
            SearchIndex::Attachments | SearchIndex::OrderWords | SearchIndex::InvoiceWords => None,
        }
    }

    /// Fills the index's entries of the rows whose ids are in the JSON array `?1`; a row that no
    /// longer exists (deleted) gets none.
    fn insert_sql(self) -> &'static str {
        match self {
            SearchIndex::Employees => {
                "INSERT INTO employees_fts (rowid, name, tax_code, email, employee_number)
                 SELECT id, name, tax_code, email, employee_number
                 FROM employees_search WHERE id IN (SELECT value FROM json_each(?1))"
            }
            SearchIndex::Attachments => {
                "INSERT INTO attachments_fts (rowid, title)
                 SELECT id, title FROM attachments WHERE id IN (SELECT value FROM json_each(?1))"
            }
            SearchIndex::OrderWords => {
                "INSERT INTO purchase_orders_words (rowid, words)
                 SELECT id, words FROM purchase_orders_words_text
                 WHERE id IN (SELECT value FROM json_each(?1))"
            }
            SearchIndex::InvoiceWords => {
                "INSERT INTO supplier_invoices_words (rowid, words)
                 SELECT id, words FROM supplier_invoices_words_text
                 WHERE id IN (SELECT value FROM json_each(?1))"
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

/// Rewrites the entries of `rows` (id → what the index holds for it) in `index`: one statement
/// removes the old entries, one writes the new ones.
pub(super) fn write(
    conn: &Connection,
    index: SearchIndex,
    rows: &BTreeMap<i64, Held>,
) -> crate::Result<()> {
    if rows.is_empty() {
        return Ok(());
    }
    let by_rowid: Vec<&i64> = rows
        .iter()
        .filter(|(_, h)| **h == Held::Entry)
        .map(|(id, _)| id)
        .collect();
    if !by_rowid.is_empty() {
        conn.prepare_cached(&format!(
            "DELETE FROM {} WHERE rowid IN (SELECT value FROM json_each(?1))",
            index.table()
        ))?
        .execute([json_ids(by_rowid.into_iter())])?;
    }
    // [[id, value, …], …]: each old entry with the values it was made from.
    let mut old = String::from("[");
    for (id, h) in rows {
        if let Held::Values(values) = h {
            if old.len() > 1 {
                old.push(',');
            }
            let _ = write!(old, "[{id},{values}]");
        }
    }
    old.push(']');
    if let (true, Some(sql)) = (old.len() > 2, index.delete_values_sql()) {
        conn.prepare_cached(sql)?.execute([old])?;
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
    fn a_pasted_page_is_searched_by_its_first_words() {
        let page = "lorem ipsum dolor ".repeat(1_000);
        let q = match_query(&page).unwrap();
        assert_eq!(q.matches(" AND ").count(), MAX_SEARCH_WORDS - 1);
    }

    #[test]
    fn mail_addresses_are_searched_up_to_their_at() {
        assert_eq!(employee_words("Mario.Rossi@azienda.it"), "Mario.Rossi");
        assert_eq!(employee_words(" rossi@  @azienda.it 123 "), "rossi 123");
        assert_eq!(employee_words("@"), "");
    }

    #[test]
    fn ids_as_a_json_array() {
        assert_eq!(json_ids([].iter()), "[]");
        assert_eq!(json_ids([3, 10, 42].iter()), "[3,10,42]");
    }
}
