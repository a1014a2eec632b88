//! B5 and B6 through the real app: the release binary started by tauri-driver (as the e2e tests
//! start it) on a generated data dir, under an X server.
//!
//! B5, time to a usable home screen: from the app process's start (its start time in /proc) to
//! the sign-in form on screen, plus from the click on "Sign in" to the home screen showing the
//! organisation. Both are observed in the page, frame by frame (`requestAnimationFrame`), and
//! stamped with the page's clock (`performance.timeOrigin + performance.now()`, wall-clock
//! milliseconds); the form time is an upper bound, since the first look may come after it
//! appeared. B6: resident memory of the app and the WebKit processes it started, idle on home.

use crate::driver::DriverProcess;
use crate::stats::Samples;
use crate::webdriver::Session;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub struct AppFigures {
    /// Process start → sign-in form on screen.
    pub to_sign_in: Samples,
    /// Click on "Sign in" → home screen with the organisation.
    pub sign_in_to_home: Samples,
    /// The sum: opening the app to a usable home screen, typing excluded.
    pub to_home: Samples,
    /// Process start → navigation start of the page (WebDriver's session set-up included).
    pub to_navigation: Samples,
    /// Navigation start → first contentful paint (the sign-in form).
    pub navigation_to_paint: Samples,
    /// Process start → the WebKit web process started.
    pub web_process: Samples,
    /// `home`, `sign_out`, `sign_in`, `home` called from the page, round trips included.
    pub commands: Samples,
    /// The last run's processes: name, RSS MB, PSS MB.
    pub per_process: Vec<(String, f64, f64)>,
    /// Started without WebDriver: process start → the WebKit web process started.
    pub plain_web_process: Samples,
    /// Started without WebDriver: the app's own milestones (name, ms after process start).
    pub plain_milestones: Vec<(String, Samples)>,
    /// Resident memory (VmRSS) of the app + WebKit processes idle on home, MB.
    pub rss_mb: Vec<f64>,
    /// The same as proportional set size (shared pages split between processes), MB.
    pub pss_mb: Vec<f64>,
    /// The anonymous memory at the same moment, MB.
    pub anon_mb: Vec<f64>,
    pub processes: usize,
    /// WebKit processes of other programs seen while memory was read: they share the library
    /// pages, so each one lowers the PSS figure.
    pub other_webkit: usize,
    pub binary_bytes: u64,
    /// PSS of the same processes after the tour ([`crate::tour`]) and as long idle again, MB
    /// (empty when the starts made no tour).
    pub after_use_pss_mb: Vec<f64>,
    /// Anonymous memory at the same moment, MB.
    pub after_use_anon_mb: Vec<f64>,
    /// The tour's steps, click to screen.
    pub steps: crate::tour::Steps,
}

/// What each start does once the window is open.
pub struct Visit<'a> {
    /// The generated administrator's password.
    pub password: &'a str,
    /// How long the window sits on home before memory is read.
    pub idle: Duration,
    /// Whether to make the tour after the first reading, then read memory again.
    pub tour: bool,
}

fn now_ms() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0.0, |d| d.as_secs_f64() * 1e3)
}

fn read(path: impl AsRef<Path>) -> Option<String> {
    std::fs::read_to_string(path).ok()
}

/// (parent pid, start time in clock ticks since boot) of a process.
fn stat(pid: u32) -> Option<(u32, u64)> {
    let s = read(format!("/proc/{pid}/stat"))?;
    // The command name is in parentheses and may contain spaces: fields follow the last ')'.
    let rest = &s[s.rfind(')')? + 2..];
    let f: Vec<&str> = rest.split_whitespace().collect();
    Some((f.get(1)?.parse().ok()?, f.get(19)?.parse().ok()?))
}

fn pids() -> Vec<u32> {
    std::fs::read_dir("/proc")
        .map(|it| {
            it.filter_map(|e| e.ok()?.file_name().to_str()?.parse().ok())
                .collect()
        })
        .unwrap_or_default()
}

/// Wall-clock milliseconds at which a process started. The kernel records the start in clock
/// ticks since boot; the boot clock read beside the wall clock places it (to the 10 ms tick, so
/// the start can be up to 10 ms earlier than this says). `btime` in /proc/stat would not do: it
/// is whole seconds, which put starts up to a second early.
fn started_ms(pid: u32) -> Option<f64> {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the timespec we own; sysconf only reads a setting.
    let (ok, hz) = unsafe {
        (
            libc::clock_gettime(libc::CLOCK_BOOTTIME, &mut ts) == 0,
            libc::sysconf(libc::_SC_CLK_TCK) as f64,
        )
    };
    if !ok {
        return None;
    }
    let boot_now_ms = ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6;
    let wall_at_boot = now_ms() - boot_now_ms;
    let (_, ticks) = stat(pid)?;
    Some(wall_at_boot + ticks as f64 / hz * 1e3)
}

