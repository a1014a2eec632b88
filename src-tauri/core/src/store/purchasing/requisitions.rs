//! Requisitions: their declarations and reading one whole (with its lines). Writes are in
//! `requisition_writes.rs`, the list in `requisition_list.rs`.

use super::order_list::roles_up_to;
use super::orders::conversion;
use crate::domain::permissions::Area;
use crate::domain::purchasing::approval::ApproverRole;
use crate::domain::purchasing::requisition::{Requisition, RequisitionLine};
use crate::domain::purchasing::requisition_state::RequisitionState;
use crate::error::Error;
use crate::store::dates::opt_date_at;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use rusqlite::{Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "requisitions",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "number",
        "number_year",
        "number_seq",
        "requested_by",
        "department_id",
        "reason",
        "needed_by",
        "status",
        "status_reason",
        "estimate_cents",
        "approver_role",
        "approved_by",
        "approved_on",
        "order_id",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("requested_by", "users"),
        ("department_id", "departments"),
        ("approved_by", "users"),
        ("order_id", "purchase_orders"),
    ],
    naming: Naming::Field("number"),
    dates: &["needed_by", "approved_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static LINES: Tracked = Tracked {
    entity: "requisition_lines",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "requisition_id",
        "position",
        "item_code",
        "description",
        "category_id",
        "quantity",
        "unit",
        "estimated_price",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("requisition_id", "requisitions"),
        ("category_id", "purchase_categories"),
    ],
    naming: Naming::Parts(&[Part::Ref("requisition_id"), Part::Text("description")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "r.id, r.number, r.requested_by,
    (SELECT coalesce(full_name, username) FROM users WHERE id = r.requested_by),
    r.department_id, (SELECT name FROM departments WHERE id = r.department_id), r.reason,
    r.needed_by, r.status, r.status_reason, r.estimate_cents, r.approved_by,
    (SELECT coalesce(full_name, username) FROM users WHERE id = r.approved_by), r.approved_on,
    r.order_id, (SELECT number FROM purchase_orders WHERE id = r.order_id), r.version,
    r.created_at, r.updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Requisition> {
    Ok(Requisition {
        id: r.get(0)?,
        number: r.get(1)?,
        requested_by: r.get(2)?,
        requested_by_name: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
        department_id: r.get(4)?,
        department_name: r.get(5)?,
        reason: r.get(6)?,
        needed_by: opt_date_at(r, 7)?,
        status: RequisitionState::parse(&r.get::<_, String>(8)?)
            .ok_or_else(|| conversion(8, "requisition status"))?,
        status_reason: r.get(9)?,
        estimate_cents: r.get(10)?,
        approved_by: r.get(11)?,
        approved_by_name: r.get(12)?,
        approved_on: opt_date_at(r, 13)?,
        order_id: r.get(14)?,
        order_number: r.get(15)?,
        lines: Vec::new(),
        version: r.get(16)?,
        created_at: ts_parse(&r.get::<_, String>(17)?)?,
        updated_at: ts_parse(&r.get::<_, String>(18)?)?,
    })
}

/// The requisition's own row, without lines.
pub fn head(c: &Connection, id: i64) -> crate::Result<Option<Requisition>> {
    Ok(c.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM requisitions r WHERE r.id = ?1"
    ))?
    .query_row([id], from_row)
    .optional()?)
}

pub fn lines(c: &Connection, requisition_id: i64) -> crate::Result<Vec<RequisitionLine>> {
    Ok(c.prepare_cached(
        "SELECT id, position, item_code, description, category_id, unit, quantity,
                estimated_price
         FROM requisition_lines WHERE requisition_id = ?1 ORDER BY position LIMIT 1000",
    )?
    .query_map([requisition_id], |r| {
        Ok(RequisitionLine {
            id: r.get(0)?,
            position: r.get(1)?,
            item_code: r.get(2)?,
            description: r.get(3)?,
            category_id: r.get(4)?,
            unit: r.get(5)?,
            quantity: r.get(6)?,
            estimated_price: r.get(7)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Requisition>> {
    let Some(mut r) = head(c, id)? else {
        return Ok(None);
    };
    r.lines = lines(c, id)?;
    Ok(Some(r))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<Requisition> {
    get(c, id)?.ok_or_else(|| Error::not_found("requisition"))
}

/// The highest number given in `year`, if any.
pub fn last_seq(c: &Connection, year: i32) -> crate::Result<Option<u32>> {
    Ok(
        c.prepare_cached("SELECT max(number_seq) FROM requisitions WHERE number_year = ?1")?
            .query_row([year], |r| r.get::<_, Option<u32>>(0))
            .optional()?
            .flatten(),
    )
}

/// The condition "waiting for the approval of someone with `role`", on alias `r`.
pub fn waiting_sql(role: ApproverRole) -> String {
    format!(
        "r.status = 'submitted' AND r.approver_role IN {} AND r.requested_by <> ?",
        roles_up_to(role)
    )
}

/// How many requisitions wait for an approval the person may give (submitted, not theirs).
pub fn waiting_count(c: &Connection, user_id: i64, role: ApproverRole) -> crate::Result<i64> {
    Ok(c.prepare_cached(&format!(
        "SELECT count(*) FROM requisitions r WHERE {}",
        waiting_sql(role)
    ))?
    .query_row([user_id], |r| r.get(0))?)
}

/// A waiting requisition, for the attention list.
pub struct Waiting {
    pub id: i64,
    pub number: String,
    pub reason: String,
    pub needed_by: Option<chrono::NaiveDate>,
    pub submitted_at: chrono::DateTime<chrono::Utc>,
}

/// The oldest waiting requisitions the person did not write, at most `limit`.
pub fn waiting(
    c: &Connection,
    user_id: i64,
    role: ApproverRole,
    limit: i64,
) -> crate::Result<Vec<Waiting>> {
    Ok(c.prepare_cached(&format!(
        "SELECT r.id, r.number, r.reason, r.needed_by, r.updated_at FROM requisitions r
         WHERE {} ORDER BY r.id LIMIT ?",
        waiting_sql(role)
    ))?
    .query_map(rusqlite::params![user_id, limit], |r| {
        Ok(Waiting {
            id: r.get(0)?,
            number: r.get(1)?,
            reason: r.get(2)?,
            needed_by: opt_date_at(r, 3)?,
            submitted_at: ts_parse(&r.get::<_, String>(4)?)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The least role that may approve the requisition while it is submitted.
pub fn approver_role(c: &Connection, id: i64) -> crate::Result<Option<ApproverRole>> {
    let role: Option<String> = c
        .prepare_cached("SELECT approver_role FROM requisitions WHERE id = ?1")?
        .query_row([id], |r| r.get(0))?;
    Ok(role.as_deref().and_then(ApproverRole::parse))
}
