//! IT assets: the inventory, check-outs, categories and locations.

pub mod catalog;
pub mod inventory;
pub mod licences;
pub mod maintenance;
pub mod network;
pub mod outputs;
pub mod reports;
