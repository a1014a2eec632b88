//! Files in and out of the IT area: label sheets through the save dialog, network scans through
//! the open dialog.

use crate::commands::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::assets::labels::{LabelRequest, LabelSheetInfo, LabelsPrinted};
use backoffice_core::domain::assets::scan::{ScanAccept, ScanReview};
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::Error;
use tauri::{State, WebviewWindow};

const PDF: Filter = Filter {
    name: "PDF",
    extensions: &["pdf"],
};
const XML: Filter = Filter {
    name: "nmap XML",
    extensions: &["xml"],
};

#[tauri::command]
pub async fn label_sheets(state: State<'_, AppState>) -> Result<Vec<LabelSheetInfo>, Error> {
    run(&state, |app, _| Ok(app.label_sheets())).await
}

#[tauri::command]
pub async fn export_asset_labels(
    window: WebviewWindow,
    state: State<'_, AppState>,
    request: LabelRequest,
    title: String,
    file_name: String,
) -> Result<LabelsPrinted, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Assets, Action::Write)
    })
    .await?;
    let path = state.picker.save(&window, &title, &file_name, PDF).await?;
    let shown = path.display().to_string();
    let stats = run(&state, move |app, ctx| {
        app.export_asset_labels(ctx, &request, &path)
    })
    .await?;
    Ok(LabelsPrinted {
        path: shown,
        pages: stats.pages as i64,
        labels: stats.labels as i64,
    })
}

#[tauri::command]
pub async fn review_scan(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
) -> Result<ScanReview, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Assets, Action::Write)
    })
    .await?;
    let path = state.picker.open(&window, &title, XML).await?;
    run(&state, move |app, ctx| app.review_scan(ctx, &path)).await
}

#[tauri::command]
pub async fn accept_scan_change(
    state: State<'_, AppState>,
    change: ScanAccept,
) -> Result<(), Error> {
    run(&state, move |app, ctx| app.accept_scan_change(ctx, &change)).await
}

const PNG: Filter = Filter {
    name: "PNG",
    extensions: &["png"],
};
const SVG: Filter = Filter {
    name: "SVG",
    extensions: &["svg"],
};

/// Saves the picture of a site's network map the window drew.
#[tauri::command]
pub async fn export_network_map(
    window: WebviewWindow,
    state: State<'_, AppState>,
    site_id: i64,
    format: String,
    bytes: Vec<u8>,
    title: String,
    file_name: String,
) -> Result<String, Error> {
    run(&state, move |app, ctx| {
        app.network_map(ctx, site_id).map(|_| ())
    })
    .await?;
    let filter = if format == "svg" { SVG } else { PNG };
    let path = state
        .picker
        .save(&window, &title, &file_name, filter)
        .await?;
    let shown = path.display().to_string();
    run(&state, move |app, ctx| {
        app.export_network_map(ctx, site_id, &format, &bytes, &path)
    })
    .await?;
    Ok(shown)
}

#[derive(serde::Serialize)]
pub struct SavedList {
    pub path: String,
    pub rows: u64,
}

/// The filtered asset list as CSV or Excel through the save dialog.
#[tauri::command]
pub async fn export_assets(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: backoffice_core::domain::assets::asset::AssetQuery,
    format: String,
    language: String,
    title: String,
) -> Result<SavedList, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Assets, Action::Read)
    })
    .await?;
    let (format, filter) = crate::commands::export_file::list_format(&format);
    let name = crate::commands::export_file::list_file_name(
        if language == "it" {
            "beni-it"
        } else {
            "it-assets"
        },
        format,
    );
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        app.export_assets(ctx, &query, &path, &language, format)
    })
    .await?;
    Ok(SavedList { path: shown, rows })
}
