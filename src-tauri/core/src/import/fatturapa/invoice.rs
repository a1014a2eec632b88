//! One invoice as read from a FatturaPA file: the header's parties with one body's data.
//! Money is in cents of `currency`; dates are calendar dates; nothing here is corrected.

use super::amount::Decimal;
use super::problem::Problem;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// `TipoDocumento`, TD01…TD29 as published; the codes without a variant of their own are kept
/// as written. It crosses to the UI as its code (`"TD04"`), which the UI translates.
#[derive(Debug, Clone, PartialEq, Eq, TS)]
#[ts(rename = "FatturaPaDocumentType", type = "string")]
pub enum DocumentType {
    /// TD01 invoice.
    Invoice,
    /// TD02 advance on an invoice.
    AdvanceOnInvoice,
    /// TD03 advance on a fee.
    AdvanceOnFee,
    /// TD04 credit note.
    CreditNote,
    /// TD05 debit note.
    DebitNote,
    /// TD06 fee note (parcella).
    Fee,
    /// TD16…TD29 and the other published codes, by their code (TD24 deferred invoice, TD17
    /// reverse-charge self-invoices…): kept as written.
    Other(String),
}

impl Serialize for DocumentType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl DocumentType {
    /// The published codes this reader accepts.
    pub fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "TD01" => Self::Invoice,
            "TD02" => Self::AdvanceOnInvoice,
            "TD03" => Self::AdvanceOnFee,
            "TD04" => Self::CreditNote,
            "TD05" => Self::DebitNote,
            "TD06" => Self::Fee,
            "TD07" | "TD08" | "TD09" | "TD16" | "TD17" | "TD18" | "TD19" | "TD20" | "TD21"
            | "TD22" | "TD23" | "TD24" | "TD25" | "TD26" | "TD27" | "TD28" | "TD29" => {
                Self::Other(code.to_owned())
            }
            _ => return None,
        })
    }

    pub fn code(&self) -> &str {
        match self {
            Self::Invoice => "TD01",
            Self::AdvanceOnInvoice => "TD02",
            Self::AdvanceOnFee => "TD03",
            Self::CreditNote => "TD04",
            Self::DebitNote => "TD05",
            Self::Fee => "TD06",
            Self::Other(code) => code,
        }
    }

    /// Credit notes reduce what is owed to the supplier.
    pub fn is_credit_note(&self) -> bool {
        matches!(self, Self::CreditNote)
    }
}

/// `FPR12` (between businesses) or `FPA12` (to a public administration).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "UPPERCASE")]
#[ts(rename = "FatturaPaFormat")]
pub enum Format {
    Fpr12,
    Fpa12,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "FatturaPaParty")]
pub struct Party {
    /// `IdFiscaleIVA/IdPaese`, e.g. `IT`.
    pub vat_country: Option<String>,
    /// `IdFiscaleIVA/IdCodice` as written (an Italian one is checked, a warning if wrong).
    pub vat_code: Option<String>,
    pub codice_fiscale: Option<String>,
    /// `Denominazione`, or `Nome Cognome` for a person.
    pub name: String,
    pub address: Option<Address>,
    pub email: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(rename = "FatturaPaAddress")]
pub struct Address {
    /// `Indirizzo` with `NumeroCivico`.
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub province: Option<String>,
    pub country: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaLine")]
pub struct Line {
    pub number: i64,
    /// The first `CodiceArticolo` as `type:value` (e.g. `EAN:8001234567890`).
    pub code: Option<String>,
    pub description: String,
    /// Exactly as written (up to eight decimals); absent means one unit or a flat amount.
    pub quantity: Option<Decimal>,
    pub unit: Option<String>,
    /// In currency units with up to eight decimals, exactly as written.
    pub unit_price: Decimal,
    /// Discounts (negative) and surcharges (positive) in cascade, as percentages in basis points
    /// or amounts per unit.
    pub adjustments: Vec<Adjustment>,
    pub total_cents: i64,
    pub vat_rate_bp: i64,
    /// `Natura` (N1…N7 with sub-codes) for a 0 % line.
    pub nature: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "FatturaPaAdjustment")]
pub enum Adjustment {
    /// `ScontoMaggiorazione` as a percentage (`"10.00"` is 10 %): negative for a discount (SC).
    Percent(Decimal),
    /// As an amount per unit: negative for a discount (SC).
    Amount(Decimal),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaVatSummary")]
pub struct VatSummary {
    pub vat_rate_bp: i64,
    pub nature: Option<String>,
    pub taxable_cents: i64,
    pub tax_cents: i64,
    /// `EsigibilitaIVA`: I immediate, D deferred, S split payment.
    pub chargeability: Option<String>,
    pub rounding_cents: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaPayment")]
pub struct Payment {
    /// `ModalitaPagamento`, MP01…MP23 (MP05 bank transfer).
    pub method: String,
    pub due_date: Option<NaiveDate>,
    pub amount_cents: i64,
    pub iban: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaOrderRef")]
pub struct OrderRef {
    /// `IdDocumento`: the buyer's order number as the supplier wrote it.
    pub document_id: String,
    pub date: Option<NaiveDate>,
    /// `RiferimentoNumeroLinea`: the invoice lines it covers; empty means the whole invoice.
    pub line_numbers: Vec<i64>,
    pub item: Option<String>,
    pub cup: Option<String>,
    pub cig: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaAttachment")]
pub struct Attachment {
    pub name: String,
    pub format: Option<String>,
    pub description: Option<String>,
    #[ts(skip)]
    #[serde(skip)]
    pub bytes: Vec<u8>,
    pub size: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(rename = "FatturaPaInvoice")]
pub struct ReadInvoice {
    /// Which `FatturaElettronicaBody` of the file, from 1.
    pub body_index: i64,
    pub format: Format,
    pub supplier: Party,
    pub buyer: Party,
    /// `DatiTrasmissione/CodiceDestinatario`: the buyer's SdI channel.
    pub recipient_code: Option<String>,
    /// `DatiTrasmissione/PECDestinatario`.
    pub recipient_pec: Option<String>,
    pub document_type: DocumentType,
    pub currency: String,
    pub number: String,
    pub date: NaiveDate,
    pub total_cents: Option<i64>,
    /// Stamp duty (`DatiBollo/ImportoBollo`).
    pub stamp_duty_cents: Option<i64>,
    pub reason: Option<String>,
    pub lines: Vec<Line>,
    pub vat_summary: Vec<VatSummary>,
    pub payments: Vec<Payment>,
    pub order_refs: Vec<OrderRef>,
    pub attachments: Vec<Attachment>,
    /// Differences found by the checks: the invoice is imported as written, these are shown.
    pub warnings: Vec<Problem>,
}
