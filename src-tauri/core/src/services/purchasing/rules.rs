//! Purchasing's rules: the approval tiers. Everyone in purchasing reads them (the order page
//! says who must approve); only administrators change them.

use crate::domain::permissions::{Action, Area};
use crate::domain::purchasing::approval::{validate_tiers, ApprovalTier};
use crate::services::{Backoffice, Ctx};
use crate::store::purchasing::rules;

impl Backoffice {
    pub fn approval_tiers(&self, ctx: &Ctx) -> crate::Result<Vec<ApprovalTier>> {
        self.require(ctx, Area::Purchasing, Action::Read)?;
        self.store.read(rules::tiers)
    }

    /// Replaces the tiers. Orders already waiting keep the approver they were given; the new
    /// tiers apply from the next submission or change.
    pub fn save_approval_tiers(
        &self,
        ctx: &Ctx,
        tiers: &[ApprovalTier],
    ) -> crate::Result<Vec<ApprovalTier>> {
        self.require(ctx, Area::Settings, Action::Write)?;
        validate_tiers(tiers)?;
        self.store.write(&ctx.actor, |w| {
            rules::set_tiers(w, tiers)?;
            rules::tiers(w.conn())
        })
    }
}
