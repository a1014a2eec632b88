//! The purchase order list: search, filters and sorts in SQL, one page at a time, each sort
//! read from an index.

use super::orders::conversion;
use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::approval::ApproverRole;
use crate::domain::purchasing::order::{OrderQuery, OrderRow, OrderSort};
use crate::domain::purchasing::order_state::OrderState;
use crate::store::dates::{date_at, date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::paged::Listing;
use crate::store::search::SearchIndex;
use crate::store::words;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};

/// Who asks, for "waiting for my approval": their user id and best approving role.
#[derive(Debug, Clone, Copy)]
pub struct Approver {
    pub user_id: i64,
    pub role: Option<ApproverRole>,
}

pub(super) fn roles_up_to(role: ApproverRole) -> &'static str {
    match role {
        ApproverRole::Purchasing => "('purchasing')",
        ApproverRole::Manager => "('purchasing', 'manager')",
        ApproverRole::Admin => "('purchasing', 'manager', 'admin')",
    }
}

/// The list's filters, the search apart.
fn filtered(q: &OrderQuery, me: Approver) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some(st) = q.status {
        w.and("o.status = ?", st.as_str());
    }
    if let Some(s) = q.supplier_id {
        w.and("o.supplier_id = ?", s);
    }
    if let Some(d) = q.department_id {
        w.and("o.department_id = ?", d);
    }
    if let Some(m) = q.min_total {
        w.and("o.total_cents >= ?", m);
    }
    if let Some(m) = q.max_total {
        w.and("o.total_cents <= ?", m);
    }
    if let Some(d) = q.from {
        w.and("o.order_date >= ?", date_text(d));
    }
    if let Some(d) = q.to {
        w.and("o.order_date <= ?", date_text(d));
    }
    if q.waiting_for_me {
        match me.role {
            // Not the requester's, not approved by them already in this round, and theirs by
            // role: what they may approve now.
            Some(role) => w.and(
                &format!(
                    "o.status = 'pending_approval' AND o.approver_role IN {}
                     AND o.requested_by <> ? AND NOT EXISTS (SELECT 1 FROM
                     purchase_order_approvals a WHERE a.order_id = o.id
                     AND a.round = o.approval_round AND a.user_id = ?)",
                    roles_up_to(role)
                ),
                me.user_id,
            ),
            None => w.and_plain("0"),
        }
    }
    w.into_parts()
}

fn from_row(r: &Row) -> rusqlite::Result<OrderRow> {
    Ok(OrderRow {
        id: r.get(0)?,
        number: r.get(1)?,
        supplier_id: r.get(2)?,
        supplier_name: r.get(3)?,
        department_name: r.get(4)?,
        status: OrderState::parse(&r.get::<_, String>(5)?)
            .ok_or_else(|| conversion(5, "order status"))?,
        order_date: date_at(r, 6)?,
        delivery_date: opt_date_at(r, 7)?,
        total_cents: r.get(8)?,
        currency: r.get(9)?,
    })
}

pub fn list(c: &Connection, q: &OrderQuery, me: Approver) -> crate::Result<Page<OrderRow>> {
    let dir = q.dir.unwrap_or(SortDir::Desc).sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort.unwrap_or(OrderSort::Date) {
        OrderSort::Date => format!("o.order_date {dir}, o.id {dir}"),
        // Unnumbered drafts (NULL) come first going up, last going down: the unique index on
        // the number serves both ways.
        OrderSort::Number => format!("o.number_year {dir}, o.number_seq {dir}, o.id {dir}"),
        OrderSort::Total => format!("o.total_cents {dir}, o.id {dir}"),
        OrderSort::Delivery => format!("o.delivery_date {dir}, o.id {dir}"),
        OrderSort::Status => format!("o.status {dir}, o.order_date {dir}, o.id {dir}"),
    };
    let listing = Listing {
        table: "purchase_orders o",
        alias: "o",
        columns: "o.id, o.number, o.supplier_id, s.name,
                  (SELECT name FROM departments WHERE id = o.department_id), o.status,
                  o.order_date, o.delivery_date, o.total_cents, o.currency",
        joins: "JOIN suppliers s ON s.id = o.supplier_id",
    };
    // The search narrows the rows to the orders its words find (store::words), by number,
    // supplier or line; the filters apply among them.
    match words::matching(
        c,
        SearchIndex::OrderWords,
        q.search.as_deref().unwrap_or(""),
    )? {
        Some(ids) => listing.page_among(c, filtered(q, me), &ids, &order, q.page, from_row),
        None => listing.page(c, filtered(q, me), &order, q.page, from_row),
    }
}
