//! B5 and B6 as rows of the table, from the measurements of [`crate::app`].

use crate::app::{measure, plain_start, AppFigures, Visit};
use crate::stats::fmt;
use crate::suite::{Options, Row};
use backoffice_core::{Error, ErrorCode};
use chrono::NaiveDate;
use std::path::Path;
use std::time::Duration;

/// How long the app sits on its screen before memory is read.
const IDLE: Duration = Duration::from_secs(10);

fn internal(e: String) -> Error {
    Error::new(ErrorCode::Internal, e)
}

/// (median, largest) of a few MB readings.
fn mb(v: &[f64]) -> (f64, f64) {
    let mut s = v.to_vec();
    s.sort_by(f64::total_cmp);
    (s[s.len() / 2], s[s.len() - 1])
}

pub fn rows(
    o: &Options,
    binary: &Path,
    data: &Path,
    records: i64,
    log: &mut dyn FnMut(&str),
) -> backoffice_core::Result<Vec<Row>> {
    let password = crate::generate::admin_password(o.seed);
    let quiet = Visit {
        password: &password,
        idle: IDLE,
        tour: false,
    };
    // The first start reads GTK, WebKit, the app and the file from disk unless earlier programs
    // left them in the OS file cache, and the starts after it do not: it is measured on its own,
    // after emptying that cache where the bench may (as root), so the line is a true cold start.
    let cold = empty_file_cache();
    log(if cold {
        "first start, the OS file cache emptied"
    } else {
        "first start (the OS file cache could not be emptied: not root)"
    });
    let first = measure(binary, data, &quiet, 1, &o.work, log).map_err(internal)?;
    let visit = Visit {
        tour: true,
        ..quiet
    };
    let f = measure(binary, data, &visit, o.app_runs.max(1), &o.work, log).map_err(internal)?;
    let mut rows = b5_rows(&f, records);
    rows.push(
        Row::new(
            "B5",
            if cold {
                "… cold start, before the starts above: the OS file cache emptied first (the first start after booting the machine)"
            } else {
                "… first start, before the starts above (not counted in them: GTK, WebKit and the file as earlier programs left them in the OS file cache)"
            },
        )
        .timed(&first.to_home, None),
    );
    // The same on a small company: what the size of the file costs.
    let small = o.work.join("small");
    let _ = std::fs::remove_dir_all(&small);
    crate::generate::generate(
        &crate::generate::Options {
            employees: 2_000,
            records: 20_000,
            seed: o.seed,
            data_dir: small.clone(),
            as_of: NaiveDate::from_ymd_opt(2026, 3, 2).expect("valid date"),
            orders: 0,
        },
        &mut |_| {},
    )?;
    let g = measure(binary, &small, &quiet, 2, &o.work, log).map_err(internal)?;
    let _ = std::fs::remove_dir_all(&small);
    rows.push(
        Row::new(
            "B5",
            &format!(
                "… the same on a 20 k-record file, for comparison (2 starts; {:.0} MB PSS there)",
                mb(&g.pss_mb).1
            ),
        )
        .timed(&g.to_home, None),
    );
    let blank = blank_baseline(o, log)?;
    rows.extend(b6_rows(&f, blank));
    Ok(rows)
}

/// B6 alone: `--app-runs` starts of the app, signed in and idle on home, beside the blank shell.
pub fn memory_rows(
    o: &Options,
    binary: &Path,
    data: &Path,
    log: &mut dyn FnMut(&str),
) -> backoffice_core::Result<Vec<Row>> {
    let password = crate::generate::admin_password(o.seed);
    let visit = Visit {
        password: &password,
        idle: IDLE,
        tour: true,
    };
    let f = measure(binary, data, &visit, o.app_runs.max(1), &o.work, log).map_err(internal)?;
    let blank = blank_baseline(o, log)?;
    Ok(b6_rows(&f, blank))
}

