//! IT assets: categories and tags, locations, the inventory list, check-out and check-in,
//! who sees which assets, and maintenance plans with their work log.

mod audit_scope;
mod checkout;
mod consumables;
mod export;
mod import;
mod import_kit;
mod import_licences;
mod import_locations;
mod import_users;
mod inventory;
mod inventory_check;
mod licence_forms;
mod licences;
mod maintenance;
mod maintenance_work;
mod network;
mod report;
mod report_export;
mod report_personal;
mod scan;
mod search;
mod sort_keys;
mod value;

pub use inventory::query as inventory_query;

use crate::audits::{link, office, Office};
use backoffice_core::domain::assets::asset::{Asset, AssetInput, AssetStatus};
use backoffice_core::domain::assets::catalog::{AssetCategory, LocationInput, LocationKind};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::Ctx;

/// The audits' office (two departments, three people, a manager linked to the store's head)
/// with an IT technician, a viewer linked to the clerk, a site with a room, and the default
/// categories.
pub struct Shop {
    pub o: Office,
    pub it: Ctx,
    pub viewer: Ctx,
    pub site: i64,
    pub room: i64,
    pub laptop: AssetCategory,
}

pub fn shop() -> Shop {
    let o = office();
    let it = o.t.user("sistemista", &[Role::It]);
    let viewer = o.t.user("impiegato", &[Role::Viewer]);
    link(&o.t, &viewer, o.clerk);
    let cats = o.t.app.list_asset_categories(&it, false).unwrap();
    let laptop = cats
        .into_iter()
        .find(|c| c.code.as_deref() == Some("laptop"))
        .unwrap();
    let site =
        o.t.app
            .create_location(
                &it,
                &LocationInput {
                    parent_id: None,
                    kind: LocationKind::Site,
                    name: "Sede di Milano".into(),
                    address: Some("Via Roma 1, Milano".into()),
                },
            )
            .unwrap()
            .id;
    let room =
        o.t.app
            .create_location(
                &it,
                &LocationInput {
                    parent_id: Some(site),
                    kind: LocationKind::Room,
                    name: "Sala server".into(),
                    address: None,
                },
            )
            .unwrap()
            .id;
    Shop {
        o,
        it,
        viewer,
        site,
        room,
        laptop,
    }
}

pub fn input(tag: &str, name: &str, category: i64) -> AssetInput {
    AssetInput {
        tag: tag.into(),
        name: name.into(),
        category_id: category,
        manufacturer: Some("Lenovo".into()),
        model: Some("ThinkPad T14".into()),
        serial: Some(format!("SN-{tag}")),
        supplier_name: Some("Rossi Forniture S.r.l.".into()),
        order_number: None,
        purchase_date: Some(crate::audits::date(2025, 3, 10)),
        cost_cents: Some(129_900),
        currency: None,
        warranty_end: Some(crate::audits::date(2028, 3, 10)),
        location_id: None,
        department_id: None,
        status: AssetStatus::InStock,
        status_date: None,
        notes: None,
    }
}

impl Shop {
    pub fn asset(&self, tag: &str, name: &str) -> Asset {
        self.o
            .t
            .app
            .create_asset(&self.it, &input(tag, name, self.laptop.id))
            .unwrap()
    }
}
