//! A template's checklist through the shared import and export: a Windows-1252 file with `;`,
//! rows with problems (each at its line, nothing written), an import into a template an audit
//! started with (a new version, the audit keeps its own), export → import changing nothing, and
//! the rights both need.

use super::*;
use backoffice_core::domain::audits::audit::Recurrence;
use backoffice_core::domain::audits::template::ChecklistItem;
use backoffice_core::export::Format;
use backoffice_core::import::{ChosenFile, ImportOutcome, ImportReport, Mapping};
use backoffice_core::services::{ChecklistImport, ChecklistOptions, ImportArea};
use backoffice_core::ErrorCode;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn mapping(o: &Office, path: &Path) -> Mapping {
    let preview = o.t.app.preview_import(&o.auditor, &ChecklistImport, path);
    preview.unwrap().mapping
}

fn validate(o: &Office, template_id: i64, path: &Path) -> ImportReport {
    let options = ChecklistOptions { template_id };
    let m = mapping(o, path);
    let report =
        o.t.app
            .validate_import(&o.auditor, &ChecklistImport, path, &m, &options);
    report.unwrap()
}

fn commit(o: &Office, template_id: i64, path: &Path) -> backoffice_core::Result<ImportOutcome> {
    let options = ChecklistOptions { template_id };
    let m = mapping(o, path);
    let app = &o.t.app;
    app.commit_import(
        &o.auditor,
        &ChecklistImport,
        path,
        &m,
        &options,
        &mut |_, _| true,
    )
}

fn items(o: &Office, template_id: i64) -> Vec<ChecklistItem> {
    o.t.app
        .audit_template(&o.auditor, template_id, None)
        .unwrap()
        .items
}

fn changes(o: &Office) -> i64 {
    o.t.count("SELECT count(*) FROM changes")
}

