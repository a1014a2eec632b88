//! Purchase orders: the list, one order, its form, and its way through approval to the
//! supplier. Every refusal is made here, whatever the window shows: an order is not sent,
//! printed as final or received before its approvals are complete.

use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::approval::{approval_need, ApprovalNeed, ApproverRole};
use crate::domain::purchasing::numbering::{format_number, next_seq, NumberedKind};
use crate::domain::purchasing::order::{
    OrderInput, OrderQuery, OrderRow, PurchaseOrder, ValidOrder,
};
use crate::domain::purchasing::order_state::{can_send, OrderMove, OrderState};
use crate::domain::purchasing::quote_compare::quotes_rule;
use crate::domain::purchasing::reapproval::{
    reapproval_causes, state_after_change, ApprovedContent, ApprovedLine,
};
use crate::domain::purchasing::supplier::valid_block_reason;
use crate::domain::purchasing::totals::{summarise, LineTotals, OrderLineInput};
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::order_list::{self, Approver};
use crate::store::purchasing::{invoice_matches, order_writes, orders, rules, suppliers};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::Datelike;

/// The content an approval covers, of a stored order.
fn approved_content(o: &PurchaseOrder) -> ApprovedContent {
    ApprovedContent {
        supplier_id: o.supplier_id,
        currency: o.currency.clone(),
        exchange_rate: o.exchange_rate,
        payment_terms: o.payment_terms.clone(),
        lines: o
            .lines
            .iter()
            .map(|l| ApprovedLine {
                description: l.description.clone(),
                unit: l.unit.clone(),
                numbers: OrderLineInput {
                    quantity: l.quantity,
                    unit_price: l.unit_price,
                    discount_bp: l.discount_bp,
                    vat_rate_bp: l.vat_rate_bp,
                    nature: l.nature,
                },
            })
            .collect(),
    }
}

/// The same, of a form.
fn form_content(v: &ValidOrder) -> ApprovedContent {
    ApprovedContent {
        supplier_id: v.supplier_id,
        currency: v.totals.currency.clone(),
        exchange_rate: v.totals.exchange_rate,
        payment_terms: v.payment_terms.clone(),
        lines: v
            .lines
            .iter()
            .map(|l| ApprovedLine {
                description: l.description.clone(),
                unit: l.unit.clone(),
                numbers: l.numbers,
            })
            .collect(),
    }
}

fn supplier_blocked() -> Error {
    Error::new(ErrorCode::BadTransition, "the supplier is blocked")
        .with("reason", "supplier_blocked")
}

/// A new order's supplier must exist and not be blocked; its department must exist.
pub(super) fn check_parties(
    w: &WriteTx,
    v: &ValidOrder,
    kept_supplier: Option<i64>,
) -> crate::Result<()> {
    let s = suppliers::get(w.conn(), v.supplier_id)?
        .ok_or_else(|| Error::field("supplier_id", "not_found"))?;
    // A blocked supplier gets no new order; one already theirs may still be corrected.
    if s.status == crate::domain::purchasing::supplier::SupplierStatus::Blocked
        && kept_supplier != Some(s.id)
    {
        return Err(supplier_blocked());
    }
    if let Some(d) = v.department_id {
        if crate::store::departments::get(w.conn(), d)?.is_none() {
            return Err(Error::field("department_id", "not_found"));
        }
    }
    Ok(())
}

impl Backoffice {
    fn approver(&self, ctx: &Ctx) -> Approver {
        Approver {
            user_id: ctx.user_id,
            role: ApproverRole::best(&ctx.roles),
        }
    }

    /// Where the order stands with its approvals (none unless it waits for them).
    fn need_of(c: &rusqlite::Connection, o: &PurchaseOrder) -> crate::Result<Option<ApprovalNeed>> {
        if o.status != OrderState::PendingApproval {
            return Ok(None);
        }
        let tiers = rules::tiers(c)?;
        let given = orders::given(c, o.id)?;
        approval_need(&tiers, o.approval_cents, o.requested_by, &given).map(Some)
    }

    pub(super) fn whole_order(c: &rusqlite::Connection, id: i64) -> crate::Result<PurchaseOrder> {
        let mut o = orders::require(c, id)?;
        let lines: Vec<LineTotals> = o
            .lines
            .iter()
            .map(|l| LineTotals {
                net: l.net_cents,
                rate_bp: l.vat_rate_bp,
                nature: l.nature,
                tax: 0,
            })
            .collect();
        o.summary = summarise(&lines).ok_or_else(|| Error::internal("order summary"))?;
        o.approval = Self::need_of(c, &o)?;
        let (above, required) = rules::quotes_rule(c)?;
        o.quotes_rule = quotes_rule(above, required, o.approval_cents, o.quotes_compared);
        Ok(o)
    }

