//! Software products and their licences. The software inventory is IT's: IT and administrators
//! write, and those who see the whole inventory (accounting, purchasing) read. A licence key is
//! never part of a read; revealing it takes write permission and is recorded each time.

use crate::domain::assets::licence::{
    Licence, LicenceInput, LicenceQuery, SoftwareProduct, SoftwareProductInput,
};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::list::Visibility;
use crate::store::assets::{licence_list, licences, software};
use crate::store::versioned::at_version;

/// Products listed at most: the catalogue of an office, not a store's.
const MAX_PRODUCTS: i64 = 500;

impl Backoffice {
    /// Reading the software and consumables inventory takes seeing the whole asset inventory;
    /// anyone else is refused (and the refusal recorded).
    pub(super) fn inventory_reader(&self, ctx: &Ctx) -> crate::Result<()> {
        if self.keeper(ctx, Action::Read)?.visibility != Visibility::All {
            self.require(ctx, Area::Assets, Action::Write)?;
        }
        Ok(())
    }

    pub fn list_software_products(
        &self,
        ctx: &Ctx,
        search: Option<String>,
    ) -> crate::Result<Vec<SoftwareProduct>> {
        self.inventory_reader(ctx)?;
        self.store
            .read(|c| software::list(c, search.as_deref(), MAX_PRODUCTS))
    }

    /// Saves a product: a new one when `id` is `None` (then `version` is ignored).
    pub fn save_software_product(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &SoftwareProductInput,
    ) -> crate::Result<SoftwareProduct> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(software::get(w.conn(), id)?, "software_product", version)?;
            }
            let id = software::save(w, id, &v)?;
            software::get(w.conn(), id)?.ok_or_else(|| Error::not_found("software_product"))
        })
    }

    pub fn list_licences(&self, ctx: &Ctx, q: &LicenceQuery) -> crate::Result<Page<Licence>> {
        self.inventory_reader(ctx)?;
        let today = self.today();
        self.store.read(|c| licence_list::list(c, q, today))
    }

    /// The licence, its key hidden.
    pub fn licence(&self, ctx: &Ctx, id: i64) -> crate::Result<Licence> {
        self.inventory_reader(ctx)?;
        self.store
            .read(|c| licences::get(c, id))?
            .ok_or_else(|| Error::not_found("licence"))
    }

    /// Saves a licence: a new one when `id` is `None` (then `version` is ignored). Its seats
    /// may be lowered below those held: the list then shows it over-used.
    pub fn save_licence(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &LicenceInput,
    ) -> crate::Result<Licence> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(licences::get(w.conn(), id)?, "licence", version)?;
            }
            if !licences::product_exists(w.conn(), v.product_id)? {
                return Err(Error::validation(vec![FieldError::new(
                    "product_id",
                    "not_found",
                )]));
            }
            let id = licences::save(w, id, &v)?;
            licences::get(w.conn(), id)?.ok_or_else(|| Error::not_found("licence"))
        })
    }

    /// Retires the licence (or puts it back in use): a retired one takes no new seats and
    /// leaves the lists and the attention list.
    pub fn set_licence_retired(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        retired: bool,
    ) -> crate::Result<Licence> {
        self.keeper(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(licences::get(w.conn(), id)?, "licence", version)?;
            licences::set_retired(w, id, retired)?;
            licences::get(w.conn(), id)?.ok_or_else(|| Error::not_found("licence"))
        })
    }

    /// The licence with its key. Needs IT or administrator rights; every reveal is recorded in
    /// history as a read of the licence, in the same transaction as the reading.
    pub fn reveal_licence_key(&self, ctx: &Ctx, id: i64) -> crate::Result<Licence> {
        self.keeper(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let mut l = licences::get(w.conn(), id)?.ok_or_else(|| Error::not_found("licence"))?;
            l.licence_key = licences::reveal_key(w, id)?;
            Ok(l)
        })
    }
}
