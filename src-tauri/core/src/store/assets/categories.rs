//! Asset categories: the editable list an asset's category is chosen from, with the pattern of
//! its tags and its depreciation rate. Retired, never deleted (see `store::retired_list`).

use crate::domain::assets::catalog::{AssetCategory, ValidAssetCategory};
use crate::domain::permissions::Area;

crate::retired_list!(
    AssetCategory,
    ValidAssetCategory,
    "asset_categories",
    Area::Assets,
    "asset category",
    [tag_pattern, depreciation_bp]
);
