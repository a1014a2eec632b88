//! The receipt list and the "orders to receive" report: filters and sorts in SQL, one page at a
//! time, each read from an index of migration 0028.

use super::orders::conversion;
use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::order_state::OrderState;
use crate::domain::purchasing::receiving::{
    ReceiptQuery, ReceiptRow, ReceiptSort, ToReceiveQuery, ToReceiveRow,
};
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::paged::count_rows;
use crate::store::paged::Listing;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};

fn filtered(q: &ReceiptQuery) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and(
            "r.delivery_note LIKE ? ESCAPE '\\'",
            like_pattern(&s.to_uppercase()),
        );
    }
    if let Some(s) = q.supplier_id {
        w.and("r.supplier_id = ?", s);
    }
    if let Some(o) = q.order_id {
        w.and("r.order_id = ?", o);
    }
    if let Some(d) = q.from {
        w.and("r.received_on >= ?", date_text(d));
    }
    if let Some(d) = q.to {
        w.and("r.received_on <= ?", date_text(d));
    }
    w.into_parts()
}

fn receipt_row(r: &Row) -> rusqlite::Result<ReceiptRow> {
    Ok(ReceiptRow {
        id: r.get(0)?,
        order_id: r.get(1)?,
        order_number: r.get(2)?,
        supplier_id: r.get(3)?,
        supplier_name: r.get(4)?,
        received_on: date_at(r, 5)?,
        delivery_note: r.get(6)?,
        delivery_note_date: opt_date_at(r, 7)?,
        received_by_name: r.get::<_, Option<String>>(8)?.unwrap_or_default(),
        lines: r.get(9)?,
        reversed: r.get(10)?,
    })
}

pub fn list(c: &Connection, q: &ReceiptQuery) -> crate::Result<Page<ReceiptRow>> {
    let dir = q.dir.unwrap_or(SortDir::Desc).sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort.unwrap_or(ReceiptSort::ReceivedOn) {
        ReceiptSort::ReceivedOn => format!("r.received_on {dir}, r.id {dir}"),
        ReceiptSort::Order => format!("r.order_id {dir}, r.received_on {dir}, r.id {dir}"),
    };
    let listing = Listing {
        table: "purchase_receipts r",
        alias: "r",
        columns: "r.id, r.order_id, o.number, r.supplier_id, s.name, r.received_on,
                  r.delivery_note, r.delivery_note_date,
                  (SELECT coalesce(full_name, username) FROM users WHERE id = r.received_by),
                  (SELECT count(*) FROM purchase_receipt_lines WHERE receipt_id = r.id),
                  r.reversed_at IS NOT NULL",
        joins: "JOIN purchase_orders o ON o.id = r.order_id
                JOIN suppliers s ON s.id = r.supplier_id",
    };
    listing.page(c, filtered(q), &order, q.page, receipt_row)
}

/// Orders approved, sent or partly received, with what is still to come: those whose delivery
/// date has passed first (they are the earliest dates), orders without a date last. Read from
/// the partial index `purchase_orders_to_receive`.
pub fn to_receive(
    c: &Connection,
    q: &ToReceiveQuery,
    today: NaiveDate,
) -> crate::Result<Page<ToReceiveRow>> {
    let (offset, limit) = q.page.clamped();
    let mut w = Where::default();
    w.and_plain("o.status IN ('approved', 'sent', 'partly_received')");
    if let Some(s) = q.supplier_id {
        w.and("o.supplier_id = ?", s);
    }
    let today = date_text(today);
    if q.late_only {
        w.and("o.delivery_date < ?", today.clone());
    }
    let (filter, mut args) = w.into_parts();
    let total = count_rows(c, "purchase_orders o", &filter, &args)?;
    let order = "o.delivery_date IS NULL, o.delivery_date, o.id";
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    args.push(Value::Text(today));
    // CROSS JOIN keeps the page's ids as the outer loop (see `order_list.rs`).
    let items = c
        .prepare_cached(&format!(
            "WITH page AS (SELECT o.id FROM purchase_orders o{filter} ORDER BY {order}
                           LIMIT ?{} OFFSET ?{})
             SELECT o.id, o.number, o.supplier_id, s.name, o.status, o.order_date,
                    o.delivery_date, coalesce(o.delivery_date < ?{}, 0),
                    (SELECT count(*) FROM purchase_order_lines l
                     WHERE l.order_id = o.id AND l.received < l.quantity),
                    (SELECT coalesce(sum(l.net_cents * (l.quantity - l.received) / l.quantity), 0)
                     FROM purchase_order_lines l
                     WHERE l.order_id = o.id AND l.received < l.quantity),
                    o.currency
             FROM page CROSS JOIN purchase_orders o ON o.id = page.id
             JOIN suppliers s ON s.id = o.supplier_id ORDER BY {order}",
            n + 1,
            n + 2,
            n + 3
        ))?
        .query_map(rusqlite::params_from_iter(args.iter()), |r| {
            Ok(ToReceiveRow {
                id: r.get(0)?,
                number: r.get(1)?,
                supplier_id: r.get(2)?,
                supplier_name: r.get(3)?,
                status: OrderState::parse(&r.get::<_, String>(4)?)
                    .ok_or_else(|| conversion(4, "order status"))?,
                order_date: date_at(r, 5)?,
                delivery_date: opt_date_at(r, 6)?,
                late: r.get(7)?,
                open_lines: r.get(8)?,
                remaining_cents: r.get(9)?,
                currency: r.get(10)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}
