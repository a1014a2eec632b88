use super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::history::{
    HistoryHead, HistoryPage, HistoryQuery, HistoryStatus, VerifyReport,
};
use backoffice_core::Error;
use serde::Serialize;
use tauri::{State, WebviewWindow};

const CSV: Filter = Filter {
    name: "CSV",
    extensions: &["csv"],
};
const HEAD: Filter = Filter {
    name: "Backoffice history head",
    extensions: &["json"],
};

#[derive(Serialize)]
pub struct Exported {
    pub path: String,
    pub rows: u64,
}

#[tauri::command]
pub async fn list_history(
    state: State<'_, AppState>,
    query: HistoryQuery,
) -> Result<HistoryPage, Error> {
    run(&state, move |app, ctx| app.history(ctx, &query)).await
}

#[tauri::command]
pub async fn history_status(state: State<'_, AppState>) -> Result<HistoryStatus, Error> {
    run(&state, |app, ctx| app.history_status(ctx)).await
}

#[tauri::command]
pub async fn verify_history(state: State<'_, AppState>) -> Result<VerifyReport, Error> {
    run(&state, |app, ctx| app.verify_history(ctx, &mut |_| true)).await
}

/// Asks where to save, then writes the filtered history there. `title` comes translated from the UI.
#[tauri::command]
pub async fn export_history_csv(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: HistoryQuery,
    language: String,
    title: String,
) -> Result<Exported, Error> {
    // Check the permission before showing a dialog the person could not use.
    run(&state, |app, ctx| {
        app.require(
            ctx,
            backoffice_core::domain::permissions::Area::History,
            backoffice_core::domain::permissions::Action::Export,
        )
    })
    .await?;
    let name = format!(
        "backoffice-history-{}.csv",
        chrono::Local::now().format("%Y%m%d-%H%M")
    );
    let path = state.picker.save(&window, &title, &name, CSV).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        app.export_history_csv(ctx, &query, &path, &language)
    })
    .await?;
    Ok(Exported { path: shown, rows })
}

#[tauri::command]
pub async fn export_history_head(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<HistoryHead, Error> {
    run(&state, |app, ctx| app.history_head(ctx).map(|_| ())).await?;
    let name = format!(
        "backoffice-history-head-{}.json",
        chrono::Local::now().format("%Y%m%d-%H%M")
    );
    let path = state.picker.save(&window, &title, &name, HEAD).await?;
    run(&state, move |app, ctx| app.export_history_head(ctx, &path)).await
}

#[tauri::command]
pub async fn verify_history_against_head(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<VerifyReport, Error> {
    let path = state.picker.open(&window, &title, HEAD).await?;
    run(&state, move |app, ctx| {
        app.verify_history_against(ctx, &path, &mut |_| true)
    })
    .await
}
