//! The IT reports and the CSV/Excel exports of the IT lists, each file through the save dialog.

use crate::commands::export_file::{list_file_name, list_format};
use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::consumable::ConsumableQuery;
use backoffice_core::domain::assets::licence::LicenceQuery;
use backoffice_core::domain::assets::maintenance::PlanQuery;
use backoffice_core::domain::assets::report::{Expiring, Grouping, ReportGroup, TcoQuery, TcoRow};
use backoffice_core::domain::page::Page;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::export::Format;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Error;
use chrono::NaiveDate;
use std::path::Path;
use tauri::{State, WebviewWindow};

use super::outputs::SavedList;

#[tauri::command]
pub async fn asset_report(
    state: State<'_, AppState>,
    by: Grouping,
) -> Result<Vec<ReportGroup>, Error> {
    run(&state, move |app, ctx| app.asset_report(ctx, by)).await
}

#[tauri::command]
pub async fn asset_tco(state: State<'_, AppState>, query: TcoQuery) -> Result<Page<TcoRow>, Error> {
    run(&state, move |app, ctx| app.asset_tco(ctx, &query)).await
}

#[tauri::command]
pub async fn it_expiring(state: State<'_, AppState>, days: i64) -> Result<Expiring, Error> {
    run(&state, move |app, ctx| app.it_expiring(ctx, days)).await
}

/// Asks where to save (named `stem` in the language's words), then writes the file there.
async fn save_list(
    window: WebviewWindow,
    state: State<'_, AppState>,
    stems: (&str, &str),
    format: String,
    language: String,
    title: String,
    write: impl FnOnce(&Backoffice, &Ctx, &Path, &str, Format) -> backoffice_core::Result<u64>
        + Send
        + 'static,
) -> Result<SavedList, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Assets, Action::Export)
    })
    .await?;
    let (format, filter) = list_format(&format);
    let stem = if language == "it" { stems.0 } else { stems.1 };
    let name = list_file_name(stem, format);
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        write(app, ctx, &path, &language, format)
    })
    .await?;
    Ok(SavedList { path: shown, rows })
}

#[tauri::command]
pub async fn export_asset_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    by: Grouping,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("beni-it-per-gruppo", "it-assets-by-group");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_asset_report(ctx, by, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_book_values(
    window: WebviewWindow,
    state: State<'_, AppState>,
    at: Option<NaiveDate>,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("valori-contabili", "book-values");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_book_values(ctx, at, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_tco(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: TcoQuery,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("costo-totale-di-possesso", "total-cost-of-ownership");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_tco(ctx, &query, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_licences(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: LicenceQuery,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("licenze", "licences");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_licences(ctx, &query, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_consumables(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: ConsumableQuery,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("materiale-di-consumo", "consumables");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_consumables(ctx, &query, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_maintenance_plans(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: PlanQuery,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("piani-di-manutenzione", "maintenance-plans");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_maintenance_plans(ctx, &query, p, l, f),
    )
    .await
}

#[tauri::command]
pub async fn export_maintenance_log(
    window: WebviewWindow,
    state: State<'_, AppState>,
    from: NaiveDate,
    to: NaiveDate,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    let stems = ("registro-interventi", "work-log");
    save_list(
        window,
        state,
        stems,
        format,
        language,
        title,
        move |app, ctx, p, l, f| app.export_maintenance_log(ctx, from, to, p, l, f),
    )
    .await
}
