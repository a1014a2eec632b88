//! Staff files end to end: the employee form with Rust's field errors and warnings, documents
//! through the (scripted) native dialogs, training, completeness, the virtualised staff list with
//! its filters, the completeness page, and screenshots of every screen in both languages.

use crate::screens::{
    click_text, count, go, invoke, set_up, sign_in, sign_out, switch_language, wait_field_error,
};
use crate::support::webdriver::keys;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::{json, Value};
use std::path::Path;

const FORM: &str = "[data-testid=employee-form]";

/// The check character of an Italian codice fiscale, for the first 15 characters.
fn cf_check(first15: &str) -> char {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let sum: u32 = first15
        .chars()
        .enumerate()
        .map(|(i, c)| {
            let v = if c.is_ascii_digit() {
                c as u32 - '0' as u32
            } else {
                c as u32 - 'A' as u32
            };
            if i % 2 == 0 {
                ODD[v as usize]
            } else {
                v
            }
        })
        .sum();
    (b'A' + (sum % 26) as u8) as char
}

/// A valid codice fiscale that differs for each `n` (birth day and month letter vary).
pub(crate) fn tax_code(surname: &str, name: &str, n: usize) -> String {
    const MONTHS: &[u8] = b"ABCDEHLMPRST";
    let body = format!(
        "{}{}{:02}{}{:02}H501",
        surname,
        name,
        60 + n / 336 % 40,
        MONTHS[n / 28 % 12] as char,
        n % 28 + 1
    );
    format!("{body}{}", cf_check(&body))
}

/// Brings `css` to the middle of the window, clear of the sticky header and save bar.
fn center(app: &App, css: &str) {
    app.wait_for(css, TIMEOUT);
    app.execute(
        "document.querySelector(arguments[0]).scrollIntoView({ block: 'center' }); return 1;",
        vec![json!(css)],
    );
}

/// Chooses `option` in the Mantine select whose input matches `css`.
pub(crate) fn pick(app: &App, css: &str, option: &str) {
    center(app, css);
    app.click(css);
    click_text(app, "[role=listbox]", option);
    app.wait_gone("[role=listbox]", TIMEOUT);
}

/// Types a dd/mm/yyyy date and leaves the input, so its calendar closes.
fn type_date(app: &App, css: &str, date: &str) {
    center(app, css);
    app.type_text(css, date);
    app.execute("document.activeElement.blur(); return 1;", vec![]);
}

/// The text of the first element matching `css` right now ("" if none): safe to poll while the
/// page re-renders, unlike a held element reference.
pub(crate) fn text_now(app: &App, css: &str) -> String {
    app.execute(
        "const e = document.querySelector(arguments[0]); return e ? e.innerText.trim() : '';",
        vec![json!(css)],
    )
    .as_str()
    .unwrap_or_default()
    .to_owned()
}

/// Waits until the element `css` shows exactly `text`.
pub(crate) fn wait_text(app: &App, css: &str, text: &str) {
    app.wait_until(&format!("`{text}` in `{css}`"), TIMEOUT, || {
        Ok(text_now(app, css) == text)
    });
}

pub(crate) fn ok(v: Value) -> Value {
    assert!(v.get("err").is_none(), "command failed: {v}");
    v["ok"].clone()
}

pub(crate) fn department(app: &App, name: &str) -> i64 {
    let d = ok(invoke(
        app,
        "create_department",
        json!({ "input": { "name": name, "code": null, "head": null, "cost_centre": null } }),
    ));
    d["id"].as_i64().unwrap()
}

pub(crate) fn contract_type(app: &App, code: &str) -> i64 {
    let list = ok(invoke(
        app,
        "list_contract_types",
        json!({ "includeInactive": false }),
    ));
    list.as_array()
        .unwrap()
        .iter()
        .find(|c| c["code"] == code)
        .unwrap_or_else(|| panic!("no contract type {code}"))["id"]
        .as_i64()
        .unwrap()
}

