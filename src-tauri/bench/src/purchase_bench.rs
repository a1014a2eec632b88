//! B11: purchasing at real size, as a buyer reads it: the order list in every sort and filter,
//! the invoice, requisition and receipt lists, one order's page (everything the page loads),
//! an order's printed PDF, and a year of FatturaPA invoices imported with the match's
//! suggestions.

use crate::asset_bench::{ms, timed};
use crate::purchase_lists::{self, Picks};
use crate::purchase_rows::BUYERS;
use crate::suite::{self, Row};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::DB_FILE_NAME;
use backoffice_core::{Error, ErrorCode, Result};
use std::path::Path;

fn user(app: &Backoffice, name: &str, role: Role) -> Result<Ctx> {
    let id = app.store().read(|c| {
        Ok(
            c.query_row("SELECT id FROM users WHERE username = ?1", [name], |r| {
                r.get::<_, i64>(0)
            })?,
        )
    })?;
    Ok(Ctx::new(id, name, vec![role]))
}

fn one(c: &rusqlite::Connection, sql: &str) -> Result<i64> {
    Ok(c.query_row(sql, [], |r| r.get(0))?)
}

/// The order page's reads, as `OrderPage.tsx` asks for them: the whole order (lines, VAT
/// summary, approvals, the approval still needed, the quotes rule, its requisition) and its
/// receipts with their lines.
fn order_page(app: &Backoffice, ctx: &Ctx, id: i64) -> Result<(usize, usize)> {
    let o = app.order(ctx, id)?;
    let r = app.order_receipts(ctx, id)?;
    Ok((o.lines.len(), r.len()))
}

fn page_rows(app: &Backoffice, buyer: &Ctx) -> Result<Vec<Row>> {
    // The largest order received in several deliveries, and one from the middle of the table.
    let (big, middle) = app.store().read(|c| {
        Ok((
            one(
                c,
                "SELECT o.id FROM purchase_orders o JOIN purchase_receipts r ON r.order_id = o.id
                 WHERE o.status = 'received' GROUP BY o.id
                 ORDER BY count(DISTINCT r.id) DESC, o.total_cents DESC LIMIT 1",
            )?,
            one(
                c,
                "SELECT id FROM purchase_orders WHERE status = 'received'
                 ORDER BY id LIMIT 1 OFFSET (SELECT count(*) / 2 FROM purchase_orders
                 WHERE status = 'received')",
            )?,
        ))
    })?;
    let mut rows = Vec::new();
    for (what, id) in [("a large order", big), ("an order from the middle", middle)] {
        let (lines, receipts) = order_page(app, buyer, id)?;
        let s = timed(&mut || order_page(app, buyer, id).map(|_| ()))?;
        rows.push(
            Row::new(
                "B11",
                &format!(
                    "one order's page, {what} ({lines} lines, {receipts} receipts): order, lines, VAT summary, approvals, quotes rule, receipts"
                ),
            )
            .timed(&s, ms(20)),
        );
    }
    let mut pages = 0;
    let s = timed(&mut || {
        pages = app.order_pdf_bytes(buyer, big, "it")?.pages;
        Ok(())
    })?;
    rows.push(
        Row::new(
            "B11",
            &format!("order PDF of the large order, final copy with its approval stamp ({pages} pages, in memory)"),
        )
        .timed(&s, ms(300)),
    );
    Ok(rows)
}

/// The B11 lines on an open copy of a generated company; `files` FatturaPA files are imported
/// last (they add invoices).
pub fn rows(
    app: &Backoffice,
    work: &Path,
    files: usize,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Row>> {
    let buyer = user(app, BUYERS[0].0, Role::Purchasing)?;
    let manager = user(app, "m.verdi", Role::Manager)?;
    let (supplier, department, name) = app.store().read(|c| {
        let supplier = one(
            c,
            "SELECT supplier_id FROM purchase_orders GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
        )?;
        let name: String = c.query_row(
            "SELECT name FROM suppliers WHERE id = ?1",
            [supplier],
            |r| r.get(0),
        )?;
        Ok((
            supplier,
            one(
                c,
                "SELECT department_id FROM purchase_orders WHERE department_id IS NOT NULL
                 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1",
            )?,
            name,
        ))
    })?;
    let picks = Picks {
        supplier,
        department,
        supplier_word: name
            .split_whitespace()
            .nth(1)
            .unwrap_or("rossi")
            .to_lowercase(),
    };
    log("B11 purchasing: order list");
    let mut rows = purchase_lists::order_rows(app, &buyer, &manager, &picks)?;
    log("B11 invoice, requisition and receipt lists");
    rows.extend(purchase_lists::other_rows(app, &buyer, &picks)?);
    log("B11 an order's page and PDF");
    rows.extend(page_rows(app, &buyer)?);
    log(&format!("B11 import of {files} FatturaPA files"));
    rows.extend(crate::purchase_import::rows(app, &buyer, work, files)?);
    Ok(rows)
}

/// Whether the generated company has purchasing data (generated with `--orders` above 0).
pub fn has_orders(app: &Backoffice) -> Result<bool> {
    app.store()
        .read(|c| Ok(one(c, "SELECT count(*) FROM purchase_orders")? > 0))
}

/// B10 and B11 alone (`run --only b11`): on a copy of the generated data dir, or on the data
/// dir itself when `in_place` (the imported invoices stay in it).
pub fn only(o: &suite::Options, in_place: bool, log: &mut dyn FnMut(&str)) -> Result<Vec<Row>> {
    let copy = if in_place {
        o.data_dir.clone()
    } else {
        let copy = o.work.join("data");
        let _ = std::fs::remove_dir_all(&copy);
        log("copying the data dir");
        suite::copy_dir(&o.data_dir, &copy)
            .map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
        copy
    };
    let day = suite::as_of(&copy.join(DB_FILE_NAME));
    let app = Backoffice::open(&copy, suite::clock_at(day))?;
    let tidied = suite::tidy(&app, log)?;
    let admin = Ctx::new(1, "admin", vec![Role::Admin]);
    let rows = rows(&app, &o.work, crate::purchase_import::FILES, log).and_then(|mut rows| {
        rows.extend(crate::order_pdf_bench::rows(&app, &admin, log)?);
        rows.insert(0, tidied);
        Ok(rows)
    });
    drop(app);
    if !in_place {
        let _ = std::fs::remove_dir_all(&copy);
    }
    rows
}
