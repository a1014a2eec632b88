//! Staff import end to end on real files: the Italian exports in tests/fixtures/import, a file
//! with ten bad rows (each reported at its line and column, nothing imported), a clean
//! 10,000-row file generated here, re-imports that update instead of duplicating, cancelling.

use crate::staff::{date, person, staff_app, tax_code_for};
use crate::support::TestApp;
use backoffice_core::domain::page::PageRequest;
use backoffice_core::domain::staff::employee::{EmployeeStatus, StaffQuery, StatusFilter};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::ImportReport;
use backoffice_core::services::StaffImport;
use backoffice_core::ErrorCode;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

/// The mapping the preview suggests, as the person would confirm it.
fn suggested(t: &TestApp, path: &Path) -> BTreeMap<String, usize> {
    t.app
        .preview_import(&t.ctx, &StaffImport, path)
        .unwrap()
        .mapping
}

fn validate(t: &TestApp, path: &Path, create: bool) -> ImportReport {
    t.app
        .validate_import(
            &t.ctx,
            &StaffImport,
            path,
            &suggested(t, path),
            &ImportOptions {
                create_missing_departments: create,
                capitalise_names: false,
            },
        )
        .unwrap()
}

fn commit(
    t: &TestApp,
    path: &Path,
    create: bool,
) -> backoffice_core::Result<backoffice_core::import::ImportOutcome> {
    t.app.commit_import(
        &t.ctx,
        &StaffImport,
        path,
        &suggested(t, path),
        &ImportOptions {
            create_missing_departments: create,
            capitalise_names: false,
        },
        &mut |_, _| true,
    )
}

fn all_staff() -> StaffQuery {
    StaffQuery {
        status: StatusFilter::All,
        page: PageRequest {
            offset: 0,
            limit: 500,
        },
        ..StaffQuery::default()
    }
}

fn verify_ok(t: &TestApp) {
    let r = t.app.verify_history(&t.ctx, &mut |_| true).unwrap();
    assert!(r.ok, "{:?}", r.problem);
}

