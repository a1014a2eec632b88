//! Purchasing: suppliers and the pure rules behind requisitions, requests for quotation,
//! purchase orders, receipts and the three-way match with supplier invoices. No I/O here: the
//! store keeps the rows and the services call these rules inside their transactions.
//!
//! Amounts are integers: money in cents, unit prices in ten-thousandths of the currency unit,
//! quantities in thousandths, percentages in basis points, exchange rates in millionths.

pub mod approval;
pub mod category;
pub mod decimal;
pub mod line_form;
pub mod match3;
pub mod money;
pub mod numbering;
pub mod order;
pub mod order_state;
pub mod payment_terms;
pub mod performance;
pub mod price_list;
pub mod quantity;
pub mod quote_compare;
pub mod reapproval;
pub mod receipt;
pub mod receiving;
pub mod requisition;
pub mod requisition_state;
pub mod rfq;
pub mod similarity;
pub mod summary_check;
pub mod supplier;
pub mod supplier_checks;
pub mod totals;
pub mod vat_rate;
// Supplier invoices: stored, imported from FatturaPA, entered by hand.
pub mod invoice;
pub mod invoice_from_file;
pub mod invoice_import;
pub mod manual_invoice;
// Three-way match: stored, accepted, approved for payment.
pub mod invoice_match;
pub mod match_reports;
