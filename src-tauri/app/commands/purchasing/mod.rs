//! Purchasing: suppliers and the purchase categories, the orders' printed copies.

pub mod orders;
pub mod outputs;
pub mod prices;
pub mod receipts;
pub mod requisitions;
pub mod suppliers;
// Supplier invoices.
pub mod invoices;
// Three-way match and approval for payment.
pub mod invoice_match;
