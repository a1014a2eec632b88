//! Suppliers: the list, one card, its form, blocking and unblocking, and its contacts.

use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::performance::DeliveryYear;
use crate::domain::purchasing::supplier::{
    valid_block_reason, Supplier, SupplierContact, SupplierContactInput, SupplierInput,
    SupplierQuery, SupplierRow, SupplierStatus,
};
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{performance, supplier_contacts, supplier_list, suppliers};
use crate::store::versioned::at_version;

impl Backoffice {
    pub fn list_suppliers(&self, ctx: &Ctx, q: &SupplierQuery) -> crate::Result<Page<SupplierRow>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let today = self.today();
        self.store.read(|c| supplier_list::list(c, q, today))
    }

    pub fn supplier(&self, ctx: &Ctx, id: i64) -> crate::Result<Supplier> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| suppliers::require(c, id))
    }

    pub fn create_supplier(&self, ctx: &Ctx, input: &SupplierInput) -> crate::Result<Supplier> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let id = suppliers::insert(w, &v)?;
            suppliers::require(w.conn(), id)
        })
    }

    pub fn update_supplier(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &SupplierInput,
    ) -> crate::Result<Supplier> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            at_version(suppliers::get(w.conn(), id)?, "supplier", version)?;
            suppliers::update(w, id, &v)?;
            suppliers::require(w.conn(), id)
        })
    }

    /// Blocks new orders to the supplier; the reason is required and kept with the date.
    pub fn block_supplier(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        reason: &str,
    ) -> crate::Result<Supplier> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let reason = valid_block_reason(reason)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let s = at_version(suppliers::get(w.conn(), id)?, "supplier", version)?;
            if s.status == SupplierStatus::Blocked {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "the supplier is already blocked",
                )
                .with("reason", "already_blocked"));
            }
            suppliers::set_blocked(w, id, Some(&reason), today)?;
            suppliers::require(w.conn(), id)
        })
    }

    pub fn unblock_supplier(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<Supplier> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let s = at_version(suppliers::get(w.conn(), id)?, "supplier", version)?;
            if s.status == SupplierStatus::Active {
                return Err(
                    Error::new(ErrorCode::BadTransition, "the supplier is not blocked")
                        .with("reason", "not_blocked"),
                );
            }
            suppliers::set_blocked(w, id, None, today)?;
            suppliers::require(w.conn(), id)
        })
    }

    /// The supplier's delivery performance per year, newest first: computed from the receipts.
    pub fn supplier_performance(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
    ) -> crate::Result<Vec<DeliveryYear>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| {
            suppliers::require(c, supplier_id)?;
            performance::delivery_years(c, supplier_id, 10)
        })
    }

    pub fn supplier_contacts(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
    ) -> crate::Result<Vec<SupplierContact>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| {
            suppliers::require(c, supplier_id)?;
            supplier_contacts::of_supplier(c, supplier_id)
        })
    }

    /// Adds a contact (`id` `None`) or saves one over `version`.
    pub fn save_supplier_contact(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
        id: Option<i64>,
        version: i64,
        input: &SupplierContactInput,
    ) -> crate::Result<SupplierContact> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if !suppliers::exists(w.conn(), supplier_id)? {
                return Err(Error::not_found("supplier"));
            }
            let id = match id {
                None => supplier_contacts::insert(w, supplier_id, &v)?,
                Some(id) => {
                    let old = at_version(
                        supplier_contacts::get(w.conn(), id)?,
                        "supplier contact",
                        version,
                    )?;
                    if old.supplier_id != supplier_id {
                        return Err(Error::not_found("supplier contact"));
                    }
                    supplier_contacts::update(w, id, &v)?;
                    id
                }
            };
            supplier_contacts::get(w.conn(), id)?
                .ok_or_else(|| Error::not_found("supplier contact"))
        })
    }

    pub fn delete_supplier_contact(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(
                supplier_contacts::get(w.conn(), id)?,
                "supplier contact",
                version,
            )?;
            supplier_contacts::delete(w, id)
        })
    }
}
