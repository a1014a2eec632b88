//! Payment terms as Italian suppliers write them: "rimessa diretta", "30 gg DF" (days from the
//! invoice date), "60 gg DFFM" (then to the end of that month), "30/60/90 DFFM" (three
//! instalments), "DFFM + 10" (the 10th of the following month).
//!
//! End of month counts days in commercial months when they are multiples of 30: "30 DFFM" on
//! an invoice of 31 January falls on 28 February, as Italian accounting reads it, not on 31
//! March (31 January + 30 days is 2 March). Other day counts are added as calendar days first,
//! then moved to that month's end.

use chrono::{Datelike, Days, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;

use crate::error::{Error, FieldError};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TermsKind {
    /// Rimessa diretta: due on the invoice date.
    Immediate,
    /// One instalment per entry of `days`.
    Days,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct PaymentTerms {
    pub kind: TermsKind,
    /// Days from the invoice date, one per instalment, increasing (30, 60, 90).
    pub days: Vec<u16>,
    /// Fine mese: each due date moves to the end of its month.
    pub end_of_month: bool,
    /// Days after the end of month ("FM + 10"); only with `end_of_month`.
    pub extra_days: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Instalment {
    pub due: NaiveDate,
    pub amount_cents: i64,
}

/// The terms for the UI: a translation key and its parameters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct TermsLabel {
    pub key: String,
    pub params: BTreeMap<String, String>,
}

pub const MAX_INSTALMENTS: usize = 12;

impl PaymentTerms {
    pub fn immediate() -> Self {
        Self {
            kind: TermsKind::Immediate,
            days: Vec::new(),
            end_of_month: false,
            extra_days: 0,
        }
    }

    /// Checks the structured form; errors name `days`, `end_of_month` and `extra_days`.
    pub fn validate(&self) -> crate::Result<()> {
        let mut errors = Vec::new();
        match self.kind {
            TermsKind::Immediate => {
                if !self.days.is_empty() || self.end_of_month || self.extra_days != 0 {
                    errors.push(FieldError::new("days", "not_for_immediate"));
                }
            }
            TermsKind::Days => {
                if self.days.is_empty() {
                    errors.push(FieldError::new("days", "required"));
                }
                if self.days.len() > MAX_INSTALMENTS {
                    errors.push(FieldError::new("days", "too_many").with("max", MAX_INSTALMENTS));
                }
                if self.days.iter().any(|d| !(1..=365).contains(d)) {
                    errors.push(
                        FieldError::new("days", "out_of_range")
                            .with("min", 1)
                            .with("max", 365),
                    );
                }
                if self.days.windows(2).any(|w| w[1] <= w[0]) {
                    errors.push(FieldError::new("days", "not_increasing"));
                }
                if self.extra_days > 31 {
                    errors.push(
                        FieldError::new("extra_days", "out_of_range")
                            .with("min", 0)
                            .with("max", 31),
                    );
                } else if self.extra_days > 0 && !self.end_of_month {
                    errors.push(FieldError::new("extra_days", "needs_end_of_month"));
                }
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(Error::validation(errors))
        }
    }

    /// The due dates for an invoice of `invoice_date`, one per instalment.
    pub fn due_dates(&self, invoice_date: NaiveDate) -> crate::Result<Vec<NaiveDate>> {
        self.validate()?;
        if self.kind == TermsKind::Immediate {
            return Ok(vec![invoice_date]);
        }
        self.days
            .iter()
            .map(|&d| self.due_after(invoice_date, d))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| Error::field("days", "out_of_range"))
    }

    fn due_after(&self, date: NaiveDate, days: u16) -> Option<NaiveDate> {
        if !self.end_of_month {
            return date.checked_add_days(Days::new(u64::from(days)));
        }
        let base = if days.is_multiple_of(30) {
            end_of_month(date)?.checked_add_months(Months::new(u32::from(days / 30)))?
        } else {
            date.checked_add_days(Days::new(u64::from(days)))?
        };
        end_of_month(base)?.checked_add_days(Days::new(u64::from(self.extra_days)))
    }

    /// The total split over the due dates: equal parts in cents, the remainder on the last.
    pub fn instalments(
        &self,
        invoice_date: NaiveDate,
        total_cents: i64,
    ) -> crate::Result<Vec<Instalment>> {
        let dues = self.due_dates(invoice_date)?;
        Ok(dues
            .iter()
            .zip(split_amount(total_cents, dues.len()))
            .map(|(&due, amount_cents)| Instalment { due, amount_cents })
            .collect())
    }

    /// `purchasing.terms.immediate`, `.days`, `.days_eom` or `.days_eom_extra`, with `days`
    /// ("30/60/90") and `extra`.
    pub fn label(&self) -> TermsLabel {
        let mut params = BTreeMap::new();
        let name = match self.kind {
            TermsKind::Immediate => "immediate",
            TermsKind::Days => {
                let days: Vec<String> = self.days.iter().map(u16::to_string).collect();
                params.insert("days".to_owned(), days.join("/"));
                match (self.end_of_month, self.extra_days) {
                    (false, _) => "days",
                    (true, 0) => "days_eom",
                    (true, extra) => {
                        params.insert("extra".to_owned(), extra.to_string());
                        "days_eom_extra"
                    }
                }
            }
        };
        TermsLabel {
            key: format!("purchasing.terms.{name}"),
            params,
        }
    }
}

/// `total` in `parts` equal parts of whole cents, the remainder on the last (a negative total,
/// a credit note, splits the same way).
pub fn split_amount(total: i64, parts: usize) -> Vec<i64> {
    let Ok(n) = i64::try_from(parts) else {
        return Vec::new();
    };
    if n == 0 {
        return Vec::new();
    }
    let each = total / n;
    let mut out = vec![each; parts];
    if let Some(last) = out.last_mut() {
        *last = total - each * (n - 1);
    }
    out
}

fn end_of_month(d: NaiveDate) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(d.year(), d.month(), 1)?
        .checked_add_months(Months::new(1))?
        .pred_opt()
}

#[cfg(test)]
mod tests;
