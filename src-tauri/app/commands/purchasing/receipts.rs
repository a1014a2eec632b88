//! Receiving: a delivery against an order, its reversal, an order's receipts, the receipt list,
//! the orders still to receive, and closing an order short.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::purchasing::order::PurchaseOrder;
use backoffice_core::domain::purchasing::receiving::{
    PurchaseReceipt, ReceiptInput, ReceiptQuery, ReceiptRow, ToReceiveQuery, ToReceiveRow,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn receive_order(
    state: State<'_, AppState>,
    input: ReceiptInput,
) -> Result<PurchaseReceipt, Error> {
    run(&state, move |app, ctx| app.receive_order(ctx, &input)).await
}

#[tauri::command]
pub async fn reverse_receipt(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    reason: String,
) -> Result<PurchaseReceipt, Error> {
    run(&state, move |app, ctx| {
        app.reverse_receipt(ctx, id, version, &reason)
    })
    .await
}

#[tauri::command]
pub async fn order_receipts(
    state: State<'_, AppState>,
    order_id: i64,
) -> Result<Vec<PurchaseReceipt>, Error> {
    run(&state, move |app, ctx| app.order_receipts(ctx, order_id)).await
}

#[tauri::command]
pub async fn list_receipts(
    state: State<'_, AppState>,
    query: ReceiptQuery,
) -> Result<Page<ReceiptRow>, Error> {
    run(&state, move |app, ctx| app.list_receipts(ctx, &query)).await
}

#[tauri::command]
pub async fn orders_to_receive(
    state: State<'_, AppState>,
    query: ToReceiveQuery,
) -> Result<Page<ToReceiveRow>, Error> {
    run(&state, move |app, ctx| app.orders_to_receive(ctx, &query)).await
}

#[tauri::command]
pub async fn close_order(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    reason: Option<String>,
) -> Result<PurchaseOrder, Error> {
    run(&state, move |app, ctx| {
        app.close_order(ctx, id, version, reason.as_deref())
    })
    .await
}
