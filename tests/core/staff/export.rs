//! Exports opened and checked: the filtered list as CSV (both languages) and XLSX (real date
//! cells), read back through the import; one employee's file as a ZIP.

use crate::staff::{contract_type, date, document_type, mario, person, staff_app};
use crate::support::TestApp;
use backoffice_core::domain::attachment::{AttachmentInput, RenewalInput};
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::staff::document::TrainingInput;
use backoffice_core::domain::staff::employee::{StaffQuery, StatusFilter, TerminationInput};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::read_file;
use backoffice_core::services::StaffImport;
use std::io::Read;

/// Two departments, four people (one terminated, one without a department, one with a manager).
fn populated() -> TestApp {
    let t = staff_app();
    let amm = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Amministrazione"))
        .unwrap();
    let mag = t
        .app
        .create_department(&t.ctx, &crate::departments::input("Magazzino"))
        .unwrap();
    let fixed = contract_type(&t.app, &t.ctx, "fixed_term");
    let mut m = mario();
    m.department_id = Some(amm.id);
    m.address = Some("Via Roma 1; scala B".into());
    let rossi = t.app.create_employee(&t.ctx, &m).unwrap().employee;
    let mut p = person(1);
    p.last_name = "Bianchi".into();
    p.department_id = Some(mag.id);
    p.manager_id = Some(rossi.id);
    p.contract_type_id = Some(fixed);
    p.contract_end = Some(date(2026, 12, 31));
    t.app.create_employee(&t.ctx, &p).unwrap();
    let mut p = person(2);
    p.last_name = "Verdi".into();
    t.app.create_employee(&t.ctx, &p).unwrap();
    let mut p = person(3);
    p.last_name = "Esposito".into();
    p.department_id = Some(mag.id);
    let gone = t.app.create_employee(&t.ctx, &p).unwrap().employee;
    t.app
        .terminate_employee(
            &t.ctx,
            gone.id,
            gone.version,
            &TerminationInput {
                termination_date: Some(date(2025, 12, 31)),
                reason: Some("Dimissioni".into()),
            },
        )
        .unwrap();
    t
}

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

#[test]
fn csv_in_italian_reads_back_unchanged() {
    let t = populated();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.csv");
    // The page in the query is ignored: an export writes every matching row.
    let n = t
        .app
        .export_staff_csv(&t.ctx, &everyone(), &path, "it")
        .unwrap();
    assert_eq!(n, 4);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Matricola;Cognome;Nome;Codice fiscale;Data di nascita;"));
    assert_eq!(lines.len(), 5);
    // By name: Bianchi, Esposito, Rossi, Verdi.
    assert!(lines[1].contains(";Bianchi;"));
    assert!(lines[1].contains(";Magazzino;"));
    assert!(
        lines[1].contains(";RSSMRA80A01H501U;"),
        "manager's tax code"
    );
    assert!(lines[1].contains(";31/12/2026;"));
    assert!(lines[1].contains(";Tempo determinato;"));
    assert!(lines[2].contains(";cessato;31/12/2025;Dimissioni;"));
    assert!(lines[3].contains(";Rossi;Mario;RSSMRA80A01H501U;01/01/1980;"));
    assert!(lines[3].contains("\"Via Roma 1; scala B\""));
    assert!(lines[3].contains(";15/03/2010;"));
    // Filters apply.
    let only_mag = StaffQuery {
        department_id: Some(2),
        ..everyone()
    };
    let filtered = dir.path().join("magazzino.csv");
    assert_eq!(
        t.app
            .export_staff_csv(&t.ctx, &only_mag, &filtered, "it")
            .unwrap(),
        2
    );
    // Read back through the import: every column mapped (surname and name apart, so the
    // one-column field stays unmapped), every row unchanged.
    let preview = t.app.preview_import(&t.ctx, &StaffImport, &path).unwrap();
    assert_eq!(preview.mapping.len(), preview.fields.len() - 1);
    assert!(!preview.mapping.contains_key("full_name"));
    let report = t
        .app
        .validate_import(
            &t.ctx,
            &StaffImport,
            &path,
            &preview.mapping,
            &ImportOptions::default(),
        )
        .unwrap();
    assert_eq!(
        (report.error_rows, report.unchanged),
        (0, 4),
        "{:?}",
        report.errors
    );
}

