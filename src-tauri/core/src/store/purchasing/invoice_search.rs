//! Supplier invoices in the global search: by number (each word a part of it), newest first.

use crate::domain::search::{HitKind, SearchHit};
use crate::store::like_pattern;
use crate::store::search::page;
use rusqlite::types::Value;
use rusqlite::Connection;

/// Invoices whose number holds every word. Numbers are short and the index on `number_key`
/// keeps the scan cheap even over a hundred thousand invoices.
pub fn invoices(c: &Connection, text: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.is_empty() {
        return Ok((Vec::new(), false));
    }
    let mut sql = String::from(
        "SELECT i.id, i.number, s.name || ' · ' || i.invoice_date
         FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id WHERE 1=1",
    );
    let mut args: Vec<Value> = Vec::new();
    for w in words {
        args.push(Value::Text(like_pattern(&w.to_uppercase())));
        sql.push_str(&format!(
            " AND i.number_key LIKE ?{} ESCAPE '\\'",
            args.len()
        ));
    }
    sql.push_str(&format!(
        " ORDER BY i.invoice_date DESC, i.id DESC LIMIT ?{}",
        args.len() + 1
    ));
    args.push(Value::Integer(limit + 1));
    let mut stmt = c.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(args.iter()), |r| {
        Ok(SearchHit {
            kind: HitKind::SupplierInvoice,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: r.get(2)?,
            document_type_id: None,
            employee_id: None,
            inactive: false,
            audit_id: None,
        })
    })?;
    page(rows, limit)
}
