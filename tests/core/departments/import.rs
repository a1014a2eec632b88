//! The department import, the pipeline's second area: a clean file, rows with problems (each at
//! its line and column, nothing written), a re-import that updates on the code (or the name) and
//! changes nothing the second time, all or nothing at commit, the permission it needs, and the
//! same through the entry the commands use (the area by name, the options as sent).

use crate::support::{app, TestApp};
use backoffice_core::domain::department::{ActiveFilter, DepartmentQuery, DepartmentSort};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::import::{ImportOutcome, ImportReport, NoOptions};
use backoffice_core::services::{Ctx, DepartmentImport, ImportArea};
use backoffice_core::ErrorCode;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn validate(t: &TestApp, path: &Path) -> ImportReport {
    let mapping = t
        .app
        .preview_import(&t.ctx, &DepartmentImport, path)
        .unwrap()
        .mapping;
    t.app
        .validate_import(&t.ctx, &DepartmentImport, path, &mapping, &NoOptions {})
        .unwrap()
}

fn commit(t: &TestApp, path: &Path) -> backoffice_core::Result<ImportOutcome> {
    let mapping = t
        .app
        .preview_import(&t.ctx, &DepartmentImport, path)
        .unwrap()
        .mapping;
    t.app.commit_import(
        &t.ctx,
        &DepartmentImport,
        path,
        &mapping,
        &NoOptions {},
        &mut |_, _| true,
    )
}

/// Every department as (name, code, head, cost centre, active), by name.
/// A department as the tests compare it: name, code, head, cost centre, active.
type Seen = (String, Option<String>, Option<String>, Option<String>, bool);

fn departments(t: &TestApp) -> Vec<Seen> {
    let q = DepartmentQuery {
        search: None,
        status: ActiveFilter::All,
        sort: DepartmentSort::Name,
        dir: SortDir::Asc,
        page: PageRequest {
            offset: 0,
            limit: 100,
        },
    };
    t.app
        .list_departments(&t.ctx, &q)
        .unwrap()
        .items
        .into_iter()
        .map(|d| (d.name, d.code, d.head, d.cost_centre, d.active))
        .collect()
}

fn verify_ok(t: &TestApp) {
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

fn s(v: &str) -> Option<String> {
    Some(v.to_owned())
}

const CLEAN: &str = "Elenco reparti al 31/12/2025\r\n\
    Codice;Reparto;Responsabile;Centro di costo;Attivo\r\n\
    amm;Amministrazione;Maria Rossi;CC-100;sì\r\n\
    MAG;Magazzino;;CC-200;\r\n\
    VEN;Vendite;Luca Bianchi;;no\r\n\
    Totale reparti: 3\r\n";

#[test]
fn a_clean_list_imports_with_history_and_reads_again_as_unchanged() {
    let t = app();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "reparti.csv", CLEAN);
    let preview = t
        .app
        .preview_import(&t.ctx, &DepartmentImport, &path)
        .unwrap();
    // The title line and the totals are left out; every column is recognised.
    assert_eq!(preview.total_rows, 3);
    let mapped: Vec<(&str, &str)> = preview
        .mapping
        .iter()
        .map(|(k, &c)| (k.as_str(), preview.headers[c].as_str()))
        .collect();
    assert_eq!(
        mapped,
        [
            ("active", "Attivo"),
            ("code", "Codice"),
            ("cost_centre", "Centro di costo"),
            ("head", "Responsabile"),
            ("name", "Reparto"),
        ]
    );
    let required: Vec<&str> = preview
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(required, ["name"]);
    assert_eq!(
        (
            preview.fields[1].label.it.as_str(),
            preview.fields[1].label.en.as_str()
        ),
        ("Nome", "Name")
    );
    let report = validate(&t, &path);
    assert_eq!(
        (report.rows, report.to_create, report.error_rows),
        (3, 3, 0),
        "{report:?}"
    );
    let changes = t.count("changes");
    let outcome = commit(&t, &path).unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (3, 0, 0)
    );
    assert_eq!(
        departments(&t),
        [
            (
                s("Amministrazione"),
                s("AMM"),
                s("Maria Rossi"),
                s("CC-100"),
                true
            ),
            (s("Magazzino"), s("MAG"), None, s("CC-200"), true),
            (s("Vendite"), s("VEN"), s("Luca Bianchi"), None, false),
        ]
        .map(|(n, c, h, cc, a)| (n.unwrap(), c, h, cc, a))
    );
    // An insert per department, and the deactivation of the one the file says is not in use.
    assert_eq!(t.count("changes") - changes, 4);
    assert_eq!(
        t.count("changes WHERE entity = 'departments' AND op = 'insert'"),
        3
    );
    // The same file again: matched on the code, nothing to write.
    let changes = t.count("changes");
    let report = validate(&t, &path);
    assert_eq!(
        (report.to_create, report.to_update, report.unchanged),
        (0, 0, 3)
    );
    let outcome = commit(&t, &path).unwrap();
    assert_eq!(outcome.unchanged, 3);
    assert_eq!(t.count("changes"), changes);
    verify_ok(&t);
}

