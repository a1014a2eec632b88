//! Purchase categories: the kinds of goods and services bought (an editable list whose entries
//! are retired), each with its over-receipt tolerance.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PurchaseCategory {
    pub id: i64,
    /// Set on the categories the app created (`it_hardware`, `services`…).
    pub code: Option<String>,
    pub name_it: String,
    pub name_en: Option<String>,
    /// How much more than ordered may be received, in basis points (500 = 5 %).
    pub over_receipt_bp: i64,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PurchaseCategoryInput {
    pub name_it: String,
    pub name_en: Option<String>,
    pub over_receipt_bp: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPurchaseCategory {
    pub name_it: String,
    pub name_en: Option<String>,
    pub over_receipt_bp: i64,
}

impl PurchaseCategoryInput {
    pub fn validate(&self) -> crate::Result<ValidPurchaseCategory> {
        let mut c = Checks::default();
        let name_it = c.required("name_it", &self.name_it, 100);
        let name_en = c.optional("name_en", &self.name_en, 100);
        // Beyond half again what was ordered is no longer a tolerance but another order.
        if !(0..=5_000).contains(&self.over_receipt_bp) {
            c.add(
                FieldError::new("over_receipt_bp", "out_of_range")
                    .with("min", 0)
                    .with("max", 50),
            );
        }
        c.finish()?;
        Ok(ValidPurchaseCategory {
            name_it,
            name_en,
            over_receipt_bp: self.over_receipt_bp,
        })
    }
}

/// The categories a new database starts with: (code, Italian, English).
pub const DEFAULT_CATEGORIES: &[(&str, &str, &str)] = &[
    ("it_hardware", "Hardware informatico", "IT hardware"),
    ("software", "Software e licenze", "Software and licences"),
    ("office", "Cancelleria e ufficio", "Office supplies"),
    ("raw_materials", "Materie prime", "Raw materials"),
    ("components", "Componenti e semilavorati", "Components"),
    ("maintenance", "Manutenzioni", "Maintenance"),
    ("services", "Servizi", "Services"),
    ("consulting", "Consulenze", "Consulting"),
    (
        "logistics",
        "Trasporti e logistica",
        "Transport and logistics",
    ),
    ("utilities", "Utenze", "Utilities"),
];
