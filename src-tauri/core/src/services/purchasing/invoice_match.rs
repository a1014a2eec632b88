//! The three-way match of a supplier invoice: the proposal to confirm, the confirmed match with
//! its differences (replaced whole on a re-match), and undoing it. Purchasing writes the match;
//! accounting accepts differences and approves for payment (`invoice_payment.rs`).

use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::invoice::InvoiceStatus;
use crate::domain::purchasing::invoice_match::{
    approves_payments, can_approve, can_rematch, can_unmatch, match_line, without_own,
    InvoiceMatch, MatchProposal,
};
use crate::domain::purchasing::match3::{
    check_invoice, first_pairing, suggest, InvoiceKind, InvoiceLine, MatchTolerances,
    OrderLineOpen, Pairing,
};
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::invoice_matches::{self as matches, MatchState};
use crate::store::purchasing::{invoices, match_writes, orders};
use crate::store::tx::WriteTx;
use rusqlite::Connection;
use std::collections::HashMap;

/// At most this many order lines of the supplier's other open orders are offered.
const OTHER_LINES: i64 = 200;

/// What a match is checked against: the invoice's lines, the order lines it may use (with their
/// ids; this invoice's own earlier match taken out) and the tolerances in force.
struct Basis {
    kind: InvoiceKind,
    lines: Vec<InvoiceLine>,
    open: Vec<(i64, OrderLineOpen)>,
    tolerances: MatchTolerances,
}

fn basis(c: &Connection, invoice_id: i64) -> crate::Result<Basis> {
    let inv = invoices::require(c, invoice_id)?;
    let kind = InvoiceKind::from_document_type(&inv.document_type);
    let lines: Vec<InvoiceLine> = inv
        .lines
        .iter()
        .map(|l| match_line(l, &inv.order_refs))
        .collect();
    let stored = matches::matched(c, invoice_id)?;
    // The orders the invoice names, then those it was matched to before, then the supplier's
    // other open orders (bounded).
    let mut order_ids: Vec<i64> = inv.order_refs.iter().filter_map(|r| r.order_id).collect();
    order_ids.extend(stored.iter().map(|(_, _, m)| m.order_id));
    let mut open: Vec<(i64, OrderLineOpen)> = Vec::new();
    for id in order_ids {
        if open.iter().any(|(_, o)| o.order_id == id) {
            continue;
        }
        let same_supplier = orders::head(c, id)?.is_some_and(|o| o.supplier_id == inv.supplier_id);
        if same_supplier {
            open.extend(matches::order_lines_open(c, id)?);
        }
    }
    let credit = kind == InvoiceKind::CreditNote;
    for (id, line) in matches::supplier_lines_open(c, inv.supplier_id, credit, OTHER_LINES)? {
        if !open.iter().any(|(x, _)| *x == id) {
            open.push((id, line));
        }
    }
    let own: Vec<(i64, u32, i64)> = stored
        .iter()
        .map(|(_, _, m)| (m.order_id, m.order_line, m.quantity_delta))
        .collect();
    let mut plain: Vec<OrderLineOpen> = open.iter().map(|(_, o)| o.clone()).collect();
    without_own(&mut plain, &own);
    let open = open.into_iter().map(|(id, _)| id).zip(plain).collect();
    let global = matches::global_tolerances(c)?;
    let own_tolerances = matches::supplier_tolerances(c, inv.supplier_id)?.map(|(_, t)| t);
    Ok(Basis {
        kind,
        lines,
        open,
        tolerances: MatchTolerances::effective(own_tolerances, global),
    })
}

pub(super) fn state(c: &Connection, invoice_id: i64) -> crate::Result<MatchState> {
    matches::state(c, invoice_id)?.ok_or_else(|| Error::not_found("supplier invoice"))
}

pub(super) fn at_version(st: MatchState, version: i64) -> crate::Result<MatchState> {
    if st.version == version {
        Ok(st)
    } else {
        Err(Error::new(
            ErrorCode::Conflict,
            "supplier invoice changed since it was loaded",
        ))
    }
}

/// The invoice's match as the page shows it, for the person in `ctx`.
pub(super) fn view(c: &Connection, ctx: &Ctx, invoice_id: i64) -> crate::Result<InvoiceMatch> {
    let st = state(c, invoice_id)?;
    let pays = approves_payments(&ctx.roles);
    Ok(InvoiceMatch {
        invoice_id,
        version: st.version,
        status: st.status,
        kind: InvoiceKind::from_document_type(&st.document_type),
        lines: matches::matched(c, invoice_id)?
            .into_iter()
            .map(|(_, _, m)| m)
            .collect(),
        differences: matches::differences(c, invoice_id)?,
        open_differences: st.open_differences,
        approvable: pays && can_approve(st.status, st.open_differences).is_ok(),
        may_accept: pays && st.status != InvoiceStatus::ApprovedForPayment,
        approved_by_name: st.approved_by_name,
        approved_at: st.approved_at,
    })
}

