//! The inventory: the list, one asset, its form, check-out and check-in.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::asset::{Asset, AssetInput, AssetQuery, AssetRow};
use backoffice_core::domain::assets::checkout::{CheckinInput, Checkout, CheckoutInput};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_assets(
    state: State<'_, AppState>,
    query: AssetQuery,
) -> Result<Page<AssetRow>, Error> {
    run(&state, move |app, ctx| app.list_assets(ctx, &query)).await
}

#[tauri::command]
pub async fn get_asset(state: State<'_, AppState>, id: i64) -> Result<Asset, Error> {
    run(&state, move |app, ctx| app.asset(ctx, id)).await
}

#[tauri::command]
pub async fn next_asset_tag(state: State<'_, AppState>, category_id: i64) -> Result<String, Error> {
    run(&state, move |app, ctx| app.next_asset_tag(ctx, category_id)).await
}

#[tauri::command]
pub async fn save_asset(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: AssetInput,
) -> Result<Asset, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_asset(ctx, &input),
        Some(id) => app.update_asset(ctx, id, version, &input),
    })
    .await
}

#[tauri::command]
pub async fn checkout_asset(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: CheckoutInput,
) -> Result<Asset, Error> {
    run(&state, move |app, ctx| {
        app.checkout_asset(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn checkin_asset(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: CheckinInput,
) -> Result<Asset, Error> {
    run(&state, move |app, ctx| {
        app.checkin_asset(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn asset_holders(
    state: State<'_, AppState>,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Page<Checkout>, Error> {
    run(&state, move |app, ctx| {
        app.asset_holders(ctx, id, offset, limit)
    })
    .await
}

#[tauri::command]
pub async fn assets_held_by(
    state: State<'_, AppState>,
    employee_id: i64,
) -> Result<Vec<Checkout>, Error> {
    run(&state, move |app, ctx| app.assets_held_by(ctx, employee_id)).await
}

#[tauri::command]
pub async fn inventory_expected(
    state: State<'_, AppState>,
    location_id: i64,
) -> Result<Vec<backoffice_core::domain::assets::inventory_check::CheckedAsset>, Error> {
    run(&state, move |app, ctx| {
        app.inventory_expected(ctx, location_id)
    })
    .await
}

#[tauri::command]
pub async fn record_inventory_check(
    state: State<'_, AppState>,
    input: backoffice_core::domain::assets::inventory_check::InventoryCheckInput,
) -> Result<backoffice_core::domain::assets::inventory_check::InventoryCheckResult, Error> {
    run(&state, move |app, ctx| {
        app.record_inventory_check(ctx, &input)
    })
    .await
}

#[tauri::command]
pub async fn asset_value(
    state: State<'_, AppState>,
    id: i64,
    at: Option<chrono::NaiveDate>,
) -> Result<backoffice_core::domain::assets::value::AssetValue, Error> {
    run(&state, move |app, ctx| app.asset_value(ctx, id, at)).await
}

#[tauri::command]
pub async fn book_values(
    state: State<'_, AppState>,
    at: Option<chrono::NaiveDate>,
) -> Result<Vec<backoffice_core::domain::assets::value::CategoryValue>, Error> {
    run(&state, move |app, ctx| app.book_values(ctx, at)).await
}
