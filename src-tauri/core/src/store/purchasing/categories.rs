//! Purchase categories: the editable list suppliers and order lines are filed under, with the
//! over-receipt tolerance of its goods. Retired, never deleted (see `store::retired_list`).

use crate::domain::permissions::Area;
use crate::domain::purchasing::category::{PurchaseCategory, ValidPurchaseCategory};
use crate::store::retired_list::{RetiredList, Shared};
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use rusqlite::types::Value;
use rusqlite::Row;

pub static TRACKED: Tracked = Tracked {
    entity: "purchase_categories",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "code",
        "name_it",
        "name_en",
        "name_key",
        "over_receipt_bp",
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

impl RetiredList for PurchaseCategory {
    const TABLE: &'static Tracked = &TRACKED;
    const WHAT: &'static str = "purchase category";
    const OWN: &'static [&'static str] = &["over_receipt_bp"];
    type Valid = ValidPurchaseCategory;

    fn read(s: Shared, row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            id: s.id,
            code: s.code,
            name_it: s.name_it,
            name_en: s.name_en,
            over_receipt_bp: row.get(first)?,
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
        vec![Value::Integer(v.over_receipt_bp)]
    }

    fn unchanged(&self, v: &Self::Valid) -> bool {
        self.name_it == v.name_it
            && self.name_en == v.name_en
            && self.over_receipt_bp == v.over_receipt_bp
    }

    fn active(&self) -> bool {
        self.active
    }
}
