use super::{input, shop};
use backoffice_core::domain::assets::asset::AssetStatus;
use backoffice_core::domain::assets::checkout::CheckoutInput;
use backoffice_core::export::Format;
use backoffice_core::services::{AssetImport, AssetImportOptions};

#[test]
fn an_exported_list_imports_back_unchanged_in_both_languages_and_formats() {
    let s = shop();
    let app = &s.o.t.app;
    let mut v = input("NB-00001", "Portatile, 14\" \"ufficio\"", s.laptop.id);
    v.location_id = Some(s.room);
    v.notes = Some("Tastiera US; batteria sostituita".into());
    let a = app.create_asset(&s.it, &v).unwrap();
    app.checkout_asset(
        &s.it,
        a.id,
        a.version,
        &CheckoutInput {
            employee_id: Some(s.o.clerk),
            location_id: None,
            out_on: None,
            expected_return: None,
            condition: None,
            note: None,
        },
    )
    .unwrap();
    let mut lost = input("NB-00002", "Portatile perso", s.laptop.id);
    lost.status = AssetStatus::Lost;
    lost.status_date = Some(app.today());
    lost.cost_cents = Some(123_456);
    app.create_asset(&s.it, &lost).unwrap();
    let dir = tempfile::tempdir().unwrap();
    for (language, format, name) in [
        ("it", Format::Csv, "beni.csv"),
        ("en", Format::Csv, "assets.csv"),
        ("it", Format::Xlsx, "beni.xlsx"),
    ] {
        let path = dir.path().join(name);
        let rows = app
            .export_assets(&s.it, &super::inventory_query(), &path, language, format)
            .unwrap();
        assert_eq!(rows, 2);
        let before = app.history_status(&s.o.t.admin).unwrap().count;
        let mapping = app
            .preview_import(&s.it, &AssetImport, &path)
            .unwrap()
            .mapping;
        let o = AssetImportOptions {
            create_missing_categories: false,
            create_missing_locations: false,
            import_unassigned: false,
        };
        let report = app
            .validate_import(&s.it, &AssetImport, &path, &mapping, &o)
            .unwrap();
        assert!(report.errors.is_empty(), "{name}: {:?}", report.errors);
        app.commit_import(&s.it, &AssetImport, &path, &mapping, &o, &mut |_, _| true)
            .unwrap();
        // The export records itself; the import of it changes nothing.
        let after = app.history_status(&s.o.t.admin).unwrap().count;
        assert_eq!(after, before, "{name}: the re-import changed something");
    }
}
