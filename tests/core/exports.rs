//! The export pipeline seen from outside: text a spreadsheet would run is neutralised in CSV and
//! comes back exactly through the import, and every export of personal data is a history event
//! (who, what, how many rows, which filter), written only for an export that completed.

use crate::staff::{mario, person, staff_app};
use crate::support::TestApp;
use backoffice_core::domain::history::HistoryQuery;
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::staff::employee::{StaffQuery, StatusFilter};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::services::StaffImport;
use backoffice_core::ErrorCode;
use serde_json::Value;
use std::path::Path;

fn everyone() -> StaffQuery {
    StaffQuery {
        status: StatusFilter::All,
        page: PageRequest {
            offset: 0,
            limit: 1,
        },
        ..StaffQuery::default()
    }
}

/// Three people whose text starts the way formulas do.
fn formula_like_staff() -> TestApp {
    let t = staff_app();
    let mut m = mario();
    m.last_name = "=Rossi".into();
    m.first_name = "+Mario".into();
    m.phone = Some("+39 333 1234567".into());
    m.address = Some("-piano terra".into());
    m.job_title = Some("@responsabile".into());
    // A text that already starts with the mark keeps it: it gets a second one in the file.
    m.birth_place = Some("'=Roma".into());
    t.app.create_employee(&t.ctx, &m).unwrap();
    let mut p = person(1);
    p.last_name = "-Bianchi".into();
    p.first_name = "@Luca".into();
    p.level = Some("=2+3".into());
    t.app.create_employee(&t.ctx, &p).unwrap();
    let mut p = person(2);
    p.last_name = "Verdi".into();
    p.ccnl = Some("'quoted'".into());
    t.app.create_employee(&t.ctx, &p).unwrap();
    t
}

