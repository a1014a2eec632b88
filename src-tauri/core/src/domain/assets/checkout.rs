//! Check-out and check-in: an asset handed to a person or placed somewhere, and its return.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CheckoutInput {
    /// Exactly one of the person and the place.
    pub employee_id: Option<i64>,
    pub location_id: Option<i64>,
    /// Today when not given.
    pub out_on: Option<NaiveDate>,
    pub expected_return: Option<NaiveDate>,
    pub condition: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidCheckout {
    pub employee_id: Option<i64>,
    pub location_id: Option<i64>,
    pub out_on: NaiveDate,
    pub expected_return: Option<NaiveDate>,
    pub condition: Option<String>,
    pub note: Option<String>,
}

impl CheckoutInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidCheckout> {
        let mut c = Checks::default();
        let condition = c.optional("condition", &self.condition, 300);
        let note = c.optional_text("note", &self.note, 2000);
        if self.employee_id.is_some() == self.location_id.is_some() {
            c.add(FieldError::new("employee_id", "one_holder"));
        }
        let out_on = self.out_on.unwrap_or(today);
        if out_on > today {
            c.add(FieldError::new("out_on", "date_in_future"));
        }
        if self.expected_return.is_some_and(|r| r < out_on) {
            c.add(FieldError::new("expected_return", "before_checkout"));
        }
        c.finish()?;
        Ok(ValidCheckout {
            employee_id: self.employee_id,
            location_id: self.location_id,
            out_on,
            expected_return: self.expected_return,
            condition,
            note,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct CheckinInput {
    /// Today when not given.
    pub in_on: Option<NaiveDate>,
    pub condition: Option<String>,
    pub note: Option<String>,
}

/// One check-out, open or returned, as the asset's holders and an employee's file show it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Checkout {
    pub id: i64,
    pub asset_id: i64,
    pub asset_tag: String,
    pub asset_name: String,
    pub employee_id: Option<i64>,
    pub employee_name: Option<String>,
    pub location_id: Option<i64>,
    pub location_path: Option<String>,
    pub out_on: NaiveDate,
    pub expected_return: Option<NaiveDate>,
    pub out_condition: Option<String>,
    pub in_on: Option<NaiveDate>,
    pub in_condition: Option<String>,
    pub note: Option<String>,
    /// Out past its expected return.
    pub overdue: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}
