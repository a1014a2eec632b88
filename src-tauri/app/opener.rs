//! Hands a file to the system's default program (PDF viewer, image viewer, office suite).

use backoffice_core::{Error, ErrorCode};
use std::path::Path;
use std::process::Command;

pub fn open_with_system(path: &Path) -> Result<(), Error> {
    #[cfg(target_os = "windows")]
    let mut cmd = {
        let mut c = Command::new("cmd");
        c.args(["/C", "start", ""]).arg(path);
        c
    };
    #[cfg(target_os = "macos")]
    let mut cmd = {
        let mut c = Command::new("open");
        c.arg(path);
        c
    };
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let mut cmd = {
        let mut c = Command::new("xdg-open");
        c.arg(path);
        c
    };
    // Spawned, not waited for: the viewer lives on after this call.
    cmd.spawn().map(|_| ()).map_err(|e| {
        Error::new(
            ErrorCode::BadFile,
            format!("no program could open the file: {e}"),
        )
        .with("message", e)
    })
}
