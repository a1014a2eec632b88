use super::{run, run_open};
use crate::state::AppState;
use backoffice_core::domain::users::{
    NewUserInput, SessionInfo, SetupInput, User, UserUpdateInput,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn setup(state: State<'_, AppState>, input: SetupInput) -> Result<SessionInfo, Error> {
    run_open(&state, move |app| app.setup(&input)).await
}

#[tauri::command]
pub async fn sign_in(
    state: State<'_, AppState>,
    username: String,
    password: String,
) -> Result<SessionInfo, Error> {
    let session = run_open(&state, move |app| app.sign_in(&username, &password)).await?;
    if let Ok(core) = super::core(&state) {
        core.refresh_staff_scores_in_background();
    }
    Ok(session)
}

#[tauri::command]
pub async fn sign_out(state: State<'_, AppState>) -> Result<(), Error> {
    run_open(&state, |app| app.sign_out()).await?;
    // The day's work leaves with the person: a backup, when a folder is chosen.
    if let Ok(core) = super::core(&state) {
        core.back_up_in_background(true);
    }
    Ok(())
}

/// The signed-in person, or `None`; a locked session answers `session_locked`.
#[tauri::command]
pub async fn current_session(state: State<'_, AppState>) -> Result<Option<SessionInfo>, Error> {
    run_open(&state, |app| app.session_info()).await
}

#[tauri::command]
pub async fn touch_session(state: State<'_, AppState>) -> Result<(), Error> {
    run_open(&state, |app| app.sessions().touch()).await
}

#[tauri::command]
pub async fn lock_session(state: State<'_, AppState>) -> Result<(), Error> {
    run_open(&state, |app| {
        app.lock();
        Ok(())
    })
    .await
}

#[tauri::command]
pub async fn unlock_session(
    state: State<'_, AppState>,
    password: String,
) -> Result<SessionInfo, Error> {
    run_open(&state, move |app| app.unlock(&password)).await
}

#[tauri::command]
pub async fn change_own_password(
    state: State<'_, AppState>,
    old_password: String,
    new_password: String,
) -> Result<User, Error> {
    run_open(&state, move |app| {
        let ctx = app.current_allowing_password_change()?;
        app.change_own_password(&ctx, &old_password, &new_password)
    })
    .await
}

#[tauri::command]
pub async fn list_users(state: State<'_, AppState>) -> Result<Vec<User>, Error> {
    run(&state, |app, ctx| app.list_users(ctx)).await
}

#[tauri::command]
pub async fn get_user(state: State<'_, AppState>, id: i64) -> Result<User, Error> {
    run(&state, move |app, ctx| app.user(ctx, id)).await
}

#[tauri::command]
pub async fn create_user(state: State<'_, AppState>, input: NewUserInput) -> Result<User, Error> {
    run(&state, move |app, ctx| app.create_user(ctx, &input)).await
}

#[tauri::command]
pub async fn update_user(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: UserUpdateInput,
) -> Result<User, Error> {
    run(&state, move |app, ctx| {
        app.update_user(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn reset_user_password(
    state: State<'_, AppState>,
    id: i64,
    password: String,
) -> Result<User, Error> {
    run(&state, move |app, ctx| {
        app.reset_password(ctx, id, &password)
    })
    .await
}
