//! Importing supplier invoices from FatturaPA files: the report shown before anything is
//! written (per file, per invoice: the supplier found or to create, duplicates, warnings,
//! the signature), the person's choices, and turning a read invoice into one to store. No I/O
//! here: the service reads the files and the store, then calls these.

use super::invoice::SignatureState;
use super::supplier::SupplierInput;
use crate::domain::vat::normalise_partita_iva;
use crate::import::fatturapa::{Party, Problem, Signature};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
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
pub fn supplier_input(p: &Party) -> SupplierInput {
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
