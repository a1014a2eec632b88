//! B1: importing 100,000 staff rows from a CSV file through the real service, beside a bare
//! rusqlite insert of the same rows into a plain table, and the floor the schema itself sets
//! (the same rows straight into `employees`, then with the search index, then with history).

use crate::staff_csv;
use crate::stats::Samples;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::Mapping;
use backoffice_core::services::StaffImport;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::history::{hash, ChangeFields, GENESIS};
use backoffice_core::store::{system_clock, ts_text, DB_FILE_NAME};
use chrono::NaiveDate;
use rusqlite::{params, params_from_iter, Connection};
use std::path::Path;
use std::time::{Duration, Instant};

pub struct ImportFigures {
    /// `commit_import`: read, map, validate every row, insert, history, search index, commit.
    pub import: Samples,
    /// `validate_import` alone (the report the UI shows before the commit).
    pub validate: Samples,
    /// The same rows, already in memory, into a plain table in one transaction.
    pub bare: Samples,
    /// The same rows into the real `employees` table (its indexes and foreign keys), no history;
    /// the indexes dropped first and built after the rows, as a bulk import does.
    pub schema: Samples,
    /// The same with the indexes maintained row by row.
    pub schema_maintained: Samples,
    /// … plus the search index entries.
    pub schema_search: Samples,
    /// … plus one hash-chained history row per employee.
    pub schema_search_history: Samples,
    /// The import into an encrypted data folder.
    pub import_encrypted: Samples,
    /// The indexes of `employees` the import rebuilds.
    pub employee_indexes: usize,
}

fn ctx() -> Ctx {
    Ctx::new(1, "bench", vec![Role::Admin])
}

fn fresh_app(dir: &Path) -> Backoffice {
    let app = Backoffice::open(dir, system_clock()).expect("open a new data dir");
    app.ensure_staff_defaults(&ctx()).expect("staff defaults");
    app
}

/// A new data folder encrypted as Settings → Encryption does it, opened as the next start would.
fn fresh_encrypted_app(dir: &Path) -> Backoffice {
    crate::suite::encrypt_and_restart(fresh_app(dir), dir, system_clock())
        .expect("encrypt a new data dir")
        .0
}

/// Commits the checked import of `csv` into `app`, timed; `n` rows must be created.
fn timed_import(
    app: &Backoffice,
    csv: &Path,
    mapping: &Mapping,
    options: &ImportOptions,
    n: usize,
) -> Duration {
    let t = Instant::now();
    let outcome = app
        .commit_import(&ctx(), &StaffImport, csv, mapping, options, &mut |_, _| {
            true
        })
        .expect("import");
    let took = t.elapsed();
    assert_eq!(outcome.created, n);
    took
}

fn connect(path: &Path) -> Connection {
    let c = Connection::open(path).expect("open");
    c.pragma_update_and_check(None, "journal_mode", "WAL", |_| Ok(()))
        .expect("WAL");
    c.pragma_update(None, "synchronous", "NORMAL")
        .expect("sync");
    c
}

fn bare_insert(dir: &Path, rows: &[Vec<String>]) -> Duration {
    let mut c = connect(&dir.join("bare.sqlite3"));
    let cols: Vec<String> = (1..=rows[0].len()).map(|i| format!("c{i} TEXT")).collect();
    c.execute_batch(&format!("CREATE TABLE plain ({})", cols.join(", ")))
        .expect("create");
    let marks = vec!["?"; rows[0].len()].join(", ");
    let t = Instant::now();
    let tx = c.transaction().expect("begin");
    {
        let mut stmt = tx
            .prepare(&format!("INSERT INTO plain VALUES ({marks})"))
            .expect("prepare");
        for r in rows {
            stmt.execute(params_from_iter(r.iter())).expect("insert");
        }
    }
    tx.commit().expect("commit");
    t.elapsed()
}

fn iso(d: &str) -> Option<String> {
    NaiveDate::parse_from_str(d, "%d/%m/%Y")
        .ok()
        .map(|d| d.to_string())
}

