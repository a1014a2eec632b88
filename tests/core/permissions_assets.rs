//! The IT assets area's operations for the role × operation test in `permissions.rs`. Asset 1
//! exists before the run. Everyone reads the assets they hold, so the list answers every role
//! ("any"); networks, licences, consumables and book values need the whole inventory in view
//! ("assets:inventory": IT, administrators, accounting and purchasing).

use backoffice_core::domain::assets::asset::{AssetQuery, AssetSort};
use backoffice_core::domain::assets::catalog::{LocationInput, LocationKind};
use backoffice_core::domain::assets::consumable::ConsumableQuery;
use backoffice_core::domain::assets::licence::{LicenceQuery, LicenceSort};
use backoffice_core::domain::assets::maintenance::{DueFilter, PlanQuery, PlanSort};
use backoffice_core::domain::assets::report::{Grouping, TcoQuery};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::export::Format;

use crate::support::Installed;
use backoffice_core::services::Ctx;

type Op = fn(&Installed, &Ctx, &std::path::Path) -> Result<(), backoffice_core::Error>;

/// The roles each pseudo-permission of this area stands for, beside the matrix's own.
pub const INVENTORY: &[backoffice_core::domain::permissions::Role] = {
    use backoffice_core::domain::permissions::Role::*;
    &[Admin, Accounting, It, Purchasing]
};

fn assets_query() -> AssetQuery {
    AssetQuery {
        search: None,
        category_id: None,
        status: None,
        location_id: None,
        department_id: None,
        holder_employee_id: None,
        warranty_within_days: None,
        sort: AssetSort::Tag,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    }
}

fn licence_query() -> LicenceQuery {
    LicenceQuery {
        search: None,
        product_id: None,
        kind: None,
        expiring_within_days: None,
        seat_use: None,
        include_retired: false,
        sort: LicenceSort::Product,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    }
}

pub fn asset_operations() -> Vec<(&'static str, &'static str, Op)> {
    vec![
        ("list_assets", "any", |t, c, _| {
            t.app.list_assets(c, &assets_query()).map(drop)
        }),
        ("asset_report", "any", |t, c, _| {
            t.app.asset_report(c, Grouping::Category).map(drop)
        }),
        ("asset_tco", "any", |t, c, _| {
            t.app.asset_tco(c, &TcoQuery::default()).map(drop)
        }),
        ("export_assets", "any", |t, c, dir| {
            let path = dir.join(format!("beni-{}.csv", c.actor));
            t.app
                .export_assets(c, &assets_query(), &path, "it", Format::Csv)
                .map(drop)
        }),
        ("list_maintenance_plans", "assets:read", |t, c, _| {
            let q = PlanQuery {
                search: None,
                assignee_employee_id: None,
                target: None,
                due: DueFilter::All,
                include_retired: false,
                sort: PlanSort::NextDue,
                dir: SortDir::Asc,
                page: PageRequest::default(),
            };
            t.app.list_maintenance_plans(c, &q).map(drop)
        }),
        ("list_subnets", "assets:inventory", |t, c, _| {
            t.app.list_subnets(c, None).map(drop)
        }),
        ("list_licences", "assets:inventory", |t, c, _| {
            t.app.list_licences(c, &licence_query()).map(drop)
        }),
        ("list_consumables", "assets:inventory", |t, c, _| {
            let q = ConsumableQuery {
                search: None,
                category: None,
                low_only: false,
                include_inactive: false,
                page: PageRequest::default(),
            };
            t.app.list_consumables(c, &q).map(drop)
        }),
        ("book_values", "assets:inventory", |t, c, _| {
            t.app.book_values(c, None).map(drop)
        }),
        ("create_location", "assets:write", |t, c, _| {
            let input = LocationInput {
                parent_id: None,
                kind: LocationKind::Site,
                name: format!("Sede {}", c.actor),
                address: None,
            };
            t.app.create_location(c, &input).map(drop)
        }),
        ("create_asset", "assets:write", |t, c, _| {
            let tag = format!("PC-{:05}", c.user_id + 100);
            let input = crate::assets::input(&tag, "Portatile", 1);
            t.app.create_asset(c, &input).map(drop)
        }),
        ("export_licences", "assets:export", |t, c, dir| {
            let path = dir.join(format!("licenze-{}.csv", c.actor));
            t.app
                .export_licences(c, &licence_query(), &path, "it", Format::Csv)
                .map(drop)
        }),
    ]
}
