use super::run;
use crate::state::AppState;
use backoffice_core::domain::history::{Change, HistoryQuery, HistoryStatus, VerifyReport};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_history(
    state: State<'_, AppState>,
    query: HistoryQuery,
) -> Result<Page<Change>, Error> {
    run(&state, move |app, _| app.history(&query)).await
}

#[tauri::command]
pub async fn history_status(state: State<'_, AppState>) -> Result<HistoryStatus, Error> {
    run(&state, |app, _| app.history_status()).await
}

#[tauri::command]
pub async fn verify_history(state: State<'_, AppState>) -> Result<VerifyReport, Error> {
    run(&state, |app, _| app.verify_history(&mut |_| true)).await
}
