use super::run;
use crate::state::AppState;
use backoffice_core::domain::department::{Department, DepartmentInput, DepartmentQuery};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_departments(
    state: State<'_, AppState>,
    query: DepartmentQuery,
) -> Result<Page<Department>, Error> {
    run(&state, move |app, ctx| app.list_departments(ctx, &query)).await
}

#[tauri::command]
pub async fn get_department(state: State<'_, AppState>, id: i64) -> Result<Department, Error> {
    run(&state, move |app, ctx| app.department(ctx, id)).await
}

#[tauri::command]
pub async fn create_department(
    state: State<'_, AppState>,
    input: DepartmentInput,
) -> Result<Department, Error> {
    run(&state, move |app, ctx| app.create_department(ctx, &input)).await
}

#[tauri::command]
pub async fn update_department(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: DepartmentInput,
) -> Result<Department, Error> {
    run(&state, move |app, ctx| {
        app.update_department(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn set_department_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<Department, Error> {
    run(&state, move |app, ctx| {
        app.set_department_active(ctx, id, version, active)
    })
    .await
}
