//! Thin async adapters: deserialize the DTO, run the service off the async threads, map errors.

mod departments;
mod history;
mod settings;

use crate::state::AppState;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Error;
use std::sync::Arc;
use tauri::State;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        settings::startup,
        settings::home,
        settings::get_preferences,
        settings::set_language,
        settings::get_organisation,
        settings::save_organisation,
        departments::list_departments,
        departments::get_department,
        departments::create_department,
        departments::update_department,
        departments::set_department_active,
        history::list_history,
        history::history_status,
        history::verify_history,
    ]
}

/// Runs blocking SQLite work on tokio's blocking pool so the IPC threads stay free.
pub async fn run<T, F>(state: &State<'_, AppState>, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&Backoffice, &Ctx) -> Result<T, Error> + Send + 'static,
{
    let core: Arc<Backoffice> = match &state.core {
        Ok(c) => Arc::clone(c),
        Err(e) => {
            return Err(Error::new(
                backoffice_core::ErrorCode::StoreUnavailable,
                e.message.clone(),
            ))
        }
    };
    let ctx = state.ctx.clone();
    tauri::async_runtime::spawn_blocking(move || f(&core, &ctx))
        .await
        .map_err(|e| Error::internal(format!("task failed: {e}")))?
}
