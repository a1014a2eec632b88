//! Thin async adapters: deserialize the DTO, run the service off the async threads, map errors.

mod accounts;
mod assets;
mod attachments;
mod audits;
mod backups;
mod departments;
mod export_file;
mod history;
mod import;
mod purchasing;
mod search;
mod security;
mod settings;
mod staff;

use crate::state::AppState;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Error;
use std::sync::Arc;
use tauri::State;

pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
    tauri::generate_handler![
        settings::startup,
        accounts::setup,
        accounts::sign_in,
        accounts::sign_out,
        accounts::current_session,
        accounts::touch_session,
        accounts::lock_session,
        accounts::unlock_session,
        accounts::change_own_password,
        settings::home,
        settings::attention,
        settings::get_preferences,
        settings::set_language,
        settings::get_organisation,
        settings::save_organisation,
        settings::set_organisation_logo,
        settings::clear_organisation_logo,
        settings::get_organisation_logo,
        audits::templates::list_audit_templates,
        audits::templates::get_audit_template,
        audits::templates::list_audit_starters,
        audits::templates::create_audit_template,
        audits::templates::update_audit_template,
        audits::templates::save_audit_checklist,
        audits::templates::export_audit_checklist,
        audits::templates::set_audit_template_retired,
        audits::plans::list_audits,
        audits::outputs::export_audit_report,
        audits::outputs::export_audit_pack,
        audits::outputs::verify_audit_pack,
        audits::policies::list_policies,
        audits::policies::get_policy,
        audits::policies::create_policy,
        audits::policies::update_policy,
        audits::policies::review_policy,
        audits::policies::set_policy_retired,
        audits::policies::acknowledge_policy,
        audits::policies::list_policy_acknowledgements,
        audits::plans::list_audit_leads,
        audits::plans::list_record_audits,
        audits::plans::get_audit,
        audits::plans::create_audit,
        audits::plans::update_audit,
        audits::plans::move_audit,
        audits::plans::assess_audit_item,
        audits::plans::list_evidence,
        audits::plans::get_evidence,
        audits::plans::create_evidence,
        audits::plans::update_evidence,
        audits::plans::link_evidence,
        audits::plans::unlink_evidence,
        audits::findings::list_findings,
        audits::findings::get_finding,
        audits::findings::list_audit_findings,
        audits::findings::raise_finding,
        audits::findings::update_finding,
        audits::findings::list_audit_actions,
        audits::findings::add_audit_action,
        audits::findings::update_audit_action,
        audits::findings::complete_audit_action,
        audits::findings::verify_audit_action,
        audits::findings::reopen_audit_action,
        assets::catalog::list_asset_categories,
        assets::catalog::save_asset_category,
        assets::catalog::set_asset_category_active,
        assets::catalog::list_locations,
        assets::catalog::save_location,
        assets::catalog::set_location_active,
        assets::inventory::list_assets,
        assets::inventory::get_asset,
        assets::inventory::next_asset_tag,
        assets::inventory::save_asset,
        assets::inventory::checkout_asset,
        assets::inventory::checkin_asset,
        assets::inventory::asset_holders,
        assets::inventory::assets_held_by,
        assets::network::list_vlans,
        assets::network::save_vlan,
        assets::network::list_subnets,
        assets::network::get_subnet,
        assets::network::save_subnet,
        assets::network::subnet_addresses,
        assets::network::next_free_address,
        assets::network::asset_interfaces,
        assets::network::save_interface,
        assets::network::delete_interface,
        assets::network::asset_links,
        assets::network::add_network_link,
        assets::network::delete_network_link,
        assets::network::network_map,
        assets::outputs::label_sheets,
        assets::outputs::export_asset_labels,
        assets::outputs::review_scan,
        assets::outputs::accept_scan_change,
        assets::maintenance::list_maintenance_plans,
        assets::maintenance::get_maintenance_plan,
        assets::maintenance::save_maintenance_plan,
        assets::maintenance::set_maintenance_plan_active,
        assets::maintenance::complete_maintenance,
        assets::maintenance::log_asset_work,
        assets::maintenance::maintenance_log,
        assets::maintenance::maintenance_calendar,
        assets::maintenance::maintenance_compliance,
        assets::outputs::export_network_map,
        assets::licences::list_software_products,
        assets::licences::save_software_product,
        assets::licences::list_licences,
        assets::licences::save_licence,
        assets::licences::reveal_licence_key,
        assets::licences::licence_seats,
        assets::licences::assign_seat,
        assets::licences::release_seat,
        assets::licences::list_consumables,
        assets::licences::save_consumable,
        assets::licences::move_consumable,
        assets::licences::consumable_moves,
        assets::inventory::inventory_expected,
        assets::inventory::record_inventory_check,
        assets::inventory::asset_value,
        assets::inventory::book_values,
        assets::outputs::export_assets,
        assets::reports::asset_report,
        assets::reports::asset_tco,
        assets::reports::it_expiring,
        assets::reports::export_asset_report,
        assets::reports::export_book_values,
        assets::reports::export_tco,
        assets::reports::export_licences,
        assets::reports::export_consumables,
        assets::reports::export_maintenance_plans,
        assets::reports::export_maintenance_log,
        purchasing::orders::list_orders,
        purchasing::orders::get_order,
        purchasing::orders::save_order,
        purchasing::orders::move_order,
        purchasing::orders::approval_tiers,
        purchasing::orders::save_approval_tiers,
        purchasing::suppliers::list_purchase_categories,
        purchasing::suppliers::save_purchase_category,
        purchasing::suppliers::set_purchase_category_active,
        purchasing::suppliers::list_suppliers,
        purchasing::suppliers::get_supplier,
        purchasing::suppliers::save_supplier,
        purchasing::suppliers::set_supplier_blocked,
        purchasing::suppliers::supplier_performance,
        purchasing::suppliers::list_supplier_contacts,
        purchasing::suppliers::save_supplier_contact,
        purchasing::suppliers::delete_supplier_contact,
        purchasing::outputs::save_order_pdf,
        // Suppliers' price lists.
        purchasing::prices::list_supplier_prices,
        purchasing::prices::save_supplier_price,
        purchasing::prices::delete_supplier_price,
        purchasing::prices::price_suggestions,
        departments::list_departments,
        departments::get_department,
        departments::create_department,
        departments::update_department,
        departments::set_department_active,
        departments::export_departments,
        backups::backup_settings,
        backups::choose_backup_folder,
        backups::save_backup_retention,
        backups::list_backups,
        backups::start_backup,
        backups::start_prove_backup,
        backups::start_restore,
        backups::restart_app,
        security::unlock_database,
        security::encryption_status,
        security::start_encrypt,
        security::start_decrypt,
        security::change_passphrase,
        security::forget_data_key,
        accounts::list_users,
        accounts::get_user,
        accounts::create_user,
        accounts::update_user,
        accounts::reset_user_password,
        history::list_history,
        history::history_status,
        history::verify_history,
        history::export_history_csv,
        history::export_history_head,
        history::verify_history_against_head,
        staff::list_staff,
        staff::get_employee,
        staff::create_employee,
        staff::update_employee,
        staff::terminate_employee,
        staff::reactivate_employee,
        staff::company_completeness,
        staff::what_needs_fixing,
        staff::catalog::list_contract_types,
        staff::catalog::save_contract_type,
        staff::catalog::set_contract_type_active,
        staff::catalog::list_document_types,
        staff::catalog::save_document_type,
        staff::catalog::set_document_type_active,
        staff::catalog::list_courses,
        staff::catalog::save_course,
        staff::catalog::set_course_active,
        staff::catalog::list_requirements,
        staff::catalog::create_requirement,
        staff::catalog::delete_requirement,
        staff::training::add_training,
        staff::training::update_training,
        staff::training::delete_training,
        import::choose_import,
        import::validate_import,
        import::commit_import,
        import::job_status,
        import::cancel_job,
        staff::export::export_staff,
        staff::export::export_employee_file,
        search::global_search,
        attachments::list_attachments,
        attachments::attach_file,
        attachments::renew_attachment,
        attachments::update_attachment,
        attachments::delete_attachment,
        attachments::export_attachment,
        attachments::open_attachment,
        // Receiving
        purchasing::receipts::receive_order,
        purchasing::receipts::reverse_receipt,
        purchasing::receipts::order_receipts,
        purchasing::receipts::list_receipts,
        purchasing::receipts::orders_to_receive,
        purchasing::receipts::close_order,
        // Requisitions and requests for quotation.
        purchasing::requisitions::list_requisitions,
        purchasing::requisitions::get_requisition,
        purchasing::requisitions::save_requisition,
        purchasing::requisitions::move_requisition,
        purchasing::requisitions::order_from_requisition,
        purchasing::requisitions::request_quotes,
        purchasing::requisitions::record_offer,
        purchasing::requisitions::decline_rfq,
        purchasing::requisitions::choose_offer,
        purchasing::requisitions::quotes_rule,
        purchasing::requisitions::save_quotes_rule,
        purchasing::requisitions::save_rfq_pdf,
        // Supplier invoices.
        purchasing::invoices::choose_invoice_files,
        purchasing::invoices::import_invoice_files,
        purchasing::invoices::list_invoices,
        purchasing::invoices::get_invoice,
        purchasing::invoices::list_due_payments,
        purchasing::invoices::save_manual_invoice,
        // Three-way match and approval for payment.
        purchasing::invoice_match::match_proposal,
        purchasing::invoice_match::get_invoice_match,
        purchasing::invoice_match::confirm_match,
        purchasing::invoice_match::unmatch_invoice,
        purchasing::invoice_match::accept_difference,
        purchasing::invoice_match::approve_for_payment,
        purchasing::invoice_match::match_tolerances,
        purchasing::invoice_match::save_match_tolerances,
        purchasing::invoice_match::supplier_tolerances,
        purchasing::invoice_match::save_supplier_tolerances,
        purchasing::invoice_match::list_to_invoice,
        purchasing::invoice_match::supplier_match_years,
    ]
}