/// Every employee row as text, column by column: what "byte-identical" is checked on.
fn employees_table(t: &TestApp) -> Vec<Vec<Option<String>>> {
    let c = t.raw();
    let mut stmt = c.prepare("SELECT * FROM employees ORDER BY id").unwrap();
    let n = stmt.column_count();
    stmt.query_map([], |r| {
        (0..n)
            .map(|i| {
                let v: rusqlite::types::Value = r.get(i)?;
                Ok(match v {
                    rusqlite::types::Value::Null => None,
                    rusqlite::types::Value::Integer(x) => Some(x.to_string()),
                    rusqlite::types::Value::Real(x) => Some(x.to_string()),
                    rusqlite::types::Value::Text(s) => Some(s),
                    rusqlite::types::Value::Blob(b) => Some(format!("{b:?}")),
                })
            })
            .collect()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// The export events, oldest first, as (actor, row id, payload).
fn export_events(t: &TestApp) -> Vec<(String, i64, Value)> {
    let c = t.raw();
    let mut stmt = c
        .prepare("SELECT actor, row_id, after FROM changes WHERE entity = 'exports' ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| {
        let after: String = r.get(2)?;
        Ok((r.get(0)?, r.get(1)?, serde_json::from_str(&after).unwrap()))
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

fn import_again(t: &TestApp, path: &Path) {
    let before = employees_table(t);
    let changes = t.count("changes");
    let preview = t.app.preview_import(&t.ctx, &StaffImport, path).unwrap();
    let report = t
        .app
        .validate_import(
            &t.ctx,
            &StaffImport,
            path,
            &preview.mapping,
            &ImportOptions::default(),
        )
        .unwrap();
    assert_eq!(
        (report.error_rows, report.unchanged, report.to_update),
        (0, 3, 0),
        "{:?}",
        report.errors
    );
    let outcome = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            path,
            &preview.mapping,
            &ImportOptions::default(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (0, 0, 3)
    );
    assert_eq!(employees_table(t), before, "{}", path.display());
    assert_eq!(t.count("changes"), changes, "the import wrote nothing");
}

#[test]
fn formula_like_text_is_neutralised_in_csv_and_imports_back_exactly() {
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    for language in ["it", "en"] {
        let path = dir.path().join(format!("personale-{language}.csv"));
        t.app
            .export_staff_csv(&t.ctx, &everyone(), &path, language)
            .unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let sep = if language == "it" { ';' } else { ',' };
        for cell in [
            "'=Rossi",
            "'+Mario",
            "'+39 333 1234567",
            "'-piano terra",
            "'@responsabile",
            "''=Roma",
            "'-Bianchi",
            "'@Luca",
            "'=2+3",
        ] {
            assert!(
                text.contains(&format!("{sep}{cell}{sep}")),
                "{language}: {cell} in {text}"
            );
        }
        // Text that merely contains a quote is left alone.
        assert!(text.contains(&format!("{sep}'quoted'{sep}")));
        // No cell of the file starts like a formula.
        for line in text.lines().skip(1) {
            for cell in line.split(sep) {
                assert!(
                    !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                    "{cell:?} in {line}"
                );
            }
        }
        import_again(&t, &path);
    }
    // A workbook's text cells are never formulas: written as they are, read back as they are.
    let xlsx = dir.path().join("personale.xlsx");
    t.app
        .export_staff_xlsx(&t.ctx, &everyone(), &xlsx, "it")
        .unwrap();
    let table = backoffice_core::import::read_file(&xlsx).unwrap();
    let rossi = table.rows.iter().find(|r| r.get(1) == Some("=Rossi"));
    assert_eq!(rossi.and_then(|r| r.get(5)), Some("'=Roma"));
    import_again(&t, &xlsx);
}

#[test]
fn staff_list_exports_are_recorded_with_format_rows_and_filter() {
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    let q = StaffQuery {
        search: Some("bianchi".into()),
        department_id: Some(
            t.app
                .create_department(&t.ctx, &crate::departments::input("Magazzino"))
                .unwrap()
                .id,
        ),
        ..everyone()
    };
    let bianchi = t.app.employee(&t.ctx, 2).unwrap().employee;
    let mut input = bianchi.to_input();
    input.department_id = q.department_id;
    t.app
        .update_employee(&t.ctx, bianchi.id, bianchi.version, &input)
        .unwrap();
    let csv = dir.path().join("bianchi.csv");
    assert_eq!(t.app.export_staff_csv(&t.ctx, &q, &csv, "it").unwrap(), 1);
    let xlsx = dir.path().join("tutti.xlsx");
    assert_eq!(
        t.app
            .export_staff_xlsx(&t.ctx, &everyone(), &xlsx, "en")
            .unwrap(),
        3
    );
    let events = export_events(&t);
    assert_eq!(events.len(), 2);
    let (actor, row_id, p) = &events[0];
    assert_eq!((actor.as_str(), *row_id), ("mrossi", 1));
    assert_eq!(p["event"], "export");
    assert_eq!(p["kind"], "staff_list");
    assert_eq!(p["format"], "csv");
    assert_eq!(p["rows"], 1);
    assert_eq!(p["file"], "bianchi.csv");
    assert_eq!(
        p["filter"],
        serde_json::json!({
            "search": "bianchi",
            "status": "all",
            "department_id": q.department_id,
            "department": "Magazzino"
        })
    );
    let p = &events[1].2;
    assert_eq!(
        (p["format"].as_str(), p["rows"].as_u64()),
        (Some("xlsx"), Some(3))
    );
    assert_eq!(p["filter"], serde_json::json!({ "status": "all" }));
    // Shown in history to whoever may read the administrators' area, and history verifies.
    let page = t.app.history(
        &t.ctx,
        &HistoryQuery {
            entity: Some("exports".into()),
            ..Default::default()
        },
    );
    assert_eq!(page.unwrap().total, 2);
    let report = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn a_failed_export_leaves_no_file_and_records_nothing() {
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    let nowhere = dir.path().join("missing folder").join("personale.csv");
    let changes = t.count("changes");
    let e = t
        .app
        .export_staff_csv(&t.ctx, &everyone(), &nowhere, "it")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    let e = t
        .app
        .export_history_csv(&t.ctx, &HistoryQuery::default(), &nowhere, "it")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    let e = t
        .app
        .export_employee_zip(&t.ctx, 1, &nowhere, "it")
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::DbIo);
    // The ZIP's read of the file is recorded (the data was read); no export is.
    assert_eq!(t.count("changes WHERE entity = 'exports'"), 0);
    assert_eq!(t.count("changes"), changes + 1);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_history_export_ends_with_its_own_record() {
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("storico.csv");
    let before = t.count("changes");
    let n = t
        .app
        .export_history_csv(&t.ctx, &HistoryQuery::default(), &path, "it")
        .unwrap();
    assert_eq!(n as i64, before + 1);
    assert_eq!(t.count("changes"), before + 1);
    let text = std::fs::read_to_string(&path).unwrap();
    let last = text.lines().last().unwrap();
    assert!(
        last.starts_with(&format!("{};", before + 1)) && last.contains(";exports;1;event;"),
        "{last}"
    );
    // Its rows count the record itself, the file's last line.
    let (_, _, p) = export_events(&t).pop().unwrap();
    assert_eq!(
        (p["kind"].as_str(), p["rows"].as_i64()),
        (Some("history"), Some(before + 1))
    );
    assert_eq!(p["filter"], serde_json::json!({}));
    // A filter that leaves export events out: recorded, not in the file.
    let only = dir.path().join("dipendenti.csv");
    let q = HistoryQuery {
        entity: Some("employees".into()),
        ..Default::default()
    };
    assert_eq!(
        t.app.export_history_csv(&t.ctx, &q, &only, "en").unwrap(),
        3
    );
    let (_, _, p) = export_events(&t).pop().unwrap();
    assert_eq!(p["rows"], 3);
    assert_eq!(p["filter"], serde_json::json!({ "entity": "employees" }));
    assert_eq!(std::fs::read_to_string(&only).unwrap().lines().count(), 4);
}

#[test]
fn an_employee_file_export_is_recorded_with_whose_file() {
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rossi.zip");
    t.app.export_employee_zip(&t.ctx, 1, &path, "en").unwrap();
    let (_, _, p) = export_events(&t).pop().unwrap();
    assert_eq!(p["kind"], "employee_file");
    assert_eq!(p["format"], "zip");
    assert_eq!(p["rows"], 1);
    assert_eq!(p["filter"], serde_json::json!({ "employee_id": 1 }));
    assert_eq!(p["employee"], "=Rossi +Mario");
    assert_eq!(
        (p["documents"].as_u64(), p["training"].as_u64()),
        (Some(0), Some(0))
    );
}

#[test]
fn a_document_export_is_recorded_with_its_title() {
    use backoffice_core::domain::attachment::AttachmentInput;
    let t = formula_like_staff();
    let dir = tempfile::tempdir().unwrap();
    let scan = dir.path().join("carta.pdf");
    std::fs::write(&scan, b"%PDF-1.4 carta").unwrap();
    let d = t
        .app
        .attach(
            &t.ctx,
            "employees",
            1,
            &AttachmentInput {
                type_id: Some(crate::staff::document_type(&t.app, &t.ctx, "id_card")),
                title: Some("Carta d'identità".into()),
                issued_on: None,
                expires_on: None,
            },
            &scan,
        )
        .unwrap();
    let out = dir.path().join("copia.pdf");
    t.app.export_attachment(&t.ctx, d.id, &out).unwrap();
    assert_eq!(std::fs::read(&out).unwrap(), b"%PDF-1.4 carta");
    let (_, _, p) = export_events(&t).pop().unwrap();
    assert_eq!(p["kind"], "attachment");
    assert_eq!(p["format"], "pdf");
    assert_eq!(p["title"], "Carta d'identità");
    assert_eq!(p["file"], "copia.pdf");
    assert_eq!(
        p["filter"],
        serde_json::json!({ "attachment_id": d.id, "entity": "employees", "record_id": 1 })
    );
}
