//! The header's global search end to end: focused by Ctrl+K and "/", results grouped by kind
//! with terminated staff marked, opened by keyboard alone (an employee's file, a document on its
//! file's documents tab), the minimum-length hint and the empty state, in both languages.

use crate::screens::{invoke, set_up, switch_language};
use crate::staff::{
    attach_contract, contract_type, create_employees, department, ok, tax_code, wait_text,
};
use crate::support::webdriver::keys;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::{json, Value};

const BOX: &str = "[data-testid=global-search]";
const HIT: &str = "[data-testid=search-hit]";

/// The search box has the keyboard focus.
fn search_focused(app: &App) -> bool {
    app.execute(
        "return document.activeElement?.dataset?.testid === 'global-search';",
        vec![],
    ) == json!(true)
}

/// Presses `keys` in whatever element has the focus (as a person at the keyboard would).
fn press(app: &App, keys: &str) {
    let active = app
        .webdriver()
        .execute("return document.activeElement;", vec![])
        .ok()
        .and_then(|v| crate::support::webdriver::Element::from_json(&v))
        .expect("a focused element");
    app.webdriver().send_keys(&active, keys).unwrap();
}

/// The text of `css` as written (badges show it in capitals through CSS).
fn written(app: &App, css: &str) -> String {
    app.wait_for(css, TIMEOUT);
    app.execute(
        "return document.querySelector(arguments[0]).textContent.trim();",
        vec![json!(css)],
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// The (kind, title) of every result shown, in order.
fn hits(app: &App) -> Vec<(String, String)> {
    let v = app.execute(
        "return [...document.querySelectorAll('[data-testid=search-hit]')].map((h) =>
           [h.dataset.kind, h.querySelector('[data-testid=hit-title]').textContent]);",
        vec![],
    );
    serde_json::from_value(v).unwrap()
}

/// Types `text` into the search box and waits until the results for it are shown.
fn search(app: &App, text: &str, expect: usize) {
    app.type_text(BOX, text);
    app.wait_until(&format!("{expect} results for `{text}`"), TIMEOUT, || {
        Ok(app.count(HIT) == expect
            && app.execute(
                "return document.querySelector('[data-testid=global-search]').dataset.busy === undefined;",
                vec![],
            ) == json!(true))
    });
}

fn person(surname: &str, sc: &str, name: &str, n: usize, dept: i64, contract: i64) -> Value {
    json!({
        "employee_number": format!("{:05}", 100 + n), "first_name": name, "last_name": surname,
        "tax_code": tax_code(sc, &name[..3].to_uppercase(), n),
        "birth_date": null, "birth_place": null, "sex": null,
        "email": format!("{}.{}@example.it", name.to_lowercase(), surname.to_lowercase()),
        "phone": null, "address": null, "iban": null, "department_id": dept,
        "job_title": "Impiegato", "manager_id": null, "hire_date": "2019-04-01",
        "contract_type_id": contract, "contract_end": null, "ccnl": null, "level": null,
    })
}

#[test]
fn global_search_finds_and_opens_by_keyboard_in_both_languages() {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("contratto-esposito.pdf");
    std::fs::write(
        &pdf,
        b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
    )
    .unwrap();
    let app = App::launch_with(
        "global_search",
        Launch::english().dialog_answers(out.path(), &[&pdf]),
    );
    set_up(&app);
    let logistics = department(&app, "Logistica Verona");
    let admin = department(&app, "Amministrazione");
    let permanent = contract_type(&app, "permanent");
    create_employees(
        &app,
        vec![
            person("Esposito", "SPS", "Giulia", 0, logistics, permanent),
            person("Esposti", "SPS", "Marco", 1, admin, permanent),
            person("Ferrari", "FRR", "Luca", 2, logistics, permanent),
        ],
    );
    let staff = ok(invoke(
        &app,
        "list_staff",
        json!({ "query": { "search": null, "department_id": null, "status": "all",
            "contract_type_id": null, "completeness_below": null, "expiring_within_days": null,
            "sort": "name", "dir": "asc", "page": { "offset": 0, "limit": 10 } } }),
    ));
    let id_of = |surname: &str| {
        staff["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["last_name"] == surname)
            .unwrap_or_else(|| panic!("{surname} in {staff}"))["id"]
            .as_i64()
            .unwrap()
    };
    let (giulia, marco) = (id_of("Esposito"), id_of("Esposti"));
    // Marco has left; Giulia's file holds a contract.
    let file = ok(invoke(&app, "get_employee", json!({ "id": marco })));
    ok(invoke(
        &app,
        "terminate_employee",
        json!({ "id": marco, "version": file["employee"]["version"],
                "input": { "termination_date": "2025-06-30", "reason": null } }),
    ));
    let doc = attach_contract(&app, &json!(giulia), "Contratto di assunzione Esposito");

    // Ctrl+K from anywhere focuses the box; below three characters it says what to type.
    app.click("[data-testid=nav-home]");
    press(&app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    app.wait_until("the search box focused by Ctrl+K", TIMEOUT, || {
        Ok(search_focused(&app))
    });
    app.type_text(BOX, "es");
    app.wait_for("[data-testid=search-hint]", TIMEOUT);
    assert!(app
        .text("[data-testid=search-hint]")
        .contains("at least 3 characters"));
    app.screenshot("hint-en");

    // Part of a surname: both people, the one who left marked; the contract among documents.
    search(&app, "espos", 3);
    assert_eq!(
        hits(&app),
        [
            ("employee".into(), "Esposito Giulia".into()),
            ("employee".into(), "Esposti Marco".into()),
            ("document".into(), "Contratto di assunzione Esposito".into()),
        ]
    );
    let marked: Vec<String> = serde_json::from_value(app.execute(
        "return [...document.querySelectorAll('[data-testid=search-hit][data-inactive]')]
           .map((h) => h.dataset.kind + ':' + h.dataset.id);",
        vec![],
    ))
    .unwrap();
    assert_eq!(marked, [format!("employee:{marco}")]);
    assert_eq!(
        written(
            &app,
            &format!("{HIT}[data-id='{marco}'] [data-testid=hit-inactive]")
        ),
        "Left"
    );
    assert!(app
        .text(&format!(
            "{HIT}[data-id='{giulia}'] [data-testid=hit-detail]"
        ))
        .contains("Logistica Verona"));
    app.screenshot("results-en");

    // Arrow down to the second, Enter: Marco's file.
    press(&app, keys::ARROW_DOWN);
    app.wait_until("the second result selected", TIMEOUT, || {
        Ok(app.execute(
            "return document.querySelector('[data-testid=search-hit][data-combobox-selected]')?.dataset.id ?? null;",
            vec![],
        ) == json!(marco.to_string()))
    });
    press(&app, keys::ENTER);
    wait_text(&app, "[data-testid=page-title]", "Esposti Marco");
    app.wait_for("[data-testid=employee-form]", TIMEOUT);
    app.wait_gone("[data-testid=global-search-dropdown]", TIMEOUT);
    assert_eq!(app.property(BOX, "value"), json!(""));

    // "/" outside an input focuses the box; the tax code finds exactly one person, Enter opens.
    app.click("[data-testid=nav-home]");
    press(&app, "/");
    app.wait_until("the search box focused by /", TIMEOUT, || {
        Ok(search_focused(&app))
    });
    let ferrari_code = tax_code("FRR", "LUC", 2);
    search(&app, &ferrari_code, 1);
    assert_eq!(hits(&app)[0].1, "Ferrari Luca");
    press(&app, keys::ENTER);
    wait_text(&app, "[data-testid=page-title]", "Ferrari Luca");

    // A document opens its owner's file on the documents tab, the row brought into view.
    press(&app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    search(&app, "contratto assunzione", 1);
    press(&app, keys::ENTER);
    wait_text(&app, "[data-testid=page-title]", "Esposito Giulia");
    app.wait_for(
        &format!("[data-testid=attachment-row][data-id='{}']", doc["id"]),
        TIMEOUT,
    );
    assert_eq!(
        app.execute(
            "return document.querySelector('[data-testid=tab-documents]').getAttribute('aria-selected');",
            vec![]
        ),
        json!("true")
    );

    // A department opens its own page.
    press(&app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    search(&app, "verona", 1);
    assert_eq!(
        hits(&app),
        [("department".to_owned(), "Logistica Verona".to_owned())]
    );
    app.screenshot("department-en");
    press(&app, keys::ENTER);
    wait_text(&app, "[data-testid=page-title]", "Logistica Verona");
    app.wait_for("[data-testid=department-status]", TIMEOUT);
    app.screenshot("department-opened-en");

    // Nothing found: said so, with the text searched; Escape closes, a second one leaves the box.
    press(&app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    search(&app, "zanzibar", 0);
    app.wait_for("[data-testid=search-empty]", TIMEOUT);
    assert!(app
        .text("[data-testid=search-empty]")
        .contains("No results for “zanzibar”"));
    app.screenshot("empty-en");
    press(&app, keys::ESCAPE);
    app.wait_gone("[data-testid=global-search-dropdown]", TIMEOUT);
    press(&app, keys::ESCAPE);
    app.wait_until("the box left empty", TIMEOUT, || {
        Ok(!search_focused(&app) && app.property(BOX, "value") == json!(""))
    });

    // Italian.
    switch_language(&app, "IT");
    app.click("[data-testid=nav-home]");
    press(&app, &format!("{}k{}", keys::CONTROL, keys::NULL));
    app.wait_until("the search box focused", TIMEOUT, || {
        Ok(search_focused(&app))
    });
    search(&app, "espos", 3);
    assert_eq!(
        app.text("[data-testid=search-group-employee] .mantine-Combobox-groupLabel"),
        "Dipendenti"
    );
    assert_eq!(
        written(
            &app,
            &format!("{HIT}[data-id='{marco}'] [data-testid=hit-inactive]")
        ),
        "Cessato"
    );
    app.screenshot("results-it");
    search(&app, "zanzibar", 0);
    assert!(app
        .text("[data-testid=search-empty]")
        .contains("Nessun risultato per «zanzibar»"));
    app.screenshot("empty-it");
}