/// Attaches a document of the "contract" type to `employee` through the command (without the
/// file dialog: no file, only the record), and returns the created document.
pub(crate) fn attach_contract(app: &App, employee: &Value, title: &str) -> Value {
    let types = ok(invoke(
        app,
        "list_document_types",
        json!({ "includeInactive": false }),
    ));
    let type_id = types
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["code"] == "contract")
        .unwrap()["id"]
        .clone();
    ok(invoke(
        app,
        "attach_file",
        json!({ "entity": "employees", "recordId": employee, "title": "Attach",
                "input": { "type_id": type_id, "title": title,
                           "issued_on": null, "expires_on": null } }),
    ))
}

/// Creates many employees in one round trip through the UI's own command.
pub(crate) fn create_employees(app: &App, inputs: Vec<Value>) {
    let out = app
        .webdriver()
        .execute_async(
            "const [inputs, done] = arguments;
             (async () => {
               for (const input of inputs) {
                 await window.__TAURI_INTERNALS__.invoke('create_employee', { input });
               }
             })().then(() => done('ok'), (e) => done(JSON.stringify(e)));",
            vec![json!(inputs)],
        )
        .expect("creating employees");
    assert_eq!(out, json!("ok"));
}

fn score(app: &App) -> i64 {
    app.wait_for("[data-testid=score-ring]", TIMEOUT);
    text_now(app, "[data-testid=score-ring]")
        .trim_end_matches('%')
        .parse()
        .unwrap_or(-1)
}