#[test]
fn preview_reads_the_italian_export_and_suggests_the_mapping() {
    let t = staff_app();
    let p = t
        .app
        .preview_import(
            &t.ctx,
            &StaffImport,
            &fixture("staff_it_semicolon_cp1252.csv"),
        )
        .unwrap();
    assert_eq!(p.file_name, "staff_it_semicolon_cp1252.csv");
    assert_eq!(
        (
            p.source.format.as_str(),
            p.source.delimiter.as_deref(),
            p.source.encoding.as_str()
        ),
        ("csv", Some(";"), "windows-1252")
    );
    assert_eq!(p.total_rows, 4);
    assert_eq!(p.lines, [2, 4, 5, 7]);
    assert_eq!(p.rows[1][2], "Niccolò");
    let mapped: Vec<(&str, &str)> = p
        .mapping
        .iter()
        .map(|(k, &c)| (k.as_str(), p.headers[c].as_str()))
        .collect();
    assert!(mapped.contains(&("tax_code", "CODICE FISCALE")));
    assert!(mapped.contains(&("hire_date", "DATA ASSUNZIONE")));
    let required: Vec<_> = p
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(
        required,
        ["last_name", "first_name", "tax_code", "hire_date"]
    );
    // The English sheet has no tax codes: the mapping cannot be confirmed.
    let en = fixture("staff_en_comma.csv");
    let e = t
        .app
        .validate_import(
            &t.ctx,
            &StaffImport,
            &en,
            &suggested(&t, &en),
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(
        (e.fields[0].field.as_str(), e.fields[0].code.as_str()),
        ("mapping.tax_code", "required")
    );
    let mut bad = suggested(&t, &en);
    bad.insert("tax_code".into(), 99);
    bad.insert("salary".into(), 1);
    let e = t
        .app
        .validate_import(&t.ctx, &StaffImport, &en, &bad, &ImportOptions::default())
        .unwrap_err();
    let codes: Vec<_> = e.fields.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(codes, ["unknown_field", "bad_column"]);
}

#[test]
fn italian_exports_import_then_reimport_changes_nothing() {
    let t = staff_app();
    let cp1252 = fixture("staff_it_semicolon_cp1252.csv");
    let report = validate(&t, &cp1252, false);
    assert_eq!(
        (
            report.rows,
            report.to_create,
            report.to_update,
            report.error_rows
        ),
        (4, 4, 0, 0),
        "{report:?}"
    );
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    let changes = t.count("changes");
    let outcome = commit(&t, &cp1252, false).unwrap();
    assert_eq!((outcome.created, outcome.updated), (4, 0));
    let page = t.app.list_staff(&t.ctx, &all_staff()).unwrap();
    assert_eq!(page.total, 4);
    let niccolo = page
        .items
        .iter()
        .find(|r| r.tax_code == "DNGNCL00B29L219W")
        .unwrap();
    assert_eq!(
        (niccolo.first_name.as_str(), niccolo.last_name.as_str()),
        ("Niccolò", "D'Angelo")
    );
    assert_eq!(niccolo.employee_number.as_deref(), Some("000124"));
    assert_eq!(niccolo.hire_date, date(2021, 9, 1));
    let rossi = page
        .items
        .iter()
        .find(|r| r.tax_code == "RSSMRA80A01H501U")
        .unwrap();
    let file = t.app.employee(&t.ctx, rossi.id).unwrap().employee;
    assert_eq!(
        file.address.as_deref(),
        Some("Via Roma 1; scala B 00184 Roma")
    );
    assert_eq!(file.iban.as_deref(), Some("IT60X0542811101000000123456"));
    assert_eq!(file.birth_date, Some(date(1980, 1, 1)));
    assert_eq!(file.job_title.as_deref(), Some("Impiegato"));
    assert!(file.completeness > 0);
    // One insert per employee in history.
    assert_eq!(
        t.count("changes WHERE entity = 'employees' AND op = 'insert'"),
        4
    );
    assert!(t.count("changes") > changes);

    // The same people exported as UTF-8 with a BOM: matched on the tax code, nothing to do.
    let utf8 = fixture("staff_it_semicolon_utf8_bom.csv");
    let report = validate(&t, &utf8, false);
    assert_eq!(
        (report.to_create, report.to_update, report.unchanged),
        (0, 0, 4)
    );
    let changes = t.count("changes");
    let outcome = commit(&t, &utf8, false).unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (0, 0, 4)
    );
    assert_eq!(t.count("changes"), changes);
    assert_eq!(t.count("employees"), 4);
    verify_ok(&t);
}

#[test]
fn ten_bad_rows_each_reported_and_nothing_imported() {
    let t = staff_app();
    for name in ["Amministrazione", "Magazzino"] {
        t.app
            .create_department(&t.ctx, &crate::departments::input(name))
            .unwrap();
    }
    let path = fixture("staff_10_errors.csv");
    let report = validate(&t, &path, false);
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
            (3, Some("Cognome"), "last_name", "required"),
            (
                4,
                Some("Codice fiscale"),
                "tax_code",
                "invalid_tax_code_check"
            ),
            (5, Some("Data di nascita"), "birth_date", "invalid_date"),
            (6, Some("IBAN"), "iban", "invalid_iban"),
            (7, Some("Email"), "email", "invalid_email"),
            (8, Some("Reparto"), "department_id", "unknown_department"),
            (
                9,
                Some("Data fine contratto"),
                "contract_end",
                "contract_end_required"
            ),
            (
                10,
                Some("Data fine contratto"),
                "contract_end",
                "end_before_start"
            ),
            (11, Some("Sesso"), "sex", "invalid_sex"),
            (12, Some("Codice fiscale"), "tax_code", "duplicate_in_file"),
        ]
    );
    assert_eq!(report.errors[2].params["value"], "31/02/1979");
    assert_eq!(report.errors[9].params["line"], "2");
    assert_eq!(report.unknown_values("department"), ["Logistica"]);
    assert_eq!(
        (report.rows, report.error_rows, report.to_create),
        (13, 10, 3)
    );

    let changes = t.count("changes");
    let e = commit(&t, &path, false).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.params["error_rows"], "10");
    assert_eq!(t.count("employees"), 0);
    assert_eq!(t.count("changes"), changes);
    // Creating the missing department removes one error, not the others.
    let report = validate(&t, &path, true);
    assert_eq!(report.error_rows, 9);
    assert!(commit(&t, &path, true).is_err());
    assert_eq!(t.count("departments"), 2);
    assert_eq!(t.count("employees"), 0);
}

