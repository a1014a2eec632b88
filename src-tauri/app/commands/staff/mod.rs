//! Staff commands: employee files, the staff list and completeness; catalogues, exports
//! and training in their own modules.

pub mod catalog;
pub mod export;
pub mod training;

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::staff::completeness::{CompanyCompleteness, FixQuery, FixRow};
use backoffice_core::domain::staff::employee::{
    Employee, EmployeeFile, EmployeeInput, EmployeeSaved, StaffQuery, StaffRow, TerminationInput,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_staff(
    state: State<'_, AppState>,
    query: StaffQuery,
) -> Result<Page<StaffRow>, Error> {
    run(&state, move |app, ctx| app.list_staff(ctx, &query)).await
}

/// Opening a file is recorded in history as a read of personal data. `reread`: the screen that
/// has the file open brings it up to date (after a save); the core decides whether that is
/// already covered by this person's recorded opening (see `Backoffice::reread_employee`).
#[tauri::command]
pub async fn get_employee(
    state: State<'_, AppState>,
    id: i64,
    reread: Option<bool>,
) -> Result<EmployeeFile, Error> {
    run(&state, move |app, ctx| {
        if reread == Some(true) {
            app.reread_employee(ctx, id)
        } else {
            app.employee(ctx, id)
        }
    })
    .await
}

#[tauri::command]
pub async fn create_employee(
    state: State<'_, AppState>,
    input: EmployeeInput,
) -> Result<EmployeeSaved, Error> {
    run(&state, move |app, ctx| app.create_employee(ctx, &input)).await
}

#[tauri::command]
pub async fn update_employee(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: EmployeeInput,
) -> Result<EmployeeSaved, Error> {
    run(&state, move |app, ctx| {
        app.update_employee(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn terminate_employee(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: TerminationInput,
) -> Result<Employee, Error> {
    run(&state, move |app, ctx| {
        app.terminate_employee(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn reactivate_employee(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<Employee, Error> {
    run(&state, move |app, ctx| {
        app.reactivate_employee(ctx, id, version)
    })
    .await
}

#[tauri::command]
pub async fn company_completeness(
    state: State<'_, AppState>,
) -> Result<CompanyCompleteness, Error> {
    run(&state, |app, ctx| app.company_completeness(ctx)).await
}

#[tauri::command]
pub async fn what_needs_fixing(
    state: State<'_, AppState>,
    query: FixQuery,
) -> Result<Page<FixRow>, Error> {
    run(&state, move |app, ctx| app.what_needs_fixing(ctx, &query)).await
}