fn nonempty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

/// The rows straight into the real schema; `search` and `history` add those writes; `rebuild`
/// drops the employee indexes first and builds them after the rows.
fn schema_insert(
    dir: &Path,
    rows: &[Vec<String>],
    search: bool,
    history: bool,
    rebuild: bool,
) -> Duration {
    let sub = dir.join(format!("schema-{search}-{history}-{rebuild}"));
    drop(fresh_app(&sub));
    let mut c = connect(&sub.join(DB_FILE_NAME));
    c.pragma_update(None, "foreign_keys", true).expect("fk");
    c.pragma_update(None, "temp_store", "MEMORY").expect("temp");
    // The pragmas of the app's writer connection (store/open.rs), so only the work differs.
    c.pragma_update(None, "cache_size", -32 * 1024)
        .expect("cache");
    let contract_ids: std::collections::HashMap<String, i64> = {
        let mut s = c
            .prepare("SELECT name_it, id FROM contract_types")
            .expect("types");
        s.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("types")
            .collect::<rusqlite::Result<_>>()
            .expect("types")
    };
    let now = ts_text(chrono::Utc::now());
    let t = Instant::now();
    let tx = c.transaction().expect("begin");
    let indexes: Vec<(String, String)> = if rebuild {
        let v: Vec<(String, String)> = tx
            .prepare(
                "SELECT name, sql FROM sqlite_master
                 WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL",
            )
            .expect("indexes")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .expect("indexes")
            .collect::<rusqlite::Result<_>>()
            .expect("indexes");
        for (name, _) in &v {
            tx.execute_batch(&format!("DROP INDEX {name}"))
                .expect("drop");
        }
        v
    } else {
        Vec::new()
    };
    {
        let mut depts = std::collections::HashMap::new();
        let mut dept = tx
            .prepare(
                "INSERT INTO departments (name, name_key, active, version, created_at,
                                          updated_at) VALUES (?1, lower(?1), 1, 1, ?2, ?2)",
            )
            .expect("prepare");
        let mut ins = tx
            .prepare(
                "INSERT INTO employees (employee_number, last_name, first_name, sort_key, tax_code,
                    sex, birth_date, birth_place, email, phone, address, iban, department_id,
                    job_title, job_title_key, hire_date, contract_type_id, contract_end, ccnl,
                    level, status, version, created_at, updated_at)
                 VALUES (?1, ?2, ?3, lower(?2 || ' ' || ?3), ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11,
                    ?12, ?13, lower(?13), ?14, ?15, ?16, ?17, ?18, 'active', 1, ?19, ?19)",
            )
            .expect("prepare");
        let snapshot_sql = format!(
            "SELECT {} FROM employees WHERE id = ?1",
            backoffice_core::store::staff::employees::TRACKED.snapshot_sql()
        );
        let mut snap = tx.prepare(&snapshot_sql).expect("prepare");
        let mut change = tx
            .prepare(
                "INSERT INTO changes (id, actor, at, entity, row_id, op, before, after,
                                      prev_hash, hash)
                 VALUES (?1, ?2, ?3, 'employees', ?4, 'insert', NULL, ?5, ?6, ?7)",
            )
            .expect("prepare");
        let mut prev: (i64, String) = tx
            .query_row(
                "SELECT id, hash FROM changes ORDER BY id DESC LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap_or((0, GENESIS.to_owned()));
        for r in rows {
            let dept_id = match depts.get(&r[11]) {
                Some(&id) => id,
                None => {
                    dept.execute(params![r[11], now]).expect("dept");
                    let id = tx.last_insert_rowid();
                    depts.insert(r[11].clone(), id);
                    id
                }
            };
            ins.execute(params![
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                iso(&r[5]),
                r[6],
                r[7],
                r[8],
                r[9],
                r[10],
                dept_id,
                r[12],
                iso(&r[14]),
                contract_ids.get(&r[13]),
                nonempty(&r[15]).and_then(iso),
                r[16],
                r[17],
                now
            ])
            .expect("employee");
            let id = tx.last_insert_rowid();
            if history {
                let after: String = snap.query_row([id], |r| r.get(0)).expect("snapshot");
                let fields = ChangeFields {
                    id: prev.0 + 1,
                    actor: "bench",
                    at: &now,
                    entity: "employees",
                    row_id: id,
                    op: "insert",
                    before: None,
                    after: Some(&after),
                    detail: None,
                    prev_hash: &prev.1,
                };
                let h = hash(&fields);
                change
                    .execute(params![fields.id, "bench", now, id, after, prev.1, h])
                    .expect("change");
                prev = (fields.id, h);
            }
        }
        if search {
            tx.execute(
                "INSERT INTO employees_fts (rowid, name, tax_code, email, employee_number)
                 SELECT id, name, tax_code, email, employee_number FROM employees_search",
                [],
            )
            .expect("search");
        }
    }
    for (_, sql) in &indexes {
        tx.execute_batch(sql).expect("create index");
    }
    tx.commit().expect("commit");
    t.elapsed()
}

