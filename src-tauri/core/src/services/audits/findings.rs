//! Findings and corrective actions: raised from non-conformities, owned by employees, verified
//! by someone else; a finding closes when all its actions are verified.

use super::{refuse_closed, visible_audit, Auditor};
use crate::domain::audits::finding::{
    ActionDoneInput, ActionInput, ActionQuery, ActionRow, ActionStatus, ActionVerifyInput,
    CapaAction, Finding, FindingInput, FindingQuery, FindingRow,
};
use crate::domain::page::Page;
use crate::domain::permissions::Action;
use crate::domain::text::Checks;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::audits::actions::{self, ActionProgress};
use crate::store::audits::{audit as audit_store, findings, results};
use crate::store::tx::WriteTx;
use rusqlite::Connection;

impl Backoffice {
    pub fn list_findings(&self, ctx: &Ctx, q: &FindingQuery) -> crate::Result<Page<FindingRow>> {
        let who = self.auditor(ctx, Action::Read)?;
        self.store.read(|c| findings::list(c, q, who.visibility))
    }

    pub fn list_audit_actions(&self, ctx: &Ctx, q: &ActionQuery) -> crate::Result<Page<ActionRow>> {
        let who = self.auditor(ctx, Action::Read)?;
        let today = self.today();
        self.store
            .read(|c| actions::list(c, q, who.visibility, who.employee_id, today))
    }

    pub fn finding(&self, ctx: &Ctx, id: i64) -> crate::Result<Finding> {
        let who = self.auditor(ctx, Action::Read)?;
        self.store.read(|c| visible_finding(c, &who, id))
    }

    /// Every finding of an audit with its actions.
    pub fn audit_findings(&self, ctx: &Ctx, audit_id: i64) -> crate::Result<Vec<Finding>> {
        let who = self.auditor(ctx, Action::Read)?;
        self.store.read(|c| {
            visible_audit(c, &who, audit_id)?;
            findings::of_audit(c, audit_id)
        })
    }

