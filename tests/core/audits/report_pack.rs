//! The audit report (PDF) and the audit pack (ZIP): what they hold, who may export them, and
//! the pack's verification against this database after tampering on disk.

mod large;
mod tampered;

use super::*;
use backoffice_core::domain::attachment::AttachmentInput;
use backoffice_core::domain::audits::evidence::EvidenceInput;
use backoffice_core::domain::audits::finding::ActionInput;
use backoffice_core::services::AuditPackVerdict;
use backoffice_core::ErrorCode;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn pdf_bytes(seed: u64, len: usize) -> Vec<u8> {
    let mut v = b"%PDF-1.7\n".to_vec();
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    v.extend((0..len).map(|_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x as u8
    }));
    v
}

/// An evidence record with a file, as the auditor adds it.
pub fn evidence(o: &Office, title: &str, file_name: &str, bytes: &[u8]) -> i64 {
    let e =
        o.t.app
            .create_evidence(
                &o.auditor,
                &EvidenceInput {
                    title: title.into(),
                    owner_employee_id: None,
                    notes: None,
                },
            )
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join(file_name);
    std::fs::write(&p, bytes).unwrap();
    let input = AttachmentInput {
        type_id: None,
        title: None,
        issued_on: Some(date(2026, 1, 15)),
        expires_on: Some(date(2027, 1, 14)),
    };
    o.t.app
        .attach(&o.auditor, "evidence", e.id, &input, &p)
        .unwrap();
    e.id
}

pub fn link_to(o: &Office, audit: &Audit, code: &str, evidence_id: i64) {
    let d = o.t.app.audit(&o.auditor, audit.id).unwrap();
    let i = d.items.iter().find(|i| i.code == code).unwrap();
    o.t.app
        .link_evidence(&o.auditor, audit.id, i.item_id, evidence_id)
        .unwrap();
}

/// An audit with every item assessed, a finding with an action, and two files, one of them
/// linked to two items.
fn assessed(o: &Office) -> Audit {
    let tpl = template(o, "GDPR");
    let a = started(o, tpl.id, Recurrence::None);
    assess(o, &a, "R-1", Outcome::Compliant);
    assess(o, &a, "R-2", Outcome::Major);
    assess(o, &a, "S-1", Outcome::NotApplicable);
    assess(o, &a, "S-2", Outcome::Minor);
    let f = finding(o, &a, "R-2", Severity::Major);
    o.t.app
        .add_audit_action(
            &o.auditor,
            f,
            &ActionInput {
                description: "Aggiornare il registro dei trattamenti".into(),
                owner_employee_id: Some(o.boss),
                due_on: Some(date(2026, 4, 30)),
                subject: None,
            },
        )
        .unwrap();
    let reg = evidence(
        o,
        "Registro dei trattamenti",
        "registro.pdf",
        &pdf_bytes(1, 40_000),
    );
    let pol = evidence(
        o,
        "Politica di sicurezza",
        "politica.pdf",
        &pdf_bytes(2, 9_000),
    );
    link_to(o, &a, "R-1", reg);
    link_to(o, &a, "R-2", reg);
    link_to(o, &a, "S-2", pol);
    current(o, a.id)
}

pub fn has_tool(name: &str) -> bool {
    Command::new(name).arg("-v").output().is_ok()
}

pub fn pages_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.ancestors().nth(3).unwrap().join("audit-report-pages")
}

fn exports_of(o: &Office, kind: &str) -> i64 {
    o.t.count(&format!(
        "SELECT count(*) FROM changes WHERE entity = 'exports' AND after ->> '$.kind' = '{kind}'"
    ))
}

