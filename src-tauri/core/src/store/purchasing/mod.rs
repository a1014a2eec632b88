//! Purchasing: categories, suppliers with their categories and contacts.

pub mod categories;
pub mod search;
pub mod supplier_contacts;
pub mod supplier_files;
pub mod supplier_list;
pub mod suppliers;
