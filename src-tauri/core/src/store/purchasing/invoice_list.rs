//! The supplier invoice list and the due-payments report: filters and sorts in SQL, one page
//! at a time from an index; and the batch lookups the import makes (one query each, however
//! many files).

use super::orders::conversion;
use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::invoice::{
    DueQuery, DueRow, InvoiceQuery, InvoiceRow, InvoiceSort, InvoiceSource, InvoiceStatus,
};
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::paged::Listing;
use crate::store::search::SearchIndex;
use crate::store::words;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};
use std::collections::HashMap;

/// The list's filters, the search apart.
fn filtered(q: &InvoiceQuery) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some(st) = q.status {
        w.and("i.status = ?", st.as_str().to_owned());
    }
    if q.waiting {
        w.and_plain("i.status <> 'approved_for_payment'");
    }
    if let Some(s) = q.supplier_id {
        w.and("i.supplier_id = ?", s);
    }
    if let Some(m) = q.min_total {
        w.and("i.total_cents >= ?", m);
    }
    if let Some(m) = q.max_total {
        w.and("i.total_cents <= ?", m);
    }
    if let Some(d) = q.from {
        w.and("i.invoice_date >= ?", date_text(d));
    }
    if let Some(d) = q.to {
        w.and("i.invoice_date <= ?", date_text(d));
    }
    w.into_parts()
}

fn from_row(r: &Row) -> rusqlite::Result<InvoiceRow> {
    Ok(InvoiceRow {
        id: r.get(0)?,
        supplier_id: r.get(1)?,
        supplier_name: r.get(2)?,
        number: r.get(3)?,
        invoice_date: date_at(r, 4)?,
        document_type: r.get(5)?,
        total_cents: r.get(6)?,
        currency: r.get(7)?,
        first_due_date: opt_date_at(r, 8)?,
        status: InvoiceStatus::parse(&r.get::<_, String>(9)?)
            .ok_or_else(|| conversion(9, "invoice status"))?,
        source: InvoiceSource::parse(&r.get::<_, String>(10)?)
            .ok_or_else(|| conversion(10, "invoice source"))?,
        warning_count: r.get(11)?,
        open_differences: r.get(12)?,
    })
}

pub fn list(c: &Connection, q: &InvoiceQuery) -> crate::Result<Page<InvoiceRow>> {
    let dir = q.dir.unwrap_or(SortDir::Desc).sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort.unwrap_or(InvoiceSort::Date) {
        InvoiceSort::Date => format!("i.invoice_date {dir}, i.id {dir}"),
        InvoiceSort::Total => format!("i.total_cents {dir}, i.id {dir}"),
        InvoiceSort::Due => format!("i.first_due_date {dir}, i.id {dir}"),
    };
    let listing = Listing {
        table: "supplier_invoices i",
        alias: "i",
        columns: "i.id, i.supplier_id, s.name, i.number, i.invoice_date, i.document_type,
                  i.total_cents, i.currency, i.first_due_date, i.status, i.source,
                  i.warning_count, i.open_differences",
        joins: "JOIN suppliers s ON s.id = i.supplier_id",
    };
    // The search narrows the rows to the invoices its words find (store::words), by number,
    // supplier or line; the filters apply among them.
    match words::matching(
        c,
        SearchIndex::InvoiceWords,
        q.search.as_deref().unwrap_or(""),
    )? {
        Some(ids) => listing.page_among(c, filtered(q), &ids, &order, q.page, from_row),
        None => listing.page(c, filtered(q), &order, q.page, from_row),
    }
}

fn due_row(r: &Row) -> rusqlite::Result<DueRow> {
    Ok(DueRow {
        invoice_id: r.get(0)?,
        supplier_id: r.get(1)?,
        supplier_name: r.get(2)?,
        number: r.get(3)?,
        invoice_date: date_at(r, 4)?,
        document_type: r.get(5)?,
        due_date: opt_date_at(r, 6)?,
        amount_cents: r.get(7)?,
        currency: r.get(8)?,
        method: r.get(9)?,
        iban: r.get(10)?,
        status: InvoiceStatus::parse(&r.get::<_, String>(11)?)
            .ok_or_else(|| conversion(11, "invoice status"))?,
    })
}

