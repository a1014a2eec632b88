//! Consumables and accessories (toner, cables, keyboards): a stock count per item and every
//! movement in and out.

use super::licence::{check_cost, currency_code};
use crate::domain::page::PageRequest;
use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConsumableCategory {
    Toner,
    Cable,
    Peripheral,
    Other,
}

pub const CONSUMABLE_CATEGORIES: [ConsumableCategory; 4] = [
    ConsumableCategory::Toner,
    ConsumableCategory::Cable,
    ConsumableCategory::Peripheral,
    ConsumableCategory::Other,
];

impl ConsumableCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Toner => "toner",
            Self::Cable => "cable",
            Self::Peripheral => "peripheral",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        CONSUMABLE_CATEGORIES.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Consumable {
    pub id: i64,
    pub name: String,
    pub category: ConsumableCategory,
    /// "pz", "conf."…
    pub unit: String,
    pub stock: i64,
    pub min_level: i64,
    /// Below its minimum level.
    pub low: bool,
    pub location_id: Option<i64>,
    pub location_path: Option<String>,
    pub supplier_name: Option<String>,
    /// Cost of one unit in cents of `currency`.
    pub unit_cost_cents: Option<i64>,
    pub currency: String,
    pub notes: Option<String>,
    pub active: bool,
    pub version: i64,
    pub updated_at: DateTime<Utc>,
}

/// The item's description; its stock moves only through received and issued moves.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ConsumableInput {
    pub name: String,
    pub category: ConsumableCategory,
    pub unit: String,
    pub min_level: i64,
    pub location_id: Option<i64>,
    pub supplier_name: Option<String>,
    pub unit_cost_cents: Option<i64>,
    pub currency: Option<String>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidConsumable {
    pub name: String,
    pub name_key: String,
    pub category: ConsumableCategory,
    pub unit: String,
    pub min_level: i64,
    pub location_id: Option<i64>,
    pub supplier_name: Option<String>,
    pub unit_cost_cents: Option<i64>,
    pub currency: String,
    pub notes: Option<String>,
}

/// More than any store room holds: a typing mistake.
pub const MAX_QUANTITY: i64 = 1_000_000;

impl ConsumableInput {
    pub fn validate(&self) -> crate::Result<ValidConsumable> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 200);
        let unit = c.required("unit", &self.unit, 20);
        if !(0..=MAX_QUANTITY).contains(&self.min_level) {
            c.add(
                FieldError::new("min_level", "out_of_range")
                    .with("min", 0)
                    .with("max", MAX_QUANTITY),
            );
        }
        let supplier_name = c.optional("supplier_name", &self.supplier_name, 200);
        check_cost(&mut c, "unit_cost_cents", self.unit_cost_cents);
        let currency = currency_code(&self.currency);
        if currency.is_none() {
            c.add(FieldError::new("currency", "bad_currency"));
        }
        let notes = c.optional_text("notes", &self.notes, 4000);
        c.finish()?;
        Ok(ValidConsumable {
            name_key: fold_key(&name),
            name,
            category: self.category,
            unit,
            min_level: self.min_level,
            location_id: self.location_id,
            supplier_name,
            unit_cost_cents: self.unit_cost_cents,
            currency: currency.unwrap_or_default(),
            notes,
        })
    }
}

/// Stock received (`quantity` > 0) or issued (`quantity` < 0, optionally to a person).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct MoveInput {
    pub quantity: i64,
    pub employee_id: Option<i64>,
    /// Today when not given.
    pub moved_on: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidMove {
    pub quantity: i64,
    pub employee_id: Option<i64>,
    pub moved_on: NaiveDate,
    pub note: Option<String>,
}

impl MoveInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidMove> {
        let mut c = Checks::default();
        if self.quantity == 0 || self.quantity.abs() > MAX_QUANTITY {
            c.add(
                FieldError::new("quantity", "out_of_range")
                    .with("min", 1)
                    .with("max", MAX_QUANTITY),
            );
        }
        if self.employee_id.is_some() && self.quantity > 0 {
            c.add(FieldError::new("employee_id", "only_when_issued"));
        }
        let moved_on = self.moved_on.unwrap_or(today);
        if moved_on > today {
            c.add(FieldError::new("moved_on", "date_in_future"));
        }
        let note = c.optional_text("note", &self.note, 2000);
        c.finish()?;
        Ok(ValidMove {
            quantity: self.quantity,
            employee_id: self.employee_id,
            moved_on,
            note,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ConsumableMove {
    pub id: i64,
    pub consumable_id: i64,
    pub consumable_name: String,
    pub unit: String,
    /// Received (+) or issued (-).
    pub quantity: i64,
    pub employee_id: Option<i64>,
    pub employee_name: Option<String>,
    pub moved_on: NaiveDate,
    pub note: Option<String>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ConsumableQuery {
    /// Matches the name.
    pub search: Option<String>,
    pub category: Option<ConsumableCategory>,
    /// Only items below their minimum level.
    pub low_only: bool,
    /// Items no longer stocked too.
    pub include_inactive: bool,
    pub page: PageRequest,
}
