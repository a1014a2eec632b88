//! The lists behind assets: categories and locations.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::catalog::{
    AssetCategory, AssetCategoryInput, Location, LocationInput,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_asset_categories(
    state: State<'_, AppState>,
    include_inactive: bool,
) -> Result<Vec<AssetCategory>, Error> {
    run(&state, move |app, ctx| {
        app.list_asset_categories(ctx, include_inactive)
    })
    .await
}

#[tauri::command]
pub async fn save_asset_category(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: AssetCategoryInput,
) -> Result<AssetCategory, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_asset_category(ctx, &input),
        Some(id) => app.update_asset_category(ctx, id, version, &input),
    })
    .await
}

#[tauri::command]
pub async fn set_asset_category_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<AssetCategory, Error> {
    run(&state, move |app, ctx| {
        app.set_asset_category_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn list_locations(
    state: State<'_, AppState>,
    include_retired: bool,
) -> Result<Vec<Location>, Error> {
    run(&state, move |app, ctx| {
        app.list_locations(ctx, include_retired)
    })
    .await
}

#[tauri::command]
pub async fn save_location(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: LocationInput,
) -> Result<Location, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_location(ctx, &input),
        Some(id) => app.update_location(ctx, id, version, &input),
    })
    .await
}

#[tauri::command]
pub async fn set_location_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<Location, Error> {
    run(&state, move |app, ctx| {
        app.set_location_active(ctx, id, version, active)
    })
    .await
}
