//! Requisitions: the list, one requisition with its quotes, the form, and its way through
//! approval to an order. Approval uses the orders' tiers on the estimate: someone other than
//! the requester whose approving role reaches the tier's. Every refusal is made here.

use super::price_list::{listed, listed_vat};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::approval::{approval_need, ApproverRole};
use crate::domain::purchasing::numbering::{format_number, next_seq, NumberedKind};
use crate::domain::purchasing::order::{OrderInput, OrderLineForm, PurchaseOrder};
use crate::domain::purchasing::quote_compare::compare;
use crate::domain::purchasing::requisition::{
    Requisition, RequisitionInput, RequisitionQuery, RequisitionRow, RequisitionView,
};
use crate::domain::purchasing::requisition_state::{
    check_not_requester, RequisitionMove, RequisitionState,
};
use crate::domain::purchasing::supplier::valid_block_reason;
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::order_list::Approver;
use crate::store::purchasing::{
    order_writes, requisition_list, requisition_writes, requisitions, rfqs, rules, suppliers,
};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::{Datelike, NaiveDate};
use rusqlite::Connection;

/// Whether `ctx` may approve or reject `r` now; the error says why not.
fn check_approver(r: &Requisition, role: Option<ApproverRole>, ctx: &Ctx) -> crate::Result<()> {
    check_not_requester(r.requested_by, ctx.user_id)?;
    let mine = ApproverRole::best(&ctx.roles);
    match (role, mine) {
        (Some(need), Some(have)) if have >= need => Ok(()),
        (need, _) => Err(Error::new(
            ErrorCode::BadTransition,
            "approval: the role is too low for this requisition",
        )
        .with("reason", "role_too_low")
        .with("role", need.map_or("", ApproverRole::as_str))),
    }
}

/// The role a submitted requisition waits for (none otherwise).
fn waiting_role(c: &Connection, id: i64) -> crate::Result<Option<ApproverRole>> {
    requisitions::approver_role(c, id)
}

impl Backoffice {
    pub(super) fn requisition_view(
        c: &Connection,
        id: i64,
        ctx: &Ctx,
        today: NaiveDate,
    ) -> crate::Result<RequisitionView> {
        let requisition = requisitions::require(c, id)?;
        let rfqs = rfqs::of_requisition(c, id)?;
        let comparison = compare(&requisition.lines, &rfqs, today);
        let can_approve = requisition.status == RequisitionState::Submitted
            && check_approver(&requisition, waiting_role(c, id)?, ctx).is_ok();
        Ok(RequisitionView {
            requisition,
            rfqs,
            comparison,
            can_approve,
        })
    }

