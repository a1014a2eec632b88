use super::{input, shop};
use backoffice_core::domain::assets::asset::{AssetQuery, AssetSort, AssetStatus};
use backoffice_core::domain::assets::catalog::{AssetCategoryInput, LocationInput, LocationKind};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::error::ErrorCode;

pub fn query() -> AssetQuery {
    AssetQuery {
        search: None,
        category_id: None,
        status: None,
        location_id: None,
        department_id: None,
        holder_employee_id: None,
        warranty_within_days: None,
        sort: AssetSort::Tag,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    }
}

#[test]
fn default_categories_and_the_next_tag() {
    let s = shop();
    let app = &s.o.t.app;
    let cats = app.list_asset_categories(&s.it, false).unwrap();
    assert_eq!(cats.len(), 9);
    assert_eq!(s.laptop.tag_pattern, "NB-#####");
    assert_eq!(app.next_asset_tag(&s.it, s.laptop.id).unwrap(), "NB-00001");
    s.asset("NB-00007", "Portatile di Anna");
    s.asset("nb-00041", "Portatile di Marco");
    assert_eq!(app.next_asset_tag(&s.it, s.laptop.id).unwrap(), "NB-00042");
    // The same tag in another case is the same tag.
    let e = app
        .create_asset(&s.it, &input("NB-00041", "Copia", s.laptop.id))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "tag");
    assert_eq!(e.fields[0].code, "duplicate");
    // A pattern with two runs of digits is refused.
    let e = app
        .create_asset_category(
            &s.it,
            &AssetCategoryInput {
                name_it: "Tablet".into(),
                name_en: None,
                tag_pattern: "TB-##-##".into(),
                depreciation_bp: 2000,
            },
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "bad_pattern");
}

#[test]
fn bad_asset_forms_change_nothing() {
    let s = shop();
    let app = &s.o.t.app;
    let before = s.o.t.count("SELECT count(*) FROM changes");
    let mut v = input("NB 1", "", s.laptop.id);
    v.cost_cents = Some(-5);
    v.warranty_end = Some(crate::audits::date(2024, 1, 1));
    v.status = AssetStatus::Lost;
    let e = app.create_asset(&s.it, &v).unwrap_err();
    let mut fields: Vec<_> = e
        .fields
        .iter()
        .map(|f| format!("{}:{}", f.field, f.code))
        .collect();
    fields.sort();
    assert_eq!(
        fields,
        [
            "cost_cents:out_of_range",
            "name:required",
            "status_date:required",
            "tag:bad_tag",
            "warranty_end:before_purchase"
        ]
    );
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), before);
    assert_eq!(s.o.t.count("SELECT count(*) FROM assets"), 0);
    // Only IT and administrators write.
    let e = app
        .create_asset(&s.o.manager, &input("NB-00001", "x", s.laptop.id))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

#[test]
fn locations_form_a_tree_without_cycles() {
    let s = shop();
    let app = &s.o.t.app;
    let floor = app
        .create_location(
            &s.it,
            &LocationInput {
                parent_id: Some(s.site),
                kind: LocationKind::Floor,
                name: "Piano 2".into(),
                address: None,
            },
        )
        .unwrap();
    let office = app
        .create_location(
            &s.it,
            &LocationInput {
                parent_id: Some(floor.id),
                kind: LocationKind::Room,
                name: "Ufficio acquisti".into(),
                address: None,
            },
        )
        .unwrap();
    assert_eq!(office.path, "Sede di Milano › Piano 2 › Ufficio acquisti");
    // The floor cannot move into a room inside it.
    let e = app
        .update_location(
            &s.it,
            floor.id,
            floor.version,
            &LocationInput {
                parent_id: Some(office.id),
                kind: LocationKind::Floor,
                name: "Piano 2".into(),
                address: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "cycle");
    // Two rooms of one floor do not share a name; a site has no parent.
    let e = app
        .create_location(
            &s.it,
            &LocationInput {
                parent_id: Some(floor.id),
                kind: LocationKind::Room,
                name: "ufficio ACQUISTI".into(),
                address: None,
            },
        )
        .unwrap_err();
    assert_eq!(e.fields[0].code, "duplicate");
    let names: Vec<_> = app
        .list_locations(&s.it, false)
        .unwrap()
        .into_iter()
        .map(|l| l.path)
        .collect();
    assert_eq!(
        names,
        [
            "Sede di Milano",
            "Sede di Milano › Piano 2",
            "Sede di Milano › Piano 2 › Ufficio acquisti",
            "Sede di Milano › Sala server"
        ]
    );
    // Filtering by the site finds the assets of every room in it.
    let mut v = input("NB-00001", "Portatile", s.laptop.id);
    v.location_id = Some(office.id);
    app.create_asset(&s.it, &v).unwrap();
    s.asset("NB-00002", "Altro portatile");
    let mut q = query();
    q.location_id = Some(s.site);
    let page = app.list_assets(&s.it, &q).unwrap();
    assert_eq!(page.total, 1);
    assert_eq!(
        page.items[0].location_path.as_deref(),
        Some("Sede di Milano › Piano 2 › Ufficio acquisti")
    );
}

#[test]
fn the_list_sorts_filters_and_searches() {
    let s = shop();
    let app = &s.o.t.app;
    s.asset("NB-00003", "Zeta");
    s.asset("NB-00001", "Beta");
    let mut v = input("NB-00002", "Alfa", s.laptop.id);
    v.serial = Some("PF3XYZ".into());
    v.warranty_end = Some(app.today() + chrono::Days::new(30));
    app.create_asset(&s.it, &v).unwrap();
    let tags = |q: &AssetQuery| -> Vec<String> {
        app.list_assets(&s.it, q)
            .unwrap()
            .items
            .into_iter()
            .map(|r| r.tag)
            .collect()
    };
    let mut q = query();
    assert_eq!(tags(&q), ["NB-00001", "NB-00002", "NB-00003"]);
    q.sort = AssetSort::Name;
    q.dir = SortDir::Desc;
    assert_eq!(tags(&q), ["NB-00003", "NB-00001", "NB-00002"]);
    for sort in [
        AssetSort::Category,
        AssetSort::Status,
        AssetSort::Location,
        AssetSort::Holder,
        AssetSort::WarrantyEnd,
        AssetSort::PurchaseDate,
        AssetSort::UpdatedAt,
    ] {
        q.sort = sort;
        assert_eq!(tags(&q).len(), 3, "{sort:?}");
    }
    let mut q = query();
    q.search = Some("pf3x".into());
    assert_eq!(tags(&q), ["NB-00002"]);
    q.search = Some("nb-0000".into());
    assert_eq!(tags(&q).len(), 3);
    q.search = Some("alf".into());
    assert_eq!(tags(&q), ["NB-00002"]);
    let mut q = query();
    q.warranty_within_days = Some(90);
    assert_eq!(tags(&q), ["NB-00002"]);
    q.warranty_within_days = None;
    q.status = Some(AssetStatus::InUse);
    assert!(tags(&q).is_empty());
}