/// Writes a semicolon CSV of `n` clean rows, Italian headers and dates, into `path`.
pub fn write_clean_csv(path: &Path, n: usize, departments: &[&str], level: &str) {
    let mut out = String::from(
        "Matricola;Cognome;Nome;Codice fiscale;Sesso;Data di nascita;Email;Telefono;Indirizzo;IBAN;Reparto;Mansione;Tipo contratto;Data assunzione;Data fine contratto;CCNL;Livello\r\n",
    );
    for i in 0..n {
        let p = person(i);
        let born = p.birth_date.unwrap();
        let (contract, end) = if i % 4 == 0 {
            ("Tempo determinato", "31/12/2027")
        } else {
            ("Tempo indeterminato", "")
        };
        out.push_str(&format!(
            "{};{};{};{};M;{};{};{};\"Via Roma {i}\nRoma\";{};{};Impiegato;{contract};{};{end};Commercio;{level}\r\n",
            p.employee_number.unwrap(),
            p.last_name,
            p.first_name,
            p.tax_code,
            born.format("%d/%m/%Y"),
            p.email.unwrap(),
            p.phone.unwrap(),
            p.iban.unwrap(),
            departments[i % departments.len()],
            date(2015 + (i % 10) as i32, 1 + (i % 12) as u32, 1).format("%d/%m/%Y"),
        ));
    }
    std::fs::write(path, out).unwrap();
}

#[test]
fn ten_thousand_clean_rows_import_in_one_go_and_reimport_updates() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dipendenti.csv");
    const N: usize = 10_000;
    write_clean_csv(&path, N, &["Amministrazione", "Magazzino", "Vendite"], "3");
    let started = std::time::Instant::now();
    let report = validate(&t, &path, true);
    let validated = started.elapsed();
    assert!(
        report.ok(),
        "{:?}",
        &report.errors[..report.errors.len().min(5)]
    );
    assert_eq!(
        (report.to_create, report.unknown_values("department").len()),
        (N, 3)
    );
    let started = std::time::Instant::now();
    let mut calls = 0;
    let mut last = (0, 0);
    let outcome = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &path,
            &suggested(&t, &path),
            &ImportOptions {
                create_missing_departments: true,
                capitalise_names: false,
            },
            &mut |done, total| {
                calls += 1;
                last = (done, total);
                true
            },
        )
        .unwrap();
    let committed = started.elapsed();
    println!("10,000 rows: validated in {validated:?}, imported in {committed:?}");
    assert_eq!((outcome.created, outcome.created_for("department")), (N, 3));
    assert_eq!(last, (N, N));
    assert!(calls > 10);
    assert_eq!(t.count("employees"), N as i64);
    assert_eq!(
        t.count("changes WHERE entity = 'employees' AND op = 'insert'"),
        N as i64
    );
    let page = t.app.list_staff(&t.ctx, &StaffQuery::default()).unwrap();
    assert_eq!(page.total, N as i64);
    assert!(page.items.iter().all(|r| r.department.is_some()));

    // The same file again: nothing to write.
    let changes = t.count("changes");
    let outcome = commit(&t, &path, false).unwrap();
    assert_eq!(
        (outcome.created, outcome.updated, outcome.unchanged),
        (0, 0, N)
    );
    assert_eq!(t.count("changes"), changes);
    // A new version of the file with a new level for everyone: updates, no duplicates.
    write_clean_csv(&path, N, &["Amministrazione", "Magazzino", "Vendite"], "4");
    let report = validate(&t, &path, false);
    assert_eq!((report.to_create, report.to_update), (0, N));
    let started = std::time::Instant::now();
    let outcome = commit(&t, &path, false).unwrap();
    println!(
        "10,000 rows re-imported as updates in {:?}",
        started.elapsed()
    );
    assert_eq!(outcome.updated, N);
    assert_eq!(t.count("employees"), N as i64);
    assert_eq!(t.count("employees WHERE level = '4'"), N as i64);
    assert_eq!(
        t.count("changes WHERE entity = 'employees' AND op = 'update'"),
        N as i64
    );
    crate::search::assert_search_index_whole(&t.raw());
    verify_ok(&t);
}

