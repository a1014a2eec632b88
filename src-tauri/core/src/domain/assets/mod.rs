//! IT assets: what the office owns, where it is and who holds it.

pub mod asset;
pub mod catalog;
pub mod checkout;
pub mod consumable;
pub mod inventory_check;
pub mod labels;
pub mod licence;
pub mod maintenance;
pub mod maintenance_log;
pub mod network;
pub mod report;
pub mod scan;
pub mod seat;
pub mod tag;
pub mod value;
