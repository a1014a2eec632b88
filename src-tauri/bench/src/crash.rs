//! Crash safety: a writer process that writes through the real store (history, search entries,
//! scores) and prints what each transaction committed, and a harness that kills it with SIGKILL
//! at random moments and checks the file after every kill.

use crate::people::People;
use crate::rng::Rng;
use backoffice_core::domain::attachment::ValidMeta;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::employee::{EmployeeInput, EmployeeRules};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::attachments::{self, Owner};
use backoffice_core::store::{staff::employees, system_clock, DB_FILE_NAME};
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) fn ctx() -> Ctx {
    Ctx::new(1, "crash-writer", vec![Role::Admin])
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// A new employee as the crash writers hire them.
pub(crate) fn employee_input(p: crate::people::Person) -> EmployeeInput {
    EmployeeInput {
        first_name: p.first_name,
        last_name: p.last_name,
        tax_code: p.tax_code,
        birth_date: Some(p.birth_date),
        sex: Some(p.sex),
        email: Some(p.email),
        phone: Some(p.phone),
        address: Some(p.address),
        iban: Some(p.iban),
        hire_date: Some(d(2024, 1, 8)),
        ..EmployeeInput::default()
    }
}

/// Someone born between 1960 and 2004.
pub(crate) fn next_person(people: &mut People) -> crate::people::Person {
    people.next(d(1960, 1, 1), d(2004, 12, 31))
}

/// Writes until killed. Each transaction is one of: a new employee (through the service), a
/// batch of up to 20 employees each with a document (one store transaction, so a kill often
/// lands inside it), or a change to an existing employee. After each commit it prints, flushed,
/// one line per committed write: `E <id>` (employee), `D <id>` (document), `U <id> <version>`.
pub fn writer(data_dir: &Path, seed: u64) -> backoffice_core::Result<()> {
    let app = Backoffice::open(data_dir, system_clock())?;
    let ctx = ctx();
    app.ensure_staff_defaults(&ctx)?;
    let today = app.today();
    let mut rng = Rng::new(seed);
    let mut people = People::new(rng.fork(1), "crash.example");
    let (taken, ids): (Vec<String>, Vec<i64>) = app.store().read(|c| {
        let mut s = c.prepare("SELECT tax_code, id FROM employees")?;
        let v = s
            .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(v.into_iter().unzip())
    })?;
    for t in &taken {
        people.reserve(t);
    }
    let mut ids = ids;
    let doc_type = app
        .list_document_types(&ctx, true)?
        .into_iter()
        .find(|t| t.code.as_deref() == Some("certificate"))
        .ok_or_else(|| backoffice_core::Error::not_found("document type"))?;
    let pdf = data_dir.join("crash-writer.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% crash writer\n%%EOF\n").map_err(|e| {
        backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
    })?;
    let file = app.blobs().put_file(&pdf)?;
    let out = std::io::stdout();
    let say = |lines: &[String]| {
        let mut o = out.lock();
        for l in lines {
            let _ = writeln!(o, "{l}");
        }
        let _ = o.flush();
    };
    say(&["READY".to_owned()]);
    loop {
        // `B`: a write starts; if the run's output ends here, the kill landed during a write (or
        // between its commit and the line saying so).
        say(&["B".to_owned()]);
        match rng.below(10) {
            0..=4 => {
                let p = next_person(&mut people);
                let e = app.create_employee(&ctx, &employee_input(p))?.employee;
                ids.push(e.id);
                say(&[format!("E {}", e.id)]);
            }
            5..=7 => {
                let n = 1 + rng.below(20) as usize;
                let batch: Vec<EmployeeInput> = (0..n)
                    .map(|_| employee_input(next_person(&mut people)))
                    .collect();
                let written = app.store().write("crash-writer", |w| {
                    let mut lines = Vec::new();
                    let mut new_ids = Vec::new();
                    for i in &batch {
                        let v = i.validate(&EmployeeRules {
                            fixed_term: None,
                            today,
                        })?;
                        let e = employees::insert(w, &v)?;
                        let owner = Owner {
                            table: &employees::TRACKED,
                            record_id: e.id,
                        };
                        let doc = attachments::insert(
                            w,
                            owner,
                            Some(doc_type.id),
                            &ValidMeta {
                                title: format!("Attestato {} {}", e.last_name, e.first_name),
                                issued_on: Some(today),
                                expires_on: None,
                            },
                            &file,
                        )?;
                        lines.push(format!("E {}", e.id));
                        lines.push(format!("D {}", doc.id));
                        new_ids.push(e.id);
                    }
                    Ok((lines, new_ids))
                })?;
                ids.extend(written.1);
                say(&written.0);
            }
            _ if !ids.is_empty() => {
                let id = ids[rng.below(ids.len() as u64) as usize];
                let e = app.employee(&ctx, id)?.employee;
                let mut i = e.to_input();
                i.phone = Some(format!("+39 02 {}", rng.digits(7)));
                let saved = app.update_employee(&ctx, id, e.version, &i)?.employee;
                say(&[format!("U {} {}", saved.id, saved.version)]);
            }
            _ => {}
        }
    }
}

/// What the writers reported as committed, across all runs.
#[derive(Debug, Default, Clone)]
pub struct Committed {
    pub employees: Vec<i64>,
    pub documents: Vec<i64>,
    /// Employee id → the highest version reported.
    pub versions: BTreeMap<i64, i64>,
}

impl Committed {
    /// Takes one line a writer printed; lines that report no write are ignored.
    pub fn take(&mut self, line: &str) {
        let mut it = line.split_whitespace();
        let (Some(kind), Some(id)) = (it.next(), it.next().and_then(|s| s.parse().ok())) else {
            return;
        };
        match kind {
            "E" => self.employees.push(id),
            "D" => self.documents.push(id),
            "U" => {
                if let Some(v) = it.next().and_then(|s| s.parse().ok()) {
                    let e = self.versions.entry(id).or_insert(0);
                    *e = (*e).max(v);
                }
            }
            _ => {}
        }
    }
}

/// What one check found.
#[derive(Debug, Clone)]
pub struct Checked {
    pub employees: i64,
    pub changes: i64,
}

/// Checks the file the way the crash test promises: SQLite's integrity check passes, every write
/// reported as committed is there, nothing half-written is visible (each employee and document
/// has its history and its search entry, and the other way round), and history verifies.
pub fn check(data_dir: &Path, committed: &Committed) -> Result<Checked, String> {
    let db = data_dir.join(DB_FILE_NAME);
    let c = rusqlite::Connection::open(&db).map_err(|e| e.to_string())?;
    let q = |sql: &str| -> Result<i64, String> {
        c.query_row(sql, [], |r| r.get(0))
            .map_err(|e| format!("{sql}: {e}"))
    };
    let integrity: String = c
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|e| e.to_string())?;
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}"));
    }
    // A kill before the schema's first commit leaves a file without tables: the migrations run
    // in one transaction, so none of them is there, and no write can have been reported.
    if q("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'employees'")? == 0 {
        let nothing = committed.employees.is_empty()
            && committed.documents.is_empty()
            && committed.versions.is_empty();
        return if nothing {
            Ok(Checked {
                employees: 0,
                changes: 0,
            })
        } else {
            Err("the schema is missing, yet writes were reported committed".into())
        };
    }
    let missing = |table: &str, ids: &[i64]| -> Result<(), String> {
        let mut stmt = c
            .prepare(&format!("SELECT 1 FROM {table} WHERE id = ?1"))
            .map_err(|e| e.to_string())?;
        for id in ids {
            if !stmt.exists([id]).map_err(|e| e.to_string())? {
                return Err(format!(
                    "{table} {id} was reported committed but is missing"
                ));
            }
        }
        Ok(())
    };
    missing("employees", &committed.employees)?;
    missing("attachments", &committed.documents)?;
    for (id, version) in &committed.versions {
        let v: i64 = c
            .query_row("SELECT version FROM employees WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(|e| format!("employee {id}: {e}"))?;
        if v < *version {
            return Err(format!(
                "employee {id} is at version {v}, version {version} was reported committed"
            ));
        }
    }
    // Nothing half-written: rows and their history and search entries come together.
    for (what, sql) in [
        (
            "an employee without its insert in history",
            "SELECT count(*) FROM employees e WHERE NOT EXISTS (SELECT 1 FROM changes c
               WHERE c.entity = 'employees' AND c.row_id = e.id AND c.op = 'insert')",
        ),
        (
            "an employee insert in history without its row",
            "SELECT count(*) FROM changes c WHERE c.entity = 'employees' AND c.op = 'insert'
               AND NOT EXISTS (SELECT 1 FROM employees e WHERE e.id = c.row_id)",
        ),
        (
            "an attachment without its insert in history",
            "SELECT count(*) FROM attachments d WHERE NOT EXISTS (SELECT 1 FROM changes c
               WHERE c.entity = 'attachments' AND c.row_id = d.id AND c.op = 'insert')",
        ),
        (
            "an attachment without its search entry, or an entry without its attachment",
            "SELECT (SELECT count(*) FROM attachments d WHERE NOT EXISTS
                       (SELECT 1 FROM attachments_fts f WHERE f.rowid = d.id))
                  + (SELECT count(*) FROM attachments_fts f WHERE NOT EXISTS
                       (SELECT 1 FROM attachments d WHERE d.id = f.rowid))",
        ),
    ] {
        let n = q(sql)?;
        if n != 0 {
            return Err(format!("{n} × {what}"));
        }
    }
    // The employee index reads its text from the table: FTS5's own check compares every entry
    // with the text it must have been made from.
    c.execute(
        "INSERT INTO employees_fts (employees_fts, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .map_err(|e| format!("the employee search index does not match the employees: {e}"))?;
    let employees = q("SELECT count(*) FROM employees")?;
    drop(c);
    let app = Backoffice::open(data_dir, system_clock()).map_err(|e| e.to_string())?;
    let report = app
        .verify_history(&ctx(), &mut |_| true)
        .map_err(|e| e.to_string())?;
    if !report.ok {
        return Err(format!("history does not verify: {:?}", report.problem));
    }
    Ok(Checked {
        employees,
        changes: report.changes_checked,
    })
}