#[test]
fn a_cancelled_import_leaves_nothing() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dipendenti.csv");
    write_clean_csv(&path, 500, &["Nuovo reparto"], "3");
    let changes = t.count("changes");
    let e = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &path,
            &suggested(&t, &path),
            &ImportOptions {
                create_missing_departments: true,
                capitalise_names: false,
            },
            &mut |done, total| done < total / 2,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    assert_eq!(t.count("employees"), 0);
    assert_eq!(t.count("departments"), 0);
    assert_eq!(t.count("changes"), changes);
}

#[test]
fn partial_reimport_keeps_what_the_file_lacks_and_sets_status_and_managers() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let first = dir.path().join("a.csv");
    let boss = tax_code_for(7, date(1970, 1, 1));
    let worker = tax_code_for(8, date(1990, 1, 1));
    std::fs::write(
        &first,
        format!(
            "Cognome,Nome,Codice fiscale,Data assunzione,IBAN,Responsabile\n\
             Capo,Carla,{boss},2001-02-03,IT60X0542811101000000123456,\n\
             Operaio,Otto,{worker},2020-05-06,,{boss}\n"
        ),
    )
    .unwrap();
    let outcome = commit(&t, &first, false).unwrap();
    assert_eq!(outcome.created, 2);
    let rows = t.app.list_staff(&t.ctx, &all_staff()).unwrap().items;
    let boss_id = rows.iter().find(|r| r.tax_code == boss).unwrap().id;
    let worker_id = rows.iter().find(|r| r.tax_code == worker).unwrap().id;
    let w = t.app.employee(&t.ctx, worker_id).unwrap();
    assert_eq!(w.employee.manager_id, Some(boss_id));
    assert_eq!(w.manager.as_deref(), Some("Capo Carla"));
    // A later file with fewer columns: the IBAN stays; a status ends the employment.
    let second = dir.path().join("b.csv");
    std::fs::write(
        &second,
        format!(
            "Cognome;Nome;Codice fiscale;Data assunzione;Stato;Data cessazione\n\
             Capo;Carla;{boss};03/02/2001;Cessato;30/06/2025\n\
             Operaio;Otto;{worker};06/05/2020;Attivo;\n"
        ),
    )
    .unwrap();
    let report = validate(&t, &second, false);
    assert_eq!((report.to_update, report.unchanged), (1, 1), "{report:?}");
    commit(&t, &second, false).unwrap();
    let b = t.app.employee(&t.ctx, boss_id).unwrap().employee;
    assert_eq!(b.status, EmployeeStatus::Terminated);
    assert_eq!(b.termination_date, Some(date(2025, 6, 30)));
    assert_eq!(b.iban.as_deref(), Some("IT60X0542811101000000123456"));
    // Terminated without a date: reported at the status column.
    let third = dir.path().join("c.csv");
    std::fs::write(
        &third,
        format!("Cognome;Nome;Codice fiscale;Data assunzione;Stato\nOperaio;Otto;{worker};06/05/2020;cessato\n"),
    )
    .unwrap();
    let report = validate(&t, &third, false);
    let e = &report.errors[0];
    assert_eq!(
        (e.line, e.column.as_deref(), e.code.as_str()),
        (2, Some("Stato"), "termination_date_required")
    );
    verify_ok(&t);
}

