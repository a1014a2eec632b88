//! A request for quotation sent to one supplier for a requisition's lines, and the offer the
//! supplier answers with: a price per line, the delivery time, how long it is valid, conditions.

use super::money::check_discount;
use super::requisition::RequisitionLine;
use super::requisition_state::RfqState;
use super::totals::line_net;
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OfferLine {
    pub requisition_line_id: i64,
    /// Ten-thousandths of a euro.
    pub unit_price: i64,
    pub discount_bp: i64,
    pub net_cents: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct Offer {
    pub id: i64,
    pub delivery_days: i64,
    pub valid_until: NaiveDate,
    pub conditions: Option<String>,
    pub total_cents: i64,
    pub lines: Vec<OfferLine>,
    pub version: i64,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Rfq {
    pub id: i64,
    pub requisition_id: i64,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub supplier_blocked: bool,
    pub status: RfqState,
    pub sent_on: Option<NaiveDate>,
    pub reply_by: Option<NaiveDate>,
    pub offer: Option<Offer>,
    pub version: i64,
}

/// Asking suppliers for quotes on an approved requisition.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct QuoteRequestInput {
    pub supplier_ids: Vec<i64>,
    pub reply_by: Option<NaiveDate>,
}

/// At most this many suppliers are asked at once.
pub const MAX_SUPPLIERS_ASKED: usize = 20;

impl QuoteRequestInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<Vec<i64>> {
        let mut c = Checks::default();
        let mut ids = self.supplier_ids.clone();
        ids.sort_unstable();
        ids.dedup();
        if ids.is_empty() {
            c.add(FieldError::new("supplier_ids", "required"));
        }
        if ids.len() > MAX_SUPPLIERS_ASKED {
            c.add(FieldError::new("supplier_ids", "too_many").with("max", MAX_SUPPLIERS_ASKED));
        }
        if self.reply_by.is_some_and(|d| d < today) {
            c.add(FieldError::new("reply_by", "in_the_past"));
        }
        c.finish()?;
        Ok(ids)
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OfferLineForm {
    pub requisition_line_id: i64,
    /// Ten-thousandths of a euro.
    pub unit_price: i64,
    pub discount_bp: i64,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OfferInput {
    pub delivery_days: i64,
    pub valid_until: Option<NaiveDate>,
    pub conditions: Option<String>,
    /// One per line of the requisition.
    pub lines: Vec<OfferLineForm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOffer {
    pub delivery_days: i64,
    pub valid_until: NaiveDate,
    pub conditions: Option<String>,
    /// In the requisition's line order.
    pub lines: Vec<(i64, i64, i64, i64)>,
    pub total_cents: i64,
}

/// Longest delivery time an offer may state, in days.
pub const MAX_DELIVERY_DAYS: i64 = 3650;

impl OfferInput {
    /// Checks the offer against the requisition's lines: every line priced once, prices not
    /// negative, discounts 0–100 %, a validity date not already past.
    pub fn validate(
        &self,
        asked: &[RequisitionLine],
        today: NaiveDate,
    ) -> crate::Result<ValidOffer> {
        let mut c = Checks::default();
        if !(0..=MAX_DELIVERY_DAYS).contains(&self.delivery_days) {
            c.add(
                FieldError::new("delivery_days", "out_of_range")
                    .with("min", 0)
                    .with("max", MAX_DELIVERY_DAYS),
            );
        }
        match self.valid_until {
            None => c.add(FieldError::new("valid_until", "required")),
            Some(d) if d < today => c.add(FieldError::new("valid_until", "in_the_past")),
            Some(_) => {}
        }
        let conditions = c.optional_text("conditions", &self.conditions, 2000);
        let mut lines = Vec::with_capacity(asked.len());
        let mut total: i64 = 0;
        for (i, a) in asked.iter().enumerate() {
            let p = format!("lines.{i}.");
            let Some(f) = self.lines.iter().find(|f| f.requisition_line_id == a.id) else {
                c.add(FieldError::new(&format!("{p}unit_price"), "required"));
                continue;
            };
            if f.unit_price < 0 {
                c.add(FieldError::new(&format!("{p}unit_price"), "negative"));
                continue;
            }
            if let Some(e) = check_discount(&format!("{p}discount_bp"), f.discount_bp) {
                c.add(e);
                continue;
            }
            match line_net(a.quantity, f.unit_price, f.discount_bp)
                .and_then(|n| total.checked_add(n).map(|t| (n, t)))
            {
                Some((net, t)) => {
                    total = t;
                    lines.push((a.id, f.unit_price, f.discount_bp, net));
                }
                None => c.add(FieldError::new(&format!("{p}unit_price"), "too_large")),
            }
        }
        if self
            .lines
            .iter()
            .any(|f| !asked.iter().any(|a| a.id == f.requisition_line_id))
        {
            c.add(FieldError::new("lines", "not_asked"));
        }
        c.finish()?;
        Ok(ValidOffer {
            delivery_days: self.delivery_days,
            valid_until: self
                .valid_until
                .ok_or_else(|| crate::Error::internal("offer validity"))?,
            conditions,
            lines,
            total_cents: total,
        })
    }
}
