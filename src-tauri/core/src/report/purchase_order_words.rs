//! The purchase order's printed words in Italian and English, kept together so a translation is
//! checked in one place and the layout's code holds no sentences.

use super::Lang;
use crate::domain::purchasing::approval::ApproverRole;
use crate::domain::purchasing::decimal::NumberLocale;
use chrono::{DateTime, Local, NaiveDate, Utc};

pub(crate) struct Words {
    pub lang: Lang,
    pub locale: NumberLocale,
    pub order: &'static str,
    pub draft: &'static str,
    pub vat_number: &'static str,
    pub number: &'static str,
    pub date: &'static str,
    pub requested_by: &'static str,
    pub department: &'static str,
    pub supplier: &'static str,
    pub address: &'static str,
    pub pec: &'static str,
    pub sdi: &'static str,
    pub delivery_address: &'static str,
    pub delivery_date: &'static str,
    pub payment_terms: &'static str,
    pub lines: &'static str,
    pub position: &'static str,
    pub code: &'static str,
    pub description: &'static str,
    pub quantity: &'static str,
    pub unit_price: &'static str,
    pub discount: &'static str,
    pub vat: &'static str,
    pub net: &'static str,
    pub vat_summary: &'static str,
    pub rate: &'static str,
    pub taxable: &'static str,
    pub tax: &'static str,
    pub totals: &'static str,
    pub amount: &'static str,
    pub total: &'static str,
    pub exchange_rate: &'static str,
    pub notes: &'static str,
    pub approval: &'static str,
    pub approved_on: &'static str,
    pub approved_by: &'static str,
    pub not_approved: &'static str,
    pub page: &'static str,
    pub none: &'static str,
    pub purchasing: &'static str,
    pub manager: &'static str,
    pub admin: &'static str,
}

pub(crate) const IT: Words = Words {
    lang: Lang::It,
    locale: NumberLocale::It,
    order: "Ordine d'acquisto",
    draft: "BOZZA",
    vat_number: "P.IVA",
    number: "Numero",
    date: "Data",
    requested_by: "Richiesto da",
    department: "Reparto",
    supplier: "Fornitore",
    address: "Indirizzo",
    pec: "PEC",
    sdi: "Codice destinatario SdI",
    delivery_address: "Indirizzo di consegna",
    delivery_date: "Data di consegna",
    payment_terms: "Condizioni di pagamento",
    lines: "Righe",
    position: "Pos.",
    code: "Codice",
    description: "Descrizione",
    quantity: "Quantità",
    unit_price: "Prezzo unit.",
    discount: "Sc. %",
    vat: "IVA",
    net: "Importo",
    vat_summary: "Riepilogo IVA",
    rate: "Aliquota / natura",
    taxable: "Imponibile",
    tax: "Imposta",
    totals: "Totali",
    amount: "Importo",
    total: "Totale ordine",
    exchange_rate: "Cambio",
    notes: "Note",
    approval: "Approvazione",
    approved_on: "Approvato il",
    approved_by: "Approvato da",
    not_approved: "Non ancora approvato: copia non valida come ordine",
    page: "{n}/{total}",
    none: "—",
    purchasing: "Acquisti",
    manager: "Responsabile",
    admin: "Amministratore",
};

pub(crate) const EN: Words = Words {
    lang: Lang::En,
    locale: NumberLocale::En,
    order: "Purchase order",
    draft: "DRAFT",
    vat_number: "VAT no.",
    number: "Number",
    date: "Date",
    requested_by: "Requested by",
    department: "Department",
    supplier: "Supplier",
    address: "Address",
    pec: "PEC (certified e-mail)",
    sdi: "SdI recipient code",
    delivery_address: "Delivery address",
    delivery_date: "Delivery date",
    payment_terms: "Payment terms",
    lines: "Lines",
    position: "No.",
    code: "Code",
    description: "Description",
    quantity: "Quantity",
    unit_price: "Unit price",
    discount: "Disc. %",
    vat: "VAT",
    net: "Amount",
    vat_summary: "VAT summary",
    rate: "Rate / nature",
    taxable: "Taxable",
    tax: "VAT",
    totals: "Totals",
    amount: "Amount",
    total: "Order total",
    exchange_rate: "Exchange rate",
    notes: "Notes",
    approval: "Approval",
    approved_on: "Approved on",
    approved_by: "Approved by",
    not_approved: "Not approved yet: not valid as an order",
    page: "{n}/{total}",
    none: "—",
    purchasing: "Purchasing",
    manager: "Manager",
    admin: "Administrator",
};

impl Words {
    /// Italian unless `language` is "en".
    pub fn of(language: &str) -> &'static Words {
        if language.trim().eq_ignore_ascii_case("en") {
            &EN
        } else {
            &IT
        }
    }

    pub fn day(&self, d: NaiveDate) -> String {
        d.format("%d/%m/%Y").to_string()
    }

    pub fn opt_day(&self, d: Option<NaiveDate>) -> String {
        d.map_or_else(|| self.none.to_owned(), |d| self.day(d))
    }

    /// An instant as the computer's clock shows it: "07/12/2026 10:32".
    pub fn instant(&self, t: DateTime<Utc>) -> String {
        t.with_timezone(&Local).format("%d/%m/%Y %H:%M").to_string()
    }

    pub fn role(&self, r: ApproverRole) -> &'static str {
        match r {
            ApproverRole::Purchasing => self.purchasing,
            ApproverRole::Manager => self.manager,
            ApproverRole::Admin => self.admin,
        }
    }
}
