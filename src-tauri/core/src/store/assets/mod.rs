//! IT assets: categories, locations, the assets, their check-outs and their maintenance.

// The area's table of assets is named like the area.
#[allow(clippy::module_inception)]
pub mod assets;
pub mod categories;
pub mod checkouts;
pub mod list;
pub mod locations;
pub mod maintenance;
pub mod maintenance_list;
pub mod maintenance_log;