    pub fn list_requisitions(
        &self,
        ctx: &Ctx,
        q: &RequisitionQuery,
    ) -> crate::Result<Page<RequisitionRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let me = Approver {
            user_id: ctx.user_id,
            role: ApproverRole::best(&ctx.roles),
        };
        self.store.read(|c| requisition_list::list(c, q, me))
    }

    pub fn requisition(&self, ctx: &Ctx, id: i64) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store
            .read(|c| Self::requisition_view(c, id, ctx, today))
    }

    fn check_department(w: &WriteTx, department_id: Option<i64>) -> crate::Result<()> {
        if let Some(d) = department_id {
            if crate::store::departments::get(w.conn(), d)?.is_none() {
                return Err(Error::field("department_id", "not_found"));
            }
        }
        Ok(())
    }

    pub fn create_requisition(
        &self,
        ctx: &Ctx,
        input: &RequisitionInput,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            Self::check_department(w, v.department_id)?;
            let year = today.year();
            let seq = next_seq(requisitions::last_seq(w.conn(), year)?)
                .ok_or_else(|| Error::internal("requisition numbers of the year"))?;
            let number = (
                format_number(NumberedKind::Requisition, year, seq),
                year,
                seq,
            );
            let id = requisition_writes::insert(w, &v, number, ctx.user_id)?;
            Self::requisition_view(w.conn(), id, ctx, today)
        })
    }

    /// Saves the form over `version`; only a draft is changed (a submitted one is withdrawn
    /// first, a rejected one reworked).
    pub fn update_requisition(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &RequisitionInput,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            let r = at_version(requisitions::head(w.conn(), id)?, "requisition", version)?;
            if r.status != RequisitionState::Draft {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "only a draft requisition is changed",
                )
                .with("reason", "not_draft"));
            }
            Self::check_department(w, v.department_id)?;
            requisition_writes::update(w, id, &v)?;
            Self::requisition_view(w.conn(), id, ctx, today)
        })
    }

    /// Submit, withdraw or rework: the moves of those who write requisitions.
    pub fn move_requisition(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        mv: RequisitionMove,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = at_version(requisitions::head(w.conn(), id)?, "requisition", version)?;
            match mv {
                RequisitionMove::Submit => {
                    let to = mv.apply(r.status, None)?;
                    let tiers = rules::tiers(w.conn())?;
                    let need = approval_need(&tiers, r.estimate_cents, r.requested_by, &[])?;
                    requisition_writes::set_status(w, id, to, None, Some(need.required_role))?;
                }
                RequisitionMove::Withdraw | RequisitionMove::Rework => {
                    let to = mv.apply(r.status, None)?;
                    requisition_writes::set_status(w, id, to, None, None)?;
                }
                // Approving, rejecting and ordering have their own calls and checks.
                RequisitionMove::Approve | RequisitionMove::Reject | RequisitionMove::Order => {
                    return Err(
                        Error::new(ErrorCode::BadTransition, "this move has its own call")
                            .with("reason", "own_call"),
                    );
                }
            }
            Self::requisition_view(w.conn(), id, ctx, today)
        })
    }

    /// Someone other than the requester, with a role that reaches the tier of the estimate,
    /// approves a submitted requisition.
    pub fn approve_requisition(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = at_version(requisitions::head(w.conn(), id)?, "requisition", version)?;
            RequisitionMove::Approve.apply(r.status, None)?;
            check_approver(&r, waiting_role(w.conn(), id)?, ctx)?;
            requisition_writes::approve(w, id, ctx.user_id, today)?;
            Self::requisition_view(w.conn(), id, ctx, today)
        })
    }

    /// An approver rejects a submitted requisition, saying why.
    pub fn reject_requisition(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: &str,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = at_version(requisitions::head(w.conn(), id)?, "requisition", version)?;
            let to = RequisitionMove::Reject.apply(r.status, Some(reason))?;
            let reason = valid_block_reason(reason)?;
            check_approver(&r, waiting_role(w.conn(), id)?, ctx)?;
            requisition_writes::set_status(w, id, to, Some(&reason), None)?;
            Self::requisition_view(w.conn(), id, ctx, today)
        })
    }

    /// An approved requisition becomes a draft order to `supplier_id` directly, pointing back at
    /// it: each line at the supplier's listed price for its quantity (in euros), else at its
    /// estimate, with the list's VAT for the item, else the standard rate.
    pub fn order_from_requisition(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        supplier_id: i64,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = at_version(requisitions::get(w.conn(), id)?, "requisition", version)?;
            RequisitionMove::Order.apply(r.status, None)?;
            let supplier = suppliers::get(w.conn(), supplier_id)?
                .ok_or_else(|| Error::field("supplier_id", "not_found"))?;
            let mut lines = Vec::with_capacity(r.lines.len());
            for l in &r.lines {
                let code = l.item_code.as_deref();
                let listed = listed(
                    w.conn(),
                    supplier_id,
                    code,
                    &l.description,
                    l.quantity,
                    today,
                )?;
                // The supplier's own price before the requester's estimate; the order is in
                // euros, so a price listed in another currency is left to the buyer.
                let price = listed.as_ref().filter(|p| p.currency == "EUR");
                let (vat_rate_bp, nature) = listed_vat(listed.as_ref());
                lines.push(OrderLineForm {
                    item_code: l.item_code.clone(),
                    description: l.description.clone(),
                    category_id: l.category_id,
                    unit: Some(l.unit.clone()),
                    quantity: l.quantity,
                    unit_price: price.map_or(l.estimated_price.unwrap_or(0), |p| p.unit_price),
                    discount_bp: price.map_or(0, |p| p.discount_bp),
                    vat_rate_bp,
                    nature,
                });
            }
            let input = OrderInput {
                supplier_id,
                department_id: r.department_id,
                currency: None,
                exchange_rate: None,
                delivery_address: None,
                delivery_date: r.needed_by,
                payment_terms: supplier.payment_terms.clone(),
                notes: Some(format!("{} — {}", r.number, r.reason)),
                lines,
            };
            let order_id = self.order_from(w, &input, ctx.user_id, today)?;
            order_writes::link_source(w, order_id, id, None, None, None)?;
            requisition_writes::ordered(w, id, order_id)?;
            Self::whole_order(w.conn(), order_id)
        })
    }

    /// A draft order from `input`, inside the caller's write.
    pub(super) fn order_from(
        &self,
        w: &WriteTx,
        input: &OrderInput,
        requested_by: i64,
        today: NaiveDate,
    ) -> crate::Result<i64> {
        let v = input.validate(today)?;
        super::orders::check_parties(w, &v, None)?;
        order_writes::insert(w, &v, requested_by, today)
    }
}
