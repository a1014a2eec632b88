//! Start-up milestones, printed to standard error when `BACKOFFICE_STARTUP_TRACE` is set: how
//! long after the process started the window, the page and the first command came. The benchmark
//! suite reads them from a plain start, where no WebDriver session is there to observe the page.

use std::sync::OnceLock;
use std::time::Instant;

pub const STARTUP_TRACE_ENV: &str = "BACKOFFICE_STARTUP_TRACE";

/// (the moment of the first mark, milliseconds the process had run by then).
fn origin() -> &'static (Instant, f64) {
    static ORIGIN: OnceLock<(Instant, f64)> = OnceLock::new();
    ORIGIN.get_or_init(|| (Instant::now(), ran_for_ms().unwrap_or(0.0)))
}

/// How long this process has run, from the kernel's record of its start (Linux); the dynamic
/// loading of the GTK and WebKit libraries happens before `main` and is part of it.
#[cfg(target_os = "linux")]
fn ran_for_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields follow the command name's closing parenthesis; the start time is field 22.
    let rest = &stat[stat.rfind(')')? + 2..];
    let ticks: f64 = rest.split_whitespace().nth(19)?.parse().ok()?;
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")
        .ok()?
        .split_whitespace()
        .next()?
        .parse()
        .ok()?;
    // The kernel counts start times in USER_HZ ticks, 100 per second on every Linux ABI.
    Some((uptime - ticks / 100.0) * 1e3)
}

#[cfg(not(target_os = "linux"))]
fn ran_for_ms() -> Option<f64> {
    None
}

pub fn enabled() -> bool {
    static ON: OnceLock<bool> = OnceLock::new();
    *ON.get_or_init(|| std::env::var_os(STARTUP_TRACE_ENV).is_some())
}

pub fn mark(what: &str) {
    if !enabled() {
        return;
    }
    let (at, before) = origin();
    let ms = before + at.elapsed().as_secs_f64() * 1e3;
    eprintln!("startup {ms:.1} ms: {what}");
}
