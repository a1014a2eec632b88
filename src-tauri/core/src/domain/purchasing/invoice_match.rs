//! The three-way match as stored and shown: a proposal to confirm (the invoice's lines, the
//! open order lines of its supplier, suggestions and a first pairing), the confirmed match with
//! its differences, and the rules for accepting a difference and approving for payment. The
//! checks themselves are `match3`'s.

use super::invoice::{InvoiceLine as StoredLine, InvoiceOrderRef, InvoiceStatus};
use super::match3::{Difference, InvoiceKind, InvoiceLine, MatchTolerances, OrderLineOpen};
use super::match3::{Pairing, Suggestion};
use super::vat_rate::Nature;
use crate::domain::permissions::Role;
use crate::error::{Error, ErrorCode, FieldError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// What the user confirms from: the invoice's lines, the open order lines (the orders the
/// invoice names first), the suggestions and the pairing to start from (the stored one when the
/// invoice was matched before, else the best suggestions).
#[derive(Debug, Clone, Serialize, TS)]
pub struct MatchProposal {
    pub invoice_id: i64,
    pub version: i64,
    pub kind: InvoiceKind,
    pub status: InvoiceStatus,
    pub lines: Vec<InvoiceLine>,
    pub open: Vec<OrderLineOpen>,
    pub suggestions: Vec<Suggestion>,
    pub pairing: Vec<Pairing>,
    pub tolerances: MatchTolerances,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DifferenceState {
    Open,
    Accepted,
}

impl DifferenceState {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Accepted => "accepted",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Open, Self::Accepted]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// The stored name of a difference's kind.
pub fn difference_kind(d: &Difference) -> &'static str {
    match d {
        Difference::Quantity { .. } => "quantity",
        Difference::Price { .. } => "price",
        Difference::VatRate { .. } => "vat_rate",
    }
}

/// One confirmed pairing as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MatchedLine {
    pub invoice_line: u32,
    pub order_id: i64,
    pub order_number: Option<String>,
    pub order_line: u32,
    pub description: String,
    /// The order line's unit ("pz", "kg"), for the quantities its differences name.
    pub unit: String,
    pub quantity_delta: i64,
    pub amount_delta_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StoredDifference {
    pub id: i64,
    pub invoice_line: u32,
    pub difference: Difference,
    pub state: DifferenceState,
    pub accepted_by_name: Option<String>,
    pub accepted_at: Option<DateTime<Utc>>,
    pub reason: Option<String>,
}

/// The invoice's match as the page shows it, and whether it may be approved for payment now.
#[derive(Debug, Clone, Serialize, TS)]
pub struct InvoiceMatch {
    pub invoice_id: i64,
    pub version: i64,
    pub status: InvoiceStatus,
    pub kind: InvoiceKind,
    pub lines: Vec<MatchedLine>,
    pub differences: Vec<StoredDifference>,
    pub open_differences: i64,
    pub approved_by_name: Option<String>,
    pub approved_at: Option<DateTime<Utc>>,
    /// The person may approve it for payment now (matched, no open difference, their role).
    pub approvable: bool,
    /// The person may accept differences (accounting & audit, administrators) and the invoice
    /// is not approved yet.
    pub may_accept: bool,
}

/// Why a step of the match is refused (`bad_transition` with `params.reason`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchRefusal {
    /// Approved for payment: the match no longer changes.
    AlreadyApproved,
    /// Not matched yet: nothing to approve or unmatch.
    NotMatched,
    /// A difference is still open.
    OpenDifferences,
    /// The difference was accepted already.
    AlreadyAccepted,
}

impl From<MatchRefusal> for Error {
    fn from(r: MatchRefusal) -> Self {
        let reason = serde_json::to_value(r)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        Error::new(
            ErrorCode::BadTransition,
            format!("supplier invoice: {reason}"),
        )
        .with("reason", reason)
    }
}

/// The match may be (re)confirmed or removed while the invoice is not approved for payment.
pub fn can_rematch(status: InvoiceStatus) -> Result<(), MatchRefusal> {
    match status {
        InvoiceStatus::ApprovedForPayment => Err(MatchRefusal::AlreadyApproved),
        _ => Ok(()),
    }
}

