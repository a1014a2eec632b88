//! IT assets: categories, locations, the assets and their check-outs; software licences and
//! their seats; consumables and their moves.

// The area's main table shares the area's name.
#[allow(clippy::module_inception)]
pub mod assets;
pub mod categories;
pub mod checkouts;
pub mod consumable_moves;
pub mod consumables;
pub mod interfaces;
pub mod licence_list;
pub mod licences;
pub mod links;
pub mod list;
pub mod locations;
pub mod seats;
pub mod software;
pub mod subnets;
