use super::{input, shop};
use backoffice_core::domain::assets::checkout::CheckoutInput;
use backoffice_core::domain::assets::inventory_check::InventoryCheckInput;
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::staff::employee::TerminationInput;

fn walk(location: i64, tags: &[&str]) -> InventoryCheckInput {
    InventoryCheckInput {
        location_id: location,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        on: None,
        next_in_months: 12,
    }
}

#[test]
fn a_walk_confirms_what_is_there_moves_what_turned_up_and_lists_the_missing() {
    let s = shop();
    let app = &s.o.t.app;
    let at_room = |tag: &str| {
        let mut v = input(tag, "Fisso", s.laptop.id);
        v.location_id = Some(s.room);
        app.create_asset(&s.it, &v).unwrap()
    };
    at_room("NB-00001");
    at_room("NB-00002");
    let missing = at_room("NB-00003");
    let elsewhere = s.asset("NB-00004", "Portatile in magazzino");
    let expected = app.inventory_expected(&s.it, s.site).unwrap();
    assert_eq!(expected.len(), 3, "the site's check covers its rooms");
    // Scanned in any case, one twice, one unknown code.
    let r = app
        .record_inventory_check(
            &s.it,
            &walk(
                s.room,
                &["nb-00001", "NB-00002", "NB-00002", "NB-00004", "XX-1"],
            ),
        )
        .unwrap();
    let tags = |v: &[backoffice_core::domain::assets::inventory_check::CheckedAsset]| {
        v.iter().map(|a| a.tag.clone()).collect::<Vec<_>>()
    };
    assert_eq!(tags(&r.confirmed), ["NB-00001", "NB-00002"]);
    assert_eq!(tags(&r.missing), ["NB-00003"]);
    assert_eq!(tags(&r.moved), ["NB-00004"]);
    assert_eq!(r.unknown, ["XX-1"]);
    let today = app.today();
    let moved = app.asset(&s.it, elsewhere.id).unwrap();
    assert_eq!(moved.location_id, Some(s.room));
    assert_eq!(moved.last_checked_on, Some(today));
    assert_eq!(moved.next_check_on, Some(r.next_check_on));
    assert_eq!(app.asset(&s.it, missing.id).unwrap().last_checked_on, None);
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{:?}", report.problem);
    // A next check "every 0 months" is refused.
    let mut bad = walk(s.room, &[]);
    bad.next_in_months = 0;
    let e = app.record_inventory_check(&s.it, &bad).unwrap_err();
    assert_eq!(e.fields[0].field, "next_in_months");
}

#[test]
fn warranties_leavers_and_late_returns_wait_for_it() {
    let s = shop();
    let app = &s.o.t.app;
    let today = app.today();
    let mut v = input("NB-00001", "Portatile in garanzia", s.laptop.id);
    v.purchase_date = Some(today - chrono::Days::new(800));
    v.warranty_end = Some(today + chrono::Days::new(20));
    app.create_asset(&s.it, &v).unwrap();
    let held = s.asset("NB-00002", "Portatile del contabile");
    app.checkout_asset(
        &s.it,
        held.id,
        held.version,
        &CheckoutInput {
            employee_id: Some(s.o.clerk),
            location_id: None,
            out_on: Some(today - chrono::Days::new(10)),
            expected_return: Some(today - chrono::Days::new(2)),
            condition: None,
            note: None,
        },
    )
    .unwrap();
    let kinds = |who| {
        let a = app.attention(who, Severity::Low, 100).unwrap();
        let mut k: Vec<String> = a
            .items
            .iter()
            .filter(|i| i.entity == "assets")
            .map(|i| i.reason["kind"].as_str().unwrap().to_owned())
            .collect();
        k.sort();
        k
    };
    assert_eq!(kinds(&s.it), ["return_late", "warranty_ends"]);
    // The clerk leaves with the laptop: returning it waits for IT.
    let clerk = app.employee(&s.o.t.admin, s.o.clerk).unwrap();
    app.terminate_employee(
        &s.o.t.admin,
        s.o.clerk,
        clerk.employee.version,
        &TerminationInput {
            termination_date: Some(today),
            reason: Some("Dimissioni".into()),
        },
    )
    .unwrap();
    assert_eq!(
        kinds(&s.it),
        ["leaver_holds", "return_late", "warranty_ends"]
    );
    // Nobody outside IT sees the inventory's chores.
    assert!(kinds(&s.o.manager).is_empty());
}
