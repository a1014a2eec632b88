//! Staff files: the employee, their documents and training, and how files bring them in.

pub mod import;
