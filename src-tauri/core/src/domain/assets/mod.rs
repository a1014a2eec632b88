//! IT assets: what the office owns, where it is and who holds it.

pub mod asset;
pub mod catalog;
pub mod checkout;
pub mod consumable;
pub mod licence;
pub mod network;
pub mod seat;
pub mod tag;