#[test]
fn the_report_prints_the_audit_and_is_recorded_as_an_export() {
    let o = office();
    let a = assessed(&o);
    let dir = pages_dir();
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("audit-it.pdf");
    let stats =
        o.t.app
            .export_audit_report(&o.auditor, a.id, "it", &path)
            .unwrap();
    assert!(stats.pages > 1, "{stats:?}");
    assert_eq!(exports_of(&o, "audit_report"), 1);
    let en = dir.join("audit-en.pdf");
    o.t.app
        .export_audit_report(&o.auditor, a.id, "en", &en)
        .unwrap();
    if !has_tool("pdftotext") {
        eprintln!("poppler-utils not installed: PDF not read back");
        return;
    }
    let text = |p: &Path| {
        let out = Command::new("pdftotext").arg(p).arg("-").output().unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let it = text(&path);
    let sha = &o.t.app.audit(&o.auditor, a.id).unwrap().items[0].evidence[0].sha256;
    let joined: String = it.split_whitespace().collect();
    assert!(it.contains("Verifica GDPR 2026"), "{it}");
    assert!(it.contains("Pagina 1 di"));
    assert!(it.contains("Non conformità su R-2"));
    assert!(it.contains("02/03/2026") && it.contains("Magazzino"));
    // R-1 (3) earns 100 %, R-2 (1) 0 %, S-2 (2) 50 %: 4 of 6.
    assert!(it.contains("66,7 %"), "{it}");
    assert!(joined.contains(sha.as_str()), "the hash is printed whole");
    // Linked to two items, listed once: three mentions, wrapped or not.
    assert_eq!(joined.matches("Registrodeitrattamenti").count(), 3, "{it}");
    let en = text(&en);
    assert!(en.contains("Page 1 of") && en.contains("66.7%") && en.contains("Lead auditor"));
    if has_tool("pdftoppm") {
        let status = Command::new("pdftoppm")
            .args(["-png", "-r", "60"])
            .arg(&path)
            .arg(dir.join("audit-it"))
            .status()
            .unwrap();
        assert!(status.success());
    }
}

#[test]
fn a_manager_reads_the_report_but_may_not_export_it() {
    let o = office();
    let a = assessed(&o);
    let r = o.t.app.audit_report(&o.manager, a.id, "it").unwrap();
    assert_eq!(r.subject, "Verifica GDPR 2026");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("r.pdf");
    let e =
        o.t.app
            .export_audit_report(&o.manager, a.id, "it", &path)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e =
        o.t.app
            .export_audit_pack(&o.manager, a.id, "it", &dir.path().join("p.zip"))
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(std::fs::read_dir(dir.path()).unwrap().next().is_none());
    // Someone outside audits learns nothing, not even that the audit exists.
    let e = o.t.app.audit_report(&o.outsider, a.id, "it").unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

fn packed(o: &Office, a: &Audit, dir: &Path) -> PathBuf {
    let path = dir.join("pack.zip");
    let s =
        o.t.app
            .export_audit_pack(&o.auditor, a.id, "it", &path)
            .unwrap();
    // report, two files (one linked twice, packed once), audit.json, history.json, pack.json
    assert_eq!((s.evidence_files, s.entries), (2, 6), "{s:?}");
    assert!(s.history_entries > 10 && s.report_pages > 1);
    path
}

#[test]
fn a_pack_holds_the_audit_and_verifies_intact() {
    let o = office();
    let a = assessed(&o);
    let dir = tempfile::tempdir().unwrap();
    let path = packed(&o, &a, dir.path());
    assert_eq!(exports_of(&o, "audit_pack"), 1);
    let c = o.t.app.verify_audit_pack(&o.auditor, &path).unwrap();
    assert_eq!(c.verdict, AuditPackVerdict::Intact, "{c:?}");
    assert_eq!(c.ok, 6);
    assert!(c.same_database && c.head_in_chain);
    assert_eq!(c.audit_title.as_deref(), Some("Verifica GDPR 2026"));
    // A manager reads audits, so may check a pack.
    let m = o.t.app.verify_audit_pack(&o.manager, &path).unwrap();
    assert_eq!(m.verdict, AuditPackVerdict::Intact);

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut json = String::new();
    zip.by_name("audit.json")
        .unwrap()
        .read_to_string(&mut json)
        .unwrap();
    let audit: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(audit["audit"]["title"], "Verifica GDPR 2026");
    assert_eq!(audit["evidence"][0]["path"], "evidence/registro.pdf");
    assert_eq!(audit["findings"][0]["actions"].as_array().unwrap().len(), 1);
    let mut history = String::new();
    zip.by_name("history.json")
        .unwrap()
        .read_to_string(&mut history)
        .unwrap();
    let history: Vec<serde_json::Value> = serde_json::from_str(&history).unwrap();
    let entities: std::collections::BTreeSet<&str> = history
        .iter()
        .map(|c| c["entity"].as_str().unwrap())
        .collect();
    for e in [
        "audits",
        "audit_scope",
        "audit_results",
        "audit_evidence",
        "findings",
        "audit_actions",
        "evidence",
        "attachments",
    ] {
        assert!(entities.contains(e), "{e} missing from {entities:?}");
    }
    assert!(history
        .iter()
        .all(|c| c["hash"].as_str().unwrap().len() == 64));

    let have = |c: &str| Command::new(c).arg("--help").output().is_ok();
    if have("unzip") && have("sha256sum") {
        let out = dir.path().join("x");
        assert!(Command::new("unzip")
            .arg("-q")
            .arg(&path)
            .arg("-d")
            .arg(&out)
            .status()
            .unwrap()
            .success());
        let run = Command::new("sha256sum")
            .args(["-c", "--strict", "SHA256SUMS"])
            .current_dir(&out)
            .output()
            .unwrap();
        assert!(run.status.success(), "{run:?}");
    }
}
