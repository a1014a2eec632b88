//! Audits end to end, in the real window: a checklist from a starter template, an audit planned
//! and started, items assessed from the keyboard, evidence attached through the (scripted) open
//! dialog, a finding with a corrective action done by its owner (a manager) and verified by
//! another person, the audit closed; the screens in both languages.

use crate::screens::{
    choose_option, click_text, count, go, invoke, set_up, sign_in, sign_out, switch_language,
};
use crate::staff::{create_employees, department, ok, pick, tax_code, text_now};
use crate::support::webdriver::keys;
use crate::support::{App, Launch, TIMEOUT};
use serde_json::{json, Value};

const PDF: &[u8] =
    b"%PDF-1.4\n% registro\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

fn person(surname: &str, name: &str, n: usize, dept: i64) -> Value {
    json!({
        "employee_number": format!("{:05}", 300 + n), "first_name": name, "last_name": surname,
        "tax_code": tax_code(&surname[..3].to_uppercase(), &name[..3].to_uppercase(), n),
        "birth_date": null, "birth_place": null, "sex": null,
        "email": null, "phone": null, "address": null, "iban": null, "department_id": dept,
        "job_title": "Magazziniere", "manager_id": null, "hire_date": "2019-04-01",
        "contract_type_id": null, "contract_end": null, "ccnl": null, "level": null,
    })
}

/// Renders a PDF's pages to PNG beside the screenshots (poppler's pdftoppm), to be looked at.
pub(crate) fn render_pages(pdf: &std::path::Path, name: &str) {
    // "<dir>/<name>-1.png", "<dir>/<name>-2.png"…
    let prefix = crate::support::screenshot_file(name, "page");
    let status = std::process::Command::new("pdftoppm")
        .args(["-png", "-r", "60"])
        .arg(pdf)
        .arg(prefix.with_extension(""))
        .status();
    assert!(
        status.is_ok_and(|s| s.success()),
        "pdftoppm (poppler-utils) renders the report"
    );
}

/// Presses keys on the focused checklist.
fn press(app: &App, text: &str) {
    let el = app.wait_for("[data-testid=checklist]", TIMEOUT);
    app.webdriver()
        .send_keys(&el, text)
        .expect("keys to the checklist");
}

fn assessed(app: &App) -> i64 {
    count(
        app,
        "SELECT count(*) FROM audit_results WHERE result IS NOT NULL",
    )
}