/// The newest process running `binary`.
fn app_pid(binary: &Path) -> Option<u32> {
    let want = binary.canonicalize().ok()?;
    pids()
        .into_iter()
        .filter(|p| std::fs::read_link(format!("/proc/{p}/exe")).ok().as_ref() == Some(&want))
        .max_by_key(|p| stat(*p).map_or(0, |s| s.1))
}

/// `pid` and every process below it.
fn family(pid: u32) -> Vec<u32> {
    let parents: Vec<(u32, u32)> = pids()
        .into_iter()
        .filter_map(|p| Some((p, stat(p)?.0)))
        .collect();
    let mut out = vec![pid];
    let mut i = 0;
    while i < out.len() {
        let parent = out[i];
        out.extend(
            parents
                .iter()
                .filter(|(_, pp)| *pp == parent)
                .map(|(p, _)| *p),
        );
        i += 1;
    }
    out
}

fn kib(text: &str, key: &str) -> f64 {
    text.lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.split_whitespace().next()?.parse::<f64>().ok())
        .unwrap_or(0.0)
}

/// (RSS, PSS, anonymous) in MB of these processes together. Anonymous memory (the JavaScript
/// heap, the DOM, styles, caches, painted tiles: no file behind it) is what a page adds, and
/// unlike PSS (and the pages only one process maps) it does not move when other programs map the same libraries: on a
/// machine shared with other WebKit programs it is the reading that compares two runs.
fn memory(pids: &[u32]) -> (f64, f64, f64) {
    let (mut rss, mut pss, mut anon) = (0.0, 0.0, 0.0);
    for p in pids {
        rss += read(format!("/proc/{p}/status")).map_or(0.0, |s| kib(&s, "VmRSS:"));
        if let Some(s) = read(format!("/proc/{p}/smaps_rollup")) {
            pss += kib(&s, "Pss:");
            anon += kib(&s, "Anonymous:");
        }
    }
    (rss / 1024.0, pss / 1024.0, anon / 1024.0)
}

/// Processes outside `ours` that map the WebKit library (another app, a leftover test run).
pub fn other_webkit_processes(ours: &[u32]) -> usize {
    pids()
        .into_iter()
        .filter(|p| !ours.contains(p))
        .filter(|p| read(format!("/proc/{p}/maps")).is_some_and(|m| m.contains("libwebkit2gtk")))
        .count()
}

/// Waits in the page, frame by frame, until `css` is on screen; returns the page's wall clock
/// then (ms). `click` is clicked first, in the same script, when given.
const WAIT_VISIBLE: &str = "
    const [css, click, done] = arguments;
    const visible = () => {
      for (const e of document.querySelectorAll(css)) {
        const r = e.getBoundingClientRect();
        if (r.width > 0 && r.height > 0) return true;
      }
      return false;
    };
    let clicked = null;
    if (click) {
      const b = document.querySelector(click);
      clicked = performance.timeOrigin + performance.now();
      b.click();
    }
    const tick = () => {
      if (visible()) {
        done({ at: performance.timeOrigin + performance.now(), clicked });
      } else {
        requestAnimationFrame(tick);
      }
    };
    tick();";

fn wait_visible(s: &Session, css: &str, click: Option<&str>) -> Result<(f64, Option<f64>), String> {
    let v: Value = s
        .execute_async(WAIT_VISIBLE, vec![json!(css), json!(click)])
        .map_err(|e| e.to_string())?;
    let at = v["at"].as_f64().ok_or_else(|| format!("no time in {v}"))?;
    Ok((at, v["clicked"].as_f64()))
}

fn type_into(s: &Session, css: &str, text: &str) -> Result<(), String> {
    let el = s
        .find(css)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("no {css}"))?;
    s.send_keys(&el, text).map_err(|e| e.to_string())
}

