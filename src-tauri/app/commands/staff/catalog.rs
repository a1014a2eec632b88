//! The editable lists behind the staff file: contract types, document types, courses and the
//! requirements per job title or department.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::staff::catalog::{
    ContractType, ContractTypeInput, Course, CourseInput, DocumentType, DocumentTypeInput,
    Requirement, RequirementInput,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_contract_types(
    state: State<'_, AppState>,
    include_inactive: bool,
) -> Result<Vec<ContractType>, Error> {
    run(&state, move |app, ctx| {
        app.list_contract_types(ctx, include_inactive)
    })
    .await
}

#[tauri::command]
pub async fn save_contract_type(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: ContractTypeInput,
) -> Result<ContractType, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_contract_type(ctx, &input),
        Some(id) => app.update_contract_type(ctx, id, version, &input),
    })
    .await
}

/// Retires an entry (hidden from new choices, kept on the records that use it) or brings it back.
#[tauri::command]
pub async fn set_contract_type_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<ContractType, Error> {
    run(&state, move |app, ctx| {
        app.set_contract_type_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn list_document_types(
    state: State<'_, AppState>,
    include_inactive: bool,
) -> Result<Vec<DocumentType>, Error> {
    run(&state, move |app, ctx| {
        app.list_document_types(ctx, include_inactive)
    })
    .await
}

#[tauri::command]
pub async fn save_document_type(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: DocumentTypeInput,
) -> Result<DocumentType, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_document_type(ctx, &input),
        Some(id) => app.update_document_type(ctx, id, version, &input),
    })
    .await
}

/// Retires an entry (hidden from new choices, kept on the records that use it) or brings it back.
#[tauri::command]
pub async fn set_document_type_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<DocumentType, Error> {
    run(&state, move |app, ctx| {
        app.set_document_type_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn list_courses(
    state: State<'_, AppState>,
    include_inactive: bool,
) -> Result<Vec<Course>, Error> {
    run(&state, move |app, ctx| {
        app.list_courses(ctx, include_inactive)
    })
    .await
}

#[tauri::command]
pub async fn save_course(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: CourseInput,
) -> Result<Course, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_course(ctx, &input),
        Some(id) => app.update_course(ctx, id, version, &input),
    })
    .await
}

/// Retires an entry (hidden from new choices, kept on the records that use it) or brings it back.
#[tauri::command]
pub async fn set_course_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<Course, Error> {
    run(&state, move |app, ctx| {
        app.set_course_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn list_requirements(state: State<'_, AppState>) -> Result<Vec<Requirement>, Error> {
    run(&state, |app, ctx| app.list_requirements(ctx)).await
}

#[tauri::command]
pub async fn create_requirement(
    state: State<'_, AppState>,
    input: RequirementInput,
) -> Result<Requirement, Error> {
    run(&state, move |app, ctx| app.create_requirement(ctx, &input)).await
}

#[tauri::command]
pub async fn delete_requirement(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_requirement(ctx, id, version)
    })
    .await
}
