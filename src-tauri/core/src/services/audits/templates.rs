//! Checklist templates: the starter set, copies, edits that version, retirement.

use crate::domain::audits::starter;
use crate::domain::audits::template::{
    validate_items, ChecklistItemInput, StarterInfo, Template, TemplateDetail, TemplateInput,
};
use crate::domain::page::{Page, PageRequest};
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, FieldError};
use crate::services::{Backoffice, Ctx};
use crate::store::audits::templates;

impl Backoffice {
    pub fn audit_templates(
        &self,
        ctx: &Ctx,
        search: Option<&str>,
        with_retired: bool,
        page: PageRequest,
    ) -> crate::Result<Page<Template>> {
        self.require(ctx, Area::Audits, Action::Read)?;
        self.store
            .read(|c| templates::list(c, search, with_retired, page))
    }

    /// A template with the checklist of `version_id`, or of its newest version.
    pub fn audit_template(
        &self,
        ctx: &Ctx,
        id: i64,
        version_id: Option<i64>,
    ) -> crate::Result<TemplateDetail> {
        self.require(ctx, Area::Audits, Action::Read)?;
        self.store.read(|c| {
            let template =
                templates::get(c, id)?.ok_or_else(|| Error::not_found("audit template"))?;
            let version = templates::version(c, version_id.unwrap_or(template.current_version_id))?
                .filter(|v| v.template_id == id)
                .ok_or_else(|| Error::not_found("template version"))?;
            Ok(TemplateDetail {
                items: templates::items(c, version.id)?,
                versions: templates::versions(c, id)?,
                template,
                version,
            })
        })
    }

    /// The starter checklists the app ships, named in `language`.
    pub fn audit_starters(&self, ctx: &Ctx, language: &str) -> crate::Result<Vec<StarterInfo>> {
        self.require(ctx, Area::Audits, Action::Read)?;
        Ok(starter::starters()
            .iter()
            .map(|s| StarterInfo {
                key: s.key.clone(),
                name: s.name.get(language).to_owned(),
                description: s.description.get(language).to_owned(),
                sections: s.sections.len() as i64,
                items: s.sections.iter().map(|x| x.items.len() as i64).sum(),
            })
            .collect())
    }

    pub fn create_audit_template(
        &self,
        ctx: &Ctx,
        input: &TemplateInput,
    ) -> crate::Result<Template> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let id = templates::insert(w, &v, None)?;
            templates::get(w.conn(), id)?.ok_or_else(|| Error::not_found("audit template"))
        })
    }

    /// A new template from a starter checklist, written in `input.language`.
    pub fn create_audit_template_from_starter(
        &self,
        ctx: &Ctx,
        key: &str,
        input: &TemplateInput,
    ) -> crate::Result<Template> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate()?;
        let s = starter::starter(key)
            .ok_or_else(|| Error::validation(vec![FieldError::new("starter", "not_found")]))?;
        let lang = v.language.as_str();
        let items: Vec<ChecklistItemInput> = s
            .sections
            .iter()
            .flat_map(|sec| {
                sec.items.iter().map(move |i| ChecklistItemInput {
                    section: sec.title.get(lang).to_owned(),
                    code: i.code.clone(),
                    requirement: i.requirement.get(lang).to_owned(),
                    reference: Some(i.reference.get(lang).to_owned()),
                    guidance: Some(i.guidance.get(lang).to_owned()),
                    evidence_expected: Some(i.evidence.get(lang).to_owned()),
                    weight: i64::from(i.weight),
                })
            })
            .collect();
        let items = validate_items(&items)?;
        self.store.write(&ctx.actor, |w| {
            let id = templates::insert(w, &v, Some(key))?;
            templates::save_items(w, id, &items)?;
            templates::get(w.conn(), id)?.ok_or_else(|| Error::not_found("audit template"))
        })
    }

    /// A copy of a template's newest checklist under a new name.
    pub fn copy_audit_template(
        &self,
        ctx: &Ctx,
        id: i64,
        input: &TemplateInput,
    ) -> crate::Result<Template> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate()?;
        self.store.write(&ctx.actor, |w| {
            let source =
                templates::get(w.conn(), id)?.ok_or_else(|| Error::not_found("audit template"))?;
            let items: Vec<_> = templates::items(w.conn(), source.current_version_id)?
                .into_iter()
                .map(|i| ChecklistItemInput {
                    section: i.section,
                    code: i.code,
                    requirement: i.requirement,
                    reference: i.reference,
                    guidance: i.guidance,
                    evidence_expected: i.evidence_expected,
                    weight: i.weight,
                })
                .collect();
            let items = validate_items(&items)?;
            let copy = templates::insert(w, &v, source.starter.as_deref())?;
            templates::save_items(w, copy, &items)?;
            templates::get(w.conn(), copy)?.ok_or_else(|| Error::not_found("audit template"))
        })
    }

    pub fn update_audit_template(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &TemplateInput,
    ) -> crate::Result<Template> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let v = input.validate()?;
        self.store
            .write(&ctx.actor, |w| templates::update(w, id, version, &v))
    }

    /// Replaces the template's checklist. A version an audit has started with is never
    /// changed: the edit lands in a new version, which later audits use.
    pub fn save_audit_checklist(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        items: &[ChecklistItemInput],
    ) -> crate::Result<TemplateDetail> {
        self.require(ctx, Area::Audits, Action::Write)?;
        let valid = validate_items(items)?;
        self.store.write(&ctx.actor, |w| {
            let t = templates::get(w.conn(), id)?;
            crate::store::versioned::at_version(t, "audit template", version)?;
            templates::save_items(w, id, &valid)?;
            Ok(())
        })?;
        self.audit_template(ctx, id, None)
    }

    pub fn set_audit_template_retired(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        retired: bool,
    ) -> crate::Result<Template> {
        self.require(ctx, Area::Audits, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            templates::set_retired(w, id, version, retired)
        })
    }
}
