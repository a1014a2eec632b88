use super::super::run;
use crate::state::AppState;
use backoffice_core::domain::audits::template::{
    ChecklistItemInput, StarterInfo, Template, TemplateDetail, TemplateInput,
};
use backoffice_core::domain::page::{Page, PageRequest};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_audit_templates(
    state: State<'_, AppState>,
    search: Option<String>,
    with_retired: bool,
    page: PageRequest,
) -> Result<Page<Template>, Error> {
    run(&state, move |app, ctx| {
        app.audit_templates(ctx, search.as_deref(), with_retired, page)
    })
    .await
}

#[tauri::command]
pub async fn get_audit_template(
    state: State<'_, AppState>,
    id: i64,
    version_id: Option<i64>,
) -> Result<TemplateDetail, Error> {
    run(&state, move |app, ctx| {
        app.audit_template(ctx, id, version_id)
    })
    .await
}

#[tauri::command]
pub async fn list_audit_starters(
    state: State<'_, AppState>,
    language: String,
) -> Result<Vec<StarterInfo>, Error> {
    run(&state, move |app, ctx| app.audit_starters(ctx, &language)).await
}

#[tauri::command]
pub async fn create_audit_template(
    state: State<'_, AppState>,
    input: TemplateInput,
    starter: Option<String>,
    copy_of: Option<i64>,
) -> Result<Template, Error> {
    run(&state, move |app, ctx| match (starter, copy_of) {
        (Some(key), _) => app.create_audit_template_from_starter(ctx, &key, &input),
        (None, Some(id)) => app.copy_audit_template(ctx, id, &input),
        (None, None) => app.create_audit_template(ctx, &input),
    })
    .await
}

#[tauri::command]
pub async fn update_audit_template(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: TemplateInput,
) -> Result<Template, Error> {
    run(&state, move |app, ctx| {
        app.update_audit_template(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn save_audit_checklist(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    items: Vec<ChecklistItemInput>,
) -> Result<TemplateDetail, Error> {
    run(&state, move |app, ctx| {
        app.save_audit_checklist(ctx, id, version, &items)
    })
    .await
}

#[tauri::command]
pub async fn set_audit_template_retired(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    retired: bool,
) -> Result<Template, Error> {
    run(&state, move |app, ctx| {
        app.set_audit_template_retired(ctx, id, version, retired)
    })
    .await
}

/// A checklist (the newest version, or `version_id`) as CSV or Excel through the save dialog, in
/// the columns its import reads.
#[tauri::command]
pub async fn export_audit_checklist(
    window: tauri::WebviewWindow,
    state: State<'_, AppState>,
    id: i64,
    version_id: Option<i64>,
    format: String,
    language: String,
    title: String,
) -> Result<super::super::staff::export::Saved, Error> {
    use backoffice_core::domain::permissions::{Action, Area};
    run(&state, |app, ctx| {
        app.require(ctx, Area::Audits, Action::Export)
    })
    .await?;
    let (format, filter) = super::super::export_file::list_format(&format);
    // The same word in both languages.
    let name = super::super::export_file::list_file_name("checklist", format);
    let path = state.picker.save(&window, &title, &name, filter).await?;
    let shown = path.display().to_string();
    let rows = run(&state, move |app, ctx| {
        app.export_audit_checklist(ctx, id, version_id, &path, &language, format)
    })
    .await?;
    Ok(super::super::staff::export::Saved { path: shown, rows })
}
