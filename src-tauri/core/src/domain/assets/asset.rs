//! An asset: its identity, purchase, place and status, and the list's query and row.

use super::tag::tag_key;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::{fold_key, Checks};
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetStatus {
    InUse,
    InStock,
    InRepair,
    Retired,
    /// Lost or stolen, on `status_date`.
    Lost,
}

pub const ASSET_STATUSES: [AssetStatus; 5] = [
    AssetStatus::InUse,
    AssetStatus::InStock,
    AssetStatus::InRepair,
    AssetStatus::Retired,
    AssetStatus::Lost,
];

impl AssetStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::InUse => "in_use",
            Self::InStock => "in_stock",
            Self::InRepair => "in_repair",
            Self::Retired => "retired",
            Self::Lost => "lost",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        ASSET_STATUSES.into_iter().find(|k| k.as_str() == s)
    }

    /// Retired, lost or stolen: gone from use, with the date it happened.
    pub fn is_gone(self) -> bool {
        matches!(self, Self::Retired | Self::Lost)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Asset {
    pub id: i64,
    pub tag: String,
    pub name: String,
    pub category_id: i64,
    pub category_it: String,
    pub category_en: Option<String>,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub serial: Option<String>,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub purchase_date: Option<NaiveDate>,
    /// Purchase cost in cents of `currency`.
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub warranty_end: Option<NaiveDate>,
    pub location_id: Option<i64>,
    pub location_path: Option<String>,
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    pub status: AssetStatus,
    pub status_date: Option<NaiveDate>,
    pub notes: Option<String>,
    pub holder_employee_id: Option<i64>,
    pub holder_name: Option<String>,
    pub holder_location_id: Option<i64>,
    pub holder_location_path: Option<String>,
    pub last_checked_on: Option<NaiveDate>,
    pub next_check_on: Option<NaiveDate>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AssetInput {
    pub tag: String,
    pub name: String,
    pub category_id: i64,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub serial: Option<String>,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub purchase_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub currency: Option<String>,
    pub warranty_end: Option<NaiveDate>,
    pub location_id: Option<i64>,
    pub department_id: Option<i64>,
    pub status: AssetStatus,
    pub status_date: Option<NaiveDate>,
    pub notes: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAsset {
    pub tag: String,
    pub tag_key: String,
    pub name: String,
    pub name_key: String,
    pub category_id: i64,
    pub manufacturer: Option<String>,
    pub model: Option<String>,
    pub serial: Option<String>,
    pub supplier_name: Option<String>,
    pub order_number: Option<String>,
    pub purchase_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub currency: String,
    pub warranty_end: Option<NaiveDate>,
    pub location_id: Option<i64>,
    pub department_id: Option<i64>,
    pub status: AssetStatus,
    pub status_date: Option<NaiveDate>,
    pub notes: Option<String>,
}

/// Largest cost an asset may have: ten million in any currency is a typing mistake here.
pub const MAX_COST_CENTS: i64 = 1_000_000_000;

fn valid_tag(tag: &str) -> bool {
    tag.chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_./#".contains(c))
}

impl AssetInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidAsset> {
        let mut c = Checks::default();
        let tag = c.required("tag", &self.tag, 40);
        if !tag.is_empty() && !valid_tag(&tag) {
            c.add(FieldError::new("tag", "bad_tag"));
        }
        let name = c.required("name", &self.name, 200);
        let manufacturer = c.optional("manufacturer", &self.manufacturer, 100);
        let model = c.optional("model", &self.model, 100);
        let serial = c.optional("serial", &self.serial, 100);
        let supplier_name = c.optional("supplier_name", &self.supplier_name, 200);
        let order_number = c.optional("order_number", &self.order_number, 60);
        let notes = c.optional_text("notes", &self.notes, 4000);
        if self.purchase_date.is_some_and(|d| d > today) {
            c.add(FieldError::new("purchase_date", "date_in_future"));
        }
        if let (Some(p), Some(w)) = (self.purchase_date, self.warranty_end) {
            if w < p {
                c.add(FieldError::new("warranty_end", "before_purchase"));
            }
        }
        if let Some(cost) = self.cost_cents {
            if !(0..=MAX_COST_CENTS).contains(&cost) {
                c.add(
                    FieldError::new("cost_cents", "out_of_range")
                        .with("min", 0)
                        .with("max", MAX_COST_CENTS / 100),
                );
            }
        }
        let currency = self
            .currency
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .unwrap_or("EUR")
            .to_uppercase();
        if currency.len() != 3 || !currency.bytes().all(|b| b.is_ascii_uppercase()) {
            c.add(FieldError::new("currency", "bad_currency"));
        }
        // A retired, lost or stolen asset says when; one in use has no such date.
        let status_date = if self.status.is_gone() {
            match self.status_date {
                None => {
                    c.add(FieldError::new("status_date", "required"));
                    None
                }
                Some(d) if d > today => {
                    c.add(FieldError::new("status_date", "date_in_future"));
                    None
                }
                d => d,
            }
        } else {
            None
        };
        c.finish()?;
        Ok(ValidAsset {
            tag_key: tag_key(&tag),
            tag,
            name_key: fold_key(&name),
            name,
            category_id: self.category_id,
            manufacturer,
            model,
            serial,
            supplier_name,
            order_number,
            purchase_date: self.purchase_date,
            cost_cents: self.cost_cents,
            currency,
            warranty_end: self.warranty_end,
            location_id: self.location_id,
            department_id: self.department_id,
            status: self.status,
            status_date,
            notes,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AssetSort {
    Tag,
    Name,
    Category,
    Status,
    Location,
    Holder,
    WarrantyEnd,
    PurchaseDate,
    UpdatedAt,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AssetQuery {
    /// Matches the tag, name, serial or model.
    pub search: Option<String>,
    pub category_id: Option<i64>,
    pub status: Option<AssetStatus>,
    /// The location or any place inside it.
    pub location_id: Option<i64>,
    pub department_id: Option<i64>,
    pub holder_employee_id: Option<i64>,
    /// Only assets whose warranty ends within this many days (already ended ones excluded).
    pub warranty_within_days: Option<i64>,
    pub sort: AssetSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

/// An asset as its list shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AssetRow {
    pub id: i64,
    pub tag: String,
    pub name: String,
    pub category_it: String,
    pub category_en: Option<String>,
    pub model: Option<String>,
    pub serial: Option<String>,
    pub status: AssetStatus,
    pub location_path: Option<String>,
    pub holder_employee_id: Option<i64>,
    pub holder_name: Option<String>,
    pub warranty_end: Option<NaiveDate>,
    pub purchase_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub currency: String,
}
