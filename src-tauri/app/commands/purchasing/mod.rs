//! Purchasing: suppliers and the purchase categories, the orders' printed copies.

pub mod outputs;
pub mod suppliers;