fn write_pdf(path: &Path, marker: &str) -> Vec<u8> {
    let bytes = format!("%PDF-1.4\n% {marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
        .into_bytes();
    std::fs::write(path, &bytes).unwrap();
    bytes
}

#[test]
fn employee_file_documents_training_and_completeness() {
    let out = tempfile::tempdir().unwrap();
    let id_card = out.path().join("carta-identita-rossi.pdf");
    let renewed = out.path().join("carta-identita-rossi-2026.pdf");
    let copy = out.path().join("copia.pdf");
    let zip = out.path().join("fascicolo-rossi-mario.zip");
    let id_bytes = write_pdf(&id_card, "first");
    let renewed_bytes = write_pdf(&renewed, "renewed");
    let app = App::launch_with(
        "staff_file",
        Launch::italian().dialog_answers(out.path(), &[&id_card, &renewed, &copy, &zip]),
    );
    set_up(&app);
    department(&app, "Magazzino");

    // The list starts empty and says what to do.
    go(&app, "staff");
    app.wait_for("[data-testid=staff-empty]", TIMEOUT);
    assert!(app
        .text("[data-testid=staff-empty]")
        .contains("Nuovo dipendente"));
    app.screenshot("list-empty");

    // A requirement: every "Magazziniere" needs an identity card.
    go(&app, "staffSettings");
    app.wait_for("[data-testid=requirements-empty]", TIMEOUT);
    click_text(&app, "main", "Nuovo requisito");
    app.type_text(
        "[data-testid=requirement-form] input[name=job_title]",
        "Magazziniere",
    );
    pick(
        &app,
        "[data-testid=requirement-form] input[data-field=target]",
        "Carta d'identità",
    );
    app.click("[data-testid=requirement-save]");
    app.wait_for("[data-testid=requirement-row]", TIMEOUT);
    app.screenshot("settings-requirements");
    assert_eq!(count(&app, "SELECT count(*) FROM requirements"), 1);
    app.click("[data-testid=settings-tab-document-types]");
    app.wait_for("[data-testid=document-types-table]", TIMEOUT);
    app.screenshot("settings-document-types");
    app.click("[data-testid=settings-tab-courses]");
    app.wait_for("[data-testid=courses-table]", TIMEOUT);
    app.screenshot("settings-courses");

    // A wrong check character: the error is beside the tax code, nothing is written.
    go(&app, "staff");
    app.click("[data-testid=employee-new]");
    app.wait_for(FORM, TIMEOUT);
    app.type_text(&format!("{FORM} input[name=last_name]"), "Rossi");
    app.type_text(&format!("{FORM} input[name=first_name]"), "Mario");
    app.type_text(&format!("{FORM} input[name=tax_code]"), "RSSMRA80A01H501X");
    type_date(
        &app,
        &format!("{FORM} input[data-field=hire_date]"),
        "15/03/2010",
    );
    app.click("[data-testid=employee-save]");
    let error = wait_field_error(&app, &format!("{FORM} input[name=tax_code]"));
    assert!(error.contains("carattere di controllo"), "{error}");
    app.screenshot("new-invalid-tax-code");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 0);

    // The right code, a birth date the code disagrees with, and the job details.
    app.type_text(&format!("{FORM} input[name=tax_code]"), "RSSMRA80A01H501U");
    type_date(
        &app,
        &format!("{FORM} input[data-field=birth_date]"),
        "02/01/1980",
    );
    app.type_text(&format!("{FORM} input[name=birth_place]"), "Roma");
    app.type_text(
        &format!("{FORM} input[name=email]"),
        "mario.rossi@example.it",
    );
    app.type_text(
        &format!("{FORM} input[name=iban]"),
        "IT60X0542811101000000123456",
    );
    pick(
        &app,
        &format!("{FORM} input[data-field=department_id]"),
        "Magazzino",
    );
    app.type_text(&format!("{FORM} input[name=job_title]"), "Magazziniere");
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    pick(
        &app,
        &format!("{FORM} input[data-field=contract_type_id]"),
        "Tempo indeterminato",
    );
    app.click("[data-testid=employee-save]");

    // Saved: the file opens, the mismatch is a yellow note beside the tax code.
    wait_text(&app, "[data-testid=page-title]", "Rossi Mario");
    let warning = app.text("[data-testid=warning-tax_code]");
    assert!(warning.contains("01/01/1980"), "{warning}");
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 1);
    let stored: String = app
        .db()
        .query_row("SELECT iban FROM employees", [], |r| r.get(0))
        .unwrap();
    assert_eq!(stored, "IT60X0542811101000000123456");
    assert_eq!(
        app.property(&format!("{FORM} input[name=iban]"), "value"),
        json!("IT60 X054 2811 1010 0000 0123 456")
    );
    app.screenshot("file-details");

    // Completeness: the required identity card is missing; its button attaches one.
    app.click("[data-testid=tab-completeness]");
    app.wait_for(
        "[data-testid=issue-row][data-kind=missing_document]",
        TIMEOUT,
    );
    let before = score(&app);
    app.screenshot("file-completeness");
    app.click("[data-testid=issue-row][data-kind=missing_document] [data-testid=issue-fix]");
    app.wait_for("[data-testid=attach-form]", TIMEOUT);
    type_date(
        &app,
        "[data-testid=attach-form] input[data-field=issued_on]",
        "10/05/2020",
    );
    app.screenshot("attach-dialog");
    app.click("[data-testid=attach-choose]");
    app.wait_gone("[data-testid=attach-form]", TIMEOUT);
    app.wait_for("[data-testid=attachment-row]", TIMEOUT);
    app.wait_until("the score to rise", TIMEOUT, || Ok(score(&app) > before));
    let after = score(&app);
    assert!(after >= before + 30, "{before} → {after}");
    let (title, expires, sha): (String, String, String) = app
        .db()
        .query_row(
            "SELECT title, expires_on, sha256 FROM attachments",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!(title, "carta-identita-rossi");
    assert_eq!(expires, "2030-05-10");
    assert_eq!(sha.len(), 64);
    assert!(app
        .text("[data-testid=attachment-row] [data-testid=attachment-expiry]")
        .contains("10/05/2030"));

    // Renewing keeps the first version beneath the new one.
    app.click("[data-testid=attachment-row] [data-testid=attachment-renew]");
    app.wait_for("[data-testid=renew-form]", TIMEOUT);
    type_date(
        &app,
        "[data-testid=renew-form] input[data-field=issued_on]",
        "02/01/2026",
    );
    app.click("[data-testid=renew-choose]");
    app.wait_for("[data-testid=attachment-version]", TIMEOUT);
    assert_eq!(count(&app, "SELECT count(*) FROM attachments"), 2);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM attachments WHERE superseded_by IS NULL"
        ),
        1
    );
    app.screenshot("file-documents");

    // A copy saved through the save dialog has the current version's bytes.
    app.click("[data-testid=attachment-row] [data-testid=attachment-export]");
    app.wait_until("the saved copy", TIMEOUT, || Ok(copy.exists()));
    assert_eq!(std::fs::read(&copy).unwrap(), renewed_bytes);
    assert_ne!(renewed_bytes, id_bytes);

    // The whole file as a ZIP, as a GDPR access request needs.
    app.click("[data-testid=employee-export-zip]");
    app.wait_until("the ZIP", TIMEOUT, || Ok(zip.exists()));
    assert!(std::fs::read(&zip).unwrap().starts_with(b"PK"));

    // Training: a first-aid course, its expiry computed from the course's validity.
    app.click("[data-testid=tab-training]");
    app.wait_for("[data-testid=training-empty]", TIMEOUT);
    app.click("[data-testid=training-add]");
    pick(
        &app,
        "[data-testid=training-form] input[data-field=course_id]",
        "Primo soccorso",
    );
    type_date(
        &app,
        "[data-testid=training-form] input[data-field=completed_on]",
        "12/02/2024",
    );
    app.type_text(
        "[data-testid=training-form] input[name=provider]",
        "Croce Verde",
    );
    app.click("[data-testid=training-save]");
    app.wait_for("[data-testid=training-row]", TIMEOUT);
    let expiry: String = app
        .db()
        .query_row("SELECT expires_on FROM training_records", [], |r| r.get(0))
        .unwrap();
    assert_eq!(expiry, "2027-02-12");
    app.screenshot("file-training");

    // History of the record: the creation and the openings of the file.
    app.click("[data-testid=tab-history]");
    app.wait_for(
        "[data-testid=employee-history-row][data-op=insert]",
        TIMEOUT,
    );
    app.screenshot("file-history");

    // Unsaved typing is not lost by leaving: the app asks first.
    app.click("[data-testid=tab-details]");
    app.type_text(&format!("{FORM} input[name=phone]"), "02 1234567");
    center(&app, "[data-testid=back-to-staff]");
    app.click("[data-testid=back-to-staff]");
    app.wait_for("[data-testid=leave-discard]", TIMEOUT);
    app.screenshot("leave-unsaved");
    click_text(&app, ".mantine-Modal-content", "Resta e salva");
    app.wait_gone("[data-testid=leave-discard]", TIMEOUT);
    center(&app, "[data-testid=employee-save]");
    app.click("[data-testid=employee-save]");
    app.wait_until("the phone saved", TIMEOUT, || {
        Ok(count(
            &app,
            "SELECT count(*) FROM employees WHERE phone = '02 1234567'",
        ) == 1)
    });

    // Back to the list: one row, with its score.
    center(&app, "[data-testid=back-to-staff]");
    app.click("[data-testid=back-to-staff]");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    wait_text(&app, "[data-testid=list-total]", "1 dipendente");

    // History says how each file was read: the saved copy is one, in words.
    go(&app, "history");
    app.wait_for("[data-testid=change-read]", TIMEOUT);
    assert!(app
        .text("[data-testid=history-table]")
        .contains("Copia salvata"));
    app.screenshot("history-attachments");

    // The documents again, and their history, in English.
    switch_language(&app, "EN");
    app.wait_for("[data-testid=history-table]", TIMEOUT);
    app.screenshot("history-attachments-en");
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    app.click("[data-testid=staff-row]");
    app.click("[data-testid=tab-documents]");
    app.wait_for("[data-testid=attachment-version]", TIMEOUT);
    assert!(app
        .text("[data-testid=attachments-table]")
        .contains("Earlier version"));
    app.screenshot("file-documents-en");
    switch_language(&app, "IT");
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);

    // The same tax code twice among active staff: refused at the field, in words.
    app.click("[data-testid=employee-new]");
    app.type_text(&format!("{FORM} input[name=last_name]"), "Rossi");
    app.type_text(&format!("{FORM} input[name=first_name]"), "Maria");
    app.type_text(&format!("{FORM} input[name=tax_code]"), "RSSMRA80A01H501U");
    type_date(
        &app,
        &format!("{FORM} input[data-field=hire_date]"),
        "01/02/2021",
    );
    center(&app, "[data-testid=employee-save]");
    app.click("[data-testid=employee-save]");
    assert_eq!(
        wait_field_error(&app, &format!("{FORM} input[name=tax_code]")),
        "Un altro dipendente in forza ha già questo codice fiscale"
    );
    center(&app, "[data-testid=back-to-staff]");
    app.click("[data-testid=back-to-staff]");
    app.click("[data-testid=leave-discard]");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), 1);
    app.click("[data-testid=staff-row]");
    app.wait_for("[data-testid=tab-details]", TIMEOUT);

    // Ending the employment: the date is required, then the file says so.
    app.click("[data-testid=employee-terminate]");
    app.type_text(
        "[data-testid=terminate-form] input[data-field=termination_date]",
        "",
    );
    app.click("[data-testid=terminate-save]");
    wait_field_error(
        &app,
        "[data-testid=terminate-form] input[data-field=termination_date]",
    );
    type_date(
        &app,
        "[data-testid=terminate-form] input[data-field=termination_date]",
        "31/01/2026",
    );
    app.type_text(
        "[data-testid=terminate-form] textarea[name=reason]",
        "Dimissioni",
    );
    app.click("[data-testid=terminate-save]");
    app.wait_for("[data-testid=terminated-note]", TIMEOUT);
    assert!(app
        .text("[data-testid=terminated-note]")
        .contains("31/01/2026"));
}

