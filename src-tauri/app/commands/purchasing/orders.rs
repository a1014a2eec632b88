//! Purchase orders: the list, one order, its form and its way through approval; the approval
//! tiers administrators set.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::purchasing::approval::ApprovalTier;
use backoffice_core::domain::purchasing::order::{OrderInput, OrderQuery, OrderRow, PurchaseOrder};
use backoffice_core::Error;
use serde::Deserialize;
use tauri::State;

#[tauri::command]
pub async fn list_orders(
    state: State<'_, AppState>,
    query: OrderQuery,
) -> Result<Page<OrderRow>, Error> {
    run(&state, move |app, ctx| app.list_orders(ctx, &query)).await
}

#[tauri::command]
pub async fn get_order(state: State<'_, AppState>, id: i64) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| app.order(ctx, id)).await
}

#[tauri::command]
pub async fn save_order(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: OrderInput,
) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_order(ctx, &input),
        Some(id) => app.update_order(ctx, id, version, &input),
    })
    .await
}

/// A step of an order's way: submit, approve, send back (with a reason), mark sent, cancel
/// (with a reason).
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrderStep {
    Submit,
    Approve,
    SendBack,
    MarkSent,
    Cancel,
}

#[tauri::command]
pub async fn move_order(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    step: OrderStep,
    reason: Option<String>,
) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| {
        let reason = reason.as_deref().unwrap_or("");
        match step {
            OrderStep::Submit => app.submit_order(ctx, id, version),
            OrderStep::Approve => app.approve_order(ctx, id, version),
            OrderStep::SendBack => app.send_back_order(ctx, id, version, reason),
            OrderStep::MarkSent => app.mark_order_sent(ctx, id, version),
            OrderStep::Cancel => app.cancel_order(ctx, id, version, reason),
        }
    })
    .await
}

#[tauri::command]
pub async fn approval_tiers(state: State<'_, AppState>) -> Result<Vec<ApprovalTier>, Error> {
    run(&state, move |app, ctx| app.approval_tiers(ctx)).await
}

#[tauri::command]
pub async fn save_approval_tiers(
    state: State<'_, AppState>,
    tiers: Vec<ApprovalTier>,
) -> Result<Vec<ApprovalTier>, Error> {
    run(&state, move |app, ctx| app.save_approval_tiers(ctx, &tiers)).await
}