#[test]
fn an_audit_runs_from_a_starter_checklist_to_a_verified_action_and_a_closed_audit() {
    let out = tempfile::tempdir().unwrap();
    let register = out.path().join("registro-trattamenti-2026.pdf");
    std::fs::write(&register, PDF).unwrap();
    let report = out.path().join("rapporto.pdf");
    let pack = out.path().join("pacchetto.zip");
    let tampered = out.path().join("pacchetto-modificato.zip");
    let app = App::launch_with(
        "audits",
        Launch::italian()
            .dialog_answers(out.path(), &[&register, &report, &pack, &pack, &tampered]),
    );
    set_up(&app);
    let store = department(&app, "Magazzino");
    create_employees(&app, vec![person("Rossi", "Mario", 1, store)]);
    let mario: i64 = app
        .db()
        .query_row(
            "SELECT id FROM employees WHERE last_name = 'Rossi'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    // Mario heads the store and signs in as a manager: his account is linked to his staff record.
    let user = ok(invoke(
        &app,
        "create_user",
        json!({ "input": { "username": "mrossi", "full_name": "Mario Rossi", "password": "Magazzino-2026!", "roles": ["manager"] } }),
    ));
    ok(invoke(
        &app,
        "update_user",
        json!({ "id": user["id"], "version": user["version"], "input": { "full_name": "Mario Rossi", "roles": ["manager"], "active": true, "employee_id": mario } }),
    ));

    // The server whose processing the audit covers.
    let server: i64 = app
        .db()
        .query_row(
            "SELECT id FROM asset_categories WHERE code = 'server'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    ok(invoke(
        &app,
        "save_asset",
        json!({ "id": null, "version": 0, "input": { "tag": "SRV-00001", "name": "Server gestionale", "category_id": server,
            "manufacturer": "Dell", "model": "PowerEdge T150", "serial": "7XK2M93",
            "supplier_name": null, "order_number": null, "purchase_date": "2024-02-12",
            "cost_cents": 189000, "currency": null, "warranty_end": "2027-02-12",
            "location_id": null, "department_id": store, "status": "in_use",
            "status_date": null, "notes": null } }),
    ));

    // The payroll provider, a supplier whose processing the audit covers too.
    ok(invoke(
        &app,
        "save_supplier",
        json!({ "id": null, "version": 0, "input": { "name": "Paghe Service S.r.l.",
            "vat_number": "07643520567", "fiscal_code": null, "street": null, "postcode": null,
            "city": "Bologna", "province": "BO", "country": null, "email": null, "pec": null,
            "sdi_code": null, "phone": null, "website": null, "iban": null,
            "payment_terms": null, "rating": null, "notes": null, "category_ids": [] } }),
    ));

    // A checklist from the GDPR starter, in Italian.
    go(&app, "audits");
    app.screenshot("audits-empty");
    click_text(&app, "[data-testid=audits-view]", "Checklist");
    app.click("[data-testid=template-new]");
    app.wait_for("[data-testid=template-form]", TIMEOUT);
    app.click("[data-testid=starter-gdpr]");
    app.screenshot("checklist-new");
    app.click("[data-testid=template-create]");
    app.wait_for("[data-testid=checklist-items]", TIMEOUT);
    let items = count(&app, "SELECT count(*) FROM audit_checklist_items");
    assert!(items >= 25, "{items} items");
    app.screenshot("checklist");

    // Plan the audit through its form.
    app.click("[data-testid=back-to-checklists]");
    click_text(&app, "[data-testid=audits-view]", "Audit");
    app.click("[data-testid=audit-new]");
    app.wait_for("[data-testid=audit-form]", TIMEOUT);
    app.type_text(
        "[data-testid=audit-form] input[name=title]",
        "Verifica privacy 2026",
    );
    pick(
        &app,
        "[data-testid=audit-form] input[data-testid=audit-template]",
        "Privacy: registro dei trattamenti e misure di sicurezza · versione 1",
    );
    app.type_text(
        "[data-testid=audit-form] input[data-field=planned_start]",
        "01/12/2026",
    );
    app.type_text(
        "[data-testid=audit-form] input[data-field=planned_end]",
        "31/12/2026",
    );
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    pick(
        &app,
        "[data-testid=audit-form] input[data-testid=audit-recurrence]",
        "Ogni anno",
    );
    // A multi-select stays open for the next choice: leave it with Escape.
    app.click("[data-testid=audit-form] input[data-testid=audit-departments]");
    choose_option(
        &app,
        "[data-testid=audit-form] input[data-testid=audit-departments]",
        "Magazzino",
    );
    let field = app.wait_for(
        "[data-testid=audit-form] input[data-testid=audit-departments]",
        TIMEOUT,
    );
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    // The auditee is found by typing part of the name (staff are searched in SQL).
    app.type_text(
        "[data-testid=audit-form] input[data-testid=audit-auditees]",
        "Ross",
    );
    click_text(&app, "[role=listbox]", "Rossi Mario");
    let field = app.wait_for(
        "[data-testid=audit-form] input[data-testid=audit-auditees]",
        TIMEOUT,
    );
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    // The server in scope, found by its tag.
    app.type_text(
        "[data-testid=audit-form] input[data-testid=audit-assets]",
        "SRV",
    );
    click_text(&app, "[role=listbox]", "SRV-00001 · Server gestionale");
    let field = app.wait_for(
        "[data-testid=audit-form] input[data-testid=audit-assets]",
        TIMEOUT,
    );
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    // And the payroll provider, found by part of its name.
    app.type_text(
        "[data-testid=audit-form] input[data-testid=audit-suppliers]",
        "paghe",
    );
    click_text(&app, "[role=listbox]", "Paghe Service S.r.l.");
    let field = app.wait_for(
        "[data-testid=audit-form] input[data-testid=audit-suppliers]",
        TIMEOUT,
    );
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    app.screenshot("audit-form");
    app.click("[data-testid=audit-save]");
    app.wait_for("[data-testid=audit-move-start]", TIMEOUT);
    app.wait_for("[data-testid=audit-status][data-status=planned]", TIMEOUT);
    app.click("[data-testid=audit-move-start]");
    app.wait_for(
        "[data-testid=audit-status][data-status=in_progress]",
        TIMEOUT,
    );
    app.screenshot("audit-started");

    // Assess every item without the mouse: 1 = compliant and on to the next; the second item
    // is a minor non-conformity (2).
    app.click("[data-testid=tab-checklist]");
    app.wait_for("[data-testid=checklist]", TIMEOUT);
    press(&app, "1");
    app.wait_until(
        "the first result saved",
        TIMEOUT,
        || Ok(assessed(&app) == 1),
    );
    press(&app, "2");
    app.wait_until("the second result saved", TIMEOUT, || {
        Ok(assessed(&app) == 2)
    });
    for n in 3..=items {
        press(&app, "1");
        app.wait_until("each result saved", TIMEOUT, || Ok(assessed(&app) == n));
    }
    // Back to the top with the arrow keys, then notes for the first item from the keyboard.
    for _ in 0..items {
        press(&app, keys::ARROW_UP);
    }
    press(&app, "n");
    let notes = app.wait_for("[data-testid=item-notes]", TIMEOUT);
    app.webdriver()
        .send_keys(
            &notes,
            &format!("Registro visionato con il titolare.{}", keys::ENTER),
        )
        .unwrap();
    app.wait_until("the notes saved", TIMEOUT, || {
        Ok(count(
            &app,
            "SELECT count(*) FROM audit_results WHERE notes LIKE 'Registro visionato%'",
        ) == 1)
    });
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_results WHERE result = 'minor'"
        ),
        1
    );
    app.screenshot("checklist-assessed");

    // Evidence for the first item: a new record, its file from the open dialog.
    app.click("[data-testid=evidence-attach]");
    app.wait_for("[data-testid=evidence-form]", TIMEOUT);
    app.type_text(
        "[data-testid=evidence-form] input[name=title]",
        "Registro dei trattamenti 2026",
    );
    app.screenshot("evidence-form");
    app.click("[data-testid=evidence-choose]");
    app.wait_for(
        "[data-testid=evidence-link][data-title='Registro dei trattamenti 2026']",
        TIMEOUT,
    );
    assert_eq!(count(&app, "SELECT count(*) FROM audit_evidence"), 1);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM attachments WHERE entity = 'evidence'"
        ),
        1
    );

    // Closing is refused while the minor non-conformity has no finding: said in words.
    app.execute("window.scrollTo(0, 0); return 1;", vec![]);
    app.click("[data-testid=audit-move-submit_for_review]");
    app.wait_until("the refusal", TIMEOUT, || {
        Ok(text_now(&app, ".mantine-Notification-description").contains("rilievo"))
    });
    app.screenshot("refused-without-finding");

    // Raise the finding from that item.
    app.click("[data-testid=checklist-item][data-item-index='1']");
    app.click("[data-testid=item-raise-finding]");
    app.wait_for("[data-testid=finding-form]", TIMEOUT);
    click_text(&app, "[data-testid=finding-about-kind]", "Una persona");
    app.type_text(
        "[data-testid=finding-form] input[data-testid=finding-about]",
        "Ross",
    );
    choose_option(
        &app,
        "[data-testid=finding-form] input[data-testid=finding-about]",
        "Rossi Mario",
    );
    app.screenshot("finding-form");
    app.click("[data-testid=finding-save]");
    app.wait_gone("[data-testid=finding-form]", TIMEOUT);
    assert_eq!(count(&app, "SELECT count(*) FROM findings"), 1);

    // Its corrective action, owned by Mario.
    app.click("[data-testid=tab-findings]");
    app.click("[data-testid=action-add]");
    app.wait_for("[data-testid=action-form]", TIMEOUT);
    app.type_text(
        "[data-testid=action-description]",
        "Aggiungere al registro i trattamenti dei fornitori",
    );
    app.type_text(
        "[data-testid=action-form] input[data-testid=action-owner]",
        "Rossi",
    );
    click_text(&app, "[role=listbox]", "Rossi Mario");
    app.type_text(
        "[data-testid=action-form] input[data-field=due_on]",
        "31/01/2027",
    );
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    app.click("[data-testid=action-save]");
    app.wait_for("[data-testid=capa-action][data-status=open]", TIMEOUT);
    assert!(app
        .text("[data-testid=finding-subject]")
        .contains("Rossi Mario"));
    app.screenshot("findings");

    // Mario, a manager, sees the audit of his department and marks his action done.
    sign_out(&app);
    sign_in(&app, "mrossi", "Magazzino-2026!");
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "audits");
    app.click("[data-testid=audit-row]");
    app.click("[data-testid=tab-findings]");
    app.click("[data-testid=action-complete]");
    app.wait_for("[data-testid=step-form]", TIMEOUT);
    app.type_text(
        "[data-testid=step-text]",
        "Registro aggiornato con i fornitori.",
    );
    app.click("[data-testid=step-save]");
    app.wait_for("[data-testid=capa-action][data-status=done]", TIMEOUT);
    assert_eq!(
        app.count("[data-testid=action-verify]"),
        0,
        "a manager does not verify"
    );
    app.screenshot("manager-done");

    // The administrator, not the owner, verifies it: the finding closes.
    sign_out(&app);
    sign_in(&app, crate::screens::ADMIN, crate::screens::ADMIN_PASSWORD);
    app.wait_for("[data-testid=home-organisation-name]", TIMEOUT);
    go(&app, "audits");
    app.click("[data-testid=audit-row]");
    app.click("[data-testid=tab-findings]");
    app.click("[data-testid=action-verify]");
    app.wait_for("[data-testid=step-form]", TIMEOUT);
    app.type_text(
        "[data-testid=step-text]",
        "Registro controllato: 12 trattamenti di fornitori presenti.",
    );
    app.click("[data-testid=step-save]");
    app.wait_for("[data-testid=finding][data-status=closed]", TIMEOUT);
    app.screenshot("finding-closed");

    // Review and close; the audit is then read-only and the next one is planned.
    app.click("[data-testid=audit-move-submit_for_review]");
    app.wait_for("[data-testid=audit-status][data-status=in_review]", TIMEOUT);
    app.click("[data-testid=audit-move-close]");
    app.wait_for("[data-testid=audit-status][data-status=closed]", TIMEOUT);
    app.wait_for("[data-testid=audit-closed-notice]", TIMEOUT);
    app.click("[data-testid=tab-details]");
    app.wait_for("[data-testid=section-scores]", TIMEOUT);
    app.screenshot("closed-details");
    assert_eq!(
        count(&app, "SELECT count(*) FROM audits WHERE status = 'planned'"),
        1
    );

    // The report (PDF) and the pack through the save dialog.
    app.execute("window.scrollTo(0, 0); return 1;", vec![]);
    app.click("[data-testid=audit-report]");
    app.wait_until("the report written", TIMEOUT, || Ok(report.exists()));
    let pdf = std::fs::read(&report).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    render_pages(&report, "audits-report");
    app.click("[data-testid=audit-pack]");
    app.wait_until("the pack written", TIMEOUT, || Ok(pack.exists()));
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'exports'"
        ),
        2
    );

    // Verify the pack as it is, then a copy with one byte changed in the evidence file.
    app.click("[data-testid=back-to-audits]");
    app.click("[data-testid=pack-verify]");
    app.wait_for("[data-testid=pack-verdict][data-verdict=intact]", TIMEOUT);
    app.screenshot("pack-intact");
    app.execute(
        "document.querySelectorAll('.mantine-Modal-close').forEach((b) => b.click()); return 1;",
        vec![],
    );
    app.wait_gone("[data-testid=pack-verdict]", TIMEOUT);
    let mut bytes = std::fs::read(&pack).unwrap();
    let at = bytes
        .windows(10)
        .position(|w| w == b"% registro")
        .expect("the evidence file is stored as is in the pack");
    bytes[at + 2] ^= 0x20;
    std::fs::write(&tampered, bytes).unwrap();
    app.click("[data-testid=pack-verify]");
    app.wait_for("[data-testid=pack-verdict][data-verdict=changed]", TIMEOUT);
    assert!(app
        .text("[data-testid=pack-changed]")
        .contains("registro-trattamenti-2026.pdf"));
    app.screenshot("pack-changed");
    app.execute(
        "document.querySelectorAll('.mantine-Modal-close').forEach((b) => b.click()); return 1;",
        vec![],
    );
    app.wait_gone("[data-testid=pack-verdict]", TIMEOUT);
    app.click("[data-testid=audit-row][data-id='1']");

    // The same screens in English.
    switch_language(&app, "EN");
    app.wait_for("[data-testid=audit-status][data-status=closed]", TIMEOUT);
    app.screenshot("closed-details-en");
    app.click("[data-testid=tab-checklist]");
    app.wait_for("[data-testid=checklist]", TIMEOUT);
    app.screenshot("checklist-en");
    app.execute("window.scrollTo(0, 0); return 1;", vec![]);
    app.click("[data-testid=back-to-audits]");
    app.wait_for("[data-testid=audit-row]", TIMEOUT);
    app.screenshot("list-en");
    // The server's page names the audit that covered it and the finding about it.
    app.click("[data-testid=audit-row][data-id='1']");
    app.click("[data-testid=tab-details]");
    app.click("[data-testid=audit-scope-asset]");
    app.wait_for("[data-testid=record-audits]", TIMEOUT);
    app.execute(
        "document.querySelector('[data-testid=record-audits]').scrollIntoView(); return 1;",
        vec![],
    );
    let story = app.text("[data-testid=record-audits]");
    assert!(story.contains("Verifica privacy 2026"), "{story}");
    assert!(story.contains("In the audit's scope"), "{story}");
    app.screenshot("asset-audits-en");
    // The supplier's page names it too.
    app.execute("window.history.back(); return 1;", vec![]);
    app.wait_for("[data-testid=audit-scope-supplier]", TIMEOUT);
    app.click("[data-testid=audit-scope-supplier]");
    app.wait_for("[data-testid=record-audits]", TIMEOUT);
    let story = app.text("[data-testid=record-audits]");
    assert!(story.contains("Verifica privacy 2026"), "{story}");
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM audit_scope WHERE entity = 'suppliers'"
        ),
        2,
        "the closed audit and its next occurrence"
    );
    app.screenshot("supplier-audits-en");
    assert!(
        count(
            &app,
            "SELECT count(*) FROM changes WHERE entity = 'audit_results'"
        ) >= items
    );
}

