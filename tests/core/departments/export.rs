//! The department list export: the import's columns in the person's language, the list's filter
//! and order, a history event, refused without export rights, and a file that imports back as
//! unchanged.

use crate::support::app;
use backoffice_core::domain::department::{
    ActiveFilter, DepartmentInput, DepartmentQuery, DepartmentSort,
};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::export::Format;
use backoffice_core::import::NoOptions;
use backoffice_core::services::{Ctx, DepartmentImport};
use backoffice_core::ErrorCode;

fn query(status: ActiveFilter) -> DepartmentQuery {
    DepartmentQuery {
        search: None,
        status,
        sort: DepartmentSort::Name,
        dir: SortDir::Asc,
        page: PageRequest {
            offset: 0,
            limit: 25,
        },
    }
}

#[test]
fn the_list_exports_in_its_order_with_history_and_imports_back_unchanged() {
    let t = app();
    for (name, code, head, cc) in [
        ("Vendite", "VEN", Some("Luca Bianchi"), None),
        (
            "Amministrazione",
            "AMM",
            Some("Maria D'Amico"),
            Some("CC-100"),
        ),
        ("Magazzino", "MAG", None, Some("=1+1")),
    ] {
        t.app
            .create_department(
                &t.ctx,
                &DepartmentInput {
                    name: name.into(),
                    code: Some(code.into()),
                    head: head.map(Into::into),
                    cost_centre: cc.map(Into::into),
                },
            )
            .unwrap();
    }
    let vendite = t
        .app
        .list_departments(&t.ctx, &query(ActiveFilter::All))
        .unwrap()
        .items
        .into_iter()
        .find(|d| d.name == "Vendite")
        .unwrap();
    t.app
        .set_department_active(&t.ctx, vendite.id, vendite.version, false)
        .unwrap();

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reparti.csv");
    let exports = t.count("changes WHERE entity = 'exports'");
    let rows = t
        .app
        .export_departments(&t.ctx, &query(ActiveFilter::All), &path, "it", Format::Csv)
        .unwrap();
    assert_eq!(rows, 3);
    assert_eq!(t.count("changes WHERE entity = 'exports'"), exports + 1);
    let text = std::fs::read_to_string(&path).unwrap();
    let lines: Vec<&str> = text.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines,
        [
            "Codice;Nome;Responsabile;Centro di costo;Attivo",
            "AMM;Amministrazione;Maria D'Amico;CC-100;sì",
            // A cell that a spreadsheet would run is neutralised.
            "MAG;Magazzino;;'=1+1;sì",
            "VEN;Vendite;Luca Bianchi;;no",
        ]
    );

    // Only the active ones, in English, as a workbook.
    let xlsx = dir.path().join("departments.xlsx");
    let rows = t
        .app
        .export_departments(
            &t.ctx,
            &query(ActiveFilter::Active),
            &xlsx,
            "en",
            Format::Xlsx,
        )
        .unwrap();
    assert_eq!(rows, 2);

    // Read back: every department matched on its code, nothing to change.
    for file in [&path, &xlsx] {
        let mapping = t
            .app
            .preview_import(&t.ctx, &DepartmentImport, file)
            .unwrap()
            .mapping;
        let report = t
            .app
            .validate_import(&t.ctx, &DepartmentImport, file, &mapping, &NoOptions {})
            .unwrap();
        assert_eq!(
            (report.to_create, report.to_update, report.error_rows),
            (0, 0, 0),
            "{file:?}: {report:?}"
        );
    }

    // Accounting reads departments but may not export them.
    let accounting = Ctx::new(2, "conti", vec![Role::Accounting]);
    let e = t
        .app
        .export_departments(
            &accounting,
            &query(ActiveFilter::All),
            &dir.path().join("no.csv"),
            "it",
            Format::Csv,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    assert!(!dir.path().join("no.csv").exists());
}
