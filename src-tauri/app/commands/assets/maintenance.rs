//! Recurring maintenance: plans, completions and the work log, the calendar and compliance.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::maintenance::{Plan, PlanInput, PlanQuery, PlanRow};
use backoffice_core::domain::assets::maintenance_log::{
    CalendarEntry, Compliance, LogEntry, LogInput,
};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_maintenance_plans(
    state: State<'_, AppState>,
    query: PlanQuery,
) -> Result<Page<PlanRow>, Error> {
    run(&state, move |app, ctx| {
        app.list_maintenance_plans(ctx, &query)
    })
    .await
}

#[tauri::command]
pub async fn get_maintenance_plan(state: State<'_, AppState>, id: i64) -> Result<Plan, Error> {
    run(&state, move |app, ctx| app.maintenance_plan(ctx, id)).await
}

#[tauri::command]
pub async fn save_maintenance_plan(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: PlanInput,
) -> Result<Plan, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_maintenance_plan(ctx, &input),
        Some(id) => app.update_maintenance_plan(ctx, id, version, &input),
    })
    .await
}

#[tauri::command]
pub async fn set_maintenance_plan_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<Plan, Error> {
    run(&state, move |app, ctx| {
        app.set_maintenance_plan_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn complete_maintenance(
    state: State<'_, AppState>,
    plan_id: i64,
    version: i64,
    input: LogInput,
) -> Result<LogEntry, Error> {
    run(&state, move |app, ctx| {
        app.complete_maintenance(ctx, plan_id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn log_asset_work(
    state: State<'_, AppState>,
    asset_id: i64,
    input: LogInput,
) -> Result<LogEntry, Error> {
    run(&state, move |app, ctx| {
        app.log_asset_work(ctx, asset_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn maintenance_log(
    state: State<'_, AppState>,
    plan_id: Option<i64>,
    asset_id: Option<i64>,
    offset: i64,
    limit: i64,
) -> Result<Page<LogEntry>, Error> {
    run(&state, move |app, ctx| match (plan_id, asset_id) {
        (Some(p), _) => app.maintenance_log_of_plan(ctx, p, offset, limit),
        (None, Some(a)) => app.maintenance_log_of_asset(ctx, a, offset, limit),
        (None, None) => Err(Error::field("plan_id", "required")),
    })
    .await
}

#[tauri::command]
pub async fn maintenance_calendar(
    state: State<'_, AppState>,
    year: i32,
    month: u32,
) -> Result<Vec<CalendarEntry>, Error> {
    run(&state, move |app, ctx| {
        app.maintenance_calendar(ctx, year, month)
    })
    .await
}

#[tauri::command]
pub async fn maintenance_compliance(state: State<'_, AppState>) -> Result<Compliance, Error> {
    run(&state, move |app, ctx| app.maintenance_compliance(ctx)).await
}
