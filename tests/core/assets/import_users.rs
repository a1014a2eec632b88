//! The Snipe-IT users import: each user matched to one employee (number, e-mail, name in either
//! order), their username remembered; a user who is no employee is a row error unless skipped
//! with a warning; a re-import changes nothing; a username moves to the employee a later file
//! matches; and an asset file's `Checked Out To: Username` then finds the person.

use super::import_kit::{commit, expect, file, history, problems, validate, written};
use super::licences::verify;
use super::shop;
use backoffice_core::services::{
    AssetImport, AssetImportOptions, ImportArea, ItUserImport, ItUserImportOptions,
};
use backoffice_core::ErrorCode;

const SKIP: ItUserImportOptions = ItUserImportOptions {
    skip_non_employees: true,
};

fn aliases(s: &super::Shop) -> i64 {
    s.o.t.count("SELECT count(*) FROM person_aliases")
}

#[test]
fn users_match_employees_and_their_usernames_find_asset_holders() {
    let s = shop();
    let users = file("snipeit-users.csv");
    let dir = tempfile::tempdir().unwrap();
    let assets = written(
        &dir,
        "assets.csv",
        "Asset Tag,Name,Category,Checked Out To: Username,Last Checkout\n\
         NB-00001,\"ThinkPad T14, Gen 3\",Laptop,n.cognome2,2025-01-15\n\
         NB-00002,ThinkPad T14,Laptop,cognome3,2025-01-15\n",
    );
    // Before the users are known, their Snipe-IT usernames name nobody.
    let r = validate(&s, &AssetImport, &assets, &AssetImportOptions::default());
    assert_eq!(
        problems(&r),
        expect(&[
            (2, "Checked Out To: Username", "unknown_holder"),
            (3, "Checked Out To: Username", "unknown_holder"),
        ])
    );

    let r = validate(&s, &ItUserImport, &users, &Default::default());
    assert_eq!(
        problems(&r),
        expect(&[(5, "Username", "user_not_employee")])
    );
    let before = history(&s);
    assert!(commit(&s, &ItUserImport, &users, &Default::default()).is_err());
    assert_eq!((aliases(&s), history(&s)), (0, before));

    let r = validate(&s, &ItUserImport, &users, &SKIP);
    let warned: Vec<(usize, &str)> = r
        .warnings
        .iter()
        .map(|w| (w.line, w.code.as_str()))
        .collect();
    assert_eq!(warned, [(5, "user_not_employee")]);
    let out = commit(&s, &ItUserImport, &users, &SKIP).unwrap();
    assert_eq!((out.created, out.unchanged), (3, 1));
    assert_eq!(aliases(&s), 3);
    let holder_of = |name: &str| {
        s.o.t.count(&format!(
            "SELECT employee_id FROM person_aliases WHERE alias = '{name}'"
        ))
    };
    assert_eq!(holder_of("ncognome1"), s.o.boss);
    assert_eq!(holder_of("cognome3"), s.o.clerk);

    let out = commit(&s, &AssetImport, &assets, &AssetImportOptions::default()).unwrap();
    assert_eq!(out.created, 2);
    let holders: Vec<i64> = ["NB-00001", "NB-00002"]
        .iter()
        .map(|tag| {
            s.o.t.count(&format!(
                "SELECT holder_employee_id FROM assets WHERE tag = '{tag}'"
            ))
        })
        .collect();
    assert_eq!(holders[1], s.o.clerk);
    assert_eq!(holders[0], holder_of("n.cognome2"));
    assert_ne!(holders[0], s.o.boss);

    // Again: nothing to write.
    let before = history(&s);
    let out = commit(&s, &ItUserImport, &users, &SKIP).unwrap();
    assert_eq!((out.created, out.updated, out.unchanged), (0, 0, 4));
    assert_eq!(history(&s), before);
    verify(&s);
}

#[test]
fn a_username_moves_to_the_employee_a_later_file_matches_and_bad_rows_stop_the_file() {
    let s = shop();
    commit(&s, &ItUserImport, &file("snipeit-users.csv"), &SKIP).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let moved = written(
        &dir,
        "moved.csv",
        "First Name,Last Name,Username,Email,Employee Number\n\
         Nome3,Cognome3,ncognome1,,000003\n",
    );
    let out = commit(&s, &ItUserImport, &moved, &SKIP).unwrap();
    assert_eq!(out.updated, 1);
    let now =
        s.o.t
            .count("SELECT employee_id FROM person_aliases WHERE alias = 'ncognome1'");
    assert_eq!(now, s.o.clerk);

    let bad = written(
        &dir,
        "bad.csv",
        "First Name,Last Name,Username,Email,Employee Number\n\
         Nome1,Cognome1,,,000001\n\
         Nome1,Cognome1,rossi,,000001\n\
         Nome2,Cognome2,ROSSI,,\n\
         Nessuno,Qui,nessuno,nessuno@example.it,999999\n",
    );
    let r = validate(&s, &ItUserImport, &bad, &Default::default());
    assert_eq!(
        problems(&r),
        expect(&[
            (2, "Username", "required"),
            (4, "Username", "duplicate_in_file"),
            (5, "Username", "user_not_employee"),
        ])
    );
    let before = (history(&s), aliases(&s));
    assert!(commit(&s, &ItUserImport, &bad, &Default::default()).is_err());
    assert_eq!((history(&s), aliases(&s)), before);
    verify(&s);
}

#[test]
fn only_who_writes_assets_imports_licences_places_and_users() {
    let s = shop();
    let app = &s.o.t.app;
    for area in [
        ImportArea::Licences,
        ImportArea::Locations,
        ImportArea::ItUsers,
    ] {
        let e = app.may_import(&s.viewer, area).unwrap_err();
        assert_eq!(e.code, ErrorCode::Forbidden);
        app.may_import(&s.it, area).unwrap();
    }
    verify(&s);
}