/// The blank shell's memory, the median of as many plain starts as the app had (its own
/// readings vary by a few MB from start to start), when `--blank-app` names it.
struct Blank {
    rss: f64,
    pss: f64,
    anon: f64,
    /// WebKit processes of other programs seen at any of its readings.
    other_webkit: usize,
}

fn blank_baseline(
    o: &Options,
    log: &mut dyn FnMut(&str),
) -> backoffice_core::Result<Option<Blank>> {
    let Some(b) = &o.blank_app else {
        return Ok(None);
    };
    let (mut rss, mut pss, mut anon, mut other_webkit) = (Vec::new(), Vec::new(), Vec::new(), 0);
    for i in 0..o.app_runs.max(1) {
        let dir = o.work.join("blank-data");
        let _ = std::fs::remove_dir_all(&dir);
        let p = plain_start(b, &dir, &o.work, IDLE).map_err(internal)?;
        let _ = std::fs::remove_dir_all(&dir);
        log(&format!(
            "B6 baseline, the shell around a blank page, start {}: {:.0} MB RSS ({:.0} MB PSS, {:.0} MB anonymous; {} WebKit processes of other programs)",
            i + 1,
            p.rss,
            p.pss,
            p.anon,
            p.other_webkit
        ));
        other_webkit = other_webkit.max(p.other_webkit);
        rss.push(p.rss);
        pss.push(p.pss);
        anon.push(p.anon);
    }
    Ok(Some(Blank {
        rss: mb(&rss).0,
        pss: mb(&pss).0,
        anon: mb(&anon).0,
        other_webkit,
    }))
}

