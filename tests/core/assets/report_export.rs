//! The IT lists and reports as CSV and Excel, read back: headers, rows, Italian dates and
//! amounts, formula-like text neutralised; the lists that name nobody are not recorded as
//! exports (those that do are in `report_personal.rs`).

use super::report::inventory;
use super::{shop, Shop};
use crate::audits::date;
use backoffice_core::domain::assets::consumable::{
    ConsumableCategory, ConsumableInput, ConsumableQuery, MoveInput,
};
use backoffice_core::domain::assets::licence::{LicenceQuery, LicenceSort};
use backoffice_core::domain::assets::report::{Grouping, TcoQuery};
use backoffice_core::domain::assets::seat::SeatInput;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::export::Format;
use serde_json::Value;
use std::path::Path;

/// A CSV export parsed: its headers and rows.
pub(super) fn csv_table(path: &Path, language: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let text = std::fs::read_to_string(path).unwrap();
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let mut r = csv::ReaderBuilder::new()
        .delimiter(if language == "it" { b';' } else { b',' })
        .from_reader(text.as_bytes());
    let headers = r.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = r
        .records()
        .map(|row| row.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (headers, rows)
}

/// The export events' payloads, oldest first.
pub(super) fn export_events(s: &Shop) -> Vec<Value> {
    let c = s.o.t.raw();
    let mut stmt = c
        .prepare("SELECT after FROM changes WHERE entity = 'exports' ORDER BY id")
        .unwrap();
    stmt.query_map([], |r| r.get::<_, String>(0))
        .unwrap()
        .map(|a| serde_json::from_str(&a.unwrap()).unwrap())
        .collect()
}

fn licences_query() -> LicenceQuery {
    LicenceQuery {
        search: None,
        product_id: None,
        kind: None,
        expiring_within_days: None,
        seat_use: None,
        include_retired: false,
        sort: LicenceSort::Product,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    }
}

#[test]
fn the_licence_and_consumable_lists_export_with_seats_and_stock_unrecorded() {
    let s = shop();
    let app = &s.o.t.app;
    let product = super::licences::product(&s, "Office", "2021");
    let mut l = super::licences::licence_input(product, 5);
    l.supplier_name = Some("=HYPERLINK(\"http://x\")".into());
    let l = app.save_licence(&s.it, None, 0, &l).unwrap();
    app.assign_seat(
        &s.it,
        l.id,
        &SeatInput {
            employee_id: Some(s.o.clerk),
            asset_id: None,
            assigned_on: None,
            note: None,
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("licenze.csv");
    let rows = app
        .export_licences(&s.it, &licences_query(), &path, "it", Format::Csv)
        .unwrap();
    assert_eq!(rows, 1);
    let (headers, rows) = csv_table(&path, "it");
    assert_eq!(headers[0], "Prodotto");
    assert_eq!(headers[5], "Postazioni in uso");
    assert_eq!(
        rows,
        vec![vec![
            "Office",
            "Microsoft",
            "2021",
            "Per utente",
            "5",
            "1",
            "01/04/2025",
            "01/04/2027",
            "450,00",
            "'=HYPERLINK(\"http://x\")",
            "ORD-77",
            "no",
        ]]
    );
    let item = app
        .save_consumable(
            &s.it,
            None,
            0,
            &ConsumableInput {
                name: "Toner HP 59A".into(),
                category: ConsumableCategory::Toner,
                unit: "pz".into(),
                min_level: 3,
                location_id: Some(s.room),
                supplier_name: None,
                unit_cost_cents: Some(8_900),
                currency: None,
                notes: None,
            },
        )
        .unwrap();
    app.move_consumable(
        &s.it,
        item.id,
        &MoveInput {
            quantity: 2,
            employee_id: None,
            moved_on: None,
            note: None,
        },
    )
    .unwrap();
    let path = dir.path().join("consumables.csv");
    let q = ConsumableQuery {
        search: None,
        category: None,
        low_only: false,
        include_inactive: false,
        page: PageRequest::default(),
    };
    app.export_consumables(&s.it, &q, &path, "en", Format::Csv)
        .unwrap();
    let (headers, rows) = csv_table(&path, "en");
    assert_eq!(&headers[3..5], ["Stock", "Minimum"]);
    assert_eq!(
        rows,
        vec![vec![
            "Toner HP 59A",
            "Toner",
            "pz",
            "2",
            "3",
            "yes",
            "Sede di Milano › Sala server",
            "",
            "89.00",
            "yes",
        ]]
    );
    // Neither names a person: no export event.
    assert!(export_events(&s).is_empty());
    // Someone who does not read the software inventory gets no file.
    let refused = dir.path().join("refused.csv");
    assert!(app
        .export_licences(&s.viewer, &licences_query(), &refused, "it", Format::Csv)
        .is_err());
    assert!(!refused.exists());
}

#[test]
fn the_reports_export_as_the_person_sees_them() {
    let i = inventory();
    let app = &i.s.o.t.app;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("reparti.csv");
    let n = app
        .export_asset_report(&i.s.it, Grouping::Department, &path, "it", Format::Csv)
        .unwrap();
    // The store's dollars take a row of their own.
    assert_eq!(n, 4);
    let (headers, rows) = csv_table(&path, "it");
    assert_eq!(
        headers,
        [
            "Gruppo",
            "In uso",
            "In magazzino",
            "In riparazione",
            "Dismessi",
            "Smarriti o rubati",
            "Totale",
            "Costo di acquisto"
        ]
    );
    assert_eq!(
        rows,
        vec![
            vec!["Magazzino", "1", "0", "0", "0", "1", "2", "1000,00"],
            vec!["Magazzino", "", "", "", "", "", "", "200,00"],
            vec!["Amministrazione", "1", "0", "0", "0", "0", "1", "500,00"],
            vec!["Senza reparto", "0", "1", "0", "0", "0", "1", ""],
        ]
    );
    // Saving files is the area's export right: a manager and accounting read the report but
    // get no file of it.
    for who in [&i.s.o.manager, &i.s.o.auditor] {
        let path = dir.path().join("refused.csv");
        let e = app
            .export_asset_report(who, Grouping::Department, &path, "en", Format::Csv)
            .unwrap_err();
        assert_eq!(e.code, backoffice_core::error::ErrorCode::Forbidden);
        assert!(!path.exists());
    }
    // The cost of ownership in Excel, highest first.
    let path = dir.path().join("tco.xlsx");
    let n = app
        .export_tco(&i.s.it, &TcoQuery::default(), &path, "it", Format::Xlsx)
        .unwrap();
    assert_eq!(n, 4);
    let table = backoffice_core::import::read_file(&path).unwrap();
    assert_eq!(table.headers[6], "Costo totale");
    assert_eq!(table.rows.get(0).unwrap().get(0), Some("NB-00001"));
    // Book values per category at the end of 2025, for those who see the inventory whole.
    let path = dir.path().join("valori.csv");
    let n = app
        .export_book_values(&i.s.it, Some(date(2025, 12, 31)), &path, "it", Format::Csv)
        .unwrap();
    assert!(n >= 1);
    let (headers, _) = csv_table(&path, "it");
    assert_eq!(headers[3], "Valore contabile");
    assert!(app
        .export_book_values(&i.s.viewer, None, &path, "it", Format::Csv)
        .is_err());
    assert!(export_events(&i.s).is_empty());
}