#[test]
fn workbooks_import_too() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    for (c, h) in [
        "Matricola",
        "Cognome",
        "Nome",
        "Codice fiscale",
        "Data assunzione",
        "Tipo contratto",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_number(1, 0, 123.0).unwrap();
    sheet.write_string(1, 1, "Rossi").unwrap();
    sheet.write_string(1, 2, "Mario").unwrap();
    sheet.write_string(1, 3, "RSSMRA80A01H501U").unwrap();
    sheet
        .write_datetime_with_format(
            1,
            4,
            ExcelDateTime::from_ymd(2010, 3, 15).unwrap(),
            &date_format,
        )
        .unwrap();
    sheet.write_string(1, 5, "Permanent").unwrap();
    book.save(&path).unwrap();
    let outcome = commit(&t, &path, false).unwrap();
    assert_eq!(outcome.created, 1);
    let row = &t.app.list_staff(&t.ctx, &all_staff()).unwrap().items[0];
    assert_eq!(row.employee_number.as_deref(), Some("123"));
    assert_eq!(row.hire_date, date(2010, 3, 15));
    assert!(row.contract_type_id.is_some());
}

#[test]
fn surname_and_name_in_one_column_are_split_by_the_tax_code() {
    let t = crate::staff::staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nominativi.csv");
    let cf = |first15: &str| {
        format!(
            "{first15}{}",
            backoffice_core::domain::codice_fiscale::check_char(first15).unwrap()
        )
    };
    let grazia = cf("DLCMGR75C41F205");
    let write = |rows: &[(&str, &str)]| {
        let mut text = String::from("Nominativo;Codice fiscale;Data assunzione\r\n");
        for (name, code) in rows {
            text.push_str(&format!("{name};{code};01/03/2010\r\n"));
        }
        std::fs::write(&path, text).unwrap();
    };
    // A name that fits no split of its tax code is reported; nothing is imported.
    write(&[
        ("ROSSI MARIO", "RSSMRA80A01H501U"),
        ("BIANCHI MARIO", &cf("VRDMRA80A01H501")),
    ]);
    let preview = t.app.preview_import(&t.ctx, &StaffImport, &path).unwrap();
    assert_eq!(preview.mapping.get("full_name"), Some(&0));
    assert!(!preview.mapping.contains_key("last_name"));
    let required: Vec<&str> = preview
        .fields
        .iter()
        .filter(|f| f.required)
        .map(|f| f.key.as_str())
        .collect();
    assert_eq!(required, ["tax_code", "hire_date"]);
    let report = validate(&t, &path, false);
    let problems: Vec<(usize, &str, &str)> = report
        .errors
        .iter()
        .map(|e| (e.line, e.field.as_str(), e.code.as_str()))
        .collect();
    assert_eq!(problems, [(3, "full_name", "name_split")]);
    assert!(commit(&t, &path, false).is_err());
    assert_eq!(t.count("employees"), 0);

    // Either order, two-word surnames and two first names.
    write(&[
        ("ROSSI MARIO", "RSSMRA80A01H501U"),
        ("Maria Grazia De Luca", &grazia),
    ]);
    let outcome = commit(&t, &path, false).unwrap();
    assert_eq!(outcome.created, 2);
    let names: Vec<(String, String)> = t
        .raw()
        .prepare("SELECT last_name, first_name FROM employees ORDER BY id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(
        names,
        [
            ("ROSSI".to_owned(), "MARIO".to_owned()),
            ("De Luca".to_owned(), "Maria Grazia".to_owned())
        ]
    );
    // Without the column, surname and name are needed again.
    let mut mapping = suggested(&t, &path);
    mapping.remove("full_name");
    let e = t
        .app
        .validate_import(
            &t.ctx,
            &StaffImport,
            &path,
            &mapping,
            &ImportOptions::default(),
        )
        .unwrap_err();
    assert!(
        e.fields.iter().any(|f| f.field == "mapping.last_name"),
        "{e:?}"
    );
    verify_ok(&t);
}

