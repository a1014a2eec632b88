//! Contract types: the editable list an employee's contract is chosen from.
//! Retired, never deleted: the shared behaviour is in [`crate::store::retired_list`].

use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{ContractType, ValidContractType};
use crate::store::retired_list::{RetiredList, Shared};
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use rusqlite::types::Value;
use rusqlite::Row;

pub static TRACKED: Tracked = Tracked {
    entity: "contract_types",
    guard: Guard::Area(Area::Staff),
    columns: &[
        "id",
        "code",
        "name_it",
        "name_en",
        "name_key",
        "fixed_term",
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

impl RetiredList for ContractType {
    const TABLE: &'static Tracked = &TRACKED;
    const WHAT: &'static str = "contract type";
    const OWN: &'static [&'static str] = &["fixed_term"];
    type Valid = ValidContractType;

    fn read(s: Shared, row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            id: s.id,
            code: s.code,
            name_it: s.name_it,
            name_en: s.name_en,
            fixed_term: row.get(first)?,
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
        vec![Value::Integer(i64::from(v.fixed_term))]
    }

    fn unchanged(&self, v: &Self::Valid) -> bool {
        self.name_it == v.name_it && self.name_en == v.name_en && self.fixed_term == v.fixed_term
    }

    fn active(&self) -> bool {
        self.active
    }
}
