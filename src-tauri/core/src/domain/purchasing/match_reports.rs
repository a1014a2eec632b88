//! The three-way match's reports: order lines received and not yet invoiced.

use crate::domain::page::{PageRequest, SortDir};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ToInvoiceSort {
    OrderDate,
    Supplier,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ToInvoiceQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<ToInvoiceSort>,
    pub dir: Option<SortDir>,
    pub supplier_id: Option<i64>,
}

/// An order line with goods received beyond what was invoiced (net of credit notes).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ToInvoiceRow {
    pub order_id: i64,
    pub order_number: Option<String>,
    pub order_date: NaiveDate,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub line_no: i64,
    pub description: String,
    pub unit: String,
    /// Thousandths.
    pub received: i64,
    pub invoiced: i64,
    /// The net value of what is received and not invoiced, cents of the order's currency.
    pub to_invoice_cents: i64,
    pub currency: String,
}
