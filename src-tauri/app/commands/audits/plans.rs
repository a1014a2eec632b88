use super::super::run;
use crate::state::AppState;
use backoffice_core::domain::audits::about::RecordAudit;
use backoffice_core::domain::audits::audit::{
    Audit, AuditDetail, AuditInput, AuditQuery, AuditRow, ScopeRecord, Transition,
};
use backoffice_core::domain::audits::evidence::{Evidence, EvidenceInput, EvidenceQuery};
use backoffice_core::domain::audits::result::{ItemResult, ResultInput};
use backoffice_core::domain::page::Page;
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_audits(
    state: State<'_, AppState>,
    query: AuditQuery,
) -> Result<Page<AuditRow>, Error> {
    run(&state, move |app, ctx| app.list_audits(ctx, &query)).await
}

#[tauri::command]
pub async fn get_audit(state: State<'_, AppState>, id: i64) -> Result<AuditDetail, Error> {
    run(&state, move |app, ctx| app.audit(ctx, id)).await
}

#[tauri::command]
pub async fn create_audit(state: State<'_, AppState>, input: AuditInput) -> Result<Audit, Error> {
    run(&state, move |app, ctx| app.create_audit(ctx, &input)).await
}

#[tauri::command]
pub async fn update_audit(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: AuditInput,
) -> Result<Audit, Error> {
    run(&state, move |app, ctx| {
        app.update_audit(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn move_audit(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    transition: Transition,
    reason: Option<String>,
) -> Result<Audit, Error> {
    run(&state, move |app, ctx| {
        app.move_audit(ctx, id, version, transition, reason)
    })
    .await
}

#[tauri::command]
pub async fn assess_audit_item(
    state: State<'_, AppState>,
    audit_id: i64,
    item_id: i64,
    version: i64,
    input: ResultInput,
) -> Result<ItemResult, Error> {
    run(&state, move |app, ctx| {
        app.assess_item(ctx, audit_id, item_id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_evidence(
    state: State<'_, AppState>,
    query: EvidenceQuery,
) -> Result<Page<Evidence>, Error> {
    run(&state, move |app, ctx| app.list_evidence(ctx, &query)).await
}

#[tauri::command]
pub async fn get_evidence(state: State<'_, AppState>, id: i64) -> Result<Evidence, Error> {
    run(&state, move |app, ctx| app.evidence(ctx, id)).await
}

#[tauri::command]
pub async fn create_evidence(
    state: State<'_, AppState>,
    input: EvidenceInput,
) -> Result<Evidence, Error> {
    run(&state, move |app, ctx| app.create_evidence(ctx, &input)).await
}

#[tauri::command]
pub async fn update_evidence(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: EvidenceInput,
) -> Result<Evidence, Error> {
    run(&state, move |app, ctx| {
        app.update_evidence(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn link_evidence(
    state: State<'_, AppState>,
    audit_id: i64,
    item_id: i64,
    evidence_id: i64,
) -> Result<ItemResult, Error> {
    run(&state, move |app, ctx| {
        app.link_evidence(ctx, audit_id, item_id, evidence_id)
    })
    .await
}

#[tauri::command]
pub async fn unlink_evidence(
    state: State<'_, AppState>,
    link_id: i64,
) -> Result<ItemResult, Error> {
    run(&state, move |app, ctx| app.unlink_evidence(ctx, link_id)).await
}

/// The audits whose scope lists a record or with a finding about it.
#[tauri::command]
pub async fn list_record_audits(
    state: State<'_, AppState>,
    entity: String,
    record_id: i64,
) -> Result<Vec<RecordAudit>, Error> {
    run(&state, move |app, ctx| {
        app.audits_of_record(ctx, &entity, record_id)
    })
    .await
}

#[tauri::command]
pub async fn list_audit_leads(state: State<'_, AppState>) -> Result<Vec<ScopeRecord>, Error> {
    run(&state, move |app, ctx| app.audit_leads(ctx)).await
}
