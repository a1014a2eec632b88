//! The Tauri shell: starts the window, opens the store, and exposes the commands.

mod commands;
mod dialogs;
mod opener;
mod state;

use state::AppState;
use tauri::Manager;

pub fn run() {
    tauri::Builder::default()
        .setup(|app| {
            let default_dir = app.path().app_data_dir().ok();
            let state = AppState::start(std::env::args().skip(1), default_dir);
            app.manage(state);
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
