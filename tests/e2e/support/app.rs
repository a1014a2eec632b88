//! The `App` fixture: one running Backoffice window on a fresh data directory, driven over
//! WebDriver, torn down (window, drivers, data) when the value is dropped.

use super::driver::DriverProcess;
use super::launch::Launch;
use super::paths;
use super::webdriver::{keys, Element, Session, WdResult};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};
use tempfile::TempDir;

/// How long the helpers wait for the UI unless told otherwise.
pub const TIMEOUT: Duration = Duration::from_secs(10);
/// Per WebDriver call; the first session start includes the app's own start-up.
const CALL_TIMEOUT: Duration = Duration::from_secs(60);
const POLL: Duration = Duration::from_millis(50);

/// WebDriver errors that usually clear up once an animation or re-render is over.
const TRANSIENT: [&str; 3] = [
    "element click intercepted",
    "element not interactable",
    "stale element reference",
];

/// The database file the app keeps in its data directory.
const DB_FILE_NAME: &str = "backoffice.sqlite3";

/// A running app. Fields drop in order: window, then drivers, then the directories.
pub struct App {
    session: Guard,
    _driver: DriverProcess,
    data_dir: TempDir,
    /// XDG home for the webview: its localStorage (the UI remembers the last language there)
    /// would otherwise be shared by every test and with the developer's own app.
    profile: TempDir,
    name: String,
    /// Kept for [`App::relaunch`].
    env: Vec<(String, String)>,
}

impl App {
    /// Starts the app on a new empty data directory with the [`Launch::default`] options.
    /// `test_name` names the screenshots and the driver log under `target/`; give each test its
    /// own.
    pub fn launch(test_name: &str) -> App {
        App::launch_with(test_name, Launch::default())
    }

    /// Starts the app on a new data directory with the given environment and preparation.
    pub fn launch_with(test_name: &str, options: Launch) -> App {
        let data_dir = temp_dir(&format!("backoffice-e2e-{test_name}-"));
        let profile = temp_dir(&format!("backoffice-e2e-{test_name}-profile-"));
        for prepare in options.prepare {
            prepare(data_dir.path());
        }
        // A relaunch appends to the log; a new launch starts it afresh.
        let _ = std::fs::remove_file(paths::log_file(test_name));
        App::start(test_name.to_owned(), data_dir, profile, options.env)
    }

    /// Closes the app and starts it again on the same data directory and environment, e.g. to
    /// check that something survived a restart.
    pub fn relaunch(self) -> App {
        let App {
            session,
            _driver: driver,
            data_dir,
            profile,
            name,
            env,
        } = self;
        drop(session);
        drop(driver);
        App::start(name, data_dir, profile, env)
    }

    fn start(name: String, data_dir: TempDir, profile: TempDir, env: Vec<(String, String)>) -> App {
        require_display();
        let log = paths::log_file(&name);
        let xdg = ["DATA", "CACHE", "CONFIG", "STATE"].map(|kind| {
            let dir = profile.path().join(kind.to_lowercase());
            (format!("XDG_{kind}_HOME"), dir.display().to_string())
        });
        // The test's own variables come last, so a test may still override these.
        let all_env: Vec<_> = xdg.into_iter().chain(env.iter().cloned()).collect();
        let driver = DriverProcess::start(&log, &all_env);
        let capabilities = json!({
            "browserName": "wry",
            "tauri:options": {
                "application": env!("CARGO_BIN_EXE_backoffice"),
                "args": ["--data-dir", data_dir.path()],
            },
        });
        let session = Session::new(&driver.url, capabilities, CALL_TIMEOUT)
            .unwrap_or_else(|e| panic!("the app did not start: {e}; see {}", log.display()));
        App {
            session: Guard {
                session,
                name: name.clone(),
                log,
            },
            _driver: driver,
            data_dir,
            profile,
            name,
            env,
        }
    }

    /// The raw WebDriver session, for what the helpers below do not cover.
    pub fn webdriver(&self) -> &Session {
        &self.session.session
    }

    /// The data directory given to the app with `--data-dir`.
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    /// The app's SQLite file; open it read-only to check what was, or was not, written.
    pub fn db_path(&self) -> PathBuf {
        self.data_dir.path().join(DB_FILE_NAME)
    }

    /// A read-only connection to [`App::db_path`], so a test cannot change what it asserts on.
    pub fn db(&self) -> rusqlite::Connection {
        rusqlite::Connection::open_with_flags(
            self.db_path(),
            rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        )
        .unwrap_or_else(|e| panic!("cannot open {} read-only: {e}", self.db_path().display()))
    }

