use super::*;
use backoffice_core::ErrorCode;

#[test]
fn editing_a_template_after_an_audit_started_makes_a_new_version_and_the_audit_keeps_its_own() {
    let o = office();
    let tpl = template(&o, "GDPR");
    assert_eq!(
        (tpl.current_number, tpl.current_frozen, tpl.item_count),
        (1, false, 4)
    );
    // Edits before any audit change version 1 in place.
    let mut items = vec![
        item("Registro", "R-1", 3),
        item("Registro", "R-2", 1),
        item("Sicurezza", "S-1", 2),
        item("Sicurezza", "S-2", 2),
    ];
    items[1].requirement = "Il registro è aggiornato".into();
    let d =
        o.t.app
            .save_audit_checklist(&o.auditor, tpl.id, tpl.version, &items)
            .unwrap();
    assert_eq!(d.versions.len(), 1);

    let a = started(&o, tpl.id, Recurrence::None);
    let frozen = o.t.app.audit_template(&o.auditor, tpl.id, None).unwrap();
    assert!(frozen.template.current_frozen);
    items[0].requirement = "Requisito riscritto".into();
    items.remove(3);
    items.push(item("Fornitori", "F-1", 5));
    let d =
        o.t.app
            .save_audit_checklist(&o.auditor, tpl.id, frozen.template.version, &items)
            .unwrap();
    assert_eq!(d.template.current_number, 2);
    assert_eq!(
        d.versions.iter().map(|v| v.number).collect::<Vec<_>>(),
        [2, 1]
    );
    assert_eq!(
        d.items.iter().map(|i| i.code.as_str()).collect::<Vec<_>>(),
        ["R-1", "R-2", "S-1", "F-1"]
    );

    // The started audit still shows version 1, word for word.
    let running = o.t.app.audit(&o.auditor, a.id).unwrap();
    assert_eq!(running.audit.template_number, 1);
    assert_eq!(
        running
            .items
            .iter()
            .map(|i| i.code.as_str())
            .collect::<Vec<_>>(),
        ["R-1", "R-2", "S-1", "S-2"]
    );
    assert_eq!(running.items[0].requirement, "Requisito R-1");
    assert_eq!(running.items[1].requirement, "Il registro è aggiornato");
    // An item of the new version cannot be assessed in the old audit.
    let new_item = d.items.iter().find(|i| i.code == "F-1").unwrap();
    let e =
        o.t.app
            .assess_item(
                &o.auditor,
                a.id,
                new_item.id,
                0,
                &ResultInput {
                    outcome: Some(Outcome::Compliant),
                    na_reason: None,
                    notes: None,
                },
            )
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::NotFound);
    // A new audit takes the newest version.
    let b = started(&o, tpl.id, Recurrence::None);
    assert_eq!(o.t.app.audit(&o.auditor, b.id).unwrap().items.len(), 4);
    assert_eq!(current(&o, b.id).template_number, 2);
    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}

#[test]
fn a_checklist_with_duplicate_codes_empty_requirements_or_bad_weights_is_refused_whole() {
    let o = office();
    let tpl = template(&o, "GDPR");
    let mut bad = vec![
        item("Registro", "R-1", 3),
        item("Registro", "r-1", 1),
        item("Registro", "R-3", 0),
    ];
    bad[2].requirement = "  ".into();
    let e =
        o.t.app
            .save_audit_checklist(&o.auditor, tpl.id, tpl.version, &bad)
            .unwrap_err();
    let got: Vec<(&str, &str)> = e
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.code.as_str()))
        .collect();
    assert!(got.contains(&("items.1.code", "duplicate")), "{got:?}");
    assert!(
        got.contains(&("items.2.requirement", "required")),
        "{got:?}"
    );
    assert!(got.contains(&("items.2.weight", "out_of_range")), "{got:?}");
    let d = o.t.app.audit_template(&o.auditor, tpl.id, None).unwrap();
    assert_eq!(d.items.len(), 4, "nothing written");
}

#[test]
fn starter_templates_copy_in_either_language() {
    let o = office();
    let starters = o.t.app.audit_starters(&o.auditor, "it").unwrap();
    assert_eq!(starters.len(), 4);
    for s in &starters {
        for lang in ["it", "en"] {
            let t =
                o.t.app
                    .create_audit_template_from_starter(
                        &o.auditor,
                        &s.key,
                        &TemplateInput {
                            name: format!("{} ({lang})", s.name),
                            description: None,
                            language: lang.into(),
                        },
                    )
                    .unwrap();
            assert_eq!(t.item_count, s.items, "{} {lang}", s.key);
            assert_eq!(t.starter.as_deref(), Some(s.key.as_str()));
        }
    }
    let gdpr =
        o.t.app
            .audit_templates(&o.auditor, Some("privacy"), false, Default::default())
            .unwrap();
    assert_eq!(gdpr.total, 2);
    let copy =
        o.t.app
            .copy_audit_template(
                &o.auditor,
                gdpr.items[0].id,
                &TemplateInput {
                    name: "GDPR sede di Milano".into(),
                    description: None,
                    language: "it".into(),
                },
            )
            .unwrap();
    assert_eq!(copy.item_count, gdpr.items[0].item_count);
    let report = o.t.app.verify_history(&o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
}
