//! Staff files' rules: the employee record, its catalogues and its completeness.

pub mod catalog;
pub mod completeness;
pub mod employee;
