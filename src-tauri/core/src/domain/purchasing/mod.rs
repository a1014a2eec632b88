//! Purchasing: suppliers, requisitions, orders, receipts and supplier invoices.

pub mod category;
pub mod supplier;
pub mod supplier_checks;
