//! Maintenance plans: the list, one plan, its form, retiring and restoring it. IT and
//! administrators write; whoever reads assets reads plans. Completing a plan's task is in
//! `maintenance_work.rs`.

use crate::domain::assets::maintenance::{Plan, PlanInput, PlanQuery, PlanRow, ValidPlan};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{checkouts, maintenance as plans, maintenance_list};
use crate::store::versioned::at_version;
use rusqlite::Connection;

/// The target exists and is in use, and the assignee is someone on the staff now. Checked on
/// every save, so a plan is never pointed at a retired asset or a person who left.
fn check_links(c: &Connection, v: &ValidPlan, was: Option<&Plan>) -> crate::Result<()> {
    let mut errors = Vec::new();
    // A plan kept on a target retired since is saved as it is: only a new target is checked.
    let same_target = was.is_some_and(|p| p.target == v.target);
    match plans::target_in_use(c, v.target)? {
        None => errors.push(FieldError::new("target", "not_found")),
        Some(false) if !same_target => errors.push(FieldError::new("target", "retired")),
        Some(_) => {}
    }
    if let Some(e) = v.assignee_employee_id {
        let same = was.is_some_and(|p| p.assignee_employee_id == Some(e));
        match checkouts::employee_status(c, e)?.as_deref() {
            None => errors.push(FieldError::new("assignee_employee_id", "not_found")),
            Some("active") => {}
            Some(_) if !same => errors.push(FieldError::new("assignee_employee_id", "not_active")),
            Some(_) => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

impl Backoffice {
    pub fn list_maintenance_plans(&self, ctx: &Ctx, q: &PlanQuery) -> crate::Result<Page<PlanRow>> {
        self.require(ctx, Area::Assets, Action::Read)?;
        let today = self.today();
        self.store.read(|c| maintenance_list::list(c, q, today))
    }

    pub fn maintenance_plan(&self, ctx: &Ctx, id: i64) -> crate::Result<Plan> {
        self.require(ctx, Area::Assets, Action::Read)?;
        self.store.read(|c| plans::require(c, id))
    }

    /// A new plan, first due on the schedule's first date on or after its start.
    pub fn create_maintenance_plan(&self, ctx: &Ctx, input: &PlanInput) -> crate::Result<Plan> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            check_links(w.conn(), &v, None)?;
            let id = plans::insert(w, &v, v.first_due())?;
            plans::require(w.conn(), id)
        })
    }

    /// Saves the form. The next due date is worked out again from the (maybe new) schedule and
    /// the last completion, in the same change, so history shows why it moved.
    pub fn update_maintenance_plan(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &PlanInput,
    ) -> crate::Result<Plan> {
        self.keeper(ctx, Action::Write)?;
        let v = input.validate(self.today())?;
        self.store.write(&ctx.actor, |w| {
            let p = at_version(plans::get(w.conn(), id)?, "maintenance plan", version)?;
            check_links(w.conn(), &v, Some(&p))?;
            let next = v
                .schedule
                .next_due(p.last_done_on, p.last_due_on, v.start_on);
            plans::update(w, id, &v, next)?;
            plans::require(w.conn(), id)
        })
    }

    /// Retires a plan (it is no longer due, and its log stays) or puts it back in use.
    pub fn set_maintenance_plan_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<Plan> {
        self.keeper(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let p = at_version(plans::get(w.conn(), id)?, "maintenance plan", version)?;
            if p.active == active {
                let reason = if active { "not_retired" } else { "retired" };
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    format!(
                        "the plan is already {}",
                        if active { "in use" } else { "retired" }
                    ),
                )
                .with("reason", reason));
            }
            plans::set_active(w, id, active)?;
            plans::require(w.conn(), id)
        })
    }
}
