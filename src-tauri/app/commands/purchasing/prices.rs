//! Suppliers' price lists and the prices an order line may take from them.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::page::Page;
use backoffice_core::domain::purchasing::price_list::{
    PriceQuery, PriceSuggestion, SupplierPrice, SupplierPriceInput,
};
use backoffice_core::Error;
use chrono::NaiveDate;
use tauri::State;

#[tauri::command]
pub async fn list_supplier_prices(
    state: State<'_, AppState>,
    supplier_id: i64,
    query: PriceQuery,
) -> Result<Page<SupplierPrice>, Error> {
    run(&state, move |app, ctx| {
        app.supplier_prices(ctx, supplier_id, &query)
    })
    .await
}

#[tauri::command]
pub async fn save_supplier_price(
    state: State<'_, AppState>,
    supplier_id: i64,
    id: Option<i64>,
    version: i64,
    input: SupplierPriceInput,
) -> Result<SupplierPrice, Error> {
    run(&state, move |app, ctx| {
        app.save_supplier_price(ctx, supplier_id, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_supplier_price(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_supplier_price(ctx, id, version)
    })
    .await
}

#[tauri::command]
pub async fn price_suggestions(
    state: State<'_, AppState>,
    supplier_id: i64,
    search: String,
    quantity: i64,
    day: Option<NaiveDate>,
) -> Result<Vec<PriceSuggestion>, Error> {
    run(&state, move |app, ctx| {
        app.price_suggestions(ctx, supplier_id, &search, quantity, day)
    })
    .await
}