#[test]
fn names_in_capitals_get_capital_initials_when_asked() {
    let t = crate::staff::staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("maiuscolo.csv");
    std::fs::write(
        &path,
        "Cognome;Nome;Codice fiscale;Luogo di nascita;Data assunzione\r\n\
         DELL'ACQUA;MARIO;DLLMRA80A01H501E;SAN DONÀ DI PIAVE;01/03/2010\r\n\
         McDonald;Anna;MCDNNA80A41Z114P;Londra;01/03/2010\r\n",
    )
    .unwrap();
    let import = |capitalise_names: bool| {
        let options = ImportOptions {
            create_missing_departments: false,
            capitalise_names,
        };
        t.app
            .commit_import(
                &t.ctx,
                &StaffImport,
                &path,
                &suggested(&t, &path),
                &options,
                &mut |_, _| true,
            )
            .unwrap()
    };
    let people = || -> Vec<(String, String, String)> {
        t.raw()
            .prepare("SELECT last_name, first_name, birth_place FROM employees ORDER BY id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    };
    let row = |a: &str, b: &str, c: &str| (a.to_owned(), b.to_owned(), c.to_owned());
    // Left as the file has them, then asked: capitals become capital initials, a name written
    // with lower case ("McDonald") stays as it is.
    assert_eq!(import(false).created, 2);
    assert_eq!(people()[0], row("DELL'ACQUA", "MARIO", "SAN DONÀ DI PIAVE"));
    let outcome = import(true);
    assert_eq!((outcome.updated, outcome.unchanged), (1, 1));
    assert_eq!(
        people(),
        [
            row("Dell'Acqua", "Mario", "San Donà Di Piave"),
            row("McDonald", "Anna", "Londra")
        ]
    );
}

/// A field added after the first release (the private e-mail) is read by its Italian title,
/// checked like the work address, stored with history and written by the list export.
#[test]
fn a_private_email_column_is_read_checked_and_exported() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dipendenti.csv");
    let cf = |n| tax_code_for(n, date(1980, 1, 1));
    let rows = format!(
        "Cognome;Nome;Codice fiscale;Data di nascita;Data assunzione;Email personale\n\
         Rossi;Anna;{};01/01/1980;01/03/2020;anna.rossi@casa.it\n\
         Bianchi;Luca;{};01/01/1980;01/03/2020;luca@\n",
        cf(1),
        cf(2)
    );
    std::fs::write(&path, &rows).unwrap();
    let errors: Vec<_> = validate(&t, &path, false)
        .errors
        .iter()
        .map(|e| (e.line, e.column.clone(), e.field.clone(), e.code.clone()))
        .collect();
    assert_eq!(
        errors,
        [(
            3,
            Some("Email personale".to_owned()),
            "private_email".to_owned(),
            "invalid_email".to_owned()
        )]
    );

    std::fs::write(&path, rows.replace("luca@", "luca.bianchi@casa.it")).unwrap();
    commit(&t, &path, false).unwrap();
    let list = t.app.list_staff(&t.ctx, &all_staff()).unwrap();
    let anna = list.items.iter().find(|r| r.first_name == "Anna").unwrap();
    let file = t.app.employee(&t.ctx, anna.id).unwrap();
    assert_eq!(
        file.employee.private_email.as_deref(),
        Some("anna.rossi@casa.it")
    );
    verify_ok(&t);

    let out = dir.path().join("staff.csv");
    t.app
        .export_staff_csv(&t.ctx, &all_staff(), &out, "it")
        .unwrap();
    let text = std::fs::read_to_string(&out).unwrap();
    let header = text.lines().next().unwrap();
    assert!(header.contains("Email personale"), "{header}");
    assert!(text.contains("anna.rossi@casa.it"), "{text}");
}
