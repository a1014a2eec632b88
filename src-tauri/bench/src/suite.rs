//! The benchmark suite: B1–B4 through the core services on a copy of a generated data dir (B5/B6
//! through the real app window, see [`crate::app`]), printed as one table.

use crate::import_bench;
use crate::rng::Rng;
use crate::stats::{fmt, repeat, Samples};
use backoffice_core::crypt::unlock::{unlock, Secret};
use backoffice_core::crypt::DataKey;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::search::GlobalSearchQuery;
use backoffice_core::domain::staff::employee::{StaffQuery, StaffSort, StatusFilter};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::{staff::scores, Clock, DB_FILE_NAME};
use chrono::{NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

pub struct Options {
    pub data_dir: PathBuf,
    /// Repetitions of the bulk figures (B1, full rescoring); the interactive ones repeat more.
    pub runs: usize,
    pub import_rows: usize,
    pub seed: u64,
    pub work: PathBuf,
    /// The release app binary for B5/B6 (skipped when `None`).
    pub app: Option<PathBuf>,
    pub app_runs: usize,
    /// The same shell built around a blank page: B6's baseline (skipped when `None`).
    pub blank_app: Option<PathBuf>,
}

/// One line of the table.
pub struct Row {
    pub id: String,
    pub figure: String,
    pub goal: String,
    pub median: String,
    pub p95: String,
    pub baseline: String,
    pub ratio: String,
    /// `met`, `MISSED` (one per goal where a figure has two) or empty (no goal).
    pub result: String,
}

impl Row {
    pub fn new(id: &str, figure: &str) -> Row {
        Row {
            id: id.into(),
            figure: figure.into(),
            goal: String::new(),
            median: String::new(),
            p95: String::new(),
            baseline: String::new(),
            ratio: String::new(),
            result: String::new(),
        }
    }

    /// Median and p95 of `s`; `goal` is checked against the p95 when given.
    pub fn timed(mut self, s: &Samples, goal: Option<Duration>) -> Row {
        self.median = fmt(s.median());
        self.p95 = fmt(s.p95());
        if let Some(g) = goal {
            self.goal = format!("p95 < {}", fmt(g));
            self.result = verdict(s.p95() < g).into();
        }
        self
    }

    pub fn goal(mut self, goal: &str, met: bool) -> Row {
        self.goal = goal.into();
        self.result = verdict(met).into();
        self
    }
}

pub fn verdict(met: bool) -> &'static str {
    if met {
        "met"
    } else {
        "MISSED"
    }
}

/// The table as Markdown, ready for the README.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| # | figure | goal | median | p95 | baseline (same run) | ratio | result |\n\
         |---|---|---|---|---|---|---|---|\n",
    );
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.id, r.figure, r.goal, r.median, r.p95, r.baseline, r.ratio, r.result
        ));
    }
    out
}

fn ctx() -> Ctx {
    Ctx::new(1, "admin", vec![Role::Admin])
}

/// A clock fixed on the generated company's "as of" day, so every run scores the same dates.
pub(crate) fn clock_at(day: NaiveDate) -> Clock {
    let t = Utc.from_utc_datetime(&day.and_hms_opt(10, 0, 0).expect("valid time"));
    Arc::new(move || t)
}

pub(crate) fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for e in std::fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), target)?;
        }
    }
    Ok(())
}

