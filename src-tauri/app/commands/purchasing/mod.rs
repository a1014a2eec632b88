//! Purchasing: suppliers and the purchase categories.

pub mod orders;
pub mod suppliers;
