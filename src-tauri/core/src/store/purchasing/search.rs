//! Purchasing's hits in the global search: suppliers by name, VAT number, tax code or city;
//! orders by number or by what their lines buy.

use crate::domain::search::{HitKind, SearchHit};
use crate::domain::text::fold_key;
use crate::store::like_pattern;
use crate::store::search::{page, search_words};
use rusqlite::types::Value;
use rusqlite::Connection;

/// Suppliers matching every word: each word in the name (dots aside) or city, or (letters and digits only)
/// in the VAT number or tax code. A few thousand suppliers: the name index orders them and the
/// scan stays under a millisecond.
pub fn suppliers(c: &Connection, text: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let words: Vec<&str> = search_words(text).collect();
    if words.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut sql = String::from(
        "SELECT id, name, coalesce(vat_number, '') || coalesce(' · ' || city, ''), status
         FROM suppliers WHERE 1=1",
    );
    let mut args: Vec<Value> = Vec::new();
    for w in words {
        let code: String = w
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_uppercase())
            .collect();
        let n = args.len() + 1;
        sql.push_str(&format!(
            " AND (replace(name_key, '.', '') LIKE ?{n} ESCAPE '\\'
                  OR lower(city) LIKE ?{n} ESCAPE '\\'"
        ));
        // "spa" finds "S.p.A.": dots are left out on both sides.
        args.push(Value::Text(like_pattern(&fold_key(w).replace('.', ""))));
        if code.is_empty() {
            sql.push(')');
        } else {
            let m = args.len() + 1;
            sql.push_str(&format!(
                " OR vat_number LIKE ?{m} ESCAPE '\\' OR fiscal_code LIKE ?{m} ESCAPE '\\')"
            ));
            args.push(Value::Text(like_pattern(&code)));
        }
    }
    sql.push_str(&format!(" ORDER BY name_key, id LIMIT ?{}", args.len() + 1));
    args.push(Value::Integer(limit + 1));
    let mut stmt = c.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        let status: String = r.get(3)?;
        let detail: String = r.get(2)?;
        Ok(SearchHit {
            kind: HitKind::Supplier,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: (!detail.is_empty()).then_some(detail),
            document_type_id: None,
            employee_id: None,
            inactive: status == "blocked",
            audit_id: None,
        })
    })?;
    page(rows, limit)
}

/// Orders whose number holds the text, then orders with a line whose description or code holds
/// every word (the FTS query `m`), newest first within each; a draft has no number and is found
/// by its lines only. The detail is the supplier and the line that matched.
pub fn orders(
    c: &Connection,
    text: &str,
    m: &str,
    limit: i64,
) -> crate::Result<(Vec<SearchHit>, bool)> {
    let number = format!("\"{}\"", text.trim().replace('"', "\"\""));
    let mut stmt = c.prepare_cached(
        "WITH by_number AS (
             SELECT rowid AS id, NULL AS line FROM purchase_orders_fts
             WHERE purchase_orders_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?3),
         by_line AS (
             SELECT l.order_id AS id, min(l.description) AS line
             FROM purchase_order_lines_fts f JOIN purchase_order_lines l ON l.id = f.rowid
             WHERE purchase_order_lines_fts MATCH ?2
             GROUP BY l.order_id ORDER BY l.order_id DESC LIMIT ?3),
         found AS (
             SELECT id, line, 0 AS rank FROM by_number
             UNION ALL
             SELECT id, line, 1 FROM by_line WHERE id NOT IN (SELECT id FROM by_number))
         SELECT o.id, coalesce(o.number, ''), s.name, f.line, o.status
         FROM found f JOIN purchase_orders o ON o.id = f.id
         JOIN suppliers s ON s.id = o.supplier_id
         ORDER BY f.rank, o.id DESC LIMIT ?3",
    )?;
    let rows = stmt.query_map(rusqlite::params![number, m, limit + 1], |r| {
        let number: String = r.get(1)?;
        let supplier: String = r.get(2)?;
        let line: Option<String> = r.get(3)?;
        let status: String = r.get(4)?;
        let line = line.map(|l| l.lines().next().unwrap_or_default().to_owned());
        // A draft has no number yet: its supplier names it, and the line found says what it is.
        let (title, detail) = match (number.is_empty(), line) {
            (false, Some(l)) => (number, format!("{supplier} · {l}")),
            (false, None) => (number, supplier),
            (true, Some(l)) => (supplier, l),
            (true, None) => (supplier, String::new()),
        };
        Ok(SearchHit {
            kind: HitKind::Order,
            id: r.get(0)?,
            title,
            detail: (!detail.is_empty()).then_some(detail),
            document_type_id: None,
            employee_id: None,
            inactive: status == "cancelled",
            audit_id: None,
        })
    })?;
    page(rows, limit)
}
