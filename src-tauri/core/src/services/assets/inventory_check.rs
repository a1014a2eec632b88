//! Physical inventory checks: the assets expected at a place, and the walk's result recorded
//! in one transaction (each asset seen gets its check dates; one found out of place is moved).

use crate::domain::assets::inventory_check::{
    CheckedAsset, InventoryCheckInput, InventoryCheckResult,
};
use crate::domain::assets::tag::tag_key;
use crate::domain::permissions::Action;
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{asset, list, locations};
use chrono::Months;
use std::collections::BTreeSet;

/// Tags one check records at most.
const MAX_TAGS: usize = 20_000;

impl Backoffice {
    /// What a check of `location_id` expects to find there, by tag.
    pub fn inventory_expected(
        &self,
        ctx: &Ctx,
        location_id: i64,
    ) -> crate::Result<Vec<CheckedAsset>> {
        self.keeper(ctx, Action::Write)?;
        self.store.read(|c| {
            locations::get(c, location_id)?.ok_or_else(|| Error::not_found("location"))?;
            list::expected_at(c, location_id)
        })
    }

    /// Records a walk of `location_id`: every asset seen is checked today and next in
    /// `next_in_months`; one recorded elsewhere is moved here; the rest are reported missing.
    pub fn record_inventory_check(
        &self,
        ctx: &Ctx,
        input: &InventoryCheckInput,
    ) -> crate::Result<InventoryCheckResult> {
        self.keeper(ctx, Action::Write)?;
        let today = self.today();
        let on = input.on.unwrap_or(today);
        let mut errors = Vec::new();
        if on > today {
            errors.push(FieldError::new("on", "date_in_future"));
        }
        if !(1..=60).contains(&input.next_in_months) {
            errors.push(
                FieldError::new("next_in_months", "out_of_range")
                    .with("min", 1)
                    .with("max", 60),
            );
        }
        if input.tags.len() > MAX_TAGS {
            errors.push(FieldError::new("tags", "too_many").with("max", MAX_TAGS));
        }
        if !errors.is_empty() {
            return Err(Error::validation(errors));
        }
        let next = on
            .checked_add_months(Months::new(input.next_in_months as u32))
            .ok_or_else(|| Error::field("next_in_months", "out_of_range"))?;
        let seen: BTreeSet<String> = input
            .tags
            .iter()
            .map(|t| tag_key(t))
            .filter(|t| !t.is_empty())
            .collect();
        self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            locations::get(c, input.location_id)?.ok_or_else(|| Error::not_found("location"))?;
            let expected = list::expected_at(c, input.location_id)?;
            let mut result = InventoryCheckResult {
                confirmed: Vec::new(),
                moved: Vec::new(),
                missing: Vec::new(),
                unknown: Vec::new(),
                next_check_on: next,
            };
            let mut found = BTreeSet::new();
            for a in expected {
                let key = tag_key(&a.tag);
                if seen.contains(&key) {
                    asset::set_checked(w, a.id, on, Some(next), None)?;
                    found.insert(key);
                    result.confirmed.push(a);
                } else {
                    result.missing.push(a);
                }
            }
            for key in seen.difference(&found) {
                match asset::id_by_tag(c, key)? {
                    Some(id) => {
                        let a = asset::require(c, id)?;
                        asset::set_checked(w, id, on, Some(next), Some(input.location_id))?;
                        result.moved.push(CheckedAsset {
                            id,
                            tag: a.tag,
                            name: a.name,
                            location_path: a.location_path,
                            last_checked_on: a.last_checked_on,
                        });
                    }
                    None => result.unknown.push(key.clone()),
                }
            }
            Ok(result)
        })
    }
}
