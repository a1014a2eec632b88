//! Evidence: records whose files are attachments (entity `evidence`), linked to audit items.
//! One evidence record supports items in any number of audits; its file is stored once.

use super::{refuse_closed, visible_audit};
use crate::domain::audits::evidence::{Evidence, EvidenceInput, EvidenceQuery};
use crate::domain::audits::result::ItemResult;
use crate::domain::page::Page;
use crate::domain::permissions::Action;
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::audits::{audit as audit_store, evidence, results};

impl Backoffice {
    pub fn list_evidence(&self, ctx: &Ctx, q: &EvidenceQuery) -> crate::Result<Page<Evidence>> {
        self.auditor(ctx, Action::Read)?;
        self.store.read(|c| evidence::list(c, q))
    }

    pub fn evidence(&self, ctx: &Ctx, id: i64) -> crate::Result<Evidence> {
        self.auditor(ctx, Action::Read)?;
        self.store
            .read(|c| evidence::get(c, id))?
            .ok_or_else(|| Error::not_found("evidence"))
    }

    pub fn create_evidence(&self, ctx: &Ctx, input: &EvidenceInput) -> crate::Result<Evidence> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let id = evidence::insert(w, &v)?;
            evidence::get(w.conn(), id)?.ok_or_else(|| Error::not_found("evidence"))
        })
    }

    pub fn update_evidence(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &EvidenceInput,
    ) -> crate::Result<Evidence> {
        self.auditor(ctx, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            crate::store::versioned::at_version(evidence::get(w.conn(), id)?, "evidence", version)?;
            evidence::update(w, id, &v)?;
            evidence::get(w.conn(), id)?.ok_or_else(|| Error::not_found("evidence"))
        })
    }

    /// Links evidence (its current file) to an item of an audit that is not closed.
    pub fn link_evidence(
        &self,
        ctx: &Ctx,
        audit_id: i64,
        item_id: i64,
        evidence_id: i64,
    ) -> crate::Result<ItemResult> {
        let who = self.auditor(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let a = visible_audit(w.conn(), &who, audit_id)?;
            refuse_closed(&a)?;
            if !results::item_in_version(w.conn(), item_id, a.template_version_id)? {
                return Err(Error::not_found("checklist item"));
            }
            evidence::get(w.conn(), evidence_id)?.ok_or_else(|| Error::not_found("evidence"))?;
            let result = results::ensure(w, audit_id, item_id)?;
            evidence::link(w, result, evidence_id)?;
            item(w.conn(), &a, item_id)
        })
    }

    pub fn unlink_evidence(&self, ctx: &Ctx, link_id: i64) -> crate::Result<ItemResult> {
        self.auditor(ctx, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            let (item_id, audit_id) = evidence::link_owner(w.conn(), link_id)?
                .ok_or_else(|| Error::not_found("evidence link"))?;
            let a = audit_store::require(w.conn(), audit_id)?;
            refuse_closed(&a)?;
            evidence::unlink(w, link_id)?;
            item(w.conn(), &a, item_id)
        })
    }
}

fn item(
    c: &rusqlite::Connection,
    a: &crate::domain::audits::audit::Audit,
    item_id: i64,
) -> crate::Result<ItemResult> {
    results::items(c, a.id, a.template_version_id)?
        .into_iter()
        .find(|i| i.item_id == item_id)
        .ok_or_else(|| Error::not_found("checklist item"))
}
