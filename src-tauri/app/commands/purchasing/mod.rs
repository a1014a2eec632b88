//! Purchasing: suppliers and the purchase categories.

pub mod suppliers;