pub(crate) fn as_of(db: &Path) -> NaiveDate {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
        .ok()
        .and_then(|c| {
            c.query_row("SELECT as_of FROM staff_scores WHERE id = 1", [], |r| {
                r.get::<_, String>(0)
            })
            .ok()
        })
        .and_then(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
        .unwrap_or_else(|| Utc::now().date_naive())
}

fn page(offset: i64) -> PageRequest {
    PageRequest { offset, limit: 100 }
}

/// Merges the search indexes' segments as the app does once it has been open for a while
/// (`Backoffice::tidy_search_indexes_in_background`), so searches are measured as a user meets
/// them; the time it took is a line of its own.
pub fn tidy(app: &Backoffice, log: &mut dyn FnMut(&str)) -> backoffice_core::Result<Row> {
    log("merging the search indexes (the app's upkeep after opening)");
    let started = std::time::Instant::now();
    let done = app.store().tidy_search_indexes(&|| true)?;
    let mut took = Samples::default();
    took.push(started.elapsed());
    Ok(Row::new(
        "",
        &format!(
            "search indexes merged, as the app does after opening ({} indexes, {} steps)",
            done.indexes, done.steps
        ),
    )
    .timed(&took, None))
}

/// Runs B1–B4; `log` hears about progress.
pub fn run(o: &Options, log: &mut dyn FnMut(&str)) -> backoffice_core::Result<Vec<Row>> {
    let mut rows = Vec::new();
    let copy = o.work.join("data");
    let _ = std::fs::remove_dir_all(&copy);
    log("copying the data dir");
    copy_dir(&o.data_dir, &copy).map_err(|e| {
        backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
    })?;
    let db = copy.join(DB_FILE_NAME);
    let day = as_of(&db);
    let (employees, records, changes, bytes) = {
        let c = rusqlite::Connection::open(&db)?;
        let n = |sql: &str| -> rusqlite::Result<i64> { c.query_row(sql, [], |r| r.get(0)) };
        (
            n("SELECT count(*) FROM employees")?,
            n(
                "SELECT (SELECT count(*) FROM employees) + (SELECT count(*) FROM attachments)
                 + (SELECT count(*) FROM training_records)",
            )?,
            n("SELECT count(*) FROM changes")?,
            std::fs::metadata(&db).map_or(0, |m| m.len()),
        )
    };
    log(&format!(
        "{employees} employees, {records} records, {changes} history rows, {:.0} MB, as of {day}",
        bytes as f64 / 1e6
    ));

    let plain = measure(o, &copy, day, (employees, records), None, log)?;
    rows.extend(plain.rows);
    let (app, ids, ctx) = (plain.app, plain.ids, ctx());
    rows.extend(crate::audit_bench::rows(&app, log)?);
    rows.extend(crate::backup_bench::rows(&app, &ctx, &ids, &o.work, log)?);
    rows.extend(crate::order_pdf_bench::rows(&app, &ctx, log)?);
    if crate::purchase_bench::has_orders(&app)? {
        rows.extend(crate::purchase_bench::rows(
            &app,
            &o.work,
            crate::purchase_import::FILES,
            log,
        )?);
    }
    // Last on this copy: it adds a /16 almost full of addresses.
    rows.extend(crate::asset_bench::rows(
        &app,
        &o.work,
        crate::asset_bench::ALMOST_FULL,
        log,
    )?);
    drop(app);
    if let Some(binary) = &o.app {
        log("B5/B6 the app window");
        rows.extend(crate::app_rows::rows(o, binary, &copy, records, log)?);
    }
    // The same figures again on the same data, encrypted.
    log("encrypting the copy");
    let t = Instant::now();
    let key = encrypt_copy(&copy, day)?;
    let took = t.elapsed();
    let encrypted = measure(o, &copy, day, (employees, records), Some(&key), log)?;
    drop(encrypted.app);
    let mut enc_rows = compare(&plain.figures, &encrypted.figures);
    enc_rows.insert(
        0,
        Row::new(
            "",
            &format!(
                "encrypting the {:.1} M-record file (copy, check, swap at the next open, seal the documents)",
                records as f64 / 1e6
            ),
        )
        .timed(&Samples::from(vec![took]), None),
    );
    rows.extend(enc_rows);
    let _ = std::fs::remove_dir_all(&copy);
    rows.extend(b1_rows(o, log));
    // The UI embedded in the app binary is the one built into ui/dist.
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/dist");
    rows.push(crate::ui_size::row(&dist));
    Ok(rows)
}

/// B6 alone (`run --only b6`): the app's memory idle on home, on a copy of the data dir, beside
/// the blank shell's when `--blank-app` is given. No B5 rows: their cold start needs the suite.
pub fn b6_rows(o: &Options, log: &mut dyn FnMut(&str)) -> backoffice_core::Result<Vec<Row>> {
    let Some(binary) = &o.app else {
        return Ok(Vec::new());
    };
    let copy = o.work.join("data");
    let _ = std::fs::remove_dir_all(&copy);
    log("copying the data dir");
    copy_dir(&o.data_dir, &copy).map_err(|e| {
        backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
    })?;
    let rows = crate::app_rows::memory_rows(o, binary, &copy, log);
    let _ = std::fs::remove_dir_all(&copy);
    rows
}

/// B1: import, on fresh data dirs, beside the bare insert. Needs no generated company, so
/// `run --only b1` runs it alone.
pub fn b1_rows(o: &Options, log: &mut dyn FnMut(&str)) -> Vec<Row> {
    let mut rows = Vec::new();
    log("B1 import");
    let (f, csv_bytes) = import_bench::run(o.import_rows, o.runs.max(1), o.seed, &o.work);
    let ratio = f.import.median().as_secs_f64() / f.bare.median().as_secs_f64();
    let mut r = Row::new(
        "B1",
        &format!(
            "import {} staff rows from CSV ({:.0} MB): read, map, validate, insert, history, search index, commit",
            o.import_rows,
            csv_bytes as f64 / 1e6
        ),
    )
    .timed(&f.import, None);
    r.goal = "≤ 2 s and ≤ 3× bare".into();
    r.baseline = format!("bare insert {}", fmt(f.bare.median()));
    r.ratio = format!("{ratio:.1}×");
    // Two goals, one verdict each: a single word would hide which one a run missed.
    r.result = format!(
        "2 s {}, 3× {}",
        verdict(f.import.p95() <= Duration::from_secs(2)),
        verdict(ratio <= 3.0)
    );
    rows.push(r);
    let step = |name: &str, s: &Samples| {
        let mut r = Row::new("B1", name).timed(s, None);
        r.baseline = format!("bare insert {}", fmt(f.bare.median()));
        r.ratio = format!(
            "{:.1}×",
            s.median().as_secs_f64() / f.bare.median().as_secs_f64()
        );
        r
    };
    rows.push(step(
        "… validate only (the report before the commit)",
        &f.validate,
    ));
    rows.push(step(
        &format!(
            "… floor: the same rows straight into `employees` by raw SQL (foreign keys checked), its {} indexes built after the rows as the import does",
            f.employee_indexes
        ),
        &f.schema,
    ));
    rows.push(step(
        &format!(
            "… the same with the {} indexes maintained row by row (a small import, or one into a larger table)",
            f.employee_indexes
        ),
        &f.schema_maintained,
    ));
    let mut enc = Row::new(
        "B1",
        "encrypted: the same import into an encrypted data folder",
    )
    .timed(&f.import_encrypted, None);
    let enc_ratio = f.import_encrypted.median().as_secs_f64() / f.import.median().as_secs_f64();
    enc.baseline = format!("plain import {}", fmt(f.import.median()));
    enc.ratio = format!("{enc_ratio:.2}×");
    rows.push(enc.goal("≤ 1.15× plain", enc_ratio <= 1.15));
    rows.push(step("… floor + search index entries", &f.schema_search));
    rows.push(step(
        "… floor + search index + one hash-chained history row each",
        &f.schema_search_history,
    ));
    rows
}

/// Search texts a back office types, drawn from the data: surnames, first names with part of a
/// surname, whole and partial tax codes, e-mail addresses, employee numbers, document titles and
/// department names.
fn search_queries(app: &Backoffice, seed: u64) -> backoffice_core::Result<Vec<String>> {
    let people: Vec<(String, String, String, String, String)> = app.store().read(|c| {
        let mut stmt = c.prepare(
            "SELECT first_name, last_name, tax_code, coalesce(email, ''),
                    coalesce(employee_number, '')
             FROM employees WHERE id % 997 = 1 ORDER BY id LIMIT 200",
        )?;
        let v = stmt
            .query_map([], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(v)
    })?;
    let mut r = Rng::new(seed).fork(88);
    let mut q = Vec::new();
    for _ in 0..4 {
        let (first, last, cf, email, number) = r.pick(&people).clone();
        q.push(last.to_lowercase());
        q.push(format!("{} {}", first, &last[..3.min(last.len())]));
        q.push(cf.clone());
        q.push(cf[..6].to_owned());
        q.push(email.split('@').next().unwrap_or_default().to_owned());
        q.push(number);
    }
    for t in [
        "idoneità 2025",
        "permesso di soggiorno",
        "contratto di assunzione",
        "carta d'identità",
        "attestato carrellista",
        "detrazioni 2024",
        "magazzino",
        "logistica bari",
        "ross",
        "mar",
    ] {
        q.push(t.to_owned());
    }
    Ok(q)
}

/// The bench's passphrase (the data is generated, the key thrown away with it).
const BENCH_PASSPHRASE: &str = "bench passphrase, not a secret";

/// Encrypts the data folder `app` has open as Settings → Encryption does, and opens it again as
/// the next start would (the staged file swapped in, the passphrase asked); returns its key.
pub fn encrypt_and_restart(
    app: Backoffice,
    dir: &Path,
    clock: Clock,
) -> backoffice_core::Result<(Backoffice, DataKey)> {
    app.encrypt(&ctx(), BENCH_PASSPHRASE, &mut |_, _| true)?;
    drop(app);
    Backoffice::finish_pending(dir)?;
    let key = unlock(dir, Secret::Passphrase(BENCH_PASSPHRASE), Utc::now())?;
    let app = Backoffice::open_with_key(dir, clock, Some(key.clone()))?;
    Ok((app, key))
}

/// Encrypts the copy, seals its documents, and returns the data key.
fn encrypt_copy(copy: &Path, day: NaiveDate) -> backoffice_core::Result<DataKey> {
    let app = Backoffice::open(copy, clock_at(day))?;
    let (app, key) = encrypt_and_restart(app, copy, clock_at(day))?;
    app.seal_documents(&mut |_, _| true)?;
    Ok(key)
}

/// The encrypted run's figures beside the plain run's: the ratio of medians, with the 15 % goal
/// on import, list pages and search.
fn compare(plain: &[(String, Samples, bool)], encrypted: &[(String, Samples, bool)]) -> Vec<Row> {
    plain
        .iter()
        .zip(encrypted)
        .map(|((label, p, goal), (_, e, _))| {
            let ratio = e.median().as_secs_f64() / p.median().as_secs_f64().max(1e-9);
            let id = label
                .split(' ')
                .next()
                .filter(|w| w.starts_with('B'))
                .unwrap_or("");
            let mut r = Row::new(id, &format!("encrypted: {label}")).timed(e, None);
            r.baseline = format!("plain {}", fmt(p.median()));
            r.ratio = format!("{ratio:.2}×");
            if *goal {
                r = r.goal("≤ 1.15× plain", ratio <= 1.15);
            }
            r
        })
        .collect()
}

/// A measured copy: its rows, the figures compared between the plain and the encrypted run
/// (label, samples, whether the 15 % goal applies), the open app and its active employees.
struct Measured {
    rows: Vec<Row>,
    figures: Vec<(String, Samples, bool)>,
    app: Backoffice,
    ids: Vec<i64>,
}

/// B2–B4 on the copy at `copy`, opened with `key` when it is encrypted.
fn measure(
    o: &Options,
    copy: &Path,
    day: NaiveDate,
    (employees, records): (i64, i64),
    key: Option<&DataKey>,
    log: &mut dyn FnMut(&str),
) -> backoffice_core::Result<Measured> {
    let mut rows = Vec::new();
    let mut figures = Vec::new();
    // Opening the store (what the app does before its first screen); the first open applies any
    // migration newer than the generator's build, and is not timed.
    let open_copy = || Backoffice::open_with_key(copy, clock_at(day), key.cloned());
    drop(open_copy()?);
    let open = repeat(5, || {
        drop(open_copy().expect("open"));
    });
    figures.push(("open the store".into(), open.clone(), false));
    rows.push(
        Row::new(
            "",
            &format!(
                "open the store on the {:.1} M-record file",
                records as f64 / 1e6
            ),
        )
        .timed(&open, None),
    );
    let app = open_copy()?;
    rows.push(tidy(&app, log)?);
    let ctx = ctx();

    // B2: global search.
    log("B2 global search");
    let queries = search_queries(&app, o.seed)?;
    let mut all = Samples::default();
    let mut worst: (Duration, String) = (Duration::ZERO, String::new());
    for text in &queries {
        let q = GlobalSearchQuery {
            text: text.clone(),
            limit: 20,
        };
        app.global_search(&ctx, &q)?;
        let s = repeat(25, || {
            app.global_search(&ctx, &q).expect("search");
        });
        if s.p95() > worst.0 {
            worst = (s.p95(), text.clone());
        }
        all.extend(&s);
    }
    figures.push(("B2 global search".into(), all.clone(), true));
    rows.push(Row::new(
        "B2",
        &format!(
            "global search, {} queries × 25 (names, tax codes, e-mail, numbers, document titles, departments; 20 hits per kind); slowest: \"{}\" p95 {}",
            queries.len(),
            worst.1,
            fmt(worst.0)
        ),
    )
    .timed(&all, Some(Duration::from_millis(30))));

    // B3: a page of 100 at the end of the list, per list shape.
    log("B3 staff list");
    let contract = app
        .list_contract_types(&ctx, true)?
        .into_iter()
        .find(|t| t.code.as_deref() == Some("permanent"))
        .map(|t| t.id);
    let biggest_department: Option<i64> = app.store().read(|c| {
        Ok(c.query_row(
            "SELECT department_id FROM employees GROUP BY department_id ORDER BY count(*) DESC LIMIT 1",
            [],
            |r| r.get(0),
        )?)
    })?;
    let base = StaffQuery::default();
    let shapes: Vec<(&str, StaffQuery)> = vec![
        (
            "everyone by name",
            StaffQuery {
                status: StatusFilter::All,
                ..base.clone()
            },
        ),
        (
            "active by name, descending",
            StaffQuery {
                dir: SortDir::Desc,
                ..base.clone()
            },
        ),
        (
            "active, permanent contract, by hire date",
            StaffQuery {
                contract_type_id: contract,
                sort: StaffSort::HireDate,
                ..base.clone()
            },
        ),
        (
            "active by completeness",
            StaffQuery {
                sort: StaffSort::Completeness,
                ..base.clone()
            },
        ),
        (
            "active by department",
            StaffQuery {
                sort: StaffSort::Department,
                ..base.clone()
            },
        ),
        (
            "active by employee number",
            StaffQuery {
                sort: StaffSort::EmployeeNumber,
                ..base.clone()
            },
        ),
        (
            "largest department by name",
            StaffQuery {
                department_id: biggest_department,
                ..base.clone()
            },
        ),
        (
            "active, completeness below 100, by next expiry",
            StaffQuery {
                completeness_below: Some(100),
                sort: StaffSort::NextExpiry,
                ..base.clone()
            },
        ),
        (
            "active, search \"ross\", by name",
            StaffQuery {
                search: Some("ross".into()),
                ..base.clone()
            },
        ),
    ];
    let mut b3 = Samples::default();
    let mut b3_rows = Vec::new();
    // The deepest page: pages in the second half are read from the end, so the middle one walks
    // the most index entries.
    let middles: Vec<(String, StaffQuery)> = shapes
        .iter()
        .filter(|(name, _)| {
            name.starts_with("active, permanent") || name.starts_with("active by department")
        })
        .map(|(name, q)| (name.to_string(), q.clone()))
        .collect();
    for (name, q) in shapes {
        let total = app.list_staff(&ctx, &q)?.total;
        let q = StaffQuery {
            page: page((total - 100).max(0)),
            ..q
        };
        let got = app.list_staff(&ctx, &q)?.items.len();
        let s = repeat(30, || {
            app.list_staff(&ctx, &q).expect("list");
        });
        b3.extend(&s);
        b3_rows.push(
            Row::new(
                "B3",
                &format!("… {name}: last page of {total} ({got} rows)"),
            )
            .timed(&s, Some(Duration::from_millis(10))),
        );
    }
    let shape_count = b3_rows.len();
    for (name, q) in middles {
        let total = app.list_staff(&ctx, &q)?.total;
        let q = StaffQuery {
            page: page(total / 2 - 50),
            ..q
        };
        let s = repeat(30, || {
            app.list_staff(&ctx, &q).expect("list");
        });
        b3_rows.push(
            Row::new(
                "B3",
                &format!("… {name}: the page in the middle of {total} (the deepest read)"),
            )
            .timed(&s, Some(Duration::from_millis(10))),
        );
    }
    figures.push(("B3 staff list pages".into(), b3.clone(), true));
    rows.push(
        Row::new(
            "B3",
            &format!(
                "staff list, page of 100 at the end of the list, {} list shapes × 30",
                shape_count
            ),
        )
        .timed(&b3, Some(Duration::from_millis(10))),
    );
    rows.extend(b3_rows);

    // B4: completeness.
    log("B4 completeness");
    app.company_completeness(&ctx)?;
    let rollup = repeat(20, || {
        app.company_completeness(&ctx).expect("rollup");
    });
    figures.push((
        "B4 completeness of the company".into(),
        rollup.clone(),
        false,
    ));
    rows.push(
        Row::new(
            "B4",
            &format!("completeness of the whole company ({employees} employees: overall and per department)"),
        )
        .timed(&rollup, Some(Duration::from_secs(1))),
    );
    // The needs-attention list Home shows: counts per severity and the 30 most urgent items,
    // each assessed live.
    app.attention(&ctx, Severity::Low, 30)?;
    let attention = repeat(40, || {
        app.attention(&ctx, Severity::Low, 30).expect("attention");
    });
    figures.push(("B4 needs-attention list".into(), attention.clone(), false));
    rows.push(
        Row::new(
            "B4",
            &format!("… Home's needs-attention list ({employees} employees: counts and the 30 most urgent)"),
        )
        .timed(&attention, Some(Duration::from_millis(50))),
    );
    let rescore_all = repeat(o.runs.max(1), || {
        app.store()
            .write("bench", |w| {
                scores::recompute_where(w.conn(), "1=1", &[], day)
            })
            .expect("rescore");
    });
    figures.push((
        "B4 every score recomputed".into(),
        rescore_all.clone(),
        false,
    ));
    rows.push(
        Row::new(
            "B4",
            &format!("… every score recomputed from the records ({employees} employees, one transaction)"),
        )
        .timed(&rescore_all, Some(Duration::from_secs(1))),
    );
    let mut rng = Rng::new(o.seed).fork(77);
    let ids: Vec<i64> = app.store().read(|c| {
        let mut stmt = c.prepare("SELECT id FROM employees WHERE status = 'active' ORDER BY id")?;
        let v = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<Vec<i64>>>()?;
        Ok(v)
    })?;
    let mut one = Samples::default();
    for k in 0..60 {
        let id = ids[rng.below(ids.len() as u64) as usize];
        let e = app.employee(&ctx, id)?.employee;
        let mut input = e.to_input();
        // Another number in the encrypted run, which saves the same employees again.
        let run = if key.is_some() { 2_000_000 } else { 1_000_000 };
        input.phone = Some(format!("+39 02 {:07}", run + k));
        let t = Instant::now();
        let saved = app.update_employee(&ctx, id, e.version, &input)?;
        one.push(t.elapsed());
        assert!(saved.employee.version > e.version);
    }
    figures.push(("B4 one employee saved".into(), one.clone(), false));
    rows.push(
        Row::new(
            "B4",
            "… one employee after a change (save the form: validate, write, history, rescore, commit; 60 employees)",
        )
        .timed(&one, Some(Duration::from_millis(5))),
    );
    Ok(Measured {
        rows,
        figures,
        app,
        ids,
    })
}
