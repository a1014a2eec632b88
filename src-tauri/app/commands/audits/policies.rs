use super::super::run;
use crate::state::AppState;
use backoffice_core::domain::audits::policy::{
    AckInput, AckQuery, AckRow, Policy, PolicyInput, PolicyQuery,
};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use chrono::NaiveDate;
use tauri::State;

#[tauri::command]
pub async fn list_policies(
    state: State<'_, AppState>,
    query: PolicyQuery,
) -> Result<Page<Policy>, Error> {
    run(&state, move |app, ctx| app.list_policies(ctx, &query)).await
}

#[tauri::command]
pub async fn get_policy(state: State<'_, AppState>, id: i64) -> Result<Policy, Error> {
    run(&state, move |app, ctx| app.policy(ctx, id)).await
}

#[tauri::command]
pub async fn create_policy(
    state: State<'_, AppState>,
    input: PolicyInput,
) -> Result<Policy, Error> {
    run(&state, move |app, ctx| app.create_policy(ctx, &input)).await
}

#[tauri::command]
pub async fn update_policy(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: PolicyInput,
) -> Result<Policy, Error> {
    run(&state, move |app, ctx| {
        app.update_policy(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn review_policy(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    on: Option<NaiveDate>,
) -> Result<Policy, Error> {
    run(&state, move |app, ctx| {
        app.review_policy(ctx, id, version, on)
    })
    .await
}

#[tauri::command]
pub async fn set_policy_retired(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    retired: bool,
) -> Result<Policy, Error> {
    run(&state, move |app, ctx| {
        app.set_policy_retired(ctx, id, version, retired)
    })
    .await
}

#[tauri::command]
pub async fn acknowledge_policy(
    state: State<'_, AppState>,
    id: i64,
    input: AckInput,
) -> Result<i64, Error> {
    run(&state, move |app, ctx| {
        app.acknowledge_policy(ctx, id, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_policy_acknowledgements(
    state: State<'_, AppState>,
    id: i64,
    query: AckQuery,
) -> Result<Page<AckRow>, Error> {
    run(&state, move |app, ctx| {
        app.policy_acknowledgements(ctx, id, &query)
    })
    .await
}
