//! Native open/save dialogs, behind one small seam.
//!
//! The app always asks `FilePicker` for a path; what happens to the path (reading, parsing,
//! validating, storing, writing) is the same code in tests and in use. Debug builds started with
//! `BACKOFFICE_TEST_DIALOGS=FILE` answer each dialog with the next line of FILE instead of
//! showing it, so end-to-end tests can "choose" files; release builds always show the dialog.

use backoffice_core::{Error, ErrorCode};
use std::path::PathBuf;

/// What a dialog offers: a name shown to the user and the file extensions.
pub struct Filter<'a> {
    pub name: &'a str,
    pub extensions: &'a [&'a str],
}

pub enum FilePicker {
    Native,
    #[cfg(debug_assertions)]
    Scripted(PathBuf),
}

fn cancelled() -> Error {
    Error::new(ErrorCode::DialogCancelled, "no file chosen")
}

impl FilePicker {
    pub fn from_env() -> Self {
        #[cfg(debug_assertions)]
        if let Some(f) = std::env::var_os("BACKOFFICE_TEST_DIALOGS").filter(|v| !v.is_empty()) {
            return FilePicker::Scripted(PathBuf::from(f));
        }
        FilePicker::Native
    }

    pub async fn save(
        &self,
        window: &tauri::WebviewWindow,
        title: &str,
        file_name: &str,
        filter: Filter<'_>,
    ) -> Result<PathBuf, Error> {
        match self {
            FilePicker::Native => rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_file_name(file_name)
                .add_filter(filter.name, filter.extensions)
                .set_parent(window)
                .save_file()
                .await
                .map(|h| h.path().to_path_buf())
                .ok_or_else(cancelled),
            #[cfg(debug_assertions)]
            FilePicker::Scripted(f) => next_answer(f),
        }
    }

    pub async fn open(
        &self,
        window: &tauri::WebviewWindow,
        title: &str,
        filter: Filter<'_>,
    ) -> Result<PathBuf, Error> {
        match self {
            FilePicker::Native => rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(filter.name, filter.extensions)
                .set_parent(window)
                .pick_file()
                .await
                .map(|h| h.path().to_path_buf())
                .ok_or_else(cancelled),
            #[cfg(debug_assertions)]
            FilePicker::Scripted(f) => next_answer(f),
        }
    }
}

impl FilePicker {
    /// A folder (where backups go).
    pub async fn folder(
        &self,
        window: &tauri::WebviewWindow,
        title: &str,
    ) -> Result<PathBuf, Error> {
        match self {
            FilePicker::Native => rfd::AsyncFileDialog::new()
                .set_title(title)
                .set_parent(window)
                .pick_folder()
                .await
                .map(|h| h.path().to_path_buf())
                .ok_or_else(cancelled),
            #[cfg(debug_assertions)]
            FilePicker::Scripted(f) => next_answer(f),
        }
    }
}

/// Takes the first line of the answers file; an empty line or no line means "cancelled".
#[cfg(debug_assertions)]
fn next_answer(file: &std::path::Path) -> Result<PathBuf, Error> {
    let text = std::fs::read_to_string(file).unwrap_or_default();
    let mut lines = text.lines();
    let first = lines.next().unwrap_or("").trim().to_owned();
    let rest: Vec<&str> = lines.collect();
    std::fs::write(file, rest.join("\n")).map_err(|e| Error::internal(e.to_string()))?;
    if first.is_empty() {
        Err(cancelled())
    } else {
        Ok(PathBuf::from(first))
    }
}

impl FilePicker {
    /// One or more files at once (supplier invoices). A scripted answer names them on one
    /// line, separated by `|`.
    pub async fn open_many(
        &self,
        window: &tauri::WebviewWindow,
        title: &str,
        filter: Filter<'_>,
    ) -> Result<Vec<PathBuf>, Error> {
        match self {
            FilePicker::Native => rfd::AsyncFileDialog::new()
                .set_title(title)
                .add_filter(filter.name, filter.extensions)
                .set_parent(window)
                .pick_files()
                .await
                .map(|hs| {
                    hs.iter()
                        .map(|h| h.path().to_path_buf())
                        .collect::<Vec<_>>()
                })
                .filter(|v| !v.is_empty())
                .ok_or_else(cancelled),
            #[cfg(debug_assertions)]
            FilePicker::Scripted(f) => Ok(next_answer(f)?
                .to_string_lossy()
                .split('|')
                .map(|p| PathBuf::from(p.trim()))
                .collect()),
        }
    }
}
