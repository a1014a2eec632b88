//! Check-out and check-in: an asset handed to a person or placed somewhere, and its return.
//! Every hand-over is a row of its own, so the asset's history lists every holder.

use crate::domain::assets::asset::{Asset, AssetStatus};
use crate::domain::assets::checkout::{CheckinInput, Checkout, CheckoutInput};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::text::Checks;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{asset, checkouts};
use crate::store::versioned::at_version;
use rusqlite::Connection;

fn refused(reason: &str, message: &str) -> Error {
    Error::new(ErrorCode::BadTransition, message.to_owned()).with("reason", reason)
}

fn check_holder(c: &Connection, employee: Option<i64>, location: Option<i64>) -> crate::Result<()> {
    let mut errors = Vec::new();
    if let Some(e) = employee {
        match checkouts::employee_status(c, e)?.as_deref() {
            None => errors.push(FieldError::new("employee_id", "not_found")),
            Some("active") => {}
            Some(_) => errors.push(FieldError::new("employee_id", "not_active")),
        }
    }
    if let Some(l) = location {
        match checkouts::location_active(c, l)? {
            None => errors.push(FieldError::new("location_id", "not_found")),
            Some(false) => errors.push(FieldError::new("location_id", "retired")),
            Some(true) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

impl Backoffice {
    /// Hands the asset to a person or places it somewhere. Refused when it is already out,
    /// retired, lost or stolen.
    pub fn checkout_asset(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &CheckoutInput,
    ) -> crate::Result<Asset> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            let a = at_version(asset::get(w.conn(), id)?, "asset", version)?;
            if a.status.is_gone() {
                return Err(refused(
                    "asset_gone",
                    "a retired or lost asset cannot go out",
                ));
            }
            if checkouts::open_of(w.conn(), id, today)?.is_some() {
                return Err(refused("already_out", "the asset is already checked out"));
            }
            if a.status == AssetStatus::InRepair {
                return Err(refused("in_repair", "the asset is being repaired"));
            }
            check_holder(w.conn(), v.employee_id, v.location_id)?;
            checkouts::insert(w, id, &v)?;
            asset::set_holder(w, id, v.employee_id, v.location_id, AssetStatus::InUse)?;
            asset::require(w.conn(), id)
        })
    }

    /// Takes the asset back into stock.
    pub fn checkin_asset(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &CheckinInput,
    ) -> crate::Result<Asset> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        let mut c = Checks::default();
        let condition = c.optional("condition", &input.condition, 300);
        let note = c.optional_text("note", &input.note, 2000);
        let on = input.in_on.unwrap_or(today);
        if on > today {
            c.add(FieldError::new("in_on", "date_in_future"));
        }
        c.finish()?;
        self.store.write(&ctx.actor, |w| {
            at_version(asset::get(w.conn(), id)?, "asset", version)?;
            let Some(open) = checkouts::open_of(w.conn(), id, today)? else {
                return Err(refused("not_out", "the asset is not checked out"));
            };
            if on < open.out_on {
                return Err(Error::validation(vec![FieldError::new(
                    "in_on",
                    "before_checkout",
                )]));
            }
            checkouts::close(w, open.id, on, &condition, &note)?;
            asset::set_holder(w, id, None, None, AssetStatus::InStock)?;
            asset::require(w.conn(), id)
        })
    }

    /// Everyone and everywhere that held the asset, latest first.
    pub fn asset_holders(
        &self,
        ctx: &Ctx,
        id: i64,
        offset: i64,
        limit: i64,
    ) -> crate::Result<Page<Checkout>> {
        let who = self.keeper(ctx, Action::Read)?;
        let today = self.today();
        self.store.read(|c| {
            super::visible_asset(c, &who, id)?;
            checkouts::of_asset(c, id, today, offset.max(0), limit.clamp(1, 500))
        })
    }

    /// What a person holds now: their file's "Assets" section. People who read staff files
    /// see it, and so does the person themselves.
    pub fn assets_held_by(&self, ctx: &Ctx, employee_id: i64) -> crate::Result<Vec<Checkout>> {
        let own = self
            .store
            .read(|c| crate::store::users::employee_of(c, ctx.user_id))?
            == Some(employee_id);
        if !own {
            self.require(ctx, Area::Staff, Action::Read)?;
        }
        let today = self.today();
        self.store
            .read(|c| checkouts::held_by(c, employee_id, today))
    }
}