fn verify_ok(o: &Office) {
    let r = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

#[test]
fn a_windows_1252_file_updates_on_the_code_and_adds_new_items_after_the_others() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let dir = tempfile::tempdir().unwrap();
    // Windows-1252: è = E8, à = E0, § = A7. The code matches R-2 ignoring case.
    let path = write(
        dir.path(),
        "checklist.csv",
        b"Sezione;Codice;Requisito;Riferimento;Evidenze attese;Peso\r\n\
          Registro;r-2;Il registro \xE8 aggiornato;;Registro firmato;3,0\r\n\
          Qualit\xE0;Q-1;Il manuale \xE8 approvato;ISO 9001 \xA74;;5\r\n\
          Qualit\xE0;Q-2;Le non conformit\xE0 sono registrate;;;\r\n",
    );
    let before = changes(&o);
    // The commands' entry: the area by name, the options as the wizard sends them.
    let app = &o.t.app;
    let area = ImportArea::AuditChecklist;
    let (file, preview) = app.choose_import_in(&o.auditor, area, &path).unwrap();
    assert_eq!(preview.source.encoding, "windows-1252");
    assert_eq!(preview.mapping.len(), 6);
    let check = |file: &ChosenFile, options: serde_json::Value| {
        app.validate_import_in(&o.auditor, area, file, &preview.mapping, &options)
    };
    let options = serde_json::json!({ "template_id": tpl.id });
    let report = check(&file, options.clone()).unwrap();
    assert_eq!((report.to_create, report.to_update), (2, 1), "{report:?}");
    let outcome = app
        .commit_import_in(
            &o.auditor,
            area,
            &file,
            &preview.mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!((outcome.created, outcome.updated), (2, 1));

    let got = items(&o, tpl.id);
    assert_eq!(
        got.iter()
            .map(|i| (i.code.as_str(), i.weight))
            .collect::<Vec<_>>(),
        [
            ("R-1", 3),
            ("R-2", 3),
            ("S-1", 2),
            ("S-2", 2),
            ("Q-1", 5),
            // An empty weight on a new item: the default.
            ("Q-2", 3)
        ]
    );
    let r2 = &got[1];
    assert_eq!(r2.requirement, "Il registro è aggiornato");
    assert_eq!(r2.evidence_expected.as_deref(), Some("Registro firmato"));
    // An empty cell keeps what the item holds.
    assert_eq!(r2.reference.as_deref(), Some("GDPR art. 30"));
    assert_eq!(got[4].section, "Qualità");
    assert_eq!(got[4].reference.as_deref(), Some("ISO 9001 §4"));
    assert_eq!(got[0].requirement, "Requisito R-1");
    // Recorded like any save: the update and the two new items.
    assert!(changes(&o) >= before + 3);
    let t = o.t.app.audit_template(&o.auditor, tpl.id, None).unwrap();
    assert_eq!(t.template.current_number, 1);
    verify_ok(&o);

    // A template that does not exist, or options of the wrong shape, are refused.
    let e = check(&file, serde_json::json!({ "template_id": 9999 })).unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    let e = check(&file, serde_json::json!({ "template_id": "GDPR" })).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
}

#[test]
fn every_bad_row_is_reported_at_its_line_and_nothing_is_written() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "Codice;Sezione;Requisito;Peso\n\
         A-1;Registro;Uno;2\n\
         a-1;Registro;Due;2\n\
         B-1;Registro;;2\n\
         C-1;Registro;Tre;abc\n\
         D-1;Registro;Quattro;0\n\
         E-1;;Cinque;1\n\
         F-1;Registro;Sei;2,5\n\
         G-1;Registro;Sette;-1\n\
         H-1;Registro;Otto;101\n\
         R-1;Registro;Nove;4.0\n"
            .as_bytes(),
    );
    let report = validate(&o, tpl.id, &path);
    let got: Vec<(usize, Option<&str>, &str, &str)> = report
        .errors
        .iter()
        .map(|e| {
            (
                e.line,
                e.column.as_deref(),
                e.field.as_str(),
                e.code.as_str(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (3, Some("Codice"), "code", "duplicate_in_file"),
            (4, Some("Requisito"), "requirement", "required"),
            (5, Some("Peso"), "weight", "invalid_weight"),
            (6, Some("Peso"), "weight", "out_of_range"),
            (7, Some("Sezione"), "section", "required"),
            (8, Some("Peso"), "weight", "invalid_weight"),
            (9, Some("Peso"), "weight", "out_of_range"),
            (10, Some("Peso"), "weight", "out_of_range"),
        ],
        "{report:?}"
    );
    assert_eq!(report.errors[0].params["line"], "2");
    assert_eq!(report.errors[2].params["value"], "abc");
    assert_eq!(report.errors[3].params["max"], "100");
    assert_eq!(
        (
            report.rows,
            report.error_rows,
            report.to_create,
            report.to_update
        ),
        (10, 8, 1, 1)
    );

    let (before_changes, before_items) = (changes(&o), items(&o, tpl.id));
    let e = commit(&o, tpl.id, &path).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.params["error_rows"], "8");
    assert_eq!(changes(&o), before_changes);
    assert_eq!(items(&o, tpl.id), before_items);
    assert_eq!(before_items.len(), 4);
}

#[test]
fn an_import_into_a_template_in_use_makes_a_new_version_and_the_audit_keeps_its_own() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let audit = started(&o, tpl.id, Recurrence::None);
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "v2.csv",
        b"Section,Code,Requirement,Weight\n\
          Registro,R-2,Il registro elenca i fornitori,4\n\
          Fornitori,F-1,I contratti nominano il responsabile,5\n",
    );
    let outcome = commit(&o, tpl.id, &path).unwrap();
    assert_eq!((outcome.created, outcome.updated), (1, 1));

    let d = o.t.app.audit_template(&o.auditor, tpl.id, None).unwrap();
    assert_eq!(d.template.current_number, 2);
    assert!(!d.template.current_frozen);
    assert_eq!(
        d.items
            .iter()
            .map(|i| (i.code.as_str(), i.weight))
            .collect::<Vec<_>>(),
        [("R-1", 3), ("R-2", 4), ("S-1", 2), ("S-2", 2), ("F-1", 5)]
    );
    // Version 1, and the audit started with it, word for word as before.
    let v1 = d.versions.iter().find(|v| v.number == 1).unwrap();
    let old =
        o.t.app
            .audit_template(&o.auditor, tpl.id, Some(v1.id))
            .unwrap();
    assert_eq!(old.items.len(), 4);
    assert_eq!(old.items[1].requirement, "Requisito R-2");
    let running = o.t.app.audit(&o.auditor, audit.id).unwrap();
    assert_eq!(running.audit.template_number, 1);
    assert_eq!(
        running
            .items
            .iter()
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>(),
        ["R-1", "R-2", "S-1", "S-2"]
    );
    assert_eq!(running.items[1].requirement, "Requisito R-2");
    verify_ok(&o);
}