#[test]
fn staff_list_filters_and_completeness_page_in_both_languages() {
    let app = App::launch_with("staff_list", Launch::italian());
    set_up(&app);
    let depts = [
        department(&app, "Amministrazione"),
        department(&app, "Magazzino"),
        department(&app, "Vendite"),
    ];
    let permanent = contract_type(&app, "permanent");
    let fixed = contract_type(&app, "fixed_term");
    let surnames = [
        ("Bianchi", "BNC"),
        ("Ferrari", "FRR"),
        ("Esposito", "SPS"),
        ("Romano", "RMN"),
        ("Colombo", "CLM"),
        ("Ricci", "RCC"),
        ("Marino", "MRN"),
        ("Greco", "GRC"),
        ("Bruno", "BRN"),
        ("Verdi", "VRD"),
    ];
    let names = [
        ("Giulia", "GLI"),
        ("Luca", "LCU"),
        ("Sara", "SRA"),
        ("Marco", "MRC"),
    ];
    let today = chrono::Local::now().date_naive();
    let soon = (today + chrono::Duration::days(20))
        .format("%Y-%m-%d")
        .to_string();
    let total = 240;
    let inputs: Vec<Value> = (0..total)
        .map(|n| {
            let (surname, sc) = surnames[n % surnames.len()];
            let (name, nc) = names[n / surnames.len() % names.len()];
            let full = n % 3 == 0;
            let fixed_term = n % 40 == 7;
            let job = ["Impiegato", "Magazziniere", "Commerciale"][n % 3];
            json!({
                "employee_number": format!("{:05}", n + 1),
                "first_name": name,
                "last_name": surname,
                "tax_code": tax_code(sc, nc, n),
                "birth_date": null,
                "birth_place": if full { json!("Milano") } else { Value::Null },
                "sex": null,
                "email": format!("{}.{}{}@example.it", name.to_lowercase(), surname.to_lowercase(), n),
                "phone": if full { json!("02 1234567") } else { Value::Null },
                "address": if full { json!("Via Dante 1, 20121 Milano (MI)") } else { Value::Null },
                "iban": if n % 2 == 0 { json!("IT60X0542811101000000123456") } else { Value::Null },
                "department_id": if n % 11 == 10 { Value::Null } else { json!(depts[n % 3]) },
                "job_title": job,
                "manager_id": null,
                "hire_date": format!("20{:02}-0{}-15", 10 + n % 14, 1 + n % 9),
                "contract_type_id": if fixed_term { fixed } else { permanent },
                "contract_end": if fixed_term { json!(soon) } else { Value::Null },
                "ccnl": if full { json!("Commercio") } else { Value::Null },
                "level": if full { json!("3") } else { Value::Null },
            })
        })
        .collect();
    create_employees(&app, inputs);
    assert_eq!(count(&app, "SELECT count(*) FROM employees"), total as i64);

    // The list: a total, far fewer rows in the page than employees, pages fetched on scroll.
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    wait_text(&app, "[data-testid=list-total]", "240 dipendenti");
    let rendered = app.count("[data-testid=staff-row]");
    assert!(rendered < 60, "{rendered} rows rendered");
    app.screenshot("list");
    app.execute(
        "const s = document.querySelector('[data-testid=staff-scroll]'); s.scrollTop = s.scrollHeight; return 1;",
        vec![],
    );
    app.wait_for("[data-testid=staff-row][data-index='239']", TIMEOUT);

    // Sorting by completeness puts the least complete file first.
    app.click("[data-testid=sort-completeness]");
    let lowest = count(
        &app,
        "SELECT min(completeness) FROM employees WHERE status = 'active'",
    );
    app.wait_until("the least complete first", TIMEOUT, || {
        let s = app.execute(
            "return document.querySelector('[data-testid=staff-row][data-index=\"0\"] [data-testid=score]')?.dataset.score ?? null;",
            vec![],
        );
        Ok(s == json!(lowest.to_string()))
    });

    // Filters: a department, then a search on top, then what expires within 30 days.
    pick(&app, "[data-testid=staff-filter-department]", "Vendite");
    let in_sales = count(
        &app,
        "SELECT count(*) FROM employees e JOIN departments d ON d.id = e.department_id WHERE d.name = 'Vendite'",
    );
    let expected = if in_sales == 1 {
        "1 dipendente".to_owned()
    } else {
        format!("{in_sales} dipendenti")
    };
    wait_text(&app, "[data-testid=list-total]", &expected);
    app.type_text("[data-testid=staff-search]", "Verdi");
    let verdi_sales = count(
        &app,
        "SELECT count(*) FROM employees e JOIN departments d ON d.id = e.department_id WHERE d.name = 'Vendite' AND e.last_name = 'Verdi'",
    );
    app.wait_until("the search", TIMEOUT, || {
        let rows = app.count("[data-testid=staff-row]") as i64;
        Ok(rows == verdi_sales
            && app
                .text("[data-testid=list-total]")
                .starts_with(&verdi_sales.to_string()))
    });
    app.screenshot("list-filtered");
    app.click("[data-testid=staff-reset]");
    wait_text(&app, "[data-testid=list-total]", "240 dipendenti");
    pick(&app, "[data-testid=staff-filter-within]", "Entro 30 giorni");
    let expiring = count(
        &app,
        "SELECT count(*) FROM employees WHERE next_expiry IS NOT NULL",
    );
    app.wait_until("the expiry filter", TIMEOUT, || {
        Ok(app.count("[data-testid=staff-row]") as i64 == expiring)
    });

    // The completeness page: company score, departments, and what to fix first.
    go(&app, "completeness");
    app.wait_for("[data-testid=company-score]", TIMEOUT);
    app.wait_for("[data-testid=fix-row]", TIMEOUT);
    assert_eq!(app.count("[data-testid=rollup-row]"), 4);
    app.screenshot("completeness");
    center(&app, "[data-testid=fix-table]");
    app.screenshot("completeness-to-fix");
    // The most urgent: the fixed-term contracts about to end.
    let first_issue = app.execute(
        "return document.querySelector('[data-testid=fix-row] [data-testid=issue-fix]').dataset.kind;",
        vec![],
    );
    assert_eq!(first_issue, json!("contract_ending"));
    center(&app, "[data-testid=fix-row] [data-testid=issue-fix]");
    app.click("[data-testid=fix-row] [data-testid=issue-fix]");
    app.wait_for("[data-testid=employee-form]", TIMEOUT);
    app.wait_until("the contract end focused", TIMEOUT, || {
        Ok(app.execute(
            "return document.activeElement?.dataset?.field ?? null;",
            vec![],
        ) == json!("contract_end"))
    });
    app.screenshot("fix-contract-end");

    // Home lists what needs attention across areas, most urgent first, and each row opens the
    // place to act: the same first item as the completeness page.
    go(&app, "home");
    app.wait_for("[data-testid=attention-item]", TIMEOUT);
    let needing = count(
        &app,
        "SELECT count(*) FROM employees WHERE status = 'active' AND urgency > 0",
    );
    assert!(!app.text("[data-testid=attention-counts]").is_empty());
    let shown = app.count("[data-testid=attention-item]") as i64;
    assert_eq!(shown, needing.min(30));
    let first_on_home = app.execute(
        "return document.querySelector('[data-testid=attention-item] [data-testid=issue-fix]').dataset.kind;",
        vec![],
    );
    assert_eq!(first_on_home, json!("contract_ending"));
    app.screenshot("home-attention");
    app.click("[data-testid=attention-item] [data-testid=issue-fix]");
    app.wait_for("[data-testid=employee-form]", TIMEOUT);
    app.wait_until("the contract end focused from home", TIMEOUT, || {
        Ok(app.execute(
            "return document.activeElement?.dataset?.field ?? null;",
            vec![],
        ) == json!("contract_end"))
    });

    // The same screens in English.
    switch_language(&app, "EN");
    wait_text(&app, "[data-testid=nav-staff]", "Staff");
    app.screenshot("file-en");
    app.click("[data-testid=tab-completeness]");
    app.wait_for("[data-testid=issues-table]", TIMEOUT);
    app.screenshot("file-completeness-en");
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    app.screenshot("list-en");
    go(&app, "completeness");
    app.wait_for("[data-testid=fix-row]", TIMEOUT);
    app.screenshot("completeness-en");
    go(&app, "home");
    app.wait_for("[data-testid=attention-item]", TIMEOUT);
    wait_text(&app, "[data-testid=home-attention] h4", "Needs attention");
    app.screenshot("home-attention-en");
}

