//! Supplier invoices in the global search: by number, then by what their lines bill, newest
//! first within each (trigram indexes of migration 0035).

use crate::domain::search::{HitKind, SearchHit};
use crate::store::search::page;
use rusqlite::Connection;

/// Invoices whose number holds every word of the FTS query `m`, then invoices with a line whose
/// description or code holds them. The detail is the supplier, the date and the line found.
pub fn invoices(c: &Connection, m: &str, limit: i64) -> crate::Result<(Vec<SearchHit>, bool)> {
    let mut stmt = c.prepare_cached(
        "WITH by_number AS (
             SELECT rowid AS id, NULL AS line FROM supplier_invoices_fts
             WHERE supplier_invoices_fts MATCH ?1 ORDER BY rowid DESC LIMIT ?2),
         by_line AS (
             SELECT l.invoice_id AS id, min(l.description) AS line
             FROM supplier_invoice_lines_fts f JOIN supplier_invoice_lines l ON l.id = f.rowid
             WHERE supplier_invoice_lines_fts MATCH ?1
             GROUP BY l.invoice_id ORDER BY l.invoice_id DESC LIMIT ?2),
         found AS (
             SELECT id, line, 0 AS rank FROM by_number
             UNION ALL
             SELECT id, line, 1 FROM by_line WHERE id NOT IN (SELECT id FROM by_number))
         SELECT i.id, i.number, s.name, i.invoice_date, f.line
         FROM found f JOIN supplier_invoices i ON i.id = f.id
         JOIN suppliers s ON s.id = i.supplier_id
         ORDER BY f.rank, i.invoice_date DESC, i.id DESC LIMIT ?2",
    )?;
    let rows = stmt.query_map(rusqlite::params![m, limit + 1], |r| {
        let supplier: String = r.get(2)?;
        let date: String = r.get(3)?;
        let line: Option<String> = r.get(4)?;
        let mut detail = format!("{supplier} · {date}");
        if let Some(l) = line.as_deref().and_then(|l| l.lines().next()) {
            detail.push_str(" · ");
            detail.push_str(l);
        }
        Ok(SearchHit {
            kind: HitKind::SupplierInvoice,
            id: r.get(0)?,
            title: r.get(1)?,
            detail: Some(detail),
            document_type_id: None,
            employee_id: None,
            inactive: false,
            audit_id: None,
        })
    })?;
    page(rows, limit)
}
