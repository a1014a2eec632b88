//! Types and rules of the business, free of I/O.

pub mod assets;
pub mod attachment;
pub mod attention;
pub mod audits;
pub mod cf_names;
pub mod codice_fiscale;
pub mod department;
pub mod depreciation;
pub mod history;
pub mod iban;
pub mod ipam;
pub mod lockout;
pub mod organisation;
pub mod page;
pub mod password;
pub mod permissions;
pub mod purchasing;
pub mod schedule;
pub mod search;
pub mod staff;
pub mod text;
pub mod users;
pub mod vat;
