//! The asset list's search: the assets whose tag, name, serial or model hold a fragment of
//! text, found in the trigram index `assets_fts` (migration 0021).
//!
//! The index folds case and accents ("città" finds "Citta"), where the list's own test,
//! [`TEST`], folds only ASCII case. For plain text (printable ASCII) on plain rows the two
//! agree, so only the candidates whose text is not plain (the partial index
//! `assets_not_plain`, migration 0025) and every candidate of a text that is not plain are
//! tested again: the results stay what [`TEST`] gives, without reading each match's row.

use crate::domain::text::fold_key;
use crate::store::id_set::IdSet;
use crate::store::like_pattern;
use rusqlite::Connection;
use std::collections::HashSet;

/// The list's test of a search on asset `a`, `?` the pattern of [`like_pattern`].
pub const TEST: &str = "(a.tag_key LIKE ? ESCAPE '\\' OR a.name_key LIKE ? ESCAPE '\\'
     OR lower(a.serial) LIKE ? ESCAPE '\\' OR lower(a.model) LIKE ? ESCAPE '\\')";

/// The terms of the partial index `assets_not_plain`, word for word, so SQLite reads it.
const NOT_PLAIN: &str = "(coalesce(tag_key, '') || ' ' || coalesce(name_key, '') || ' '
     || coalesce(serial, '') || ' ' || coalesce(model, '')) GLOB '*[^ -~]*'";

/// The assets matching a search.
pub struct Matches {
    pub ids: IdSet,
}

/// Whether `key` is printable ASCII, where the index and `TEST` agree on plain rows.
fn plain(key: &str) -> bool {
    key.chars().all(|c| c == ' ' || c.is_ascii_graphic())
}

fn json(ids: &[i64]) -> crate::Result<String> {
    serde_json::to_string(ids).map_err(|e| crate::Error::internal(e.to_string()))
}

/// The assets matching `search`; `None` below three characters (no trigram: the list then
/// applies [`TEST`] to every row).
pub fn matches(conn: &Connection, search: Option<&str>) -> crate::Result<Option<Matches>> {
    let Some(key) = search.map(str::trim).map(fold_key) else {
        return Ok(None);
    };
    if key.chars().count() < 3 {
        return Ok(None);
    }
    let mut ids: Vec<i64> = conn
        .prepare_cached("SELECT rowid FROM assets_fts WHERE assets_fts MATCH ?1")?
        .query_map([format!("\"{}\"", key.replace('"', "\"\""))], |r| r.get(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let doubtful: Vec<i64> = if !plain(&key) {
        ids.clone()
    } else if ids.is_empty() {
        Vec::new()
    } else {
        let not_plain: HashSet<i64> = conn
            .prepare_cached(&format!("SELECT id FROM assets WHERE {NOT_PLAIN}"))?
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.iter()
            .copied()
            .filter(|id| not_plain.contains(id))
            .collect()
    };
    if !doubtful.is_empty() {
        let kept: HashSet<i64> = conn
            .prepare_cached(&format!(
                "SELECT a.id FROM assets a WHERE a.id IN (SELECT value FROM json_each(?1))
                   AND {}",
                TEST.replace('?', "?2")
            ))?
            .query_map(
                rusqlite::params![json(&doubtful)?, like_pattern(&key)],
                |r| r.get(0),
            )?
            .collect::<rusqlite::Result<_>>()?;
        let doubtful: HashSet<i64> = doubtful.into_iter().collect();
        ids.retain(|id| !doubtful.contains(id) || kept.contains(id));
    }
    Ok(Some(Matches {
        ids: IdSet::new(ids),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_is_printable_ascii() {
        assert!(plain("thinkpad t14"));
        assert!(plain("sn-\"x%_"));
        assert!(!plain("città"));
        assert!(!plain("a\tb"));
    }
}
