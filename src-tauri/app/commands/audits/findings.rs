use super::super::run;
use crate::state::AppState;
use backoffice_core::domain::audits::finding::{
    ActionDoneInput, ActionInput, ActionQuery, ActionRow, ActionVerifyInput, Finding, FindingInput,
    FindingQuery, FindingRow,
};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_findings(
    state: State<'_, AppState>,
    query: FindingQuery,
) -> Result<Page<FindingRow>, Error> {
    run(&state, move |app, ctx| app.list_findings(ctx, &query)).await
}

#[tauri::command]
pub async fn get_finding(state: State<'_, AppState>, id: i64) -> Result<Finding, Error> {
    run(&state, move |app, ctx| app.finding(ctx, id)).await
}

#[tauri::command]
pub async fn list_audit_findings(
    state: State<'_, AppState>,
    audit_id: i64,
) -> Result<Vec<Finding>, Error> {
    run(&state, move |app, ctx| app.audit_findings(ctx, audit_id)).await
}

#[tauri::command]
pub async fn raise_finding(
    state: State<'_, AppState>,
    audit_id: i64,
    item_id: Option<i64>,
    input: FindingInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.raise_finding(ctx, audit_id, item_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_finding(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: FindingInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.update_finding(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_audit_actions(
    state: State<'_, AppState>,
    query: ActionQuery,
) -> Result<Page<ActionRow>, Error> {
    run(&state, move |app, ctx| app.list_audit_actions(ctx, &query)).await
}

#[tauri::command]
pub async fn add_audit_action(
    state: State<'_, AppState>,
    finding_id: i64,
    input: ActionInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.add_audit_action(ctx, finding_id, &input)
    })
    .await
}

#[tauri::command]
pub async fn update_audit_action(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: ActionInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.update_audit_action(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn complete_audit_action(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: ActionDoneInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.complete_audit_action(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn verify_audit_action(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: ActionVerifyInput,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.verify_audit_action(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn reopen_audit_action(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<Finding, Error> {
    run(&state, move |app, ctx| {
        app.reopen_audit_action(ctx, id, version)
    })
    .await
}
