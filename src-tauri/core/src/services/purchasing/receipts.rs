//! Receiving goods against an approved order: each line's quantity checked against what may
//! still arrive (the ordered quantity plus its category's tolerance), the order lines' received
//! quantities and the order's status moved in the same transaction, and IT assets created for
//! the lines that ask for them. An unapproved, cancelled or closed order receives nothing.

use crate::domain::assets::asset::{AssetInput, AssetStatus};
use crate::domain::assets::catalog::AssetCategory;
use crate::domain::assets::tag::{next_tag, TagPattern};
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::order::{OrderLine, PurchaseOrder};
use crate::domain::purchasing::order_state::can_receive;
use crate::domain::purchasing::receipt::{check_receipt, line_progress, order_progress};
use crate::domain::purchasing::receiving::{asset_count, PurchaseReceipt, ReceiptInput};
use crate::domain::purchasing::totals::line_net;
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::asset;
use crate::store::purchasing::{order_writes, orders, receipt_writes, receipts};
use crate::store::retired_list;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;

/// The order's status after its lines' received quantities changed.
pub(super) fn follow_progress(w: &WriteTx, o: &PurchaseOrder) -> crate::Result<()> {
    let lines: Vec<_> = orders::lines(w.conn(), o.id)?
        .iter()
        .map(|l| line_progress(l.quantity, l.received))
        .collect();
    let to = o.status.after_receipts(order_progress(&lines))?;
    if to != o.status {
        order_writes::set_status(w, o.id, to, None)?;
    }
    Ok(())
}

/// The first line of a text, cut at `max` characters: an order line's description as an
/// asset's name.
fn first_line(s: &str, max: usize) -> String {
    s.lines()
        .next()
        .unwrap_or_default()
        .trim()
        .chars()
        .take(max)
        .collect()
}

/// Creates `count` assets in stock from the order line, in `category_id`, each with the next
/// tag of the category's pattern, and links them to the receipt line.
fn create_assets(
    w: &WriteTx,
    o: &PurchaseOrder,
    line: &OrderLine,
    field: &str,
    (category_id, count): (i64, i64),
    received_on: NaiveDate,
    receipt_line_id: i64,
) -> crate::Result<()> {
    let c = w.conn();
    let category = retired_list::get::<AssetCategory>(c, category_id)?
        .ok_or_else(|| Error::field(field, "not_found"))?;
    if !category.active {
        return Err(Error::field(field, "retired"));
    }
    let pattern = TagPattern::parse(&category.tag_pattern)
        .ok_or_else(|| Error::field(field, "bad_pattern"))?;
    let input = AssetInput {
        tag: String::new(),
        name: first_line(&line.description, 200),
        category_id,
        manufacturer: None,
        model: line.item_code.as_deref().map(|m| first_line(m, 100)),
        serial: None,
        supplier_name: Some(first_line(&o.supplier_name, 200)),
        order_number: o.number.clone(),
        purchase_date: Some(received_on),
        // The line's net unit price: one unit at its price less its discount.
        cost_cents: line_net(1000, line.unit_price, line.discount_bp),
        currency: Some(o.currency.clone()),
        warranty_end: None,
        location_id: None,
        department_id: o.department_id,
        status: AssetStatus::InStock,
        status_date: None,
        notes: None,
    };
    for _ in 0..count {
        let tags = asset::tags_with_prefix(c, &pattern.key_prefix())?;
        let tag = next_tag(&pattern, tags.iter().map(String::as_str));
        let v = AssetInput {
            tag,
            ..input.clone()
        }
        .validate(received_on)?;
        let id = asset::insert(w, &v)?;
        receipt_writes::link_asset(w, receipt_line_id, id)?;
    }
    Ok(())
}

impl Backoffice {
    /// Records a delivery against an order. Every line is checked before anything is written:
    /// a line beyond what may still arrive is `lines.N.quantity: over_received` with the most
    /// that may (`max`) and the order line's position (`line`).
    pub fn receive_order(&self, ctx: &Ctx, input: &ReceiptInput) -> crate::Result<PurchaseReceipt> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            let o = orders::require(w.conn(), v.order_id)?;
            can_receive(o.status)?;
            let mut errors = Vec::new();
            let mut found = Vec::with_capacity(v.lines.len());
            for (i, l) in v.lines.iter().enumerate() {
                let Some(ol) = o.lines.iter().find(|x| x.id == l.order_line_id) else {
                    errors.push(FieldError::new(
                        &format!("lines.{i}.order_line_id"),
                        "not_found",
                    ));
                    continue;
                };
                let tolerance = receipts::tolerance_bp(w.conn(), ol.category_id)?;
                let field = format!("lines.{i}.quantity");
                if let Err(e) =
                    check_receipt(&field, ol.quantity, ol.received, l.quantity, tolerance)
                {
                    errors.push(e.with("line", ol.position));
                }
                found.push(ol);
            }
            if !errors.is_empty() {
                return Err(Error::validation(errors));
            }
            let id = receipt_writes::insert(w, &v, o.supplier_id, ctx.user_id)?;
            for (i, (l, ol)) in v.lines.iter().zip(found).enumerate() {
                let line_id = receipt_writes::add_line(w, id, ol.id, l.quantity)?;
                receipt_writes::set_received(w, ol.id, ol.received + l.quantity)?;
                if let Some(category) = l.asset_category_id {
                    let field = format!("lines.{i}.asset_category_id");
                    let count = asset_count(l.quantity);
                    create_assets(w, &o, ol, &field, (category, count), v.received_on, line_id)?;
                }
            }
            follow_progress(w, &o)?;
            receipts::require(w.conn(), id)
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_asset_is_named_by_the_first_line() {
        assert_eq!(
            super::first_line(" Portatile 14\"\nRAM 16 GB", 200),
            "Portatile 14\""
        );
        assert_eq!(super::first_line("abcdef", 3), "abc");
    }
}
