//! Reading real files through the public import entry point: the CSV fixtures in
//! tests/fixtures/import (byte-exact: encodings, BOM, CRLF) and a workbook written at test time.

use backoffice_core::domain::{codice_fiscale, iban};
use backoffice_core::import::dates::parse_date;
use backoffice_core::import::headers::suggest_mapping;
use backoffice_core::import::{read_bytes, read_file, Format, Table};
use backoffice_core::services::staff_import_fields;
use backoffice_core::services::StaffImport;
use chrono::NaiveDate;
use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(name)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The header each staff field was mapped to, by key.
fn mapping(t: &Table) -> Vec<(&'static str, &str)> {
    suggest_mapping(&t.headers, staff_import_fields())
        .into_iter()
        .zip(staff_import_fields())
        .filter_map(|(m, f)| m.map(|i| (f.key, t.headers[i].as_str())))
        .collect()
}

/// The cell of `row` under the header `title`.
fn cell<'a>(t: &'a Table, row: usize, title: &str) -> &'a str {
    let col = t.headers.iter().position(|h| h == title).unwrap();
    t.rows.get(row).and_then(|r| r.get(col)).expect("cell")
}

const IT_HEADERS: [&str; 13] = [
    "MATRICOLA",
    "COGNOME",
    "NOME",
    "CODICE FISCALE",
    "SESSO",
    "DT_NASCITA",
    "COMUNE NASCITA",
    "INDIRIZZO",
    "DATA ASSUNZIONE",
    "QUALIFICA",
    "LIVELLO",
    "CCNL",
    "IBAN",
];

/// What both Italian exports hold, whatever their encoding.
fn check_italian_export(t: &Table) {
    assert_eq!(t.headers, IT_HEADERS);
    assert_eq!(t.source.format, Format::Csv);
    assert_eq!(t.source.delimiter, Some(';'));
    assert_eq!(t.source.sheet, None);
    // Four people; the address of the first spans lines 2-3 and line 6 is ";;;;" (skipped).
    assert_eq!(t.rows.len(), 4);
    assert_eq!(t.header_line, 1);
    assert_eq!(t.line_numbers, vec![2, 4, 5, 7]);
    assert!(t.rows.iter().all(|r| r.len() == IT_HEADERS.len()));

    assert_eq!(cell(t, 0, "INDIRIZZO"), "Via Roma 1; scala B\n00184 Roma");
    assert_eq!(cell(t, 0, "MATRICOLA"), "000123");
    assert_eq!(cell(t, 1, "COGNOME"), "D'Angelo");
    assert_eq!(cell(t, 1, "NOME"), "Niccolò");
    assert_eq!(cell(t, 1, "INDIRIZZO"), "Corso Francia 10, Torino");
    assert_eq!(cell(t, 1, "IBAN"), "");
    assert_eq!(cell(t, 2, "COMUNE NASCITA"), "Perù");
    assert_eq!(cell(t, 3, "NOME"), "Laura");

    let births: Vec<_> = (0..4)
        .map(|r| parse_date(cell(t, r, "DT_NASCITA")))
        .collect();
    assert_eq!(
        births,
        [
            Some(date(1980, 1, 1)),
            Some(date(2000, 2, 29)),
            Some(date(1975, 5, 4)),
            Some(date(1985, 12, 10)),
        ]
    );
    assert_eq!(
        parse_date(cell(t, 0, "DATA ASSUNZIONE")),
        Some(date(2010, 3, 15))
    );

    // The tax codes are valid and agree with the birth dates and sexes in the same rows.
    let today = date(2026, 3, 2);
    for (r, &born) in births.iter().enumerate() {
        let cf = cell(t, r, "CODICE FISCALE");
        assert!(codice_fiscale::normalise(cf).is_some(), "{cf}");
        let sex = match cell(t, r, "SESSO") {
            "M" => codice_fiscale::Sex::M,
            _ => codice_fiscale::Sex::F,
        };
        assert_eq!(
            codice_fiscale::cross_check(cf, born, Some(sex), today),
            vec![],
            "{cf}"
        );
    }
    assert_eq!(
        iban::normalise(cell(t, 0, "IBAN")).as_deref(),
        Some("IT60X0542811101000000123456")
    );

    assert_eq!(
        mapping(t),
        vec![
            ("employee_number", "MATRICOLA"),
            ("last_name", "COGNOME"),
            ("first_name", "NOME"),
            ("tax_code", "CODICE FISCALE"),
            ("birth_date", "DT_NASCITA"),
            ("birth_place", "COMUNE NASCITA"),
            ("sex", "SESSO"),
            ("address", "INDIRIZZO"),
            ("iban", "IBAN"),
            ("job_title", "QUALIFICA"),
            ("hire_date", "DATA ASSUNZIONE"),
            ("ccnl", "CCNL"),
            ("level", "LIVELLO"),
        ]
    );
}

