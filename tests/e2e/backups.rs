//! Backups in the real window: Home says there are none, the folder is chosen through the
//! dialog, a backup is made and listed, it is proven to restore, and Home's warning is gone; the
//! screens in both languages.

use crate::screens::{go, set_up, switch_language};
use crate::support::{App, Launch, TIMEOUT};
use std::time::Duration;

#[test]
fn a_backup_goes_to_the_chosen_folder_and_is_proven_to_restore() {
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("chiavetta");
    std::fs::create_dir(&folder).unwrap();
    let app = App::launch_with(
        "backups",
        Launch::italian().dialog_answers(out.path(), std::slice::from_ref(&folder)),
    );
    set_up(&app);
    app.wait_for(
        "[data-testid=home-backup-warning][data-problem=notConfigured]",
        TIMEOUT,
    );
    app.screenshot("home-no-backups");

    go(&app, "settings");
    app.wait_for("[data-testid=backup-folder-none]", TIMEOUT);
    show_card(&app);
    app.screenshot("settings-no-folder");
    app.click("[data-testid=backup-choose-folder]");
    app.wait_for("[data-testid=backup-folder]", TIMEOUT);
    assert!(app
        .text("[data-testid=backup-folder]")
        .contains("chiavetta"));

    app.click("[data-testid=backup-now]");
    app.wait_for("[data-testid=backup-set]", Duration::from_secs(60));
    let sets: Vec<_> = std::fs::read_dir(folder.join("sets"))
        .unwrap()
        .flatten()
        .collect();
    assert_eq!(sets.len(), 1);
    assert!(sets[0].path().join("manifest.json").is_file());
    app.wait_until("the backup recorded", TIMEOUT, || {
        Ok(app
            .text("[data-testid=backup-last]")
            .to_lowercase()
            .contains("riuscito"))
    });
    show_card(&app);
    app.screenshot("settings-made");

    app.click("[data-testid=backup-prove]");
    app.wait_until("the proof recorded", Duration::from_secs(60), || {
        Ok(app
            .text("[data-testid=backup-last-proof]")
            .to_lowercase()
            .contains("riuscito"))
    });

    switch_language(&app, "EN");
    app.wait_until("the card in English", TIMEOUT, || {
        Ok(app
            .text("[data-testid=backups-card]")
            .contains("Back up now"))
    });
    show_card(&app);
    app.screenshot("settings-proven-en");
    go(&app, "home");
    app.wait_for("[data-testid=home-last-backup]", TIMEOUT);
    assert_eq!(app.count("[data-testid=home-backup-warning]"), 0);
    assert_ne!(app.text("[data-testid=home-last-proof]"), "Never");
    app.screenshot("home-en");
}

/// The card sits below the organisation's form: bring it into view for the screenshot.
fn show_card(app: &App) {
    app.execute(
        "document.querySelector('[data-testid=backups-card]').scrollIntoView({block: 'end'});",
        vec![],
    );
}
