//! Audits and compliance: templates, audits and their results, evidence, findings and
//! corrective actions. Accounting & audit and administrators write; a manager reads the audits
//! of their departments and updates the actions they own (see `store::audits::audit::Visibility`).

pub mod attention;
mod audit;
mod checklist_export;
pub mod checklist_fields;
pub mod checklist_import;
mod evidence;
mod findings;
pub mod pack;
mod policies;
mod report;
mod report_blocks;
mod report_words;
mod templates;

use crate::domain::audits::audit::{Audit, AuditStatus, ScopeRecord};
use crate::domain::permissions::{Action, Area, Role};
use crate::error::{Error, ErrorCode};
use crate::services::{Backoffice, Ctx};
use crate::store::audits::audit::{self as audit_store, Visibility};
use crate::store::users;
use rusqlite::Connection;

/// What the person acting may see and do in audits.
pub(crate) struct Auditor {
    pub visibility: Visibility,
    /// Their staff record, if their account is linked to one.
    pub employee_id: Option<i64>,
    pub can_write: bool,
}

impl Backoffice {
    /// Checks `action` on audits and says what the person sees.
    pub(crate) fn auditor(&self, ctx: &Ctx, action: Action) -> crate::Result<Auditor> {
        self.require(ctx, Area::Audits, action)?;
        let employee_id = self.store.read(|c| users::employee_of(c, ctx.user_id))?;
        let can_write = ctx.can(Area::Audits, Action::Write);
        Ok(Auditor {
            visibility: if can_write {
                Visibility::All
            } else {
                Visibility::Managed { employee_id }
            },
            employee_id,
            can_write,
        })
    }
}

/// The audit, when the person may see it; `not_found` otherwise, so a manager learns nothing
/// of audits outside their departments.
pub(crate) fn visible_audit(c: &Connection, who: &Auditor, id: i64) -> crate::Result<Audit> {
    if !audit_store::visible(c, id, who.visibility)? {
        return Err(Error::not_found("audit"));
    }
    audit_store::require(c, id)
}

/// Results, findings and evidence of a closed audit no longer change; `reason` says so.
pub(crate) fn refuse_closed(a: &Audit) -> crate::Result<()> {
    if a.status == AuditStatus::Closed {
        return Err(Error::new(ErrorCode::BadTransition, "the audit is closed")
            .with("reason", "audit_closed"));
    }
    Ok(())
}

impl Backoffice {
    /// The audits, visible to the person, whose scope lists a record or with a finding about
    /// it: an asset's or a person's compliance story. Only records an audit can name.
    pub fn audits_of_record(
        &self,
        ctx: &Ctx,
        entity: &str,
        record_id: i64,
    ) -> crate::Result<Vec<crate::domain::audits::about::RecordAudit>> {
        let who = self.auditor(ctx, Action::Read)?;
        let entity = match entity {
            "assets" => "assets",
            "suppliers" => "suppliers",
            "employees" => "employees",
            "departments" => "departments",
            _ => return Err(Error::not_found("record")),
        };
        self.store.read(|c| {
            crate::store::audits::scope::audits_of_record(c, entity, record_id, who.visibility)
        })
    }

    /// The people who may lead an audit: active accounts whose roles write audits.
    pub fn audit_leads(&self, ctx: &Ctx) -> crate::Result<Vec<ScopeRecord>> {
        self.require(ctx, Area::Audits, Action::Read)?;
        let users = self.store.read(users::list)?;
        Ok(users
            .into_iter()
            .filter(|u| {
                u.active
                    && crate::domain::permissions::allows(&u.roles, Area::Audits, Action::Write)
            })
            .map(|u| ScopeRecord {
                id: u.id,
                name: if u.full_name.is_empty() {
                    u.username
                } else {
                    u.full_name
                },
            })
            .collect())
    }
}

pub(crate) fn is_admin(ctx: &Ctx) -> bool {
    ctx.roles.contains(&Role::Admin)
}
