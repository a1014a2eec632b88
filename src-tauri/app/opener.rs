//! Hands a file to the system's default program (PDF viewer, image viewer, office suite).

use backoffice_core::{Error, ErrorCode};
use std::path::Path;
use std::process::Command;

pub fn open_with_system(path: &Path) -> Result<(), Error> {
    // Windows: not `cmd /C start "" <path>`, which hands the name to cmd.exe's parser, where a
    // document named "a & calc.pdf" runs a command. explorer.exe opens a file with the program
    // registered for its type and receives the path as its own argument, no shell in between.
    // The path goes quoted as one raw argument: std quotes only names with spaces, and explorer
    // splits an unquoted argument at commas (its own switch syntax). A Windows file name cannot
    // contain '"', so the quotes cannot be closed early. (ShellExecuteW would avoid explorer's
    // parsing too, but needs the windows-sys bindings for this one call.)
    #[cfg(target_os = "windows")]
    let mut cmd = {
        use std::os::windows::process::CommandExt;
        let mut c = Command::new("explorer.exe");
        c.raw_arg(format!("\"{}\"", path.display()));
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
