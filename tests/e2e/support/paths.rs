//! Where the e2e tests leave screenshots and logs: under the cargo target directory, so they
//! are ignored by git and kept as CI artifacts next to the build.

use std::path::{Path, PathBuf};

/// `$CARGO_TARGET_DIR` (relative to the workspace root if relative), else `<workspace>/target`.
pub fn target_dir() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("target"),
    }
}

/// `target/e2e-screenshots/<test>-<step>.png`, with the folder created.
pub fn screenshot_file(test: &str, step: &str) -> PathBuf {
    in_dir("e2e-screenshots", &format!("{test}-{step}.png"))
}

/// `target/e2e-logs/<test>.log`: the output of tauri-driver, WebKitWebDriver and the app.
pub fn log_file(test: &str) -> PathBuf {
    in_dir("e2e-logs", &format!("{test}.log"))
}

fn in_dir(folder: &str, file: &str) -> PathBuf {
    let dir = target_dir().join(folder);
    std::fs::create_dir_all(&dir)
        .unwrap_or_else(|e| panic!("cannot create {}: {e}", dir.display()));
    dir.join(file)
}
