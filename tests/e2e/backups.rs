//! Backups in the real window: Home says there are none, the folder is chosen through the
//! dialog, a backup is made and listed, it is proven to restore, and Home's warning is gone; the
//! screens in both languages. A restore brings the data back once the app starts again (the test
//! starts it: WebDriver cannot follow a process that restarts itself).

use crate::screens::{count, go, invoke, set_up, sign_in, switch_language, ADMIN, ADMIN_PASSWORD};
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

#[test]
fn a_restore_brings_the_data_back_after_the_app_starts_again() {
    let out = tempfile::tempdir().unwrap();
    let folder = out.path().join("backup");
    std::fs::create_dir(&folder).unwrap();
    let app = App::launch_with(
        "backups_restore",
        Launch::english()
            .dialog_answers(out.path(), std::slice::from_ref(&folder))
            .env("BACKOFFICE_TEST_END_INSTEAD_OF_RESTART", "1"),
    );
    set_up(&app);
    go(&app, "settings");
    app.click("[data-testid=backup-choose-folder]");
    app.wait_for("[data-testid=backup-folder]", TIMEOUT);
    app.click("[data-testid=backup-now]");
    app.wait_for("[data-testid=backup-set]", Duration::from_secs(60));

    // Work after the backup: a department that the restore takes away again.
    let created = invoke(
        &app,
        "create_department",
        serde_json::json!({ "input": { "name": "Dopo il backup", "code": null, "head": null, "cost_centre": null } }),
    );
    assert!(created.get("ok").is_some(), "{created}");
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 1);

    show_card(&app);
    app.click("[data-testid=backup-restore]");
    app.wait_for("[data-testid=backup-restore-confirm]", TIMEOUT);
    app.screenshot("restore-confirm");
    app.click("[data-testid=backup-restore-confirm]");
    // The restore is staged, the data as it was is backed up first, and the app ends.
    let pending = app.data_dir().join("restore-pending").join("READY");
    app.wait_until("the restore staged", Duration::from_secs(60), || {
        Ok(pending.exists() || app.data_dir().join("before-restore").exists())
    });
    std::thread::sleep(Duration::from_secs(2));
    let app = app.relaunch();
    sign_in(&app, ADMIN, ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    assert_eq!(count(&app, "SELECT count(*) FROM departments"), 0);
    assert!(app.data_dir().join("before-restore").is_dir());
    // Two sets now: the one restored and the one made just before restoring.
    assert_eq!(std::fs::read_dir(folder.join("sets")).unwrap().count(), 2);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'backups' AND after LIKE '%restore_applied%'"
        ),
        1
    );
    app.screenshot("restored-home");
}
