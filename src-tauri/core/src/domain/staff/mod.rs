//! Staff files: the rules of the staff area.

pub mod document;
