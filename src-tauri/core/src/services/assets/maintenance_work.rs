//! The work itself: completing a plan's due date, ad-hoc work on an asset, the log, the month
//! calendar and the on-time figures.

use crate::domain::assets::maintenance::{Plan, Target};
use crate::domain::assets::maintenance_log::{
    percent, CalendarEntry, CalendarKind, Compliance, ComplianceMonth, LogEntry, LogInput, ValidLog,
};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::assets::maintenance_log::{self as log, DoneBy, LogOf};
use crate::store::assets::{asset, maintenance as plans, maintenance_calendar as calendar};
use crate::store::users;
use crate::store::versioned::at_version;
use chrono::{Datelike, Days, Months, NaiveDate};
use rusqlite::Connection;

/// Entries a month calendar shows at most.
pub const MAX_CALENDAR: usize = 2_000;

/// The asset the work was on, as the plan's target allows.
fn asset_of(c: &Connection, p: &Plan, v: &mut ValidLog) -> crate::Result<()> {
    match (p.target, v.asset_id) {
        (Target::Asset(a), None) => v.asset_id = Some(a),
        (Target::Asset(a), Some(b)) if a != b => {
            return Err(Error::field("asset_id", "not_the_plan_asset"))
        }
        (_, Some(b)) if asset::get(c, b)?.is_none() => {
            return Err(Error::field("asset_id", "not_found"))
        }
        _ => {}
    }
    Ok(())
}

/// A completion is never dated before the last one: the plan's last done date and the due
/// dates after it follow the log in order. (The first may be early, before the start.)
fn check_dates(p: &Plan, v: &ValidLog) -> crate::Result<()> {
    if p.last_done_on.is_some_and(|d| v.done_on < d) {
        return Err(Error::field("done_on", "before_last_done"));
    }
    Ok(())
}

