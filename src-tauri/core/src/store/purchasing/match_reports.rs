//! The match's reports: received and not yet invoiced (from the order lines' partial index),
//! the invoices waiting for approval for payment, and a supplier's mismatches per year.

use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::invoice_match::{match_year, MatchYear};
use crate::domain::purchasing::match_reports::{ToInvoiceQuery, ToInvoiceRow, ToInvoiceSort};
use crate::domain::purchasing::totals::line_net;
use crate::store::dates::{date_at, opt_date_at};
use crate::store::filter::Where;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::Connection;

pub fn to_invoice(c: &Connection, q: &ToInvoiceQuery) -> crate::Result<Page<ToInvoiceRow>> {
    let (offset, limit) = q.page.clamped();
    let mut w = Where::default();
    w.and_plain("l.received > l.invoiced");
    if let Some(s) = q.supplier_id {
        w.and("o.supplier_id = ?", s);
    }
    let (filter, mut args) = w.into_parts();
    let from = "FROM purchase_order_lines l JOIN purchase_orders o ON o.id = l.order_id
                JOIN suppliers s ON s.id = o.supplier_id";
    let total: i64 = c.query_row(
        &format!("SELECT count(*) {from}{filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?;
    let dir = q.dir.unwrap_or(SortDir::Desc).sql();
    let order = match q.sort.unwrap_or(ToInvoiceSort::OrderDate) {
        ToInvoiceSort::OrderDate => format!("o.order_date {dir}, o.id {dir}, l.position"),
        ToInvoiceSort::Supplier => format!("s.name_key {dir}, o.id {dir}, l.position"),
    };
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let items = c
        .prepare_cached(&format!(
            "SELECT o.id, o.number, o.order_date, o.supplier_id, s.name, l.position,
                    l.description, l.unit, l.received, l.invoiced, l.unit_price, l.discount_bp,
                    o.currency
             {from}{filter} ORDER BY {order} LIMIT ?{} OFFSET ?{}",
            n + 1,
            n + 2
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            let (received, invoiced): (i64, i64) = (r.get(8)?, r.get(9)?);
            let open = line_net(received - invoiced, r.get(10)?, r.get(11)?).unwrap_or(0);
            Ok(ToInvoiceRow {
                order_id: r.get(0)?,
                order_number: r.get(1)?,
                order_date: date_at(r, 2)?,
                supplier_id: r.get(3)?,
                supplier_name: r.get(4)?,
                line_no: r.get(5)?,
                description: r.get(6)?,
                unit: r.get(7)?,
                received,
                invoiced,
                to_invoice_cents: open,
                currency: r.get(12)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// An invoice accounting may approve for payment now.
pub struct PaymentWaiting {
    pub id: i64,
    pub number: String,
    pub supplier_name: String,
    pub first_due_date: Option<NaiveDate>,
}

/// Matched invoices with no open difference, earliest due first, at most `limit`.
pub fn waiting_for_payment(c: &Connection, limit: i64) -> crate::Result<Vec<PaymentWaiting>> {
    Ok(c.prepare_cached(
        "SELECT i.id, i.number, s.name, i.first_due_date FROM supplier_invoices i
         JOIN suppliers s ON s.id = i.supplier_id
         WHERE i.status = 'matched' AND i.open_differences = 0
         ORDER BY i.first_due_date IS NULL, i.first_due_date, i.id LIMIT ?1",
    )?
    .query_map([limit], |r| {
        Ok(PaymentWaiting {
            id: r.get(0)?,
            number: r.get(1)?,
            supplier_name: r.get(2)?,
            first_due_date: opt_date_at(r, 3)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// A supplier's matched invoice lines per year of invoice date, newest first, with those that
/// showed a quantity and a price difference.
pub fn match_years(c: &Connection, supplier_id: i64, years: i64) -> crate::Result<Vec<MatchYear>> {
    Ok(c.prepare_cached(
        "SELECT CAST(substr(i.invoice_date, 1, 4) AS INTEGER) AS y, count(*),
                sum(EXISTS (SELECT 1 FROM supplier_invoice_differences d
                            WHERE d.match_id = m.id AND d.kind = 'quantity')),
                sum(EXISTS (SELECT 1 FROM supplier_invoice_differences d
                            WHERE d.match_id = m.id AND d.kind = 'price'))
         FROM supplier_invoices i JOIN supplier_invoice_matches m ON m.invoice_id = i.id
         WHERE i.supplier_id = ?1 GROUP BY y ORDER BY y DESC LIMIT ?2",
    )?
    .query_map(rusqlite::params![supplier_id, years], |r| {
        Ok(match_year(r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
