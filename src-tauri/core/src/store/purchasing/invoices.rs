//! Supplier invoices: their declarations and reading one whole (lines, VAT summary, due dates,
//! order references). Writes are in `invoice_writes.rs`, the list and reports in
//! `invoice_list.rs`.

use super::orders::conversion;
use crate::domain::permissions::Area;
use crate::domain::purchasing::invoice::{
    InvoiceDue, InvoiceLine, InvoiceOrderRef, InvoiceSource, InvoiceStatus, InvoiceVat,
    SignatureState, SupplierInvoice,
};
use crate::error::Error;
use crate::store::dates::{date_at, opt_date_at};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::ts_parse;
use rusqlite::{Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "supplier_invoices",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "supplier_id",
        "number",
        "number_key",
        "invoice_date",
        "document_type",
        "currency",
        "taxable_cents",
        "tax_cents",
        "total_cents",
        "stamp_duty_cents",
        "first_due_date",
        "source",
        "format",
        "file_name",
        "file_sha256",
        "body_index",
        "signature",
        "signer",
        "parties",
        "warnings",
        "warning_count",
        "reason",
        "notes",
        "status",
        "version",
        "created_at",
        "updated_at",
        "open_differences",
        "approved_by",
        "approved_at",
    ],
    references: &[("supplier_id", "suppliers"), ("approved_by", "users")],
    naming: Naming::Parts(&[Part::Text("number"), Part::Ref("supplier_id")]),
    dates: &["invoice_date", "first_due_date"],
    instants: &["approved_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static LINES: Tracked = Tracked {
    entity: "supplier_invoice_lines",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "position",
        "line_number",
        "item_code",
        "description",
        "quantity",
        "quantity_text",
        "unit",
        "unit_price",
        "unit_price_text",
        "adjustments",
        "vat_rate_bp",
        "vat_nature",
        "total_cents",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("invoice_id", "supplier_invoices")],
    naming: Naming::Parts(&[Part::Ref("invoice_id"), Part::Text("description")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static VAT: Tracked = Tracked {
    entity: "supplier_invoice_vat",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "vat_rate_bp",
        "vat_nature",
        "taxable_cents",
        "tax_cents",
        "chargeability",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("invoice_id", "supplier_invoices")],
    naming: Naming::Parts(&[Part::Ref("invoice_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static DUES: Tracked = Tracked {
    entity: "supplier_invoice_dues",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "position",
        "due_date",
        "amount_cents",
        "method",
        "iban",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("invoice_id", "supplier_invoices")],
    naming: Naming::Parts(&[Part::Ref("invoice_id")]),
    dates: &["due_date"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static ORDER_REFS: Tracked = Tracked {
    entity: "supplier_invoice_order_refs",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "invoice_id",
        "document_id",
        "ref_date",
        "line_numbers",
        "order_id",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[
        ("invoice_id", "supplier_invoices"),
        ("order_id", "purchase_orders"),
    ],
    naming: Naming::Parts(&[Part::Ref("invoice_id"), Part::Text("document_id")]),
    dates: &["ref_date"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "i.id, i.supplier_id, s.name, s.vat_number, i.number, i.invoice_date,
    i.document_type, i.currency, i.taxable_cents, i.tax_cents, i.total_cents, i.stamp_duty_cents,
    i.first_due_date, i.source, i.format, i.file_name, i.file_sha256, i.body_index, i.signature,
    i.signer, i.parties, i.warnings, i.reason, i.notes, i.status, i.version, i.created_at,
    i.updated_at";

fn json<T: serde::de::DeserializeOwned>(col: usize, text: &str) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|_| conversion(col, "JSON"))
}

fn from_row(r: &Row) -> rusqlite::Result<SupplierInvoice> {
    let parties: Option<String> = r.get(20)?;
    Ok(SupplierInvoice {
        id: r.get(0)?,
        supplier_id: r.get(1)?,
        supplier_name: r.get(2)?,
        supplier_vat: r.get(3)?,
        number: r.get(4)?,
        invoice_date: date_at(r, 5)?,
        document_type: r.get(6)?,
        currency: r.get(7)?,
        taxable_cents: r.get(8)?,
        tax_cents: r.get(9)?,
        total_cents: r.get(10)?,
        stamp_duty_cents: r.get(11)?,
        first_due_date: opt_date_at(r, 12)?,
        source: InvoiceSource::parse(&r.get::<_, String>(13)?)
            .ok_or_else(|| conversion(13, "invoice source"))?,
        format: r.get(14)?,
        file_name: r.get(15)?,
        file_sha256: r.get(16)?,
        body_index: r.get(17)?,
        signature: SignatureState::parse(&r.get::<_, String>(18)?)
            .ok_or_else(|| conversion(18, "signature"))?,
        signer: r.get(19)?,
        parties: parties.map(|p| json(20, &p)).transpose()?,
        warnings: json(21, &r.get::<_, String>(21)?)?,
        reason: r.get(22)?,
        notes: r.get(23)?,
        status: InvoiceStatus::parse(&r.get::<_, String>(24)?)
            .ok_or_else(|| conversion(24, "invoice status"))?,
        lines: Vec::new(),
        vat: Vec::new(),
        dues: Vec::new(),
        order_refs: Vec::new(),
        version: r.get(25)?,
        created_at: ts_parse(&r.get::<_, String>(26)?)?,
        updated_at: ts_parse(&r.get::<_, String>(27)?)?,
    })
}

fn lines(c: &Connection, id: i64) -> crate::Result<Vec<InvoiceLine>> {
    Ok(c.prepare_cached(
        "SELECT position, line_number, item_code, description, quantity, quantity_text, unit,
                unit_price, unit_price_text, adjustments, vat_rate_bp, vat_nature, total_cents
         FROM supplier_invoice_lines WHERE invoice_id = ?1 ORDER BY position LIMIT 5000",
    )?
    .query_map([id], |r| {
        Ok(InvoiceLine {
            position: r.get(0)?,
            line_number: r.get(1)?,
            item_code: r.get(2)?,
            description: r.get(3)?,
            quantity: r.get(4)?,
            quantity_text: r.get(5)?,
            unit: r.get(6)?,
            unit_price: r.get(7)?,
            unit_price_text: r.get(8)?,
            adjustments: r.get(9)?,
            vat_rate_bp: r.get(10)?,
            nature: r.get(11)?,
            total_cents: r.get(12)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn vat(c: &Connection, id: i64) -> crate::Result<Vec<InvoiceVat>> {
    Ok(c.prepare_cached(
        "SELECT vat_rate_bp, vat_nature, taxable_cents, tax_cents, chargeability
         FROM supplier_invoice_vat WHERE invoice_id = ?1
         ORDER BY vat_rate_bp DESC, vat_nature, id LIMIT 100",
    )?
    .query_map([id], |r| {
        Ok(InvoiceVat {
            vat_rate_bp: r.get(0)?,
            nature: r.get(1)?,
            taxable_cents: r.get(2)?,
            tax_cents: r.get(3)?,
            chargeability: r.get(4)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn dues(c: &Connection, id: i64) -> crate::Result<Vec<InvoiceDue>> {
    Ok(c.prepare_cached(
        "SELECT due_date, amount_cents, method, iban FROM supplier_invoice_dues
         WHERE invoice_id = ?1 ORDER BY position LIMIT 100",
    )?
    .query_map([id], |r| {
        Ok(InvoiceDue {
            due_date: opt_date_at(r, 0)?,
            amount_cents: r.get(1)?,
            method: r.get(2)?,
            iban: r.get(3)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

fn order_refs(c: &Connection, id: i64) -> crate::Result<Vec<InvoiceOrderRef>> {
    Ok(c.prepare_cached(
        "SELECT r.document_id, r.ref_date, r.line_numbers, r.order_id, o.number
         FROM supplier_invoice_order_refs r LEFT JOIN purchase_orders o ON o.id = r.order_id
         WHERE r.invoice_id = ?1 ORDER BY r.id LIMIT 100",
    )?
    .query_map([id], |r| {
        Ok(InvoiceOrderRef {
            document_id: r.get(0)?,
            date: opt_date_at(r, 1)?,
            line_numbers: json(2, &r.get::<_, String>(2)?)?,
            order_id: r.get(3)?,
            order_number: r.get(4)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The whole invoice.
pub fn get(c: &Connection, id: i64) -> crate::Result<Option<SupplierInvoice>> {
    let Some(mut inv) = c
        .prepare_cached(&format!(
            "SELECT {COLUMNS} FROM supplier_invoices i JOIN suppliers s ON s.id = i.supplier_id
             WHERE i.id = ?1"
        ))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    inv.lines = lines(c, id)?;
    inv.vat = vat(c, id)?;
    inv.dues = dues(c, id)?;
    inv.order_refs = order_refs(c, id)?;
    Ok(Some(inv))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<SupplierInvoice> {
    get(c, id)?.ok_or_else(|| Error::not_found("supplier invoice"))
}
