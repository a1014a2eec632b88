//! A physical inventory check: walk a place, confirm each asset by its tag, and see what is
//! missing or turned up from elsewhere.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An asset as the check lists it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CheckedAsset {
    pub id: i64,
    pub tag: String,
    pub name: String,
    pub location_path: Option<String>,
    pub last_checked_on: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InventoryCheckInput {
    pub location_id: i64,
    /// The tags seen, as typed or scanned (any case, duplicates allowed).
    pub tags: Vec<String>,
    /// Today when not given.
    pub on: Option<NaiveDate>,
    /// When the next check falls, in months (1–60).
    pub next_in_months: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InventoryCheckResult {
    /// Expected here and seen.
    pub confirmed: Vec<CheckedAsset>,
    /// Seen here but recorded elsewhere: now recorded here.
    pub moved: Vec<CheckedAsset>,
    /// Expected here, not seen: left as they are, for the person to look for or write off.
    pub missing: Vec<CheckedAsset>,
    /// Tags that name no asset.
    pub unknown: Vec<String>,
    pub next_check_on: NaiveDate,
}
