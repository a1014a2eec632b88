use super::{run, run_open};
use crate::state::AppState;
use backoffice_core::domain::attention::Attention;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::organisation::{Organisation, OrganisationInput};
use backoffice_core::services::{Home, Preferences, Startup};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn startup(state: State<'_, AppState>) -> Result<Startup, Error> {
    crate::trace::mark("first command (startup)");
    let error = state
        .core
        .read()
        .unwrap_or_else(|e| e.into_inner())
        .as_ref()
        .err()
        .cloned();
    let needs_setup = if error.is_none() {
        run_open(&state, |app| app.needs_setup()).await?
    } else {
        false
    };
    // An encrypted folder waiting for its passphrase is not a failure: the unlock screen shows.
    let locked = error
        .as_ref()
        .is_some_and(|e| e.code == backoffice_core::ErrorCode::DbLocked);
    Ok(Startup {
        error: error.filter(|_| !locked),
        locked,
        db_path: state.db_path.display().to_string(),
        system_language: state.system_language.clone(),
        needs_setup,
    })
}

#[tauri::command]
pub async fn home(state: State<'_, AppState>) -> Result<Home, Error> {
    run(&state, |app, ctx| app.home(ctx)).await
}

/// What needs someone, across the areas the person may read (Home's list).
#[tauri::command]
pub async fn attention(
    state: State<'_, AppState>,
    min_severity: Severity,
    limit: usize,
) -> Result<Attention, Error> {
    run(&state, move |app, ctx| {
        app.attention(ctx, min_severity, limit)
    })
    .await
}

#[tauri::command]
pub async fn get_preferences(state: State<'_, AppState>) -> Result<Preferences, Error> {
    run(&state, |app, ctx| app.preferences(ctx)).await
}

#[tauri::command]
pub async fn set_language(
    state: State<'_, AppState>,
    language: String,
) -> Result<Preferences, Error> {
    run(&state, move |app, ctx| app.set_language(ctx, &language)).await
}

#[tauri::command]
pub async fn get_organisation(state: State<'_, AppState>) -> Result<Organisation, Error> {
    run(&state, |app, ctx| app.organisation(ctx)).await
}

#[tauri::command]
pub async fn save_organisation(
    state: State<'_, AppState>,
    input: OrganisationInput,
) -> Result<Organisation, Error> {
    run(&state, move |app, ctx| app.save_organisation(ctx, &input)).await
}

/// Opens the native open dialog titled `title`; the chosen PNG or JPEG becomes the logo.
#[tauri::command]
pub async fn set_organisation_logo(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<Organisation, Error> {
    const PICTURES: crate::dialogs::Filter = crate::dialogs::Filter {
        name: "PNG, JPEG",
        extensions: &["png", "jpg", "jpeg"],
    };
    let path = state.picker.open(&window, &title, PICTURES).await?;
    run(&state, move |app, ctx| {
        app.set_organisation_logo(ctx, &path)
    })
    .await
}

#[tauri::command]
pub async fn clear_organisation_logo(state: State<'_, AppState>) -> Result<Organisation, Error> {
    run(&state, |app, ctx| app.clear_organisation_logo(ctx)).await
}

/// The logo as a `data:` URL for the preview; none when unset.
#[tauri::command]
pub async fn get_organisation_logo(state: State<'_, AppState>) -> Result<Option<String>, Error> {
    run(&state, |app, ctx| app.organisation_logo_url(ctx)).await
}
