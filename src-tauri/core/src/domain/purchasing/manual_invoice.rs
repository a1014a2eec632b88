//! A supplier invoice entered by hand (a paper invoice, a foreign supplier outside the SdI):
//! its form and the checks that make it one to store. Totals come from the same rules as
//! orders' (`totals.rs`), so a typed invoice adds up the way FatturaPA's summary does.

use super::invoice::{
    InvoiceDue, InvoiceLine, InvoiceOrderRef, InvoiceSource, InvoiceVat, NewInvoice, SignatureState,
};
use super::line_form::{check_line_count, line_texts};
use super::order::MAX_LINES;
use super::totals::{compute_invoice_totals, OrderLineInput, Totals};
use super::vat_rate::Nature;
use crate::domain::iban;
use crate::domain::text::Checks;
use crate::error::FieldError;
use crate::import::fatturapa::DocumentType;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A line's texts as checked: item code, description, unit.
type LineTexts = (Option<String>, String, Option<String>);

/// Due dates one invoice may list.
pub const MAX_DUES: usize = 60;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ManualInvoiceLine {
    pub item_code: Option<String>,
    pub description: String,
    /// "pz", "kg", "h"…; pieces when empty.
    pub unit: Option<String>,
    /// Thousandths of the unit.
    pub quantity: i64,
    /// Ten-thousandths of the currency unit.
    pub unit_price: i64,
    pub discount_bp: i64,
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ManualDue {
    pub due_date: NaiveDate,
    pub amount_cents: i64,
    /// MP01…MP23 (MP05 bank transfer).
    pub method: Option<String>,
    pub iban: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ManualInvoiceInput {
    pub supplier_id: i64,
    pub number: String,
    pub date: Option<NaiveDate>,
    /// TD01 when empty.
    pub document_type: Option<String>,
    pub lines: Vec<ManualInvoiceLine>,
    #[serde(default)]
    pub dues: Vec<ManualDue>,
    /// Our order numbers the invoice refers to.
    #[serde(default)]
    pub order_numbers: Vec<String>,
    pub notes: Option<String>,
}

fn valid_method(m: &str) -> bool {
    m.strip_prefix("MP")
        .and_then(|n| n.parse::<u8>().ok())
        .is_some_and(|n| (1..=23).contains(&n))
        && m.len() == 4
}

impl ManualInvoiceInput {
    /// Checks the form; every problem at once, each at its field (`lines.0.unit_price`,
    /// `dues.1.iban`). Order references are given as typed; the service links ours.
    pub fn validate(&self, today: NaiveDate) -> crate::Result<NewInvoice> {
        let mut c = Checks::default();
        // FatturaPA's Numero is at most 20 characters.
        let number = c.required("number", &self.number, 20);
        match self.date {
            None => c.add(FieldError::new("date", "required")),
            Some(d) if d > today => c.add(FieldError::new("date", "in_future")),
            Some(_) => {}
        }
        let document_type = self
            .document_type
            .as_deref()
            .map(|t| t.trim().to_uppercase())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| "TD01".to_owned());
        if DocumentType::from_code(&document_type).is_none() {
            c.add(FieldError::new("document_type", "not_allowed"));
        }
        check_line_count(&mut c, self.lines.len(), MAX_LINES);
        let notes = c.optional_text("notes", &self.notes, 4000);
        let mut texts = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            texts.push(line_texts(&mut c, i, &l.item_code, &l.description, &l.unit));
        }
        let numbers: Vec<OrderLineInput> = self
            .lines
            .iter()
            .map(|l| OrderLineInput {
                quantity: l.quantity,
                unit_price: l.unit_price,
                discount_bp: l.discount_bp,
                vat_rate_bp: l.vat_rate_bp,
                nature: l.nature,
            })
            .collect();
        let totals = match compute_invoice_totals(&numbers) {
            Ok(t) => Some(t),
            Err(e) => {
                c.errors.extend(e.fields);
                None
            }
        };
        let dues = self.dues(&mut c, totals.as_ref().map(|t| t.total));
        let order_refs = self.order_refs(&mut c);
        c.finish()?;
        let totals = totals.ok_or_else(|| crate::Error::internal("invoice totals"))?;
        Ok(self.assemble(
            number,
            document_type,
            notes,
            texts,
            &totals,
            dues,
            order_refs,
            today,
        ))
    }

    /// The checked form as an invoice to store.
    #[allow(clippy::too_many_arguments)]
    fn assemble(
        &self,
        number: String,
        document_type: String,
        notes: Option<String>,
        texts: Vec<LineTexts>,
        totals: &Totals,
        dues: Vec<InvoiceDue>,
        order_refs: Vec<InvoiceOrderRef>,
        today: NaiveDate,
    ) -> NewInvoice {
        let lines = texts
            .into_iter()
            .zip(&self.lines)
            .zip(&totals.lines)
            .enumerate()
            .map(|(i, (((item_code, description, unit), l), t))| {
                let position = i64::try_from(i).unwrap_or(i64::MAX) + 1;
                InvoiceLine {
                    position,
                    line_number: position,
                    item_code,
                    description,
                    quantity: Some(l.quantity),
                    quantity_text: None,
                    unit,
                    unit_price: l.unit_price,
                    unit_price_text: String::new(),
                    adjustments: None,
                    vat_rate_bp: l.vat_rate_bp,
                    nature: l.nature.map(|n| n.code().to_owned()),
                    total_cents: t.net,
                }
            })
            .collect();
        NewInvoice {
            supplier_id: self.supplier_id,
            number,
            date: self.date.unwrap_or(today),
            document_type,
            currency: totals.currency.clone(),
            taxable_cents: totals.taxable,
            tax_cents: totals.tax,
            total_cents: totals.total,
            stamp_duty_cents: None,
            source: InvoiceSource::Manual,
            format: None,
            file_name: None,
            file_sha256: None,
            body_index: None,
            signature: SignatureState::None,
            signer: None,
            parties: None,
            warnings: Vec::new(),
            reason: None,
            notes,
            lines,
            vat: totals
                .summary
                .iter()
                .map(|r| InvoiceVat {
                    vat_rate_bp: r.rate_bp,
                    nature: r.nature.map(|n| n.code().to_owned()),
                    taxable_cents: r.taxable,
                    tax_cents: r.tax,
                    chargeability: None,
                })
                .collect(),
            dues,
            order_refs,
        }
    }

    /// Our order numbers as typed; the service links the ones that are ours.
    fn order_refs(&self, c: &mut Checks) -> Vec<InvoiceOrderRef> {
        let mut out = Vec::new();
        for (i, n) in self.order_numbers.iter().enumerate() {
            if let Some(n) = c.optional(&format!("order_numbers.{i}"), &Some(n.clone()), 20) {
                out.push(InvoiceOrderRef {
                    document_id: n,
                    date: None,
                    line_numbers: Vec::new(),
                    order_id: None,
                    order_number: None,
                });
            }
        }
        out
    }

    /// The due dates: positive amounts, known methods, valid IBANs, and together the total
    /// (a typed invoice has no reason to differ from itself).
    fn dues(&self, c: &mut Checks, total: Option<i64>) -> Vec<InvoiceDue> {
        if self.dues.len() > MAX_DUES {
            c.add(FieldError::new("dues", "too_many").with("max", MAX_DUES));
        }
        let mut out = Vec::with_capacity(self.dues.len());
        for (i, d) in self.dues.iter().enumerate() {
            let p = format!("dues.{i}.");
            if d.amount_cents <= 0 {
                c.add(FieldError::new(
                    &format!("{p}amount_cents"),
                    "must_be_positive",
                ));
            }
            let method = c
                .optional(&format!("{p}method"), &d.method, 4)
                .map(|m| m.to_uppercase());
            if method.as_deref().is_some_and(|m| !valid_method(m)) {
                c.add(FieldError::new(&format!("{p}method"), "not_allowed"));
            }
            let iban = c.optional(&format!("{p}iban"), &d.iban, 50).and_then(|v| {
                let n = iban::normalise(&v);
                if n.is_none() {
                    c.add(FieldError::new(&format!("{p}iban"), "invalid_iban"));
                }
                n
            });
            out.push(InvoiceDue {
                due_date: Some(d.due_date),
                amount_cents: d.amount_cents,
                method,
                iban,
            });
        }
        let sum: i64 = self.dues.iter().map(|d| d.amount_cents.max(0)).sum();
        if let Some(total) = total {
            if !self.dues.is_empty() && sum != total {
                c.add(
                    FieldError::new("dues", "not_total")
                        .with("total", total)
                        .with("sum", sum),
                );
            }
        }
        out
    }
}