impl Backoffice {
    /// Logs the work for the plan's current due date and, unless it failed, moves the plan on:
    /// last done, and next due from `Schedule::next_due(done, Some(due), start)`, in the same
    /// transaction as the log entry, so history shows the due date move with the work.
    ///
    /// IT and administrators complete any plan. The plan's assignee (the staff record linked
    /// to their account) completes their own plan's task without write permission in assets:
    /// the work is theirs to report, while the plan itself stays IT's to edit.
    pub fn complete_maintenance(
        &self,
        ctx: &Ctx,
        plan_id: i64,
        version: i64,
        input: &LogInput,
    ) -> crate::Result<LogEntry> {
        let (p, me) = self
            .store
            .read(|c| Ok((plans::get(c, plan_id)?, users::employee_of(c, ctx.user_id)?)))?;
        let assignee = p.as_ref().and_then(|p| p.assignee_employee_id);
        let keeps = ctx.can(Area::Assets, Action::Write);
        let own = me.is_some() && me == assignee;
        if !(keeps || own) {
            self.keeper(ctx, Action::Write)?;
        }
        let today = self.today();
        let items = p.as_ref().map_or(0, |p| p.checklist.len());
        let mut v = input.validate(today, items)?;
        self.store.write(&ctx.actor, |w| {
            let p = at_version(plans::get(w.conn(), plan_id)?, "maintenance plan", version)?;
            if !p.active {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "a retired plan is not done any more",
                )
                .with("reason", "plan_retired"));
            }
            // The plan may have been given to someone else since it was read.
            if !keeps && p.assignee_employee_id != me {
                return Err(Error::new(
                    ErrorCode::Conflict,
                    "the plan was given to someone else",
                ));
            }
            if v.ticks.len() != p.checklist.len() {
                return Err(Error::field("ticks", "checklist_changed"));
            }
            asset_of(w.conn(), &p, &mut v)?;
            check_dates(&p, &v)?;
            let by = DoneBy {
                employee_id: me,
                name: &ctx.actor,
            };
            let due = p.next_due_on;
            let id = log::insert(w, Some(p.id), Some(due), &by, &v)?;
            if v.outcome.completes() {
                let next = p.schedule.next_due(Some(v.done_on), Some(due), p.start_on);
                plans::set_done(w, p.id, v.done_on, due, next)?;
            }
            log::get(w.conn(), id)
        })
    }

    /// Work on an asset outside any plan (a repair, a one-off upgrade).
    pub fn log_asset_work(
        &self,
        ctx: &Ctx,
        asset_id: i64,
        input: &LogInput,
    ) -> crate::Result<LogEntry> {
        self.keeper(ctx, Action::Write)?;
        let mut v = input.validate(self.today(), 0)?;
        v.asset_id = Some(asset_id);
        let me = self.store.read(|c| users::employee_of(c, ctx.user_id))?;
        self.store.write(&ctx.actor, |w| {
            asset::require(w.conn(), asset_id)?;
            let by = DoneBy {
                employee_id: me,
                name: &ctx.actor,
            };
            let id = log::insert(w, None, None, &by, &v)?;
            log::get(w.conn(), id)
        })
    }

    pub fn maintenance_log_of_plan(
        &self,
        ctx: &Ctx,
        plan_id: i64,
        offset: i64,
        limit: i64,
    ) -> crate::Result<Page<LogEntry>> {
        self.require(ctx, Area::Assets, Action::Read)?;
        self.store.read(|c| {
            plans::require(c, plan_id)?;
            log::of(c, LogOf::Plan(plan_id), offset.max(0), limit.clamp(1, 500))
        })
    }

    /// The asset's maintenance, latest first, for those who may see the asset.
    pub fn maintenance_log_of_asset(
        &self,
        ctx: &Ctx,
        asset_id: i64,
        offset: i64,
        limit: i64,
    ) -> crate::Result<Page<LogEntry>> {
        let who = self.keeper(ctx, Action::Read)?;
        self.store.read(|c| {
            super::visible_asset(c, &who, asset_id)?;
            log::of(
                c,
                LogOf::Asset(asset_id),
                offset.max(0),
                limit.clamp(1, 500),
            )
        })
    }

    /// A month's calendar: the work logged up to today, and the dates active plans fall due
    /// from today on (a month in the past shows only its log). Sorted by date, at most
    /// `MAX_CALENDAR` entries.
    pub fn maintenance_calendar(
        &self,
        ctx: &Ctx,
        year: i32,
        month: u32,
    ) -> crate::Result<Vec<CalendarEntry>> {
        self.require(ctx, Area::Assets, Action::Read)?;
        let first = NaiveDate::from_ymd_opt(year, month, 1)
            .ok_or_else(|| Error::field("month", "invalid"))?;
        let last = first
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .ok_or_else(|| Error::field("month", "invalid"))?;
        let today = self.today();
        let limit = MAX_CALENDAR as i64;
        // Only what the month view shows, from the indexes (not the plans' and entries' rows).
        let (mut out, due) = self.store.read(|c| {
            let done = match first <= today {
                true => calendar::done_between(c, first, last.min(today), limit)?,
                false => Vec::new(),
            };
            let due = match last >= today {
                true => calendar::due_by(c, last, limit)?,
                false => Vec::new(),
            };
            Ok((done, due))
        })?;
        for p in due {
            // Dates already past in this month are shown only while still due (overdue).
            for date in p.schedule.occurrences(first, last, p.next_due_on) {
                if out.len() >= MAX_CALENDAR {
                    break;
                }
                out.push(CalendarEntry {
                    date,
                    plan_id: Some(p.id),
                    title: p.title.clone(),
                    target_name: Some(p.target_name.clone()),
                    kind: CalendarKind::Due {
                        overdue: date < today,
                    },
                });
            }
        }
        out.sort_by(|a, b| a.date.cmp(&b.date).then(a.title.cmp(&b.title)));
        out.truncate(MAX_CALENDAR);
        Ok(out)
    }

    /// On-time completions per plan and month over the last twelve months (this month and the
    /// eleven before it), and per plan in all.
    pub fn maintenance_compliance(&self, ctx: &Ctx) -> crate::Result<Compliance> {
        self.require(ctx, Area::Assets, Action::Read)?;
        let to = self.today();
        let from = to
            .with_day(1)
            .and_then(|d| d.checked_sub_months(Months::new(11)))
            .unwrap_or(to - Days::new(365));
        let rows = self.store.read(|c| log::on_time(c, from, to))?;
        let mut months = Vec::with_capacity(rows.len());
        let mut plans: Vec<ComplianceMonth> = Vec::new();
        for r in rows {
            let (plan_id, plan_title, n, on_time) =
                (r.plan_id, r.plan_title, r.completions, r.on_time);
            match plans.iter_mut().find(|p| p.plan_id == plan_id) {
                Some(p) => {
                    p.completions += n;
                    p.on_time += on_time;
                }
                None => plans.push(ComplianceMonth {
                    plan_id,
                    plan_title: plan_title.clone(),
                    month: String::new(),
                    completions: n,
                    on_time,
                    percent: 0,
                }),
            }
            months.push(ComplianceMonth {
                plan_id,
                plan_title,
                month: r.month,
                completions: n,
                on_time,
                percent: percent(on_time, n),
            });
        }
        for p in &mut plans {
            p.percent = percent(p.on_time, p.completions);
        }
        Ok(Compliance {
            from,
            to,
            months,
            plans,
        })
    }
}
