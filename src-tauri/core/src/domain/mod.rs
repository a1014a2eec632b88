//! Types and rules of the business, free of I/O.

pub mod attachment;
pub mod attention;
pub mod catalog;
pub mod cf_names;
pub mod codice_fiscale;
pub mod completeness;
pub mod department;
pub mod employee;
pub mod history;
pub mod iban;
pub mod lockout;
pub mod organisation;
pub mod page;
pub mod password;
pub mod permissions;
pub mod search;
pub mod staff;
pub mod staff_import;
pub mod text;
pub mod users;
pub mod vat;
