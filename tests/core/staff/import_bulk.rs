//! Staff imports large enough for the bulk path: 10,000 new rows or more into a smaller table, so
//! the employee indexes are dropped inside the transaction and built again at the end, while the
//! rows are checked on a second thread and reach the writer in batches. Every test first puts a
//! small staff on file through the ordinary path, so matching on tax codes, managers already on
//! file and the rollback of dropped indexes all meet real rows.
//!
//! - bad rows before and after row 10,000: every one reported at its line with its field and
//!   code, nothing written, every index back; the same file corrected then imports;
//! - managers (on file, later in the file, by employee number) and terminations named in the
//!   file, updates of people already on file: all applied, history verifying, indexes rebuilt;
//! - a tax code twice in the file, or a person on file named twice: reported, nothing written;
//! - loops of managers near the end of the file (two new people, and a loop through a person on
//!   file): every row in them reported, nothing written; a deep chain is no loop;
//! - a job cancelled while the indexes are dropped, or at its very last step: nothing written;
//! - the first import into an empty staff list (indexes dropped before its first row): a bad row
//!   early or last, or a cancel, writes nothing; the corrected file imports whole.
//!
//! The rows come from a small seeded generator below (valid codici fiscali and IBANs, Italian
//! names with apostrophes and accents, now and then an address over two lines).

use crate::staff::date;
use crate::support::stepping_clock;
use backoffice_core::domain::codice_fiscale::check_char;
use backoffice_core::domain::iban;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::search::{GlobalSearchQuery, HitKind, SearchHit};
use backoffice_core::domain::staff::employee::TerminationInput;
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::{ImportOutcome, ImportReport};
use backoffice_core::jobs::Jobs;
use backoffice_core::services::StaffImport;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::staff::employees::REBUILD_INDEXES_FROM;
use backoffice_core::ErrorCode;
use chrono::{Datelike, Duration, NaiveDate};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::{mpsc, Arc};

// ---------------------------------------------------------------------------------------------
// Rows

/// SplitMix64: deterministic for a seed, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const HEADER: [&str; 20] = [
    "Matricola",
    "Cognome",
    "Nome",
    "Codice fiscale",
    "Sesso",
    "Data di nascita",
    "Luogo di nascita",
    "Email",
    "Telefono",
    "Indirizzo",
    "IBAN",
    "Reparto",
    "Mansione",
    "Responsabile",
    "Tipo contratto",
    "Data assunzione",
    "Data fine contratto",
    "CCNL",
    "Livello",
    "Stato",
];
const NUMBER: usize = 0;
const LAST: usize = 1;
const FIRST: usize = 2;
const TAX: usize = 3;
const BORN: usize = 5;
const EMAIL: usize = 7;
const IBAN: usize = 10;
const DEPT: usize = 11;
const MANAGER: usize = 13;
const CONTRACT: usize = 14;
const HIRED: usize = 15;
const END: usize = 16;
const LEVEL: usize = 18;
const STATUS: usize = 19;

const MEN: &[&str] = &[
    "Marco",
    "Luca",
    "Giuseppe",
    "Niccolò",
    "Andrea",
    "Francesco",
    "Matteo",
    "Lorenzo",
    "Davide",
    "Salvatore",
    "Gian Maria",
];
const WOMEN: &[&str] = &[
    "Giulia",
    "Chiara",
    "Francesca",
    "Sara",
    "Martina",
    "Elena",
    "Valentina",
    "Ilaria",
    "Lucrezia",
    "Maria Grazia",
];
const SURNAMES: &[&str] = &[
    "Rossi",
    "Russo",
    "Ferrari",
    "Esposito",
    "Bianchi",
    "Romano",
    "Colombo",
    "Ricci",
    "De Luca",
    "D'Angelo",
    "D'Amico",
    "Dell'Acqua",
    "Santoro",
    "Sanna",
    "Piras",
    "Fabbri",
];
/// Birth places with their cadastral codes.
const PLACES: &[(&str, &str)] = &[
    ("Roma", "H501"),
    ("Milano", "F205"),
    ("Napoli", "F839"),
    ("Torino", "L219"),
    ("Bologna", "A944"),
    ("Firenze", "D612"),
    ("Bari", "A662"),
    ("Cagliari", "B354"),
];
const DEPARTMENTS: &[&str] = &[
    "Amministrazione",
    "Produzione",
    "Magazzino",
    "Vendite",
    "Qualità",
];
const JOBS: &[&str] = &[
    "Operaio",
    "Impiegato",
    "Magazziniere",
    "Tecnico di laboratorio",
    "Addetto vendite",
];
const STREETS: &[&str] = &[
    "Via Roma",
    "Corso Italia",
    "Via Garibaldi",
    "Piazza Cavour",
    "Via dell'Industria",
    "Viale Europa",
];

