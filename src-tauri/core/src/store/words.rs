//! Word indexes for list searches: one document per record (an order: its number, supplier
//! and the words of every line), so a search is one lookup that yields the records themselves.
//!
//! The trigram indexes of the global search hold one entry per line; a list searching them had
//! to carry every matching line to its order and test the supplier's name besides, three sets
//! per order (123 ms for "cuscinetto" over 100,000 orders). Here "cuscinetto" is one term of
//! the index and its 19,015 orders one read.
//!
//! A record's document is written again whenever a row it is made of changes: [`FEEDS`]
//! declares, per tracked table, the columns that matter and which documents they feed, and
//! every recorded change ([`WriteTx::record`](super::WriteTx::record)) asks for those documents
//! to be rewritten before its transaction commits.

use super::id_set::IdSet;
use super::search::{search_words, SearchIndex};
use rusqlite::Connection;
use serde_json::Value as Json;

/// The FTS5 query for a list's search text: each part between spaces as the phrase of its
/// words ("OA-2025-01" is "oa 2025 01", in that order), the last word of each a prefix once it
/// has two characters (what is still being typed); all parts required, among the
/// [`search_words`]. `None` when no part has a letter or a digit.
pub fn query(text: &str) -> Option<String> {
    let parts: Vec<String> = search_words(text)
        .filter_map(|part| {
            let last = part
                .split(|c: char| !c.is_alphanumeric())
                .rfind(|w| !w.is_empty())?;
            let prefix = if last.chars().count() >= 2 { " *" } else { "" };
            Some(format!("\"{}\"{prefix}", part.replace('"', "\"\"")))
        })
        .collect();
    (!parts.is_empty()).then(|| parts.join(" AND "))
}

/// The records of `index` whose words match `text`, or `None` when the text has no word to
/// search (every record then).
pub fn matching(c: &Connection, index: SearchIndex, text: &str) -> crate::Result<Option<IdSet>> {
    let Some(q) = query(text) else {
        return Ok(None);
    };
    let table = index.table();
    let ids = c
        .prepare_cached(&format!(
            "SELECT rowid FROM {table} WHERE {table} MATCH ?1 ORDER BY rowid"
        ))?
        .query_map([q], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(Some(IdSet::new(ids)))
}

/// A table whose rows are part of the documents of a word index.
pub(super) struct Feed {
    pub entity: &'static str,
    pub index: SearchIndex,
    /// The columns the document holds; a change of another column leaves it as it is. An
    /// insert or a delete always changes it.
    pub columns: &'static [&'static str],
    pub documents: Documents,
}

/// Which documents a changed row is part of.
pub(super) enum Documents {
    /// Its own.
    Own,
    /// The one whose id this column holds.
    Field(&'static str),
    /// Those this query lists, given the row's id as `?1`.
    Query(&'static str),
}

pub(super) const FEEDS: &[Feed] = &[
    Feed {
        entity: "purchase_orders",
        index: SearchIndex::OrderWords,
        columns: &["number", "supplier_id"],
        documents: Documents::Own,
    },
    Feed {
        entity: "purchase_order_lines",
        index: SearchIndex::OrderWords,
        columns: &["order_id", "description", "item_code"],
        documents: Documents::Field("order_id"),
    },
    Feed {
        entity: "suppliers",
        index: SearchIndex::OrderWords,
        columns: &["name"],
        documents: Documents::Query("SELECT id FROM purchase_orders WHERE supplier_id = ?1"),
    },
    Feed {
        entity: "supplier_invoices",
        index: SearchIndex::InvoiceWords,
        columns: &["number", "supplier_id"],
        documents: Documents::Own,
    },
    Feed {
        entity: "supplier_invoice_lines",
        index: SearchIndex::InvoiceWords,
        columns: &["invoice_id", "description", "item_code"],
        documents: Documents::Field("invoice_id"),
    },
    Feed {
        entity: "suppliers",
        index: SearchIndex::InvoiceWords,
        columns: &["name"],
        documents: Documents::Query("SELECT id FROM supplier_invoices WHERE supplier_id = ?1"),
    },
];

/// The documents to write again after row `id` of `entity` changed from `before` to `after`
/// (its history snapshots; `None` for the side of an insert or a delete), with whether each
/// may already be in its index.
pub(super) fn touched(
    c: &Connection,
    entity: &str,
    id: i64,
    before: Option<&str>,
    after: Option<&str>,
) -> crate::Result<Vec<(SearchIndex, i64, bool)>> {
    let mut out = Vec::new();
    let mut feeds = FEEDS.iter().filter(|f| f.entity == entity).peekable();
    if feeds.peek().is_none() {
        return Ok(out);
    }
    let parse = |s: Option<&str>| s.and_then(|s| serde_json::from_str::<Json>(s).ok());
    let (old, new) = (parse(before), parse(after));
    for f in feeds {
        let changed = match (&old, &new) {
            (Some(o), Some(n)) => f.columns.iter().any(|col| o.get(col) != n.get(col)),
            _ => true,
        };
        if !changed {
            continue;
        }
        match f.documents {
            // A new record has no document yet.
            Documents::Own => out.push((f.index, id, old.is_some())),
            Documents::Field(col) => {
                for side in [&old, &new].into_iter().flatten() {
                    if let Some(doc) = side.get(col).and_then(Json::as_i64) {
                        out.push((f.index, doc, true));
                    }
                }
            }
            Documents::Query(sql) => {
                let docs = c
                    .prepare_cached(sql)?
                    .query_map([id], |r| r.get::<_, i64>(0))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                out.extend(docs.into_iter().map(|doc| (f.index, doc, true)));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::search::MAX_SEARCH_WORDS;

    #[test]
    fn each_part_is_a_phrase_whose_last_word_is_a_prefix() {
        assert_eq!(query("  "), None);
        assert_eq!(query(" - / "), None);
        assert_eq!(query("cuscinetto").as_deref(), Some("\"cuscinetto\" *"));
        assert_eq!(
            query("filtro  aria").as_deref(),
            Some("\"filtro\" * AND \"aria\" *")
        );
        assert_eq!(query("OA-2025-01").as_deref(), Some("\"OA-2025-01\" *"));
        // One letter as a prefix would read every word that starts with it.
        assert_eq!(
            query("vite M8 a").as_deref(),
            Some("\"vite\" * AND \"M8\" * AND \"a\"")
        );
        assert_eq!(query("OA-2025-"), Some("\"OA-2025-\" *".to_owned()));
        assert_eq!(query("d'a").as_deref(), Some("\"d'a\""));
        assert_eq!(query("\"x\"yz").as_deref(), Some("\"\"\"x\"\"yz\" *"));
        assert_eq!(query("città").as_deref(), Some("\"città\" *"));
        let page = "vite ".repeat(1_000);
        let q = query(&page).unwrap();
        assert_eq!(q.matches(" AND ").count(), MAX_SEARCH_WORDS - 1);
    }
}
