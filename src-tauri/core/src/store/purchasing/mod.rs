//! Purchasing: categories, suppliers with their categories and contacts.

pub mod categories;
pub mod order_list;
pub mod order_writes;
pub mod orders;
pub mod rules;
pub mod search;
pub mod supplier_contacts;
pub mod supplier_files;
pub mod supplier_list;
pub mod suppliers;
// Supplier invoices.
pub mod invoice_list;
pub mod invoice_search;
pub mod invoice_writes;
pub mod invoices;