    /// Polls until an element matching `css` exists and is displayed; panics after `timeout`.
    pub fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        let mut found = None;
        self.wait_until(&format!("`{css}` to be displayed"), timeout, || {
            found = self.displayed(css)?;
            Ok(found.is_some())
        });
        found.expect("wait_until returned, so the element was found")
    }

    /// Polls until no displayed element matches `css`; panics after `timeout`.
    pub fn wait_gone(&self, css: &str, timeout: Duration) {
        self.wait_until(&format!("`{css}` to disappear"), timeout, || {
            Ok(self.displayed(css)?.is_none())
        });
    }

    /// Polls `check` until it returns true; panics after `timeout` naming `what` was awaited.
    /// A stale element while polling counts as "not yet".
    pub fn wait_until(
        &self,
        what: &str,
        timeout: Duration,
        mut check: impl FnMut() -> WdResult<bool>,
    ) {
        let deadline = Instant::now() + timeout;
        loop {
            let last = match check() {
                Ok(true) => return,
                Ok(false) => String::new(),
                Err(e) if e.error == "stale element reference" => format!(" (last: {e})"),
                Err(e) => panic!("[{}] while waiting for {what}: {e}", self.name),
            };
            if Instant::now() >= deadline {
                panic!(
                    "[{}] timed out after {timeout:?} waiting for {what}{last}",
                    self.name
                );
            }
            sleep(POLL);
        }
    }

    /// Waits for `css` (see [`TIMEOUT`]) and clicks it, retrying while something else covers it
    /// (a closing modal, a notification sliding in).
    pub fn click(&self, css: &str) {
        self.retry_transient(&format!("a click on `{css}`"), || {
            let el = self.wait_for(css, TIMEOUT);
            self.webdriver().click(&el)
        });
    }

    /// Waits for the input `css`, replaces its content with `text` as real key presses (select
    /// all, delete, type), so React sees every change, including an emptied field.
    pub fn type_text(&self, css: &str, text: &str) {
        let select_all_delete = format!("{}a{}{}", keys::CONTROL, keys::NULL, keys::BACKSPACE);
        self.retry_transient(&format!("typing into `{css}`"), || {
            let el = self.wait_for(css, TIMEOUT);
            self.webdriver().send_keys(&el, &select_all_delete)?;
            if !text.is_empty() {
                self.webdriver().send_keys(&el, text)?;
            }
            Ok(())
        });
    }

    /// [`App::type_text`] until the input shows `text`: a form may still be filling in its
    /// defaults when the test types (a line's quantity 1 came back after it was cleared, and "4"
    /// became "14"). A number shown formatted ("3.50" for "3.5", "1.150" for "1150") counts as
    /// the same.
    pub fn type_checked(&self, css: &str, text: &str) {
        self.wait_until(&format!("`{text}` in `{css}`"), TIMEOUT, || {
            self.type_text(css, text);
            sleep(Duration::from_millis(150));
            let value = self.property(css, "value");
            let value = value.as_str().unwrap_or_default();
            // Read as English ("1,150.5") or as Italian ("1.150,5") digits, both sides alike.
            let english = |s: &str| s.replace(',', "").parse::<f64>().ok();
            let italian = |s: &str| s.replace('.', "").replace(',', ".").parse::<f64>().ok();
            let same = |n: &dyn Fn(&str) -> Option<f64>| n(value).is_some() && n(value) == n(text);
            Ok(value == text || same(&english) || same(&italian))
        });
    }

    /// Waits for `css` and returns its rendered text (`innerText`, trimmed).
    pub fn text(&self, css: &str) -> String {
        let el = self.wait_for(css, TIMEOUT);
        let v = self.execute("return arguments[0].innerText;", vec![el.to_json()]);
        v.as_str().unwrap_or_default().trim().to_owned()
    }

    /// Waits for `css` and returns a DOM property such as `value` or `checked`.
    pub fn property(&self, css: &str, name: &str) -> Value {
        let el = self.wait_for(css, TIMEOUT);
        self.check(css, self.webdriver().property(&el, name))
    }

    /// How many elements match `css` right now (displayed or not); does not wait. Counted in
    /// the page: WebKitWebDriver's find-all builds a handle per element and fails with "stale
    /// element" when the list re-renders between the query and the handles.
    pub fn count(&self, css: &str) -> usize {
        let n = self.check(
            css,
            self.webdriver().execute(
                "return document.querySelectorAll(arguments[0]).length;",
                vec![json!(css)],
            ),
        );
        n.as_u64()
            .unwrap_or_else(|| panic!("[{}] count of `{css}`: {n}", self.name)) as usize
    }

    /// Runs `script` in the page (`return` gives the result; `arguments[i]` are the args).
    pub fn execute(&self, script: &str, args: Vec<Value>) -> Value {
        self.check("execute", self.webdriver().execute(script, args))
    }

    /// The document title.
    pub fn title(&self) -> String {
        self.check("title", self.webdriver().title())
    }

    /// Saves the window as `target/e2e-screenshots/<test_name>-<step>.png` and returns the path.
    pub fn screenshot(&self, step: &str) -> PathBuf {
        // WebKit captures the last painted frame: let the page finish its transitions (Mantine's
        // modals and notifications animate for ~200 ms) and paint twice before capturing.
        let _ = self.webdriver().execute_async(
            "const done = arguments[0];
             setTimeout(() => requestAnimationFrame(() => requestAnimationFrame(() => done(true))), 350);",
            vec![],
        );
        self.session
            .screenshot(step)
            .unwrap_or_else(|e| panic!("[{}] {e}", self.name))
    }

    /// The first displayed element matching `css`. Checked in the page rather than with
    /// WebKitWebDriver's `displayed`, which calls text in `overflow: hidden` boxes invisible.
    fn displayed(&self, css: &str) -> WdResult<Option<Element>> {
        let found = self.webdriver().execute(
            "for (const e of document.querySelectorAll(arguments[0])) {
                 const r = e.getBoundingClientRect();
                 if ((r.width > 0 || r.height > 0)
                     && e.checkVisibility({ opacityProperty: true, visibilityProperty: true })) {
                     return e;
                 }
             }
             return null;",
            vec![json!(css)],
        )?;
        Ok(Element::from_json(&found))
    }

    /// Runs `action` until it succeeds, or fails with an error that waiting cannot cure, or
    /// [`TIMEOUT`] passes.
    fn retry_transient(&self, what: &str, mut action: impl FnMut() -> WdResult<()>) {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            match action() {
                Ok(()) => return,
                Err(e) if TRANSIENT.contains(&e.error.as_str()) && Instant::now() < deadline => {
                    sleep(POLL)
                }
                Err(e) => panic!("[{}] on {what}: {e}", self.name),
            }
        }
    }

    fn check<T>(&self, what: &str, result: WdResult<T>) -> T {
        result.unwrap_or_else(|e| panic!("[{}] on `{what}`: {e}", self.name))
    }
}

