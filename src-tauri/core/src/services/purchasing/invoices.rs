//! Supplier invoices: the list, one invoice, the due-payments report and invoices entered by
//! hand. The import from FatturaPA files is in `invoice_import.rs`.

use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::invoice::{
    duplicate_key, DueQuery, DueRow, InvoiceQuery, InvoiceRow, SupplierInvoice,
};
use crate::domain::purchasing::invoice_from_file::order_number_key;
use crate::domain::purchasing::manual_invoice::ManualInvoiceInput;
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{invoice_list, invoice_writes, invoices, suppliers};

impl Backoffice {
    pub fn list_invoices(&self, ctx: &Ctx, q: &InvoiceQuery) -> crate::Result<Page<InvoiceRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| invoice_list::list(c, q))
    }

    pub fn invoice(&self, ctx: &Ctx, id: i64) -> crate::Result<SupplierInvoice> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| invoices::require(c, id))
    }

    /// Due payments by date: what is owed when.
    pub fn due_payments(&self, ctx: &Ctx, q: &DueQuery) -> crate::Result<Page<DueRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| invoice_list::dues(c, q))
    }

    /// An invoice typed from paper. The same supplier's number on the same date is refused as a
    /// duplicate at the number; references to our order numbers are linked.
    pub fn create_manual_invoice(
        &self,
        ctx: &Ctx,
        input: &ManualInvoiceInput,
    ) -> crate::Result<SupplierInvoice> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let mut v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            if !suppliers::exists(w.conn(), v.supplier_id)? {
                return Err(Error::field("supplier_id", "not_found"));
            }
            let key = duplicate_key(v.supplier_id, &v.number, v.date);
            if let Some(id) =
                invoice_list::existing(w.conn(), std::slice::from_ref(&key))?.get(&key)
            {
                return Err(Error::validation(vec![FieldError::new(
                    "number",
                    "duplicate_invoice",
                )
                .with("id", id)]));
            }
            let numbers: Vec<String> = v
                .order_refs
                .iter()
                .map(|r| order_number_key(&r.document_id))
                .collect();
            let ours = invoice_list::orders_by_number(w.conn(), &numbers)?;
            for r in &mut v.order_refs {
                if let Some((id, number)) = ours.get(&order_number_key(&r.document_id)) {
                    r.order_id = Some(*id);
                    r.order_number = Some(number.clone());
                }
            }
            let id = invoice_writes::insert(w, &v)?;
            invoices::require(w.conn(), id)
        })
    }
}
