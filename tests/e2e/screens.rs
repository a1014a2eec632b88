//! Steps through Backoffice's own screens, shared by the feature tests.

use crate::support::{App, TIMEOUT};
use serde_json::json;
use std::time::Duration;

pub const ADMIN: &str = "admin";
pub const ADMIN_PASSWORD: &str = "Segreta-2026!";

/// Clicks the first element under `scope` whose visible text is exactly `text` (segmented
/// controls and menus have no better handle).
pub fn click_text(app: &App, scope: &str, text: &str) {
    app.wait_until(&format!("`{text}` in `{scope}`"), TIMEOUT, || {
        let hit = app.execute(
            "const [scope, text] = arguments;
             for (const el of document.querySelectorAll(scope + ' *')) {
               if (el.children.length === 0 && el.textContent.trim() === text) { el.click(); return true; }
             }
             return false;",
            vec![json!(scope), json!(text)],
        );
        Ok(hit == json!(true))
    });
}

/// Clicks the option `text` in the list the input `css` controls (its own dropdown, not another
/// select's on the page behind a dialog).
pub fn choose_option(app: &App, css: &str, text: &str) {
    app.wait_until(&format!("option {text}"), TIMEOUT, || {
        Ok(app.execute(
            "const input = document.querySelector(arguments[0]);
             const list = input && document.getElementById(input.getAttribute('aria-controls'));
             const option = list && [...list.querySelectorAll('[role=option]')]
               .find((o) => o.innerText.trim() === arguments[1]);
             if (option) { option.click(); return true; }
             return false;",
            vec![json!(css), json!(text)],
        ) == json!(true))
    });
}

/// The error text shown beside the input `css`, or "" when it has none.
pub fn field_error(app: &App, css: &str) -> String {
    app.wait_for(css, TIMEOUT);
    app.execute(
        "const input = document.querySelector(arguments[0]);
         const root = input.closest('.mantine-InputWrapper-root, .mantine-Input-wrapper')?.closest('.mantine-InputWrapper-root') ?? input.closest('.mantine-InputWrapper-root');
         const err = root?.querySelector('.mantine-InputWrapper-error');
         return err ? err.textContent : '';",
        vec![json!(css)],
    )
    .as_str()
    .unwrap_or("")
    .to_owned()
}

/// Waits until the input `css` shows an error, and returns it.
pub fn wait_field_error(app: &App, css: &str) -> String {
    let mut text = String::new();
    app.wait_until(&format!("an error beside `{css}`"), TIMEOUT, || {
        text = field_error(app, css);
        Ok(!text.is_empty())
    });
    text
}

/// Calls a command the way the UI does, bypassing the UI: what a tampered front end could do.
pub fn invoke(app: &App, command: &str, args: serde_json::Value) -> serde_json::Value {
    let out = app
        .webdriver()
        .execute_async(
            "const [cmd, args, done] = arguments;
             window.__TAURI_INTERNALS__.invoke(cmd, args)
               .then((v) => done({ ok: v }))
               .catch((e) => done({ err: e }));",
            vec![json!(command), args],
        )
        .expect("invoke through the page");
    out
}

/// Fills first-run setup in and lands on Home as the administrator.
pub fn set_up(app: &App) {
    app.wait_for("[data-testid=setup-form]", Duration::from_secs(20));
    app.type_text("input[name='organisation.name']", "Rossi Forniture S.r.l.");
    app.type_text("input[name='organisation.vat_number']", "00488410010");
    app.type_text("input[name='admin.full_name']", "Anna Amministratrice");
    app.type_text("input[name='admin.username']", ADMIN);
    app.type_text("input[name='admin.password']", ADMIN_PASSWORD);
    app.type_text("input[name='admin.confirm']", ADMIN_PASSWORD);
    app.click("[data-testid=setup-submit]");
    app.wait_for(
        "[data-testid=home-organisation-name]",
        Duration::from_secs(20),
    );
}

pub fn sign_in(app: &App, username: &str, password: &str) {
    app.wait_for("[data-testid=sign-in-form]", TIMEOUT);
    app.type_text("input[name=username]", username);
    app.type_text("input[name=password]", password);
    app.click("[data-testid=sign-in-submit]");
}

pub fn sign_out(app: &App) {
    app.click("[data-testid=user-menu]");
    app.click("[data-testid=sign-out]");
    app.wait_for("[data-testid=sign-in-form]", TIMEOUT);
}

/// Opens a page from the left navigation and waits for its title.
pub fn go(app: &App, page: &str) {
    app.click(&format!("[data-testid=nav-{page}]"));
    app.wait_for("[data-testid=page-title]", TIMEOUT);
}

/// Switches the interface language with the header switch ("IT" or "EN").
pub fn switch_language(app: &App, code: &str) {
    click_text(app, "[data-testid=language-switch]", code);
}

pub fn count(app: &App, sql: &str) -> i64 {
    app.db().query_row(sql, [], |r| r.get(0)).expect(sql)
}

/// Today as the app's local calendar has it (yyyy-mm-dd): the date files and forms name.
pub fn today(app: &App) -> String {
    app.db()
        .query_row("SELECT date('now', 'localtime')", [], |r| r.get(0))
        .expect("today")
}
