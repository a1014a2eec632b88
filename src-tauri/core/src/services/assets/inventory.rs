//! The inventory: the list, one asset, its form, and the tag to suggest.

use crate::domain::assets::asset::{Asset, AssetInput, AssetQuery, AssetRow, AssetStatus};
use crate::domain::assets::catalog::AssetCategory;
use crate::domain::assets::tag::{next_tag, TagPattern};
use crate::domain::page::Page;
use crate::domain::permissions::Action;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{asset, checkouts, list};
use crate::store::retired_list;
use crate::store::versioned::at_version;

impl Backoffice {
    pub fn list_assets(&self, ctx: &Ctx, q: &AssetQuery) -> crate::Result<Page<AssetRow>> {
        let who = self.keeper(ctx, Action::Read)?;
        let today = self.today();
        self.store.read(|c| list::list(c, q, who.visibility, today))
    }

    pub fn asset(&self, ctx: &Ctx, id: i64) -> crate::Result<Asset> {
        let who = self.keeper(ctx, Action::Read)?;
        self.store.read(|c| super::visible_asset(c, &who, id))
    }

    /// The next free tag of the category's pattern (`PC-00042` after `PC-00041`).
    pub fn next_asset_tag(&self, ctx: &Ctx, category_id: i64) -> crate::Result<String> {
        self.keeper(ctx, Action::Write)?;
        self.store.read(|c| {
            let cat = retired_list::get::<AssetCategory>(c, category_id)?
                .ok_or_else(|| Error::not_found("asset category"))?;
            let pattern = TagPattern::parse(&cat.tag_pattern)
                .ok_or_else(|| Error::field("tag_pattern", "bad_pattern"))?;
            let tags = asset::tags_with_prefix(c, &pattern.key_prefix())?;
            Ok(next_tag(&pattern, tags.iter().map(String::as_str)))
        })
    }

    pub fn create_asset(&self, ctx: &Ctx, input: &AssetInput) -> crate::Result<Asset> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let id = asset::insert(w, &v)?;
            asset::require(w.conn(), id)
        })
    }

    pub fn update_asset(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &AssetInput,
    ) -> crate::Result<Asset> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        let v = input.validate(today)?;
        self.store.write(&ctx.actor, |w| {
            let a = at_version(asset::get(w.conn(), id)?, "asset", version)?;
            // While someone holds it, it is in use or being repaired; it is checked in before
            // it goes to stock, is retired, or is written off as lost.
            let out = checkouts::open_of(w.conn(), id, today)?.is_some();
            if out && !matches!(v.status, AssetStatus::InUse | AssetStatus::InRepair) {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "the asset is checked out; check it in first",
                )
                .with("reason", "asset_checked_out"));
            }
            if a.status != v.status && !out && v.status == AssetStatus::InUse {
                return Err(Error::validation(vec![FieldError::new(
                    "status",
                    "in_use_needs_checkout",
                )]));
            }
            asset::update(w, id, &v)?;
            asset::require(w.conn(), id)
        })
    }
}
