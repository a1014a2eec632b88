//! Purchase categories: the editable list, with the categories a new database starts with.

use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::category::{
    PurchaseCategory, PurchaseCategoryInput, ValidPurchaseCategory, DEFAULT_CATEGORIES,
};
use crate::services::{Backoffice, Ctx};
use crate::store::retired_list;
use crate::store::tx::WriteTx;

/// Adds the default categories a database does not have yet (by code).
pub(crate) fn ensure_defaults(w: &WriteTx) -> crate::Result<()> {
    for &(code, it, en) in DEFAULT_CATEGORIES {
        if retired_list::by_code::<PurchaseCategory>(w.conn(), code)?.is_none() {
            let v = ValidPurchaseCategory {
                name_it: it.to_owned(),
                name_en: Some(en.to_owned()),
                over_receipt_bp: 0,
            };
            retired_list::insert::<PurchaseCategory>(w, Some(code), &v)?;
        }
    }
    Ok(())
}

impl Backoffice {
    pub fn list_purchase_categories(
        &self,
        ctx: &Ctx,
        include_inactive: bool,
    ) -> crate::Result<Vec<PurchaseCategory>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let list = self
            .store
            .read(|c| retired_list::list::<PurchaseCategory>(c, include_inactive))?;
        // A database made before purchasing existed gets its defaults the first time a buyer
        // looks.
        if list.is_empty() && ctx.can(Area::Purchasing, Action::Write) {
            self.store.write(&ctx.actor, ensure_defaults)?;
            return self
                .store
                .read(|c| retired_list::list::<PurchaseCategory>(c, include_inactive));
        }
        Ok(list)
    }

    pub fn create_purchase_category(
        &self,
        ctx: &Ctx,
        input: &PurchaseCategoryInput,
    ) -> crate::Result<PurchaseCategory> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::insert::<PurchaseCategory>(w, None, &v)
        })
    }

    pub fn update_purchase_category(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &PurchaseCategoryInput,
    ) -> crate::Result<PurchaseCategory> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::update::<PurchaseCategory>(w, id, version, &v)
        })
    }

    pub fn set_purchase_category_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<PurchaseCategory> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            retired_list::set_active::<PurchaseCategory>(w, id, version, active)
        })
    }
}
