//! Staff exports through the save dialog: the filtered list (CSV or XLSX, in the person's
//! language) and one employee's complete file as a ZIP (a GDPR access request).

use crate::commands::export_file::{list_file_name, list_format};
use crate::commands::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::domain::staff::employee::StaffQuery;
use backoffice_core::export::Format as ListFormat;
use backoffice_core::Error;
use serde::Serialize;
use tauri::{State, WebviewWindow};

#[derive(Serialize)]
pub struct Saved {
    pub path: String,
    pub rows: u64,
}

async fn may_export(state: &State<'_, AppState>) -> Result<(), Error> {
    run(state, |app, ctx| {
        app.require(ctx, Area::Staff, Action::Export)
    })
    .await
}

/// `format` is "csv" or "xlsx".
#[tauri::command]
pub async fn export_staff(
    window: WebviewWindow,
    state: State<'_, AppState>,
    query: StaffQuery,
    format: String,
    language: String,
    title: String,
) -> Result<Saved, Error> {
    may_export(&state).await?;
    let (format, filter) = list_format(&format);
    let name = list_file_name(
        if language == "it" {
            "personale"
        } else {
            "staff"
        },
        format,
    );
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| match format {
        ListFormat::Xlsx => app.export_staff_xlsx(ctx, &query, &path, &language),
        ListFormat::Csv => app.export_staff_csv(ctx, &query, &path, &language),
    })
    .await?;
    Ok(Saved { path: shown, rows })
}

#[tauri::command]
pub async fn export_employee_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    file_name: String,
    language: String,
    title: String,
) -> Result<Saved, Error> {
    may_export(&state).await?;
    let zip = Filter {
        name: "ZIP",
        extensions: &["zip"],
    };
    let path = state.picker.save(&window, &title, &file_name, zip).await?;
    let shown = path.display().to_string();
    run(&state, move |app, ctx| {
        app.export_employee_zip(ctx, id, &path, &language)
    })
    .await?;
    Ok(Saved {
        path: shown,
        rows: 1,
    })
}
