//! IT assets: categories, locations, the assets, their check-outs and their maintenance.

pub mod asset;
pub mod categories;
pub mod checkouts;
pub mod interfaces;
pub mod links;
pub mod list;
pub mod locations;
pub mod maintenance;
pub mod maintenance_list;
pub mod maintenance_log;
pub mod subnets;
pub mod waiting;
