//! The audit pack: one ZIP with the report, every evidence file the audit links, the audit's
//! data and the history of every record it is made of, checkable with `sha256sum -c` anywhere
//! and by the app against this database's history chain.

use super::report::build;
use super::report_blocks::linked_files;
use super::report_words::Words;
use crate::domain::audits::result::LinkedEvidence;
use crate::domain::permissions::{Action, Area};
use crate::error::{Error, ErrorCode};
use crate::pack::{self, PackLimits, PackWriter};
use crate::services::exports::ExportRecord;
use crate::services::{Backoffice, Ctx};
use crate::store::audits::records;
use crate::store::history;
use serde::Serialize;
use serde_json::json;
use std::path::Path;
use ts_rs::TS;

/// `facts.kind` of an audit pack's manifest.
pub const AUDIT_PACK_KIND: &str = "audit_pack";

/// What an exported pack holds, for the confirmation message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditPackSummary {
    /// Evidence files packed (each linked file once).
    pub evidence_files: usize,
    /// Entries in `SHA256SUMS`, `pack.json` included.
    pub entries: usize,
    /// Bytes of all entries before compression.
    pub bytes: u64,
    pub report_pages: usize,
    pub history_entries: usize,
    /// The history chain's length and newest hash when the pack was made.
    pub head_count: i64,
    pub head_hash: String,
}

/// `audit.json`: the audit as its page shows it, its findings and the files it links.
#[derive(Serialize)]
struct AuditJson<'a> {
    kind: &'static str,
    exported_at: String,
    exported_by: &'a str,
    #[serde(flatten)]
    detail: &'a crate::domain::audits::audit::AuditDetail,
    findings: &'a [crate::domain::audits::finding::Finding],
    evidence: Vec<PackedFile<'a>>,
}

/// A linked file and where it is in the pack.
#[derive(Serialize)]
struct PackedFile<'a> {
    #[serde(flatten)]
    linked: &'a LinkedEvidence,
    path: String,
}

impl Backoffice {
    /// Writes the audit's pack at `path`: `report.pdf`, `evidence/…`, `audit.json`,
    /// `history.json`, then `pack.json` (with the history head and the chain's identity) and
    /// `SHA256SUMS`. Needs the right to export audits; recorded as an export before the file
    /// appears.
    pub fn export_audit_pack(
        &self,
        ctx: &Ctx,
        audit_id: i64,
        language: &str,
        path: &Path,
    ) -> crate::Result<AuditPackSummary> {
        self.require(ctx, Area::Audits, Action::Export)?;
        let words = Words::of(language);
        let data = self.report_data(ctx, audit_id)?;
        let report = build(&data, words);
        let mut pdf = Vec::new();
        let stats = crate::report::render(&report, &mut pdf)?;
        // The history and the head it is checked against are read in one snapshot.
        let (changes, status, chain_id) = self.store.read(|c| {
            let rows = records::of_audit(c, audit_id)?;
            Ok((
                records::history_of(c, &rows)?,
                history::status(c)?,
                records::chain_identity(c)?,
            ))
        })?;
        let head_hash = status.head_hash.clone().unwrap_or_default();
        let now = self.store.now();
        let exported_at = crate::store::ts_text(now);
        let key_id = self.store.key().map(crate::crypt::DataKey::id);
        let a = &data.detail.audit;
        let blobs = self.blobs();
        let files = linked_files(&data.detail.items);
        let (staged, summary) = PackWriter::create(path, now, |p| {
            p.add_bytes("report.pdf", &pdf)?;
            let mut packed = Vec::with_capacity(files.len());
            for e in &files {
                let name = p.unique_name("evidence", &e.file_name);
                let mut source = blobs
                    .reader(&e.sha256)
                    .map_err(|err| err.with("title", &e.title))?;
                let (sha256, _) = p.add_reader(&name, &mut source)?;
                // Streamed, so checked once read: a stored copy changed on disk fails the whole
                // pack (its staged file is removed) rather than hand out what the audit did not
                // see.
                if sha256 != e.sha256 {
                    return Err(Error::new(
                        ErrorCode::DbCorrupt,
                        format!("the stored copy of {} does not match its checksum", e.title),
                    )
                    .with("reason", "checksum_mismatch")
                    .with("title", &e.title));
                }
                packed.push(PackedFile {
                    linked: e,
                    path: name,
                });
            }
            let audit_json = AuditJson {
                kind: "backoffice-audit",
                exported_at: exported_at.clone(),
                exported_by: &ctx.actor,
                detail: &data.detail,
                findings: &data.findings,
                evidence: packed,
            };
            p.add_bytes("audit.json", &serde_json::to_vec_pretty(&audit_json)?)?;
            p.add_bytes("history.json", &serde_json::to_vec_pretty(&changes)?)?;
            Ok(json!({
                "kind": AUDIT_PACK_KIND,
                "audit_id": a.id,
                "audit_title": a.title,
                "language": words.code(),
                "exported_by": ctx.actor,
                "exported_at": exported_at,
                "history": { "count": status.count, "head_hash": head_hash },
                "chain_id": chain_id,
                "key_id": key_id,
                "evidence_files": files.len(),
                "history_entries": changes.len(),
            }))
        })?;
        let mut extra = serde_json::Map::new();
        extra.insert("audit".into(), a.title.clone().into());
        extra.insert("evidence_files".into(), files.len().into());
        let record = ExportRecord {
            kind: AUDIT_PACK_KIND,
            format: "zip",
            rows: summary.entries.len() as u64,
            filter: json!({ "audit_id": audit_id, "language": words.code() }),
            path,
            extra,
        };
        self.publish_export(ctx, staged, &record)?;
        Ok(AuditPackSummary {
            evidence_files: files.len(),
            entries: summary.entries.len(),
            bytes: summary.entries.iter().map(|e| e.size).sum(),
            report_pages: stats.pages,
            history_entries: changes.len(),
            head_count: status.count,
            head_hash,
        })
    }

