//! Accounting's side of the three-way match: a difference accepted with a reason, the invoice
//! approved for payment once matched with nothing open; the tolerances administrators set; the
//! reports (received and not invoiced, a supplier's mismatches per year).

use super::invoice_match::{at_version, state, view};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::invoice_match::{
    accept_reason, approves_payments, can_approve, can_rematch, DifferenceState, InvoiceMatch,
    MatchRefusal, MatchYear, SupplierTolerances,
};
use crate::domain::purchasing::match3::MatchTolerances;
use crate::domain::purchasing::match_reports::{ToInvoiceQuery, ToInvoiceRow};
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::invoice_matches as matches;
use crate::store::purchasing::{match_reports, match_writes, suppliers};

impl Backoffice {
    /// Accepting differences and approving payments is accounting's (and administrators'): a
    /// manager approves orders, not payments; purchasing neither.
    fn require_payments(&self, ctx: &Ctx) -> crate::Result<()> {
        self.require(ctx, Area::Purchasing, Action::Approve)?;
        if approves_payments(&ctx.roles) {
            return Ok(());
        }
        let payload = serde_json::json!({
            "event": "denied", "area": Area::Purchasing, "action": "approve_payment"
        });
        self.store
            .write(&ctx.actor, |w| w.event("security", ctx.user_id, &payload))?;
        Err(Error::new(
            ErrorCode::Forbidden,
            "approving payments is for accounting",
        ))
    }

    /// Accepts an open difference of the invoice, with a reason.
    pub fn accept_difference(
        &self,
        ctx: &Ctx,
        invoice_id: i64,
        difference_id: i64,
        reason: &str,
    ) -> crate::Result<InvoiceMatch> {
        self.require_payments(ctx)?;
        let reason = accept_reason(reason)?;
        self.store.write(&ctx.actor, |w| {
            let st = state(w.conn(), invoice_id)?;
            can_rematch(st.status)?;
            match matches::difference_of(w.conn(), difference_id)? {
                Some((inv, _)) if inv != invoice_id => {
                    return Err(Error::not_found("match difference"))
                }
                None => return Err(Error::not_found("match difference")),
                Some((_, DifferenceState::Accepted)) => {
                    return Err(MatchRefusal::AlreadyAccepted.into())
                }
                Some((_, DifferenceState::Open)) => {}
            }
            match_writes::accept(w, difference_id, ctx.user_id, &reason)?;
            match_writes::set_state(w, invoice_id, st.status, (st.open_differences - 1).max(0))?;
            view(w.conn(), ctx, invoice_id)
        })
    }

    /// Approves the invoice for payment over `version`: only when matched with no difference
    /// open (`bad_transition`: `not_matched`, `open_differences`, `already_approved`).
    pub fn approve_for_payment(
        &self,
        ctx: &Ctx,
        invoice_id: i64,
        version: i64,
    ) -> crate::Result<InvoiceMatch> {
        self.require_payments(ctx)?;
        self.store.write(&ctx.actor, |w| {
            let st = at_version(state(w.conn(), invoice_id)?, version)?;
            can_approve(st.status, st.open_differences)?;
            match_writes::approve(w, invoice_id, ctx.user_id)?;
            view(w.conn(), ctx, invoice_id)
        })
    }

    pub fn match_tolerances(&self, ctx: &Ctx) -> crate::Result<MatchTolerances> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(matches::global_tolerances)
    }

    /// The global tolerances; administrators set them as they set the approval tiers.
    pub fn save_match_tolerances(
        &self,
        ctx: &Ctx,
        t: &MatchTolerances,
    ) -> crate::Result<MatchTolerances> {
        self.require(ctx, Area::Settings, Action::Write)?;
        t.validate()?;
        self.store.write(&ctx.actor, |w| {
            match_writes::set_global_tolerances(w, t)?;
            matches::global_tolerances(w.conn())
        })
    }

    pub fn supplier_tolerances(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
    ) -> crate::Result<SupplierTolerances> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| {
            Ok(SupplierTolerances {
                own: matches::supplier_tolerances(c, supplier_id)?.map(|(_, t)| t),
                global: matches::global_tolerances(c)?,
            })
        })
    }

    /// A supplier's own tolerances (administrators), or none to use the global ones.
    pub fn save_supplier_tolerances(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
        t: Option<&MatchTolerances>,
    ) -> crate::Result<SupplierTolerances> {
        self.require(ctx, Area::Settings, Action::Write)?;
        if let Some(t) = t {
            t.validate()?;
        }
        self.store.write(&ctx.actor, |w| {
            if !suppliers::exists(w.conn(), supplier_id)? {
                return Err(Error::not_found("supplier"));
            }
            let existing = matches::supplier_tolerances(w.conn(), supplier_id)?.map(|(id, _)| id);
            match_writes::set_supplier_tolerances(w, supplier_id, existing, t)?;
            Ok(SupplierTolerances {
                own: matches::supplier_tolerances(w.conn(), supplier_id)?.map(|(_, t)| t),
                global: matches::global_tolerances(w.conn())?,
            })
        })
    }

    /// Received and not yet invoiced, per order line.
    pub fn to_invoice(&self, ctx: &Ctx, q: &ToInvoiceQuery) -> crate::Result<Page<ToInvoiceRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| match_reports::to_invoice(c, q))
    }

    /// The supplier's quantity and price mismatches at match, per year.
    pub fn supplier_match_years(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
    ) -> crate::Result<Vec<MatchYear>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store
            .read(|c| match_reports::match_years(c, supplier_id, 10))
    }
}
