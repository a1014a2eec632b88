//! A licence's seats: each one held by a person or a device from the day it was assigned until
//! it is released.

use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct SeatInput {
    /// Exactly one of the person and the device.
    pub employee_id: Option<i64>,
    pub asset_id: Option<i64>,
    /// Today when not given.
    pub assigned_on: Option<NaiveDate>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSeat {
    pub employee_id: Option<i64>,
    pub asset_id: Option<i64>,
    pub assigned_on: NaiveDate,
    pub note: Option<String>,
}

impl SeatInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidSeat> {
        let mut c = Checks::default();
        let note = c.optional_text("note", &self.note, 2000);
        if self.employee_id.is_some() == self.asset_id.is_some() {
            c.add(FieldError::new("employee_id", "one_holder"));
        }
        let assigned_on = self.assigned_on.unwrap_or(today);
        if assigned_on > today {
            c.add(FieldError::new("assigned_on", "date_in_future"));
        }
        c.finish()?;
        Ok(ValidSeat {
            employee_id: self.employee_id,
            asset_id: self.asset_id,
            assigned_on,
            note,
        })
    }
}

/// One seat, held or released.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Seat {
    pub id: i64,
    pub licence_id: i64,
    pub product_name: String,
    pub product_version: Option<String>,
    pub employee_id: Option<i64>,
    pub employee_name: Option<String>,
    /// Whether the person has left: their seat waits to be released.
    pub employee_terminated: bool,
    pub asset_id: Option<i64>,
    pub asset_tag: Option<String>,
    pub assigned_on: NaiveDate,
    pub released_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}
