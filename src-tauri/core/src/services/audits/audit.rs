//! Audits: planning, the state machine, assessing items, scores and the series' trend.

use super::{is_admin, refuse_closed, visible_audit};
use crate::domain::audits::audit::{
    Audit, AuditDetail, AuditInput, AuditQuery, AuditRow, AuditStatus, Recurrence, Transition,
    ValidAudit,
};
use crate::domain::audits::result::{ItemResult, ResultInput};
use crate::domain::audits::score::by_section;
use crate::domain::page::Page;
use crate::domain::permissions::Action;
use crate::domain::text::Checks;
use crate::error::{Error, ErrorCode, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::audits::audit::{self as store, StatusChange};
use crate::store::audits::{results, templates};
use crate::store::tx::WriteTx;
use chrono::NaiveDate;

impl Backoffice {
    pub fn list_audits(&self, ctx: &Ctx, q: &AuditQuery) -> crate::Result<Page<AuditRow>> {
        let who = self.auditor(ctx, Action::Read)?;
        let today = self.today();
        self.store
            .read(|c| store::list(c, q, who.visibility, today))
    }

    pub fn audit(&self, ctx: &Ctx, id: i64) -> crate::Result<AuditDetail> {
        let who = self.auditor(ctx, Action::Read)?;
        self.store.read(|c| {
            let audit = visible_audit(c, &who, id)?;
            let items = results::items(c, id, audit.template_version_id)?;
            let scoring: Vec<_> = items
                .iter()
                .map(|i| (i.section.clone(), i.weight, i.outcome))
                .collect();
            let (sections, total) = by_section(&scoring);
            let trend = match audit.series_id {
                Some(s) => store::series(c, s)?,
                None => Vec::new(),
            };
            Ok(AuditDetail {
                can_write: who.can_write,
                can_reopen: is_admin(ctx) && audit.status == AuditStatus::Closed,
                audit,
                items,
                sections,
                total,
                trend,
            })
        })
    }

    /// Plans an audit of a template's newest version.
    pub fn create_audit(&self, ctx: &Ctx, input: &AuditInput) -> crate::Result<Audit> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let version = newest_version(w, &v)?;
            let id = store::insert(w, &v, version, None)?;
            store::require(w.conn(), id)
        })
    }

    /// Changes a planned or running audit's plan. The checklist follows the template's newest
    /// version only while the audit is planned; once started it keeps the version it began with.
    pub fn update_audit(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &AuditInput,
    ) -> crate::Result<Audit> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let a =
                crate::store::versioned::at_version(store::get(w.conn(), id)?, "audit", version)?;
            refuse_closed(&a)?;
            let moved = v.template_id != a.template_id;
            // Evidence may be linked while an audit is planned: its items are the version's,
            // so the checklist no longer changes once anything hangs from them.
            if moved && results::any(w.conn(), id)? {
                return Err(Error::validation(vec![FieldError::new(
                    "template_id",
                    "locked",
                )]));
            }
            let version_id = if a.status == AuditStatus::Planned {
                newest_version(w, &v)?
            } else if moved {
                return Err(Error::validation(vec![FieldError::new(
                    "template_id",
                    "locked",
                )]));
            } else {
                a.template_version_id
            };
            store::update(w, id, &v, version_id)?;
            store::require(w.conn(), id)
        })
    }

    /// Moves an audit along its state machine. Closing needs every item assessed and a finding
    /// for every non-conformity, and plans the next occurrence of a recurring audit; re-opening
    /// a closed audit needs an administrator and a reason, both recorded.
    pub fn move_audit(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        transition: Transition,
        reason: Option<String>,
    ) -> crate::Result<Audit> {
        self.auditor(ctx, Action::Write)?;
        let reason = {
            let mut c = Checks::default();
            let r = c.optional_text("reason", &reason, 1_000);
            c.finish()?;
            r
        };
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let a =
                crate::store::versioned::at_version(store::get(w.conn(), id)?, "audit", version)?;
            let to = transition.apply(a.status)?;
            if transition == Transition::Reopen {
                if !is_admin(ctx) {
                    return Err(Error::new(
                        ErrorCode::Forbidden,
                        "only an administrator re-opens an audit",
                    ));
                }
                if reason.is_none() {
                    return Err(Error::validation(vec![FieldError::new(
                        "reason", "required",
                    )]));
                }
            }
            let mut change = StatusChange {
                status: to,
                started_on: a.started_on,
                ended_on: a.ended_on,
                closed_at: a.closed_at.map(crate::store::ts_text),
                reopen_reason: a.reopen_reason.clone(),
            };
            match transition {
                Transition::Start => {
                    templates::freeze(w, a.template_version_id)?;
                    change.started_on = Some(a.started_on.unwrap_or(today));
                }
                Transition::SubmitForReview | Transition::Close => ready_to_close(w, &a)?,
                Transition::SendBack => {}
                Transition::Reopen => {
                    change.ended_on = None;
                    change.closed_at = None;
                    change.reopen_reason = reason;
                }
            }
            if transition == Transition::Close {
                change.ended_on = Some(today.max(a.started_on.unwrap_or(today)));
                change.closed_at = Some(w.now_text());
            }
            store::set_status(w, id, &change)?;
            if transition == Transition::Close {
                plan_next(w, &a, today)?;
            }
            store::require(w.conn(), id)
        })
    }

    /// Writes one item's result and rescores the audit. `version` is the result's version as
    /// loaded (0 when it had none).
    pub fn assess_item(
        &self,
        ctx: &Ctx,
        audit_id: i64,
        item_id: i64,
        version: i64,
        input: &ResultInput,
    ) -> crate::Result<ItemResult> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let a = store::require(w.conn(), audit_id)?;
            if a.status != AuditStatus::InProgress {
                return Err(Error::new(
                    ErrorCode::BadTransition,
                    "items are assessed while the audit is in progress",
                )
                .with("reason", "not_in_progress"));
            }
            if !results::item_in_version(w.conn(), item_id, a.template_version_id)? {
                return Err(Error::not_found("checklist item"));
            }
            results::assess(w, audit_id, item_id, version, &v)?;
            rescore(w, audit_id, a.template_version_id)?;
            results::items(w.conn(), audit_id, a.template_version_id)?
                .into_iter()
                .find(|i| i.item_id == item_id)
                .ok_or_else(|| Error::not_found("checklist item"))
        })
    }
}

