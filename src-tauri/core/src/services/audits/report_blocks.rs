//! The audit report's content as the renderer's blocks: what is printed and in which order;
//! how it is laid out is the report module's business.

use super::report::ReportData;
use super::report_words::Words;
use crate::domain::audits::finding::{ActionStatus, Finding, Severity};
use crate::domain::audits::result::{ItemResult, LinkedEvidence, Outcome};
use crate::domain::audits::score::SectionScore;
use crate::report::{Align, Block, Cell, Chart, ChartKind, Column, Tone};
use std::collections::HashSet;

pub(crate) fn blocks(data: &ReportData, w: &Words) -> Vec<Block> {
    let mut out = vec![cover(data, w)];
    summary(data, w, &mut out);
    results(data, w, &mut out);
    findings(&data.findings, w, &mut out);
    evidence(&data.detail.items, w, &mut out);
    out.push(heading(1, w.sign_off));
    let a = &data.detail.audit;
    // Names above the boxes: a box's title is one line and a long name would be cut.
    out.push(Block::Facts(vec![
        (w.lead.to_owned(), a.lead_name.clone()),
        (w.departments.to_owned(), names(&a.departments, w)),
        (w.auditees.to_owned(), names(&a.auditees, w)),
    ]));
    out.push(Block::SignOff(vec![
        w.lead.to_owned(),
        w.auditee_head.to_owned(),
    ]));
    out
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
    }
}

