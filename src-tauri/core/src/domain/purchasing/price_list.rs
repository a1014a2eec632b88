//! A supplier's price list: what an item costs from a minimum quantity, between two dates. An
//! order line is pre-filled from the price that applies to its quantity on the order's date:
//! the valid entry with the highest minimum quantity not above it.

use super::money::{check_discount, normalise_currency};
use super::quantity::QTY_DECIMALS;
use super::vat_rate::{Nature, VatRate};
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SupplierPrice {
    pub id: i64,
    pub supplier_id: i64,
    pub item_code: Option<String>,
    pub description: String,
    pub unit: String,
    pub category_id: Option<i64>,
    /// Ten-thousandths of the currency unit.
    pub unit_price: i64,
    pub currency: String,
    pub discount_bp: i64,
    /// The VAT the supplier charges on it, when the list says; the order line's default.
    pub vat_rate_bp: Option<i64>,
    pub nature: Option<Nature>,
    /// Thousandths: the price holds from this quantity on one line.
    pub min_quantity: i64,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub notes: Option<String>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SupplierPriceInput {
    pub item_code: Option<String>,
    pub description: String,
    pub unit: Option<String>,
    pub category_id: Option<i64>,
    pub unit_price: i64,
    /// EUR when empty.
    pub currency: Option<String>,
    pub discount_bp: i64,
    pub vat_rate_bp: Option<i64>,
    pub nature: Option<Nature>,
    pub min_quantity: i64,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// A checked entry, as the store writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPrice {
    pub item_code: Option<String>,
    pub description: String,
    pub unit: String,
    pub category_id: Option<i64>,
    pub unit_price: i64,
    pub currency: String,
    pub discount_bp: i64,
    pub vat_rate_bp: Option<i64>,
    pub nature: Option<Nature>,
    pub min_quantity: i64,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
    pub notes: Option<String>,
    /// The item's identity within the supplier's list: the code, else the folded description.
    pub item_key: String,
}

/// 999,999,999.999 units: more is a typing slip, not a price break.
const MAX_QUANTITY: i64 = 999_999_999 * 10_i64.pow(QTY_DECIMALS);
/// 99,999,999.9999 per unit.
const MAX_UNIT_PRICE: i64 = 999_999_999_999;

impl SupplierPriceInput {
    pub fn validate(&self) -> crate::Result<ValidPrice> {
        let mut c = Checks::default();
        let item_code = c.optional("item_code", &self.item_code, 60);
        let description = c.required_text("description", &self.description, 1000);
        let unit = c
            .optional("unit", &self.unit, 20)
            .unwrap_or_else(|| "pz".to_owned());
        if self.unit_price < 0 {
            c.add(FieldError::new("unit_price", "negative"));
        } else if self.unit_price > MAX_UNIT_PRICE {
            c.add(FieldError::new("unit_price", "too_large"));
        }
        let currency =
            match normalise_currency("currency", self.currency.as_deref().unwrap_or("EUR")) {
                Ok(cur) => cur,
                Err(e) => {
                    c.add(e);
                    String::new()
                }
            };
        c.errors
            .extend(check_discount("discount_bp", self.discount_bp));
        let nature = match self.vat_rate_bp {
            Some(rate) => match VatRate::for_order("", rate, self.nature) {
                Ok(v) => v.nature,
                Err(e) => {
                    c.add(e);
                    None
                }
            },
            None => None,
        };
        if self.min_quantity < 0 {
            c.add(FieldError::new("min_quantity", "negative"));
        } else if self.min_quantity > MAX_QUANTITY {
            c.add(FieldError::new("min_quantity", "too_large"));
        }
        if let (Some(from), Some(to)) = (self.valid_from, self.valid_to) {
            if to < from {
                c.add(FieldError::new("valid_to", "before_start"));
            }
        }
        let notes = c.optional_text("notes", &self.notes, 2000);
        c.finish()?;
        let item_key = item_key(item_code.as_deref(), &description);
        Ok(ValidPrice {
            item_code,
            description,
            unit,
            category_id: self.category_id,
            unit_price: self.unit_price,
            currency,
            discount_bp: self.discount_bp,
            vat_rate_bp: self.vat_rate_bp,
            nature,
            min_quantity: self.min_quantity,
            valid_from: self.valid_from,
            valid_to: self.valid_to,
            notes,
            item_key,
        })
    }
}

/// One item across its price breaks: the supplier's code when there is one (codes are how
/// suppliers quote), else the description folded to lower case and single spaces.
pub fn item_key(item_code: Option<&str>, description: &str) -> String {
    match item_code {
        Some(code) => format!("#{}", code.trim().to_uppercase()),
        None => description
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase(),
    }
}

/// Whether two validity periods share a day (an open end runs forever).
pub fn periods_overlap(
    a: (Option<NaiveDate>, Option<NaiveDate>),
    b: (Option<NaiveDate>, Option<NaiveDate>),
) -> bool {
    let starts_before_end = |start: Option<NaiveDate>, end: Option<NaiveDate>| match (start, end) {
        (Some(s), Some(e)) => s <= e,
        _ => true,
    };
    starts_before_end(a.0, b.1) && starts_before_end(b.0, a.1)
}

/// Whether an entry holds on `day`.
pub fn valid_on(from: Option<NaiveDate>, to: Option<NaiveDate>, day: NaiveDate) -> bool {
    from.is_none_or(|f| f <= day) && to.is_none_or(|t| day <= t)
}

/// Of one item's breaks valid on the day, the one a line of `quantity` gets: the highest
/// minimum not above it. `None` when the quantity is below every break.
pub fn applicable(
    breaks: &[SupplierPrice],
    quantity: i64,
    day: NaiveDate,
) -> Option<&SupplierPrice> {
    breaks
        .iter()
        .filter(|p| valid_on(p.valid_from, p.valid_to, day) && p.min_quantity <= quantity)
        .max_by_key(|p| (p.min_quantity, p.id))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PriceSort {
    Item,
    Price,
    ValidTo,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct PriceQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<PriceSort>,
    pub dir: Option<SortDir>,
    /// Part of the code or the description.
    pub search: Option<String>,
    /// Only entries valid on this day (today in the list's default view).
    pub valid_on: Option<NaiveDate>,
}

/// A price the order form offers for a line: the entry that applies to the line's quantity
/// on the order's day, or, when the quantity is below every break, the smallest break (so the
/// user sees what ordering more would cost).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PriceSuggestion {
    pub price: SupplierPrice,
    /// False when the line's quantity is below this entry's minimum.
    pub applies: bool,
}

#[cfg(test)]
mod tests;
