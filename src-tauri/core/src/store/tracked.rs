//! The tables whose rows history follows, and how each row is turned into its JSON snapshot.
//!
//! The same SQL snapshot is written into history and recomputed by verify, so a row edited
//! outside the app no longer matches its last recorded "after" and is caught.

pub struct Tracked {
    pub entity: &'static str,
    /// A `json_object(...)` expression over the row's columns, every column included.
    pub snapshot_sql: &'static str,
}

pub const TRACKED: &[&Tracked] = &[
    &super::organisation::TRACKED,
    &super::departments::TRACKED,
    &super::preferences::TRACKED,
    &super::users::TRACKED,
    &super::contract_types::TRACKED,
    &super::document_types::TRACKED,
    &super::courses::TRACKED,
    &super::employees::TRACKED,
    &super::documents::TRACKED,
    &super::training::TRACKED,
    &super::requirements::TRACKED,
];
