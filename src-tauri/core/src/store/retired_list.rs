//! Editable lists whose entries are retired, never deleted: contract types, document types,
//! courses, asset and purchase categories. Records keep an entry that was retired, history keeps
//! its name, and nothing new is offered it.
//!
//! Every such table has the same shared columns (`id, code, name_it, name_en, name_key, active,
//! version, created_at, updated_at`) plus its own; a list declares only its own columns (the
//! `retired_list!` macro at the end writes its table declaration and its [`RetiredList`]
//! implementation) and gets reading, unique names, insert, update and retire/restore with
//! history from here.

use super::tracked::Tracked;
use super::ts_parse;
use super::tx::WriteTx;
use super::versioned::{at_version, Versioned};
use crate::domain::history::ChangeOp;
use crate::domain::text::fold_key;
use crate::error::Error;
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection, OptionalExtension, Row};

/// The columns every list has, as read (`name_key` is written, never read).
pub struct Shared {
    pub id: i64,
    /// Set on entries the app created (`permanent`, `fixed_term`…); `None` for the user's own.
    pub code: Option<String>,
    pub name_it: String,
    pub name_en: Option<String>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const SHARED: &str = "id, code, name_it, name_en, active, version, created_at, updated_at";
/// Columns read before a list's own.
const SHARED_COUNT: usize = 8;

/// A list whose entries are retired rather than deleted.
pub trait RetiredList: Versioned + Sized {
    /// The table's declaration: its name and history snapshot.
    const TABLE: &'static Tracked;
    /// Names an entry in error messages ("contract type").
    const WHAT: &'static str;
    /// The list's own columns, after the shared ones, in the order `own_values` gives them.
    const OWN: &'static [&'static str];
    /// A validated form.
    type Valid;

    /// The entry from the shared columns and its own, read from `row` starting at `first`.
    fn read(shared: Shared, row: &Row, first: usize) -> rusqlite::Result<Self>;
    /// The Italian (required) and English names of a form.
    fn names(v: &Self::Valid) -> (&str, Option<&str>);
    /// The form's values for [`Self::OWN`].
    fn own_values(v: &Self::Valid) -> Vec<Value>;
    /// Whether saving `v` over this entry would change nothing.
    fn unchanged(&self, v: &Self::Valid) -> bool;
    fn active(&self) -> bool;
}

fn columns<T: RetiredList>() -> String {
    std::iter::once(SHARED)
        .chain(T::OWN.iter().copied())
        .collect::<Vec<_>>()
        .join(", ")
}

fn from_row<T: RetiredList>(r: &Row) -> rusqlite::Result<T> {
    let shared = Shared {
        id: r.get(0)?,
        code: r.get(1)?,
        name_it: r.get(2)?,
        name_en: r.get(3)?,
        active: r.get(4)?,
        version: r.get(5)?,
        created_at: ts_parse(&r.get::<_, String>(6)?)?,
        updated_at: ts_parse(&r.get::<_, String>(7)?)?,
    };
    T::read(shared, r, SHARED_COUNT)
}

fn table<T: RetiredList>() -> &'static str {
    T::TABLE.entity
}

pub fn get<T: RetiredList>(conn: &Connection, id: i64) -> crate::Result<Option<T>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?1",
        columns::<T>(),
        table::<T>()
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([id], from_row::<T>)
        .optional()?)
}

/// The entry the app created with `code`, retired or not.
pub fn by_code<T: RetiredList>(conn: &Connection, code: &str) -> crate::Result<Option<T>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE code = ?1",
        columns::<T>(),
        table::<T>()
    );
    Ok(conn
        .prepare_cached(&sql)?
        .query_row([code], from_row::<T>)
        .optional()?)
}

/// The whole list, by name. A handful of rows; capped all the same.
pub fn list<T: RetiredList>(conn: &Connection, include_retired: bool) -> crate::Result<Vec<T>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE active = 1 OR ?1 ORDER BY name_key, id LIMIT 1000",
        columns::<T>(),
        table::<T>()
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([include_retired], from_row::<T>)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// Two entries of one list may not share a name (compared without case and accents), retired
/// ones included: bringing one back must not make a pair.
fn check_unique<T: RetiredList>(w: &WriteTx, name: &str, own_id: i64) -> crate::Result<()> {
    let sql = format!(
        "SELECT 1 FROM {} WHERE name_key = ?1 AND id <> ?2",
        table::<T>()
    );
    let taken = w
        .conn()
        .prepare_cached(&sql)?
        .query_row(rusqlite::params![fold_key(name), own_id], |_| Ok(()))
        .optional()?
        .is_some();
    if taken {
        return Err(Error::field("name_it", "duplicate"));
    }
    Ok(())
}

fn reread<T: RetiredList>(w: &WriteTx, id: i64) -> crate::Result<T> {
    get(w.conn(), id)?.ok_or_else(|| Error::not_found(T::WHAT))
}

