//! A purchase order: its form, as stored and shown, and the list's query and row.

use super::approval::{approval_amount, ApprovalNeed, ApproverRole};
use super::line_form::{check_line_count, line_texts, unit_or_pieces};
use super::order_state::OrderState;
use super::quote_compare::QuotesRule;
use super::totals::{compute_totals, OrderLineInput, Totals, VatSummaryRow};
use super::vat_rate::Nature;
use crate::domain::page::{PageRequest, SortDir};
use crate::domain::text::Checks;
use crate::error::FieldError;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Lines an order may have: more is a list to import, not an order to read.
pub const MAX_LINES: usize = 500;

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrderLineForm {
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    /// "pz", "kg", "h"…; pieces when empty.
    pub unit: Option<String>,
    /// Thousandths of the unit.
    pub quantity: i64,
    /// Ten-thousandths of the currency unit.
    pub unit_price: i64,
    pub discount_bp: i64,
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrderInput {
    pub supplier_id: i64,
    pub department_id: Option<i64>,
    /// EUR when empty.
    pub currency: Option<String>,
    /// Units of the currency for one euro, in millionths; only for other currencies.
    pub exchange_rate: Option<i64>,
    pub delivery_address: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<OrderLineForm>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidLine {
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    pub unit: String,
    pub numbers: OrderLineInput,
    pub net_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidOrder {
    pub supplier_id: i64,
    pub department_id: Option<i64>,
    pub delivery_address: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub lines: Vec<ValidLine>,
    pub totals: Totals,
    /// Net in euro cents, what the approval tiers compare.
    pub approval_cents: i64,
}

impl OrderInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidOrder> {
        let mut c = Checks::default();
        check_line_count(&mut c, self.lines.len(), MAX_LINES);
        let delivery_address = c.optional_text("delivery_address", &self.delivery_address, 500);
        let payment_terms = c.optional("payment_terms", &self.payment_terms, 100);
        let notes = c.optional_text("notes", &self.notes, 4000);
        if self
            .delivery_date
            .is_some_and(|d| d < today - chrono::Days::new(366))
        {
            c.add(FieldError::new("delivery_date", "too_old"));
        }
        let mut texts = Vec::with_capacity(self.lines.len());
        for (i, l) in self.lines.iter().enumerate() {
            let (item_code, description, unit) =
                line_texts(&mut c, i, &l.item_code, &l.description, &l.unit);
            texts.push((item_code, description, unit_or_pieces(unit)));
        }
        let numbers: Vec<OrderLineInput> = self
            .lines
            .iter()
            .map(|l| OrderLineInput {
                quantity: l.quantity,
                unit_price: l.unit_price,
                discount_bp: l.discount_bp,
                vat_rate_bp: l.vat_rate_bp,
                nature: l.nature,
            })
            .collect();
        let currency = self.currency.as_deref().unwrap_or("EUR");
        // Every problem at once: the form's own and the lines' numbers.
        let totals = match compute_totals(&numbers, currency, self.exchange_rate) {
            Ok(t) => Some(t),
            Err(e) => {
                c.errors.extend(e.fields);
                None
            }
        };
        c.finish()?;
        let totals = totals.ok_or_else(|| crate::Error::internal("order totals"))?;
        let approval_cents = approval_amount(&totals)
            .ok_or_else(|| crate::Error::field("exchange_rate", "too_large"))?;
        let lines = texts
            .into_iter()
            .zip(numbers)
            .zip(&totals.lines)
            .zip(&self.lines)
            .map(
                |((((item_code, description, unit), numbers), t), l)| ValidLine {
                    item_code,
                    description,
                    category_id: l.category_id,
                    unit,
                    numbers,
                    net_cents: t.net,
                },
            )
            .collect();
        Ok(ValidOrder {
            supplier_id: self.supplier_id,
            department_id: self.department_id,
            delivery_address,
            delivery_date: self.delivery_date,
            payment_terms,
            notes,
            lines,
            totals,
            approval_cents,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrderLine {
    pub id: i64,
    pub position: i64,
    pub item_code: Option<String>,
    pub description: String,
    pub category_id: Option<i64>,
    pub unit: String,
    pub quantity: i64,
    pub unit_price: i64,
    pub discount_bp: i64,
    pub vat_rate_bp: i64,
    pub nature: Option<Nature>,
    pub net_cents: i64,
    /// Thousandths received so far.
    pub received: i64,
    pub invoiced: i64,
}

/// An approval given in the current round.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrderApproval {
    pub user_id: i64,
    pub user_name: String,
    pub role: ApproverRole,
    pub approved_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct PurchaseOrder {
    pub id: i64,
    /// Given at approval: none on a draft.
    pub number: Option<String>,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub supplier_vat: Option<String>,
    pub supplier_blocked: bool,
    pub department_id: Option<i64>,
    pub department_name: Option<String>,
    pub requested_by: i64,
    pub requested_by_name: String,
    pub status: OrderState,
    pub order_date: NaiveDate,
    pub currency: String,
    pub exchange_rate: Option<i64>,
    pub delivery_address: Option<String>,
    pub delivery_date: Option<NaiveDate>,
    pub payment_terms: Option<String>,
    pub notes: Option<String>,
    pub taxable_cents: i64,
    pub tax_cents: i64,
    pub total_cents: i64,
    pub approval_cents: i64,
    pub approved_on: Option<NaiveDate>,
    pub sent_on: Option<NaiveDate>,
    pub status_reason: Option<String>,
    pub lines: Vec<OrderLine>,
    pub summary: Vec<VatSummaryRow>,
    pub approvals: Vec<OrderApproval>,
    /// Where it stands with its approvals, while it waits for them.
    pub approval: Option<ApprovalNeed>,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The requisition it was made from, the offer chosen and why, and how many valid offers
    /// were compared.
    pub requisition_id: Option<i64>,
    pub requisition_number: Option<String>,
    pub rfq_id: Option<i64>,
    pub choice_reason: Option<String>,
    pub quotes_compared: Option<i64>,
    /// Whether the purchasing rule on quotes was met; none when no threshold is set.
    pub quotes_rule: Option<QuotesRule>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum OrderSort {
    Date,
    Number,
    Total,
    Delivery,
    Status,
}

#[derive(Debug, Clone, Default, Serialize, Deserialize, TS)]
pub struct OrderQuery {
    #[serde(default)]
    pub page: PageRequest,
    pub sort: Option<OrderSort>,
    pub dir: Option<SortDir>,
    /// Words of the number, of the supplier's name or of the lines' descriptions and codes,
    /// each found as the beginning of a word (accents and the dots of "S.r.l." aside); every
    /// word is required, and a word with a dash ("OA-2025-01") keeps its parts in order.
    pub search: Option<String>,
    pub status: Option<OrderState>,
    pub supplier_id: Option<i64>,
    pub department_id: Option<i64>,
    /// Total in cents, inclusive.
    pub min_total: Option<i64>,
    pub max_total: Option<i64>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Only orders the person may approve now.
    #[serde(default)]
    pub waiting_for_me: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct OrderRow {
    pub id: i64,
    pub number: Option<String>,
    pub supplier_id: i64,
    pub supplier_name: String,
    pub department_name: Option<String>,
    pub status: OrderState,
    pub order_date: NaiveDate,
    pub delivery_date: Option<NaiveDate>,
    pub total_cents: i64,
    pub currency: String,
}
