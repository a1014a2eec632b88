//! The places import: a Snipe-IT locations export whose children come before their parents,
//! with its address columns made into one line and its manager and currency left out; our own
//! file of full paths; a re-import matching on the path; cycles (a place that is its own
//! parent, two that hold each other), unknown parents and two rows for one place reported at
//! their line and column with nothing written.

use super::import_kit::{commit, expect, file, history, mapped, problems, validate, written};
use super::licences::verify;
use super::{shop, Shop};
use backoffice_core::domain::assets::catalog::{Location, LocationKind};
use backoffice_core::import::NoOptions;
use backoffice_core::services::LocationImport;

const NONE: NoOptions = NoOptions {};

fn places(s: &Shop) -> Vec<Location> {
    s.o.t.app.list_locations(&s.it, true).unwrap()
}

fn at(s: &Shop, path: &str) -> Location {
    let found = places(s).into_iter().find(|l| l.path == path);
    found.unwrap_or_else(|| panic!("no place {path}"))
}

#[test]
fn a_snipe_it_export_builds_the_tree_parents_first() {
    let s = shop();
    let path = file("snipeit-locations.csv");
    assert_eq!(
        mapped(
            &s,
            &LocationImport,
            &path,
            &["name", "parent", "zip", "state"]
        ),
        ["Name", "Parent", "Zip", "State"]
    );
    let r = validate(&s, &LocationImport, &path, &NONE);
    assert_eq!((r.to_create, r.error_rows), (4, 0), "{:?}", r.errors);
    let out = commit(&s, &LocationImport, &path, &NONE).unwrap();
    assert_eq!(out.created, 4);
    let turin = at(&s, "Sede di Torino");
    assert_eq!(turin.kind, LocationKind::Site);
    assert_eq!(
        turin.address.as_deref(),
        Some("Corso Francia 10, scala B, 10143 Torino (TO), Italia")
    );
    let room = at(&s, "Sede di Torino › Piano 2 › Sala riunioni");
    assert_eq!(room.kind, LocationKind::Other);
    let store = at(&s, "Sede di Milano › Magazzino");
    assert_eq!(store.parent_id, Some(s.site));
    assert_eq!(
        store.address.as_deref(),
        Some("Via Roma 1, 20121 Milano (MI), Italia")
    );

    // Again: every row finds its place by path. A changed address updates that place only.
    let before = history(&s);
    let r = validate(&s, &LocationImport, &path, &NONE);
    assert_eq!((r.unchanged, r.to_create, r.to_update), (4, 0, 0));
    commit(&s, &LocationImport, &path, &NONE).unwrap();
    assert_eq!(history(&s), before);
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let moved = written(&dir, "moved.csv", &text.replace("Via Roma 1", "Via Roma 3"));
    let out = commit(&s, &LocationImport, &moved, &NONE).unwrap();
    assert_eq!((out.updated, out.unchanged), (1, 3));
    assert_eq!(
        at(&s, "Sede di Milano › Magazzino").address.as_deref(),
        Some("Via Roma 3, 20121 Milano (MI), Italia")
    );
    assert_eq!(places(&s).len(), 6);
    verify(&s);
}

#[test]
fn our_own_file_of_paths_reads_in_any_order() {
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        &dir,
        "luoghi.csv",
        "Percorso;Tipo;Indirizzo\n\
         Sede di Roma › Piano 1 › Stanza 12;Stanza;\n\
         Sede di Roma › Piano 1;Piano;\n\
         Sede di Roma;Sede;Via del Corso 1, Roma\n\
         Sede di Milano > Sala server;Stanza;\n",
    );
    let r = validate(&s, &LocationImport, &path, &NONE);
    assert_eq!((r.to_create, r.unchanged), (3, 1), "{:?}", r.errors);
    commit(&s, &LocationImport, &path, &NONE).unwrap();
    let room = at(&s, "Sede di Roma › Piano 1 › Stanza 12");
    assert_eq!(room.kind, LocationKind::Room);
    assert_eq!(at(&s, "Sede di Roma › Piano 1").kind, LocationKind::Floor);
    assert_eq!(
        at(&s, "Sede di Roma").address.as_deref(),
        Some("Via del Corso 1, Roma")
    );
    verify(&s);
}

#[test]
fn cycles_unknown_parents_and_twins_are_row_errors_and_nothing_is_written() {
    let s = shop();
    let dir = tempfile::tempdir().unwrap();
    let path = written(
        &dir,
        "hostile.csv",
        "Name,Parent,Address\n\
         Loop A,Loop B,\n\
         Loop B,Loop A,\n\
         Self,Self,\n\
         Orphan,Nowhere,\n\
         Twin,Sede di Milano,\n\
         twin,Sede di Milano,\n\
         Sede di Milano,,\n\
         Under the orphan,Orphan,\n\
         Piano 9,Sede di Milano › Sala server,\n\
         Reception,Sede di Milano,\n",
    );
    let text = std::fs::read_to_string(&path).unwrap().replace(
        "Reception,Sede di Milano,",
        "Reception,Sede di Milano,\"Via Lunga, 1\"",
    );
    std::fs::write(&path, text).unwrap();
    let r = validate(&s, &LocationImport, &path, &NONE);
    assert_eq!(
        problems(&r),
        expect(&[
            (2, "Parent", "cycle"),
            (3, "Parent", "cycle"),
            (4, "Parent", "cycle"),
            (5, "Parent", "unknown_parent"),
            (7, "Name", "duplicate_in_file"),
            (9, "Parent", "parent_invalid"),
        ])
    );
    assert_eq!(r.errors[5].params["name"], "Orphan");
    let before = (history(&s), places(&s).len());
    assert!(commit(&s, &LocationImport, &path, &NONE).is_err());
    assert_eq!((history(&s), places(&s).len()), before);
    verify(&s);
}