#[test]
fn a_policy_gets_its_document_and_a_record_of_who_read_it() {
    let out = tempfile::tempdir().unwrap();
    let doc = out.path().join("regolamento-informatico.pdf");
    std::fs::write(&doc, PDF).unwrap();
    let app = App::launch_with(
        "policies",
        Launch::italian().dialog_answers(out.path(), &[&doc]),
    );
    set_up(&app);
    let store = department(&app, "Magazzino");
    create_employees(
        &app,
        vec![
            person("Rossi", "Mario", 1, store),
            person("Bianchi", "Luca", 2, store),
        ],
    );
    go(&app, "audits");
    click_text(&app, "[data-testid=audits-view]", "Policy");
    app.click("[data-testid=policy-new]");
    app.wait_for("[data-testid=policy-form]", TIMEOUT);
    app.type_text(
        "[data-testid=policy-form] input[name=title]",
        "Regolamento informatico",
    );
    app.type_text(
        "[data-testid=policy-form] input[data-field=approved_on]",
        "15/01/2026",
    );
    app.execute("document.activeElement.blur(); return 1;", vec![]);
    app.screenshot("policy-form");
    app.click("[data-testid=policy-save]");
    // The new policy opens on its document tab: attach it through the open dialog.
    app.wait_for("[data-testid=attachment-attach]", TIMEOUT);
    app.click("[data-testid=attachment-attach]");
    app.wait_for("[data-testid=attach-form]", TIMEOUT);
    app.click("[data-testid=attach-choose]");
    app.wait_for("[data-testid=attachment-row]", TIMEOUT);
    assert_eq!(
        count(
            &app,
            "SELECT count(*) FROM attachments WHERE entity = 'policies'"
        ),
        1
    );
    // Who has read it: nobody yet; record Mario.
    app.click("[data-testid=tab-acknowledgements]");
    app.wait_for("[data-testid=ack-row]", TIMEOUT);
    assert_eq!(app.count("[data-testid=ack-row]"), 2);
    app.click("[data-testid=ack-record]");
    app.click("input[data-testid=ack-who]");
    click_text(&app, "[role=listbox]", "Rossi Mario");
    let field = app.wait_for("input[data-testid=ack-who]", TIMEOUT);
    app.webdriver().send_keys(&field, keys::ESCAPE).unwrap();
    app.click("[data-testid=ack-save]");
    app.wait_until("one left to read it", TIMEOUT, || {
        Ok(app.count("[data-testid=ack-row]") == 1)
    });
    assert_eq!(
        count(&app, "SELECT count(*) FROM policy_acknowledgements"),
        1
    );
    app.screenshot("policy-acknowledgements");
    switch_language(&app, "EN");
    app.click("[data-testid=tab-details]");
    app.wait_for("[data-testid=policy-review]", TIMEOUT);
    app.screenshot("policy-en");
    app.click("[data-testid=back-to-policies]");
    app.wait_for("[data-testid=policy-row]", TIMEOUT);
    app.screenshot("policies-en");
}
