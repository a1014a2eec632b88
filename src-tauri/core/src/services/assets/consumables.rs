//! Consumables and accessories: the items, their stock, and every move in and out. A move and
//! the stock it changes are written in one transaction, and stock never goes below zero.

use crate::domain::assets::consumable::{
    Consumable, ConsumableInput, ConsumableMove, ConsumableQuery, MoveInput,
};
use crate::domain::page::{Page, MAX_PAGE};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{checkouts, consumable_moves, consumables};
use crate::store::versioned::at_version;

/// Moves listed at most for one person.
const MAX_ISSUED_LISTED: i64 = 1_000;

fn refused(reason: &str, message: &str) -> Error {
    Error::new(ErrorCode::BadTransition, message.to_owned()).with("reason", reason)
}

impl Backoffice {
    pub fn list_consumables(
        &self,
        ctx: &Ctx,
        q: &ConsumableQuery,
    ) -> crate::Result<Page<Consumable>> {
        self.inventory_reader(ctx)?;
        self.store.read(|c| consumables::list(c, q))
    }

    pub fn consumable(&self, ctx: &Ctx, id: i64) -> crate::Result<Consumable> {
        self.inventory_reader(ctx)?;
        self.store
            .read(|c| consumables::get(c, id))?
            .ok_or_else(|| Error::not_found("consumable"))
    }

    /// Saves an item's description: a new one, with no stock, when `id` is `None` (then
    /// `version` is ignored). Stock changes only through [`Backoffice::move_consumable`].
    pub fn save_consumable(
        &self,
        ctx: &Ctx,
        id: Option<i64>,
        version: i64,
        input: &ConsumableInput,
    ) -> crate::Result<Consumable> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            if let Some(id) = id {
                at_version(consumables::get(w.conn(), id)?, "consumable", version)?;
            }
            let id = consumables::save(w, id, &v)?;
            consumables::get(w.conn(), id)?.ok_or_else(|| Error::not_found("consumable"))
        })
    }

    /// Stops stocking the item (or starts again); its moves stay.
    pub fn set_consumable_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<Consumable> {
        self.keeper(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(consumables::get(w.conn(), id)?, "consumable", version)?;
            consumables::set_active(w, id, active)?;
            consumables::get(w.conn(), id)?.ok_or_else(|| Error::not_found("consumable"))
        })
    }

    /// Receives (`quantity` > 0) or issues (`quantity` < 0) stock. An issue of more than is in
    /// stock is refused (`not_enough_stock`); an item no longer stocked takes no moves.
    pub fn move_consumable(
        &self,
        ctx: &Ctx,
        id: i64,
        input: &MoveInput,
    ) -> crate::Result<Consumable> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let item =
                consumables::get(w.conn(), id)?.ok_or_else(|| Error::not_found("consumable"))?;
            if !item.active {
                return Err(refused("inactive", "the item is no longer stocked"));
            }
            if let Some(e) = v.employee_id {
                if checkouts::employee_status(w.conn(), e)?.is_none() {
                    return Err(Error::validation(vec![FieldError::new(
                        "employee_id",
                        "not_found",
                    )]));
                }
            }
            let stock = item.stock + v.quantity;
            if stock < 0 {
                return Err(
                    refused("not_enough_stock", "not enough in stock").with("stock", item.stock)
                );
            }
            consumable_moves::insert(w, id, &v)?;
            consumables::set_stock(w, id, stock)?;
            consumables::get(w.conn(), id)?.ok_or_else(|| Error::not_found("consumable"))
        })
    }

    /// The item's moves, latest first.
    pub fn consumable_moves(
        &self,
        ctx: &Ctx,
        id: i64,
        offset: i64,
        limit: i64,
    ) -> crate::Result<Page<ConsumableMove>> {
        self.inventory_reader(ctx)?;
        self.store
            .read(|c| consumable_moves::of_item(c, id, offset.max(0), limit.clamp(1, MAX_PAGE)))
    }

    /// What was issued to a person, latest first: for them, for those who read staff files and
    /// for those who see the whole inventory.
    pub fn consumables_issued_to(
        &self,
        ctx: &Ctx,
        employee_id: i64,
    ) -> crate::Result<Vec<ConsumableMove>> {
        let own = self
            .store
            .read(|c| crate::store::users::employee_of(c, ctx.user_id))?
            == Some(employee_id);
        if !own && !ctx.can(Area::Staff, Action::Read) {
            self.inventory_reader(ctx)?;
        }
        self.store
            .read(|c| consumable_moves::issued_to(c, employee_id, MAX_ISSUED_LISTED))
    }
}
