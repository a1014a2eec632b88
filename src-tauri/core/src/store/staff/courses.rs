//! Courses: the training an employee can complete, with its hours and validity.
//! Retired, never deleted: the shared behaviour is in [`crate::store::retired_list`].

use crate::domain::permissions::Area;
use crate::domain::staff::catalog::{Course, ValidCourse};
use crate::store::retired_list::{RetiredList, Shared};
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use rusqlite::types::Value;
use rusqlite::Row;

pub static TRACKED: Tracked = Tracked {
    entity: "courses",
    guard: Guard::Area(Area::Staff),
    columns: &[
        "id",
        "code",
        "name_it",
        "name_en",
        "name_key",
        "hours",
        "validity_months",
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

impl RetiredList for Course {
    const TABLE: &'static Tracked = &TRACKED;
    const WHAT: &'static str = "course";
    const OWN: &'static [&'static str] = &["hours", "validity_months"];
    type Valid = ValidCourse;

    fn read(s: Shared, row: &Row, first: usize) -> rusqlite::Result<Self> {
        Ok(Self {
            id: s.id,
            code: s.code,
            name_it: s.name_it,
            name_en: s.name_en,
            hours: row.get(first)?,
            validity_months: row.get(first + 1)?,
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
            Value::Integer(v.hours),
            v.validity_months.map_or(Value::Null, Value::Integer),
        ]
    }

    fn unchanged(&self, v: &Self::Valid) -> bool {
        self.name_it == v.name_it
            && self.name_en == v.name_en
            && self.hours == v.hours
            && self.validity_months == v.validity_months
    }

    fn active(&self) -> bool {
        self.active
    }
}
