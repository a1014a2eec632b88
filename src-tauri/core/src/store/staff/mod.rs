//! Staff files: employees, their documents' types, training and the completeness scores.

pub mod bulk;
pub mod contract_types;
pub mod courses;
pub mod document_types;
pub mod employees;
pub mod keys;
pub mod list;
pub mod requirements;
pub mod scores;
pub mod training;
