//! Importing supplier invoices from FatturaPA files: the report shown before anything is
//! written (per file, per invoice: the supplier found or to create, duplicates, warnings,
//! the signature), the person's choices, and turning a read invoice into one to store. No I/O
//! here: the service reads the files and the store, then calls these.

use super::invoice::{
    InvoiceDue, InvoiceLine, InvoiceOrderRef, InvoiceParties, InvoiceSource, InvoiceVat,
    NewInvoice, SignatureState,
};
use super::supplier::SupplierInput;
use crate::domain::vat::normalise_partita_iva;
use crate::import::fatturapa::{Party, Problem, ReadInvoice, Signature};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use ts_rs::TS;

/// Files one import may take: a year of invoices with room to spare.
pub const MAX_FILES: usize = 5_000;

/// How the invoice's supplier (`CedentePrestatore`) stands against our suppliers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SupplierMatch {
    /// One of ours, by VAT number.
    Known { id: i64, name: String },
    /// Not one of ours: offered for creation from the invoice's data (`vat_key`, e.g.
    /// `IT00488410010`, names it in the choices).
    Unknown { vat_key: String },
    /// An Italian VAT number whose check digit is wrong: never created from the file; the
    /// invoice imports only if the person assigns it to one of our suppliers.
    BadVatNumber { vat_key: String },
    /// No VAT number at all (a private person): assigned by hand like the above.
    NoVatNumber,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum InvoiceVerdict {
    /// Will be imported on confirm.
    Ready,
    /// Will be imported on confirm if its supplier is created (the default) or assigned.
    NeedsSupplier,
    /// The same supplier's number and date is already stored: skipped.
    Duplicate,
    /// The same invoice appears earlier in this batch: skipped.
    DuplicateInBatch,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoicePreview {
    pub body_index: i64,
    pub number: String,
    pub date: NaiveDate,
    pub document_type: String,
    pub currency: String,
    pub total_cents: i64,
    pub supplier_name: String,
    pub supplier_vat: Option<String>,
    pub supplier: SupplierMatch,
    pub verdict: InvoiceVerdict,
    /// The stored invoice it duplicates.
    pub duplicate_of: Option<i64>,
    pub line_count: i64,
    /// `DatiOrdineAcquisto/IdDocumento`s; the ones that are our order numbers are linked on
    /// import.
    pub order_refs: Vec<String>,
    pub warnings: Vec<Problem>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FilePreview {
    pub file_index: i64,
    pub file_name: String,
    /// None when the file could not be read at all.
    pub sha256: Option<String>,
    /// Why the whole file is refused; nothing of it is imported.
    pub problem: Option<Problem>,
    pub signature: Option<SignatureState>,
    pub signer: Option<String>,
    pub invoices: Vec<InvoicePreview>,
}

/// A supplier the import offers to create, from the first invoice that names it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SupplierOffer {
    pub vat_key: String,
    pub input: SupplierInput,
    /// Why the card cannot be created as the file gives it (field errors), if so.
    pub problem: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoiceImportPreview {
    pub files: Vec<FilePreview>,
    pub new_suppliers: Vec<SupplierOffer>,
    /// Invoices that will be imported as things stand (suppliers to create counted).
    pub ready: i64,
}

/// One invoice of the batch: the file's place in the batch and the body's in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
pub struct InvoiceKey {
    pub file_index: i64,
    pub body_index: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct InvoiceAssignment {
    pub key: InvoiceKey,
    pub supplier_id: i64,
}

/// What the person decided on the report.
#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct InvoiceImportChoices {
    /// The offered suppliers to create (by `vat_key`); invoices of the others are skipped.
    #[serde(default)]
    pub create_suppliers: Vec<String>,
    /// Invoices given to one of our suppliers by hand (a wrong or missing VAT number).
    #[serde(default)]
    pub assign: Vec<InvoiceAssignment>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ImportedInvoice {
    pub id: i64,
    pub file_name: String,
    pub number: String,
    pub supplier_name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Duplicate,
    DuplicateInBatch,
    /// Its supplier was neither created nor assigned.
    NoSupplier,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SkippedInvoice {
    pub file_name: String,
    pub body_index: i64,
    pub number: String,
    pub reason: SkipReason,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct InvoiceImportOutcome {
    pub imported: Vec<ImportedInvoice>,
    pub suppliers_created: i64,
    pub skipped: Vec<SkippedInvoice>,
    /// Files refused as a whole (listed; nothing of them imported).
    pub refused: Vec<Problem>,
}

/// The VAT number as suppliers store it: country and code, letters upper-cased, spaces out.
pub fn vat_key(p: &Party) -> Option<String> {
    let code = p.vat_code.as_deref()?;
    let country = p.vat_country.as_deref().unwrap_or("IT");
    let key: String = format!("{country}{code}")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    Some(key.to_uppercase())
}

/// How the invoice's supplier stands, given our supplier (id, name) with its VAT key if any.
pub fn supplier_match(p: &Party, known: Option<(i64, String)>) -> SupplierMatch {
    let Some(key) = vat_key(p) else {
        return SupplierMatch::NoVatNumber;
    };
    if let Some((id, name)) = known {
        return SupplierMatch::Known { id, name };
    }
    let italian = p
        .vat_country
        .as_deref()
        .unwrap_or("IT")
        .eq_ignore_ascii_case("IT");
    if italian
        && p.vat_code
            .as_deref()
            .and_then(normalise_partita_iva)
            .is_none()
    {
        SupplierMatch::BadVatNumber { vat_key: key }
    } else {
        SupplierMatch::Unknown { vat_key: key }
    }
}

/// A supplier's card from the invoice's `CedentePrestatore`.
pub fn supplier_input(p: &Party, recipient_pec: Option<&str>) -> SupplierInput {
    let _ = recipient_pec;
    let a = p.address.as_ref();
    let country = p
        .vat_country
        .clone()
        .or_else(|| a.map(|a| a.country.clone()));
    let italian = country.as_deref().unwrap_or("IT") == "IT";
    SupplierInput {
        name: p.name.clone(),
        // Italian numbers are typed without their prefix; foreign ones keep it.
        vat_number: p.vat_code.as_ref().map(|c| {
            if italian {
                c.clone()
            } else {
                format!("{}{c}", country.as_deref().unwrap_or_default())
            }
        }),
        fiscal_code: p.codice_fiscale.clone().filter(|_| italian),
        street: a.map(|a| a.street.clone()),
        postcode: a.map(|a| a.postcode.clone()).filter(|_| italian),
        city: a.map(|a| a.city.clone()),
        province: a.and_then(|a| a.province.clone()),
        country,
        email: p.email.clone(),
        ..SupplierInput::default()
    }
}

/// What the file says of the signature, as stored.
pub fn signature_state(s: &Signature) -> (SignatureState, Option<String>) {
    match s {
        Signature::None => (SignatureState::None, None),
        Signature::IntactTrustNotChecked { signer } => (SignatureState::Intact, signer.clone()),
        Signature::NotChecked { signer, .. } => (SignatureState::NotChecked, signer.clone()),
    }
}

/// The file an invoice came from.
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub sha256: &'a str,
    pub signature: &'a Signature,
}

fn decimal_at(d: crate::import::fatturapa::Decimal, scale: u8) -> i64 {
    // The reader keeps at most eight decimals of at most 12 integer digits: always fits.
    d.rounded(scale).map_or(0, |(v, _)| v)
}

/// A read invoice as it will be stored for `supplier_id`; `orders` maps our order numbers to
/// their ids, so a reference to one of ours is linked.
pub fn new_invoice(
    inv: &ReadInvoice,
    supplier_id: i64,
    file: &SourceFile,
    orders: &HashMap<String, (i64, String)>,
) -> NewInvoice {
    let taxable: i64 = inv.vat_summary.iter().map(|r| r.taxable_cents).sum();
    let tax: i64 = inv.vat_summary.iter().map(|r| r.tax_cents).sum();
    let total = inv
        .total_cents
        .unwrap_or(taxable + tax + inv.stamp_duty_cents.unwrap_or(0));
    let (signature, signer) = signature_state(file.signature);
    let lines = inv
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| InvoiceLine {
            position: i64::try_from(i).unwrap_or(i64::MAX) + 1,
            line_number: l.number,
            item_code: l.code.clone(),
            description: l.description.clone(),
            quantity: l.quantity.map(|q| decimal_at(q, 3)),
            quantity_text: l.quantity.map(|q| q.to_string()),
            unit: l.unit.clone(),
            unit_price: decimal_at(l.unit_price, 4),
            unit_price_text: l.unit_price.to_string(),
            adjustments: (!l.adjustments.is_empty())
                .then(|| serde_json::to_string(&l.adjustments).unwrap_or_default()),
            vat_rate_bp: l.vat_rate_bp,
            nature: l.nature.clone(),
            total_cents: l.total_cents,
        })
        .collect();
    NewInvoice {
        supplier_id,
        number: inv.number.trim().to_owned(),
        date: inv.date,
        document_type: inv.document_type.code().to_owned(),
        currency: inv.currency.clone(),
        taxable_cents: taxable,
        tax_cents: tax,
        total_cents: total,
        stamp_duty_cents: inv.stamp_duty_cents,
        source: InvoiceSource::Fatturapa,
        format: Some(
            match inv.format {
                crate::import::fatturapa::Format::Fpr12 => "FPR12",
                crate::import::fatturapa::Format::Fpa12 => "FPA12",
            }
            .to_owned(),
        ),
        file_name: Some(file.name.to_owned()),
        file_sha256: Some(file.sha256.to_owned()),
        body_index: Some(inv.body_index),
        signature,
        signer,
        parties: Some(InvoiceParties {
            supplier: inv.supplier.clone(),
            buyer: inv.buyer.clone(),
        }),
        warnings: inv.warnings.clone(),
        reason: inv.reason.clone(),
        notes: None,
        lines,
        vat: inv
            .vat_summary
            .iter()
            .map(|r| InvoiceVat {
                vat_rate_bp: r.vat_rate_bp,
                nature: r.nature.clone(),
                taxable_cents: r.taxable_cents,
                tax_cents: r.tax_cents,
                chargeability: r.chargeability.clone(),
            })
            .collect(),
        dues: inv
            .payments
            .iter()
            .map(|p| InvoiceDue {
                due_date: p.due_date,
                amount_cents: p.amount_cents,
                method: Some(p.method.clone()),
                iban: p.iban.clone(),
            })
            .collect(),
        order_refs: inv
            .order_refs
            .iter()
            .map(|r| {
                let ours = orders.get(&order_number_key(&r.document_id));
                InvoiceOrderRef {
                    document_id: r.document_id.clone(),
                    date: r.date,
                    line_numbers: r.line_numbers.clone(),
                    order_id: ours.map(|o| o.0),
                    order_number: ours.map(|o| o.1.clone()),
                }
            })
            .collect(),
    }
}

/// An order number as the supplier may write ours (`oa-2026-0001 `): trimmed, upper-cased.
pub fn order_number_key(s: &str) -> String {
    s.trim().to_uppercase()
}