fn dmy(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A valid codice fiscale, different for every `n` below 26^6 (the six name letters spell `n`).
fn tax_code(n: usize, born: NaiveDate, female: bool, place: &str) -> String {
    let letters: String = (0..6)
        .map(|i| (b'A' + ((n / 26usize.pow(i)) % 26) as u8) as char)
        .collect();
    let month = b"ABCDEHLMPRST"[born.month0() as usize] as char;
    let day = born.day() + if female { 40 } else { 0 };
    let first15 = format!("{letters}{:02}{month}{day:02}{place}", born.year() % 100);
    format!("{first15}{}", check_char(&first15).unwrap())
}

/// Lower-case ASCII for an e-mail address.
fn mail_part(s: &str) -> String {
    s.chars()
        .filter_map(|c| match c {
            'à' => Some('a'),
            'è' | 'é' => Some('e'),
            'ì' => Some('i'),
            'ò' => Some('o'),
            'ù' => Some('u'),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

/// `count` people as a payroll program exports them, cells in [`HEADER`] order; person `i` has
/// employee number `M{base + i}` and a tax code of its own (`base + i`), so ranges with different
/// bases never meet.
fn people(base: usize, count: usize, seed: u64) -> Vec<Vec<String>> {
    let mut r = Rng(seed);
    let mut out = Vec::with_capacity(count);
    for i in 0..count {
        let n = base + i;
        let female = r.below(2) == 0;
        let first = r.pick(if female { WOMEN } else { MEN });
        let last = r.pick(SURNAMES);
        let born = date(1960, 1, 1) + Duration::days(r.below(45 * 365) as i64);
        let (place, code) = PLACES[r.below(PLACES.len() as u64) as usize];
        let earliest = (born + Duration::days(18 * 366)).max(date(2000, 1, 1));
        let span = (date(2026, 2, 27) - earliest).num_days().max(1) as u64;
        let hired = earliest + Duration::days(r.below(span) as i64);
        let (contract, end) = match r.below(100) {
            0..=64 => ("Tempo indeterminato", String::new()),
            65..=84 => (
                "Tempo determinato",
                dmy(hired + Duration::days(180 + r.below(720) as i64)),
            ),
            85..=92 => ("Apprendistato", String::new()),
            _ => ("Part-time", String::new()),
        };
        let street = r.pick(STREETS);
        let address = if i % 97 == 5 {
            // Over two lines, with quotes: the line numbers of the rows after it move on by one.
            format!("{street} {}\nScala \"B\", interno {}", 1 + i % 150, i % 20)
        } else {
            format!("{street} {}, {place}", 1 + i % 150)
        };
        let iban = iban::italian(
            &format!("{:05}", r.below(100_000)),
            &format!("{:05}", r.below(100_000)),
            &format!("{:012}", r.below(1_000_000_000_000)),
        )
        .unwrap();
        let department = DEPARTMENTS[r.below(DEPARTMENTS.len() as u64) as usize];
        let ccnl = if department == "Vendite" {
            "Commercio"
        } else {
            "Metalmeccanico industria"
        };
        out.push(vec![
            format!("M{n:07}"),
            last.to_owned(),
            first.to_owned(),
            tax_code(n, born, female, code),
            if female { "F" } else { "M" }.to_owned(),
            dmy(born),
            place.to_owned(),
            format!("{}.{}{n}@example-spa.it", mail_part(first), mail_part(last)),
            format!("3{:02} {:07}", 20 + r.below(70), r.below(10_000_000)),
            address,
            iban,
            department.to_owned(),
            r.pick(JOBS).to_owned(),
            String::new(),
            contract.to_owned(),
            dmy(hired),
            end,
            ccnl.to_owned(),
            (1 + r.below(7)).to_string(),
            String::new(),
        ]);
    }
    out
}

/// Writes the rows as a semicolon CSV with a BOM and CRLF line ends; returns the line each row
/// starts at, as the import reports it.
fn write_csv(path: &Path, rows: &[Vec<String>]) -> Vec<usize> {
    let mut out = String::from("\u{feff}");
    out.push_str(&HEADER.join(";"));
    out.push_str("\r\n");
    let mut line = 2;
    let mut lines = Vec::with_capacity(rows.len());
    for row in rows {
        assert_eq!(row.len(), HEADER.len());
        lines.push(line);
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(';');
            }
            if cell.contains([';', '"', '\n', '\r']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(cell);
            }
            line += cell.matches('\n').count();
        }
        out.push_str("\r\n");
        line += 1;
    }
    std::fs::write(path, out).unwrap();
    lines
}

// ---------------------------------------------------------------------------------------------
// The app and what is on file

fn ctx() -> Ctx {
    Ctx::new(1, "hr", vec![Role::Admin])
}

/// A store with its defaults and `staff` people on file (imported the ordinary way, well under
/// the bulk threshold), seeded apart from any file a test imports. Shared, for a job's thread.
struct Setup {
    app: Arc<Backoffice>,
    dir: tempfile::TempDir,
    staff: Vec<Vec<String>>,
}

fn app_with_staff(staff: usize) -> Setup {
    let dir = tempfile::tempdir().unwrap();
    let app = Arc::new(Backoffice::open(&dir.path().join("data"), stepping_clock()).unwrap());
    app.ensure_staff_defaults(&ctx()).unwrap();
    let rows = people(0, staff, 7);
    let path = dir.path().join("staff_on_file.csv");
    write_csv(&path, &rows);
    let outcome = commit(&app, &path, true, &mut |_, _| true).unwrap();
    assert_eq!(outcome.created, staff);
    Setup {
        app,
        dir,
        staff: rows,
    }
}

fn mapping(app: &Backoffice, path: &Path) -> BTreeMap<String, usize> {
    let m = app
        .preview_import(&ctx(), &StaffImport, path)
        .unwrap()
        .mapping;
    // Every column of the generated file is recognised.
    assert_eq!(m.len(), HEADER.len(), "{m:?}");
    m
}

fn options(create_departments: bool) -> ImportOptions {
    ImportOptions {
        create_missing_departments: create_departments,
        capitalise_names: false,
    }
}

fn commit(
    app: &Backoffice,
    path: &Path,
    create_departments: bool,
    progress: &mut dyn FnMut(usize, usize) -> bool,
) -> backoffice_core::Result<ImportOutcome> {
    app.commit_import(
        &ctx(),
        &StaffImport,
        path,
        &mapping(app, path),
        &options(create_departments),
        progress,
    )
}

fn validate(app: &Backoffice, path: &Path) -> ImportReport {
    app.validate_import(
        &ctx(),
        &StaffImport,
        path,
        &mapping(app, path),
        &options(false),
    )
    .unwrap()
}

fn raw(app: &Backoffice) -> rusqlite::Connection {
    rusqlite::Connection::open(app.store().path()).unwrap()
}

fn count(app: &Backoffice, sql: &str) -> i64 {
    raw(app).query_row(sql, [], |r| r.get(0)).unwrap()
}

/// Everything an import could have touched: a failed or cancelled one must leave it as it was.
#[derive(Debug, PartialEq)]
struct Picture {
    employees: i64,
    departments: i64,
    /// The search index's stored pages (count and bytes): its text is read from the table.
    search_index: (i64, i64),
    changes: i64,
    /// The newest history row (id, hash).
    head: Option<(i64, String)>,
    /// Every index of the database, with its definition.
    indexes: Vec<(String, Option<String>)>,
    employee_rows: String,
}

fn picture(app: &Backoffice) -> Picture {
    let c = raw(app);
    let one = |sql: &str| -> i64 { c.query_row(sql, [], |r| r.get(0)).unwrap() };
    let indexes = c
        .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' ORDER BY name")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<Vec<_>>>()
        .unwrap();
    Picture {
        employees: one("SELECT count(*) FROM employees"),
        departments: one("SELECT count(*) FROM departments"),
        search_index: c
            .query_row(
                "SELECT count(*), total(length(block)) FROM employees_fts_data",
                [],
                |r| Ok((r.get(0)?, r.get::<_, f64>(1)? as i64)),
            )
            .unwrap(),
        changes: one("SELECT count(*) FROM changes"),
        head: c
            .query_row(
                "SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .ok(),
        indexes,
        // Every stored value of every employee, so an update that should not have happened shows.
        employee_rows: c
            .query_row(
                "SELECT group_concat(json_array(id, tax_code, level, status, manager_id,
                        termination_date, version), ';') FROM (SELECT * FROM employees ORDER BY id)",
                [],
                |r| r.get::<_, Option<String>>(0),
            )
            .unwrap()
            .unwrap_or_default(),
    }
}

/// The names of the employee indexes (those the bulk path drops and builds again).
fn employee_indexes(p: &Picture) -> Vec<&str> {
    p.indexes
        .iter()
        .filter(|(name, sql)| name.starts_with("employees_") && sql.is_some())
        .map(|(name, _)| name.as_str())
        .collect()
}

fn employee_hits(app: &Backoffice, text: &str) -> Vec<SearchHit> {
    app.global_search(
        &ctx(),
        &GlobalSearchQuery {
            text: text.to_owned(),
            limit: 50,
        },
    )
    .unwrap()
    .hits
    .into_iter()
    .filter(|h| h.kind == HitKind::Employee)
    .collect()
}

fn id_of(app: &Backoffice, tax_code: &str) -> i64 {
    raw(app)
        .query_row(
            "SELECT id FROM employees WHERE tax_code = ?1 AND status = 'active'",
            [tax_code],
            |r| r.get(0),
        )
        .unwrap()
}

/// After a failed or cancelled import: nothing at all changed, and the people of the file are
/// not found.
fn assert_nothing_written(app: &Backoffice, before: &Picture, file: &[Vec<String>]) {
    let after = picture(app);
    assert_eq!(after, *before, "the import left something behind");
    for row in [&file[0], &file[file.len() / 2], &file[file.len() - 1]] {
        let hits = employee_hits(app, &row[TAX]);
        let here = count(
            app,
            &format!(
                "SELECT count(*) FROM employees WHERE tax_code = '{}'",
                row[TAX]
            ),
        );
        // A person already on file may be in the file; anyone else must not be found.
        assert_eq!(hits.len() as i64, here, "{:?}", row[TAX]);
    }
}

/// After a successful import: the chain verifies, the database is sound, every employee index
/// exists again exactly as before, the search index matches every employee.
fn assert_sound(app: &Backoffice, before: &Picture) {
    let after = picture(app);
    assert_eq!(
        after.indexes, before.indexes,
        "every index back, defined as before"
    );
    assert!(employee_indexes(&after).len() >= 9, "{:?}", after.indexes);
    let check: String = raw(app)
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    crate::search::assert_search_index_whole(&raw(app));
    let v = app.verify_history(&ctx(), &mut |_| true).unwrap();
    assert!(v.ok, "{:?}", v.problem);
    assert_eq!(v.changes_checked, after.changes);
}

type Reported = (usize, Option<String>, String, String);

fn reported(report: &ImportReport) -> Vec<Reported> {
    report
        .errors
        .iter()
        .map(|e| (e.line, e.column.clone(), e.field.clone(), e.code.clone()))
        .collect()
}

fn err(line: usize, column: &str, field: &str, code: &str) -> Reported {
    (
        line,
        Some(column.to_owned()),
        field.to_owned(),
        code.to_owned(),
    )
}

/// The first row index from which the writer has certainly taken 10,000 new rows before the
/// checking thread reaches it: the checker runs at most the channel's 16 batches of 256 rows,
/// plus the batch it is filling and the one the writer holds, ahead of the writer. Bad rows from
/// here on fail the import after the indexes were dropped (each test also checks that it did).
const AFTER_DROP: usize = REBUILD_INDEXES_FROM + 19 * 256;

// ---------------------------------------------------------------------------------------------
// Tests

#[test]
fn bad_rows_before_and_after_row_10000_are_all_reported_and_nothing_is_written() {
    let s = app_with_staff(30);
    let app = &*s.app;
    let path = s.dir.path().join("dipendenti.csv");
    const N: usize = AFTER_DROP + 400;
    let clean = people(1_000_000, N, 11);
    let mut rows = clean.clone();

    // Late bad rows only, each with its own problem, the last one on the last row.
    let late: [usize; 8] = [
        AFTER_DROP + 10,
        AFTER_DROP + 40,
        AFTER_DROP + 90,
        AFTER_DROP + 150,
        AFTER_DROP + 220,
        AFTER_DROP + 300,
        AFTER_DROP + 350,
        N - 1,
    ];
    // A wrong check letter.
    let cf = &mut rows[late[0]][TAX];
    let wrong = if cf.ends_with('A') { 'B' } else { 'A' };
    cf.pop();
    cf.push(wrong);
    // One digit of the account changed: the IBAN's check digits no longer match.
    let iban = &mut rows[late[1]][IBAN];
    let last = iban.pop().unwrap();
    iban.push(if last == '9' { '0' } else { '9' });
    rows[late[2]][BORN] = "31/02/1979".into();
    // A manager neither on file nor in the file (a valid code nobody has).
    rows[late[3]][MANAGER] = tax_code(5_000_000, date(1970, 5, 5), false, "H501");
    rows[late[4]][STATUS] = "Cessato".into();
    rows[late[4]][END] = String::new();
    rows[late[4]][CONTRACT] = "Tempo indeterminato".into();
    // The tax code of a row near the top of the file again.
    rows[late[5]][TAX] = rows[3][TAX].clone();
    rows[late[6]][DEPT] = "Logistica".into();
    rows[late[7]][EMAIL] = "nessuno(at)example-spa.it".into();

    let lines = write_csv(&path, &rows);
    let expected_late = vec![
        err(
            lines[late[0]],
            "Codice fiscale",
            "tax_code",
            "invalid_tax_code_check",
        ),
        err(lines[late[1]], "IBAN", "iban", "invalid_iban"),
        err(
            lines[late[2]],
            "Data di nascita",
            "birth_date",
            "invalid_date",
        ),
        err(
            lines[late[3]],
            "Responsabile",
            "manager_id",
            "unknown_manager",
        ),
        err(
            lines[late[4]],
            "Stato",
            "termination_date",
            "termination_date_required",
        ),
        err(
            lines[late[5]],
            "Codice fiscale",
            "tax_code",
            "duplicate_in_file",
        ),
        err(
            lines[late[6]],
            "Reparto",
            "department_id",
            "unknown_department",
        ),
        err(lines[late[7]], "Email", "email", "invalid_email"),
    ];
    let report = validate(app, &path);
    assert_eq!(reported(&report), expected_late);
    assert_eq!(report.errors[5].params["line"], lines[3].to_string());
    assert_eq!(
        (report.rows, report.error_rows, report.to_create),
        (N, late.len(), N - late.len())
    );
    // Multi-line addresses: the lines are not simply the row number plus one.
    assert!(lines[late[0]] > late[0] + 2);

    let before = picture(app);
    assert!(employee_indexes(&before).len() >= 9);
    let mut most = 0;
    let e = commit(app, &path, false, &mut |done, _| {
        most = most.max(done);
        true
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    // The check read to the end: the last row's error is counted.
    assert_eq!(e.params["error_rows"], late.len().to_string());
    // The writer had taken more than 10,000 new rows (so the indexes were dropped) before the
    // first bad row stopped it.
    assert!(
        (REBUILD_INDEXES_FROM..N).contains(&most),
        "written before the failure: {most}"
    );
    assert_nothing_written(app, &before, &rows);

    // Bad rows early too: the first row, one in the middle, one on row 10,000; the writer stops
    // before the threshold this time.
    let early = [0, 5_000, REBUILD_INDEXES_FROM - 1];
    rows[early[0]][LAST] = " ".into();
    rows[early[1]][HIRED] = dmy(date(1950, 1, 1));
    rows[early[2]][CONTRACT] = "Tempo determinato".into();
    rows[early[2]][END] = String::new();
    let lines = write_csv(&path, &rows);
    let mut expected = vec![
        err(lines[early[0]], "Cognome", "last_name", "required"),
        err(
            lines[early[1]],
            "Data assunzione",
            "hire_date",
            "hire_before_birth",
        ),
        err(
            lines[early[2]],
            "Data fine contratto",
            "contract_end",
            "contract_end_required",
        ),
    ];
    expected.extend(expected_late);
    let report = validate(app, &path);
    assert_eq!(reported(&report), expected);
    let mut most = 0;
    let e = commit(app, &path, false, &mut |done, _| {
        most = most.max(done);
        true
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.params["error_rows"], expected.len().to_string());
    assert!(most < REBUILD_INDEXES_FROM, "{most}");
    assert_nothing_written(app, &before, &rows);

    // The file put right imports, on the same store.
    write_csv(&path, &clean);
    let outcome = commit(app, &path, false, &mut |_, _| true).unwrap();
    assert_eq!(outcome.created, N);
    assert_eq!(count(app, "SELECT count(*) FROM employees"), 30 + N as i64);
    assert_eq!(
        count(
            app,
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'insert'"
        ),
        30 + N as i64
    );
    assert_sound(app, &before);
    let last = &clean[N - 1];
    let hits = employee_hits(app, &last[TAX]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, id_of(app, &last[TAX]));
}

/// The people on file as the test expects them: (id, level, status, termination date, manager,
/// version) by id.
fn employee(app: &Backoffice, id: i64) -> (String, String, Option<String>, Option<i64>, i64) {
    raw(app)
        .query_row(
            "SELECT level, status, termination_date, manager_id, version FROM employees
             WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?)),
        )
        .unwrap()
}

#[test]
fn managers_terminations_and_people_on_file_in_a_bulk_import_are_all_applied() {
    let s = app_with_staff(40);
    let app = &*s.app;
    let staff = &s.staff;
    // A person who left and was hired again: a terminated file and an active one, one tax code.
    let former = id_of(app, &staff[3][TAX]);
    let v = employee(app, former).4;
    app.terminate_employee(
        &ctx(),
        former,
        v,
        &TerminationInput {
            termination_date: Some(date(2024, 6, 30)),
            reason: Some("Dimissioni".into()),
        },
    )
    .unwrap();
    let mut again = crate::staff::person(0);
    again.first_name = staff[3][FIRST].clone();
    again.last_name = staff[3][LAST].clone();
    again.tax_code = staff[3][TAX].clone();
    again.birth_date = None;
    again.sex = None;
    again.hire_date = Some(date(2025, 1, 7));
    let rehired = app.create_employee(&ctx(), &again).unwrap().employee.id;
    let former_before = employee(app, former);
    let unchanged_before = employee(app, id_of(app, &staff[2][TAX]));

    const NEW: usize = REBUILD_INDEXES_FROM + 300;
    let mut new = people(2_000_000, NEW, 13);
    let boss = staff[4][TAX].clone();
    let last_tax = new[NEW - 1][TAX].clone();
    let first_number = new[0][NUMBER].clone();
    let first_tax = new[0][TAX].clone();
    // (row, manager's tax code) and (row, termination date) as the file names them.
    let mut managed: Vec<(usize, String)> = Vec::new();
    let mut terminated: Vec<(usize, NaiveDate)> = Vec::new();
    for (i, row) in new.iter_mut().enumerate() {
        match (i % 50, i % 100) {
            // A manager on file, by tax code: written with the row.
            (1, _) => {
                row[MANAGER] = boss.clone();
                managed.push((i, boss.clone()));
            }
            // A manager further down the file, by tax code.
            (2, _) => {
                row[MANAGER] = last_tax.clone();
                managed.push((i, last_tax.clone()));
            }
            // A manager higher up the file, by employee number.
            (3, _) => {
                row[MANAGER] = first_number.clone();
                managed.push((i, first_tax.clone()));
            }
            (_, 7) => {
                let hired = NaiveDate::parse_from_str(&row[HIRED], "%d/%m/%Y").unwrap();
                let left = hired + Duration::days(200);
                row[STATUS] = "Cessato".into();
                row[END] = dmy(left);
                terminated.push((i, left));
            }
            (_, 8) => row[STATUS] = "Attivo".into(),
            _ => {}
        }
    }
    // The last row's manager is the first row (a chain within the file); the row before it
    // names someone on file by employee number.
    new[NEW - 1][MANAGER] = first_tax.clone();
    managed.push((NEW - 1, first_tax.clone()));
    new[NEW - 2][MANAGER] = staff[5][NUMBER].clone();
    managed.push((NEW - 2, staff[5][TAX].clone()));

    // People on file among the new ones: a new level and a manager from the file, a
    // termination, nothing new, and the rehired person (the active file is the one updated).
    let mut promoted = staff[0].clone();
    promoted[LEVEL] = "Quadro".into();
    promoted[MANAGER] = new[20][TAX].clone();
    let mut leaving = staff[1].clone();
    leaving[STATUS] = "Cessato".into();
    leaving[END] = "28/02/2026".into();
    let mut back = staff[3].clone();
    back[LEVEL] = "Quadro".into();
    let mut rows = new.clone();
    rows.insert(REBUILD_INDEXES_FROM + 100, promoted);
    rows.insert(5_000, leaving);
    rows.insert(0, staff[2].clone());
    rows.push(back);
    let path = s.dir.path().join("dipendenti.csv");
    write_csv(&path, &rows);

    let report = validate(app, &path);
    assert!(
        report.ok(),
        "{:?}",
        &report.errors[..report.errors.len().min(5)]
    );
    assert!(report.warnings.is_empty(), "{:?}", &report.warnings[..1]);
    assert_eq!(
        (report.to_create, report.to_update, report.unchanged),
        (NEW, 3, 1)
    );

    let before = picture(app);
    let inserts_before = count(
        app,
        "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'insert'",
    );
    let updates_before = count(
        app,
        "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'update'",
    );
    let mut calls = Vec::new();
    let outcome = commit(app, &path, false, &mut |done, total| {
        calls.push((done, total));
        true
    })
    .unwrap();
    assert_eq!(
        outcome,
        ImportOutcome {
            created: NEW,
            updated: 3,
            unchanged: 1,
            references: Vec::new(),
        }
    );
    let total = rows.len();
    assert_eq!(calls.last(), Some(&(total, total)));
    assert!(calls.windows(2).all(|w| w[0].0 <= w[1].0), "{calls:?}");
    assert!(calls.iter().any(|&(done, _)| done >= REBUILD_INDEXES_FROM));

    // Row counts: every new person once, nobody on file twice.
    assert_eq!(
        count(app, "SELECT count(*) FROM employees"),
        before.employees + NEW as i64
    );
    for person in &staff[..6] {
        let sql = format!(
            "SELECT count(*) FROM employees WHERE tax_code = '{}'",
            person[TAX]
        );
        assert_eq!(
            count(app, &sql),
            1 + i64::from(person[TAX] == staff[3][TAX])
        );
    }
    assert_eq!(
        count(
            app,
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'insert'"
        ),
        inserts_before + NEW as i64
    );
    // One update per termination and per manager from the file; on file: the promotion and
    // its manager, the contract end and the termination, the rehired person's level.
    let in_file_managers = managed
        .iter()
        .filter(|(_, m)| *m != boss && *m != staff[5][TAX])
        .count() as i64;
    assert_eq!(
        count(
            app,
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'update'"
        ),
        updates_before + terminated.len() as i64 + in_file_managers + 5
    );
    assert_sound(app, &before);

    // Managers and terminations as the file named them.
    let ids: BTreeMap<String, i64> = raw(app)
        .prepare("SELECT tax_code, id FROM employees WHERE id > ?1")
        .unwrap()
        .query_map([rehired], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    assert_eq!(ids.len(), NEW);
    let id = |tax: &String| ids.get(tax).copied().unwrap_or_else(|| id_of(app, tax));
    assert!(managed.len() > 600, "{}", managed.len());
    for (i, manager) in &managed {
        assert_eq!(
            employee(app, id(&new[*i][TAX])).3,
            Some(id(manager)),
            "manager of row {i}"
        );
    }
    assert!(terminated.len() > 90);
    for (i, left) in &terminated {
        let e = employee(app, id(&new[*i][TAX]));
        assert_eq!(
            (e.1.as_str(), e.2),
            ("terminated", Some(left.format("%Y-%m-%d").to_string())),
            "row {i}"
        );
    }
    assert_eq!(
        count(
            app,
            &format!(
                "SELECT count(*) FROM employees WHERE status = 'terminated' AND id > {rehired}"
            )
        ),
        terminated.len() as i64
    );
    let p = employee(app, id_of(app, &staff[0][TAX]));
    assert_eq!((p.0.as_str(), p.3), ("Quadro", Some(id(&new[20][TAX]))));
    let leaver = raw(app)
        .query_row(
            "SELECT status, termination_date FROM employees WHERE tax_code = ?1",
            [&staff[1][TAX]],
            |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)),
        )
        .unwrap();
    assert_eq!(leaver, ("terminated".to_owned(), "2026-02-28".to_owned()));
    assert_eq!(employee(app, rehired).0, "Quadro");
    assert_eq!(employee(app, former), former_before);
    assert_eq!(employee(app, id_of(app, &staff[2][TAX])), unchanged_before);

    // Global search finds the new people by tax code, the terminated ones marked as such.
    for (i, inactive) in [(NEW - 1, false), (terminated.last().unwrap().0, true)] {
        let hits = employee_hits(app, &new[i][TAX]);
        assert_eq!(hits.len(), 1, "row {i}");
        assert_eq!((hits[0].id, hits[0].inactive), (id(&new[i][TAX]), inactive));
    }
}

#[test]
fn a_tax_code_twice_in_a_bulk_import_is_reported_and_nothing_is_written() {
    let s = app_with_staff(30);
    let app = &*s.app;
    const N: usize = AFTER_DROP + 300;
    let new = people(3_000_000, N, 17);
    // A person on file, matched on the tax code: an update, not a second file.
    let mut on_file = s.staff[0].clone();
    on_file[LEVEL] = "Quadro".into();
    let mut clean = new.clone();
    clean.insert(AFTER_DROP + 120, on_file.clone());
    let path = s.dir.path().join("dipendenti.csv");

    // The same two people again further down: a new person's code written the way people
    // type it (lower case, spaced), and the person on file under another first name.
    let mut rows = clean.clone();
    let mut twice = new[100].clone();
    twice[TAX] = twice[TAX]
        .to_lowercase()
        .chars()
        .enumerate()
        .flat_map(|(i, c)| (i > 0 && i % 4 == 0).then_some(' ').into_iter().chain([c]))
        .collect();
    twice[NUMBER] = "M9999999".into();
    twice[EMAIL] = "altro@example-spa.it".into();
    rows.insert(AFTER_DROP + 50, twice);
    let mut on_file_again = on_file.clone();
    on_file_again[FIRST] = "Giovanni".into();
    rows.insert(AFTER_DROP + 200, on_file_again);
    let lines = write_csv(&path, &rows);
    let report = validate(app, &path);
    assert_eq!(
        reported(&report),
        [
            err(
                lines[AFTER_DROP + 50],
                "Codice fiscale",
                "tax_code",
                "duplicate_in_file"
            ),
            err(
                lines[AFTER_DROP + 200],
                "Codice fiscale",
                "tax_code",
                "duplicate_in_file"
            ),
        ]
    );
    assert_eq!(report.errors[0].params["line"], lines[100].to_string());
    assert_eq!(
        report.errors[1].params["line"],
        lines[AFTER_DROP + 121].to_string()
    );
    assert_eq!((report.to_create, report.to_update), (N, 1));

    let before = picture(app);
    let mut most = 0;
    let e = commit(app, &path, false, &mut |done, _| {
        most = most.max(done);
        true
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    assert_eq!(e.params["error_rows"], "2");
    assert!((REBUILD_INDEXES_FROM..N).contains(&most), "{most}");
    assert_nothing_written(app, &before, &rows);

    // Without the second mentions it imports: the person on file updated, not doubled.
    write_csv(&path, &clean);
    let outcome = commit(app, &path, false, &mut |_, _| true).unwrap();
    assert_eq!((outcome.created, outcome.updated), (N, 1));
    assert_eq!(
        count(app, "SELECT count(*) FROM employees"),
        before.employees + N as i64
    );
    let id = id_of(app, &on_file[TAX]);
    assert_eq!(employee(app, id).0, "Quadro");
    assert_eq!(
        count(
            app,
            &format!(
                "SELECT count(*) FROM employees WHERE tax_code = '{}'",
                on_file[TAX]
            )
        ),
        1
    );
    assert_sound(app, &before);
    let hits = employee_hits(app, &new[100][TAX]);
    assert_eq!(hits.len(), 1);
}

#[test]
fn manager_loops_near_the_end_of_a_bulk_import_are_reported_and_nothing_is_written() {
    let s = app_with_staff(30);
    let app = &*s.app;
    let staff = &s.staff;
    // On file: staff 1 reports to staff 0.
    let mut reports = staff[1].clone();
    reports[MANAGER] = staff[0][TAX].clone();
    let small = s.dir.path().join("responsabile.csv");
    write_csv(&small, &[reports]);
    assert_eq!(
        commit(app, &small, false, &mut |_, _| true)
            .unwrap()
            .updated,
        1
    );

    const N: usize = AFTER_DROP + 300;
    let mut rows = people(5_000_000, N, 23);
    // A chain 2,000 deep in the file, each under the row before: no loop.
    for i in 1..2_000 {
        rows[i][MANAGER] = rows[i - 1][TAX].clone();
    }
    // Two new people naming each other, by tax code and by employee number.
    let (a, b) = (N - 10, N - 5);
    rows[a][MANAGER] = rows[b][TAX].clone();
    rows[b][MANAGER] = rows[a][NUMBER].clone();
    // Staff 0 now reports to a new person who reports to staff 1, who reports to staff 0 on
    // file; the row for staff 0 comes last but one, the last one changes nothing.
    let c = N - 2;
    rows[c][MANAGER] = staff[1][NUMBER].clone();
    let mut boss = staff[0].clone();
    boss[MANAGER] = rows[c][TAX].clone();
    rows.push(boss);
    rows.push(staff[2].clone());
    let path = s.dir.path().join("dipendenti.csv");
    let lines = write_csv(&path, &rows);

    let report = validate(app, &path);
    let cycle = |line: usize| err(line, "Responsabile", "manager_id", "manager_cycle");
    assert_eq!(
        reported(&report),
        [
            cycle(lines[a]),
            cycle(lines[b]),
            cycle(lines[c]),
            cycle(lines[N])
        ]
    );
    let pair = format!("{}, {}", lines[a], lines[b]);
    let three = format!("{}, {}", lines[c], lines[N]);
    let loops: Vec<&str> = report
        .errors
        .iter()
        .map(|e| e.params["lines"].as_str())
        .collect();
    assert_eq!(loops, [&pair, &pair, &three, &three]);
    assert_eq!(
        (
            report.to_create,
            report.to_update,
            report.unchanged,
            report.error_rows
        ),
        (N - 3, 0, 1, 4)
    );

    let before = picture(app);
    let mut most = 0;
    let e = commit(app, &path, false, &mut |done, _| {
        most = most.max(done);
        true
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
    assert_eq!(e.params["error_rows"], "4");
    // The loops are only known once every row is read: the writer had taken the new rows.
    assert!(most >= REBUILD_INDEXES_FROM, "{most}");
    assert_nothing_written(app, &before, &rows);

    // Without the loops it imports, the deep chain as the file names it.
    for i in [a, b, c] {
        rows[i][MANAGER] = String::new();
    }
    rows[N][MANAGER] = String::new();
    write_csv(&path, &rows);
    assert!(validate(app, &path).ok());
    let outcome = commit(app, &path, false, &mut |_, _| true).unwrap();
    assert_eq!((outcome.created, outcome.unchanged), (N, 2));
    assert_sound(app, &before);
    assert_eq!(
        employee(app, id_of(app, &rows[1_999][TAX])).3,
        Some(id_of(app, &rows[1_998][TAX]))
    );
}

/// The first import into an empty staff list: every row of the file will be a new file, so the
/// indexes are dropped before the first row arrives. A bad row among the first few, a cancel at
/// the first progress report and a bad last row each leave the store exactly as it was; the
/// corrected file then imports whole.
#[test]
fn a_first_bulk_import_into_an_empty_staff_list_fails_whole_or_imports_whole() {
    let dir = tempfile::tempdir().unwrap();
    let app = Backoffice::open(&dir.path().join("data"), stepping_clock()).unwrap();
    app.ensure_staff_defaults(&ctx()).unwrap();
    let path = dir.path().join("dipendenti.csv");
    const N: usize = REBUILD_INDEXES_FROM + 500;
    let clean = people(0, N, 23);
    let before = picture(&app);
    assert_eq!(before.employees, 0);
    assert!(employee_indexes(&before).len() >= 9);

    for bad in [2, N - 1] {
        let mut rows = clean.clone();
        rows[bad][IBAN] = "IT00X0000000000000000000000".into();
        write_csv(&path, &rows);
        let e = commit(&app, &path, true, &mut |_, _| true).unwrap_err();
        assert_eq!(e.code, ErrorCode::Validation, "{e:?}");
        assert_eq!(e.params["error_rows"], "1");
        assert_nothing_written(&app, &before, &rows);
    }

    write_csv(&path, &clean);
    let mut calls = 0;
    let e = commit(&app, &path, true, &mut |done, _| {
        calls += 1;
        done == 0
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled, "{e:?}");
    assert!(calls >= 2, "{calls}");
    assert_nothing_written(&app, &before, &clean);

    let outcome = commit(&app, &path, true, &mut |_, _| true).unwrap();
    assert_eq!(outcome.created, N);
    assert_sound(&app, &before);
    let last = &clean[N - 1];
    let hits = employee_hits(&app, &last[TAX]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, id_of(&app, &last[TAX]));
}

fn wait(jobs: &Jobs, id: i64) -> backoffice_core::jobs::JobStatus {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
    loop {
        let s = jobs.status(&crate::support::admin("a"), id).unwrap();
        if s.finished {
            return s;
        }
        assert!(std::time::Instant::now() < deadline, "the job never ended");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
}

#[test]
fn a_bulk_import_cancelled_while_the_indexes_are_dropped_or_at_its_last_step_leaves_nothing() {
    let s = app_with_staff(20);
    let app = &s.app;
    const N: usize = REBUILD_INDEXES_FROM + 1_000;
    let mut rows = people(4_000_000, N, 19);
    // Managers and terminations, so the last step has work to undo.
    let head = rows[0][TAX].clone();
    for (i, row) in rows.iter_mut().enumerate().skip(1) {
        if i % 10 == 0 {
            row[MANAGER] = head.clone();
        } else if i % 10 == 1 {
            row[STATUS] = "Cessato".into();
            row[CONTRACT] = "Tempo indeterminato".into();
            row[END] = "28/02/2026".into();
        }
    }
    // And a person on file, so the rows written by the bulk stay below the total.
    let mut on_file = s.staff[0].clone();
    on_file[LEVEL] = "Quadro".into();
    rows.push(on_file);
    let path = s.dir.path().join("dipendenti.csv");
    write_csv(&path, &rows);
    let before = picture(app);

    // The person cancels from the job while the writer is past the threshold: the test holds the
    // job at its first progress report from there until the cancel is in.
    let jobs = Jobs::default();
    let (reached, at_threshold) = mpsc::channel::<usize>();
    let (go, wait_for_cancel) = mpsc::channel::<()>();
    let id = {
        let (app, path) = (Arc::clone(app), path.clone());
        jobs.start(&crate::support::admin("a"), move |progress| {
            let mut held = false;
            let mut p = |done: usize, total: usize| {
                if done >= REBUILD_INDEXES_FROM && !held {
                    held = true;
                    reached.send(done).unwrap();
                    wait_for_cancel.recv().unwrap();
                }
                progress(done as u64, total as u64)
            };
            let outcome = commit(&app, &path, false, &mut p)?;
            Ok(serde_json::to_value(outcome)?)
        })
    };
    let done = at_threshold
        .recv_timeout(std::time::Duration::from_secs(120))
        .unwrap();
    assert!(done < N, "{done}");
    jobs.cancel(&crate::support::admin("a"), id).unwrap();
    go.send(()).unwrap();
    let status = wait(&jobs, id);
    assert!(status.cancelled, "{status:?}");
    assert_eq!(status.error.unwrap().code, ErrorCode::Cancelled);
    assert_eq!(status.done, done as i64);
    assert_nothing_written(app, &before, &rows);

    // Cancelled at the very last report, once the indexes are built again and the managers
    // and terminations written.
    let mut calls = Vec::new();
    let e = commit(app, &path, false, &mut |done, total| {
        calls.push((done, total));
        done < total
    })
    .unwrap_err();
    assert_eq!(e.code, ErrorCode::Cancelled);
    let total = rows.len();
    assert_eq!(calls.last(), Some(&(total, total)));
    assert!(
        calls.contains(&(N, total)),
        "every new row was written first"
    );
    assert_nothing_written(app, &before, &rows);

    // Nothing stuck: the same import goes through afterwards.
    let outcome = commit(app, &path, false, &mut |_, _| true).unwrap();
    assert_eq!((outcome.created, outcome.updated), (N, 1));
    assert_sound(app, &before);
    let head_id = id_of(app, &head);
    assert_eq!(
        count(
            app,
            &format!("SELECT count(*) FROM employees WHERE manager_id = {head_id}")
        ),
        (N as i64 - 1) / 10
    );
    assert_eq!(
        count(
            app,
            "SELECT count(*) FROM employees WHERE status = 'terminated'"
        ),
        (N as i64 - 1 + 9) / 10
    );
    assert_eq!(employee_hits(app, &rows[N - 1][TAX]).len(), 1);
}