fn newest_version(w: &WriteTx, v: &ValidAudit) -> crate::Result<i64> {
    let t = templates::get(w.conn(), v.template_id)?
        .filter(|t| !t.retired)
        .ok_or_else(|| Error::validation(vec![FieldError::new("template_id", "not_found")]))?;
    if t.item_count == 0 {
        return Err(Error::validation(vec![FieldError::new(
            "template_id",
            "empty",
        )]));
    }
    if !crate::store::users::get(w.conn(), v.lead_user_id)?.is_some_and(|u| u.active) {
        return Err(Error::validation(vec![FieldError::new(
            "lead_user_id",
            "not_found",
        )]));
    }
    Ok(t.current_version_id)
}

pub(crate) fn rescore(w: &WriteTx, audit_id: i64, version_id: i64) -> crate::Result<()> {
    let rows = results::scoring(w.conn(), audit_id, version_id)?;
    let (_, total) = by_section(&rows);
    store::set_score(w, audit_id, total.score)
}

/// An audit goes to review and closes only when every item has a result and every
/// non-conformity has its finding; the refusal names the items.
fn ready_to_close(w: &WriteTx, a: &Audit) -> crate::Result<()> {
    let rows = results::scoring(w.conn(), a.id, a.template_version_id)?;
    let open = rows.iter().filter(|(_, _, o)| o.is_none()).count();
    if open > 0 {
        return Err(Error::new(
            ErrorCode::BadTransition,
            format!("{open} items are not assessed"),
        )
        .with("reason", "items_not_assessed")
        .with("count", open));
    }
    let missing = results::unanswered_nonconformities(w.conn(), a.id)?;
    if !missing.is_empty() {
        return Err(Error::new(
            ErrorCode::BadTransition,
            format!("non-conformities without a finding: {}", missing.join(", ")),
        )
        .with("reason", "nonconformity_without_finding")
        .with("items", missing.join(", ")));
    }
    Ok(())
}

/// The next occurrence of a recurring audit, planned once per closing occurrence.
fn plan_next(w: &WriteTx, a: &Audit, today: NaiveDate) -> crate::Result<()> {
    let (Some(series), Some((start, end))) = (
        a.series_id,
        a.recurrence.next(a.planned_start, a.planned_end, today),
    ) else {
        return Ok(());
    };
    if store::has_later(w.conn(), series, a.id)? {
        return Ok(());
    }
    // The next one uses the template's newest version: edits made meanwhile apply from then on.
    let newest =
        templates::newest(w.conn(), a.template_id)?.map_or(a.template_version_id, |(id, _, _)| id);
    let next = ValidAudit {
        title: a.title.clone(),
        title_key: crate::domain::text::fold_key(&a.title),
        template_id: a.template_id,
        scope_note: a.scope_note.clone(),
        lead_user_id: a.lead_user_id,
        planned_start: start,
        planned_end: end,
        recurrence: a.recurrence,
        department_ids: a.departments.iter().map(|d| d.id).collect(),
        auditee_ids: a.auditees.iter().map(|d| d.id).collect(),
        asset_ids: a.assets.iter().map(|d| d.id).collect(),
        supplier_ids: a.suppliers.iter().map(|d| d.id).collect(),
    };
    debug_assert!(next.recurrence != Recurrence::None);
    store::insert(w, &next, newest, Some((series, a.id)))?;
    Ok(())
}
