//! The three-way match of a supplier invoice, accepting its differences and approving it for
//! payment; the match tolerances; the received-not-invoiced report and a supplier's mismatches.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::purchasing::invoice_match::{
    InvoiceMatch, MatchProposal, MatchYear, SupplierTolerances,
};
use backoffice_core::domain::purchasing::match3::{MatchTolerances, Pairing};
use backoffice_core::domain::purchasing::match_reports::{ToInvoiceQuery, ToInvoiceRow};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn match_proposal(
    state: State<'_, AppState>,
    invoice_id: i64,
) -> Result<MatchProposal, Error> {
    run(&state, move |app, ctx| app.match_proposal(ctx, invoice_id)).await
}

#[tauri::command]
pub async fn get_invoice_match(
    state: State<'_, AppState>,
    invoice_id: i64,
) -> Result<InvoiceMatch, Error> {
    run(&state, move |app, ctx| app.invoice_match(ctx, invoice_id)).await
}

#[tauri::command]
pub async fn confirm_match(
    state: State<'_, AppState>,
    invoice_id: i64,
    version: i64,
    pairings: Vec<Pairing>,
) -> Result<InvoiceMatch, Error> {
    run(&state, move |app, ctx| {
        app.confirm_match(ctx, invoice_id, version, &pairings)
    })
    .await
}

#[tauri::command]
pub async fn unmatch_invoice(
    state: State<'_, AppState>,
    invoice_id: i64,
    version: i64,
) -> Result<InvoiceMatch, Error> {
    run(&state, move |app, ctx| {
        app.unmatch_invoice(ctx, invoice_id, version)
    })
    .await
}

#[tauri::command]
pub async fn accept_difference(
    state: State<'_, AppState>,
    invoice_id: i64,
    difference_id: i64,
    reason: String,
) -> Result<InvoiceMatch, Error> {
    run(&state, move |app, ctx| {
        app.accept_difference(ctx, invoice_id, difference_id, &reason)
    })
    .await
}

#[tauri::command]
pub async fn approve_for_payment(
    state: State<'_, AppState>,
    invoice_id: i64,
    version: i64,
) -> Result<InvoiceMatch, Error> {
    run(&state, move |app, ctx| {
        app.approve_for_payment(ctx, invoice_id, version)
    })
    .await
}

#[tauri::command]
pub async fn match_tolerances(state: State<'_, AppState>) -> Result<MatchTolerances, Error> {
    run(&state, move |app, ctx| app.match_tolerances(ctx)).await
}

#[tauri::command]
pub async fn save_match_tolerances(
    state: State<'_, AppState>,
    tolerances: MatchTolerances,
) -> Result<MatchTolerances, Error> {
    run(&state, move |app, ctx| {
        app.save_match_tolerances(ctx, &tolerances)
    })
    .await
}

#[tauri::command]
pub async fn supplier_tolerances(
    state: State<'_, AppState>,
    supplier_id: i64,
) -> Result<SupplierTolerances, Error> {
    run(&state, move |app, ctx| {
        app.supplier_tolerances(ctx, supplier_id)
    })
    .await
}

#[tauri::command]
pub async fn save_supplier_tolerances(
    state: State<'_, AppState>,
    supplier_id: i64,
    tolerances: Option<MatchTolerances>,
) -> Result<SupplierTolerances, Error> {
    run(&state, move |app, ctx| {
        app.save_supplier_tolerances(ctx, supplier_id, tolerances.as_ref())
    })
    .await
}

#[tauri::command]
pub async fn list_to_invoice(
    state: State<'_, AppState>,
    query: ToInvoiceQuery,
) -> Result<Page<ToInvoiceRow>, Error> {
    run(&state, move |app, ctx| app.to_invoice(ctx, &query)).await
}

#[tauri::command]
pub async fn supplier_match_years(
    state: State<'_, AppState>,
    supplier_id: i64,
) -> Result<Vec<MatchYear>, Error> {
    run(&state, move |app, ctx| {
        app.supplier_match_years(ctx, supplier_id)
    })
    .await
}
