//! Backups from the settings screen: the folder through the native dialog, how many are kept,
//! and the long steps (back up, prove, restore) as jobs with progress and Cancel.

use super::{core, run};
use crate::state::AppState;
use backoffice_core::backup::rotation::Retention;
use backoffice_core::backup::sets::BackupSet;
use backoffice_core::backup::settings::BackupSettings;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::{Error, ErrorCode};
use std::path::PathBuf;
use std::sync::Arc;
use tauri::{AppHandle, State, WebviewWindow};

#[tauri::command]
pub async fn backup_settings(state: State<'_, AppState>) -> Result<BackupSettings, Error> {
    run(&state, |app, ctx| app.backup_settings(ctx)).await
}

#[tauri::command]
pub async fn choose_backup_folder(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<BackupSettings, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Settings, Action::Write)
    })
    .await?;
    let folder = state.picker.folder(&window, &title).await?;
    run(&state, move |app, ctx| app.set_backup_folder(ctx, &folder)).await
}

#[tauri::command]
pub async fn save_backup_retention(
    state: State<'_, AppState>,
    retention: Retention,
) -> Result<BackupSettings, Error> {
    run(&state, move |app, ctx| {
        app.set_backup_retention(ctx, retention)
    })
    .await
}

#[tauri::command]
pub async fn list_backups(state: State<'_, AppState>) -> Result<Vec<BackupSet>, Error> {
    run(&state, |app, ctx| app.list_backups(ctx)).await
}

/// The signed-in writer, the core and the chosen folder, for a job.
async fn job_parts(state: &State<'_, AppState>) -> Result<(Ctx, Arc<Backoffice>, PathBuf), Error> {
    let (ctx, folder) = run(state, |app, ctx| {
        app.require(ctx, Area::Settings, Action::Write)?;
        let folder = app
            .backup_settings(ctx)?
            .folder
            .ok_or_else(|| Error::new(ErrorCode::NotFound, "no backup folder chosen"))?;
        Ok((ctx.clone(), PathBuf::from(folder)))
    })
    .await?;
    Ok((ctx, core(state)?, folder))
}

/// Starts a backup into the chosen folder; poll `job_status`, stop with `cancel_job`.
#[tauri::command]
pub async fn start_backup(state: State<'_, AppState>) -> Result<i64, Error> {
    let (ctx, core, _) = job_parts(&state).await?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        let made = core.back_up_to_chosen_folder(&ctx, progress)?;
        Ok(serde_json::json!({ "set": made.name, "copied_files": made.copied_files }))
    }))
}

/// Starts the proof that the set `name` restores.
#[tauri::command]
pub async fn start_prove_backup(state: State<'_, AppState>, name: String) -> Result<i64, Error> {
    let (ctx, core, folder) = job_parts(&state).await?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        let proof = core.prove_backup(&ctx, &folder, &name, progress)?;
        Ok(serde_json::to_value(proof)?)
    }))
}

/// Starts the restore of the set `name`: checked, the current data backed up, the set staged.
/// The UI then calls `restart_app`, and the restore goes in before the database opens.
/// A set encrypted with another key (a new computer) comes with its passphrase.
#[tauri::command]
pub async fn start_restore(
    state: State<'_, AppState>,
    name: String,
    passphrase: Option<String>,
) -> Result<i64, Error> {
    let (ctx, core, folder) = job_parts(&state).await?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        use backoffice_core::crypt::{unlock::Secret, RecoveryKey};
        // One field takes either: a recovery key is recognised by its shape.
        let secret = passphrase.as_deref().filter(|p| !p.is_empty()).map(|p| {
            if RecoveryKey::parse(p).is_ok() {
                Secret::RecoveryKey(p)
            } else {
                Secret::Passphrase(p)
            }
        });
        let manifest = core.stage_restore_unlocking(&ctx, &folder, &name, secret, progress)?;
        Ok(serde_json::json!({ "made_at": manifest.made_at }))
    }))
}

/// Set by the end-to-end tests (debug builds only): `restart_app` ends the app instead.
#[cfg(debug_assertions)]
pub const END_INSTEAD_OF_RESTART: &str = "BACKOFFICE_TEST_END_INSTEAD_OF_RESTART";

/// Starts the app again (after a staged restore).
#[tauri::command]
pub async fn restart_app(app: AppHandle, state: State<'_, AppState>) -> Result<(), Error> {
    run(&state, |a, ctx| {
        a.require(ctx, Area::Settings, Action::Write)
    })
    .await?;
    // The new process must wait for this one to let go of the folder, not defer to it.
    if let Some(dir) = state.db_path.parent() {
        let _ = backoffice_core::instance::mark_restarting(dir);
    }
    // WebDriver cannot follow a process that starts itself again: the end-to-end tests end the
    // app here and start it themselves. What the new process does at start is the same.
    #[cfg(debug_assertions)]
    if std::env::var_os(END_INSTEAD_OF_RESTART).is_some() {
        app.exit(0);
        return Ok(());
    }
    app.restart()
}
