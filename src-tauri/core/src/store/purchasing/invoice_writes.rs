//! Writes of supplier invoices: one whole invoice with its lines, VAT summary, due dates and
//! order references, every row recorded in history in the caller's transaction.

use super::invoices::{DUES, LINES, ORDER_REFS, TRACKED, VAT};
use crate::domain::purchasing::invoice::{InvoiceStatus, NewInvoice};
use crate::store::dates::{date_text, opt_date_text};
use crate::store::recorded;
use crate::store::tx::WriteTx;
use rusqlite::ToSql;

fn to_json<T: serde::Serialize>(v: &T) -> crate::Result<String> {
    serde_json::to_string(v).map_err(|e| crate::Error::internal(e.to_string()))
}

/// Writes `v` as a new invoice waiting for its match; returns its id. The duplicate rule is
/// the caller's to check first (the UNIQUE index refuses what slips through).
pub fn insert(w: &WriteTx, v: &NewInvoice) -> crate::Result<i64> {
    let number_key = v.number.to_uppercase();
    let date = date_text(v.date);
    let first_due = opt_date_text(v.first_due_date());
    let source = v.source.as_str();
    let signature = v.signature.as_str();
    let parties = v.parties.as_ref().map(to_json).transpose()?;
    let warnings = to_json(&v.warnings)?;
    let warning_count = i64::try_from(v.warnings.len()).unwrap_or(i64::MAX);
    let status = InvoiceStatus::ToMatch.as_str();
    let id = recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("supplier_id", &v.supplier_id as &dyn ToSql),
            ("number", &v.number),
            ("number_key", &number_key),
            ("invoice_date", &date),
            ("document_type", &v.document_type),
            ("currency", &v.currency),
            ("taxable_cents", &v.taxable_cents),
            ("tax_cents", &v.tax_cents),
            ("total_cents", &v.total_cents),
            ("stamp_duty_cents", &v.stamp_duty_cents),
            ("first_due_date", &first_due),
            ("source", &source),
            ("format", &v.format),
            ("file_name", &v.file_name),
            ("file_sha256", &v.file_sha256),
            ("body_index", &v.body_index),
            ("signature", &signature),
            ("signer", &v.signer),
            ("parties", &parties),
            ("warnings", &warnings),
            ("warning_count", &warning_count),
            ("reason", &v.reason),
            ("notes", &v.notes),
            ("status", &status),
        ],
    )?;
    children(w, id, v)?;
    Ok(id)
}

/// The invoice's lines, VAT summary, due dates and order references.
fn children(w: &WriteTx, id: i64, v: &NewInvoice) -> crate::Result<()> {
    for l in &v.lines {
        recorded::insert(
            w,
            &LINES,
            &vec![
                ("invoice_id", &id as &dyn ToSql),
                ("position", &l.position),
                ("line_number", &l.line_number),
                ("item_code", &l.item_code),
                ("description", &l.description),
                ("quantity", &l.quantity),
                ("quantity_text", &l.quantity_text),
                ("unit", &l.unit),
                ("unit_price", &l.unit_price),
                ("unit_price_text", &l.unit_price_text),
                ("adjustments", &l.adjustments),
                ("vat_rate_bp", &l.vat_rate_bp),
                ("vat_nature", &l.nature),
                ("total_cents", &l.total_cents),
            ],
        )?;
    }
    for r in &v.vat {
        recorded::insert(
            w,
            &VAT,
            &vec![
                ("invoice_id", &id as &dyn ToSql),
                ("vat_rate_bp", &r.vat_rate_bp),
                ("vat_nature", &r.nature),
                ("taxable_cents", &r.taxable_cents),
                ("tax_cents", &r.tax_cents),
                ("chargeability", &r.chargeability),
            ],
        )?;
    }
    dues_and_refs(w, id, v)
}

fn dues_and_refs(w: &WriteTx, id: i64, v: &NewInvoice) -> crate::Result<()> {
    for (i, d) in v.dues.iter().enumerate() {
        let position = i64::try_from(i).unwrap_or(i64::MAX) + 1;
        let due = opt_date_text(d.due_date);
        recorded::insert(
            w,
            &DUES,
            &vec![
                ("invoice_id", &id as &dyn ToSql),
                ("position", &position),
                ("due_date", &due),
                ("amount_cents", &d.amount_cents),
                ("method", &d.method),
                ("iban", &d.iban),
            ],
        )?;
    }
    for r in &v.order_refs {
        let date = opt_date_text(r.date);
        let lines = to_json(&r.line_numbers)?;
        recorded::insert(
            w,
            &ORDER_REFS,
            &vec![
                ("invoice_id", &id as &dyn ToSql),
                ("document_id", &r.document_id),
                ("ref_date", &date),
                ("line_numbers", &lines),
                ("order_id", &r.order_id),
            ],
        )?;
    }
    Ok(())
}