    /// Raises a finding on an audit, from one of its items (`item_id`) or on its own.
    pub fn raise_finding(
        &self,
        ctx: &Ctx,
        audit_id: i64,
        item_id: Option<i64>,
        input: &FindingInput,
    ) -> crate::Result<Finding> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let a = audit_store::require(w.conn(), audit_id)?;
            refuse_closed(&a)?;
            if a.status == crate::domain::audits::audit::AuditStatus::Planned {
                return Err(
                    Error::new(ErrorCode::BadTransition, "the audit has not started")
                        .with("reason", "not_started"),
                );
            }
            let result_id = match item_id {
                Some(item) => {
                    if !results::item_in_version(w.conn(), item, a.template_version_id)? {
                        return Err(Error::not_found("checklist item"));
                    }
                    Some(results::ensure(w, audit_id, item)?)
                }
                None => None,
            };
            let id = findings::insert(w, audit_id, result_id, &v)?;
            findings::require(w.conn(), id)
        })
    }

    pub fn update_finding(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &FindingInput,
    ) -> crate::Result<Finding> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let f = crate::store::versioned::at_version(
                findings::get(w.conn(), id)?,
                "finding",
                version,
            )?;
            refuse_closed(&audit_store::require(w.conn(), f.audit_id)?)?;
            findings::update(w, id, &v)?;
            findings::require(w.conn(), id)
        })
    }

    pub fn add_audit_action(
        &self,
        ctx: &Ctx,
        finding_id: i64,
        input: &ActionInput,
    ) -> crate::Result<Finding> {
        self.auditor(ctx, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let f = findings::require(w.conn(), finding_id)?;
            let a = audit_store::require(w.conn(), f.audit_id)?;
            let v = input.validate(a.started_on.unwrap_or(a.planned_start))?;
            actions::insert(w, finding_id, &v)?;
            // A new action re-opens a finding that had closed.
            findings::settle(w, finding_id, today)?;
            findings::require(w.conn(), finding_id)
        })
    }

    pub fn update_audit_action(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &ActionInput,
    ) -> crate::Result<Finding> {
        self.auditor(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let x = crate::store::versioned::at_version(
                actions::get(w.conn(), id)?,
                "action",
                version,
            )?;
            let f = findings::require(w.conn(), x.finding_id)?;
            let a = audit_store::require(w.conn(), f.audit_id)?;
            let v = input.validate(a.started_on.unwrap_or(a.planned_start))?;
            if x.status == ActionStatus::Verified {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "a verified action no longer changes",
                )
                .with("reason", "action_verified"));
            }
            actions::update(w, id, &v)?;
            findings::require(w.conn(), x.finding_id)
        })
    }

    /// The owner (or an auditor) marks an action done: open → done.
    pub fn complete_audit_action(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &ActionDoneInput,
    ) -> crate::Result<Finding> {
        let who = self.auditor(ctx, Action::Read)?;
        let mut c = Checks::default();
        let note = c.optional_text("note", &input.note, 4_000);
        c.finish()?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let x = owned_or_audited(w, &who, id, version)?;
            if x.status != ActionStatus::Open {
                return Err(step_refused(x.status, "complete"));
            }
            let done_on = input.done_on.unwrap_or(today);
            if done_on > today {
                return Err(Error::validation(vec![FieldError::new(
                    "done_on",
                    "in_future",
                )]));
            }
            actions::progress(
                w,
                id,
                &ActionProgress {
                    status: ActionStatus::Done,
                    done_on: Some(done_on),
                    done_note: note,
                    verified_by_user_id: None,
                    verified_on: None,
                    effectiveness: None,
                },
            )?;
            findings::require(w.conn(), x.finding_id)
        })
    }

    /// An auditor other than the owner verifies a done action: done → verified, with the date
    /// and how its effectiveness was seen. The finding closes when every action is verified.
    pub fn verify_audit_action(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &ActionVerifyInput,
    ) -> crate::Result<Finding> {
        let who = self.auditor(ctx, Action::Write)?;
        let mut c = Checks::default();
        let effectiveness = c.required_text("effectiveness", &input.effectiveness, 4_000);
        c.finish()?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let x = crate::store::versioned::at_version(
                actions::get(w.conn(), id)?,
                "action",
                version,
            )?;
            if x.status != ActionStatus::Done {
                return Err(step_refused(x.status, "verify"));
            }
            if who.employee_id == Some(x.owner_employee_id) {
                return Err(Error::validation(vec![FieldError::new(
                    "verified_by",
                    "is_owner",
                )]));
            }
            let on = input.verified_on.unwrap_or(today);
            if on > today || x.done_on.is_some_and(|d| on < d) {
                return Err(Error::validation(vec![FieldError::new(
                    "verified_on",
                    "out_of_range",
                )]));
            }
            actions::progress(
                w,
                id,
                &ActionProgress {
                    status: ActionStatus::Verified,
                    done_on: x.done_on,
                    done_note: x.done_note.clone(),
                    verified_by_user_id: Some(ctx.user_id),
                    verified_on: Some(on),
                    effectiveness: Some(effectiveness.clone()),
                },
            )?;
            findings::settle(w, x.finding_id, today)?;
            findings::require(w.conn(), x.finding_id)
        })
    }

    /// Sends a done action back to open (the verifier saw it did not work).
    pub fn reopen_audit_action(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<Finding> {
        self.auditor(ctx, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let x = crate::store::versioned::at_version(
                actions::get(w.conn(), id)?,
                "action",
                version,
            )?;
            if x.status != ActionStatus::Done {
                return Err(step_refused(x.status, "reopen"));
            }
            actions::progress(
                w,
                id,
                &ActionProgress {
                    status: ActionStatus::Open,
                    done_on: None,
                    done_note: x.done_note.clone(),
                    verified_by_user_id: None,
                    verified_on: None,
                    effectiveness: None,
                },
            )?;
            findings::settle(w, x.finding_id, today)?;
            findings::require(w.conn(), x.finding_id)
        })
    }
}

fn step_refused(from: ActionStatus, step: &str) -> Error {
    Error::new(
        ErrorCode::BadTransition,
        format!("an action that is {} cannot {step}", from.as_str()),
    )
    .with("reason", "action_step")
    .with("from", from.as_str())
}

/// The action, for its owner or someone who writes audits; anyone else is refused as if it
/// did not exist.
fn owned_or_audited(
    w: &WriteTx,
    who: &Auditor,
    id: i64,
    version: i64,
) -> crate::Result<CapaAction> {
    let x = crate::store::versioned::at_version(actions::get(w.conn(), id)?, "action", version)?;
    if who.can_write || who.employee_id == Some(x.owner_employee_id) {
        Ok(x)
    } else {
        Err(Error::new(
            ErrorCode::Forbidden,
            "only the action's owner or an auditor updates it",
        ))
    }
}

fn visible_finding(c: &Connection, who: &Auditor, id: i64) -> crate::Result<Finding> {
    let f = findings::require(c, id)?;
    visible_audit(c, who, f.audit_id)?;
    Ok(f)
}
