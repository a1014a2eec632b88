//! Staff import: choose the file (native dialog), map columns, validate, then commit as a job
//! with progress and cancel. The chosen path stays in Rust behind a token, so the web view can
//! never make the app read a file the person did not pick; with it stays the hash of the content
//! the preview read, and validation and the commit refuse a file changed since.

use super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::staff_import::{ImportOptions, ImportPreview, ImportReport};
use backoffice_core::import::ChosenFile;
use backoffice_core::jobs::JobStatus;
use backoffice_core::Error;
use serde::Serialize;
use std::collections::BTreeMap;
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

fn chosen(state: &State<'_, AppState>, token: i64) -> Result<ChosenFile, Error> {
    state
        .import_files
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(&token)
        .cloned()
        .ok_or_else(|| Error::not_found("import file"))
}

#[tauri::command]
pub async fn choose_staff_import(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<ChosenImport, Error> {
    // Refuse before the dialog if the person may not import at all.
    run(&state, |app, ctx| {
        app.require(
            ctx,
            backoffice_core::domain::permissions::Area::Staff,
            backoffice_core::domain::permissions::Action::Write,
        )
    })
    .await?;
    let path = state.picker.open(&window, &title, TABLES).await?;
    let (file, preview) = run(&state, move |app, ctx| app.choose_import(ctx, &path)).await?;
    let mut files = state.import_files.lock().unwrap_or_else(|e| e.into_inner());
    let token = files.len() as i64 + 1;
    files.insert(token, file);
    Ok(ChosenImport { token, preview })
}

#[tauri::command]
pub async fn validate_staff_import(
    state: State<'_, AppState>,
    token: i64,
    mapping: BTreeMap<String, usize>,
    options: ImportOptions,
) -> Result<ImportReport, Error> {
    let file = chosen(&state, token)?;
    run(&state, move |app, ctx| {
        app.validate_import(ctx, &file, &mapping, &options)
    })
    .await
}

/// Starts the all-or-nothing import; poll `job_status`, stop with `cancel_job`.
#[tauri::command]
pub async fn commit_staff_import(
    state: State<'_, AppState>,
    token: i64,
    mapping: BTreeMap<String, usize>,
    options: ImportOptions,
) -> Result<i64, Error> {
    let file = chosen(&state, token)?;
    let ctx = run(&state, |_, ctx| Ok(ctx.clone())).await?;
    let core = super::core(&state)?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        let mut p = |done: usize, total: usize| progress(done as u64, total as u64);
        let outcome = core.commit_import(&ctx, &file, &mapping, &options, &mut p)?;
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
