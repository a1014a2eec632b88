//! Types and rules of the business, free of I/O.

pub mod department;
pub mod history;
pub mod organisation;
pub mod page;
pub mod text;
pub mod vat;
