//! IT assets: categories, locations, the assets and their check-outs, networks, maintenance,
//! software licences with their seats, consumables with their moves.

pub mod asset;
pub mod categories;
pub mod checkouts;
pub mod consumable_moves;
pub mod consumables;
pub mod gaps;
pub mod interfaces;
pub mod licence_list;
pub mod licences;
pub mod links;
pub mod list;
pub mod list_order;
pub mod list_search;
pub mod locations;
pub mod maintenance;
pub mod maintenance_calendar;
pub mod maintenance_list;
pub mod maintenance_log;
pub mod person_aliases;
pub mod report;
pub mod seats;
pub mod software;
pub mod subnets;
pub mod value;
pub mod waiting;
