//! Writes of purchase orders: the form and its lines, the state, approvals and the number.

use super::orders::{APPROVALS, LINES, TRACKED};
use crate::domain::purchasing::approval::ApproverRole;
use crate::domain::purchasing::order::{ValidLine, ValidOrder};
use crate::domain::purchasing::order_state::OrderState;
use crate::store::dates::{date_text, opt_date_text};
use crate::store::positioned::PositionedLines;
use crate::store::recorded;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, ToSql};

fn form_values<'a>(
    v: &'a ValidOrder,
    delivery: &'a Option<String>,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("supplier_id", &v.supplier_id as &dyn ToSql),
        ("department_id", &v.department_id),
        ("currency", &v.totals.currency),
        ("exchange_rate", &v.totals.exchange_rate),
        ("delivery_address", &v.delivery_address),
        ("delivery_date", delivery),
        ("payment_terms", &v.payment_terms),
        ("notes", &v.notes),
        ("taxable_cents", &v.totals.taxable),
        ("tax_cents", &v.totals.tax),
        ("total_cents", &v.totals.total),
        ("approval_cents", &v.approval_cents),
    ]
}

/// A new draft asked for by `requested_by` on `today`.
pub fn insert(
    w: &WriteTx,
    v: &ValidOrder,
    requested_by: i64,
    today: NaiveDate,
) -> crate::Result<i64> {
    let delivery = opt_date_text(v.delivery_date);
    let status = OrderState::Draft.as_str();
    let date = date_text(today);
    let mut values = form_values(v, &delivery);
    values.push(("requested_by", &requested_by));
    values.push(("status", &status));
    values.push(("order_date", &date));
    let id = recorded::insert(w, &TRACKED, &values)?;
    set_lines(w, id, &v.lines)?;
    Ok(id)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidOrder) -> crate::Result<()> {
    let delivery = opt_date_text(v.delivery_date);
    recorded::update(w, &TRACKED, id, &form_values(v, &delivery))?;
    set_lines(w, id, &v.lines)
}

/// Makes the order's lines `lines`, position by position: a line kept in its place keeps its
/// id (receipts and offers point at it), surplus lines go.
fn set_lines(w: &WriteTx, order_id: i64, lines: &[ValidLine]) -> crate::Result<()> {
    let mut stored = PositionedLines::open(w, &LINES, "order_id", order_id)?;
    for l in lines {
        let nature = l.numbers.nature.map(|n| n.code().to_owned());
        stored.put(&vec![
            ("item_code", &l.item_code as &dyn ToSql),
            ("description", &l.description),
            ("category_id", &l.category_id),
            ("quantity", &l.numbers.quantity),
            ("unit", &l.unit),
            ("unit_price", &l.numbers.unit_price),
            ("discount_bp", &l.numbers.discount_bp),
            ("vat_rate_bp", &l.numbers.vat_rate_bp),
            ("vat_nature", &nature),
            ("net_cents", &l.net_cents),
        ])?;
    }
    stored.finish()
}

/// Moves the order to `status`; `reason` is kept when given (a cancellation, a short close).
pub fn set_status(
    w: &WriteTx,
    id: i64,
    status: OrderState,
    reason: Option<&str>,
) -> crate::Result<()> {
    let status = status.as_str();
    let mut values: Vec<(&'static str, &dyn ToSql)> = vec![("status", &status as &dyn ToSql)];
    let reason = reason.map(str::to_owned);
    if reason.is_some() {
        values.push(("status_reason", &reason));
    }
    recorded::update(w, &TRACKED, id, &values)?;
    Ok(())
}

/// Waiting for approvals: a new round (earlier approvals no longer count) and the least role
/// that may approve.
pub fn await_approval(
    w: &WriteTx,
    id: i64,
    round: i64,
    approver: ApproverRole,
) -> crate::Result<()> {
    let status = OrderState::PendingApproval.as_str();
    let role = approver.as_str();
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("approval_round", &round),
            ("approver_role", &role),
        ],
    )?;
    Ok(())
}

pub fn add_approval(
    w: &WriteTx,
    order_id: i64,
    round: i64,
    user_id: i64,
    role: ApproverRole,
    amount_cents: i64,
) -> crate::Result<()> {
    let role = role.as_str();
    let at = w.now_text();
    recorded::insert(
        w,
        &APPROVALS,
        &vec![
            ("order_id", &order_id as &dyn ToSql),
            ("round", &round),
            ("user_id", &user_id),
            ("role", &role),
            ("amount_cents", &amount_cents),
            ("approved_at", &at),
        ],
    )?;
    Ok(())
}

/// The order approved on `on`; it gets `number` (with its year and place) the first time.
pub fn approve(
    w: &WriteTx,
    id: i64,
    on: NaiveDate,
    number: Option<(String, i32, u32)>,
) -> crate::Result<()> {
    let status = OrderState::Approved.as_str();
    let on = date_text(on);
    let none: Option<String> = None;
    let mut values: Vec<(&'static str, &dyn ToSql)> = vec![
        ("status", &status as &dyn ToSql),
        ("approved_on", &on),
        ("approver_role", &none),
    ];
    let (text, year, seq) =
        number.map_or((None, None, None), |(t, y, s)| (Some(t), Some(y), Some(s)));
    if text.is_some() {
        values.push(("number", &text));
        values.push(("number_year", &year));
        values.push(("number_seq", &seq));
    }
    recorded::update(w, &TRACKED, id, &values)?;
    Ok(())
}

/// The order's current round of approvals.
pub fn approval_round(c: &Connection, id: i64) -> crate::Result<i64> {
    Ok(
        c.prepare_cached("SELECT approval_round FROM purchase_orders WHERE id = ?1")?
            .query_row([id], |r| r.get(0))?,
    )
}

/// The highest number given in `year`, if any.
pub fn last_seq(c: &Connection, year: i32) -> crate::Result<Option<u32>> {
    Ok(
        c.prepare_cached("SELECT max(number_seq) FROM purchase_orders WHERE number_year = ?1")?
            .query_row([year], |r| r.get::<_, Option<u32>>(0))
            .optional()?
            .flatten(),
    )
}

pub fn mark_sent(w: &WriteTx, id: i64, on: NaiveDate) -> crate::Result<()> {
    let status = OrderState::Sent.as_str();
    let on = date_text(on);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![("status", &status as &dyn ToSql), ("sent_on", &on)],
    )?;
    Ok(())
}

/// What the order was made from: the requisition and, when from quotes, the chosen offer's
/// request, the reason for the choice and how many valid offers were compared.
pub fn link_source(
    w: &WriteTx,
    id: i64,
    requisition_id: i64,
    rfq_id: Option<i64>,
    reason: Option<&str>,
    compared: Option<i64>,
) -> crate::Result<()> {
    let reason = reason.map(str::to_owned);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("requisition_id", &requisition_id as &dyn ToSql),
            ("rfq_id", &rfq_id),
            ("choice_reason", &reason),
            ("quotes_compared", &compared),
        ],
    )?;
    Ok(())
}