pub fn core(state: &State<'_, AppState>) -> Result<Arc<Backoffice>, Error> {
    match &*state.core.read().unwrap_or_else(|e| e.into_inner()) {
        Ok(c) => Ok(Arc::clone(c)),
        Err(e) => Err(Error::new(
            backoffice_core::ErrorCode::StoreUnavailable,
            e.message.clone(),
        )),
    }
}

/// Runs blocking SQLite work on tokio's blocking pool, without a signed-in person (setup,
/// sign-in, session queries).
pub async fn run_open<T, F>(state: &State<'_, AppState>, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&Backoffice) -> Result<T, Error> + Send + 'static,
{
    let core = core(state)?;
    tauri::async_runtime::spawn_blocking(move || f(&core))
        .await
        .map_err(|e| Error::internal(format!("task failed: {e}")))?
}

/// Like `run_open`, for the signed-in, unlocked person; refuses otherwise.
pub async fn run<T, F>(state: &State<'_, AppState>, f: F) -> Result<T, Error>
where
    T: Send + 'static,
    F: FnOnce(&Backoffice, &Ctx) -> Result<T, Error> + Send + 'static,
{
    run_open(state, move |app| {
        let ctx = app.current()?;
        f(app, &ctx)
    })
    .await
}

#[cfg(test)]
mod tests {
    /// Every command is declared, granted to the window and known to the UI, spelled alike: a
    /// command missing from the capability is refused at run time with no other sign.
    #[test]
    fn commands_are_declared_granted_and_known_to_the_ui() {
        let names: &[&str] = &include!("names.in");
        let granted = include_str!("../../capabilities/main.json");
        let ui = include_str!("../../../ui/src/api/commands.ts");
        for n in names {
            let grant = format!("\"allow-{}\"", n.replace('_', "-"));
            assert!(
                granted.contains(&grant),
                "{n} is not granted in capabilities/main.json"
            );
            assert!(
                ui.contains(&format!("\"{n}\"")),
                "{n} is missing from ui/src/api/commands.ts"
            );
        }
    }
}
