//! The lists behind assets: categories with their tag patterns and depreciation rates, and
//! the tree of locations.

use crate::domain::assets::catalog::{
    AssetCategory, AssetCategoryInput, Location, LocationInput, ValidAssetCategory,
};
use crate::domain::depreciation::default_rate_bp;
use crate::domain::permissions::{Action, Area};
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::locations;
use crate::store::retired_list;
use crate::store::versioned::at_version;
use crate::store::WriteTx;

/// Categories every installation starts with: code, Italian, English, tag pattern. Their
/// yearly depreciation is the Italian fiscal coefficient of the kind (see
/// `domain::depreciation::default_rate_bp`); all are editable.
const CATEGORIES: &[(&str, &str, &str, &str)] = &[
    ("laptop", "Portatile", "Laptop", "NB-#####"),
    ("desktop", "Computer fisso", "Desktop", "PC-#####"),
    ("server", "Server", "Server", "SRV-####"),
    ("printer", "Stampante", "Printer", "PRN-####"),
    ("network", "Apparato di rete", "Network device", "NET-####"),
    ("phone", "Telefono", "Phone", "TEL-####"),
    ("monitor", "Monitor", "Monitor", "MON-#####"),
    ("software", "Software", "Software", "SW-####"),
    ("other", "Altro", "Other", "AST-#####"),
];

/// Creates the default categories that are not there yet; a renamed or retired one is left as
/// it is.
pub(crate) fn ensure_defaults(w: &WriteTx) -> crate::Result<()> {
    for &(code, it, en, pattern) in CATEGORIES {
        if retired_list::by_code::<AssetCategory>(w.conn(), code)?.is_none() {
            let v = ValidAssetCategory {
                name_it: it.to_owned(),
                name_en: Some(en.to_owned()),
                tag_pattern: pattern.to_owned(),
                depreciation_bp: default_rate_bp(code).map_or(0, i64::from),
            };
            retired_list::insert::<AssetCategory>(w, Some(code), &v)?;
        }
    }
    Ok(())
}

impl Backoffice {
    pub fn list_asset_categories(
        &self,
        ctx: &Ctx,
        include_inactive: bool,
    ) -> crate::Result<Vec<AssetCategory>> {
        let who = self.keeper(ctx, Action::Read)?;
        let list = self
            .store
            .read(|c| retired_list::list::<AssetCategory>(c, include_inactive))?;
        // A database made before assets existed gets its defaults the first time IT looks.
        if list.is_empty() && who.can_write {
            self.store.write(&ctx.actor, ensure_defaults)?;
            return self
                .store
                .read(|c| retired_list::list::<AssetCategory>(c, include_inactive));
        }
        Ok(list)
    }

    pub fn create_asset_category(
        &self,
        ctx: &Ctx,
        input: &AssetCategoryInput,
    ) -> crate::Result<AssetCategory> {
        self.require(ctx, Area::Assets, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::insert::<AssetCategory>(w, None, &v)
        })
    }

    pub fn update_asset_category(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &AssetCategoryInput,
    ) -> crate::Result<AssetCategory> {
        self.require(ctx, Area::Assets, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            retired_list::update::<AssetCategory>(w, id, version, &v)
        })
    }

    pub fn set_asset_category_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<AssetCategory> {
        self.require(ctx, Area::Assets, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            retired_list::set_active::<AssetCategory>(w, id, version, active)
        })
    }

    pub fn list_locations(&self, ctx: &Ctx, include_retired: bool) -> crate::Result<Vec<Location>> {
        self.keeper(ctx, Action::Read)?;
        self.store.read(|c| locations::list(c, include_retired))
    }

    pub fn create_location(&self, ctx: &Ctx, input: &LocationInput) -> crate::Result<Location> {
        self.require(ctx, Area::Assets, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let id = locations::insert(w, &v)?;
            locations::get(w.conn(), id)?.ok_or_else(|| Error::not_found("location"))
        })
    }

    pub fn update_location(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &LocationInput,
    ) -> crate::Result<Location> {
        self.require(ctx, Area::Assets, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            at_version(locations::get(w.conn(), id)?, "location", version)?;
            locations::update(w, id, &v)?;
            locations::get(w.conn(), id)?.ok_or_else(|| Error::not_found("location"))
        })
    }

    pub fn set_location_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<Location> {
        self.require(ctx, Area::Assets, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(locations::get(w.conn(), id)?, "location", version)?;
            locations::set_active(w, id, active)?;
            locations::get(w.conn(), id)?.ok_or_else(|| Error::not_found("location"))
        })
    }
}
