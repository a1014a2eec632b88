//! Encryption in the real window: Settings → Encryption with a passphrase, the recovery key shown
//! once, the start after it asking for the passphrase (a wrong one refused, the right one
//! opening), the raw files then holding no readable trace of the organisation, and the recovery
//! key opening the data at the next start, and a key remembered in the system's keychain
//! (a throwaway one, scripts/with-keychain.sh) skipping the passphrase until it is forgotten;
//! the screens in both languages.

use crate::screens::{go, set_up, sign_in, switch_language, ADMIN, ADMIN_PASSWORD};
use crate::support::{App, Launch, TIMEOUT};
use std::time::Duration;

const PASSPHRASE: &str = "quattro gatti in fila";

fn show_card(app: &App) {
    app.execute(
        "document.querySelector('[data-testid=security-card]').scrollIntoView({block: 'end'});",
        vec![],
    );
}

/// Every file of the data folder searched for `needle`.
fn readable_anywhere(dir: &std::path::Path, needle: &[u8]) -> Vec<String> {
    let mut hits = Vec::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(bytes) = std::fs::read(&p) {
                if bytes.windows(needle.len()).any(|w| w == needle) {
                    hits.push(p.display().to_string());
                }
            }
        }
    }
    hits
}

fn unlock(app: &App, secret: &str) {
    app.type_text("[data-testid=unlock-form] input", secret);
    app.click("[data-testid=unlock-submit]");
}

#[test]
fn encrypting_asks_for_the_passphrase_at_the_next_start_and_leaves_nothing_readable() {
    let app = App::launch_with(
        "encryption",
        Launch::english().env("BACKOFFICE_TEST_END_INSTEAD_OF_RESTART", "1"),
    );
    set_up(&app);
    assert!(!readable_anywhere(app.data_dir(), b"Rossi Forniture").is_empty());
    go(&app, "settings");
    app.wait_for("[data-testid=security-card]", TIMEOUT);
    assert_eq!(
        app.property("[data-testid=encryption-state]", "dataset")["encrypted"],
        "false"
    );
    app.type_text("input[name=passphrase]", PASSPHRASE);
    app.type_text("input[name=passphrase_confirm]", PASSPHRASE);
    show_card(&app);
    app.screenshot("settings-before-en");
    app.click("[data-testid=encrypt]");
    app.wait_for("[data-testid=encryption-confirm]", TIMEOUT);
    app.screenshot("confirm-en");
    app.click("[data-testid=encryption-confirm]");
    app.wait_for("[data-testid=recovery-key]", Duration::from_secs(60));
    let recovery = app.text("[data-testid=recovery-key]");
    assert_eq!(recovery.trim().split('-').count(), 13, "{recovery}");
    app.screenshot("recovery-key-en");
    // Starting again is possible only once the key is saved.
    assert_eq!(
        app.property("[data-testid=recovery-restart]", "disabled"),
        serde_json::json!(true)
    );
    app.click("[data-testid=recovery-saved]");
    // The click ends the app (the test starts it again): clicked from the page after the
    // WebDriver call has returned, which a process that is gone could not answer.
    app.execute(
        "setTimeout(() => document.querySelector('[data-testid=recovery-restart]').click(), 200);",
        vec![],
    );
    std::thread::sleep(Duration::from_secs(3));

    // The next start asks for the passphrase; a wrong one is refused and opens nothing.
    let app = app.relaunch();
    app.wait_for("[data-testid=unlock-form]", TIMEOUT);
    app.screenshot("unlock-en");
    unlock(&app, "not the right one");
    app.wait_for("[data-testid=unlock-error]", Duration::from_secs(20));
    assert!(app
        .text("[data-testid=unlock-error]")
        .contains("does not open"));
    app.screenshot("unlock-wrong-en");
    unlock(&app, PASSPHRASE);
    sign_in(&app, ADMIN, ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "settings");
    app.wait_until("documents sealed and state shown", TIMEOUT, || {
        Ok(app.property("[data-testid=encryption-state]", "dataset")["encrypted"] == "true")
    });
    for needle in [&b"Rossi Forniture"[..], b"00488410010", b"Amministratrice"] {
        let hits = readable_anywhere(app.data_dir(), needle);
        assert!(
            hits.is_empty(),
            "{} readable in {hits:?}",
            String::from_utf8_lossy(needle)
        );
    }
    switch_language(&app, "IT");
    app.wait_until("the card in Italian", TIMEOUT, || {
        Ok(app
            .text("[data-testid=security-card]")
            .contains("Cifratura"))
    });
    show_card(&app);
    app.screenshot("settings-encrypted-it");

    // The recovery key opens the data too (the passphrase forgotten).
    let app = app.relaunch();
    app.wait_for("[data-testid=unlock-form]", TIMEOUT);
    app.click("[data-testid=unlock-switch]");
    app.wait_for("input[name=recovery_key]", TIMEOUT);
    unlock_remembering(&app, recovery.trim());
    app.screenshot("unlock-recovery-it");
    app.click("[data-testid=unlock-submit]");
    app.wait_for("[data-testid=sign-in-form]", Duration::from_secs(20));

    // Remembered on this computer: the next start goes straight to sign-in, until forgotten.
    let app = app.relaunch();
    sign_in(&app, ADMIN, ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "settings");
    app.wait_for("[data-testid=key-remembered]", TIMEOUT);
    show_card(&app);
    app.screenshot("settings-remembered-it");
    app.click("[data-testid=forget-key]");
    app.wait_gone("[data-testid=key-remembered]", TIMEOUT);
    let app = app.relaunch();
    app.wait_for("[data-testid=unlock-form]", TIMEOUT);
}

/// Types the secret and ticks "remember on this computer", without submitting.
fn unlock_remembering(app: &App, secret: &str) {
    app.type_text("input[name=recovery_key]", secret);
    app.click("[data-testid=unlock-remember]");
}
