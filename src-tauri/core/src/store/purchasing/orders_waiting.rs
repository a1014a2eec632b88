//! Orders waiting for someone's approval, for the attention list: the same condition as the
//! order list's "waiting for my approval", read from the partial index of waiting orders.

use super::order_list::roles_up_to;
use crate::domain::purchasing::approval::ApproverRole;
use crate::store::dates::opt_date_at;
use rusqlite::Connection;

/// The condition on alias `o`: waiting, approvable by `role`, not the person's own order and
/// not yet approved by them in this round. Its one `?` is the person's user id.
fn waiting_sql(role: ApproverRole) -> String {
    format!(
        "o.status = 'pending_approval' AND o.approver_role IN {}
         AND o.requested_by <> ?1 AND NOT EXISTS (SELECT 1 FROM purchase_order_approvals a
           WHERE a.order_id = o.id AND a.round = o.approval_round AND a.user_id = ?1)",
        roles_up_to(role)
    )
}

/// A waiting order, for the attention list.
pub struct Waiting {
    pub id: i64,
    pub supplier: String,
    pub total_cents: i64,
    pub currency: String,
    pub delivery_date: Option<chrono::NaiveDate>,
}

/// How many orders wait for an approval the person may give.
pub fn count(c: &Connection, user_id: i64, role: ApproverRole) -> crate::Result<i64> {
    Ok(c.prepare_cached(&format!(
        "SELECT count(*) FROM purchase_orders o WHERE {}",
        waiting_sql(role)
    ))?
    .query_row([user_id], |r| r.get(0))?)
}

/// The longest waiting orders the person may approve, at most `limit`.
pub fn oldest(
    c: &Connection,
    user_id: i64,
    role: ApproverRole,
    limit: i64,
) -> crate::Result<Vec<Waiting>> {
    Ok(c.prepare_cached(&format!(
        "SELECT o.id, s.name, o.total_cents, o.currency, o.delivery_date
         FROM purchase_orders o JOIN suppliers s ON s.id = o.supplier_id
         WHERE {} ORDER BY o.id LIMIT ?2",
        waiting_sql(role)
    ))?
    .query_map(rusqlite::params![user_id, limit], |r| {
        Ok(Waiting {
            id: r.get(0)?,
            supplier: r.get(1)?,
            total_cents: r.get(2)?,
            currency: r.get(3)?,
            delivery_date: opt_date_at(r, 4)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}
