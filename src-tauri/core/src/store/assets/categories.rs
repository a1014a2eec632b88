//! Asset categories: the editable list an asset's category is chosen from, with the pattern of
//! its tags and its depreciation rate. Retired, never deleted (see `store::retired_list`).

use crate::domain::assets::catalog::{AssetCategory, ValidAssetCategory};
use crate::domain::permissions::Area;
use crate::store::retired_list::{RetiredList, Shared};
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use rusqlite::types::Value;
use rusqlite::Row;

pub static TRACKED: Tracked = Tracked {
    entity: "asset_categories",
    guard: Guard::Area(Area::Assets),
    columns: &[
        "id",
        "code",
        "name_it",
        "name_en",
        "name_key",
        "tag_pattern",
        "depreciation_bp",
        "active",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Bilingual {
        it: "name_it",
        en: "name_en",
    },
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

impl RetiredList for AssetCategory {
    const TABLE: &'static Tracked = &TRACKED;
    const WHAT: &'static str = "asset category";
    const OWN: &'static [&'static str] = &["tag_pattern", "depreciation_bp"];
    type Valid = ValidAssetCategory;

    fn read(s: Shared, row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            id: s.id,
            code: s.code,
            name_it: s.name_it,
            name_en: s.name_en,
            tag_pattern: row.get(first)?,
            depreciation_bp: row.get(first + 1)?,
            active: s.active,
            version: s.version,
            created_at: s.created_at,
            updated_at: s.updated_at,
        })
    }

    fn names(v: &Self::Valid) -> (&str, Option<&str>) {
        (&v.name_it, v.name_en.as_deref())
    }

    fn own_values(v: &Self::Valid) -> Vec<Value> {
        vec![
            Value::Text(v.tag_pattern.clone()),
            Value::Integer(v.depreciation_bp),
        ]
    }

    fn unchanged(&self, v: &Self::Valid) -> bool {
        self.name_it == v.name_it
            && self.name_en == v.name_en
            && self.tag_pattern == v.tag_pattern
            && self.depreciation_bp == v.depreciation_bp
    }

    fn active(&self) -> bool {
        self.active
    }
}