pub fn insert<T: RetiredList>(w: &WriteTx, code: Option<&str>, v: &T::Valid) -> crate::Result<T> {
    let (name_it, name_en) = T::names(v);
    check_unique::<T>(w, name_it, 0)?;
    let own = T::OWN.join(", ");
    let marks: Vec<String> = (0..T::OWN.len()).map(|i| format!("?{}", i + 6)).collect();
    let sql = format!(
        "INSERT INTO {} (code, name_it, name_en, name_key, created_at, updated_at, active, version,
                         {own})
         VALUES (?1, ?2, ?3, ?4, ?5, ?5, 1, 1, {})",
        table::<T>(),
        marks.join(", ")
    );
    let args = [
        code.map_or(Value::Null, |c| Value::Text(c.to_owned())),
        Value::Text(name_it.to_owned()),
        name_en.map_or(Value::Null, |n| Value::Text(n.to_owned())),
        Value::Text(fold_key(name_it)),
        Value::Text(w.now_text()),
    ]
    .into_iter()
    .chain(T::own_values(v));
    w.conn()
        .prepare_cached(&sql)?
        .execute(params_from_iter(args))?;
    let id = w.conn().last_insert_rowid();
    w.record(T::TABLE, id, ChangeOp::Insert, None)?;
    reread(w, id)
}

/// Saves the form over the entry loaded at `expected_version`; nothing is written when nothing
/// changed.
pub fn update<T: RetiredList>(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &T::Valid,
) -> crate::Result<T> {
    let t: T = at_version(get(w.conn(), id)?, T::WHAT, expected_version)?;
    let (name_it, name_en) = T::names(v);
    check_unique::<T>(w, name_it, id)?;
    if t.unchanged(v) {
        return Ok(t);
    }
    let before = w.snapshot(T::TABLE, id)?;
    let own: Vec<String> = T::OWN
        .iter()
        .enumerate()
        .map(|(i, c)| format!(", {c} = ?{}", i + 6))
        .collect();
    let sql = format!(
        "UPDATE {} SET name_it = ?1, name_en = ?2, name_key = ?3, updated_at = ?4,
                version = version + 1{} WHERE id = ?5",
        table::<T>(),
        own.concat()
    );
    let args = [
        Value::Text(name_it.to_owned()),
        name_en.map_or(Value::Null, |n| Value::Text(n.to_owned())),
        Value::Text(fold_key(name_it)),
        Value::Text(w.now_text()),
        Value::Integer(id),
    ]
    .into_iter()
    .chain(T::own_values(v));
    w.conn()
        .prepare_cached(&sql)?
        .execute(params_from_iter(args))?;
    w.record(T::TABLE, id, ChangeOp::Update, before)?;
    reread(w, id)
}

/// Retires (`active = false`) or brings back an entry.
pub fn set_active<T: RetiredList>(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    active: bool,
) -> crate::Result<T> {
    let t: T = at_version(get(w.conn(), id)?, T::WHAT, expected_version)?;
    if t.active() == active {
        return Ok(t);
    }
    let before = w.snapshot(T::TABLE, id)?;
    let sql = format!(
        "UPDATE {} SET active = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
        table::<T>()
    );
    w.conn()
        .prepare_cached(&sql)?
        .execute(rusqlite::params![active, w.now_text(), id])?;
    w.record(T::TABLE, id, ChangeOp::Update, before)?;
    reread(w, id)
}

/// Declares a list on this module: its table (`TRACKED`, the shared columns around its own) and
/// its [`RetiredList`] implementation. The entry and the validated form have the shared fields
/// and one field per own column, named as the column; so a list is its table, its area, what it
/// is called in errors and its own columns, and nothing of the shared part is written again.
///
/// ```ignore
/// retired_list!(Course, ValidCourse, "courses", Area::Staff, "course", [hours, validity_months]);
/// ```
#[macro_export]
macro_rules! retired_list {
    ($entry:ty, $valid:ty, $table:literal, $area:expr, $what:literal, [$($own:ident),+ $(,)?]) => {
        pub static TRACKED: $crate::store::tracked::Tracked = $crate::store::tracked::Tracked {
            entity: $table,
            guard: $crate::store::tracked::Guard::Area($area),
            columns: &[
                "id",
                "code",
                "name_it",
                "name_en",
                "name_key",
                $(stringify!($own),)+
                "active",
                "version",
                "created_at",
                "updated_at",
            ],
            references: &[],
            naming: $crate::store::tracked::Naming::Bilingual {
                it: "name_it",
                en: "name_en",
            },
            dates: &[],
            instants: &[],
            personal: false,
            snapshot: $crate::store::tracked::Snapshot::new(),
        };

        impl $crate::store::retired_list::RetiredList for $entry {
            const TABLE: &'static $crate::store::tracked::Tracked = &TRACKED;
            const WHAT: &'static str = $what;
            const OWN: &'static [&'static str] = &[$(stringify!($own)),+];
            type Valid = $valid;

            fn read(
                s: $crate::store::retired_list::Shared,
                row: &rusqlite::Row,
                first: usize,
            ) -> rusqlite::Result<Self> {
                // The own columns follow the shared ones in the order they are declared.
                let mut at = first;
                let mut next = || {
                    at += 1;
                    at - 1
                };
                Ok(Self {
                    id: s.id,
                    code: s.code,
                    name_it: s.name_it,
                    name_en: s.name_en,
                    $($own: row.get(next())?,)+
                    active: s.active,
                    version: s.version,
                    created_at: s.created_at,
                    updated_at: s.updated_at,
                })
            }

            fn names(v: &Self::Valid) -> (&str, Option<&str>) {
                (&v.name_it, v.name_en.as_deref())
            }

            fn own_values(v: &Self::Valid) -> Vec<rusqlite::types::Value> {
                vec![$(rusqlite::types::Value::from(v.$own.clone())),+]
            }

            fn unchanged(&self, v: &Self::Valid) -> bool {
                self.name_it == v.name_it && self.name_en == v.name_en $(&& self.$own == v.$own)+
            }

            fn active(&self) -> bool {
                self.active
            }
        }
    };
}
