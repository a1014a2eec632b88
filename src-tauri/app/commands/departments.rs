use super::export_file::{list_file_name, list_format};
use super::run;
use super::staff::export::Saved;
use crate::state::AppState;
use backoffice_core::domain::department::{Department, DepartmentInput, DepartmentQuery};
use backoffice_core::domain::page::Page;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::Error;
use tauri::{State, WebviewWindow};

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

/// The filtered department list as CSV or Excel (`format` "csv" or "xlsx") through the save
/// dialog; `title` is the dialog's, in the person's language.
#[tauri::command]
pub async fn export_departments(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: DepartmentQuery,
    format: String,
    language: String,
    title: String,
) -> Result<Saved, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Departments, Action::Export)
    })
    .await?;
    let (format, filter) = list_format(&format);
    let name = list_file_name(
        if language == "it" {
            "reparti"
        } else {
            "departments"
        },
        format,
    );
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        app.export_departments(ctx, &query, &path, &language, format)
    })
    .await?;
    Ok(Saved { path: shown, rows })
}
