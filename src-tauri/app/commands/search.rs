use super::run;
use crate::state::AppState;
use backoffice_core::domain::search::{GlobalSearchQuery, GlobalSearchResult};
use backoffice_core::Error;
use tauri::State;

/// The header's search box: hits only from the areas the signed-in person may read.
#[tauri::command]
pub async fn global_search(
    state: State<'_, AppState>,
    query: GlobalSearchQuery,
) -> Result<GlobalSearchResult, Error> {
    run(&state, move |app, ctx| app.global_search(ctx, &query)).await
}
