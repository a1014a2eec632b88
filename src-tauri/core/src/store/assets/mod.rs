//! IT assets: categories, locations, the assets and their check-outs.

pub mod assets;
pub mod categories;
pub mod checkouts;
pub mod list;
pub mod locations;
