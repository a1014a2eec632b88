//! IT assets: categories, locations, the assets and their check-outs.

pub mod assets;
pub mod categories;
pub mod checkouts;
pub mod interfaces;
pub mod links;
pub mod list;
pub mod locations;
pub mod subnets;