    pub fn list_orders(&self, ctx: &Ctx, q: &OrderQuery) -> crate::Result<Page<OrderRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let me = self.approver(ctx);
        self.store.read(|c| order_list::list(c, q, me))
    }

    pub fn order(&self, ctx: &Ctx, id: i64) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| Self::whole_order(c, id))
    }

    pub fn create_order(&self, ctx: &Ctx, input: &OrderInput) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            check_parties(w, &v, None)?;
            let id = order_writes::insert(w, &v, ctx.user_id, today)?;
            Self::whole_order(w.conn(), id)
        })
    }

    /// Saves the form over `version`. A change to what was approved (supplier, currency, terms,
    /// lines) sends an approved or sent order back to approval; one waiting starts its
    /// approvals again.
    pub fn update_order(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &OrderInput,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::get(w.conn(), id)?, "purchase order", version)?;
            // Its lines carry matched invoices: the match is taken away first.
            if invoice_matches::order_matched(w.conn(), id)? {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "purchase order: an invoice is matched to it",
                )
                .with("reason", "invoiced"));
            }
            check_parties(w, &v, Some(o.supplier_id))?;
            let causes = reapproval_causes(&approved_content(&o), &form_content(&v));
            let next = state_after_change(o.status, &causes)?;
            order_writes::update(w, id, &v)?;
            if next == OrderState::PendingApproval && !causes.is_empty() {
                self.start_approval(w, id, v.approval_cents)?;
            }
            Self::whole_order(w.conn(), id)
        })
    }

    /// Opens a new round of approvals for the order as it now is.
    fn start_approval(&self, w: &WriteTx, id: i64, amount: i64) -> crate::Result<()> {
        let o = orders::head(w.conn(), id)?.ok_or_else(|| Error::not_found("purchase order"))?;
        let tiers = rules::tiers(w.conn())?;
        let need = approval_need(&tiers, amount, o.requested_by, &[])?;
        let round = order_writes::approval_round(w.conn(), id)?;
        order_writes::await_approval(w, id, round + 1, need.required_role)
    }

    pub fn submit_order(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            OrderMove::Submit.apply(o.status, None)?;
            if o.supplier_blocked {
                return Err(supplier_blocked());
            }
            self.start_approval(w, id, o.approval_cents)?;
            Self::whole_order(w.conn(), id)
        })
    }

    /// Adds the person's approval; the last one needed approves the order and, the first time,
    /// gives it its number.
    pub fn approve_order(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            let need = Self::need_of(w.conn(), &o)?.ok_or_else(|| {
                Error::new(
                    ErrorCode::BadTransition,
                    "the order is not waiting for approval",
                )
                .with("reason", "not_pending")
            })?;
            if o.supplier_blocked {
                return Err(supplier_blocked());
            }
            need.check_approver(ctx.user_id, &ctx.roles)?;
            let role = ApproverRole::best(&ctx.roles)
                .ok_or_else(|| Error::internal("an approver without an approving role"))?;
            let round = order_writes::approval_round(w.conn(), id)?;
            order_writes::add_approval(w, id, round, ctx.user_id, role, o.approval_cents)?;
            let now = Self::need_of(w.conn(), &o)?;
            if now.is_some_and(|n| n.complete) {
                OrderMove::Approve.apply(o.status, None)?;
                let number = match o.number {
                    Some(_) => None,
                    None => {
                        let year = today.year();
                        let seq = next_seq(order_writes::last_seq(w.conn(), year)?)
                            .ok_or_else(|| Error::internal("order numbers of the year"))?;
                        Some((
                            format_number(NumberedKind::PurchaseOrder, year, seq),
                            year,
                            seq,
                        ))
                    }
                };
                order_writes::approve(w, id, today, number)?;
            }
            Self::whole_order(w.conn(), id)
        })
    }

    /// An approver sends the order back to its draft, saying why.
    pub fn send_back_order(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: &str,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let reason = valid_block_reason(reason)?;
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            let need = Self::need_of(w.conn(), &o)?;
            let may = need.is_some_and(|n| {
                ctx.user_id != o.requested_by
                    && ApproverRole::best(&ctx.roles).is_some_and(|r| r >= n.required_role)
            });
            if !may {
                return Err(Error::new(
                    ErrorCode::Forbidden,
                    "only an approver sends it back",
                ));
            }
            let to = OrderMove::SendBack.apply(o.status, Some(&reason))?;
            order_writes::set_status(w, id, to, Some(&reason))?;
            Self::whole_order(w.conn(), id)
        })
    }

    /// Records that the order went to the supplier (the PDF saved for them does this too).
    pub fn mark_order_sent(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            can_send(o.status)?;
            if o.status == OrderState::Approved {
                order_writes::mark_sent(w, id, today)?;
            }
            Self::whole_order(w.conn(), id)
        })
    }

    pub fn cancel_order(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: &str,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            let reason = reason.trim();
            let to = OrderMove::Cancel.apply(o.status, Some(reason).filter(|r| !r.is_empty()))?;
            order_writes::set_status(w, id, to, Some(reason))?;
            Self::whole_order(w.conn(), id)
        })
    }
}