#[test]
fn csv_in_english_uses_commas() {
    let t = populated();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staff.csv");
    t.app
        .export_staff_csv(
            &t.ctx,
            &StaffQuery {
                status: StatusFilter::Active,
                ..everyone()
            },
            &path,
            "en",
        )
        .unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert!(lines[0].starts_with("Employee number,Last name,First name,Tax code,Birth date,"));
    assert_eq!(lines.len(), 4);
    assert!(lines[1].contains(",Fixed-term,31/12/2026,"));
    assert!(lines[2].contains(",active,"));
}

#[test]
fn xlsx_has_real_dates_and_reads_back() {
    use calamine::{Data, Reader, Xlsx};
    let t = populated();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.xlsx");
    let n = t
        .app
        .export_staff_xlsx(&t.ctx, &everyone(), &path, "it")
        .unwrap();
    assert_eq!(n, 4);
    let mut book: Xlsx<_> = calamine::open_workbook(&path).unwrap();
    let sheet = book.worksheet_range("Personale").unwrap();
    // Columns found by their titles, so a field added later does not move what is checked.
    let column = |title: &str| {
        (0..sheet.width())
            .find(|&c| sheet.get((0, c)) == Some(&Data::String(title.into())))
            .unwrap_or_else(|| panic!("no column {title}"))
    };
    let (birth, hired, score) = (
        column("Data di nascita"),
        column("Data assunzione"),
        column("Completezza"),
    );
    assert_eq!(column("Cognome"), 1);
    assert_eq!(sheet.get((3, 1)), Some(&Data::String("Rossi".into())));
    // Birth date and hire date are date cells, the score a number.
    assert!(
        matches!(sheet.get((3, birth)), Some(Data::DateTime(_))),
        "{:?}",
        sheet.get((3, birth))
    );
    assert!(matches!(sheet.get((3, hired)), Some(Data::DateTime(_))));
    assert!(matches!(sheet.get((3, score)), Some(Data::Float(_))));
    // Through the import reader, the dates come back as dates.
    let table = read_file(&path).unwrap();
    assert_eq!(table.rows.len(), 4);
    assert_eq!(
        table.rows.get(2).and_then(|r| r.get(birth)),
        Some("1980-01-01")
    );
    assert_eq!(
        table.rows.get(2).and_then(|r| r.get(hired)),
        Some("2010-03-15")
    );
    let preview = t.app.preview_import(&t.ctx, &StaffImport, &path).unwrap();
    let report = t
        .app
        .validate_import(
            &t.ctx,
            &StaffImport,
            &path,
            &preview.mapping,
            &ImportOptions::default(),
        )
        .unwrap();
    assert_eq!(
        (report.error_rows, report.unchanged),
        (0, 4),
        "{:?}",
        report.errors
    );
    // English sheet name.
    let en = dir.path().join("staff.xlsx");
    t.app
        .export_staff_xlsx(&t.ctx, &everyone(), &en, "en")
        .unwrap();
    let book: Xlsx<_> = calamine::open_workbook(&en).unwrap();
    assert_eq!(book.sheet_names(), ["Staff"]);
}

