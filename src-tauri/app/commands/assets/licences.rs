//! Software licences with their seats, and consumables with their stock moves.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::consumable::{
    Consumable, ConsumableInput, ConsumableMove, ConsumableQuery, MoveInput,
};
use backoffice_core::domain::assets::licence::{
    Licence, LicenceInput, LicenceQuery, SoftwareProduct, SoftwareProductInput,
};
use backoffice_core::domain::assets::seat::{Seat, SeatInput};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use chrono::NaiveDate;
use tauri::State;

#[tauri::command]
pub async fn list_software_products(
    state: State<'_, AppState>,
    search: Option<String>,
) -> Result<Vec<SoftwareProduct>, Error> {
    run(&state, move |app, ctx| {
        app.list_software_products(ctx, search)
    })
    .await
}

#[tauri::command]
pub async fn save_software_product(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: SoftwareProductInput,
) -> Result<SoftwareProduct, Error> {
    run(&state, move |app, ctx| {
        app.save_software_product(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_licences(
    state: State<'_, AppState>,
    query: LicenceQuery,
) -> Result<Page<Licence>, Error> {
    run(&state, move |app, ctx| app.list_licences(ctx, &query)).await
}

#[tauri::command]
pub async fn save_licence(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: LicenceInput,
) -> Result<Licence, Error> {
    run(&state, move |app, ctx| {
        app.save_licence(ctx, id, version, &input)
    })
    .await
}

/// The licence with its key: recorded in history as a read of the key.
#[tauri::command]
pub async fn reveal_licence_key(state: State<'_, AppState>, id: i64) -> Result<Licence, Error> {
    run(&state, move |app, ctx| app.reveal_licence_key(ctx, id)).await
}

#[tauri::command]
pub async fn licence_seats(
    state: State<'_, AppState>,
    licence_id: i64,
    held_only: bool,
) -> Result<Vec<Seat>, Error> {
    run(&state, move |app, ctx| {
        app.licence_seats(ctx, licence_id, held_only)
    })
    .await
}

#[tauri::command]
pub async fn assign_seat(
    state: State<'_, AppState>,
    licence_id: i64,
    input: SeatInput,
) -> Result<Seat, Error> {
    run(&state, move |app, ctx| {
        app.assign_seat(ctx, licence_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn release_seat(
    state: State<'_, AppState>,
    seat_id: i64,
    version: i64,
    on: Option<NaiveDate>,
) -> Result<Seat, Error> {
    run(&state, move |app, ctx| {
        app.release_seat(ctx, seat_id, version, on)
    })
    .await
}

#[tauri::command]
pub async fn list_consumables(
    state: State<'_, AppState>,
    query: ConsumableQuery,
) -> Result<Page<Consumable>, Error> {
    run(&state, move |app, ctx| app.list_consumables(ctx, &query)).await
}

#[tauri::command]
pub async fn save_consumable(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: ConsumableInput,
) -> Result<Consumable, Error> {
    run(&state, move |app, ctx| {
        app.save_consumable(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn move_consumable(
    state: State<'_, AppState>,
    id: i64,
    input: MoveInput,
) -> Result<Consumable, Error> {
    run(&state, move |app, ctx| app.move_consumable(ctx, id, &input)).await
}

#[tauri::command]
pub async fn consumable_moves(
    state: State<'_, AppState>,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<Page<ConsumableMove>, Error> {
    run(&state, move |app, ctx| {
        app.consumable_moves(ctx, id, offset, limit)
    })
    .await
}
