//! Purchasing: suppliers and the purchase categories, the orders' printed copies.

pub mod orders;
pub mod outputs;
pub mod suppliers;
// Supplier invoices.
pub mod invoices;
