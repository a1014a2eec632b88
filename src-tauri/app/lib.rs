//! The Tauri shell: starts the window, opens the store, and exposes the commands.

mod commands;
mod dialogs;
mod opener;
mod single;
mod state;
mod trace;
#[cfg(target_os = "linux")]
mod webview;

use state::AppState;
use tauri::Manager;

/// Large blocks straight from the system and back to it when freed. Signing in hashes the
/// password with Argon2id, which takes a 19 MB block; glibc raises its mmap threshold after the
/// first such block is freed, so every later one came from a thread's heap and stayed resident
/// for the life of the app. A fixed threshold turns that adjustment off.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks() {
    // SAFETY: mallopt only changes an allocator setting; called before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

pub fn run() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    return_large_blocks();
    #[cfg(target_os = "linux")]
    webview::set_engine_options();
    trace::mark("main");
    tauri::Builder::default()
        .on_page_load(|_, p| trace::mark(&format!("page load {:?}", p.event())))
        .setup(|app| {
            trace::mark("setup");
            let default_dir = app.path().app_data_dir().ok();
            let data_dir = state::data_dir(std::env::args().skip(1), default_dir);
            if let Some(dir) = &data_dir {
                single::take_or_leave(app, dir);
            }
            let state = AppState::start(data_dir);
            app.manage(state);
            #[cfg(target_os = "linux")]
            webview::tune(app);
            trace::mark("store open, window set up");
            Ok(())
        })
        .invoke_handler(commands::handler())
        .build(tauri::generate_context!())
        .expect("the Tauri runtime failed to start")
        .run(|app, event| {
            // Copies of documents opened in the system viewer do not outlive the app.
            if let tauri::RunEvent::Exit = event {
                if let Some(state) = app.try_state::<AppState>() {
                    if let Ok(core) = &*state.core.read().unwrap_or_else(|e| e.into_inner()) {
                        let _ = core.viewer().clear();
                    }
                }
            }
        });
}
