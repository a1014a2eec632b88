//! One app per data folder (`backoffice_core::instance`): the first start takes the folder, a
//! later one brings the first window forward and ends before it opens anything.

use backoffice_core::instance::{claim, Claim};
use std::path::Path;
use tauri::{App, Manager};

/// Takes `data_dir` for this process, or ends it when another app has it.
pub fn take_or_leave(app: &App, data_dir: &Path) {
    match claim(data_dir) {
        Ok(Claim::Ours(lock)) => {
            let handle = app.handle().clone();
            lock.serve(move || bring_forward(&handle));
        }
        Ok(Claim::Held { answered }) => {
            eprintln!(
                "Backoffice is already open on {}{}",
                data_dir.display(),
                if answered {
                    ": its window was brought forward"
                } else {
                    ""
                }
            );
            if !answered {
                // The other app did not answer (busy, or starting): say so, since no window
                // comes forward to show it.
                already_open_dialog();
            }
            std::process::exit(0);
        }
        // A folder whose lock cannot be taken (a read-only medium) still opens; the store says
        // what else is wrong with it.
        Err(e) => eprintln!("the data folder's lock could not be taken: {e}"),
    }
}

fn bring_forward(handle: &tauri::AppHandle) {
    let handle2 = handle.clone();
    // Window calls belong on the main thread.
    let _ = handle.run_on_main_thread(move || {
        if let Some(w) = handle2.webview_windows().into_values().next() {
            let _ = w.unminimize();
            let _ = w.show();
            let _ = w.set_focus();
        }
    });
}

fn already_open_dialog() {
    let italian = sys_locale::get_locale()
        .unwrap_or_default()
        .to_lowercase()
        .starts_with("it");
    let (title, text) = if italian {
        (
            "Backoffice è già aperto",
            "Backoffice è già aperto su questa cartella dei dati, in un'altra finestra. Usa quella.",
        )
    } else {
        (
            "Backoffice is already open",
            "Backoffice is already open on this data folder, in another window. Please use that one.",
        )
    };
    rfd::MessageDialog::new()
        .set_title(title)
        .set_description(text)
        .set_level(rfd::MessageLevel::Info)
        .show();
}
