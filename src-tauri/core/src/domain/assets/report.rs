//! The IT reports: the inventory counted by status, category, location or department, the
//! total cost of ownership per asset, and what expires soon.

use crate::domain::assets::asset::{AssetRow, AssetStatus};
use crate::domain::assets::licence::Licence;
use crate::domain::page::{PageRequest, SortDir};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the inventory is counted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "AssetReportGrouping")]
pub enum Grouping {
    Status,
    Category,
    /// The site (the top of the location tree) each asset is in.
    Site,
    /// The place itself each asset is recorded at (a room, a floor…), as its path.
    Room,
    Department,
}

impl Grouping {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Status => "status",
            Self::Category => "category",
            Self::Site => "site",
            Self::Room => "room",
            Self::Department => "department",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "AssetStatusCount")]
pub struct StatusCount {
    pub status: AssetStatus,
    pub count: i64,
}

/// Purchase costs of one currency, in its cents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CurrencyTotal {
    pub currency: String,
    pub cost_cents: i64,
}

/// One group of the report: a status, category, site, place or department, or none (assets
/// with no location or department).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "AssetReportGroup")]
pub struct ReportGroup {
    /// The category, location or department; `None` for a status group and for "none".
    pub id: Option<i64>,
    /// Set on the groups by status.
    pub status: Option<AssetStatus>,
    /// The group's name (Italian for categories, with `name_en` beside); empty for a status
    /// group and for "none".
    pub name: String,
    pub name_en: Option<String>,
    pub count: i64,
    /// Counts per status, statuses with none left out.
    pub by_status: Vec<StatusCount>,
    /// Purchase costs per currency, of the assets that have one.
    pub costs: Vec<CurrencyTotal>,
}

/// The order of the cost-of-ownership list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TcoSort {
    Total,
    Purchase,
    Maintenance,
    Tag,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct TcoQuery {
    pub category_id: Option<i64>,
    pub sort: TcoSort,
    pub dir: SortDir,
    pub page: PageRequest,
}

impl Default for TcoQuery {
    fn default() -> Self {
        Self {
            category_id: None,
            sort: TcoSort::Total,
            dir: SortDir::Desc,
            page: PageRequest::default(),
        }
    }
}

/// An asset with what it cost to buy and to keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TcoRow {
    pub id: i64,
    pub tag: String,
    pub name: String,
    pub category_it: String,
    pub category_en: Option<String>,
    pub status: AssetStatus,
    pub cost_cents: Option<i64>,
    pub currency: String,
    /// The work log's costs on it.
    pub maintenance_cents: i64,
    /// Purchase plus maintenance.
    pub total_cents: i64,
}

/// Warranties and licences ending within `days` from `today`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "ExpiringReport")]
pub struct Expiring {
    pub days: i64,
    /// The person's visible assets whose warranty ends in the window, soonest first.
    pub warranties: Vec<AssetRow>,
    pub warranties_total: i64,
    /// Licences in use ending in the window (or ended with seats still held); empty for those
    /// who do not read the software inventory.
    pub licences: Vec<Licence>,
}
