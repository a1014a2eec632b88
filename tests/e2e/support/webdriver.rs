//! A small blocking client for the W3C WebDriver protocol, enough to drive one Tauri window.
//!
//! Every call carries a timeout: a hung WebKitWebDriver must fail the test, not stall the run.

use base64::Engine;
use serde_json::{json, Value};
use std::fmt;
use std::time::Duration;

/// The key W3C uses for element references in JSON.
const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// Special keys for [`Session::send_keys`]; a modifier stays pressed until [`keys::NULL`].
pub mod keys {
    pub const NULL: &str = "\u{E000}";
    pub const BACKSPACE: &str = "\u{E003}";
    pub const TAB: &str = "\u{E004}";
    pub const ENTER: &str = "\u{E007}";
    pub const CONTROL: &str = "\u{E009}";
    pub const ALT: &str = "\u{E00A}";
    pub const ARROW_LEFT: &str = "\u{E012}";
    pub const ARROW_RIGHT: &str = "\u{E014}";
    pub const ESCAPE: &str = "\u{E00C}";
    pub const ARROW_DOWN: &str = "\u{E015}";
    pub const ARROW_UP: &str = "\u{E013}";
}

/// A failed WebDriver call: the command, and the driver's own error code and message.
#[derive(Debug, Clone)]
pub struct WdError {
    pub command: String,
    /// HTTP status, or 0 when the request never got an answer (timeout, refused connection).
    pub status: u16,
    /// W3C error code such as `no such element`, or `transport` / `protocol` for local failures.
    pub error: String,
    pub message: String,
}

impl fmt::Display for WdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "WebDriver {} failed: {} (HTTP {}): {}",
            self.command, self.error, self.status, self.message
        )
    }
}

impl std::error::Error for WdError {}

pub type WdResult<T> = Result<T, WdError>;

/// A reference to an element of the current page; stale once the page re-renders that node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element(pub String);

impl Element {
    /// The form a script receives as an argument (`arguments[i]` is then the DOM node).
    pub fn to_json(&self) -> Value {
        json!({ ELEMENT_KEY: self.0 })
    }

    /// The element a script returned, if it returned a DOM node.
    pub fn from_json(v: &Value) -> Option<Element> {
        element(v)
    }
}

/// One WebDriver session on a server such as tauri-driver.
pub struct Session {
    agent: ureq::Agent,
    /// `http://host:port/session/<id>`
    base: String,
    timeout: Duration,
}

impl Session {
    /// `POST /session` with `capabilities` as `alwaysMatch` (tauri-driver only rewrites that).
    pub fn new(server: &str, capabilities: Value, timeout: Duration) -> WdResult<Session> {
        let agent = agent();
        let body = json!({ "capabilities": { "alwaysMatch": capabilities } });
        let value = request(
            &agent,
            "new session",
            "POST",
            &format!("{server}/session"),
            Some(body),
            timeout,
        )?;
        let id = value["sessionId"]
            .as_str()
            .ok_or_else(|| protocol("new session", &value))?;
        Ok(Session {
            agent,
            base: format!("{server}/session/{id}"),
            timeout,
        })
    }

    /// `DELETE /session/<id>`: closes the app window.
    pub fn delete(&self) -> WdResult<()> {
        self.call("delete session", "DELETE", "", None).map(drop)
    }

