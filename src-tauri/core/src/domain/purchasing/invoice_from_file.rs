//! A read FatturaPA invoice turned into one to store: its lines with quantities and prices
//! rounded to the units the store keeps (the text as written kept beside them), the summary
//! and total as stated, the due dates, the order references linked to ours.

use super::invoice::{
    InvoiceDue, InvoiceLine, InvoiceOrderRef, InvoiceParties, InvoiceSource, InvoiceVat, NewInvoice,
};
use super::invoice_import::signature_state;
use crate::import::fatturapa::{ReadInvoice, Signature};
use std::collections::HashMap;

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
