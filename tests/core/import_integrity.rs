//! The file chosen for an import is the file imported: its SHA-256 is taken from the bytes the
//! preview reads, and a file changed on disk before the check or the commit is refused with
//! `file_changed`, nothing written.

use crate::staff::import::write_clean_csv;
use crate::staff::staff_app;
use backoffice_core::domain::staff::import::ImportOptions;
use backoffice_core::services::StaffImport;
use backoffice_core::ErrorCode;

fn options() -> ImportOptions {
    ImportOptions {
        create_missing_departments: true,
        capitalise_names: false,
    }
}

#[test]
fn a_file_changed_after_it_was_chosen_is_refused_and_nothing_is_written() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.csv");
    write_clean_csv(&path, 5, &["Magazzino"], "3");
    let (chosen, preview) = t.app.choose_import(&t.ctx, &StaffImport, &path).unwrap();
    assert_eq!(preview.total_rows, 5);
    let report = t
        .app
        .validate_import(&t.ctx, &StaffImport, &chosen, &preview.mapping, &options())
        .unwrap();
    assert_eq!((report.error_rows, report.to_create), (0, 5));

    // Saved again from the spreadsheet with one more person, after the check.
    write_clean_csv(&path, 6, &["Magazzino"], "3");
    let (employees, departments, changes) = (
        t.count("employees"),
        t.count("departments"),
        t.count("changes"),
    );
    let e = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &chosen,
            &preview.mapping,
            &options(),
            &mut |_, _| panic!("no row may be read from a changed file"),
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::FileChanged);
    assert_eq!(e.params["file"], "personale.csv");
    assert_eq!(
        (
            t.count("employees"),
            t.count("departments"),
            t.count("changes")
        ),
        (employees, departments, changes)
    );
    // The check refuses it as well, and so does a change that keeps the size (one level).
    let e = t
        .app
        .validate_import(&t.ctx, &StaffImport, &chosen, &preview.mapping, &options())
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::FileChanged);
    write_clean_csv(&path, 5, &["Magazzino"], "4");
    let e = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &chosen,
            &preview.mapping,
            &options(),
            &mut |_, _| true,
        )
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::FileChanged);
    assert_eq!(t.count("employees"), employees);

    // The file as chosen again imports.
    let (chosen, preview) = t.app.choose_import(&t.ctx, &StaffImport, &path).unwrap();
    let outcome = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &chosen,
            &preview.mapping,
            &options(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(outcome.created, 5);
}

#[test]
fn a_file_put_back_as_it_was_is_accepted() {
    let t = staff_app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("personale.csv");
    write_clean_csv(&path, 3, &["Magazzino"], "3");
    let original = std::fs::read(&path).unwrap();
    let (chosen, preview) = t.app.choose_import(&t.ctx, &StaffImport, &path).unwrap();
    write_clean_csv(&path, 3, &["Magazzino"], "5");
    std::fs::write(&path, &original).unwrap();
    let outcome = t
        .app
        .commit_import(
            &t.ctx,
            &StaffImport,
            &chosen,
            &preview.mapping,
            &options(),
            &mut |_, _| true,
        )
        .unwrap();
    assert_eq!(outcome.created, 3);
}
