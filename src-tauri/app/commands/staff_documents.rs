//! Documents and training of one employee. Files come in and go out through the native dialogs;
//! the app keeps its own copy and never the user's path.

use super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::document::{
    Document, DocumentEdit, DocumentInput, RenewalInput, TrainingInput, TrainingRecord,
};
use backoffice_core::Error;
use tauri::{State, WebviewWindow};

/// What the open dialog offers; the core re-checks the content, the filter only helps the person.
const DOCUMENTS: Filter = Filter {
    name: "PDF, images, office files",
    extensions: &[
        "pdf", "png", "jpg", "jpeg", "tif", "tiff", "doc", "docx", "xls", "xlsx", "odt", "ods",
        "txt",
    ],
};

#[tauri::command]
pub async fn attach_document(
    window: WebviewWindow,
    state: State<'_, AppState>,
    employee_id: i64,
    input: DocumentInput,
    title: String,
) -> Result<Document, Error> {
    let path = state.picker.open(&window, &title, DOCUMENTS).await?;
    run(&state, move |app, ctx| {
        app.attach_document(ctx, employee_id, &input, &path)
    })
    .await
}

#[tauri::command]
pub async fn renew_document(
    window: WebviewWindow,
    state: State<'_, AppState>,
    document_id: i64,
    version: i64,
    input: RenewalInput,
    title: String,
) -> Result<Document, Error> {
    let path = state.picker.open(&window, &title, DOCUMENTS).await?;
    run(&state, move |app, ctx| {
        app.renew_document(ctx, document_id, version, &input, &path)
    })
    .await
}

#[tauri::command]
pub async fn update_document(
    state: State<'_, AppState>,
    document_id: i64,
    version: i64,
    edit: DocumentEdit,
) -> Result<Document, Error> {
    run(&state, move |app, ctx| {
        app.update_document(ctx, document_id, version, &edit)
    })
    .await
}

#[tauri::command]
pub async fn delete_document(
    state: State<'_, AppState>,
    document_id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_document(ctx, document_id, version)
    })
    .await
}

/// Saves a copy where the person chooses.
#[tauri::command]
pub async fn export_document(
    window: WebviewWindow,
    state: State<'_, AppState>,
    document_id: i64,
    file_name: String,
    title: String,
) -> Result<String, Error> {
    // Offer the document's own kind of file, so the saved copy keeps its extension.
    let ext = std::path::Path::new(&file_name)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("*")
        .to_owned();
    let exts = [ext.as_str()];
    let filter = Filter {
        name: &ext,
        extensions: &exts,
    };
    let path = state
        .picker
        .save(&window, &title, &file_name, filter)
        .await?;
    let shown = path.display().to_string();
    run(&state, move |app, ctx| {
        app.export_document(ctx, document_id, &path).map(|_| ())
    })
    .await?;
    Ok(shown)
}

/// Opens a read-only copy with the system's viewer; the stored original is never handed out.
#[tauri::command]
pub async fn open_document(state: State<'_, AppState>, document_id: i64) -> Result<(), Error> {
    // The copy is private to the user and removed at sign-out, lock and exit (core's viewer).
    let path = run(&state, move |app, ctx| {
        app.open_document_copy(ctx, document_id)
    })
    .await?;
    crate::opener::open_with_system(&path)
}

#[tauri::command]
pub async fn add_training(
    state: State<'_, AppState>,
    employee_id: i64,
    input: TrainingInput,
) -> Result<TrainingRecord, Error> {
    run(&state, move |app, ctx| {
        app.add_training(ctx, employee_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_training(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: TrainingInput,
) -> Result<TrainingRecord, Error> {
    run(&state, move |app, ctx| {
        app.update_training(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_training(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_training(ctx, id, version)
    })
    .await
}
