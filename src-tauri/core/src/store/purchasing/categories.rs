//! Purchase categories: the editable list suppliers and order lines are filed under, with the
//! over-receipt tolerance of its goods. Retired, never deleted (see `store::retired_list`).

use crate::domain::permissions::Area;
use crate::domain::purchasing::category::{PurchaseCategory, ValidPurchaseCategory};

crate::retired_list!(
    PurchaseCategory,
    ValidPurchaseCategory,
    "purchase_categories",
    Area::Purchasing,
    "purchase category",
    [over_receipt_bp]
);
