//! A purchase order's PDF through the save dialog.

use super::super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::services::OrderPdf;
use backoffice_core::Error;
use tauri::{State, WebviewWindow};

const PDF: Filter = Filter {
    name: "PDF",
    extensions: &["pdf"],
};

/// Asks where to save the order's PDF (`title` is the dialog's, `name` the suggested file
/// name, e.g. "OA-2026-0001.pdf"), then saves it: the final copy of an approved order marks it
/// sent; a draft copy changes nothing (`is_final` false).
#[tauri::command]
pub async fn save_order_pdf(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    language: String,
    title: String,
    name: String,
) -> Result<OrderPdf, Error> {
    // Refused before the dialog opens when the person may not print orders at all.
    run(&state, |app, ctx| {
        app.require(ctx, Area::Purchasing, Action::Read)
    })
    .await?;
    let path = state.picker.save(&window, &title, &name, PDF).await?;
    run(&state, move |app, ctx| {
        app.save_order_pdf(ctx, id, &language, &path)
    })
    .await
}