/// What one start of the app measured (milliseconds and MB).
struct Once {
    /// Process start → sign-in form seen on screen (upper bound).
    to_form: f64,
    /// Process start → the page's navigation start (`performance.timeOrigin`).
    to_navigation: f64,
    /// Navigation start → first contentful paint (the sign-in form: nothing paints before it).
    navigation_to_paint: f64,
    /// Click on "Sign in" → home on screen.
    to_home: f64,
    /// The `sign_in` and `home` commands alone, called from the page afterwards.
    commands: f64,
    /// Process start → the WebKit web process started.
    web_process: f64,
    other_webkit: usize,
    rss: f64,
    pss: f64,
    anon: f64,
    per_process: Vec<(String, f64, f64)>,
    /// The page's start-up marks and loaded files, ms after its navigation start.
    timeline: Vec<(String, f64)>,
    /// (RSS, PSS, anonymous) after the tour and the idle time after it, MB.
    after_use: Option<(f64, f64, f64)>,
}

const PAGE_TIMES: &str = "
    const [pw, done] = arguments;
    const inv = window.__TAURI_INTERNALS__.invoke;
    const fcp = performance.getEntriesByType('paint').find((p) => p.name === 'first-contentful-paint');
    (async () => {
      const s = performance.now();
      await inv('home', {});
      await inv('sign_out', {});
      await inv('sign_in', { username: 'admin', password: pw });
      await inv('home', {});
      const marks = performance.getEntriesByType('mark').map((m) => [m.name, m.startTime]);
      const files = performance.getEntriesByType('resource').map((r) => [r.name, r.responseEnd]);
      done({ origin: performance.timeOrigin, fcp: fcp ? fcp.startTime : null, commands: performance.now() - s, marks, files });
    })().catch((e) => done({ error: String(e) }));";

fn once(
    binary: &Path,
    data_dir: &Path,
    visit: &Visit,
    steps: &mut crate::tour::Steps,
    work: &Path,
) -> Result<Once, String> {
    let (password, idle) = (visit.password, visit.idle);
    wait_for_folder(data_dir)?;
    let profile = work.join("profile");
    let _ = std::fs::remove_dir_all(&profile);
    let env: Vec<(String, String)> = ["DATA", "CACHE", "CONFIG", "STATE"]
        .iter()
        .map(|k| {
            (
                format!("XDG_{k}_HOME"),
                profile.join(k.to_lowercase()).display().to_string(),
            )
        })
        .chain([("LANGUAGE".to_owned(), "en_GB".to_owned())])
        .collect();
    let driver = DriverProcess::start(&work.join("driver.log"), &env);
    let caps = json!({
        "browserName": "wry",
        "tauri:options": {
            "application": binary,
            "args": ["--data-dir", data_dir],
        },
    });
    let session =
        Session::new(&driver.url, caps, Duration::from_secs(60)).map_err(|e| e.to_string())?;
    let result = (|| {
        let pid = app_pid(binary).ok_or("the app process was not found")?;
        let started = started_ms(pid).ok_or("no start time")?;
        let (form_at, _) = wait_visible(&session, "[data-testid=sign-in-form]", None)?;
        type_into(&session, "input[name=username]", crate::generate::ADMIN)?;
        type_into(&session, "input[name=password]", password)?;
        let (home_at, clicked) = wait_visible(
            &session,
            "[data-testid=home-organisation-name]",
            Some("[data-testid=sign-in-submit]"),
        )?;
        let clicked = clicked.ok_or("no click time")?;
        std::thread::sleep(idle);
        let procs = family(pid);
        let (rss, pss, anon) = memory(&procs);
        let others = other_webkit_processes(&procs);
        let per_process = procs
            .iter()
            .map(|p| {
                let name = read(format!("/proc/{p}/comm")).unwrap_or_default();
                let (r, s, _) = memory(&[*p]);
                (name.trim().to_owned(), r, s)
            })
            .collect();
        let after_use = if visit.tour {
            crate::tour::run(&session, steps)?;
            std::thread::sleep(idle);
            Some(memory(&family(pid)))
        } else {
            None
        };
        let web_process = procs
            .iter()
            .filter(|p| {
                read(format!("/proc/{p}/comm")).is_some_and(|c| c.starts_with("WebKitWebProc"))
            })
            .filter_map(|p| started_ms(*p))
            .next()
            .map_or(0.0, |t| t - started);
        let page = session
            .execute_async(PAGE_TIMES, vec![json!(password)])
            .map_err(|e| e.to_string())?;
        if let Some(e) = page.get("error") {
            return Err(format!("page timings: {e}"));
        }
        let origin = page["origin"].as_f64().unwrap_or(started);
        let mut timeline: Vec<(String, f64)> = ["marks", "files"]
            .iter()
            .flat_map(|k| page[k].as_array().cloned().unwrap_or_default())
            .filter_map(|e| {
                let name = e[0].as_str()?;
                let name = name.rsplit('/').next().unwrap_or(name).to_owned();
                Some((name, e[1].as_f64()?))
            })
            .collect();
        timeline.sort_by(|a, b| a.1.total_cmp(&b.1));
        Ok(Once {
            to_form: form_at - started,
            to_navigation: origin - started,
            navigation_to_paint: page["fcp"].as_f64().unwrap_or(f64::NAN),
            to_home: home_at - clicked,
            commands: page["commands"].as_f64().unwrap_or(f64::NAN),
            web_process,
            other_webkit: others,
            rss,
            pss,
            anon,
            per_process,
            timeline,
            after_use,
        })
    })();
    let _ = session.delete();
    drop(driver);
    result
}

