//! Purchasing's hits in the global search: suppliers by name, VAT number, tax code or city.

use crate::domain::search::{HitKind, SearchHit};
use crate::domain::text::fold_key;
use crate::store::like_pattern;
use crate::store::search::page;
use rusqlite::types::Value;
use rusqlite::Connection;

/// Suppliers matching every word: each word in the name (dots aside) or city, or (letters and digits only)
/// in the VAT number or tax code. A few thousand suppliers: the name index orders them and the
/// scan stays under a millisecond.
pub fn suppliers(c: &Connection, text: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let words: Vec<&str> = text.split_whitespace().collect();
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
