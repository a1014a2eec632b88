//! Requests for quotation: asking suppliers for an approved requisition's prices, recording
//! their offers or refusals, and choosing one, which makes the order with the offer's prices
//! and keeps on it the requisition, the offer, the reason and how many valid offers were
//! compared.

use super::price_list::{listed, listed_vat};
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::order::{OrderInput, OrderLineForm, PurchaseOrder};
use crate::domain::purchasing::quote_compare::{check_choice, compare, QuotesRuleSetting};
use crate::domain::purchasing::requisition::RequisitionView;
use crate::domain::purchasing::requisition_state::{RequisitionMove, RequisitionState, RfqMove};
use crate::domain::purchasing::rfq::{OfferInput, QuoteRequestInput, Rfq};
use crate::domain::purchasing::supplier::SupplierStatus;
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{
    order_writes, requisition_writes, requisitions, rfqs, rules, suppliers,
};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::Days;

fn supplier_blocked() -> Error {
    Error::new(ErrorCode::BadTransition, "the supplier is blocked")
        .with("reason", "supplier_blocked")
}

/// Quotes are asked and chosen only while the requisition is approved and not yet ordered.
fn check_open(status: RequisitionState) -> crate::Result<()> {
    RequisitionMove::Order.apply(status, None).map(|_| ())
}

/// The request at `version`, with its supplier not blocked.
fn open_rfq(w: &WriteTx, id: i64, version: i64) -> crate::Result<Rfq> {
    let q = at_version(rfqs::get(w.conn(), id)?, "request for quotation", version)?;
    if q.supplier_blocked {
        return Err(supplier_blocked());
    }
    Ok(q)
}

