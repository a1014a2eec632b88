//! Paged results: every list query has a limit, and the UI asks for one window at a time.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Largest page the UI may request; a caller asking for more gets this many.
pub const MAX_PAGE: i64 = 500;

#[derive(Debug, Clone, Serialize, TS)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Number of rows matching the filter, across all pages.
    pub total: i64,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, TS)]
pub struct PageRequest {
    pub offset: i64,
    pub limit: i64,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            offset: 0,
            limit: 50,
        }
    }
}

impl PageRequest {
    /// Clamps to sane bounds so a bad request can never ask SQLite for a whole table.
    pub fn clamped(self) -> (i64, i64) {
        (self.offset.max(0), self.limit.clamp(1, MAX_PAGE))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    Asc,
    Desc,
}

impl SortDir {
    pub fn sql(self) -> &'static str {
        match self {
            SortDir::Asc => "ASC",
            SortDir::Desc => "DESC",
        }
    }
}
