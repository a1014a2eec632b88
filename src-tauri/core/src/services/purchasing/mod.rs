//! Purchasing: suppliers and their categories today; requisitions, orders, receipts and
//! supplier invoices build on them. Purchasing writes; accounting & audit and managers read
//! everything; administrators set the rules.

pub(crate) mod attention;
mod catalog;
pub(crate) mod order_attention;
pub(crate) mod order_pdf;
mod orders;
mod price_list;
mod receipt_lists;
mod receipt_reversal;
mod receipts;
mod rules;
mod suppliers;
mod waiting;

pub(crate) use catalog::ensure_defaults;

// Requisitions and requests for quotation.
pub(crate) mod requisition_attention;
mod requisitions;
pub(crate) mod rfq_pdf;
mod rfqs;
// Supplier invoices.
pub(crate) mod invoice_files;
mod invoice_import;
mod invoice_plan;
mod invoices;
// Three-way match and approval for payment.
pub(crate) mod invoice_attention;
mod invoice_match;
mod invoice_payment;
