//! Supplier invoices: importing FatturaPA files (choose → report per file → confirm), the
//! list, one invoice, the due-payments report and invoices entered by hand.

use crate::commands::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::domain::purchasing::invoice::{
    DueQuery, DueRow, InvoiceQuery, InvoiceRow, SupplierInvoice,
};
use backoffice_core::domain::purchasing::invoice_import::{
    InvoiceImportChoices, InvoiceImportOutcome, InvoiceImportPreview,
};
use backoffice_core::domain::purchasing::manual_invoice::ManualInvoiceInput;
use backoffice_core::Error;
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Mutex;
use tauri::{State, WebviewWindow};

const FATTURE: Filter = Filter {
    name: "FatturaPA (.xml, .p7m)",
    extensions: &["xml", "p7m", "XML", "P7M"],
};

/// The files chosen for an import, by token, with the hashes the preview read: the web view
/// refers to them and never names a path; the confirm refuses a file changed since.
struct Chosen {
    paths: Vec<PathBuf>,
    sha256: Vec<Option<String>>,
}

static CHOSEN: Mutex<Option<HashMap<i64, Chosen>>> = Mutex::new(None);

#[derive(Serialize)]
pub struct ChosenInvoices {
    pub token: i64,
    pub preview: InvoiceImportPreview,
}

/// Opens the open dialog (one or many files), reads them and reports on each; nothing is
/// written.
#[tauri::command]
pub async fn choose_invoice_files(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<ChosenInvoices, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Purchasing, Action::Write)
    })
    .await?;
    let paths = state.picker.open_many(&window, &title, FATTURE).await?;
    let read = paths.clone();
    let preview = run(&state, move |app, ctx| {
        app.preview_invoice_files(ctx, &read)
    })
    .await?;
    let sha256 = preview.files.iter().map(|f| f.sha256.clone()).collect();
    let mut chosen = CHOSEN.lock().unwrap_or_else(|e| e.into_inner());
    let map = chosen.get_or_insert_with(HashMap::new);
    let token = map.keys().max().copied().unwrap_or(0) + 1;
    map.insert(token, Chosen { paths, sha256 });
    Ok(ChosenInvoices { token, preview })
}

/// Imports the good invoices of the chosen files in one transaction.
#[tauri::command]
pub async fn import_invoice_files(
    state: State<'_, AppState>,
    token: i64,
    choices: InvoiceImportChoices,
) -> Result<InvoiceImportOutcome, Error> {
    let (paths, sha256) = {
        let chosen = CHOSEN.lock().unwrap_or_else(|e| e.into_inner());
        let c = chosen
            .as_ref()
            .and_then(|m| m.get(&token))
            .ok_or_else(|| Error::not_found("invoice files"))?;
        (c.paths.clone(), c.sha256.clone())
    };
    let out = run(&state, move |app, ctx| {
        app.import_invoice_files(ctx, &paths, &sha256, &choices)
    })
    .await?;
    if let Some(m) = CHOSEN.lock().unwrap_or_else(|e| e.into_inner()).as_mut() {
        m.remove(&token);
    }
    Ok(out)
}

#[tauri::command]
pub async fn list_invoices(
    state: State<'_, AppState>,
    query: InvoiceQuery,
) -> Result<Page<InvoiceRow>, Error> {
    run(&state, move |app, ctx| app.list_invoices(ctx, &query)).await
}

#[tauri::command]
pub async fn get_invoice(state: State<'_, AppState>, id: i64) -> Result<SupplierInvoice, Error> {
    run(&state, move |app, ctx| app.invoice(ctx, id)).await
}

#[tauri::command]
pub async fn list_due_payments(
    state: State<'_, AppState>,
    query: DueQuery,
) -> Result<Page<DueRow>, Error> {
    run(&state, move |app, ctx| app.due_payments(ctx, &query)).await
}

#[tauri::command]
pub async fn save_manual_invoice(
    state: State<'_, AppState>,
    input: ManualInvoiceInput,
) -> Result<SupplierInvoice, Error> {
    run(&state, move |app, ctx| {
        app.create_manual_invoice(ctx, &input)
    })
    .await
}