/// Ends the session when dropped; on a failing test it first saves a screenshot.
struct Guard {
    session: Session,
    name: String,
    log: PathBuf,
}

impl Guard {
    fn screenshot(&self, step: &str) -> Result<PathBuf, String> {
        // The app renders in software (src-tauri/app/webview.rs), where WebKit answers a
        // screenshot only after the page's next paint, and an idle page never paints again: a
        // 1-pixel dot in the corner changes shade every frame until the capture is taken.
        let _ = self.session.execute(
            "const dot = document.createElement('div');
             dot.id = 'e2e-paint-dot';
             dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;z-index:2147483647';
             document.body.appendChild(dot);
             let n = 0;
             const tick = () => {
               if (!dot.isConnected) return;
               dot.style.background = n++ % 2 ? 'rgba(0,0,0,0.01)' : 'rgba(0,0,0,0.02)';
               requestAnimationFrame(tick);
             };
             tick();
             return true;",
            vec![],
        );
        let png = self.session.screenshot();
        let _ = self.session.execute(
            "document.getElementById('e2e-paint-dot')?.remove(); return true;",
            vec![],
        );
        let png = png.map_err(|e| e.to_string())?;
        let path = paths::screenshot_file(&self.name, step);
        std::fs::write(&path, png).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        // A torn-down app must not hold the test up for the full call timeout.
        self.session.set_timeout(Duration::from_secs(10));
        if std::thread::panicking() {
            match self.screenshot("failure") {
                Ok(path) => eprintln!("[{}] screenshot: {}", self.name, path.display()),
                Err(e) => eprintln!("[{}] no failure screenshot: {e}", self.name),
            }
            eprintln!("[{}] driver and app log: {}", self.name, self.log.display());
        }
        let _ = self.session.delete();
    }
}

fn temp_dir(prefix: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(prefix)
        .tempdir()
        .expect("cannot create a temporary directory")
}

fn require_display() {
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        panic!(
            "DISPLAY is not set: the e2e tests need an X server. Run them through \
             scripts/test.sh, which starts Xvfb (or: xvfb-run -a cargo test --test e2e)."
        );
    }
}