#[test]
fn a_reimport_updates_on_the_code_or_the_name_and_keeps_what_the_file_lacks() {
    let t = app();
    let dir = tempfile::tempdir().unwrap();
    commit(&t, &write(dir.path(), "a.csv", CLEAN)).unwrap();
    // Codes first: "Amministrazione" is renamed through its code; "Magazzino" has no code in
    // this file and is found by its name; a new department; a column left out keeps its values.
    let path = write(
        dir.path(),
        "b.csv",
        "Code,Name,Head,Active\n\
         AMM,Amministrazione e finanza,Maria Rossi,yes\n\
         ,Magazzino,Paolo Verdi,\n\
         VEN,Vendite,Luca Bianchi,yes\n\
         PRO,Produzione,,\n",
    );
    let report = validate(&t, &path);
    assert_eq!(
        (
            report.to_create,
            report.to_update,
            report.unchanged,
            report.error_rows
        ),
        (1, 3, 0, 0),
        "{report:?}"
    );
    let outcome = commit(&t, &path).unwrap();
    assert_eq!((outcome.created, outcome.updated), (1, 3));
    assert_eq!(
        departments(&t),
        [
            (
                "Amministrazione e finanza",
                s("AMM"),
                s("Maria Rossi"),
                s("CC-100"),
                true
            ),
            ("Magazzino", s("MAG"), s("Paolo Verdi"), s("CC-200"), true),
            ("Produzione", s("PRO"), None, None, true),
            ("Vendite", s("VEN"), s("Luca Bianchi"), None, true),
        ]
        .map(|(n, c, h, cc, a)| (n.to_owned(), c, h, cc, a))
    );
    assert_eq!(t.count("departments"), 4);
    verify_ok(&t);
}

#[test]
fn rows_with_problems_are_each_reported_and_nothing_is_written() {
    let t = app();
    let dir = tempfile::tempdir().unwrap();
    commit(&t, &write(dir.path(), "a.csv", CLEAN)).unwrap();
    let path = write(
        dir.path(),
        "bad.csv",
        "Codice;Nome;Centro di costo;Stato\n\
         LOG;Logistica;CC-300;sì\n\
         ;   ;;\n\
         QUA;Qualità;;forse\n\
         MAG;Vendite;;\n\
         LOG;Logistica 2;;\n\
         ACQ;Acquisti;CC-400;;;oltre\n\
         ABCDEFGHIJKLMNOPQRSTUVWXYZ;Ricerca;;\n",
    );
    let report = validate(&t, &path);
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
            (4, Some("Stato"), "active", "invalid_active"),
            // The magazine's code, given another department's name.
            (5, Some("Nome"), "name", "duplicate"),
            (6, Some("Codice"), "code", "duplicate_in_file"),
            (7, None, "row", "too_many_cells"),
            (8, Some("Codice"), "code", "too_long"),
        ],
        "{report:?}"
    );
    assert_eq!(report.errors[2].params["line"], "2");
    assert_eq!(report.errors[1].params["value"], "Vendite");
    // A row with nothing in it is no row.
    assert_eq!(
        (report.rows, report.error_rows, report.to_create),
        (6, 5, 1)
    );
    let (changes, before) = (t.count("changes"), departments(&t));
    let e = commit(&t, &path).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.params["error_rows"], "5");
    assert_eq!((t.count("changes"), departments(&t)), (changes, before));
}