impl Backoffice {
    /// Asks each supplier for prices on an approved requisition: one draft request per supplier
    /// (printing it sends it). A blocked or unknown supplier, or one already asked, is refused.
    pub fn request_quotes(
        &self,
        ctx: &Ctx,
        requisition_id: i64,
        version: i64,
        input: &QuoteRequestInput,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let ids = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            let r = at_version(
                requisitions::head(w.conn(), requisition_id)?,
                "requisition",
                version,
            )?;
            check_open(r.status)?;
            let asked = rfqs::of_requisition(w.conn(), requisition_id)?;
            for id in ids {
                let s = suppliers::get(w.conn(), id)?
                    .ok_or_else(|| Error::field("supplier_ids", "not_found"))?;
                if s.status == SupplierStatus::Blocked {
                    return Err(supplier_blocked().with("supplier", s.name));
                }
                if asked.iter().any(|q| q.supplier_id == id) {
                    return Err(Error::field("supplier_ids", "already_asked"));
                }
                rfqs::insert(w, requisition_id, id, input.reply_by)?;
            }
            Self::requisition_view(w.conn(), requisition_id, ctx, today)
        })
    }

    /// Records that the request went to the supplier (the PDF saved for them does this too).
    pub fn mark_rfq_sent(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<Rfq> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let q = open_rfq(w, id, version)?;
            RfqMove::Send.apply(q.status)?;
            rfqs::mark_sent(w, id, today)?;
            rfqs::require(w.conn(), id)
        })
    }

    /// Records the supplier's offer on a request sent to them.
    pub fn record_offer(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &OfferInput,
    ) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let q = open_rfq(w, id, version)?;
            let to = RfqMove::RecordOffer.apply(q.status)?;
            let r = requisitions::require(w.conn(), q.requisition_id)?;
            check_open(r.status)?;
            let v = input.validate(&r.lines, today)?;
            rfqs::insert_offer(w, id, &v)?;
            rfqs::set_status(w, id, to)?;
            Self::requisition_view(w.conn(), q.requisition_id, ctx, today)
        })
    }

    /// The supplier will not quote.
    pub fn decline_rfq(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<RequisitionView> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let q = at_version(rfqs::get(w.conn(), id)?, "request for quotation", version)?;
            let to = RfqMove::RecordDecline.apply(q.status)?;
            rfqs::set_status(w, id, to)?;
            Self::requisition_view(w.conn(), q.requisition_id, ctx, today)
        })
    }

    /// Chooses the offer of request `id`: refused when it expired or its supplier is blocked;
    /// a reason is required when a valid offer costs less. Makes the draft order with the
    /// offer's prices, the other answered requests become "not chosen", and the requisition
    /// "ordered".
    pub fn choose_offer(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: Option<&str>,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let q = at_version(rfqs::get(w.conn(), id)?, "request for quotation", version)?;
            let to = RfqMove::Choose.apply(q.status)?;
            let r = requisitions::require(w.conn(), q.requisition_id)?;
            check_open(r.status)?;
            let all = rfqs::of_requisition(w.conn(), r.id)?;
            let cmp = compare(&r.lines, &all, today);
            let reason = check_choice(&cmp, id, reason)?;
            let offer = q
                .offer
                .as_ref()
                .ok_or_else(|| Error::internal("an answered request without its offer"))?;
            let supplier = suppliers::get(w.conn(), q.supplier_id)?
                .ok_or_else(|| Error::not_found("supplier"))?;
            let mut lines = Vec::with_capacity(r.lines.len());
            for l in &r.lines {
                let code = l.item_code.as_deref();
                let listed = listed(
                    w.conn(),
                    q.supplier_id,
                    code,
                    &l.description,
                    l.quantity,
                    today,
                )?;
                let (vat_rate_bp, nature) = listed_vat(listed.as_ref());
                let o = offer
                    .lines
                    .iter()
                    .find(|o| o.requisition_line_id == l.id)
                    .ok_or_else(|| Error::internal("an offer without a price for a line"))?;
                lines.push(OrderLineForm {
                    item_code: l.item_code.clone(),
                    description: l.description.clone(),
                    category_id: l.category_id,
                    unit: Some(l.unit.clone()),
                    quantity: l.quantity,
                    unit_price: o.unit_price,
                    discount_bp: o.discount_bp,
                    vat_rate_bp,
                    nature,
                });
            }
            let delivery = u64::try_from(offer.delivery_days)
                .ok()
                .and_then(|d| today.checked_add_days(Days::new(d)));
            let input = OrderInput {
                supplier_id: q.supplier_id,
                department_id: r.department_id,
                currency: None,
                exchange_rate: None,
                delivery_address: None,
                delivery_date: delivery,
                payment_terms: supplier.payment_terms.clone(),
                notes: offer.conditions.clone(),
                lines,
            };
            let order_id = self.order_from(w, &input, ctx.user_id, today)?;
            order_writes::link_source(
                w,
                order_id,
                r.id,
                Some(id),
                reason.as_deref(),
                Some(cmp.valid_offers),
            )?;
            rfqs::set_status(w, id, to)?;
            for other in all.iter().filter(|o| o.id != id) {
                if let Some(next) = RfqMove::SetNotChosen.target(other.status) {
                    rfqs::set_status(w, other.id, next)?;
                }
            }
            requisition_writes::ordered(w, r.id, order_id)?;
            Self::whole_order(w.conn(), order_id)
        })
    }

    /// Sets the purchasing rule on quotes (administrators): above `above_cents` net (none: no
    /// rule), `required` offers.
    pub fn save_quotes_rule(
        &self,
        ctx: &Ctx,
        rule: &QuotesRuleSetting,
    ) -> crate::Result<QuotesRuleSetting> {
        let (above_cents, required) = (rule.above_cents, rule.required);
        self.require(ctx, Area::Settings, Action::Write)?;
        let mut errors = Vec::new();
        if above_cents.is_some_and(|c| c < 0) {
            errors.push(crate::error::FieldError::new(
                "quotes_above_cents",
                "negative",
            ));
        }
        if !(1..=10).contains(&required) {
            errors.push(
                crate::error::FieldError::new("quotes_required", "out_of_range")
                    .with("min", 1)
                    .with("max", 10),
            );
        }
        if !errors.is_empty() {
            return Err(Error::validation(errors));
        }
        self.store.write(&ctx.actor, |w| {
            rules::set_quotes_rule(w, above_cents, required)?;
            Ok(*rule)
        })
    }

    pub fn quotes_rule_setting(&self, ctx: &Ctx) -> crate::Result<QuotesRuleSetting> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let (above_cents, required) = self.store.read(rules::quotes_rule)?;
        Ok(QuotesRuleSetting {
            above_cents,
            required,
        })
    }
}
