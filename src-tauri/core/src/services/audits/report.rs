//! The audit report: the audit as a printed document (cover, summary, results per section,
//! findings with their actions, evidence with their SHA-256, sign-off), saved as PDF.

use super::report_blocks::blocks;
use super::report_words::Words;
use super::visible_audit;
use crate::domain::audits::audit::AuditDetail;
use crate::domain::audits::finding::Finding;
use crate::domain::audits::score::by_section;
use crate::domain::permissions::{Action, Area};
use crate::report::{self, Labels, RenderStats, Report};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use crate::store::audits::{audit as audit_store, findings, results};
use crate::store::organisation;
use std::path::Path;

/// What the report prints, read in one snapshot.
pub(crate) struct ReportData {
    pub organisation: String,
    pub detail: AuditDetail,
    pub findings: Vec<Finding>,
}

impl Backoffice {
    /// The audit's report as blocks, in `language` ("it" or "en"), for whoever may read the
    /// audit.
    pub fn audit_report(&self, ctx: &Ctx, audit_id: i64, language: &str) -> crate::Result<Report> {
        let data = self.report_data(ctx, audit_id)?;
        Ok(build(&data, Words::of(language)))
    }

    /// Saves the audit's report as a PDF at `path`: needs the right to export audits, and is
    /// recorded as an export before the file appears.
    pub fn export_audit_report(
        &self,
        ctx: &Ctx,
        audit_id: i64,
        language: &str,
        path: &Path,
    ) -> crate::Result<RenderStats> {
        self.require(ctx, Area::Audits, Action::Export)?;
        let report = self.audit_report(ctx, audit_id, language)?;
        let (staged, stats) = crate::files::stage(path, |w| report::render(&report, w))?;
        let mut extra = serde_json::Map::new();
        extra.insert("audit".into(), report.subject.clone().into());
        extra.insert("pages".into(), stats.pages.into());
        let record = ExportRecord {
            kind: "audit_report",
            format: "pdf",
            rows: 1,
            filter: serde_json::json!({ "audit_id": audit_id, "language": Words::of(language).code() }),
            path,
            extra,
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(stats)
    }

    /// The audit as its page shows it, its findings and the organisation's name, read together.
    pub(crate) fn report_data(&self, ctx: &Ctx, audit_id: i64) -> crate::Result<ReportData> {
        let who = self.auditor(ctx, Action::Read)?;
        self.store.read(|c| {
            let audit = visible_audit(c, &who, audit_id)?;
            let items = results::items(c, audit_id, audit.template_version_id)?;
            let scoring: Vec<_> = items
                .iter()
                .map(|i| (i.section.clone(), i.weight, i.outcome))
                .collect();
            let (sections, total) = by_section(&scoring);
            let trend = match audit.series_id {
                Some(s) => audit_store::series(c, s)?,
                None => Vec::new(),
            };
            Ok(ReportData {
                organisation: organisation::get(c)?.name,
                findings: findings::of_audit(c, audit_id)?,
                detail: AuditDetail {
                    can_write: who.can_write,
                    can_reopen: false,
                    audit,
                    items,
                    sections,
                    total,
                    trend,
                },
            })
        })
    }
}

pub(crate) fn build(data: &ReportData, words: &Words) -> Report {
    let a = &data.detail.audit;
    Report {
        title: format!("{} — {}", words.report, a.title),
        subject: a.title.clone(),
        author: data.organisation.clone(),
        language: words.lang,
        footer_left: format!("{} · {}", data.organisation, a.title),
        labels: Labels::for_lang(words.lang),
        watermark: None,
        blocks: blocks(data, words),
    }
}
