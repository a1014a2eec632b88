//! Policies and procedures: kept by the audits area's writers, read by everyone who reads
//! audits; acknowledgements record who read which version.

use crate::domain::audits::policy::{AckInput, AckQuery, AckRow, Policy, PolicyInput, PolicyQuery};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::audits::policies;
use crate::store::versioned::at_version;
use chrono::NaiveDate;

/// People acknowledged in one call at most.
const MAX_ACKS: usize = 5_000;

impl Backoffice {
    pub fn list_policies(&self, ctx: &Ctx, q: &PolicyQuery) -> crate::Result<Page<Policy>> {
        self.require(ctx, Area::Audits, Action::Read)?;
        self.store.read(|c| policies::list(c, q))
    }

    pub fn policy(&self, ctx: &Ctx, id: i64) -> crate::Result<Policy> {
        self.require(ctx, Area::Audits, Action::Read)?;
        self.store
            .read(|c| policies::get(c, id))?
            .ok_or_else(|| Error::not_found("policy"))
    }

    pub fn create_policy(&self, ctx: &Ctx, input: &PolicyInput) -> crate::Result<Policy> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let id = policies::insert(w, &v)?;
            policies::get(w.conn(), id)?.ok_or_else(|| Error::not_found("policy"))
        })
    }

    pub fn update_policy(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &PolicyInput,
    ) -> crate::Result<Policy> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let p = at_version(policies::get(w.conn(), id)?, "policy", version)?;
            policies::update(w, &p, &v)?;
            policies::get(w.conn(), id)?.ok_or_else(|| Error::not_found("policy"))
        })
    }

    /// Records the policy's review on `on` (today by default): the next is an interval later.
    pub fn review_policy(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        on: Option<NaiveDate>,
    ) -> crate::Result<Policy> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let today = self.today();
        let on = on.unwrap_or(today);
        if on > today {
            return Err(Error::validation(vec![FieldError::new(
                "reviewed_on",
                "date_in_future",
            )]));
        }
        self.store.write(&ctx.actor, |w| {
            let p = at_version(policies::get(w.conn(), id)?, "policy", version)?;
            policies::reviewed(w, &p, on)?;
            policies::get(w.conn(), id)?.ok_or_else(|| Error::not_found("policy"))
        })
    }

    pub fn set_policy_retired(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        retired: bool,
    ) -> crate::Result<Policy> {
        self.require(ctx, Area::Audits, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            at_version(policies::get(w.conn(), id)?, "policy", version)?;
            policies::set_retired(w, id, retired)?;
            policies::get(w.conn(), id)?.ok_or_else(|| Error::not_found("policy"))
        })
    }

    /// Records that these people read the current version; returns how many were new.
    pub fn acknowledge_policy(&self, ctx: &Ctx, id: i64, input: &AckInput) -> crate::Result<i64> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let today = self.today();
        let on = input.acknowledged_on.unwrap_or(today);
        if on > today {
            return Err(Error::validation(vec![FieldError::new(
                "acknowledged_on",
                "date_in_future",
            )]));
        }
        if input.employee_ids.is_empty() {
            return Err(Error::validation(vec![FieldError::new(
                "employee_ids",
                "required",
            )]));
        }
        if input.employee_ids.len() > MAX_ACKS {
            return Err(Error::validation(vec![FieldError::new(
                "employee_ids",
                "too_many",
            )
            .with("max", MAX_ACKS)]));
        }
        self.store.write(&ctx.actor, |w| {
            let p = policies::get(w.conn(), id)?.ok_or_else(|| Error::not_found("policy"))?;
            policies::acknowledge(w, &p, &input.employee_ids, on)
        })
    }

    /// Active staff and whether each read the current version: evidence an audit can cite.
    pub fn policy_acknowledgements(
        &self,
        ctx: &Ctx,
        id: i64,
        q: &AckQuery,
    ) -> crate::Result<Page<AckRow>> {
        self.require(ctx, Area::Audits, Action::Read)?;
        self.store.read(|c| {
            let p = policies::get(c, id)?.ok_or_else(|| Error::not_found("policy"))?;
            policies::acknowledgements(c, &p, q)
        })
    }
}
