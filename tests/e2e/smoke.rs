//! The app starts and shows a page (and a second start on its folder defers to it), and the
//! harness itself can drive a page.

use crate::support::{App, Launch, TIMEOUT};
use serde_json::json;

#[test]
fn app_starts_and_renders() {
    let app = App::launch("smoke");
    app.wait_until("the page to render some text", TIMEOUT, || {
        let body = app
            .webdriver()
            .find("body")?
            .expect("a page always has a body");
        Ok(!app.webdriver().text(&body)?.trim().is_empty())
    });
    assert_eq!(app.title(), "Backoffice");

    let shot = app.screenshot("started");
    let png = std::fs::read(&shot).expect("the screenshot was written");
    assert!(
        png.starts_with(b"\x89PNG"),
        "{} is not a PNG",
        shot.display()
    );

    // The store opens at start-up, so this proves the app got our --data-dir.
    assert!(
        app.db_path().is_file(),
        "no database in {}",
        app.data_dir().display()
    );
    let tables: i64 = app
        .db()
        .query_row(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
            [],
            |r| r.get(0),
        )
        .expect("the database is readable");
    assert!(tables > 0, "the database has no tables");

    // A second start on the same data folder brings this window forward and ends at once,
    // before it opens the database.
    let mut second = std::process::Command::new(env!("CARGO_BIN_EXE_backoffice"))
        .arg("--data-dir")
        .arg(app.data_dir())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("a second app starts");
    let started = std::time::Instant::now();
    while second
        .try_wait()
        .expect("the second app's status")
        .is_none()
    {
        if started.elapsed() > TIMEOUT {
            let _ = second.kill();
            panic!("a second app on the same folder did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let out = second.wait_with_output().expect("the second app ends");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("already open") && said.contains("brought forward"),
        "{said}"
    );
    // This one still works.
    assert_eq!(app.title(), "Backoffice");
}

/// Checks the helpers on plain DOM added beside the React root, so it does not depend on the UI.
#[test]
fn harness_drives_a_page() {
    let app = App::launch_with(
        "harness",
        Launch::italian().prepare(|dir| std::fs::write(dir.join("planted.txt"), "x").unwrap()),
    );
    assert!(app.data_dir().join("planted.txt").is_file());
    app.wait_for("body", TIMEOUT);
    app.execute(
        r##"
        const box = document.createElement("div");
        box.id = "e2e-probe";
        box.innerHTML = '<input id="e2e-in" value="old"><button id="e2e-go" data-kind="probe">Go</button><p id="e2e-out"></p>';
        document.body.appendChild(box);
        let inputs = 0;
        box.querySelector("#e2e-in").addEventListener("input", () => { inputs += 1; });
        box.querySelector("#e2e-go").addEventListener("click", (e) => {
            box.querySelector("#e2e-out").textContent = box.querySelector("#e2e-in").value + "|" + (inputs > 0);
            e.target.style.display = "none";
        });
        return arguments[0];
        "##,
        vec![json!("ok")],
    );

    app.type_text("#e2e-in", "Caffè già");
    assert_eq!(app.property("#e2e-in", "value"), json!("Caffè già"));
    let go = app.wait_for("#e2e-go", TIMEOUT);
    let kind = app
        .webdriver()
        .attribute(&go, "data-kind")
        .expect("attribute");
    assert_eq!(kind.as_deref(), Some("probe"));

    app.click("#e2e-go");
    app.wait_gone("#e2e-go", TIMEOUT);
    assert_eq!(app.text("#e2e-out"), "Caffè già|true");
    assert_eq!(app.count("#e2e-probe input"), 1);

    app.type_text("#e2e-in", "");
    assert_eq!(app.property("#e2e-in", "value"), json!(""));
}
