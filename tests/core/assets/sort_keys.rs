//! The list's holder and place orders follow a rename of the person or the place, and its
//! search finds what it found before the trigram index.

use super::inventory::query;
use super::{input, shop};
use crate::staff::employees::person;
use backoffice_core::domain::assets::asset::{AssetQuery, AssetSort};
use backoffice_core::domain::assets::catalog::{LocationInput, LocationKind};
use backoffice_core::domain::assets::checkout::CheckoutInput;
use backoffice_core::domain::page::{PageRequest, SortDir};

fn to_person(employee: i64) -> CheckoutInput {
    CheckoutInput {
        employee_id: Some(employee),
        location_id: None,
        out_on: None,
        expected_return: None,
        condition: None,
        note: None,
    }
}

#[test]
fn holder_and_place_orders_follow_renames() {
    let s = shop();
    let app = &s.o.t.app;
    let admin = &s.o.t.admin;
    let mut anna = person(901);
    anna.last_name = "Alberti".into();
    let mut zeno = person(902);
    zeno.last_name = "Zanetti".into();
    let anna = app.create_employee(admin, &anna).unwrap().employee;
    let zeno = app.create_employee(admin, &zeno).unwrap().employee;
    let room = |name: &str| LocationInput {
        parent_id: Some(s.site),
        kind: LocationKind::Room,
        name: name.into(),
        address: None,
    };
    let aula = app.create_location(&s.it, &room("Aula")).unwrap();
    let zona = app.create_location(&s.it, &room("Zona")).unwrap();
    let mut tags = Vec::new();
    for (tag, holder, place) in [
        ("NB-00001", anna.id, zona.id),
        ("NB-00002", zeno.id, aula.id),
    ] {
        let mut v = input(tag, "Portatile", s.laptop.id);
        v.location_id = Some(place);
        let a = app.create_asset(&s.it, &v).unwrap();
        app.checkout_asset(&s.it, a.id, a.version, &to_person(holder))
            .unwrap();
        tags.push(tag);
    }
    // A third asset with neither comes last both ways.
    s.asset("NB-00003", "Portatile");
    let order = |sort: AssetSort, dir: SortDir| -> Vec<String> {
        let q = AssetQuery {
            sort,
            dir,
            ..query()
        };
        let page = app.list_assets(&s.it, &q).unwrap();
        page.items.into_iter().map(|r| r.tag).collect()
    };
    assert_eq!(
        order(AssetSort::Holder, SortDir::Asc),
        ["NB-00001", "NB-00002", "NB-00003"]
    );
    assert_eq!(
        order(AssetSort::Holder, SortDir::Desc),
        ["NB-00002", "NB-00001", "NB-00003"]
    );
    assert_eq!(
        order(AssetSort::Location, SortDir::Asc),
        ["NB-00002", "NB-00001", "NB-00003"]
    );
    // Anna becomes Zucchi, the room Zona becomes Atrio: both orders turn round.
    let mut renamed = person(901);
    renamed.last_name = "Zucchi".into();
    app.update_employee(admin, anna.id, anna.version, &renamed)
        .unwrap();
    app.update_location(&s.it, zona.id, zona.version, &room("Atrio"))
        .unwrap();
    assert_eq!(
        order(AssetSort::Holder, SortDir::Asc),
        ["NB-00002", "NB-00001", "NB-00003"]
    );
    assert_eq!(
        order(AssetSort::Location, SortDir::Asc),
        ["NB-00001", "NB-00002", "NB-00003"]
    );
    assert_eq!(
        order(AssetSort::Location, SortDir::Desc),
        ["NB-00002", "NB-00001", "NB-00003"]
    );
    // A page past the middle, read from the other end, holds the same rows.
    let q = AssetQuery {
        sort: AssetSort::Holder,
        page: PageRequest {
            offset: 2,
            limit: 1,
        },
        ..query()
    };
    let page = app.list_assets(&s.it, &q).unwrap();
    assert_eq!(page.total, 3);
    assert_eq!(page.items[0].tag, "NB-00003");
    let q = AssetQuery {
        page: PageRequest {
            offset: 1,
            limit: 5,
        },
        ..q
    };
    let page = app.list_assets(&s.it, &q).unwrap();
    let got: Vec<&str> = page.items.iter().map(|r| r.tag.as_str()).collect();
    assert_eq!(got, ["NB-00001", "NB-00003"]);
    // Search: a fragment of the model, of the serial, a short one and one with a quote.
    let search = |text: &str| -> usize {
        let q = AssetQuery {
            search: Some(text.into()),
            ..query()
        };
        app.list_assets(&s.it, &q).unwrap().total as usize
    };
    assert_eq!(search("thinkpad"), 3);
    assert_eq!(search("sn-nb-00002"), 1);
    assert_eq!(search("02"), 1);
    assert_eq!(search("a\"b"), 0);
    assert_eq!(search("zzzz"), 0);
    let report = app.verify_history(admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}