#[test]
fn a_cancel_or_a_clash_found_at_commit_rolls_back_every_row() {
    let t = app();
    let dir = tempfile::tempdir().unwrap();
    // Two hundred departments: a cancel half way leaves none of them.
    let mut text = String::from("Codice;Nome\n");
    for i in 0..200 {
        text.push_str(&format!("R{i:03};Reparto {i:03}\n"));
    }
    let path = write(dir.path(), "molti.csv", &text);
    let mapping = t
        .app
        .preview_import(&t.ctx, &DepartmentImport, &path)
        .unwrap()
        .mapping;
    let changes = t.count("changes");
    let e = t
        .app
        .commit_import(
            &t.ctx,
            &DepartmentImport,
            &path,
            &mapping,
            &NoOptions {},
            &mut |done, total| done < total / 2,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    assert_eq!((t.count("departments"), t.count("changes")), (0, changes));

    // A department made after the check, with the name of one row and the code of another:
    // both rows now stand for it. The commit checks every row again against what is on record
    // then, and writes none.
    let report = validate(&t, &path);
    assert!(report.ok());
    let mut late = crate::departments::input("Reparto 150");
    late.code = Some("R199".into());
    t.app.create_department(&t.ctx, &late).unwrap();
    let e = commit(&t, &path).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(t.count("departments"), 1);
    let report = validate(&t, &path);
    let e = &report.errors[0];
    assert_eq!(
        (e.line, e.field.as_str(), e.code.as_str()),
        (201, "name", "duplicate_in_file")
    );
    assert_eq!(e.params["line"], "152");
    // Without the clash the whole file goes in, the late department updated by its code.
    let fixed = text.replace("R150;Reparto 150", "R150;Reparto centocinquanta");
    let outcome = commit(&t, &write(dir.path(), "molti.csv", &fixed)).unwrap();
    assert_eq!((outcome.created, outcome.updated), (199, 1));
    assert_eq!(t.count("departments"), 200);
    verify_ok(&t);
}

#[test]
fn the_commands_entry_needs_department_rights_and_reads_the_options_as_sent() {
    let t = app();
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "reparti.csv", CLEAN);
    // Accounting reads departments but does not change them; HR does both.
    let accounting = Ctx::new(2, "conti", vec![Role::Accounting]);
    let e = t
        .app
        .choose_import_in(&accounting, ImportArea::Departments, &path)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert_eq!(
        t.app
            .may_import(&accounting, ImportArea::Staff)
            .unwrap_err()
            .code,
        ErrorCode::Forbidden
    );
    let hr = Ctx::new(3, "hr", vec![Role::Hr]);
    assert!(t.app.may_import(&hr, ImportArea::Departments).is_ok());
    let (file, preview) = t
        .app
        .choose_import_in(&t.ctx, ImportArea::Departments, &path)
        .unwrap();
    assert!(preview.options.is_empty());
    let options = serde_json::json!({});
    let report = t
        .app
        .validate_import_in(
            &t.ctx,
            ImportArea::Departments,
            &file,
            &preview.mapping,
            &options,
        )
        .unwrap();
    assert_eq!(report.to_create, 3);
    let outcome = t
        .app
        .commit_import_in(
            &t.ctx,
            ImportArea::Departments,
            &file,
            &preview.mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(outcome.created, 3);
    // Options of the wrong shape are refused, not read as false.
    let e = t
        .app
        .validate_import_in(
            &t.ctx,
            ImportArea::Staff,
            &file,
            &preview.mapping,
            &serde_json::json!({ "create_missing_departments": "yes" }),
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
}
