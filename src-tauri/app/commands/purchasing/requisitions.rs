//! Requisitions and their requests for quotation: the list, one requisition with its quotes,
//! the form, its steps, asking suppliers, recording their offers, choosing one, the request's
//! PDF through the save dialog, and the rule on quotes administrators set.

use super::super::run;
use crate::dialogs::Filter;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::permissions::{Action, Area};
use backoffice_core::domain::purchasing::order::PurchaseOrder;
use backoffice_core::domain::purchasing::quote_compare::QuotesRuleSetting;
use backoffice_core::domain::purchasing::requisition::{
    RequisitionInput, RequisitionQuery, RequisitionRow, RequisitionView,
};
use backoffice_core::domain::purchasing::requisition_state::RequisitionMove;
use backoffice_core::domain::purchasing::rfq::{OfferInput, QuoteRequestInput};
use backoffice_core::services::RfqPdf;
use backoffice_core::Error;
use serde::Deserialize;
use tauri::{State, WebviewWindow};

#[tauri::command]
pub async fn list_requisitions(
    state: State<'_, AppState>,
    query: RequisitionQuery,
) -> Result<Page<RequisitionRow>, Error> {
    run(&state, move |app, ctx| app.list_requisitions(ctx, &query)).await
}

#[tauri::command]
pub async fn get_requisition(
    state: State<'_, AppState>,
    id: i64,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| app.requisition(ctx, id)).await
}

#[tauri::command]
pub async fn save_requisition(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: RequisitionInput,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_requisition(ctx, &input),
        Some(id) => app.update_requisition(ctx, id, version, &input),
    })
    .await
}

/// A step of a requisition's way: submit, withdraw, approve, reject (with a reason), rework.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequisitionStep {
    Submit,
    Withdraw,
    Approve,
    Reject,
    Rework,
}

#[tauri::command]
pub async fn move_requisition(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    step: RequisitionStep,
    reason: Option<String>,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| {
        let reason = reason.as_deref().unwrap_or("");
        match step {
            RequisitionStep::Submit => {
                app.move_requisition(ctx, id, version, RequisitionMove::Submit)
            }
            RequisitionStep::Withdraw => {
                app.move_requisition(ctx, id, version, RequisitionMove::Withdraw)
            }
            RequisitionStep::Rework => {
                app.move_requisition(ctx, id, version, RequisitionMove::Rework)
            }
            RequisitionStep::Approve => app.approve_requisition(ctx, id, version),
            RequisitionStep::Reject => app.reject_requisition(ctx, id, version, reason),
        }
    })
    .await
}

#[tauri::command]
pub async fn order_from_requisition(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    supplier_id: i64,
) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| {
        app.order_from_requisition(ctx, id, version, supplier_id)
    })
    .await
}

#[tauri::command]
pub async fn request_quotes(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    input: QuoteRequestInput,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| {
        app.request_quotes(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn record_offer(
    state: State<'_, AppState>,
    rfq_id: i64,
    version: i64,
    input: OfferInput,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| {
        app.record_offer(ctx, rfq_id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn decline_rfq(
    state: State<'_, AppState>,
    rfq_id: i64,
    version: i64,
) -> Result<RequisitionView, Error> {
    run(&state, move |app, ctx| {
        app.decline_rfq(ctx, rfq_id, version)
    })
    .await
}

#[tauri::command]
pub async fn choose_offer(
    state: State<'_, AppState>,
    rfq_id: i64,
    version: i64,
    reason: Option<String>,
) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| {
        app.choose_offer(ctx, rfq_id, version, reason.as_deref())
    })
    .await
}

#[tauri::command]
pub async fn quotes_rule(state: State<'_, AppState>) -> Result<QuotesRuleSetting, Error> {
    run(&state, move |app, ctx| app.quotes_rule_setting(ctx)).await
}

#[tauri::command]
pub async fn save_quotes_rule(
    state: State<'_, AppState>,
    rule: QuotesRuleSetting,
) -> Result<QuotesRuleSetting, Error> {
    run(&state, move |app, ctx| app.save_quotes_rule(ctx, &rule)).await
}

const PDF: Filter = Filter {
    name: "PDF",
    extensions: &["pdf"],
};

/// Asks where to save the request's PDF, then saves it; a draft request becomes sent.
#[tauri::command]
pub async fn save_rfq_pdf(
    window: WebviewWindow,
    state: State<'_, AppState>,
    rfq_id: i64,
    language: String,
    title: String,
    name: String,
) -> Result<RfqPdf, Error> {
    run(&state, |app, ctx| {
        app.require(ctx, Area::Purchasing, Action::Write)
    })
    .await?;
    let path = state.picker.save(&window, &title, &name, PDF).await?;
    run(&state, move |app, ctx| {
        app.save_rfq_pdf(ctx, rfq_id, &language, &path)
    })
    .await
}
