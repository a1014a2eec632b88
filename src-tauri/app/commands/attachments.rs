//! Files attached to any record, named by (entity, record id). Files come in and go out through
//! the native dialogs; the app keeps its own copy and never the user's path.

use super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::attachment::{
    Attachment, AttachmentEdit, AttachmentInput, RenewalInput,
};
use backoffice_core::Error;
use tauri::{State, WebviewWindow};

/// What the open dialog offers; the core re-checks the content, the filter only helps the person.
const FILES: Filter = Filter {
    name: "PDF, images, office files",
    extensions: &[
        "pdf", "png", "jpg", "jpeg", "tif", "tiff", "doc", "docx", "xls", "xlsx", "odt", "ods",
        "txt",
    ],
};

/// A record's files, every version.
#[tauri::command]
pub async fn list_attachments(
    state: State<'_, AppState>,
    entity: String,
    record_id: i64,
) -> Result<Vec<Attachment>, Error> {
    run(&state, move |app, ctx| {
        app.attachments(ctx, &entity, record_id)
    })
    .await
}

/// Opens the native open dialog titled `title`, then attaches the chosen file.
#[tauri::command]
pub async fn attach_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    entity: String,
    record_id: i64,
    input: AttachmentInput,
    title: String,
) -> Result<Attachment, Error> {
    let path = state.picker.open(&window, &title, FILES).await?;
    run(&state, move |app, ctx| {
        app.attach(ctx, &entity, record_id, &input, &path)
    })
    .await
}

#[tauri::command]
pub async fn renew_attachment(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: RenewalInput,
    title: String,
) -> Result<Attachment, Error> {
    let path = state.picker.open(&window, &title, FILES).await?;
    run(&state, move |app, ctx| {
        app.renew_attachment(ctx, id, version, &input, &path)
    })
    .await
}

#[tauri::command]
pub async fn update_attachment(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    edit: AttachmentEdit,
) -> Result<Attachment, Error> {
    run(&state, move |app, ctx| {
        app.update_attachment(ctx, id, version, &edit)
    })
    .await
}

#[tauri::command]
pub async fn delete_attachment(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_attachment(ctx, id, version)
    })
    .await
}

/// Saves a copy where the person chooses; returns the path written.
#[tauri::command]
pub async fn export_attachment(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    file_name: String,
    title: String,
) -> Result<String, Error> {
    // Offer the file's own kind, so the saved copy keeps its extension.
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
        app.export_attachment(ctx, id, &path).map(|_| ())
    })
    .await?;
    Ok(shown)
}

/// Opens a read-only copy with the system's viewer; the stored original is never handed out.
#[tauri::command]
pub async fn open_attachment(state: State<'_, AppState>, id: i64) -> Result<(), Error> {
    // The copy is private to the user and removed at sign-out, lock and exit (core's viewer).
    let path = run(&state, move |app, ctx| app.open_attachment_copy(ctx, id)).await?;
    crate::opener::open_with_system(&path)
}
