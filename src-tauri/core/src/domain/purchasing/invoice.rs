//! A supplier invoice as stored and shown (read from a FatturaPA file or entered by hand), and
//! the list's and the due-payments report's queries and rows.

use crate::domain::page::{PageRequest, SortDir};
use crate::import::fatturapa::{Party, Problem};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Where an invoice stands: every invoice starts waiting for its three-way match; accounting
/// approves it for payment once matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceStatus {
    ToMatch,
    Matched,
    ApprovedForPayment,
}

impl InvoiceStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::ToMatch => "to_match",
            Self::Matched => "matched",
            Self::ApprovedForPayment => "approved_for_payment",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::ToMatch, Self::Matched, Self::ApprovedForPayment]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceSource {
    Fatturapa,
    Manual,
}

impl InvoiceSource {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Fatturapa => "fatturapa",
            Self::Manual => "manual",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "fatturapa" => Some(Self::Fatturapa),
            "manual" => Some(Self::Manual),
            _ => None,
        }
    }
}

/// What the original file's signature said when it was imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SignatureState {
    /// A plain XML file (or an invoice entered by hand).
    None,
    /// Intact; the certificate's trust was not checked (that needs the lists online).
    Intact,
    /// Signed with an algorithm the reader does not verify: nothing known of its integrity.
    NotChecked,
}

impl SignatureState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Intact => "intact",
            Self::NotChecked => "not_checked",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::None, Self::Intact, Self::NotChecked]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// The supplier and customer blocks as the file wrote them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceParties {
    pub supplier: Party,
    pub buyer: Party,
}

/// `SupplierInvoiceLine` in TypeScript: the three-way match has its own `InvoiceLine`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "SupplierInvoiceLine")]
pub struct InvoiceLine {
    pub position: i64,
    pub line_number: i64,
    pub item_code: Option<String>,
    pub description: String,
    /// Thousandths of the unit; none for a flat amount.
    pub quantity: Option<i64>,
    /// As written in the file (up to eight decimals), or the typed quantity.
    pub quantity_text: Option<String>,
    pub unit: Option<String>,
    /// Ten-thousandths of the currency unit.
    pub unit_price: i64,
    pub unit_price_text: String,
    /// Discounts and surcharges as written (JSON of the reader's adjustments), if any.
    pub adjustments: Option<String>,
    pub vat_rate_bp: i64,
    pub nature: Option<String>,
    pub total_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceVat {
    pub vat_rate_bp: i64,
    pub nature: Option<String>,
    pub taxable_cents: i64,
    pub tax_cents: i64,
    pub chargeability: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceDue {
    pub due_date: Option<NaiveDate>,
    pub amount_cents: i64,
    /// MP01…MP23.
    pub method: Option<String>,
    pub iban: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceOrderRef {
    pub document_id: String,
    pub date: Option<NaiveDate>,
    pub line_numbers: Vec<i64>,
    /// Our purchase order, when the number is one of ours.
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
}

/// An invoice ready to be written: what the import or the form produced, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewInvoice {
    pub supplier_id: i64,
    pub number: String,
    pub date: NaiveDate,
    pub document_type: String,
    pub currency: String,
    pub taxable_cents: i64,
    pub tax_cents: i64,
    pub total_cents: i64,
    pub stamp_duty_cents: Option<i64>,
    pub source: InvoiceSource,
    pub format: Option<String>,
    pub file_name: Option<String>,
    pub file_sha256: Option<String>,
    pub body_index: Option<i64>,
    pub signature: SignatureState,
    pub signer: Option<String>,
    pub parties: Option<InvoiceParties>,
    pub warnings: Vec<Problem>,
    pub reason: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<InvoiceLine>,
    pub vat: Vec<InvoiceVat>,
    pub dues: Vec<InvoiceDue>,
    pub order_refs: Vec<InvoiceOrderRef>,
}

impl NewInvoice {
    /// The earliest due date, kept on the invoice for the list's sort.
    pub fn first_due_date(&self) -> Option<NaiveDate> {
        self.dues.iter().filter_map(|d| d.due_date).min()
    }
}

/// The same supplier's number on the same date is one invoice (numbers compared as written,
/// without surrounding spaces).
pub fn duplicate_key(supplier_id: i64, number: &str, date: NaiveDate) -> (i64, String, NaiveDate) {
    (supplier_id, number.trim().to_owned(), date)
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SupplierInvoice {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub supplier_vat: Option<String>,
    pub number: String,
    pub invoice_date: NaiveDate,
    pub document_type: String,
    pub currency: String,
    pub taxable_cents: i64,
    pub tax_cents: i64,
    pub total_cents: i64,
    pub stamp_duty_cents: Option<i64>,
    pub first_due_date: Option<NaiveDate>,
    pub source: InvoiceSource,
    pub format: Option<String>,
    pub file_name: Option<String>,
    pub file_sha256: Option<String>,
    pub body_index: Option<i64>,
    pub signature: SignatureState,
    pub signer: Option<String>,
    pub parties: Option<InvoiceParties>,
    pub warnings: Vec<Problem>,
    pub reason: Option<String>,
    pub notes: Option<String>,
    pub status: InvoiceStatus,
    pub lines: Vec<InvoiceLine>,
    pub vat: Vec<InvoiceVat>,
    pub dues: Vec<InvoiceDue>,
    pub order_refs: Vec<InvoiceOrderRef>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceSort {
    Date,
    Total,
    Due,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InvoiceQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<InvoiceSort>,
    pub dir: Option<SortDir>,
    /// Words of the number, of the supplier's name or of the lines' descriptions and codes,
    /// as the order list's search reads them.
    pub search: Option<String>,
    pub status: Option<InvoiceStatus>,
    pub supplier_id: Option<i64>,
    /// Invoice date, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Total in cents, inclusive.
    pub min_total: Option<i64>,
    pub max_total: Option<i64>,
    /// Only invoices waiting for their match or for approval for payment.
    #[serde(default)]
    pub waiting: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoiceRow {
    pub id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub number: String,
    pub invoice_date: NaiveDate,
    pub document_type: String,
    pub total_cents: i64,
    pub currency: String,
    pub first_due_date: Option<NaiveDate>,
    pub status: InvoiceStatus,
    pub source: InvoiceSource,
    pub warning_count: i64,
    /// Differences of its match still to resolve or accept.
    pub open_differences: i64,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct DueQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub dir: Option<SortDir>,
    /// Due date, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub supplier_id: Option<i64>,
}

/// One due payment of the report, by due date.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct DueRow {
    pub invoice_id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub number: String,
    pub invoice_date: NaiveDate,
    pub document_type: String,
    pub due_date: Option<NaiveDate>,
    pub amount_cents: i64,
    pub currency: String,
    pub method: Option<String>,
    pub iban: Option<String>,
    pub status: InvoiceStatus,
}
