//! The Tauri shell: starts the window, opens the store, and exposes the commands.

mod commands;
mod dialogs;
mod opener;
mod state;
mod trace;
#[cfg(target_os = "linux")]
mod webview;

use state::AppState;
use tauri::Manager;

pub fn run() {
    trace::mark("main");
    tauri::Builder::default()
        .on_page_load(|_, p| trace::mark(&format!("page load {:?}", p.event())))
        .setup(|app| {
            trace::mark("setup");
            let default_dir = app.path().app_data_dir().ok();
            let state = AppState::start(std::env::args().skip(1), default_dir);
            app.manage(state);
            #[cfg(target_os = "linux")]
            webview::tune(app);
            trace::mark("store open, window set up");
            Ok(())
        })
        .invoke_handler(commands::handler())
        .run(tauri::generate_context!())
        .expect("the Tauri runtime failed to start");
}