/// Due payments by due date (undated ones last going up), read from the due-date index.
pub fn dues(c: &Connection, q: &DueQuery) -> crate::Result<Page<DueRow>> {
    let mut w = Where::default();
    if let Some(d) = q.from {
        w.and("d.due_date >= ?", date_text(d));
    }
    if let Some(d) = q.to {
        w.and("d.due_date <= ?", date_text(d));
    }
    if let Some(s) = q.supplier_id {
        w.and(
            "d.invoice_id IN (SELECT id FROM supplier_invoices WHERE supplier_id = ?)",
            s,
        );
    }
    let dir = q.dir.unwrap_or(SortDir::Asc).sql();
    let listing = Listing {
        table: "supplier_invoice_dues d",
        alias: "d",
        columns: "i.id, i.supplier_id, s.name, i.number, i.invoice_date, i.document_type,
                  d.due_date, d.amount_cents, i.currency, d.method, d.iban, i.status",
        joins: "JOIN supplier_invoices i ON i.id = d.invoice_id
                JOIN suppliers s ON s.id = i.supplier_id",
    };
    let order = format!("d.due_date IS NULL, d.due_date {dir}, d.id {dir}");
    listing.page(c, w.into_parts(), &order, q.page, due_row)
}

fn json_list<T: serde::Serialize>(v: &T) -> crate::Result<String> {
    serde_json::to_string(v).map_err(|e| crate::Error::internal(e.to_string()))
}

/// Our suppliers with these VAT numbers (as stored: `IT00488410010`): key → (id, name).
pub fn suppliers_by_vat(
    c: &Connection,
    keys: &[String],
) -> crate::Result<HashMap<String, (i64, String)>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = c.prepare_cached(
        "SELECT vat_number, id, name FROM suppliers
         WHERE vat_number IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([json_list(&keys)?], |r| {
        Ok((r.get::<_, String>(0)?, (r.get(1)?, r.get(2)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Stored invoices among `keys` (supplier, number, date): key → invoice id.
pub fn existing(
    c: &Connection,
    keys: &[(i64, String, NaiveDate)],
) -> crate::Result<HashMap<(i64, String, NaiveDate), i64>> {
    if keys.is_empty() {
        return Ok(HashMap::new());
    }
    let list: Vec<(i64, &str, String)> = keys
        .iter()
        .map(|(s, n, d)| (*s, n.as_str(), date_text(*d)))
        .collect();
    let mut stmt = c.prepare_cached(
        "SELECT i.id, i.supplier_id, i.number, i.invoice_date FROM json_each(?1) j
         JOIN supplier_invoices i ON i.supplier_id = json_extract(j.value, '$[0]')
              AND i.number = json_extract(j.value, '$[1]')
              AND i.invoice_date = json_extract(j.value, '$[2]')",
    )?;
    let rows = stmt.query_map([json_list(&list)?], |r| {
        Ok((
            (r.get::<_, i64>(1)?, r.get::<_, String>(2)?, date_at(r, 3)?),
            r.get::<_, i64>(0)?,
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Our orders with these numbers (upper-cased): number → (id, number).
pub fn orders_by_number(
    c: &Connection,
    numbers: &[String],
) -> crate::Result<HashMap<String, (i64, String)>> {
    if numbers.is_empty() {
        return Ok(HashMap::new());
    }
    let mut stmt = c.prepare_cached(
        "SELECT id, number FROM purchase_orders
         WHERE number IN (SELECT value FROM json_each(?1))",
    )?;
    let rows = stmt.query_map([json_list(&numbers)?], |r| {
        let number: String = r.get(1)?;
        Ok((number.to_uppercase(), (r.get(0)?, number)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
