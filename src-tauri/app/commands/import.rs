//! Imports for every area: choose the file (native dialog), map columns, check, then commit as a
//! job with progress and cancel. The chosen path stays in Rust behind a token, so the web view
//! can never make the app read a file the person did not pick; with it stay the area it was
//! chosen for and the hash of the content the preview read, and the check and the commit refuse
//! a file changed since.

use super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::import::{ImportPreview, ImportReport, Mapping};
use backoffice_core::jobs::JobStatus;
use backoffice_core::services::ImportArea;
use backoffice_core::Error;
use serde::Serialize;
use tauri::{State, WebviewWindow};

const TABLES: Filter = Filter {
    name: "CSV, Excel",
    extensions: &["csv", "txt", "xlsx", "xls"],
};

#[derive(Serialize)]
pub struct ChosenImport {
    pub token: i64,
    pub preview: ImportPreview,
}

fn chosen(state: &State<'_, AppState>, token: i64) -> Result<crate::state::ImportChoice, Error> {
    state
        .import_files
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&token)
        .cloned()
        .ok_or_else(|| Error::not_found("import file"))
}

#[tauri::command]
pub async fn choose_import(
    window: WebviewWindow,
    state: State<'_, AppState>,
    area: ImportArea,
    title: String,
) -> Result<ChosenImport, Error> {
    // Refuse before the dialog if the person may not import here at all.
    run(&state, move |app, ctx| app.may_import(ctx, area)).await?;
    let path = state.picker.open(&window, &title, TABLES).await?;
    let (file, preview) = run(&state, move |app, ctx| {
        app.choose_import_in(ctx, area, &path)
    })
    .await?;
    let mut files = state.import_files.lock().unwrap_or_else(|e| e.into_inner());
    let token = files.len() as i64 + 1;
    files.insert(token, crate::state::ImportChoice { area, file });
    Ok(ChosenImport { token, preview })
}

#[tauri::command]
pub async fn validate_import(
    state: State<'_, AppState>,
    token: i64,
    mapping: Mapping,
    options: serde_json::Value,
) -> Result<ImportReport, Error> {
    let choice = chosen(&state, token)?;
    run(&state, move |app, ctx| {
        app.validate_import_in(ctx, choice.area, &choice.file, &mapping, &options)
    })
    .await
}

/// Starts the all-or-nothing import; poll `job_status`, stop with `cancel_job`.
#[tauri::command]
pub async fn commit_import(
    state: State<'_, AppState>,
    token: i64,
    mapping: Mapping,
    options: serde_json::Value,
) -> Result<i64, Error> {
    let choice = chosen(&state, token)?;
    let ctx = run(&state, |_, ctx| Ok(ctx.clone())).await?;
    let core = super::core(&state)?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        let mut p = |done: usize, total: usize| progress(done as u64, total as u64);
        let outcome =
            core.commit_import_in(&ctx, choice.area, &choice.file, &mapping, &options, &mut p)?;
        Ok(serde_json::to_value(outcome)?)
    }))
}

/// Only the signed-in, unlocked person who started a job sees its progress or result.
#[tauri::command]
pub async fn job_status(state: State<'_, AppState>, id: i64) -> Result<JobStatus, Error> {
    let ctx = run(&state, |_, ctx| Ok(ctx.clone())).await?;
    state.jobs.status(&ctx, id)
}

#[tauri::command]
pub async fn cancel_job(state: State<'_, AppState>, id: i64) -> Result<(), Error> {
    let ctx = run(&state, |_, ctx| Ok(ctx.clone())).await?;
    state.jobs.cancel(&ctx, id)
}
