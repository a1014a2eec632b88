//! Reversing a receipt (goods sent back, a delivery typed twice) and closing an order short.
//! A reversal takes the whole receipt back, with a reason: the order lines' received
//! quantities go down (never below zero), the order's status follows, and the assets the
//! receipt created are retired, but only while they are still in stock and held by nobody
//! (an asset already handed out is IT's to take back first).

use super::receipts::follow_progress;
use crate::domain::assets::asset::AssetStatus;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::order::PurchaseOrder;
use crate::domain::purchasing::order_state::{OrderMove, OrderRefusal, OrderState};
use crate::domain::purchasing::receipt::check_reversal;
use crate::domain::purchasing::receiving::PurchaseReceipt;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{order_writes, orders, receipt_writes, receipts};
use crate::store::versioned::at_version;

fn reason_required(reason: &str) -> crate::Result<&str> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(Error::validation(vec![FieldError::new(
            "reason", "required",
        )]));
    }
    if reason.chars().count() > 500 {
        return Err(Error::validation(vec![FieldError::new(
            "reason", "too_long",
        )
        .with("max", 500)]));
    }
    Ok(reason)
}

impl Backoffice {
    pub fn reverse_receipt(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: &str,
    ) -> crate::Result<PurchaseReceipt> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let reason = reason_required(reason)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let r = at_version(receipts::get(w.conn(), id)?, "purchase receipt", version)?;
            if r.reversed_at.is_some() {
                return Err(Error::new(ErrorCode::BadTransition, "already reversed")
                    .with("reason", "already_reversed"));
            }
            let o = orders::require(w.conn(), r.order_id)?;
            match o.status {
                OrderState::Closed => return Err(OrderRefusal::Closed.into()),
                OrderState::Cancelled => return Err(OrderRefusal::Cancelled.into()),
                _ => {}
            }
            let mut moves = Vec::with_capacity(r.lines.len());
            for rl in &r.lines {
                let ol = o
                    .lines
                    .iter()
                    .find(|l| l.id == rl.order_line_id)
                    .ok_or_else(|| Error::internal("a receipt line without its order line"))?;
                check_reversal(ol.received, rl.quantity, reason)?;
                moves.push((ol.id, ol.received - rl.quantity));
            }
            let assets = receipt_writes::assets_of(w.conn(), id)?;
            let mut found = Vec::with_capacity(assets.len());
            for &a in &assets {
                let Some(asset) = receipts::created_asset(w.conn(), a)? else {
                    continue;
                };
                if asset.held || asset.status != AssetStatus::InStock.as_str() {
                    return Err(Error::new(
                        ErrorCode::BadTransition,
                        format!("asset {} is no longer in stock", asset.tag),
                    )
                    .with("reason", "asset_in_use")
                    .with("tag", asset.tag));
                }
                found.push((a, asset));
            }
            receipt_writes::reverse(w, id, ctx.user_id, reason)?;
            for (line, received) in moves {
                receipt_writes::set_received(w, line, received)?;
            }
            for (a, asset) in found {
                let notes = match asset.notes {
                    Some(n) => format!("{n}\n{reason}"),
                    None => reason.to_owned(),
                };
                receipt_writes::retire_asset(w, a, today, &notes)?;
            }
            follow_progress(w, &o)?;
            receipts::require(w.conn(), id)
        })
    }

    /// Closes a received order, or one partly received whose back order will not come (then
    /// with a reason). A closed order receives nothing more.
    pub fn close_order(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: Option<&str>,
    ) -> crate::Result<PurchaseOrder> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let o = at_version(orders::head(w.conn(), id)?, "purchase order", version)?;
            let reason = reason.map(str::trim).filter(|r| !r.is_empty());
            let to = OrderMove::Close.apply(o.status, reason)?;
            order_writes::set_status(w, id, to, reason)?;
            Self::whole_order(w.conn(), id)
        })
    }
}