#[test]
fn italian_export_utf8_with_bom() {
    let t = read_file(&fixture("staff_it_semicolon_utf8_bom.csv")).unwrap();
    assert_eq!(t.source.encoding, "UTF-8");
    assert!(t.source.had_bom);
    // The BOM is not part of the first header.
    assert_eq!(t.headers[0], "MATRICOLA");
    check_italian_export(&t);
}

#[test]
fn italian_export_windows_1252() {
    let path = fixture("staff_it_semicolon_cp1252.csv");
    // The fixture really is Windows-1252 with CRLF: ò is the single byte F2.
    let bytes = std::fs::read(&path).unwrap();
    assert!(std::str::from_utf8(&bytes).is_err());
    assert!(bytes.windows(7).any(|w| w == b"Niccol\xf2"));
    assert!(bytes.windows(2).any(|w| w == b"\r\n"));
    let t = read_file(&path).unwrap();
    assert_eq!(t.source.encoding, "windows-1252");
    assert!(!t.source.had_bom);
    check_italian_export(&t);
    // Same content as the UTF-8 export.
    let utf8 = read_file(&fixture("staff_it_semicolon_utf8_bom.csv")).unwrap();
    assert_eq!((&t.headers, &t.rows), (&utf8.headers, &utf8.rows));
}

#[test]
fn english_spreadsheet_with_commas() {
    let t = read_file(&fixture("staff_en_comma.csv")).unwrap();
    assert_eq!(
        (
            t.source.format,
            t.source.delimiter,
            t.source.encoding.as_str()
        ),
        (Format::Csv, Some(','), "UTF-8")
    );
    assert!(!t.source.had_bom);
    assert_eq!(
        t.headers,
        [
            "Employee ID",
            "First Name",
            "Last Name",
            "Date of Birth",
            "Gender",
            "Email",
            "Mobile",
            "Department",
            "Job Title",
            "Start Date",
            "Contract End",
            "Status",
        ]
    );
    assert_eq!(t.rows.len(), 2);
    assert_eq!(t.line_numbers, vec![2, 3]);
    assert_eq!(cell(&t, 1, "Last Name"), "O'Brien");
    assert_eq!(cell(&t, 1, "Job Title"), "Developer, senior");
    assert_eq!(cell(&t, 0, "Contract End"), "");
    assert_eq!(
        parse_date(cell(&t, 0, "Date of Birth")),
        Some(date(1990, 4, 15))
    );
    assert_eq!(
        parse_date(cell(&t, 1, "Start Date")),
        Some(date(2020, 2, 29))
    );
    assert_eq!(
        parse_date(cell(&t, 1, "Contract End")),
        Some(date(2026, 12, 31))
    );
    assert_eq!(
        mapping(&t),
        vec![
            ("employee_number", "Employee ID"),
            ("last_name", "Last Name"),
            ("first_name", "First Name"),
            ("birth_date", "Date of Birth"),
            ("sex", "Gender"),
            ("email", "Email"),
            ("phone", "Mobile"),
            ("department", "Department"),
            ("job_title", "Job Title"),
            ("hire_date", "Start Date"),
            ("contract_end", "Contract End"),
            ("status", "Status"),
        ]
    );
}

