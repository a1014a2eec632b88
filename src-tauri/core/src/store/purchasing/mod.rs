//! Purchasing: categories, suppliers with their categories and contacts.

pub mod categories;
pub mod order_list;
pub mod order_writes;
pub mod orders;
pub mod orders_waiting;
pub mod performance;
pub mod receipt_list;
pub mod receipt_writes;
pub mod receipts;
pub mod rules;
pub mod search;
pub mod supplier_contacts;
pub mod supplier_files;
pub mod supplier_list;
pub mod supplier_prices;
pub mod suppliers;
// Requisitions and requests for quotation.
pub mod requisition_list;
pub mod requisition_writes;
pub mod requisitions;
pub mod rfqs;
// Supplier invoices.
pub mod invoice_list;
pub mod invoice_search;
pub mod invoice_writes;
pub mod invoices;
// Three-way match.
pub mod invoice_matches;
pub mod match_reports;
pub mod match_writes;
