//! The request for quotation as PDF for its supplier. Saving a draft request's PDF sends it
//! (marked "sent" with the day, in the same transaction as the export's record); a request
//! already sent prints again unchanged. A blocked supplier's request is not printed.

use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::requisition_state::{RfqMove, RfqState};
use crate::error::{Error, ErrorCode};
use crate::report::{self, Picture, RfqPrint};
use crate::services::exports::{ExportRecord, EXPORTS};
use crate::services::{Backoffice, Ctx};
use crate::store::organisation;
use crate::store::purchasing::{requisitions, rfqs, suppliers};
use serde::Serialize;
use std::path::Path;
use ts_rs::TS;

/// A saved request PDF, as the window reports it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RfqPdf {
    pub path: String,
    pub pages: usize,
}

impl Backoffice {
    fn rfq_print(&self, ctx: &Ctx, id: i64) -> crate::Result<RfqPrint> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        let (rfq, requisition, supplier, organisation) = self.store.read(|c| {
            let rfq = rfqs::require(c, id)?;
            let requisition = requisitions::require(c, rfq.requisition_id)?;
            let supplier =
                suppliers::get(c, rfq.supplier_id)?.ok_or_else(|| Error::not_found("supplier"))?;
            Ok((rfq, requisition, supplier, organisation::get(c)?))
        })?;
        if rfq.supplier_blocked {
            return Err(
                Error::new(ErrorCode::BadTransition, "the supplier is blocked")
                    .with("reason", "supplier_blocked"),
            );
        }
        let logo = match &organisation.logo_sha256 {
            Some(sha) => Some(Picture::from_bytes(self.blobs().read(sha)?)?),
            None => None,
        };
        Ok(RfqPrint {
            date: rfq.sent_on.unwrap_or(today),
            rfq,
            requisition,
            supplier,
            organisation,
            logo,
        })
    }

    /// The request's PDF in memory, in `language`, changing nothing.
    pub fn rfq_pdf_bytes(&self, ctx: &Ctx, id: i64, language: &str) -> crate::Result<Vec<u8>> {
        let print = self.rfq_print(ctx, id)?;
        let mut bytes = Vec::new();
        report::render(&report::rfq_report(&print, language), &mut bytes)?;
        Ok(bytes)
    }

    /// Saves the request's PDF at `path`; a draft request becomes sent.
    pub fn save_rfq_pdf(
        &self,
        ctx: &Ctx,
        id: i64,
        language: &str,
        path: &Path,
    ) -> crate::Result<RfqPdf> {
        let print = self.rfq_print(ctx, id)?;
        let report = report::rfq_report(&print, language);
        let (staged, stats) = crate::files::stage(path, |w| report::render(&report, w))?;
        let mut extra = serde_json::Map::new();
        extra.insert(
            "requisition".into(),
            print.requisition.number.clone().into(),
        );
        extra.insert("supplier".into(), print.supplier.name.clone().into());
        let record = ExportRecord {
            kind: "rfq",
            format: "pdf",
            rows: print.requisition.lines.len() as u64,
            filter: serde_json::json!({
                "rfq_id": id,
                "language": if language.trim().eq_ignore_ascii_case("en") { "en" } else { "it" },
            }),
            path,
            extra,
        };
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let now = rfqs::require(w.conn(), id)?;
            if now.version != print.rfq.version {
                return Err(Error::new(
                    ErrorCode::Conflict,
                    "the request for quotation changed while it was printed",
                ));
            }
            if now.status == RfqState::Draft {
                RfqMove::Send.apply(now.status)?;
                rfqs::mark_sent(w, id, today)?;
            }
            w.event(EXPORTS, ctx.user_id, &record.payload())
        })?;
        staged.publish()?;
        Ok(RfqPdf {
            path: path.display().to_string(),
            pages: stats.pages,
        })
    }
}