#[test]
fn a_manager_reads_staff_files_without_changing_them_and_the_list_works_by_keyboard() {
    let app = App::launch_with("staff_read_only", Launch::english());
    set_up(&app);
    let dept = department(&app, "Logistics");
    let permanent = contract_type(&app, "permanent");
    let inputs = [("Bianchi", "BNC", "Anna"), ("Conti", "CNT", "Bruno")]
        .iter()
        .enumerate()
        .map(|(n, (surname, sc, name))| {
            json!({
                "employee_number": null, "first_name": name, "last_name": surname,
                "tax_code": tax_code(sc, &name[..3].to_uppercase(), n),
                "birth_date": null, "birth_place": null, "sex": null, "email": null,
                "phone": null, "address": null, "iban": null, "department_id": dept,
                "job_title": "Clerk", "manager_id": null, "hire_date": "2020-01-15",
                "contract_type_id": permanent, "contract_end": null, "ccnl": null, "level": null,
            })
        })
        .collect();
    create_employees(&app, inputs);
    ok(invoke(
        &app,
        "create_user",
        json!({ "input": {
            "username": "marta", "full_name": "Marta Manager",
            "password": "marta-password-1", "roles": ["manager"],
        } }),
    ));
    sign_out(&app);
    sign_in(&app, "marta", "marta-password-1");
    app.wait_for("[data-testid=nav-staff]", TIMEOUT);
    go(&app, "staff");
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    // Managers read staff files: no new, import or export buttons.
    for css in [
        "[data-testid=employee-new]",
        "[data-testid=staff-import]",
        "[data-testid=staff-export-csv]",
    ] {
        assert_eq!(app.count(css), 0, "{css} is shown to a manager");
    }

    // The keyboard: the second row, opened with Enter.
    let first = app.wait_for("[data-testid=staff-row][data-index='0']", TIMEOUT);
    app.webdriver().send_keys(&first, keys::ARROW_DOWN).unwrap();
    app.wait_until("the second row focused", TIMEOUT, || {
        Ok(app.execute(
            "return document.activeElement?.dataset?.index ?? null;",
            vec![],
        ) == json!("1"))
    });
    let second = app.wait_for("[data-testid=staff-row][data-index='1']", TIMEOUT);
    app.webdriver().send_keys(&second, keys::ENTER).unwrap();
    wait_text(&app, "[data-testid=page-title]", "Conti Bruno");
    app.wait_for("[data-testid=employee-form]", TIMEOUT);
    assert_eq!(app.count("[data-testid=employee-save]"), 0);
    assert_eq!(app.count("[data-testid=employee-terminate]"), 0);
    assert!(app
        .property(&format!("{FORM} input[name=last_name]"), "readOnly")
        .as_bool()
        .unwrap());
    app.click("[data-testid=tab-documents]");
    app.wait_for("[data-testid=attachments-empty]", TIMEOUT);
    assert_eq!(app.count("[data-testid=attachment-attach]"), 0);
    app.screenshot("file-read-only");

    // The tab is in the window's history: Alt+← goes back to the details, then to the list, and
    // Alt+→ forward to the file again (one step per press).
    back_forward(&app, keys::ARROW_LEFT);
    app.wait_until("the details tab again", TIMEOUT, || {
        Ok(app.property("[data-testid=tab-details]", "ariaSelected") == json!("true"))
    });
    assert_eq!(
        app.execute("return location.hash;", vec![]),
        json!(format!("#/employee/{}/details", conti_id(&app)))
    );
    back_forward(&app, keys::ARROW_LEFT);
    app.wait_for("[data-testid=staff-row]", TIMEOUT);
    assert_eq!(
        app.execute("return location.hash;", vec![]),
        json!("#/staff")
    );
    back_forward(&app, keys::ARROW_RIGHT);
    wait_text(&app, "[data-testid=page-title]", "Conti Bruno");
    app.wait_for("[data-testid=employee-form]", TIMEOUT);
    // Opening the file was recorded as a read by the manager.
    assert!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'employees' AND op = 'read' AND actor = 'marta'"
        ) >= 1
    );
}

/// Presses Alt with `arrow` on the page itself (not on a tab, which has arrow keys of its own).
fn back_forward(app: &App, arrow: &str) {
    app.execute("document.activeElement?.blur(); return 1;", vec![]);
    let body = app.wait_for("body", TIMEOUT);
    app.webdriver()
        .send_keys(&body, &format!("{}{arrow}{}", keys::ALT, keys::NULL))
        .unwrap();
}

fn conti_id(app: &App) -> i64 {
    count(app, "SELECT id FROM employees WHERE last_name = 'Conti'")
}
