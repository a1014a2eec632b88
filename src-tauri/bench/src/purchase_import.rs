//! B11's import line: a year of supplier invoices, `files` FatturaPA files each billing a
//! generated order that was sent, previewed and imported through the service as the import
//! dialog does, then the three-way match's suggestions for every imported line against its
//! order's lines (`domain::purchasing::match3::suggest`, what the match screen shows first).

use crate::purchase_files::invoice_xml;
use crate::stats::Samples;
use crate::suite::Row;
use backoffice_core::domain::purchasing::invoice_import::InvoiceImportChoices;
use backoffice_core::domain::purchasing::match3::{suggest, InvoiceLine, OrderLineOpen};
use backoffice_core::domain::purchasing::vat_rate::Nature;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::{Error, ErrorCode, Result};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

pub const FILES: usize = 1_000;
const GOAL: Duration = Duration::from_secs(10);

fn io(e: std::io::Error) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

/// Writes one file per order sent and not yet received, newest first.
fn write_files(app: &Backoffice, ctx: &Ctx, dir: &Path, files: usize) -> Result<Vec<PathBuf>> {
    let ids: Vec<i64> = app.store().read(|c| {
        let mut stmt = c.prepare(
            "SELECT id FROM purchase_orders WHERE status = 'sent' ORDER BY id DESC LIMIT ?1",
        )?;
        let v = stmt
            .query_map([files as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(v)
    })?;
    std::fs::create_dir_all(dir).map_err(io)?;
    let today = app.today();
    let mut paths = Vec::with_capacity(ids.len());
    for (n, id) in ids.iter().enumerate() {
        let o = app.order(ctx, *id)?;
        let s = app.supplier(ctx, o.supplier_id)?;
        let xml = invoice_xml(
            &s,
            &o,
            &format!("FE{:05}/{}", n + 1, today.format("%y")),
            today,
            n,
        );
        let vat = s.vat_number.unwrap_or_default();
        let p = dir.join(format!("{vat}_{:05}.xml", n + 1));
        std::fs::write(&p, xml).map_err(io)?;
        paths.push(p);
    }
    Ok(paths)
}

/// The suggestions for every line of the imported invoices; returns how many lines got one
/// from their order's reference.
fn suggestions(app: &Backoffice, ctx: &Ctx, invoices: &[i64]) -> Result<usize> {
    let mut by_reference = 0;
    for id in invoices {
        let inv = app.invoice(ctx, *id)?;
        let mut open = Vec::new();
        for r in &inv.order_refs {
            let Some(order_id) = r.order_id else { continue };
            let o = app.order(ctx, order_id)?;
            let number = o.number.clone().unwrap_or_default();
            open.extend(o.lines.iter().map(|l| OrderLineOpen {
                order_id,
                order_number: number.clone(),
                line_no: l.position as u32,
                description: l.description.clone(),
                ordered: l.quantity,
                received: l.received,
                invoiced: l.invoiced,
                unit_price: l.unit_price,
                discount_bp: l.discount_bp,
                vat_rate_bp: l.vat_rate_bp,
                nature: l.nature,
            }));
        }
        let reference = inv.order_refs.first().map(|r| r.document_id.clone());
        let lines: Vec<InvoiceLine> = inv
            .lines
            .iter()
            .map(|l| InvoiceLine {
                line_no: l.line_number as u32,
                description: l.description.clone(),
                quantity: l.quantity,
                unit_price: l.unit_price,
                net_cents: l.total_cents,
                vat_rate_bp: l.vat_rate_bp,
                nature: l.nature.as_deref().and_then(Nature::parse),
                order_number: reference.clone(),
                order_line_no: None,
            })
            .collect();
        by_reference += suggest(&lines, &open)
            .iter()
            .filter(|s| s.by_reference)
            .map(|s| s.invoice_line)
            .collect::<std::collections::HashSet<_>>()
            .len();
    }
    Ok(by_reference)
}

/// Preview, import and suggestions, once (the import writes); each step its own line.
pub fn rows(app: &Backoffice, ctx: &Ctx, work: &Path, files: usize) -> Result<Vec<Row>> {
    let dir = work.join("fatturapa");
    let paths = write_files(app, ctx, &dir, files)?;
    let lines: usize = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).map_or(0, |s| s.matches("<DettaglioLinee>").count()))
        .sum();
    let started = Instant::now();
    let preview = app.preview_invoice_files(ctx, &paths)?;
    let previewed = started.elapsed();
    let hashes: Vec<_> = preview.files.iter().map(|f| f.sha256.clone()).collect();
    let t = Instant::now();
    let out = app.import_invoice_files(ctx, &paths, &hashes, &InvoiceImportChoices::default())?;
    let imported = t.elapsed();
    let t = Instant::now();
    let ids: Vec<i64> = out.imported.iter().map(|i| i.id).collect();
    let matched = suggestions(app, ctx, &ids)?;
    let suggested = t.elapsed();
    let total = started.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    let one = |d: Duration| Samples::from(vec![d]);
    let n = paths.len();
    Ok(vec![
        Row::new(
            "B11",
            &format!(
                "import {n} FatturaPA files ({lines} lines, each billing a sent order): preview, confirm, suggestions for the match ({} imported, {matched} lines matched by the order's reference)",
                out.imported.len()
            ),
        )
        .timed(&one(total), Some(GOAL)),
        Row::new("B11", "… preview (read, check, suppliers by P.IVA, orders by number)")
            .timed(&one(previewed), None),
        Row::new("B11", "… confirm (files stored, invoices, lines, VAT, dues, references, history)")
            .timed(&one(imported), None),
        Row::new("B11", "… suggestions for every line against its order's lines")
            .timed(&one(suggested), None),
    ])
}