    /// Checks a pack the user chose: every file against `SHA256SUMS`, and its facts against
    /// this database (same chain, its head still in it). A file that is not a pack at all, or
    /// a hostile one, is refused as `bad_file`.
    pub fn verify_audit_pack(&self, ctx: &Ctx, path: &Path) -> crate::Result<AuditPackCheck> {
        self.require(ctx, Area::Audits, Action::Read)?;
        let check = pack::verify(path, &PackLimits::default())?;
        let facts = check
            .manifest
            .as_ref()
            .and_then(|m| m.get("facts"))
            .filter(|f| f.get("kind").and_then(|k| k.as_str()) == Some(AUDIT_PACK_KIND))
            .cloned();
        let head = facts.as_ref().and_then(|f| {
            let h = f.get("history")?;
            Some((
                h.get("count")?.as_i64()?,
                h.get("head_hash")?.as_str()?.to_owned(),
            ))
        });
        let chain_id = facts
            .as_ref()
            .and_then(|f| f.get("chain_id")?.as_str().map(str::to_owned));
        let (ours, at_head) = self.store.read(|c| {
            let at = match &head {
                Some((count, _)) if *count > 0 => history::hash_of(c, *count)?,
                _ => None,
            };
            Ok((records::chain_identity(c)?, at))
        })?;
        let same_database = chain_id.is_some() && chain_id == ours;
        let head_in_chain = matches!((&head, &at_head), (Some((_, h)), Some(found)) if h == found);
        let intact = check.is_intact();
        let verdict = if facts.is_none() {
            // A pack whose manifest was taken out was an audit pack once: it has changed.
            if check.missing.iter().any(|m| m == pack::MANIFEST_NAME) {
                AuditPackVerdict::Changed
            } else {
                AuditPackVerdict::NotAPack
            }
        } else if !same_database {
            AuditPackVerdict::OtherDatabase
        } else if intact && head_in_chain {
            AuditPackVerdict::Intact
        } else {
            AuditPackVerdict::Changed
        };
        let text = |k: &str| {
            facts
                .as_ref()
                .and_then(|f| f.get(k)?.as_str().map(str::to_owned))
        };
        Ok(AuditPackCheck {
            verdict,
            ok: check.ok,
            malformed: check
                .malformed
                .iter()
                .map(|m| PackLine {
                    line: m.line,
                    reason: m.reason.clone(),
                    text: m.text.clone(),
                })
                .collect(),
            changed: check.changed,
            missing: check.missing,
            added: check.added,
            same_database,
            head_in_chain,
            audit_id: facts.as_ref().and_then(|f| f.get("audit_id")?.as_i64()),
            audit_title: text("audit_title"),
            exported_at: text("exported_at"),
            exported_by: text("exported_by"),
            head_count: head.map(|(n, _)| n),
        })
    }
}

/// The answer in one word, for the UI's headline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum AuditPackVerdict {
    /// Every file as packed, from this database, whose history still holds the pack's head.
    Intact,
    /// A file changed, missing or added, a broken list line, or this database's history no
    /// longer holds the pack's head at its position (rewritten or cut since).
    Changed,
    /// A pack made from another database (another chain of history).
    OtherDatabase,
    /// A valid pack that is not an audit's.
    NotAPack,
}

/// A line of `SHA256SUMS` not in the format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PackLine {
    pub line: usize,
    pub reason: String,
    pub text: String,
}

/// What verifying an audit pack found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AuditPackCheck {
    pub verdict: AuditPackVerdict,
    /// Files whose bytes match their line.
    pub ok: usize,
    pub changed: Vec<String>,
    pub missing: Vec<String>,
    pub added: Vec<String>,
    pub malformed: Vec<PackLine>,
    /// The pack's chain identity (the hash of the change that created the first account) is
    /// this database's.
    pub same_database: bool,
    /// This database's history still has the pack's head hash at the pack's position.
    pub head_in_chain: bool,
    pub audit_id: Option<i64>,
    pub audit_title: Option<String>,
    pub exported_at: Option<String>,
    pub exported_by: Option<String>,
    pub head_count: Option<i64>,
}
