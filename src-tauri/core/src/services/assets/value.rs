//! What the inventory is worth and costs: an asset's book value at a date and its
//! depreciation plan, book values per category, and an asset's total cost of ownership
//! (purchase plus maintenance).

use crate::domain::assets::value::{AssetValue, CategoryValue};
use crate::domain::depreciation::{book_value, schedule_rows};
use crate::domain::permissions::Action;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::value as store;
use chrono::NaiveDate;

/// Italian fiscal practice halves the rate in the first year (art. 102 c. 2 TUIR).
const FIRST_YEAR_HALF: bool = true;

impl Backoffice {
    /// The asset's cost, book value at `at` (today by default), depreciation plan and the
    /// maintenance spent on it.
    pub fn asset_value(
        &self,
        ctx: &Ctx,
        id: i64,
        at: Option<NaiveDate>,
    ) -> crate::Result<AssetValue> {
        let who = self.keeper(ctx, Action::Read)?;
        let at = at.unwrap_or_else(|| self.today());
        self.store.read(|c| {
            let a = super::visible_asset(c, &who, id)?;
            let rate = store::rate_of(c, a.category_id)?;
            let maintenance = store::maintenance_cost(c, id)?;
            let (book, plan) = match (a.cost_cents, a.purchase_date) {
                (Some(cost), Some(bought)) => (
                    Some(book_value(cost, bought, rate as u32, at, FIRST_YEAR_HALF)),
                    schedule_rows(cost, bought, rate as u32, FIRST_YEAR_HALF),
                ),
                _ => (None, Vec::new()),
            };
            Ok(AssetValue {
                at,
                cost_cents: a.cost_cents,
                currency: a.currency,
                rate_bp: rate,
                book,
                plan,
                maintenance_cents: maintenance,
                total_cost_cents: a.cost_cents.unwrap_or(0) + maintenance,
            })
        })
    }

    /// Cost and book value at `at` per category, over the assets not retired or lost that have
    /// a cost and a purchase date (in euros; other currencies are left out and counted).
    pub fn book_values(
        &self,
        ctx: &Ctx,
        at: Option<NaiveDate>,
    ) -> crate::Result<Vec<CategoryValue>> {
        // Book values are the whole inventory's: those who see it all.
        self.inventory_reader(ctx)?;
        let at = at.unwrap_or_else(|| self.today());
        let rows = self.store.read(store::costed)?;
        let mut out: Vec<CategoryValue> = Vec::new();
        for r in rows {
            let i = match out.iter().position(|v| v.category_id == r.category_id) {
                Some(i) => i,
                None => {
                    out.push(CategoryValue {
                        category_id: r.category_id,
                        category_it: r.category_it.clone(),
                        category_en: r.category_en.clone(),
                        assets: 0,
                        cost_cents: 0,
                        book_cents: 0,
                        other_currency: 0,
                    });
                    out.len() - 1
                }
            };
            let v = &mut out[i];
            if r.currency != "EUR" {
                v.other_currency += 1;
                continue;
            }
            if r.purchase_date > at {
                continue;
            }
            let b = book_value(
                r.cost_cents,
                r.purchase_date,
                r.rate_bp as u32,
                at,
                FIRST_YEAR_HALF,
            );
            v.assets += 1;
            v.cost_cents += r.cost_cents;
            v.book_cents += b.book_cents;
        }
        out.sort_by_key(|v| std::cmp::Reverse(v.cost_cents));
        Ok(out)
    }
}