/// Runs B1 `runs` times with `n` rows; returns the figures and the size of the CSV file.
pub fn run(n: usize, runs: usize, seed: u64, work: &Path) -> (ImportFigures, u64) {
    let rows = staff_csv::rows(n, seed);
    let csv = work.join("dipendenti.csv");
    staff_csv::write(&csv, &rows).expect("write the CSV");
    let csv_bytes = std::fs::metadata(&csv).map(|m| m.len()).unwrap_or(0);
    let mut f = ImportFigures {
        import: Samples::default(),
        validate: Samples::default(),
        bare: Samples::default(),
        schema: Samples::default(),
        schema_maintained: Samples::default(),
        schema_search: Samples::default(),
        schema_search_history: Samples::default(),
        import_encrypted: Samples::default(),
        employee_indexes: 0,
    };
    // As the import dialog offers them.
    let options = ImportOptions {
        create_missing_departments: true,
        capitalise_names: true,
    };
    for i in 0..runs {
        let dir = work.join(format!("b1-{i}"));
        let app = fresh_app(&dir);
        let mapping = app
            .preview_import(&ctx(), &StaffImport, &csv)
            .expect("preview")
            .mapping;
        f.employee_indexes = Connection::open(app.store().path())
            .and_then(|c| {
                c.query_row(
                    "SELECT count(*) FROM sqlite_master
                     WHERE type = 'index' AND tbl_name = 'employees' AND sql IS NOT NULL",
                    [],
                    |r| r.get::<_, i64>(0),
                )
            })
            .expect("count the indexes") as usize;
        let t = Instant::now();
        let report = app
            .validate_import(&ctx(), &StaffImport, &csv, &mapping, &options)
            .expect("validate");
        f.validate.push(t.elapsed());
        assert!(
            report.ok(),
            "the generated file has errors: {:?}",
            report.errors.first()
        );
        f.import
            .push(timed_import(&app, &csv, &mapping, &options, n));
        drop(app);
        f.bare.push(bare_insert(&dir, &rows));
        f.schema
            .push(schema_insert(&dir, &rows, false, false, true));
        f.schema_maintained
            .push(schema_insert(&dir, &rows, false, false, false));
        f.schema_search
            .push(schema_insert(&dir, &rows, true, false, true));
        f.schema_search_history
            .push(schema_insert(&dir, &rows, true, true, true));
        let _ = std::fs::remove_dir_all(&dir);
        let enc_dir = work.join(format!("b1-enc-{i}"));
        let app = fresh_encrypted_app(&enc_dir);
        f.import_encrypted
            .push(timed_import(&app, &csv, &mapping, &options, n));
        drop(app);
        let _ = std::fs::remove_dir_all(&enc_dir);
        eprintln!(
            "  B1 run {}/{runs}: import {:?}, encrypted {:?}, bare insert {:?}",
            i + 1,
            f.import.last(),
            f.import_encrypted.last(),
            f.bare.last()
        );
    }
    (f, csv_bytes)
}
