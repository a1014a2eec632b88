//! Purchasing: suppliers and their categories today; requisitions, orders, receipts and
//! supplier invoices build on them. Purchasing writes; accounting & audit and managers read
//! everything; administrators set the rules.

pub(crate) mod attention;
mod catalog;
pub(crate) mod order_pdf;
mod orders;
mod rules;
mod suppliers;

pub(crate) use catalog::ensure_defaults;
// Supplier invoices.
pub(crate) mod invoice_files;
mod invoice_import;
mod invoice_plan;
mod invoices;
