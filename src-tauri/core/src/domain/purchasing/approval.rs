//! Who must approve an order: tiers by amount set by an administrator.
//!
//! The amount compared is the order's taxable total (net of VAT) in euro: a business recovers
//! the VAT, so the net is what the spending authority is about, and it is also what most
//! purchasing policies state; an order in another currency is converted at its noted rate.
//! The requester never approves their own order, nobody approves twice, and a higher role may
//! approve a lower tier (administrator ≥ manager ≥ purchasing).

use super::money::{to_eur_cents, DEFAULT_CURRENCY};
use super::totals::Totals;
use crate::domain::permissions::Role;
use crate::error::{Error, ErrorCode, FieldError};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The roles that approve, lowest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ApproverRole {
    Purchasing,
    Manager,
    Admin,
}

impl ApproverRole {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Purchasing => "purchasing",
            Self::Manager => "manager",
            Self::Admin => "admin",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        [Self::Purchasing, Self::Manager, Self::Admin]
            .into_iter()
            .find(|r| r.as_str() == s)
    }

    /// The approving rank of a user role; other roles do not approve orders.
    pub fn of(role: Role) -> Option<Self> {
        match role {
            Role::Purchasing => Some(Self::Purchasing),
            Role::Manager => Some(Self::Manager),
            Role::Admin => Some(Self::Admin),
            _ => None,
        }
    }

    /// The highest approving rank among a user's roles.
    pub fn best(roles: &[Role]) -> Option<Self> {
        roles.iter().filter_map(|r| Self::of(*r)).max()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ApprovalTier {
    /// Inclusive upper bound of the net amount in euro cents; `None` on the last tier only.
    pub up_to_cents: Option<i64>,
    pub approver: ApproverRole,
    /// 1 or 2 distinct approvers.
    pub approvals_needed: u8,
}

/// The tiers used until an administrator sets others: up to 1.000 € purchasing alone, up to
/// 10.000 € a manager, up to 50.000 € an administrator, above that two administrators.
pub fn default_tiers() -> Vec<ApprovalTier> {
    let tier = |up_to_cents, approver, approvals_needed| ApprovalTier {
        up_to_cents,
        approver,
        approvals_needed,
    };
    vec![
        tier(Some(100_000), ApproverRole::Purchasing, 1),
        tier(Some(1_000_000), ApproverRole::Manager, 1),
        tier(Some(5_000_000), ApproverRole::Admin, 1),
        tier(None, ApproverRole::Admin, 2),
    ]
}

/// At most this many tiers (a longer ladder is a mistake, not a policy).
pub const MAX_TIERS: usize = 10;

/// Checks a tier list: thresholds positive and increasing, the last one unbounded, roles not
/// decreasing, 1 or 2 approvals. Errors name `tiers.<index>.<field>`.
pub fn validate_tiers(tiers: &[ApprovalTier]) -> crate::Result<()> {
    let mut errors = Vec::new();
    if tiers.is_empty() {
        errors.push(FieldError::new("tiers", "required"));
    }
    if tiers.len() > MAX_TIERS {
        errors.push(FieldError::new("tiers", "too_many").with("max", MAX_TIERS));
    }
    let last = tiers.len().saturating_sub(1);
    for (i, t) in tiers.iter().enumerate() {
        let f = |name: &str| format!("tiers.{i}.{name}");
        match (t.up_to_cents, i == last) {
            (None, false) => errors.push(FieldError::new(&f("up_to_cents"), "only_last_unbounded")),
            (Some(_), true) => errors.push(FieldError::new(&f("up_to_cents"), "last_unbounded")),
            (Some(v), false) if v <= 0 => {
                errors.push(FieldError::new(&f("up_to_cents"), "must_be_positive"))
            }
            _ => {}
        }
        if i > 0 {
            let prev = &tiers[i - 1];
            if let (Some(a), Some(b)) = (prev.up_to_cents, t.up_to_cents) {
                if b <= a {
                    errors.push(FieldError::new(&f("up_to_cents"), "not_increasing"));
                }
            }
            if t.approver < prev.approver {
                errors.push(FieldError::new(&f("approver"), "role_decreasing"));
            }
        }
        if !(1..=2).contains(&t.approvals_needed) {
            errors.push(
                FieldError::new(&f("approvals_needed"), "out_of_range")
                    .with("min", 1)
                    .with("max", 2),
            );
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

/// The amount the tiers are compared with: the taxable total, in euro cents.
pub fn approval_amount(totals: &Totals) -> Option<i64> {
    match totals.exchange_rate {
        Some(rate) if totals.currency != DEFAULT_CURRENCY => to_eur_cents(totals.taxable, rate),
        _ => Some(totals.taxable),
    }
}

/// An approval already given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct GivenApproval {
    pub user_id: i64,
    /// The approving role the person had when approving.
    pub role: ApproverRole,
    pub at: DateTime<Utc>,
}

/// Why someone may not approve now; the UI shows `purchasing.reason.<name>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ApprovalRefusal {
    OwnOrder,
    AlreadyApproved,
    /// `params.role` names the role the tier needs.
    RoleTooLow,
    AlreadyComplete,
}

/// Where an order stands with its approvals.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ApprovalNeed {
    /// The amount compared with the tiers, euro cents.
    pub amount_cents: i64,
    /// Index of the tier that applies.
    pub tier: usize,
    pub required_role: ApproverRole,
    pub needed: u8,
    /// Approvals that count: distinct people, not the requester, of the required role or above.
    pub have: u8,
    /// The role still to approve, none once complete.
    pub missing_role: Option<ApproverRole>,
    pub complete: bool,
    #[serde(skip)]
    #[ts(skip)]
    requester_id: i64,
    #[serde(skip)]
    #[ts(skip)]
    approved_by: Vec<i64>,
}

/// The approvals an order of `amount_cents` needs, given who asked for it and who approved so
/// far. The tiers must have passed [`validate_tiers`]; amounts above every bound use the last.
pub fn approval_need(
    tiers: &[ApprovalTier],
    amount_cents: i64,
    requester_id: i64,
    given: &[GivenApproval],
) -> crate::Result<ApprovalNeed> {
    validate_tiers(tiers)?;
    let (index, tier) = tiers
        .iter()
        .enumerate()
        .find(|(_, t)| t.up_to_cents.is_none_or(|max| amount_cents <= max))
        .ok_or_else(|| Error::internal("approval tiers without an unbounded last tier"))?;
    let mut counted: Vec<i64> = Vec::new();
    for a in given {
        if a.user_id != requester_id && a.role >= tier.approver && !counted.contains(&a.user_id) {
            counted.push(a.user_id);
        }
    }
    let have = u8::try_from(counted.len())
        .unwrap_or(u8::MAX)
        .min(tier.approvals_needed);
    let complete = have >= tier.approvals_needed;
    Ok(ApprovalNeed {
        amount_cents,
        tier: index,
        required_role: tier.approver,
        needed: tier.approvals_needed,
        have,
        missing_role: (!complete).then_some(tier.approver),
        complete,
        requester_id,
        approved_by: given.iter().map(|a| a.user_id).collect(),
    })
}

impl ApprovalNeed {
    /// Whether this person, with these roles, may add an approval now.
    pub fn can_approve(&self, user_id: i64, roles: &[Role]) -> Result<(), ApprovalRefusal> {
        if user_id == self.requester_id {
            return Err(ApprovalRefusal::OwnOrder);
        }
        if self.approved_by.contains(&user_id) {
            return Err(ApprovalRefusal::AlreadyApproved);
        }
        if self.complete {
            return Err(ApprovalRefusal::AlreadyComplete);
        }
        match ApproverRole::best(roles) {
            Some(r) if r >= self.required_role => Ok(()),
            _ => Err(ApprovalRefusal::RoleTooLow),
        }
    }

    /// [`ApprovalNeed::can_approve`] as the error the services return.
    pub fn check_approver(&self, user_id: i64, roles: &[Role]) -> crate::Result<()> {
        self.can_approve(user_id, roles).map_err(|r| {
            let reason = super::order_state::name_of(r);
            let role = super::order_state::name_of(self.required_role);
            Error::new(ErrorCode::BadTransition, format!("approval: {reason}"))
                .with("reason", reason)
                .with("role", role)
        })
    }
}

#[cfg(test)]
mod tests;
