//! The lists behind assets: categories (an editable list whose entries are retired) and
//! locations (sites, buildings, floors and rooms as a tree).

use super::tag::TagPattern;
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AssetCategory {
    pub id: i64,
    /// Set on the categories the app created (`laptop`, `server`…).
    pub code: Option<String>,
    pub name_it: String,
    pub name_en: Option<String>,
    /// How tags look, e.g. `PC-#####`.
    pub tag_pattern: String,
    /// Straight-line depreciation per year, in basis points (2000 = 20 %).
    pub depreciation_bp: i64,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct AssetCategoryInput {
    pub name_it: String,
    pub name_en: Option<String>,
    pub tag_pattern: String,
    pub depreciation_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidAssetCategory {
    pub name_it: String,
    pub name_en: Option<String>,
    pub tag_pattern: String,
    pub depreciation_bp: i64,
}

impl AssetCategoryInput {
    pub fn validate(&self) -> crate::Result<ValidAssetCategory> {
        let mut c = Checks::default();
        let name_it = c.required("name_it", &self.name_it, 100);
        let name_en = c.optional("name_en", &self.name_en, 100);
        let tag_pattern = self.tag_pattern.trim().to_owned();
        if TagPattern::parse(&tag_pattern).is_none() {
            c.add(FieldError::new("tag_pattern", "bad_pattern"));
        }
        if !(0..=10_000).contains(&self.depreciation_bp) {
            c.add(
                FieldError::new("depreciation_bp", "out_of_range")
                    .with("min", 0)
                    .with("max", 100),
            );
        }
        c.finish()?;
        Ok(ValidAssetCategory {
            name_it,
            name_en,
            tag_pattern,
            depreciation_bp: self.depreciation_bp,
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LocationKind {
    Site,
    Building,
    Floor,
    Room,
    Other,
}

pub const LOCATION_KINDS: [LocationKind; 5] = [
    LocationKind::Site,
    LocationKind::Building,
    LocationKind::Floor,
    LocationKind::Room,
    LocationKind::Other,
];

impl LocationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Site => "site",
            Self::Building => "building",
            Self::Floor => "floor",
            Self::Room => "room",
            Self::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        LOCATION_KINDS.into_iter().find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Location {
    pub id: i64,
    pub parent_id: Option<i64>,
    pub kind: LocationKind,
    pub name: String,
    /// The names from the site down, e.g. "Milano › Piano 2 › Sala server".
    pub path: String,
    pub depth: i64,
    pub address: Option<String>,
    pub active: bool,
    /// Assets placed here (not counting the rooms below).
    pub assets: i64,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct LocationInput {
    pub parent_id: Option<i64>,
    pub kind: LocationKind,
    pub name: String,
    pub address: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLocation {
    pub parent_id: Option<i64>,
    pub kind: LocationKind,
    pub name: String,
    pub name_key: String,
    pub address: Option<String>,
}

/// Deepest nesting of locations: site › building › floor › room and a little room to spare.
pub const MAX_DEPTH: i64 = 6;

impl LocationInput {
    pub fn validate(&self) -> crate::Result<ValidLocation> {
        let mut c = Checks::default();
        let name = c.required("name", &self.name, 100);
        let address = c.optional("address", &self.address, 300);
        // A site is the root of a tree; everything else sits inside something.
        if self.kind == LocationKind::Site && self.parent_id.is_some() {
            c.add(FieldError::new("parent_id", "site_has_no_parent"));
        }
        if self.kind != LocationKind::Site && self.parent_id.is_none() {
            c.add(FieldError::new("parent_id", "required"));
        }
        c.finish()?;
        Ok(ValidLocation {
            parent_id: self.parent_id,
            kind: self.kind,
            name_key: crate::domain::text::fold_key(&name),
            name,
            address,
        })
    }
}
