//! A requisition: what a department needs and why, with an estimate, approved before anything
//! is bought; its form, as stored and shown, and the list's query and row.

use super::line_form::{check_line_count, line_texts, unit_or_pieces};
use super::quantity::check_positive;
use super::requisition_state::RequisitionState;
use super::totals::line_net;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Lines a requisition may have.
pub const MAX_REQUISITION_LINES: usize = 200;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RequisitionLineForm {
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    /// "pz", "kg", "h"…; pieces when empty.
    pub unit: Option<String>,
    /// Thousandths of the unit.
    pub quantity: i64,
    /// Ten-thousandths of a euro; none when nobody knows yet.
    pub estimated_price: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RequisitionInput {
    pub department_id: Option<i64>,
    pub reason: String,
    pub needed_by: Option<NaiveDate>,
    pub lines: Vec<RequisitionLineForm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequisitionLine {
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    pub unit: String,
    pub quantity: i64,
    pub estimated_price: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidRequisition {
    pub department_id: Option<i64>,
    pub reason: String,
    pub needed_by: Option<NaiveDate>,
    pub lines: Vec<ValidRequisitionLine>,
    /// The estimated net of the lines priced, euro cents.
    pub estimate_cents: i64,
}

impl RequisitionInput {
    /// Every problem at once, each named by its field (`lines.2.quantity`).
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidRequisition> {
        let mut c = Checks::default();
        let reason = c.required_text("reason", &self.reason, 2000);
        check_line_count(&mut c, self.lines.len(), MAX_REQUISITION_LINES);
        if self.needed_by.is_some_and(|d| d < today) {
            c.add(FieldError::new("needed_by", "in_the_past"));
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        let mut estimate: i64 = 0;
        for (i, l) in self.lines.iter().enumerate() {
            let p = format!("lines.{i}.");
            let (item_code, description, unit) =
                line_texts(&mut c, i, &l.item_code, &l.description, &l.unit);
            let unit = unit_or_pieces(unit);
            if let Some(e) = check_positive(&format!("{p}quantity"), l.quantity) {
                c.add(e);
            }
            if let Some(price) = l.estimated_price {
                if price < 0 {
                    c.add(FieldError::new(&format!("{p}estimated_price"), "negative"));
                } else if l.quantity > 0 {
                    match line_net(l.quantity, price, 0).and_then(|n| estimate.checked_add(n)) {
                        Some(total) => estimate = total,
                        None => c.add(FieldError::new(&format!("{p}estimated_price"), "too_large")),
                    }
                }
            }
            lines.push(ValidRequisitionLine {
                item_code,
                description,
                category_id: l.category_id,
                unit,
                quantity: l.quantity,
                estimated_price: l.estimated_price,
            });
        }
        c.finish()?;
        Ok(ValidRequisition {
            department_id: self.department_id,
            reason,
            needed_by: self.needed_by,
            lines,
            estimate_cents: estimate,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RequisitionLine {
    pub id: i64,
    pub position: i64,
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    pub unit: String,
    pub quantity: i64,
    pub estimated_price: Option<i64>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Requisition {
    pub id: i64,
    /// RDA-2026-0001.
    pub number: String,
    pub requested_by: i64,
    pub requested_by_name: String,
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    pub reason: String,
    pub needed_by: Option<NaiveDate>,
    pub status: RequisitionState,
    pub status_reason: Option<String>,
    pub estimate_cents: i64,
    pub approved_by: Option<i64>,
    pub approved_by_name: Option<String>,
    pub approved_on: Option<NaiveDate>,
    /// The order it became, with its number once it has one.
    pub order_id: Option<i64>,
    pub order_number: Option<String>,
    pub lines: Vec<RequisitionLine>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RequisitionSort {
    Date,
    Status,
    NeededBy,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct RequisitionQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<RequisitionSort>,
    pub dir: Option<SortDir>,
    /// Part of the number or of the reason.
    pub search: Option<String>,
    pub status: Option<RequisitionState>,
    pub department_id: Option<i64>,
    pub requested_by: Option<i64>,
    /// Written on or after / before, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only those the person may approve now.
    #[serde(default)]
    pub waiting_for_me: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct RequisitionRow {
    pub id: i64,
    pub number: String,
    pub requested_by_name: String,
    pub department_name: Option<String>,
    pub reason: String,
    pub status: RequisitionState,
    pub created_on: NaiveDate,
    pub needed_by: Option<NaiveDate>,
    pub estimate_cents: i64,
}

/// A requisition's page: the requisition, its requests for quotation with their offers, the
/// offers side by side, and what the person may do with it now.
#[derive(Debug, Clone, Serialize, TS)]
pub struct RequisitionView {
    pub requisition: Requisition,
    pub rfqs: Vec<super::rfq::Rfq>,
    pub comparison: super::quote_compare::QuoteComparison,
    /// The person may approve or reject it now (submitted, not theirs, their role suffices).
    pub can_approve: bool,
}