#[test]
fn an_exported_checklist_imports_back_unchanged_and_needs_export_rights() {
    let o = office();
    let tpl = template(&o, "GDPR");
    // Text a spreadsheet would run, several lines, accents and a semicolon.
    let mut list = vec![
        item("Registro", "R-1", 3),
        item("Registro", "R-2", 1),
        item("Sicurezza", "S-1", 2),
    ];
    list[0].guidance = Some("Chiedere il registro.\n\nCampionare 3 trattamenti; annotarli.".into());
    list[1].requirement = "=SOMMA(A1:A3)".into();
    list[2].evidence_expected = Some("- verbale firmato\n- elenco \"accessi\"".into());
    list[2].reference = None;
    let app = &o.t.app;
    let d = app.save_audit_checklist(&o.auditor, tpl.id, tpl.version, &list);
    let version = d.unwrap().version.id;
    let dir = tempfile::tempdir().unwrap();
    let export = |who: &Ctx, template: i64, v: Option<i64>, name: &str, lang: &str, f: Format| {
        app.export_audit_checklist(who, template, v, &dir.path().join(name), lang, f)
    };
    let exports = || {
        o.t.count("SELECT count(*) FROM changes WHERE entity = 'exports'")
    };

    let before = exports();
    let rows = export(&o.auditor, tpl.id, None, "checklist.csv", "it", Format::Csv).unwrap();
    assert_eq!((rows, exports()), (3, before + 1));
    let csv = dir.path().join("checklist.csv");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert_eq!(
        text.trim_start_matches('\u{feff}').lines().next(),
        Some("Sezione;Codice;Requisito;Riferimento;Guida;Evidenze attese;Peso")
    );
    let xlsx = dir.path().join("checklist.xlsx");
    let rows = export(
        &o.auditor,
        tpl.id,
        Some(version),
        "checklist.xlsx",
        "en",
        Format::Xlsx,
    );
    assert_eq!(rows.unwrap(), 3);

    for file in [&csv, &xlsx] {
        let r = validate(&o, tpl.id, file);
        let counts = (r.to_create, r.to_update, r.unchanged, r.error_rows);
        assert_eq!(counts, (0, 0, 3, 0), "{file:?}: {r:?}");
        let before = (changes(&o), items(&o, tpl.id));
        let outcome = commit(&o, tpl.id, file).unwrap();
        assert_eq!(outcome.unchanged, 3);
        assert_eq!((changes(&o), items(&o, tpl.id)), before);
    }
    // Even once an audit has started with it: no new version for a file that changes nothing.
    started(&o, tpl.id, Recurrence::None);
    commit(&o, tpl.id, &xlsx).unwrap();
    let t = app.audit_template(&o.auditor, tpl.id, None).unwrap();
    assert_eq!(t.template.current_number, 1);

    // A manager reads audits but may not export or import checklists.
    let e = export(&o.manager, tpl.id, None, "no.csv", "it", Format::Csv).unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = app.may_import(&o.manager, ImportArea::AuditChecklist);
    assert_eq!(e.unwrap_err().code, ErrorCode::Forbidden);
    // A version of another template is not found.
    let other = template(&o, "Sicurezza");
    let e = export(
        &o.auditor,
        other.id,
        Some(version),
        "no.csv",
        "it",
        Format::Csv,
    );
    assert_eq!(e.unwrap_err().code, ErrorCode::NotFound);
    assert!(!dir.path().join("no.csv").exists());
}