fn names(list: &[crate::domain::audits::audit::ScopeRecord], w: &Words) -> String {
    if list.is_empty() {
        return w.none.to_owned();
    }
    list.iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn cover(data: &ReportData, w: &Words) -> Block {
    let a = &data.detail.audit;
    let span = |from: Option<chrono::NaiveDate>, to: Option<chrono::NaiveDate>| {
        format!("{} – {}", w.opt_date(from), w.opt_date(to))
    };
    let facts = vec![
        (w.organisation.to_owned(), data.organisation.clone()),
        (
            w.checklist.to_owned(),
            format!("{} ({} {})", a.template_name, w.version, a.template_number),
        ),
        (w.departments.to_owned(), names(&a.departments, w)),
        (w.auditees.to_owned(), names(&a.auditees, w)),
        (w.assets.to_owned(), names(&a.assets, w)),
        (w.suppliers.to_owned(), names(&a.suppliers, w)),
        (
            w.scope_note.to_owned(),
            a.scope_note.clone().unwrap_or_else(|| w.none.to_owned()),
        ),
        (
            w.planned.to_owned(),
            span(Some(a.planned_start), Some(a.planned_end)),
        ),
        (w.actual.to_owned(), span(a.started_on, a.ended_on)),
        (w.lead.to_owned(), a.lead_name.clone()),
        (w.status.to_owned(), w.status(a.status).to_owned()),
    ];
    Block::Cover {
        title: a.title.clone(),
        subtitle: Some(format!("{} · {}", w.report, data.organisation)),
        facts,
    }
}

fn summary(data: &ReportData, w: &Words, out: &mut Vec<Block>) {
    let t = &data.detail.total;
    out.push(heading(1, w.summary));
    let mut facts = vec![
        (w.overall.to_owned(), w.score(t.score)),
        (
            w.assessed.to_owned(),
            format!("{} / {}", t.assessed, t.items),
        ),
    ];
    let counts = [
        (Outcome::Compliant, t.compliant),
        (Outcome::Observation, t.observation),
        (Outcome::Minor, t.minor),
        (Outcome::Major, t.major),
        (Outcome::NotApplicable, t.not_applicable),
    ];
    facts.extend(
        counts
            .iter()
            .map(|(o, n)| (w.outcome(Some(*o)).to_owned(), n.to_string())),
    );
    facts.push((
        w.not_assessed.to_owned(),
        (t.items - t.assessed).to_string(),
    ));
    out.push(Block::Facts(facts));
    out.push(Block::Paragraph(w.formula.to_owned()));
    let scored: Vec<(String, f32)> = data
        .detail
        .trend
        .iter()
        .filter_map(|p| Some((w.date(p.planned_start), p.score? as f32 / 100.0)))
        .collect();
    if scored.len() >= 2 {
        out.push(Block::Chart(Chart {
            title: w.trend.to_owned(),
            kind: ChartKind::Line,
            points: scored,
            y_max: 100.0,
        }));
    }
}

fn outcome_cell(o: Option<Outcome>, w: &Words) -> Cell {
    let tone = match o {
        Some(Outcome::Compliant) => Some(Tone::Good),
        Some(Outcome::Minor | Outcome::Observation) => Some(Tone::Warn),
        Some(Outcome::Major) => Some(Tone::Bad),
        Some(Outcome::NotApplicable) | None => None,
    };
    match tone {
        Some(t) => Cell::toned(w.outcome(o), t),
        None => Cell::new(w.outcome(o)),
    }
}

fn results(data: &ReportData, w: &Words, out: &mut Vec<Block>) {
    out.push(heading(1, w.results));
    let columns = vec![
        Column::new(w.code, 0.75, Align::Left),
        Column::new(w.requirement, 2.75, Align::Left),
        // "Non applicabile" on one line.
        Column::new(w.outcome, 1.4, Align::Left),
        Column::new(w.notes, 1.75, Align::Left),
        Column::new(w.evidence, 1.45, Align::Left),
    ];
    for s in &data.detail.sections {
        let items: Vec<&ItemResult> = data
            .detail
            .items
            .iter()
            .filter(|i| i.section == s.section)
            .collect();
        out.push(heading(2, section_title(s, w)));
        let rows = items
            .iter()
            .map(|i| {
                let notes = [i.na_reason.as_deref(), i.notes.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join("\n");
                let evidence = i
                    .evidence
                    .iter()
                    .map(|e| e.title.as_str())
                    .collect::<Vec<_>>()
                    .join("\n");
                vec![
                    Cell::new(i.code.clone()),
                    Cell::new(i.requirement.clone()),
                    outcome_cell(i.outcome, w),
                    Cell::new(notes),
                    Cell::new(evidence),
                ]
            })
            .collect();
        out.push(Block::Table {
            columns: columns.clone(),
            rows,
        });
    }
}

fn section_title(s: &SectionScore, w: &Words) -> String {
    let name = if s.section.is_empty() {
        w.none
    } else {
        s.section.as_str()
    };
    format!("{name} — {}: {}", w.section_score, w.score(s.score))
}

fn findings(list: &[Finding], w: &Words, out: &mut Vec<Block>) {
    out.push(heading(1, w.findings));
    if list.is_empty() {
        out.push(Block::Paragraph(w.no_findings.to_owned()));
        return;
    }
    for f in list {
        out.push(heading(2, format!("{}. {}", f.number, f.title)));
        let mut facts = vec![
            (w.severity.to_owned(), w.severity(f.severity).to_owned()),
            (
                w.item.to_owned(),
                f.item_code.clone().unwrap_or_else(|| w.none.to_owned()),
            ),
            (w.status.to_owned(), w.finding_status(f.status).to_owned()),
        ];
        if let Some(d) = &f.description {
            facts.push((w.description.to_owned(), d.clone()));
        }
        if let Some(r) = &f.root_cause {
            facts.push((w.root_cause.to_owned(), r.clone()));
        }
        out.push(Block::Facts(facts));
        out.push(heading(3, w.actions));
        if f.actions.is_empty() {
            out.push(Block::Paragraph(w.no_actions.to_owned()));
            continue;
        }
        let rows = f
            .actions
            .iter()
            .map(|a| {
                let status = match a.status {
                    ActionStatus::Verified => Cell::toned(w.action_status(a.status), Tone::Good),
                    ActionStatus::Open if f.severity == Severity::Major => {
                        Cell::toned(w.action_status(a.status), Tone::Bad)
                    }
                    ActionStatus::Open => Cell::toned(w.action_status(a.status), Tone::Warn),
                    ActionStatus::Done => Cell::new(w.action_status(a.status)),
                };
                let verified = match (&a.verified_by_name, a.verified_on) {
                    (None, None) => w.none.to_owned(),
                    (by, on) => format!("{}\n{}", by.as_deref().unwrap_or(w.none), w.opt_date(on)),
                };
                vec![
                    Cell::new(a.description.clone()),
                    Cell::new(a.owner_name.clone()),
                    Cell::new(w.date(a.due_on)),
                    status,
                    Cell::new(w.opt_date(a.done_on)),
                    Cell::new(verified),
                    Cell::new(a.effectiveness.clone().unwrap_or_else(|| w.none.to_owned())),
                ]
            })
            .collect();
        out.push(Block::Table {
            columns: vec![
                // Wide enough for a date and for "Responsabile" without breaking them.
                Column::new(w.action, 1.8, Align::Left),
                Column::new(w.owner, 1.45, Align::Left),
                Column::new(w.due, 1.1, Align::Left),
                Column::new(w.status, 1.05, Align::Left),
                Column::new(w.done, 1.1, Align::Left),
                Column::new(w.verified, 1.2, Align::Left),
                Column::new(w.effectiveness, 1.3, Align::Left),
            ],
            rows,
        });
    }
}

/// Every file linked in the audit, once, in checklist order.
pub(crate) fn linked_files(items: &[ItemResult]) -> Vec<&LinkedEvidence> {
    let mut seen = HashSet::new();
    items
        .iter()
        .flat_map(|i| i.evidence.iter())
        .filter(|e| seen.insert(e.attachment_id))
        .collect()
}

fn evidence(items: &[ItemResult], w: &Words, out: &mut Vec<Block>) {
    out.push(heading(1, w.evidence_list));
    let files = linked_files(items);
    if files.is_empty() {
        out.push(Block::Paragraph(w.no_evidence.to_owned()));
        return;
    }
    let rows = files
        .iter()
        .enumerate()
        .map(|(n, e)| {
            vec![
                Cell::new((n + 1).to_string()),
                // The hash on a line of its own, so a reader copies it whole.
                Cell::new(format!("{}\n{}\n{}", e.title, e.file_name, e.sha256)),
                Cell::new(w.opt_date(e.effective_on)),
                Cell::new(w.opt_date(e.expires_on)),
            ]
        })
        .collect();
    out.push(Block::Table {
        columns: vec![
            Column::new("N.", 0.35, Align::Right),
            Column::new(w.title_file_hash, 3.6, Align::Left),
            Column::new(w.effective, 0.9, Align::Left),
            Column::new(w.expires, 0.9, Align::Left),
        ],
        rows,
    });
}
