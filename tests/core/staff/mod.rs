//! Staff files: employees, catalogues, completeness, exports, imports.

mod bench;
mod catalog;
mod completeness;
mod documents;
pub mod employees;
mod export;
pub mod import;
mod import_bulk;
mod import_cycles;
mod scores_upkeep;

// The fixtures other areas' tests build employees with.
pub use employees::{
    contract_type, course, date, document_type, mario, person, query, staff_app, tax_code_for,
};
