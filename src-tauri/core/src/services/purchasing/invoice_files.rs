//! The files of a supplier invoice: no kinds, no expiry, and the original FatturaPA file the
//! invoice was imported from cannot be removed: it is the document as received.

use crate::domain::attachment::{Attachment, ExpiryRule};
use crate::error::{Error, ErrorCode};
use crate::services::attachments::OwnerRules;
use crate::store::purchasing::invoices;
use crate::store::tx::WriteTx;
use chrono::NaiveDate;
use rusqlite::Connection;

pub(crate) struct InvoiceFiles;

pub(crate) static INVOICE_FILES: InvoiceFiles = InvoiceFiles;

impl OwnerRules for InvoiceFiles {
    fn entity(&self) -> &'static str {
        invoices::TRACKED.entity
    }

    fn kind(&self, _: &Connection, type_id: Option<i64>, _: bool) -> crate::Result<ExpiryRule> {
        match type_id {
            None => Ok(ExpiryRule::default()),
            Some(_) => Err(Error::field("type_id", "not_allowed")),
        }
    }

    fn changed(&self, _: &WriteTx, _: i64, _: NaiveDate) -> crate::Result<()> {
        Ok(())
    }

    fn before_delete(&self, w: &WriteTx, a: &Attachment) -> crate::Result<()> {
        let inv = invoices::require(w.conn(), a.record_id)?;
        if inv.file_sha256.as_deref() == Some(a.sha256.as_str()) {
            return Err(Error::new(
                ErrorCode::BadTransition,
                "the invoice's original file stays",
            )
            .with("reason", "original_invoice_file"));
        }
        Ok(())
    }
}
