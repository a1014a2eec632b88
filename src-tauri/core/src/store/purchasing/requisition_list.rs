//! The requisition list: search, filters and sorts in SQL, one page at a time.

use super::order_list::Approver;
use super::orders::conversion;
use super::requisitions::waiting_sql;
use crate::domain::page::{Page, SortDir};
use crate::domain::purchasing::requisition::{RequisitionQuery, RequisitionRow, RequisitionSort};
use crate::domain::purchasing::requisition_state::RequisitionState;
use crate::store::dates::{date_text, opt_date_at};
use crate::store::filter::Where;
use crate::store::like_pattern;
use crate::store::paged::Listing;
use crate::store::ts_parse;
use rusqlite::types::Value;
use rusqlite::{Connection, Row};

fn filtered(q: &RequisitionQuery, me: Approver) -> (String, Vec<Value>) {
    let mut w = Where::default();
    if let Some(s) = q.search.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        w.and_each(
            "(r.number LIKE ? ESCAPE '\\' OR r.reason LIKE ? ESCAPE '\\')",
            vec![
                Value::Text(like_pattern(&s.to_uppercase())),
                Value::Text(like_pattern(s)),
            ],
        );
    }
    if let Some(st) = q.status {
        w.and("r.status = ?", st.as_str());
    }
    if let Some(d) = q.department_id {
        w.and("r.department_id = ?", d);
    }
    if let Some(u) = q.requested_by {
        w.and("r.requested_by = ?", u);
    }
    // Dates are compared on the creation instant's text: a day's end is the next day's start.
    if let Some(d) = q.from {
        w.and("r.created_at >= ?", date_text(d));
    }
    if let Some(d) = q.to.and_then(|d| d.succ_opt()) {
        w.and("r.created_at < ?", date_text(d));
    }
    if q.waiting_for_me {
        match me.role {
            Some(role) => w.and(&waiting_sql(role), me.user_id),
            None => w.and_plain("0"),
        }
    }
    w.into_parts()
}

fn from_row(r: &Row) -> rusqlite::Result<RequisitionRow> {
    Ok(RequisitionRow {
        id: r.get(0)?,
        number: r.get(1)?,
        requested_by_name: r.get::<_, Option<String>>(2)?.unwrap_or_default(),
        department_name: r.get(3)?,
        reason: r.get(4)?,
        status: RequisitionState::parse(&r.get::<_, String>(5)?)
            .ok_or_else(|| conversion(5, "requisition status"))?,
        created_on: ts_parse(&r.get::<_, String>(6)?)?.date_naive(),
        needed_by: opt_date_at(r, 7)?,
        estimate_cents: r.get(8)?,
    })
}

pub fn list(
    c: &Connection,
    q: &RequisitionQuery,
    me: Approver,
) -> crate::Result<Page<RequisitionRow>> {
    let dir = q.dir.unwrap_or(SortDir::Desc).sql();
    // Sort keys come from a closed enum; the id breaks ties so paging is stable.
    let order = match q.sort.unwrap_or(RequisitionSort::Date) {
        RequisitionSort::Date => format!("r.created_at {dir}, r.id {dir}"),
        RequisitionSort::Status => format!("r.status {dir}, r.created_at {dir}, r.id {dir}"),
        RequisitionSort::NeededBy => format!("r.needed_by {dir}, r.id {dir}"),
    };
    let listing = Listing {
        table: "requisitions r",
        alias: "r",
        columns: "r.id, r.number,
                  (SELECT coalesce(full_name, username) FROM users WHERE id = r.requested_by),
                  (SELECT name FROM departments WHERE id = r.department_id), r.reason,
                  r.status, r.created_at, r.needed_by, r.estimate_cents",
        joins: "",
    };
    listing.page(c, filtered(q, me), &order, q.page, from_row)
}
