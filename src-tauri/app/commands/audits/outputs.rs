//! An audit's report and pack through the save dialog, and a pack chosen to be verified.

use super::super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::services::{AuditPackCheck, AuditPackSummary};
use backoffice_core::Error;
use serde::Serialize;
use tauri::{State, WebviewWindow};

const PDF: Filter = Filter {
    name: "PDF",
    extensions: &["pdf"],
};
const ZIP: Filter = Filter {
    name: "ZIP",
    extensions: &["zip"],
};

#[derive(Serialize)]
pub struct SavedReport {
    pub path: String,
    pub pages: usize,
}

#[derive(Serialize)]
pub struct SavedPack {
    pub path: String,
    pub summary: AuditPackSummary,
}

/// A file name from the audit's id and the date, the same in both languages.
fn file_name(id: i64, what: &str, ext: &str) -> String {
    let day = chrono::Local::now().format("%Y%m%d");
    format!("audit-{id}-{what}-{day}.{ext}")
}

#[tauri::command]
pub async fn export_audit_report(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    language: String,
    title: String,
) -> Result<SavedReport, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Audits, Action::Export)
    })
    .await?;
    let name = file_name(
        id,
        if language == "it" {
            "rapporto"
        } else {
            "report"
        },
        "pdf",
    );
    let path = state.picker.save(&window, &title, &name, PDF).await?;
    let shown = path.display().to_string();
    let stats = run(&state, move |app, ctx| {
        app.export_audit_report(ctx, id, &language, &path)
    })
    .await?;
    Ok(SavedReport {
        path: shown,
        pages: stats.pages,
    })
}

#[tauri::command]
pub async fn export_audit_pack(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    language: String,
    title: String,
) -> Result<SavedPack, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Audits, Action::Export)
    })
    .await?;
    let name = file_name(id, "pack", "zip");
    let path = state.picker.save(&window, &title, &name, ZIP).await?;
    let shown = path.display().to_string();
    let summary = run(&state, move |app, ctx| {
        app.export_audit_pack(ctx, id, &language, &path)
    })
    .await?;
    Ok(SavedPack {
        path: shown,
        summary,
    })
}

#[tauri::command]
pub async fn verify_audit_pack(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<AuditPackCheck, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Audits, Action::Read)
    })
    .await?;
    let path = state.picker.open(&window, &title, ZIP).await?;
    run(&state, move |app, ctx| app.verify_audit_pack(ctx, &path)).await
}