/// Sets each touched order line's invoiced quantity to the sum of its matches.
fn follow_invoiced(w: &WriteTx, mut lines: Vec<i64>) -> crate::Result<()> {
    lines.sort_unstable();
    lines.dedup();
    for id in lines {
        let invoiced = matches::invoiced(w.conn(), id)?;
        match_writes::set_invoiced(w, id, invoiced)?;
    }
    Ok(())
}

/// Each invoice line is paired at most once.
fn check_unique(pairings: &[Pairing]) -> crate::Result<()> {
    let mut errors = Vec::new();
    for (i, p) in pairings.iter().enumerate() {
        if pairings[..i]
            .iter()
            .any(|q| q.invoice_line == p.invoice_line)
        {
            errors.push(FieldError::new(
                &format!("pairings.{i}.invoice_line"),
                "duplicate",
            ));
        }
    }
    if pairings.is_empty() {
        errors.push(FieldError::new("pairings", "required"));
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

impl Backoffice {
    /// What to confirm the match from: the invoice's lines, the open order lines (the orders it
    /// names first), suggestions, and the stored pairing or else the best suggestions.
    pub fn match_proposal(&self, ctx: &Ctx, invoice_id: i64) -> crate::Result<MatchProposal> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| {
            let st = state(c, invoice_id)?;
            let b = basis(c, invoice_id)?;
            let open: Vec<OrderLineOpen> = b.open.into_iter().map(|(_, o)| o).collect();
            let suggestions = suggest(&b.lines, &open);
            let stored: Vec<Pairing> = matches::matched(c, invoice_id)?
                .into_iter()
                .map(|(_, _, m)| Pairing {
                    invoice_line: m.invoice_line,
                    order_id: m.order_id,
                    order_line: m.order_line,
                })
                .collect();
            let pairing = if stored.is_empty() {
                first_pairing(&suggestions)
            } else {
                stored
            };
            Ok(MatchProposal {
                invoice_id,
                version: st.version,
                kind: b.kind,
                status: st.status,
                lines: b.lines,
                open,
                suggestions,
                pairing,
                tolerances: b.tolerances,
            })
        })
    }

    pub fn invoice_match(&self, ctx: &Ctx, invoice_id: i64) -> crate::Result<InvoiceMatch> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(|c| view(c, ctx, invoice_id))
    }

    /// Confirms the pairing over `version`: checked against the order lines and tolerances,
    /// stored with its differences, the order lines' invoiced quantities moved, the invoice
    /// `matched`. A match already there (not approved for payment) is replaced; a difference
    /// found again exactly as it was accepted (same lines, kind and figures) stays accepted.
    pub fn confirm_match(
        &self,
        ctx: &Ctx,
        invoice_id: i64,
        version: i64,
        pairings: &[Pairing],
    ) -> crate::Result<InvoiceMatch> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        check_unique(pairings)?;
        self.store.write(&ctx.actor, |w| {
            let st = at_version(state(w.conn(), invoice_id)?, version)?;
            can_rematch(st.status)?;
            let b = basis(w.conn(), invoice_id)?;
            let ids: HashMap<(i64, u32), i64> = b
                .open
                .iter()
                .map(|(id, o)| ((o.order_id, o.line_no), *id))
                .collect();
            let open: Vec<OrderLineOpen> = b.open.into_iter().map(|(_, o)| o).collect();
            let checks = check_invoice(b.kind, &b.lines, &open, pairings, &b.tolerances)?;
            let kept = match_writes::accepted(w.conn(), invoice_id)?;
            let mut touched = match_writes::clear(w, invoice_id)?;
            let mut open_differences = 0;
            for check in &checks {
                let line_id = ids
                    .get(&(check.order_id, check.order_line))
                    .copied()
                    .ok_or_else(|| Error::internal("a checked pairing lost its order line"))?;
                let match_id = match_writes::insert_match(w, invoice_id, check, line_id)?;
                for d in &check.differences {
                    let key = match_writes::difference_key(check.invoice_line, line_id, d)?;
                    if match_writes::insert_difference(
                        w,
                        invoice_id,
                        match_id,
                        &key,
                        kept.get(&key),
                    )? {
                        open_differences += 1;
                    }
                }
                touched.push(line_id);
            }
            follow_invoiced(w, touched)?;
            match_writes::set_state(w, invoice_id, InvoiceStatus::Matched, open_differences)?;
            view(w.conn(), ctx, invoice_id)
        })
    }

    /// Takes the match away before approval for payment: the invoice is to be matched again and
    /// the order lines' invoiced quantities go back.
    pub fn unmatch_invoice(
        &self,
        ctx: &Ctx,
        invoice_id: i64,
        version: i64,
    ) -> crate::Result<InvoiceMatch> {
        self.require(ctx, Area::Purchasing, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let st = at_version(state(w.conn(), invoice_id)?, version)?;
            can_unmatch(st.status)?;
            let touched = match_writes::clear(w, invoice_id)?;
            follow_invoiced(w, touched)?;
            match_writes::set_state(w, invoice_id, InvoiceStatus::ToMatch, 0)?;
            view(w.conn(), ctx, invoice_id)
        })
    }
}
