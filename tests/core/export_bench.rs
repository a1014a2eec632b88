//! Export and import-check costs at 100,000 employees (not timed tests: they print, and run only
//! when asked):
//! `cargo test -p backoffice-core --release --test core -- --ignored --nocapture export_bench`.

use crate::staff::import::write_clean_csv;
use crate::staff::staff_app;
use backoffice_core::domain::history::HistoryQuery;
use backoffice_core::domain::staff::employee::{StaffQuery, StatusFilter};
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::import::{read_file, ChosenFile};
use backoffice_core::services::StaffImport;
use backoffice_core::store::staff::list;
use std::time::{Duration, Instant};

/// The process's peak resident memory since the last [`reset_peak`], in MB (Linux).
fn peak_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

#[test]
#[ignore]
fn exports_and_file_checks_at_100000() {
    const N: usize = 100_000;
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("centomila.csv");
    let departments: Vec<String> = (0..40).map(|i| format!("Reparto {i:02}")).collect();
    let names: Vec<&str> = departments.iter().map(String::as_str).collect();
    write_clean_csv(&path, N, &names, "3");
    let size = std::fs::metadata(&path).unwrap().len();
    let read = median(5, || {
        read_file(&path).unwrap();
    });
    let chosen = median(5, || {
        ChosenFile::choose(&path).unwrap();
    });
    let bytes = std::fs::read(&path).unwrap();
    let hash = median(5, || {
        use sha2::Digest;
        std::hint::black_box(sha2::Sha256::digest(&bytes));
    });
    println!(
        "read the {:.1} MB file: {read:?}; read and hash it (choose): {chosen:?}; the hash alone: {hash:?}",
        size as f64 / 1e6
    );
    let (file, preview) = t.app.choose_import(&t.ctx, &StaffImport, &path).unwrap();
    let options = ImportOptions {
        create_missing_departments: true,
        capitalise_names: false,
    };
    let started = Instant::now();
    t.app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &file,
            &preview.mapping,
            &options,
            &mut |_, _| true,
        )
        .unwrap();
    println!("import of {N} rows: {:?}", started.elapsed());

    let everyone = StaffQuery {
        status: StatusFilter::All,
        ..StaffQuery::default()
    };
    // Baseline in the same run: the same rows read and written as plain text cells with the csv
    // crate, as the list export did before it had typed columns, marks and a record.
    let bare = dir.path().join("bare.csv");
    let today = t.app.today();
    let d = median(3, || {
        let mut out = csv::WriterBuilder::new()
            .delimiter(b';')
            .from_path(&bare)
            .unwrap();
        t.app
            .store()
            .read(|c| {
                list::for_each(c, &everyone, today, &mut |e, n| {
                    let s = |v: &Option<String>| v.clone().unwrap_or_default();
                    let d = |v: Option<chrono::NaiveDate>| {
                        v.map(|d| d.format("%d/%m/%Y").to_string())
                            .unwrap_or_default()
                    };
                    let row = [
                        s(&e.employee_number),
                        e.last_name.clone(),
                        e.first_name.clone(),
                        e.tax_code.clone(),
                        d(e.birth_date),
                        s(&e.birth_place),
                        format!("{:?}", e.sex),
                        s(&e.email),
                        s(&e.phone),
                        s(&e.address),
                        s(&e.iban),
                        s(&n.department),
                        s(&e.job_title),
                        s(&n.manager_tax_code),
                        d(Some(e.hire_date)),
                        s(&n.contract_type_it),
                        d(e.contract_end),
                        s(&e.ccnl),
                        s(&e.level),
                        format!("{:?}", e.status),
                        d(e.termination_date),
                        s(&e.termination_reason),
                        e.completeness.to_string(),
                        d(e.next_expiry),
                    ];
                    out.write_record(&row).unwrap();
                    Ok(())
                })
            })
            .unwrap();
        out.flush().unwrap();
    });
    println!("baseline: the same rows as plain text with the csv crate: {d:?}");
    for (name, language) in [("csv it", "it"), ("csv en", "en"), ("xlsx", "it")] {
        let ext = if name == "xlsx" { "xlsx" } else { "csv" };
        let out = dir.path().join(format!("export.{ext}"));
        let d = median(3, || {
            let n = if name == "xlsx" {
                t.app.export_staff_xlsx(&t.ctx, &everyone, &out, language)
            } else {
                t.app.export_staff_csv(&t.ctx, &everyone, &out, language)
            };
            assert_eq!(n.unwrap(), N as u64);
        });
        let mb = std::fs::metadata(&out).unwrap().len() as f64 / 1e6;
        reset_peak();
        let before = peak_mb();
        if name == "xlsx" {
            t.app.export_staff_xlsx(&t.ctx, &everyone, &out, language)
        } else {
            t.app.export_staff_csv(&t.ctx, &everyone, &out, language)
        }
        .unwrap();
        let peak = peak_mb() - before;
        println!("staff list {name}, {N} rows: {d:?} ({mb:.1} MB; peak memory +{peak:.0} MB)");
    }
    let out = dir.path().join("storico.csv");
    let mut rows = 0;
    let d = median(3, || {
        rows = t
            .app
            .export_history_csv(&t.ctx, &HistoryQuery::default(), &out, "it")
            .unwrap();
    });
    let mb = std::fs::metadata(&out).unwrap().len() as f64 / 1e6;
    println!("history csv, {rows} rows: {d:?} ({mb:.1} MB)");
}
