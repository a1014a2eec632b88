//! Training records of one employee (their certificates are the employee's attachments).

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::staff::document::{TrainingInput, TrainingRecord};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn add_training(
    state: State<'_, AppState>,
    employee_id: i64,
    input: TrainingInput,
) -> Result<TrainingRecord, Error> {
    run(&state, move |app, ctx| {
        app.add_training(ctx, employee_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_training(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: TrainingInput,
) -> Result<TrainingRecord, Error> {
    run(&state, move |app, ctx| {
        app.update_training(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_training(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_training(ctx, id, version)
    })
    .await
}