pub fn can_unmatch(status: InvoiceStatus) -> Result<(), MatchRefusal> {
    match status {
        InvoiceStatus::ApprovedForPayment => Err(MatchRefusal::AlreadyApproved),
        InvoiceStatus::ToMatch => Err(MatchRefusal::NotMatched),
        InvoiceStatus::Matched => Ok(()),
    }
}

/// Approval for payment needs a matched invoice with every difference resolved or accepted.
pub fn can_approve(status: InvoiceStatus, open_differences: i64) -> Result<(), MatchRefusal> {
    match status {
        InvoiceStatus::ApprovedForPayment => Err(MatchRefusal::AlreadyApproved),
        InvoiceStatus::ToMatch => Err(MatchRefusal::NotMatched),
        InvoiceStatus::Matched if open_differences > 0 => Err(MatchRefusal::OpenDifferences),
        InvoiceStatus::Matched => Ok(()),
    }
}

/// Accounting & audit and administrators accept differences and approve for payment; a
/// manager's approval right in purchasing is for orders only.
pub fn approves_payments(roles: &[Role]) -> bool {
    roles
        .iter()
        .any(|r| matches!(r, Role::Accounting | Role::Admin))
}

/// The reason for accepting a difference, trimmed; required and at most 1000 characters.
pub fn accept_reason(reason: &str) -> crate::Result<String> {
    let r = reason.trim();
    if r.is_empty() {
        return Err(Error::validation(vec![FieldError::new(
            "reason", "required",
        )]));
    }
    if r.chars().count() > 1000 {
        return Err(Error::validation(vec![FieldError::new(
            "reason", "too_long",
        )
        .with("max", 1000)]));
    }
    Ok(r.to_owned())
}

/// An invoice line as the match reads it, with the order it refers to: the reference naming
/// its line number, else one for the whole invoice (our order's number when it is ours).
pub fn match_line(line: &StoredLine, refs: &[InvoiceOrderRef]) -> InvoiceLine {
    let named = refs
        .iter()
        .find(|r| r.line_numbers.contains(&line.line_number))
        .or_else(|| refs.iter().find(|r| r.line_numbers.is_empty()));
    InvoiceLine {
        line_no: u32::try_from(line.line_number).unwrap_or(0),
        description: line.description.clone(),
        quantity: line.quantity,
        unit_price: line.unit_price,
        net_cents: line.total_cents,
        vat_rate_bp: line.vat_rate_bp,
        nature: line.nature.as_deref().and_then(Nature::parse),
        order_number: named.map(|r| r.order_number.clone().unwrap_or(r.document_id.clone())),
        order_line_no: None,
    }
}

/// Order lines as the match sees them once this invoice's own earlier match is taken out (a
/// re-match replaces it): `own` is (order id, line, quantity delta) of the stored match.
pub fn without_own(open: &mut [OrderLineOpen], own: &[(i64, u32, i64)]) {
    for o in open.iter_mut() {
        for (order_id, line, delta) in own {
            if (o.order_id, o.line_no) == (*order_id, *line) {
                o.invoiced -= delta;
            }
        }
    }
}

/// A supplier's own tolerances and the global ones they replace.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SupplierTolerances {
    pub own: Option<MatchTolerances>,
    pub global: MatchTolerances,
}

/// A supplier's mismatches at match in one year (by invoice date): matched invoice lines, those
/// with a quantity difference and those with a price difference, and their shares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct MatchYear {
    pub year: i32,
    pub lines: i64,
    pub quantity_mismatches: i64,
    pub price_mismatches: i64,
    /// Shares in basis points of the matched lines; none without lines.
    pub quantity_bp: Option<i64>,
    pub price_bp: Option<i64>,
}

pub fn match_year(year: i32, lines: i64, quantity: i64, price: i64) -> MatchYear {
    let share = |n: i64| (lines > 0).then(|| n * 10_000 / lines);
    MatchYear {
        year,
        lines,
        quantity_mismatches: quantity,
        price_mismatches: price,
        quantity_bp: share(quantity),
        price_bp: share(price),
    }
}

#[cfg(test)]
mod tests;
