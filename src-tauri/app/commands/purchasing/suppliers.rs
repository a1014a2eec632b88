//! Suppliers, their contacts and the purchase categories.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::purchasing::category::{PurchaseCategory, PurchaseCategoryInput};
use backoffice_core::domain::purchasing::performance::DeliveryYear;
use backoffice_core::domain::purchasing::supplier::{
    Supplier, SupplierContact, SupplierContactInput, SupplierInput, SupplierQuery, SupplierRow,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_purchase_categories(
    state: State<'_, AppState>,
    include_inactive: bool,
) -> Result<Vec<PurchaseCategory>, Error> {
    run(&state, move |app, ctx| {
        app.list_purchase_categories(ctx, include_inactive)
    })
    .await
}

#[tauri::command]
pub async fn save_purchase_category(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: PurchaseCategoryInput,
) -> Result<PurchaseCategory, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_purchase_category(ctx, &input),
        Some(id) => app.update_purchase_category(ctx, id, version, &input),
    })
    .await
}

#[tauri::command]
pub async fn set_purchase_category_active(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    active: bool,
) -> Result<PurchaseCategory, Error> {
    run(&state, move |app, ctx| {
        app.set_purchase_category_active(ctx, id, version, active)
    })
    .await
}

#[tauri::command]
pub async fn list_suppliers(
    state: State<'_, AppState>,
    query: SupplierQuery,
) -> Result<Page<SupplierRow>, Error> {
    run(&state, move |app, ctx| app.list_suppliers(ctx, &query)).await
}

#[tauri::command]
pub async fn get_supplier(state: State<'_, AppState>, id: i64) -> Result<Supplier, Error> {
    run(&state, move |app, ctx| app.supplier(ctx, id)).await
}

#[tauri::command]
pub async fn save_supplier(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: SupplierInput,
) -> Result<Supplier, Error> {
    run(&state, move |app, ctx| match id {
        None => app.create_supplier(ctx, &input),
        Some(id) => app.update_supplier(ctx, id, version, &input),
    })
    .await
}

/// Blocks the supplier with `reason`, or lifts the block when `reason` is `None`.
#[tauri::command]
pub async fn set_supplier_blocked(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
    reason: Option<String>,
) -> Result<Supplier, Error> {
    run(&state, move |app, ctx| match &reason {
        Some(r) => app.block_supplier(ctx, id, version, r),
        None => app.unblock_supplier(ctx, id, version),
    })
    .await
}

#[tauri::command]
pub async fn supplier_performance(
    state: State<'_, AppState>,
    supplier_id: i64,
) -> Result<Vec<DeliveryYear>, Error> {
    run(&state, move |app, ctx| {
        app.supplier_performance(ctx, supplier_id)
    })
    .await
}

#[tauri::command]
pub async fn list_supplier_contacts(
    state: State<'_, AppState>,
    supplier_id: i64,
) -> Result<Vec<SupplierContact>, Error> {
    run(&state, move |app, ctx| {
        app.supplier_contacts(ctx, supplier_id)
    })
    .await
}

#[tauri::command]
pub async fn save_supplier_contact(
    state: State<'_, AppState>,
    supplier_id: i64,
    id: Option<i64>,
    version: i64,
    input: SupplierContactInput,
) -> Result<SupplierContact, Error> {
    run(&state, move |app, ctx| {
        app.save_supplier_contact(ctx, supplier_id, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_supplier_contact(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_supplier_contact(ctx, id, version)
    })
    .await
}
