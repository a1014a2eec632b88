//! Writes of requisitions: the form and its lines, the state, the approval and the order made.

use super::requisitions::{LINES, TRACKED};
use crate::domain::purchasing::approval::ApproverRole;
use crate::domain::purchasing::requisition::{ValidRequisition, ValidRequisitionLine};
use crate::domain::purchasing::requisition_state::RequisitionState;
use crate::store::dates::{date_text, opt_date_text};
use crate::store::positioned::PositionedLines;
use crate::store::recorded;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::ToSql;

fn form_values<'a>(
    v: &'a ValidRequisition,
    needed_by: &'a Option<String>,
) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("department_id", &v.department_id as &dyn ToSql),
        ("reason", &v.reason),
        ("needed_by", needed_by),
        ("estimate_cents", &v.estimate_cents),
    ]
}

/// A new draft numbered `number` (`RDA-2026-0001`, its year and place), asked for by
/// `requested_by`.
pub fn insert(
    w: &WriteTx,
    v: &ValidRequisition,
    number: (String, i32, u32),
    requested_by: i64,
) -> crate::Result<i64> {
    let needed_by = opt_date_text(v.needed_by);
    let status = RequisitionState::Draft.as_str();
    let (text, year, seq) = number;
    let mut values = form_values(v, &needed_by);
    values.push(("number", &text));
    values.push(("number_year", &year));
    values.push(("number_seq", &seq));
    values.push(("requested_by", &requested_by));
    values.push(("status", &status));
    let id = recorded::insert(w, &TRACKED, &values)?;
    set_lines(w, id, &v.lines)?;
    Ok(id)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidRequisition) -> crate::Result<()> {
    let needed_by = opt_date_text(v.needed_by);
    recorded::update(w, &TRACKED, id, &form_values(v, &needed_by))?;
    set_lines(w, id, &v.lines)
}

/// Makes the lines `lines`, position by position, keeping the ids of lines kept in place.
fn set_lines(
    w: &WriteTx,
    requisition_id: i64,
    lines: &[ValidRequisitionLine],
) -> crate::Result<()> {
    let mut stored = PositionedLines::open(w, &LINES, "requisition_id", requisition_id)?;
    for l in lines {
        stored.put(&vec![
            ("item_code", &l.item_code as &dyn ToSql),
            ("description", &l.description),
            ("category_id", &l.category_id),
            ("quantity", &l.quantity),
            ("unit", &l.unit),
            ("estimated_price", &l.estimated_price),
        ])?;
    }
    stored.finish()
}

/// Moves the requisition to `status`. `reason` is kept when given (a rejection) and cleared
/// otherwise; `approver` is the least role that may approve while it is submitted.
pub fn set_status(
    w: &WriteTx,
    id: i64,
    status: RequisitionState,
    reason: Option<&str>,
    approver: Option<ApproverRole>,
) -> crate::Result<()> {
    let status = status.as_str();
    let reason = reason.map(str::to_owned);
    let approver = approver.map(ApproverRole::as_str);
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("status_reason", &reason),
            ("approver_role", &approver),
        ],
    )?;
    Ok(())
}

pub fn approve(w: &WriteTx, id: i64, by: i64, on: NaiveDate) -> crate::Result<()> {
    let status = RequisitionState::Approved.as_str();
    let on = date_text(on);
    let none: Option<String> = None;
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("approved_by", &by),
            ("approved_on", &on),
            ("approver_role", &none),
            ("status_reason", &none),
        ],
    )?;
    Ok(())
}

/// The requisition became order `order_id`.
pub fn ordered(w: &WriteTx, id: i64, order_id: i64) -> crate::Result<()> {
    let status = RequisitionState::Ordered.as_str();
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![("status", &status as &dyn ToSql), ("order_id", &order_id)],
    )?;
    Ok(())
}
