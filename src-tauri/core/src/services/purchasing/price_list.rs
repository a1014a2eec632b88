//! Suppliers' price lists: a supplier's page of prices, adding, changing and removing an
//! entry, and the prices an order line may take.

use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::category::PurchaseCategory;
use crate::domain::purchasing::price_list::{
    applicable, item_key, periods_overlap, PriceQuery, PriceSuggestion, SupplierPrice,
    SupplierPriceInput, ValidPrice,
};
use crate::domain::purchasing::vat_rate::Nature;
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::{supplier_prices, suppliers};
use crate::store::retired_list;
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use chrono::NaiveDate;
use rusqlite::Connection;

/// Items the order form offers at once: enough to choose from, few enough to read.
const SUGGESTED_ITEMS: i64 = 8;

/// The standard Italian VAT rate, for an order line whose item the supplier's list does not
/// give a rate.
const STANDARD_VAT_BP: i64 = 2_200;

impl Backoffice {
    pub fn supplier_prices(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
        q: &PriceQuery,
    ) -> crate::Result<Page<SupplierPrice>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| {
            suppliers::require(c, supplier_id)?;
            supplier_prices::list(c, supplier_id, q)
        })
    }

    /// Adds an entry (`id` `None`) or saves one over `version`. Two entries of one item with
    /// the same minimum quantity may not hold on the same day: the order form could not tell
    /// which to take.
    pub fn save_supplier_price(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
        id: Option<i64>,
        version: i64,
        input: &SupplierPriceInput,
    ) -> crate::Result<SupplierPrice> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            suppliers::require(w.conn(), supplier_id)?;
            if let Some(id) = id {
                let old = at_version(
                    supplier_prices::get(w.conn(), id)?,
                    "supplier price",
                    version,
                )?;
                if old.supplier_id != supplier_id {
                    return Err(Error::not_found("supplier price"));
                }
                check_category(w, &v, old.category_id)?;
            } else {
                check_category(w, &v, None)?;
            }
            let clash = supplier_prices::same_break(w.conn(), supplier_id, &v, id)?
                .iter()
                .any(|p| periods_overlap((p.valid_from, p.valid_to), (v.valid_from, v.valid_to)));
            if clash {
                return Err(Error::field("valid_from", "overlaps"));
            }
            let id = match id {
                None => supplier_prices::insert(w, supplier_id, &v)?,
                Some(id) => {
                    supplier_prices::update(w, id, &v)?;
                    id
                }
            };
            supplier_prices::get(w.conn(), id)?.ok_or_else(|| Error::not_found("supplier price"))
        })
    }

    pub fn delete_supplier_price(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(
                supplier_prices::get(w.conn(), id)?,
                "supplier price",
                version,
            )?;
            supplier_prices::delete(w, id)
        })
    }

    /// The prices an order line of `quantity` (thousandths) may take from the supplier's list
    /// on `day` (the order's date; today for a new order), for items matching `search`: per
    /// item, the break that applies, or the smallest when the quantity is below every break.
    pub fn price_suggestions(
        &self,
        ctx: &Ctx,
        supplier_id: i64,
        search: &str,
        quantity: i64,
        day: Option<NaiveDate>,
    ) -> crate::Result<Vec<PriceSuggestion>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        let day = day.unwrap_or_else(|| self.today());
        let entries = self.store.read(|c| {
            supplier_prices::matching_items(c, supplier_id, search, day, SUGGESTED_ITEMS)
        })?;
        Ok(suggestions(&entries, quantity, day))
    }
}

/// Entries come sorted by item then minimum quantity: one suggestion per item.
fn suggestions(entries: &[SupplierPrice], quantity: i64, day: NaiveDate) -> Vec<PriceSuggestion> {
    let mut out = Vec::new();
    let mut start = 0;
    while start < entries.len() {
        let first = &entries[start];
        let key = item_key(first.item_code.as_deref(), &first.description);
        let end = entries[start..]
            .iter()
            .position(|p| item_key(p.item_code.as_deref(), &p.description) != key)
            .map_or(entries.len(), |n| start + n);
        let breaks = &entries[start..end];
        let suggestion = match applicable(breaks, quantity, day) {
            Some(p) => PriceSuggestion {
                price: p.clone(),
                applies: true,
            },
            None => PriceSuggestion {
                price: breaks[0].clone(),
                applies: false,
            },
        };
        out.push(suggestion);
        start = end;
    }
    out
}

/// A new entry takes an active category; a saved one may keep the retired one it had.
fn check_category(w: &WriteTx, v: &ValidPrice, had: Option<i64>) -> crate::Result<()> {
    let Some(id) = v.category_id else {
        return Ok(());
    };
    match retired_list::get::<PurchaseCategory>(w.conn(), id)? {
        None => Err(Error::field("category_id", "not_found")),
        Some(c) if !c.active && had != Some(id) => Err(Error::field("category_id", "retired")),
        Some(_) => Ok(()),
    }
}

/// The entry of the supplier's list a line of `quantity` of an item gets on `day` (the item
/// found by its code, else by its description), if the list has one.
pub(super) fn listed(
    c: &Connection,
    supplier_id: i64,
    item_code: Option<&str>,
    description: &str,
    quantity: i64,
    day: NaiveDate,
) -> crate::Result<Option<SupplierPrice>> {
    let breaks = supplier_prices::item_breaks(c, supplier_id, &item_key(item_code, description))?;
    Ok(applicable(&breaks, quantity, day).cloned())
}

/// The VAT of an order line made from a requisition or an offer, which have none: the one the
/// supplier's list gives the item, else the standard rate (the draft can be corrected).
pub(super) fn listed_vat(listed: Option<&SupplierPrice>) -> (i64, Option<Nature>) {
    listed
        .and_then(|p| p.vat_rate_bp.map(|rate| (rate, p.nature)))
        .unwrap_or((STANDARD_VAT_BP, None))
}
