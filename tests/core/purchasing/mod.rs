//! Purchasing: suppliers, orders, receipts and supplier invoices.

mod order_attention;
mod order_pdf;
mod order_search;
mod orders;
mod price_lists;
mod receipt_assets;
mod receipt_refusals;
mod receipts;
mod requisitions;
mod rfqs;
mod supplier_audits;
mod supplier_performance;
mod suppliers;

// FatturaPA reader
mod fatturapa_bad;
mod fatturapa_bench;
mod fatturapa_checks;
mod fatturapa_p7m;
mod fatturapa_p7m_ber;
mod fatturapa_read;
mod fatturapa_xml;

// Supplier invoices
mod invoice_import;
mod invoice_import_bench;
mod invoice_search;
mod invoices;
// Three-way match and approval for payment.
mod invoice_match;
mod invoice_match_changes;
mod invoice_match_rules;
// The lists' word search.
mod list_words;

use crate::support::{installed, Installed};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::purchasing::supplier::{Supplier, SupplierInput};
use backoffice_core::services::Ctx;

/// An installation with a buyer, an accountant, a manager and an IT technician.
pub struct Buyers {
    pub t: Installed,
    pub buyer: Ctx,
    pub accountant: Ctx,
    pub manager: Ctx,
    pub it: Ctx,
}

pub fn buyers() -> Buyers {
    let t = installed();
    let buyer = t.user("acquisti", &[Role::Purchasing]);
    let accountant = t.user("contabile", &[Role::Accounting]);
    let manager = t.user("capo", &[Role::Manager]);
    let it = t.user("sistemista", &[Role::It]);
    Buyers {
        t,
        buyer,
        accountant,
        manager,
        it,
    }
}

/// A well-formed Italian supplier's card.
pub fn supplier_input(name: &str, vat: &str) -> SupplierInput {
    SupplierInput {
        name: name.into(),
        vat_number: Some(vat.into()),
        street: Some("Via Torino 12".into()),
        postcode: Some("20123".into()),
        city: Some("Milano".into()),
        province: Some("MI".into()),
        pec: Some("amministrazione@pec.example.it".into()),
        sdi_code: Some("M5UXCR1".into()),
        iban: Some("IT60X0542811101000000123456".into()),
        payment_terms: Some("30 gg DFFM".into()),
        ..SupplierInput::default()
    }
}

impl Buyers {
    pub fn supplier(&self, name: &str, vat: &str) -> Supplier {
        self.t
            .app
            .create_supplier(&self.buyer, &supplier_input(name, vat))
            .unwrap()
    }
}
