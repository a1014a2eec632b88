//! The purchase order as PDF. An approved order prints as the final copy, which is what goes to
//! the supplier: saving it marks an approved order "sent", in the same transaction as the
//! record of the export. An order not yet approved prints as a draft with a watermark and no
//! number, and changes nothing; a cancelled one does not print.

use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::order::PurchaseOrder;
use crate::domain::purchasing::order_state::{can_print_final, OrderRefusal, OrderState};
use crate::domain::purchasing::totals::{summarise, LineTotals};
use crate::error::{Error, ErrorCode};
use crate::report::{self, OrderPrint, Picture};
use crate::services::exports::{ExportRecord, EXPORTS};
use crate::services::{Backoffice, Ctx};
use crate::store::organisation;
use crate::store::purchasing::{order_writes, orders, suppliers};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A saved order PDF, as the window reports it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OrderPdf {
    pub path: String,
    pub pages: usize,
    /// False for a draft copy (watermarked, unnumbered): the order was not sent.
    pub is_final: bool,
}

/// An order PDF in memory.
#[derive(Debug, Clone)]
pub struct OrderPdfBytes {
    pub bytes: Vec<u8>,
    pub pages: usize,
    pub is_final: bool,
}

/// Whether the order prints as final (approved and on), as a draft (not approved yet), or not
/// at all (cancelled).
fn copy_of(status: OrderState) -> crate::Result<bool> {
    match can_print_final(status) {
        Ok(()) => Ok(true),
        Err(OrderRefusal::NotApproved) => Ok(false),
        Err(r) => Err(r.into()),
    }
}

/// The order with its VAT summary, as the order's page shows it.
fn whole(c: &rusqlite::Connection, id: i64) -> crate::Result<PurchaseOrder> {
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
    Ok(o)
}

impl Backoffice {
    /// Everything the printed order shows, read in one snapshot, after the checks: anyone in
    /// purchasing may print a draft; the final copy needs the right to write orders.
    fn order_print(&self, ctx: &Ctx, id: i64) -> crate::Result<OrderPrint> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let (order, supplier, organisation) = self.store.read(|c| {
            let order = whole(c, id)?;
            let supplier = suppliers::get(c, order.supplier_id)?
                .ok_or_else(|| Error::not_found("supplier"))?;
            Ok((order, supplier, organisation::get(c)?))
        })?;
        let is_final = copy_of(order.status)?;
        if is_final {
            self.require(ctx, Area::Purchasing, Action::Write)?;
        }
        let logo = match &organisation.logo_sha256 {
            Some(sha) => Some(Picture::from_bytes(self.blobs().read(sha)?)?),
            None => None,
        };
        Ok(OrderPrint {
            order,
            supplier,
            organisation,
            logo,
            is_final,
        })
    }

    /// The order's PDF in memory, in `language` ("it" or "en"), changing nothing.
    pub fn order_pdf_bytes(
        &self,
        ctx: &Ctx,
        id: i64,
        language: &str,
    ) -> crate::Result<OrderPdfBytes> {
        let print = self.order_print(ctx, id)?;
        let mut bytes = Vec::new();
        let stats = report::render(&report::purchase_order(&print, language), &mut bytes)?;
        Ok(OrderPdfBytes {
            bytes,
            pages: stats.pages,
            is_final: print.is_final,
        })
    }

    /// Saves the order's PDF at `path`. The final copy marks an approved order sent; the save
    /// is recorded as an export either way, and the file appears only once both are committed.
    pub fn save_order_pdf(
        &self,
        ctx: &Ctx,
        id: i64,
        language: &str,
        path: &Path,
    ) -> crate::Result<OrderPdf> {
        let print = self.order_print(ctx, id)?;
        let report = report::purchase_order(&print, language);
        let (staged, stats) = crate::files::stage(path, |w| report::render(&report, w))?;
        let o = &print.order;
        let mut extra = serde_json::Map::new();
        extra.insert("order".into(), o.number.clone().into());
        extra.insert("pages".into(), stats.pages.into());
        extra.insert("final".into(), print.is_final.into());
        let record = ExportRecord {
            kind: "purchase_order",
            format: "pdf",
            rows: o.lines.len() as u64,
            filter: serde_json::json!({
                "order_id": id,
                "language": if language.trim().eq_ignore_ascii_case("en") { "en" } else { "it" },
            }),
            path,
            extra,
        };
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let now =
                orders::head(w.conn(), id)?.ok_or_else(|| Error::not_found("purchase order"))?;
            // What was printed must still be the order: a change in between prints again.
            if now.version != o.version {
                return Err(Error::new(
                    ErrorCode::Conflict,
                    "the purchase order changed while it was printed",
                ));
            }
            if print.is_final && now.status == OrderState::Approved {
                order_writes::mark_sent(w, id, today)?;
            }
            w.event(EXPORTS, ctx.user_id, &record.payload())
        })?;
        staged.publish()?;
        Ok(OrderPdf {
            path: path.display().to_string(),
            pages: stats.pages,
            is_final: print.is_final,
        })
    }
}