    /// The first element matching `css`, or `None` when nothing matches yet.
    pub fn find(&self, css: &str) -> WdResult<Option<Element>> {
        let body = json!({ "using": "css selector", "value": css });
        match self.call("find element", "POST", "/element", Some(body)) {
            Ok(v) => element(&v)
                .map(Some)
                .ok_or_else(|| protocol("find element", &v)),
            Err(e) if e.error == "no such element" => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Every element matching `css`, in document order.
    pub fn find_all(&self, css: &str) -> WdResult<Vec<Element>> {
        let body = json!({ "using": "css selector", "value": css });
        let v = self.call("find elements", "POST", "/elements", Some(body))?;
        v.as_array()
            .and_then(|a| a.iter().map(element).collect())
            .ok_or_else(|| protocol("find elements", &v))
    }

    pub fn click(&self, el: &Element) -> WdResult<()> {
        self.call(
            "click",
            "POST",
            &format!("/element/{}/click", el.0),
            Some(json!({})),
        )
        .map(drop)
    }

    /// Empties an input the way the spec does; React does not see it as a user edit.
    pub fn clear(&self, el: &Element) -> WdResult<()> {
        self.call(
            "clear",
            "POST",
            &format!("/element/{}/clear", el.0),
            Some(json!({})),
        )
        .map(drop)
    }

    /// Types `text` into the element as key presses; may contain [`keys`] constants.
    pub fn send_keys(&self, el: &Element, text: &str) -> WdResult<()> {
        let body = json!({ "text": text });
        self.call(
            "send keys",
            "POST",
            &format!("/element/{}/value", el.0),
            Some(body),
        )
        .map(drop)
    }

    /// The element's text as WebKitWebDriver's atom sees it; it misses text inside
    /// `overflow: hidden` boxes (Mantine alerts), so `App::text` uses `innerText` instead.
    pub fn text(&self, el: &Element) -> WdResult<String> {
        let v = self.call("get text", "GET", &format!("/element/{}/text", el.0), None)?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| protocol("get text", &v))
    }

    /// The HTML attribute as written in the markup; `None` when absent.
    pub fn attribute(&self, el: &Element, name: &str) -> WdResult<Option<String>> {
        let v = self.call(
            "get attribute",
            "GET",
            &format!("/element/{}/attribute/{name}", el.0),
            None,
        )?;
        Ok(v.as_str().map(str::to_owned))
    }

    /// The live DOM property, e.g. `value` or `checked` of an input.
    pub fn property(&self, el: &Element, name: &str) -> WdResult<Value> {
        self.call(
            "get property",
            "GET",
            &format!("/element/{}/property/{name}", el.0),
            None,
        )
    }

    /// WebKitWebDriver's own visibility test; like `text`, wrong for `overflow: hidden` boxes.
    pub fn is_displayed(&self, el: &Element) -> WdResult<bool> {
        let v = self.call(
            "is displayed",
            "GET",
            &format!("/element/{}/displayed", el.0),
            None,
        )?;
        v.as_bool().ok_or_else(|| protocol("is displayed", &v))
    }

    /// Runs `script` as a function body (`return ...` gives the result) with `args` as `arguments`.
    pub fn execute(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        let body = json!({ "script": script, "args": args });
        self.call("execute script", "POST", "/execute/sync", Some(body))
    }

    /// Runs `script` and waits until it calls its last argument (the callback, after `args`);
    /// the value passed to it is the result. For awaiting promises, e.g. a Tauri `invoke`.
    pub fn execute_async(&self, script: &str, args: Vec<Value>) -> WdResult<Value> {
        let body = json!({ "script": script, "args": args });
        self.call("execute async script", "POST", "/execute/async", Some(body))
    }

    /// A PNG of the window's page.
    pub fn screenshot(&self) -> WdResult<Vec<u8>> {
        let v = self.call("take screenshot", "GET", "/screenshot", None)?;
        let b64 = v.as_str().ok_or_else(|| protocol("take screenshot", &v))?;
        base64::engine::general_purpose::STANDARD
            .decode(b64)
            .map_err(|e| local("take screenshot", "protocol", e.to_string()))
    }

    /// The document title (the `<title>` of the page).
    pub fn title(&self) -> WdResult<String> {
        let v = self.call("get title", "GET", "/title", None)?;
        v.as_str()
            .map(str::to_owned)
            .ok_or_else(|| protocol("get title", &v))
    }

    /// The same session with a different per-call timeout, e.g. a short one while tearing down.
    pub fn set_timeout(&mut self, timeout: Duration) {
        self.timeout = timeout;
    }

    fn call(
        &self,
        command: &str,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> WdResult<Value> {
        let url = format!("{}{path}", self.base);
        request(&self.agent, command, method, &url, body, self.timeout)
    }
}

/// A `GET /status` that reports whether the server is ready for a new session.
pub fn server_ready(server: &str, timeout: Duration) -> bool {
    request(
        &agent(),
        "status",
        "GET",
        &format!("{server}/status"),
        None,
        timeout,
    )
    .map(|v| v["ready"].as_bool().unwrap_or(false))
    .unwrap_or(false)
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        // WebDriver errors come as 4xx/5xx with a JSON body we want to read.
        .http_status_as_error(false)
        // An HTTP(S)_PROXY from the environment must never see localhost traffic.
        .proxy(None)
        .build()
        .into()
}

fn request(
    agent: &ureq::Agent,
    command: &str,
    method: &str,
    url: &str,
    body: Option<Value>,
    timeout: Duration,
) -> WdResult<Value> {
    let transport = |e: ureq::Error| local(command, "transport", format!("{url}: {e}"));
    let response = match (method, body) {
        ("GET", _) => with_timeout(agent.get(url), timeout).call(),
        ("DELETE", _) => with_timeout(agent.delete(url), timeout).call(),
        (_, body) => with_timeout(agent.post(url), timeout).send_json(body.unwrap_or(json!({}))),
    }
    .map_err(transport)?;
    let status = response.status().as_u16();
    let text = response
        .into_body()
        .with_config()
        // Screenshots of a large window exceed ureq's default 10 MB cap.
        .limit(200 * 1024 * 1024)
        .read_to_string()
        .map_err(transport)?;
    let json: Value = serde_json::from_str(&text).map_err(|_| WdError {
        command: command.to_owned(),
        status,
        error: "protocol".to_owned(),
        message: format!("non-JSON answer: {}", truncate(&text)),
    })?;
    let value = json.get("value").cloned().unwrap_or(Value::Null);
    if (200..300).contains(&status) {
        return Ok(value);
    }
    Err(WdError {
        command: command.to_owned(),
        status,
        error: value["error"]
            .as_str()
            .unwrap_or("unknown error")
            .to_owned(),
        message: value["message"].as_str().unwrap_or(&text).to_owned(),
    })
}

fn with_timeout<B>(req: ureq::RequestBuilder<B>, timeout: Duration) -> ureq::RequestBuilder<B> {
    req.config().timeout_global(Some(timeout)).build()
}

fn element(v: &Value) -> Option<Element> {
    v.get(ELEMENT_KEY)?
        .as_str()
        .map(|id| Element(id.to_owned()))
}

fn protocol(command: &str, v: &Value) -> WdError {
    local(
        command,
        "protocol",
        format!("unexpected answer: {}", truncate(&v.to_string())),
    )
}

fn local(command: &str, error: &str, message: String) -> WdError {
    WdError {
        command: command.to_owned(),
        status: 0,
        error: error.to_owned(),
        message,
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(300).collect()
}
