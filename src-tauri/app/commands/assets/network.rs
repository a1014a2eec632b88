//! Networks and addresses: VLANs, subnets, interfaces, cables and the site's map.

use crate::commands::run;
use crate::state::AppState;
use backoffice_core::domain::assets::network::{
    Interface, InterfaceInput, LinkInput, NetworkLink, NetworkMap, SubnetAddresses, SubnetInfo,
    SubnetInput, Vlan, VlanInput,
};
use backoffice_core::Error;
use tauri::State;

#[tauri::command]
pub async fn list_vlans(state: State<'_, AppState>, site_id: i64) -> Result<Vec<Vlan>, Error> {
    run(&state, move |app, ctx| app.list_vlans(ctx, site_id)).await
}

#[tauri::command]
pub async fn save_vlan(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: VlanInput,
) -> Result<Vlan, Error> {
    run(&state, move |app, ctx| {
        app.save_vlan(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn list_subnets(
    state: State<'_, AppState>,
    site_id: Option<i64>,
) -> Result<Vec<SubnetInfo>, Error> {
    run(&state, move |app, ctx| app.list_subnets(ctx, site_id)).await
}

#[tauri::command]
pub async fn get_subnet(state: State<'_, AppState>, id: i64) -> Result<SubnetInfo, Error> {
    run(&state, move |app, ctx| app.subnet(ctx, id)).await
}

#[tauri::command]
pub async fn save_subnet(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: SubnetInput,
) -> Result<SubnetInfo, Error> {
    run(&state, move |app, ctx| {
        app.save_subnet(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn subnet_addresses(
    state: State<'_, AppState>,
    id: i64,
    offset: i64,
    limit: i64,
) -> Result<SubnetAddresses, Error> {
    run(&state, move |app, ctx| {
        app.subnet_addresses(ctx, id, offset, limit)
    })
    .await
}

#[tauri::command]
pub async fn next_free_address(
    state: State<'_, AppState>,
    subnet_id: i64,
) -> Result<Option<String>, Error> {
    run(&state, move |app, ctx| {
        app.next_free_address(ctx, subnet_id)
    })
    .await
}

#[tauri::command]
pub async fn asset_interfaces(
    state: State<'_, AppState>,
    asset_id: i64,
) -> Result<Vec<Interface>, Error> {
    run(&state, move |app, ctx| app.asset_interfaces(ctx, asset_id)).await
}

#[tauri::command]
pub async fn save_interface(
    state: State<'_, AppState>,
    id: Option<i64>,
    version: i64,
    input: InterfaceInput,
) -> Result<Interface, Error> {
    run(&state, move |app, ctx| {
        app.save_interface(ctx, id, version, &input)
    })
    .await
}

#[tauri::command]
pub async fn delete_interface(
    state: State<'_, AppState>,
    id: i64,
    version: i64,
) -> Result<(), Error> {
    run(&state, move |app, ctx| {
        app.delete_interface(ctx, id, version)
    })
    .await
}

#[tauri::command]
pub async fn asset_links(
    state: State<'_, AppState>,
    asset_id: i64,
) -> Result<Vec<NetworkLink>, Error> {
    run(&state, move |app, ctx| app.asset_links(ctx, asset_id)).await
}

#[tauri::command]
pub async fn add_network_link(
    state: State<'_, AppState>,
    input: LinkInput,
) -> Result<Vec<NetworkLink>, Error> {
    run(&state, move |app, ctx| app.add_network_link(ctx, &input)).await
}

#[tauri::command]
pub async fn delete_network_link(state: State<'_, AppState>, id: i64) -> Result<(), Error> {
    run(&state, move |app, ctx| app.delete_network_link(ctx, id)).await
}

#[tauri::command]
pub async fn network_map(state: State<'_, AppState>, site_id: i64) -> Result<NetworkMap, Error> {
    run(&state, move |app, ctx| app.network_map(ctx, site_id)).await
}
