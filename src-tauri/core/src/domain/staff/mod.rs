//! Staff files' rules: the employee record, its catalogues and its completeness, its documents
//! and training, and the import's own choices.

pub mod catalog;
pub mod completeness;
pub mod document;
pub mod employee;
pub mod import;