#[test]
fn employee_zip_holds_data_documents_training_and_history() {
    let t = populated();
    let dir = tempfile::tempdir().unwrap();
    let rossi = 1;
    let id_card = document_type(&t.app, &t.ctx, "id_card");
    let old = dir.path().join("ci vecchia.pdf");
    std::fs::write(&old, b"%PDF-1.4 vecchia").unwrap();
    let d = t
        .app
        .attach(
            &t.ctx,
            "employees",
            rossi,
            &AttachmentInput {
                type_id: Some(id_card),
                title: None,
                issued_on: Some(date(2015, 5, 1)),
                expires_on: None,
            },
            &old,
        )
        .unwrap();
    let new = dir.path().join("ci nuova.pdf");
    std::fs::write(&new, b"%PDF-1.4 nuova").unwrap();
    t.app
        .renew_attachment(
            &t.ctx,
            d.id,
            d.version,
            &RenewalInput {
                issued_on: Some(date(2025, 5, 1)),
                ..Default::default()
            },
            &new,
        )
        .unwrap();
    t.app
        .add_training(
            &t.ctx,
            rossi,
            &TrainingInput {
                course_id: crate::staff::course(&t.app, &t.ctx, "first_aid"),
                completed_on: Some(date(2024, 10, 10)),
                provider: Some("Croce Rossa".into()),
                certificate_document_id: None,
                notes: None,
            },
        )
        .unwrap();
    let path = dir.path().join("rossi.zip");
    let reads = t.count("changes WHERE entity = 'employees' AND op = 'read'");
    let summary = t
        .app
        .export_employee_zip(&t.ctx, rossi, &path, "it")
        .unwrap();
    assert_eq!((summary.documents, summary.training), (2, 1));
    assert_eq!(
        t.count("changes WHERE entity = 'employees' AND op = 'read'"),
        reads + 1
    );
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
    let mut names: Vec<String> = zip.file_names().map(|n| n.unwrap().to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "documents/2-ci nuova.pdf",
            "documents/previous/1-ci vecchia.pdf",
            "employee.json",
            "history.json",
            "summary.txt",
        ]
    );
    let read = |zip: &mut zip::ZipArchive<std::fs::File>, name: &str| {
        let mut entry = zip.by_name(name).unwrap();
        assert_eq!(entry.compression(), zip::CompressionMethod::Deflated);
        let mut buf = Vec::new();
        entry.read_to_end(&mut buf).unwrap();
        buf
    };
    assert_eq!(
        read(&mut zip, "documents/2-ci nuova.pdf"),
        b"%PDF-1.4 nuova"
    );
    assert_eq!(
        read(&mut zip, "documents/previous/1-ci vecchia.pdf"),
        b"%PDF-1.4 vecchia"
    );
    let data: serde_json::Value = serde_json::from_slice(&read(&mut zip, "employee.json")).unwrap();
    assert_eq!(data["kind"], "backoffice-employee-file");
    assert_eq!(data["file"]["employee"]["tax_code"], "RSSMRA80A01H501U");
    assert_eq!(data["file"]["department"], "Amministrazione");
    assert_eq!(data["file"]["documents"].as_array().unwrap().len(), 2);
    assert_eq!(data["file"]["training"][0]["expires_on"], "2027-10-10");
    assert!(data["file"]["completeness"]["score"].is_number());
    let history: serde_json::Value =
        serde_json::from_slice(&read(&mut zip, "history.json")).unwrap();
    let ops: Vec<(String, String)> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["entity"].as_str().unwrap().to_owned(),
                c["op"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(ops[0], ("employees".into(), "insert".into()));
    assert!(ops.contains(&("attachments".into(), "insert".into())));
    assert!(ops.contains(&("attachments".into(), "update".into())));
    assert!(ops.contains(&("training_records".into(), "insert".into())));
    assert_eq!(ops.last().unwrap(), &("employees".into(), "read".into()));
    let text = String::from_utf8(read(&mut zip, "summary.txt")).unwrap();
    assert!(text.starts_with("Fascicolo del dipendente: Rossi Mario\n"));
    assert!(text.contains("Codice fiscale: RSSMRA80A01H501U"));
    assert!(text.contains("Data assunzione: 15/03/2010"));
    assert!(text.contains("versione precedente"));
    // No temporary file left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty());
    // English.
    let en = dir.path().join("rossi-en.zip");
    t.app.export_employee_zip(&t.ctx, rossi, &en, "en").unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&en).unwrap()).unwrap();
    let text = String::from_utf8(read(&mut zip, "summary.txt")).unwrap();
    assert!(text.starts_with("Employee file: Rossi Mario\n"));
}