/// A workbook as an office would keep it: an empty first sheet, a title row left blank, the
/// header on row 2, dates as real date cells, numbers as numbers, a blank row in the middle.
fn write_workbook(path: &std::path::Path) {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    book.add_worksheet().set_name("Vuoto").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("Dipendenti").unwrap();
    let italian_date = Format::new().set_num_format("dd/mm/yyyy");
    // Excel's built-in short date (number format 14), as a date typed in Excel gets.
    let builtin_date = Format::new().set_num_format_index(14);
    let headers = [
        "Matricola",
        "Cognome",
        "Nome",
        "Codice fiscale",
        "Data di nascita",
        "Data assunzione",
        "Livello",
        "Retribuzione",
        "Attivo",
    ];
    // A report's title above the column titles, as payroll programs write it.
    sheet
        .write_string(0, 0, "Elenco dipendenti al 31/12/2025")
        .unwrap();
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string(1, c as u16, *h).unwrap();
    }
    let people = [
        (
            2,
            123.0,
            "Rossi",
            "Mario",
            "RSSMRA80A01H501U",
            (1980, 1, 1),
            3.0,
            1850.5,
            true,
        ),
        (
            4,
            124.0,
            "D'Angelo",
            "Niccolò",
            "DNGNCL00B29L219W",
            (2000, 2, 29),
            4.0,
            1620.0,
            false,
        ),
    ];
    for (r, number, last, first, cf, (y, m, d), level, pay, active) in people {
        sheet.write_number(r, 0, number).unwrap();
        sheet.write_string(r, 1, last).unwrap();
        sheet.write_string(r, 2, first).unwrap();
        sheet.write_string(r, 3, cf).unwrap();
        let born = ExcelDateTime::from_ymd(y, m, d).unwrap();
        sheet
            .write_datetime_with_format(r, 4, &born, &italian_date)
            .unwrap();
        // A plain serial number in a date-formatted cell: 40252 is 15 March 2010.
        sheet
            .write_number_with_format(r, 5, 40252.0, &builtin_date)
            .unwrap();
        sheet.write_number(r, 6, level).unwrap();
        sheet.write_number(r, 7, pay).unwrap();
        sheet.write_boolean(r, 8, active).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn workbook_first_non_empty_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staff.xlsx");
    write_workbook(&path);
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK\x03\x04"));
    let t = read_file(&path).unwrap();
    assert_eq!(t.source.format, Format::Xlsx);
    assert_eq!(t.source.sheet.as_deref(), Some("Dipendenti"));
    assert_eq!(t.source.delimiter, None);
    assert_eq!(
        t.headers,
        [
            "Matricola",
            "Cognome",
            "Nome",
            "Codice fiscale",
            "Data di nascita",
            "Data assunzione",
            "Livello",
            "Retribuzione",
            "Attivo",
        ]
    );
    // Sheet rows: header on row 2, people on rows 3 and 5, row 4 blank.
    assert_eq!(t.header_line, 2);
    assert_eq!(t.line_numbers, vec![3, 5]);
    assert_eq!(
        t.rows.to_vecs(),
        vec![
            vec![
                "123",
                "Rossi",
                "Mario",
                "RSSMRA80A01H501U",
                "1980-01-01",
                "2010-03-15",
                "3",
                "1850.5",
                "TRUE"
            ],
            vec![
                "124",
                "D'Angelo",
                "Niccolò",
                "DNGNCL00B29L219W",
                "2000-02-29",
                "2010-03-15",
                "4",
                "1620",
                "FALSE"
            ],
        ]
    );
    assert_eq!(
        parse_date(cell(&t, 1, "Data di nascita")),
        Some(date(2000, 2, 29))
    );
    assert_eq!(
        mapping(&t),
        vec![
            ("employee_number", "Matricola"),
            ("last_name", "Cognome"),
            ("first_name", "Nome"),
            ("tax_code", "Codice fiscale"),
            ("birth_date", "Data di nascita"),
            ("hire_date", "Data assunzione"),
            ("level", "Livello"),
        ]
    );
}