/// The outcome of a crash run.
#[derive(Debug, Clone)]
pub struct CrashReport {
    pub kills: usize,
    /// Kills that landed before the writer had committed anything in that run.
    pub kills_before_first_commit: usize,
    /// Kills that landed while a write was under way (its `B` line was the last one).
    pub kills_during_a_write: usize,
    /// Data dirs used (see `fresh_every`).
    pub files: usize,
    pub employees: i64,
    pub changes: i64,
    pub committed_lines: usize,
    pub seconds: f64,
}

/// Starts `binary crash-writer` on a data dir under `root` `kills` times, kills each with
/// SIGKILL after a random delay (seeded), and checks the file after every kill. Every
/// `fresh_every` kills (0: never) the writer moves on to a new data dir: the full check reads the
/// whole file (SQLite's integrity check re-tokenises every search entry), so a file that grew
/// over a thousand kills would make the run hours long.
pub fn run(
    binary: &Path,
    root: &Path,
    kills: usize,
    fresh_every: usize,
    seed: u64,
    log: &mut dyn FnMut(&str),
) -> Result<CrashReport, String> {
    let started = Instant::now();
    let mut rng = Rng::new(seed).fork(99);
    let mut committed = Committed::default();
    let mut before_first = 0;
    let mut during = 0;
    let mut lines_total = 0;
    let mut last = None;
    let mut data_dir = root.to_path_buf();
    let mut files = 1;
    for k in 0..kills {
        if fresh_every > 0 && k > 0 && k % fresh_every == 0 {
            data_dir = root.join(format!("file-{}", k / fresh_every + 1));
            committed = Committed::default();
            files += 1;
        }
        let data_dir = data_dir.as_path();
        let mut child = Command::new(binary)
            .args(["crash-writer", "--data-dir"])
            .arg(data_dir)
            .args(["--seed", &(seed * 1_000_003 + k as u64).to_string()])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", binary.display()))?;
        let stdout = child.stdout.take().expect("piped stdout");
        let reader = std::thread::spawn(move || {
            BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .collect::<Vec<String>>()
        });
        // Sometimes while it opens the store, mostly while it writes.
        let delay = match rng.below(10) {
            0 => rng.range(0, 20),
            _ => rng.range(20, 150),
        };
        std::thread::sleep(Duration::from_millis(delay as u64));
        // SIGKILL: no destructor, no rollback, no flush runs in the writer.
        child.kill().map_err(|e| format!("kill: {e}"))?;
        let status = child.wait().map_err(|e| e.to_string())?;
        let lines = reader.join().map_err(|_| "reader thread panicked")?;
        if status.success() {
            let mut err = String::new();
            if let Some(mut e) = child.stderr.take() {
                let _ = std::io::Read::read_to_string(&mut e, &mut err);
            }
            return Err(format!("the writer exited on its own: {err}"));
        }
        if lines.last().is_some_and(|l| l == "B") {
            during += 1;
        }
        let writes = lines.iter().filter(|l| *l != "READY" && *l != "B").count();
        if writes == 0 {
            before_first += 1;
        }
        lines_total += writes;
        for l in &lines {
            committed.take(l);
        }
        let checked = check(data_dir, &committed).map_err(|e| {
            format!(
                "after kill {} ({delay} ms, {writes} writes reported): {e}",
                k + 1
            )
        })?;
        if (k + 1) % 50 == 0 || k + 1 == kills {
            log(&format!(
                "{} kills: {} employees, {} history rows, all checks passed ({:.0} s)",
                k + 1,
                checked.employees,
                checked.changes,
                started.elapsed().as_secs_f64()
            ));
        }
        last = Some(checked);
    }
    let last = last.unwrap_or(Checked {
        employees: 0,
        changes: 0,
    });
    Ok(CrashReport {
        kills,
        kills_before_first_commit: before_first,
        kills_during_a_write: during,
        files,
        employees: last.employees,
        changes: last.changes,
        committed_lines: lines_total,
        seconds: started.elapsed().as_secs_f64(),
    })
}