/// Waits for the app of the previous start to let go of the data folder: one app per folder, so a
/// start while the last one is still closing would only bring that one forward.
fn wait_for_folder(data_dir: &Path) -> Result<(), String> {
    let deadline = std::time::Instant::now() + Duration::from_secs(30);
    while backoffice_core::instance::is_held(data_dir) {
        if std::time::Instant::now() > deadline {
            return Err("the previous app still holds the data folder after 30 s".into());
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Ok(())
}

/// What a plain start (no WebDriver) showed.
pub struct Plain {
    /// Process start → the WebKit web process started, ms.
    pub web_process: f64,
    /// The app's own start-up milestones (`BACKOFFICE_STARTUP_TRACE`): what, ms after start.
    pub milestones: Vec<(String, f64)>,
    /// RSS and PSS of the app and its WebKit processes after `idle`, MB.
    pub rss: f64,
    pub pss: f64,
    pub anon: f64,
    /// WebKit processes of other programs running meanwhile (see [`other_webkit_processes`]).
    pub other_webkit: usize,
}

/// Starts `binary` directly, as a person does (no WebDriver), with the app's start-up trace on,
/// waits `idle` on its first screen, measures, and ends it the way a window manager closes it.
pub fn plain_start(
    binary: &Path,
    data_dir: &Path,
    work: &Path,
    idle: Duration,
) -> Result<Plain, String> {
    use std::io::{BufRead, BufReader};
    wait_for_folder(data_dir)?;
    let profile = work.join("profile-plain");
    let _ = std::fs::remove_dir_all(&profile);
    let mut cmd = std::process::Command::new(binary);
    cmd.arg("--data-dir")
        .arg(data_dir)
        .env("LANGUAGE", "en_GB")
        .env("GSETTINGS_BACKEND", "memory")
        .env("BACKOFFICE_STARTUP_TRACE", "1")
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    for k in ["DATA", "CACHE", "CONFIG", "STATE"] {
        cmd.env(format!("XDG_{k}_HOME"), profile.join(k.to_lowercase()));
    }
    let mut child = cmd.spawn().map_err(|e| e.to_string())?;
    let pid = child.id();
    // Lines look like "startup 512.3 ms: page load Started".
    let stderr = child.stderr.take().ok_or("no stderr")?;
    let reader = std::thread::spawn(move || {
        BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| {
                let rest = l.strip_prefix("startup ")?;
                let (ms, what) = rest.split_once(" ms: ")?;
                Some((what.to_owned(), ms.parse::<f64>().ok()?))
            })
            .collect::<Vec<_>>()
    });
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let mut found = None;
    while found.is_none() && std::time::Instant::now() < deadline {
        found = family(pid).into_iter().skip(1).find(|p| {
            read(format!("/proc/{p}/comm")).is_some_and(|c| c.starts_with("WebKitWebProc"))
        });
        std::thread::sleep(Duration::from_millis(5));
    }
    let web_process = match (found.and_then(started_ms), started_ms(pid)) {
        (Some(web), Some(app)) => Ok(web - app),
        _ => Err("no web process within 20 s".to_owned()),
    };
    std::thread::sleep(idle);
    let ours = family(pid);
    let (rss, pss, anon) = memory(&ours);
    let other_webkit = other_webkit_processes(&ours);
    // SAFETY: kill(2) on our own child's pid.
    unsafe {
        libc::kill(pid as libc::pid_t, libc::SIGTERM);
    }
    let deadline = std::time::Instant::now() + Duration::from_secs(5);
    while std::time::Instant::now() < deadline && !matches!(child.try_wait(), Ok(Some(_))) {
        std::thread::sleep(Duration::from_millis(20));
    }
    if !matches!(child.try_wait(), Ok(Some(_))) {
        let _ = child.kill();
        let _ = child.wait();
    }
    let milestones = reader.join().unwrap_or_default();
    Ok(Plain {
        web_process: web_process?,
        milestones,
        rss,
        pss,
        anon,
        other_webkit,
    })
}

/// Starts the app `runs` times on `data_dir` (signing in as the generated administrator).
pub fn measure(
    binary: &Path,
    data_dir: &Path,
    visit: &Visit,
    runs: usize,
    work: &Path,
    log: &mut dyn FnMut(&str),
) -> Result<AppFigures, String> {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        return Err("the app measurement needs an X display: run under xvfb-run".into());
    }
    let binary: PathBuf = binary
        .canonicalize()
        .map_err(|e| format!("{}: {e}", binary.display()))?;
    let mut f = AppFigures {
        to_sign_in: Samples::default(),
        sign_in_to_home: Samples::default(),
        to_home: Samples::default(),
        to_navigation: Samples::default(),
        navigation_to_paint: Samples::default(),
        web_process: Samples::default(),
        commands: Samples::default(),
        per_process: Vec::new(),
        plain_web_process: Samples::default(),
        plain_milestones: Vec::new(),
        rss_mb: Vec::new(),
        pss_mb: Vec::new(),
        processes: 0,
        other_webkit: 0,
        binary_bytes: std::fs::metadata(&binary).map_or(0, |m| m.len()),
        after_use_pss_mb: Vec::new(),
        after_use_anon_mb: Vec::new(),
        anon_mb: Vec::new(),
        steps: crate::tour::Steps::default(),
    };
    let ms = |x: f64| Duration::from_micros((x.max(0.0) * 1e3) as u64);
    for i in 0..runs {
        let t = now_ms();
        let o = once(&binary, data_dir, visit, &mut f.steps, work)?;
        f.to_sign_in.push(ms(o.to_form));
        f.sign_in_to_home.push(ms(o.to_home));
        f.to_home.push(ms(o.to_form + o.to_home));
        f.to_navigation.push(ms(o.to_navigation));
        f.navigation_to_paint.push(ms(o.navigation_to_paint));
        f.web_process.push(ms(o.web_process));
        f.commands.push(ms(o.commands));
        f.rss_mb.push(o.rss);
        f.pss_mb.push(o.pss);
        f.anon_mb.push(o.anon);
        f.after_use_pss_mb.extend(o.after_use.map(|m| m.1));
        f.after_use_anon_mb.extend(o.after_use.map(|m| m.2));
        f.processes = o.per_process.len();
        f.other_webkit = f.other_webkit.max(o.other_webkit);
        log(&format!(
            "app run {}/{runs}: sign-in form {:.0} ms after start (page navigation at {:.0} ms, painted {:.0} ms later), home {:.0} ms after the click, {:.0} MB RSS ({:.0} MB PSS, {:.0} MB anonymous) in {} processes ({:.0} s)",
            i + 1,
            o.to_form,
            o.to_navigation,
            o.navigation_to_paint,
            o.to_home,
            o.rss,
            o.pss,
            o.anon,
            o.per_process.len(),
            (now_ms() - t) / 1e3
        ));
        if let Some((_, after, after_anon)) = o.after_use {
            log(&format!(
                "  after {} rounds of staff list, sort, employee file and home, and {} s idle: {after:.0} MB PSS, {after_anon:.0} MB anonymous",
                crate::tour::ROUNDS,
                visit.idle.as_secs()
            ));
        }
        let timeline: Vec<String> = o
            .timeline
            .iter()
            .map(|(name, at)| format!("{name} {at:.0}"))
            .collect();
        log(&format!(
            "  page, ms after navigation start: {}",
            timeline.join(", ")
        ));
        f.per_process = o.per_process;
        let plain = plain_start(&binary, data_dir, work, Duration::from_millis(1500))?;
        f.plain_web_process.push(ms(plain.web_process));
        for (what, at) in plain.milestones {
            match f.plain_milestones.iter_mut().find(|(w, _)| *w == what) {
                Some((_, s)) => s.push(ms(at)),
                None => {
                    let mut s = Samples::default();
                    s.push(ms(at));
                    f.plain_milestones.push((what, s));
                }
            }
        }
    }
    Ok(f)
}
