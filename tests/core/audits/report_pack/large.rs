//! What a large audit costs: the report of 150 items and the pack of 200 files (~100 MB). Not
//! timed assertions: the figures are printed for a release run (`--release -- --nocapture`).

use super::*;
use std::time::Instant;

#[test]
fn a_150_item_audit_reports_in_well_under_a_second() {
    let o = office();
    let t =
        o.t.app
            .create_audit_template(
                &o.auditor,
                &backoffice_core::domain::audits::template::TemplateInput {
                    name: "ISO 9001".into(),
                    description: None,
                    language: "it".into(),
                },
            )
            .unwrap();
    let items: Vec<_> = (0..150)
        .map(|i| {
            let mut it = item(
                &format!("Sezione {}", i / 19 + 1),
                &format!("Q-{i:03}"),
                1 + i % 3,
            );
            it.requirement = format!(
                "Requisito {i}: la procedura è documentata, applicata e riesaminata dalla direzione"
            );
            it
        })
        .collect();
    let t =
        o.t.app
            .save_audit_checklist(&o.auditor, t.id, t.version, &items)
            .unwrap()
            .template;
    let a = started(&o, t.id, Recurrence::None);
    let d = o.t.app.audit(&o.auditor, a.id).unwrap();
    let outcomes = [
        Outcome::Compliant,
        Outcome::Observation,
        Outcome::Compliant,
        Outcome::Minor,
    ];
    for (n, i) in d.items.iter().enumerate() {
        o.t.app
            .assess_item(
                &o.auditor,
                a.id,
                i.item_id,
                i.version,
                &ResultInput {
                    outcome: Some(outcomes[n % outcomes.len()]),
                    na_reason: None,
                    notes: (n % 5 == 0).then(|| "Verificato a campione su tre pratiche".into()),
                },
            )
            .unwrap();
    }
    let started_at = Instant::now();
    let report = o.t.app.audit_report(&o.auditor, a.id, "it").unwrap();
    let mut pdf = Vec::new();
    let stats = backoffice_core::report::render(&report, &mut pdf).unwrap();
    eprintln!(
        "audit report: 150 items, {} pages, {} KB in {:?} (read + layout + PDF)",
        stats.pages,
        pdf.len() / 1024,
        started_at.elapsed()
    );
    assert!(stats.pages > 5);
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("audit-150.pdf"), &pdf).unwrap();
}

#[test]
fn a_pack_of_200_files_and_100_mb_is_exported_and_verified() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let a = started(&o, tpl.id, Recurrence::None);
    let codes = ["R-1", "R-2", "S-1", "S-2"];
    for i in 0..200u64 {
        let e = evidence(
            &o,
            &format!("Evidenza {i}"),
            "scansione.pdf",
            &pdf_bytes(i + 10, 500_000),
        );
        link_to(&o, &a, codes[i as usize % 4], e);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.zip");
    let started_at = Instant::now();
    let s =
        o.t.app
            .export_audit_pack(&o.auditor, a.id, "it", &path)
            .unwrap();
    let wrote = started_at.elapsed();
    let started_at = Instant::now();
    let c = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    eprintln!(
        "audit pack: {} evidence files, {} MB, {} history entries, written in {wrote:?}, \
         verified in {:?}",
        s.evidence_files,
        s.bytes / 1_000_000,
        s.history_entries,
        started_at.elapsed()
    );
    assert_eq!(s.evidence_files, 200);
    assert_eq!(c.verdict, AuditPackVerdict::Intact);
    assert_eq!(c.ok, 204);
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    // The same file name 200 times: numbered, never overwritten.
    assert!(zip.by_name("evidence/scansione (200).pdf").is_ok());
}

#[test]
fn a_series_with_two_scored_occurrences_gets_its_trend_chart() {
    use backoffice_core::report::Block;
    let o = office();
    let tpl = template(&o, "GDPR");
    let first = started(&o, tpl.id, Recurrence::Quarterly);
    for code in ["R-1", "R-2", "S-1", "S-2"] {
        assess(&o, &first, code, Outcome::Compliant);
    }
    let before = o.t.app.audit_report(&o.auditor, first.id, "en").unwrap();
    assert!(!before.blocks.iter().any(|b| matches!(b, Block::Chart(_))));
    let mut a = current(&o, first.id);
    for t in [Transition::SubmitForReview, Transition::Close] {
        a =
            o.t.app
                .move_audit(&o.auditor, a.id, a.version, t, None)
                .unwrap();
    }
    let next = o.t.app.audit(&o.auditor, a.id).unwrap().trend;
    let next = current(&o, next.last().unwrap().audit_id);
    let next =
        o.t.app
            .move_audit(&o.auditor, next.id, next.version, Transition::Start, None)
            .unwrap();
    assess(&o, &next, "R-1", Outcome::Minor);
    let report = o.t.app.audit_report(&o.auditor, next.id, "it").unwrap();
    let chart = report.blocks.iter().find_map(|b| match b {
        Block::Chart(c) => Some(c),
        _ => None,
    });
    let points: Vec<f32> = chart.unwrap().points.iter().map(|p| p.1).collect();
    assert_eq!(points, [100.0, 50.0]);
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("audit-trend.pdf");
    o.t.app
        .export_audit_report(&o.auditor, next.id, "it", &path)
        .unwrap();
    if has_tool("pdftoppm") {
        let status = std::process::Command::new("pdftoppm")
            .args(["-png", "-r", "60", "-f", "2", "-l", "2"])
            .arg(&path)
            .arg(dir.join("audit-trend"))
            .status()
            .unwrap();
        assert!(status.success());
    }
}
