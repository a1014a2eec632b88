//! Settings → Security and the unlock screen: the passphrase (or recovery key) that opens an
//! encrypted folder at start, and encrypting, decrypting and changing the passphrase.

use super::{core, run};
use crate::state::{started, AppState};
use backoffice_core::crypt::unlock::{unlock, Secret};
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::services::{Backoffice, EncryptionStatus};
use backoffice_core::store::system_clock;
use backoffice_core::{Error, ErrorCode};
use std::sync::Arc;
use tauri::State;

/// Opens the encrypted folder with the passphrase, or with the recovery key when one is given.
/// A wrong one is `WrongPassphrase` (with `seconds` once the waits start); the folder is opened
/// once, and a second call after that is refused. With `remember`, the key is also kept in the
/// system's keychain; the answer says whether that worked (the folder is open either way).
#[tauri::command]
pub async fn unlock_database(
    state: State<'_, AppState>,
    passphrase: Option<String>,
    recovery_key: Option<String>,
    remember: bool,
) -> Result<bool, Error> {
    let dir = state
        .data_dir
        .clone()
        .ok_or_else(|| Error::new(ErrorCode::DbIo, "no data folder"))?;
    let locked = matches!(
        &*state.core.read().unwrap_or_else(|e| e.into_inner()),
        Err(e) if e.code == ErrorCode::DbLocked
    );
    if !locked {
        return Err(Error::new(ErrorCode::Conflict, "the data is already open"));
    }
    let opened = tauri::async_runtime::spawn_blocking(move || {
        let secret = match (&recovery_key, &passphrase) {
            (Some(r), _) => Secret::RecoveryKey(r),
            (None, Some(p)) => Secret::Passphrase(p),
            (None, None) => return Err(Error::field("passphrase", "required")),
        };
        let key = unlock(&dir, secret, chrono::Utc::now())?;
        Backoffice::open_with_key(&dir, system_clock(), Some(key)).map(Arc::new)
    })
    .await
    .map_err(|e| Error::internal(format!("task failed: {e}")))??;
    let remembered = remember && {
        let core = Arc::clone(&opened);
        tauri::async_runtime::spawn_blocking(move || core.remember_key_here().is_ok())
            .await
            .unwrap_or(false)
    };
    started(&opened);
    *state.core.write().unwrap_or_else(|e| e.into_inner()) = Ok(opened);
    Ok(remembered)
}

/// Removes the key from this computer's keychain: the passphrase is asked at the next start.
#[tauri::command]
pub async fn forget_data_key(state: State<'_, AppState>) -> Result<EncryptionStatus, Error> {
    run(&state, |app, ctx| {
        app.forget_key_here(ctx)?;
        app.encryption_status(ctx)
    })
    .await
}

#[tauri::command]
pub async fn encryption_status(state: State<'_, AppState>) -> Result<EncryptionStatus, Error> {
    run(&state, |app, ctx| app.encryption_status(ctx)).await
}

/// Starts encrypting with `passphrase`; the job's result carries the recovery key, shown once.
/// The UI then restarts the app.
#[tauri::command]
pub async fn start_encrypt(state: State<'_, AppState>, passphrase: String) -> Result<i64, Error> {
    let ctx = run(&state, move |app, ctx| {
        app.require(ctx, Area::Settings, Action::Write)?;
        Ok(ctx.clone())
    })
    .await?;
    // Checked before the job starts, so the form shows the problem beside the field.
    backoffice_core::crypt::keyfile::check_passphrase(&passphrase)?;
    let core = core(&state)?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        let started = core.encrypt(&ctx, &passphrase, progress)?;
        Ok(serde_json::to_value(started)?)
    }))
}

/// Starts decrypting (documents, then the database); the UI then restarts the app.
#[tauri::command]
pub async fn start_decrypt(state: State<'_, AppState>) -> Result<i64, Error> {
    let ctx = run(&state, |app, ctx| {
        app.require(ctx, Area::Settings, Action::Write)?;
        Ok(ctx.clone())
    })
    .await?;
    let core = core(&state)?;
    Ok(state.jobs.start(&ctx.clone(), move |progress| {
        core.decrypt(&ctx, progress)?;
        Ok(serde_json::json!({}))
    }))
}

#[tauri::command]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    passphrase: String,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.change_passphrase(ctx, &current, &passphrase)
    })
    .await
}