#[test]
fn workbook_named_csv_is_still_read_as_a_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    write_workbook(&path);
    let t = read_file(&path).unwrap();
    assert_eq!(t.source.format, Format::Xlsx);
    assert_eq!(t.rows.len(), 2);
}

#[test]
fn bad_files_are_reported_not_panicked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("staff.xlsx");
    write_workbook(&path);
    // A truncated workbook.
    let bytes = std::fs::read(&path).unwrap();
    let cut = dir.path().join("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    let e = read_file(&cut).unwrap_err();
    assert_eq!(e.code, backoffice_core::ErrorCode::BadFile);
    assert_eq!(e.params["reason"], "bad_xlsx");
    assert_eq!(e.params["file"], "cut.xlsx");
    // A workbook with nothing in it.
    let empty = dir.path().join("empty.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet();
    book.save(&empty).unwrap();
    assert_eq!(read_file(&empty).unwrap_err().params["reason"], "empty");
}

#[test]
fn title_lines_above_the_header_and_totals_below_the_rows_are_left_out() {
    // A payroll report: company, title and date lines (one or two filled cells), a blank line,
    // then the column titles and the people.
    let text = "Rossi Forniture S.r.l.;;;;;\r\n\
                Elenco dipendenti;al 31/12/2025;;;;\r\n\
                ;;;;;\r\n\
                Matricola;Cognome;Nome;Codice fiscale;Data assunzione;Livello\r\n\
                000123;Rossi;Mario;RSSMRA80A01H501U;01/03/2010;3\r\n\
                000124;Bianchi;;;;\r\n\
                ;;;;;\r\n\
                ;;;;Totale;\r\n\
                Totale dipendenti: 2;;;;;\r\n";
    let t = read_bytes(text.as_bytes().to_vec(), Some("csv")).unwrap();
    assert_eq!(t.source.delimiter, Some(';'));
    assert_eq!(
        t.headers,
        [
            "Matricola",
            "Cognome",
            "Nome",
            "Codice fiscale",
            "Data assunzione",
            "Livello"
        ]
    );
    assert_eq!(t.header_line, 4);
    // The closing line of totals is left out too; a "Totale" elsewhere in a row is data.
    assert_eq!(t.line_numbers, vec![5, 6, 8]);
    assert_eq!(cell(&t, 2, "Livello"), "");
    assert_eq!(cell(&t, 2, "Data assunzione"), "Totale");
    assert_eq!(cell(&t, 0, "Cognome"), "Rossi");
    // A row with few cells filled after the header is still a row.
    assert_eq!(cell(&t, 1, "Cognome"), "Bianchi");
    assert!(mapping(&t).contains(&("tax_code", "Codice fiscale")));

    // A list of one column keeps its first line as the header.
    let t = read_bytes(b"Nome\nAnna\nBruno\n".to_vec(), Some("csv")).unwrap();
    assert_eq!(
        (t.headers.clone(), t.rows.len()),
        (vec!["Nome".to_owned()], 2)
    );
    // Only a title and a header: the header is found, with no rows.
    let t = read_bytes(b"Dipendenti\nNome;Cognome\n".to_vec(), Some("csv")).unwrap();
    assert_eq!((t.header_line, t.rows.len()), (2, 0));
}

#[test]
fn a_report_printed_page_by_page_keeps_only_its_people() {
    // Saved from a paginated payroll report: each page repeats the company and title lines and
    // the column titles, and ends with its page number; a group ends with its total.
    let text = "Rossi Forniture S.r.l.;;;;\r\n\
                Elenco dipendenti;al 31/12/2025;;;\r\n\
                Matricola;Cognome;Nome;Codice fiscale;Data assunzione\r\n\
                000123;Rossi;Mario;RSSMRA80A01H501U;01/03/2010\r\n\
                000124;Bianchi;;;\r\n\
                ;;Pagina 1 di 3;;\r\n\
                Rossi Forniture S.r.l.;;;;\r\n\
                Elenco dipendenti;al 31/12/2025;;;\r\n\
                MATRICOLA;Cognome;Nome;Codice fiscale;Data assunzione\r\n\
                000125;Verdi;Luca;;\r\n\
                Pagamento 12;;;;\r\n\
                Page 2 of 3;;;;\r\n\
                Matricola;Cognome;Nome;Codice fiscale;Data assunzione;\r\n\
                000126;Neri;;;\r\n\
                Totale reparto: 1;;;;\r\n\
                000127;Gialli;Ada;;\r\n\
                Pag. 3/3;;;;\r\n";
    let t = read_bytes(text.as_bytes().to_vec(), Some("csv")).unwrap();
    assert_eq!(t.header_line, 3);
    // The people, each at its own line; a sparse row of a person stays a row (its missing
    // cells are reported), and so does a line that only looks like a page number.
    // A group's line of totals is left out where it stands.
    assert_eq!(t.line_numbers, vec![4, 5, 10, 11, 14, 16]);
    let names: Vec<&str> = (0..t.rows.len()).map(|r| cell(&t, r, "Cognome")).collect();
    assert_eq!(names, ["Rossi", "Bianchi", "Verdi", "", "Neri", "Gialli"]);
    assert_eq!(cell(&t, 3, "Matricola"), "Pagamento 12");
    // Bianchi's row (two cells) right above a page break is not taken for a title line.
    assert_eq!(cell(&t, 1, "Matricola"), "000124");
}

#[test]
fn a_row_with_more_cells_than_the_header_is_found_and_empty_trailing_cells_are_not() {
    let t = read_bytes(
        b"a;b;c\n1;2;3;;\n1;2;3\n1;2;3;4\n1;2;3;  ;\n;;;;x\n".to_vec(),
        Some("csv"),
    )
    .unwrap();
    let wide: Vec<Option<(usize, usize)>> = t.rows.iter().map(|r| t.too_wide(r)).collect();
    assert_eq!(wide, [None, None, Some((4, 3)), None, Some((5, 3))]);
    // A header with empty titles at its end counts its titles.
    let t = read_bytes(b"a;b;c;;\n1;2;3;4\n".to_vec(), None).unwrap();
    assert_eq!(t.header_width(), 3);
    assert_eq!(t.too_wide(t.rows.get(0).unwrap()), Some((4, 3)));
}

#[test]
fn the_staff_import_reports_a_row_with_a_separator_too_many_at_its_line() {
    use crate::staff::import::write_clean_csv;
    use crate::staff::staff_app;
    use backoffice_core::domain::staff::import::ImportOptions;
    let app = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.csv");
    write_clean_csv(&path, 3, &["Magazzino"], "3");
    let text = std::fs::read_to_string(&path).unwrap();
    // Row two's e-mail gains a stray ";" (every later value moves right); row three ends with
    // two empty cells, as some programs write.
    let text = text
        .replacen("persona1@example.it;", "persona1@example.it;;", 1)
        .replacen(";3\r\n", ";3;;\r\n", 3);
    std::fs::write(&path, text).unwrap();
    let preview = app
        .app
        .preview_import(&app.ctx, &StaffImport, &path)
        .unwrap();
    let options = ImportOptions {
        create_missing_departments: true,
        capitalise_names: false,
    };
    let report = app
        .app
        .validate_import(&app.ctx, &StaffImport, &path, &preview.mapping, &options)
        .unwrap();
    assert_eq!((report.error_rows, report.to_create), (1, 2));
    let wide: Vec<_> = report
        .errors
        .iter()
        .filter(|e| e.code == "too_many_cells")
        .collect();
    assert_eq!(wide.len(), 1, "{:?}", report.errors);
    // The file's second person starts on line 4 (the first one's address spans two lines).
    assert_eq!((wide[0].line, wide[0].field.as_str()), (4, "row"));
    assert_eq!(wide[0].column, None);
    assert_eq!(
        (
            wide[0].params["cells"].as_str(),
            wide[0].params["header"].as_str()
        ),
        ("18", "17")
    );
    let e = app
        .app
        .commit_import(
            &app.ctx,
            &StaffImport,
            &path,
            &preview.mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap_err();
    assert_eq!(e.code, backoffice_core::ErrorCode::Validation);
    assert_eq!(app.count("employees"), 0);
}