/// Writes dirty pages out and drops the kernel's file cache; false where that is not allowed.
fn empty_file_cache() -> bool {
    let synced = std::process::Command::new("sync")
        .status()
        .is_ok_and(|s| s.success());
    synced && std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

fn b5_rows(f: &AppFigures, records: i64) -> Vec<Row> {
    let mut rows = vec![
        Row::new(
            "B5",
            &format!(
                "open the app on the {:.1} M-record file to a usable home screen: process start → sign-in form seen, + click on Sign in → home seen ({} starts by tauri-driver, release build, typing excluded)",
                records as f64 / 1e6,
                f.to_home.len()
            ),
        )
        .timed(&f.to_home, Some(Duration::from_secs(1))),
        Row::new(
            "B5",
            &format!(
                "… process start → the page starts loading (WebKitWebDriver sets up its session first: the web process starts {} after the app under WebDriver, {} in a plain start)",
                fmt(f.web_process.median()),
                fmt(f.plain_web_process.median())
            ),
        )
        .timed(&f.to_navigation, None),
        Row::new(
            "B5",
            "… page load start → sign-in form painted (first contentful paint, from the page)",
        )
        .timed(&f.navigation_to_paint, None),
        Row::new("B5", "… process start → sign-in form seen").timed(&f.to_sign_in, None),
        Row::new("B5", "… click on Sign in → home seen").timed(&f.sign_in_to_home, None),
        Row::new(
            "B5",
            "… of which Rust: home, sign_out, sign_in (Argon2id), home called from the page, IPC included",
        )
        .timed(&f.commands, None),
    ];
    for (what, s) in &f.plain_milestones {
        rows.push(
            Row::new(
                "B5",
                &format!("… plain start (no WebDriver), the app's own trace: {what}"),
            )
            .timed(s, None),
        );
    }
    rows
}

fn b6_rows(f: &AppFigures, blank: Option<Blank>) -> Vec<Row> {
    let (rss_med, rss_max) = mb(&f.rss_mb);
    let (pss_med, pss_max) = mb(&f.pss_mb);
    let mut rows = Vec::new();
    let mut r = Row::new(
        "B6",
        &format!(
            "resident memory, app + web view idle on home 10 s after sign-in: PSS summed over the {} processes (each shared page counted once; p95 column: the largest)",
            f.processes
        ),
    )
    .goal("< 200 MB", pss_max < 200.0);
    r.median = format!("{pss_med:.0} MB");
    r.p95 = format!("{pss_max:.0} MB");
    if f.other_webkit > 0 {
        // Shared pages are split with them: the figure would look smaller than it is.
        r.figure += &format!(
            " — NOT VALID: {} WebKit processes of other programs were running",
            f.other_webkit
        );
        r.result = "not valid".into();
    }
    if let Some(b) = &blank {
        r.baseline = format!("blank page in the same shell {:.0} MB", b.pss);
        r.ratio = format!("{:.2}×", pss_med / b.pss);
    }
    // PSS splits shared pages with other programs' WebKit processes: with any running, at the
    // app's readings or the blank shell's, the PSS figures do not compare.
    let valid = f.other_webkit == 0 && blank.as_ref().is_none_or(|b| b.other_webkit == 0);
    rows.push(r);
    if let Some(b) = &blank {
        let blank_pss = b.pss;
        // What our screens add to what Tauri, GTK and WebKit take anyway: the part the app owns.
        let over = pss_med - blank_pss;
        let mut r = Row::new(
            "B6",
            "… over the blank page in the same shell (PSS, median against median)",
        )
        .goal("≤ 30 MB", over <= 30.0);
        r.median = format!("{over:.0} MB");
        r.p95 = format!("{:.0} MB", pss_max - blank_pss);
        if !valid {
            r.result = "not valid".into();
        }
        rows.push(r);
        let (anon_med, anon_max) = mb(&f.anon_mb);
        let mut r = Row::new(
            "B6",
            "… over the blank page, anonymous memory summed (no file behind it, so other programs' WebKit processes do not change it)",
        );
        r.median = format!("{:.0} MB", anon_med - b.anon);
        r.p95 = format!("{:.0} MB", anon_max - b.anon);
        r.baseline = format!("blank page in the same shell {:.0} MB anonymous", b.anon);
        rows.push(r);
    }
    let mut r = Row::new(
        "B6",
        "… VmRSS summed (a library shared by the processes counts once per process)",
    );
    r.median = format!("{rss_med:.0} MB");
    r.p95 = format!("{rss_max:.0} MB");
    if let Some(b) = &blank {
        r.baseline = format!("blank page in the same shell {:.0} MB", b.rss);
        r.ratio = format!("{:.2}×", rss_med / b.rss);
    }
    rows.push(r);
    if !f.after_use_pss_mb.is_empty() {
        let (med, max) = mb(&f.after_use_pss_mb);
        let mut r = Row::new(
            "B6",
            &format!(
                "… PSS summed after {} rounds of staff list, a sort, an employee's file and home, then 10 s idle on home",
                crate::tour::ROUNDS
            ),
        );
        r.median = format!("{med:.0} MB");
        r.p95 = format!("{max:.0} MB");
        rows.push(r);
        let (med, max) = mb(&f.after_use_anon_mb);
        let mut r = Row::new("B6", "… the same as anonymous memory summed");
        r.median = format!("{med:.0} MB");
        r.p95 = format!("{max:.0} MB");
        rows.push(r);
    }
    for (name, rss, pss) in &f.per_process {
        let mut r = Row::new("B6", &format!("… {name} (last start)"));
        r.median = format!("{pss:.0} MB PSS");
        r.p95 = format!("{rss:.0} MB RSS");
        rows.push(r);
    }
    let steps = &f.steps;
    for (what, samples) in [
        ("a click on Staff → the staff list", &steps.staff),
        ("a click on a column title → the list sorted", &steps.sort),
        ("a click on a row → the employee's file", &steps.employee),
        ("a click on Home → home", &steps.home),
    ] {
        if !samples.is_empty() {
            let figure = format!("… during those rounds, {what} (the first round included)");
            rows.push(Row::new("B6", &figure).timed(samples, None));
        }
    }
    let mut r = Row::new("B6", "release binary size (stripped, UI embedded)");
    r.median = format!("{:.1} MB", f.binary_bytes as f64 / 1e6);
    rows.push(r);
    rows
}
