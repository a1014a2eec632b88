//! Label sheets as the print dialog offers them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A sheet format the labels can be printed on.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LabelSheetInfo {
    pub id: String,
    pub name: String,
    pub per_page: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LabelRequest {
    pub asset_ids: Vec<i64>,
    pub sheet_id: String,
    /// Positions already used on the first sheet (0 for a fresh one).
    pub start_at: i64,
    /// Draws each label's outline, for a test print on plain paper.
    pub outlines: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LabelsPrinted {
    pub path: String,
    pub pages: i64,
    pub labels: i64,
}
