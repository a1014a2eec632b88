//! A delivery received against a purchase order: the form (which lines, how much, the
//! supplier's delivery note), the receipt as stored and shown, its reversal, and the lists of
//! receipts and of orders still to receive. The per-line arithmetic is `receipt.rs`.

use super::decimal::NumberLocale;
use super::quantity::{parse_quantity, QTY_SCALE};
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Assets one receipt line may create: more is an import, not a delivery to type.
pub const MAX_ASSETS_PER_LINE: i64 = 200;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceiptLineInput {
    pub order_line_id: i64,
    /// As typed, a plain decimal with a point ("2.5"); the UI's number input gives that.
    pub quantity: String,
    /// Create one IT asset per unit received, in this asset category.
    pub asset_category_id: Option<i64>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceiptInput {
    pub order_id: i64,
    pub received_on: NaiveDate,
    /// The supplier's delivery note (DDT) number and date.
    pub delivery_note: Option<String>,
    pub delivery_note_date: Option<NaiveDate>,
    pub notes: Option<String>,
    pub lines: Vec<ReceiptLineInput>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReceiptLine {
    pub order_line_id: i64,
    /// Thousandths, above zero.
    pub quantity: i64,
    pub asset_category_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidReceipt {
    pub order_id: i64,
    pub received_on: NaiveDate,
    pub delivery_note: Option<String>,
    pub delivery_note_date: Option<NaiveDate>,
    pub notes: Option<String>,
    pub lines: Vec<ValidReceiptLine>,
}

impl ReceiptInput {
    /// The form's own checks; what depends on the order (its state, how much may still
    /// arrive) is checked inside the write.
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidReceipt> {
        let mut c = Checks::default();
        let delivery_note = c.optional("delivery_note", &self.delivery_note, 40);
        let notes = c.optional_text("notes", &self.notes, 2000);
        if self.received_on > today {
            c.add(FieldError::new("received_on", "date_in_future"));
        }
        if self
            .delivery_note_date
            .is_some_and(|d| d > self.received_on)
        {
            c.add(FieldError::new("delivery_note_date", "after_receipt"));
        }
        if self.lines.is_empty() {
            c.add(FieldError::new("lines", "required"));
        }
        let mut lines = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            let field = format!("lines.{i}.quantity");
            if self.lines[..i]
                .iter()
                .any(|o| o.order_line_id == l.order_line_id)
            {
                c.add(FieldError::new(
                    &format!("lines.{i}.order_line_id"),
                    "duplicate",
                ));
            }
            let quantity = match parse_quantity(&field, &l.quantity, NumberLocale::En) {
                Ok(q) if q < 0 => {
                    c.add(FieldError::new(&field, "negative"));
                    continue;
                }
                Ok(0) => {
                    c.add(FieldError::new(&field, "must_be_positive"));
                    continue;
                }
                Ok(q) => q,
                Err(e) => {
                    c.add(e);
                    continue;
                }
            };
            if l.asset_category_id.is_some() {
                if let Some(e) = check_asset_count(&field, quantity) {
                    c.add(e);
                }
            }
            lines.push(ValidReceiptLine {
                order_line_id: l.order_line_id,
                quantity,
                asset_category_id: l.asset_category_id,
            });
        }
        c.finish()?;
        Ok(ValidReceipt {
            order_id: self.order_id,
            received_on: self.received_on,
            delivery_note,
            delivery_note_date: self.delivery_note_date,
            notes,
            lines,
        })
    }
}

/// One asset per unit: the quantity must be whole, and not more than a delivery can hold.
pub fn check_asset_count(field: &str, quantity: i64) -> Option<FieldError> {
    if quantity % QTY_SCALE != 0 {
        Some(FieldError::new(field, "not_whole"))
    } else if quantity / QTY_SCALE > MAX_ASSETS_PER_LINE {
        Some(FieldError::new(field, "too_many_assets").with("max", MAX_ASSETS_PER_LINE))
    } else {
        None
    }
}

/// The number of assets a line of `quantity` thousandths creates.
pub fn asset_count(quantity: i64) -> i64 {
    quantity / QTY_SCALE
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceiptLine {
    pub id: i64,
    pub order_line_id: i64,
    pub position: i64,
    pub description: String,
    pub unit: String,
    pub quantity: i64,
    /// The assets this line created, by tag.
    pub assets: Vec<ReceiptAsset>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceiptAsset {
    pub id: i64,
    pub tag: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct PurchaseReceipt {
    pub id: i64,
    pub order_id: i64,
    pub order_number: Option<String>,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub received_on: NaiveDate,
    pub delivery_note: Option<String>,
    pub delivery_note_date: Option<NaiveDate>,
    pub received_by: i64,
    pub received_by_name: String,
    pub notes: Option<String>,
    pub reversed_at: Option<DateTime<Utc>>,
    pub reversed_by_name: Option<String>,
    pub reversal_reason: Option<String>,
    pub lines: Vec<ReceiptLine>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReceiptSort {
    ReceivedOn,
    Order,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ReceiptQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<ReceiptSort>,
    pub dir: Option<SortDir>,
    /// Part of the delivery note's number.
    pub search: Option<String>,
    pub supplier_id: Option<i64>,
    pub order_id: Option<i64>,
    /// Received on, inclusive.
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ReceiptRow {
    pub id: i64,
    pub order_id: i64,
    pub order_number: Option<String>,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub received_on: NaiveDate,
    pub delivery_note: Option<String>,
    pub delivery_note_date: Option<NaiveDate>,
    pub received_by_name: String,
    pub lines: i64,
    pub reversed: bool,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct ToReceiveQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub supplier_id: Option<i64>,
    /// Only orders whose delivery date has passed.
    #[serde(default)]
    pub late_only: bool,
}

/// An order with goods still to come: late ones first, then by delivery date.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct ToReceiveRow {
    pub id: i64,
    pub number: Option<String>,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub status: super::order_state::OrderState,
    pub order_date: NaiveDate,
    pub delivery_date: Option<NaiveDate>,
    /// The delivery date has passed.
    pub late: bool,
    /// Lines with a back order.
    pub open_lines: i64,
    /// The net value still to come, in cents of the order's currency.
    pub remaining_cents: i64,
    pub currency: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(lines: Vec<ReceiptLineInput>) -> ReceiptInput {
        ReceiptInput {
            order_id: 1,
            received_on: NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
            delivery_note: Some(" DDT 12 ".into()),
            delivery_note_date: NaiveDate::from_ymd_opt(2026, 3, 1),
            notes: None,
            lines,
        }
    }

    fn line(id: i64, q: &str, asset: Option<i64>) -> ReceiptLineInput {
        ReceiptLineInput {
            order_line_id: id,
            quantity: q.into(),
            asset_category_id: asset,
        }
    }

    #[test]
    fn a_form_is_read_and_its_bad_lines_named() {
        let today = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        let v = input(vec![line(1, "2.5", None), line(2, "3", Some(4))])
            .validate(today)
            .unwrap();
        assert_eq!(v.delivery_note.as_deref(), Some("DDT 12"));
        assert_eq!(
            v.lines.iter().map(|l| l.quantity).collect::<Vec<_>>(),
            [2500, 3000]
        );
        let e = input(vec![
            line(1, "0", None),
            line(2, "-1", None),
            line(3, "due", None),
            line(4, "1.5", Some(1)),
            line(4, "1", None),
        ])
        .validate(today)
        .unwrap_err();
        let got: Vec<(&str, &str)> = e
            .fields
            .iter()
            .map(|f| (f.field.as_str(), f.code.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("lines.0.quantity", "must_be_positive"),
                ("lines.1.quantity", "negative"),
                ("lines.2.quantity", "invalid_number"),
                ("lines.3.quantity", "not_whole"),
                ("lines.4.order_line_id", "duplicate"),
            ]
        );
        let mut late = input(vec![line(1, "1", None)]);
        late.received_on = NaiveDate::from_ymd_opt(2026, 3, 3).unwrap();
        late.delivery_note_date = NaiveDate::from_ymd_opt(2026, 3, 4);
        let e = late.validate(today).unwrap_err();
        assert_eq!(e.fields[0].code, "date_in_future");
        assert_eq!(e.fields[1].code, "after_receipt");
        assert_eq!(
            input(vec![]).validate(today).unwrap_err().fields[0].field,
            "lines"
        );
    }

    #[test]
    fn assets_are_counted_in_whole_units() {
        assert_eq!(check_asset_count("q", 3000), None);
        assert_eq!(asset_count(3000), 3);
        assert_eq!(
            check_asset_count("q", 201_000).unwrap().code,
            "too_many_assets"
        );
    }
}
