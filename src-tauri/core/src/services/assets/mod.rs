//! IT assets: the inventory, its lists, and who holds what. IT and administrators write;
//! managers read the assets of their departments; everyone sees what they hold
//! (see `store::assets::list::Visibility`). Maintenance plans and their work log are read by
//! whoever reads assets.

pub(crate) mod attention;
pub(crate) mod attention_inventory;
pub(crate) mod attention_licences;
mod catalog;
mod checkout;
mod consumables;
mod export;
mod export_words;
pub mod import;
mod import_check;
pub mod import_fields;
mod import_lookups;
mod import_read;
mod import_words;
mod import_write;
mod inventory;
mod inventory_check;
mod labels;
pub mod licence_import;
mod licence_import_check;
mod licences;
mod list_exports;
pub mod location_import;
mod location_import_fields;
mod location_import_plan;
mod maintenance;
mod maintenance_export;
mod maintenance_work;
mod map_export;
mod network;
mod report;
mod report_export;
mod scan;
mod seats;
pub mod user_import;
mod value;

use crate::domain::permissions::{Action, Area, Role};
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::list::{self, Visibility};
use crate::store::users;
use rusqlite::Connection;

pub(crate) use catalog::ensure_defaults;

/// What the person acting may see and do in assets.
pub(crate) struct Keeper {
    pub visibility: Visibility,
    pub can_write: bool,
}

impl Backoffice {
    /// Says which assets the person sees. Anyone signed in sees the assets they hold, so
    /// reading needs no permission here; writing does.
    pub(crate) fn keeper(&self, ctx: &Ctx, action: Action) -> crate::Result<Keeper> {
        if action != Action::Read {
            self.require(ctx, Area::Assets, action)?;
        }
        let can_write = ctx.can(Area::Assets, Action::Write);
        // Accounting reads book values and purchasing receives into the inventory: both see it
        // whole, like IT; a manager sees their departments; the rest see what they hold.
        let whole = can_write
            || ctx
                .roles
                .iter()
                .any(|r| matches!(r, Role::Accounting | Role::Purchasing));
        let visibility = if whole {
            Visibility::All
        } else {
            let employee_id = self.store.read(|c| users::employee_of(c, ctx.user_id))?;
            if ctx.roles.contains(&Role::Manager) {
                Visibility::Managed { employee_id }
            } else {
                Visibility::Own { employee_id }
            }
        };
        Ok(Keeper {
            visibility,
            can_write,
        })
    }
}

/// The asset, when the person may see it; `not_found` otherwise, so nobody learns of assets
/// outside their view.
pub(crate) fn visible_asset(
    c: &Connection,
    who: &Keeper,
    id: i64,
) -> crate::Result<crate::domain::assets::asset::Asset> {
    if !list::visible(c, id, who.visibility)? {
        return Err(Error::not_found("asset"));
    }
    crate::store::assets::asset::require(c, id)
}
