//! What assets are worth and cost, as the asset's page and the IT reports show it.

use crate::domain::depreciation::{BookValue, YearRow};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AssetValue {
    pub at: NaiveDate,
    pub cost_cents: Option<i64>,
    pub currency: String,
    /// The category's yearly rate, in basis points.
    pub rate_bp: i64,
    /// `None` without a cost and a purchase date.
    pub book: Option<BookValue>,
    /// The depreciation plan, year by year (first year at half rate).
    pub plan: Vec<YearRow>,
    /// Maintenance spent on it (the work log's costs).
    pub maintenance_cents: i64,
    /// Purchase plus maintenance.
    pub total_cost_cents: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CategoryValue {
    pub category_id: i64,
    pub category_it: String,
    pub category_en: Option<String>,
    pub assets: i64,
    pub cost_cents: i64,
    pub book_cents: i64,
    /// Assets priced in another currency, left out of the sums.
    pub other_currency: i64,
}
