//! B10: purchasing's printed order: a 50-line purchase order rendered as PDF (letterhead, lines
//! over pages with their header repeated, VAT summary, totals), in memory. The order is a
//! draft made for the run, so it prints with its watermark instead of the approval stamp: the
//! same pages, and nothing is marked sent.

use crate::stats::repeat;
use crate::suite::Row;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderLineForm};
use backoffice_core::domain::purchasing::supplier::{SupplierInput, SupplierQuery};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Result;
use std::time::Duration;

const LINES: usize = 50;
const RUNS: usize = 30;
const GOAL: Duration = Duration::from_millis(300);

fn line(i: usize) -> OrderLineForm {
    OrderLineForm {
        item_code: Some(format!("ART-{i:04}")),
        description: format!("Articolo di ferramenta numero {i}, confezione da magazzino"),
        category_id: None,
        unit: Some("pz".into()),
        quantity: 1_000 + i as i64 * 250,
        unit_price: 125_000 + i as i64 * 1_000,
        discount_bp: 0,
        vat_rate_bp: 2_200,
        nature: None,
    }
}

/// The bench supplier's VAT number.
const VAT: &str = "00488410010";

pub fn rows(app: &Backoffice, ctx: &Ctx, log: &mut dyn FnMut(&str)) -> Result<Vec<Row>> {
    log("B10 purchasing: a 50-line order as PDF");
    // A run in place on a folder measured before finds its supplier there already.
    let known = app
        .list_suppliers(
            ctx,
            &SupplierQuery {
                search: Some(VAT.into()),
                ..SupplierQuery::default()
            },
        )?
        .items
        .into_iter()
        .next();
    let supplier_id = match known {
        Some(s) => s.id,
        None => {
            app.create_supplier(
                ctx,
                &SupplierInput {
                    name: "Ferramenta del banco di prova S.r.l.".into(),
                    vat_number: Some(VAT.into()),
                    city: Some("Milano".into()),
                    ..SupplierInput::default()
                },
            )?
            .id
        }
    };
    let order = app.create_order(
        ctx,
        &OrderInput {
            supplier_id,
            department_id: None,
            currency: None,
            exchange_rate: None,
            delivery_address: Some("Via Garibaldi 7, 20045 Lainate (MI)".into()),
            delivery_date: None,
            payment_terms: Some("30 gg DFFM".into()),
            notes: None,
            lines: (1..=LINES).map(line).collect(),
        },
    )?;
    let mut failed = None;
    let s = repeat(RUNS, || {
        if let Err(e) = app.order_pdf_bytes(ctx, order.id, "it") {
            failed = Some(e);
        }
    });
    if let Some(e) = failed {
        return Err(e);
    }
    Ok(vec![
        Row::new("B10", "order PDF, 50 lines (in memory)").timed(&s, Some(GOAL))
    ])
}
