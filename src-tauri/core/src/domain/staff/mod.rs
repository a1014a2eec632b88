//! Staff files' rules: the employee record, its catalogues and its completeness, and the
//! import's own choices.

pub mod catalog;
pub mod completeness;
pub mod employee;
pub mod import;
