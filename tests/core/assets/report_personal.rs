//! The IT lists naming people (a plan's assignee, who did the work), exported and recorded in
//! history as exports of personal data.

use super::report_export::{csv_table, export_events};
use super::shop;
use crate::audits::date;
use backoffice_core::domain::assets::maintenance::{DueFilter, PlanQuery, PlanSort};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::export::Format;

#[test]
fn plans_and_the_work_log_name_people_and_are_recorded_as_exports() {
    let s = shop();
    let app = &s.o.t.app;
    let p = super::maintenance::plans(&s);
    app.log_asset_work(
        &s.it,
        p.laptop,
        &super::maintenance::work(date(2026, 2, 20), 0),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("piani.csv");
    let q = PlanQuery {
        search: None,
        assignee_employee_id: None,
        target: None,
        due: DueFilter::All,
        include_retired: false,
        sort: PlanSort::NextDue,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    };
    let n = app
        .export_maintenance_plans(&s.it, &q, &path, "it", Format::Csv)
        .unwrap();
    assert_eq!(n, 4);
    let (headers, rows) = csv_table(&path, "it");
    assert_eq!(headers[2..4], ["Assegnata a", "Prossima scadenza"]);
    // Soonest first: the firmware was due on 5 January, the OS updates on 1 February.
    assert_eq!(rows[0][0], "Firmware");
    assert_eq!(rows[0][3], "05/01/2026");
    assert_eq!(rows[1][0], "OS and security updates");
    assert_eq!(rows[1][3], "01/02/2026");
    assert_eq!(rows[1][5], "sì");
    // The fire-extinguisher check has nobody assigned; the others name their assignee.
    let unassigned: Vec<&str> = rows
        .iter()
        .filter(|r| r[2].is_empty())
        .map(|r| r[0].as_str())
        .collect();
    assert_eq!(unassigned, ["Fire-extinguisher check"]);
    let log = dir.path().join("registro.xlsx");
    let n = app
        .export_maintenance_log(
            &s.it,
            date(2026, 1, 1),
            date(2026, 3, 2),
            &log,
            "en",
            Format::Xlsx,
        )
        .unwrap();
    assert_eq!(n, 1);
    let table = backoffice_core::import::read_file(&log).unwrap();
    assert_eq!(table.headers[..4], ["Date", "Plan", "Asset", "Done by"]);
    let row = table.rows.get(0).unwrap();
    assert_eq!(row.get(4), Some("Fatto"));
    assert_eq!(row.get(5), Some("Done"));
    let events = export_events(&s);
    let kinds: Vec<(&str, &str, i64)> = events
        .iter()
        .map(|e| {
            (
                e["kind"].as_str().unwrap(),
                e["format"].as_str().unwrap(),
                e["rows"].as_i64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("maintenance_plans", "csv", 4),
            ("maintenance_log", "xlsx", 1)
        ]
    );
    assert_eq!(events[0]["file"], "piani.csv");
    assert_eq!(events[1]["filter"]["from"], "2026-01-01");
    // A range that ends before it starts is refused.
    assert!(app
        .export_maintenance_log(
            &s.it,
            date(2026, 3, 2),
            date(2026, 1, 1),
            &log,
            "en",
            Format::Csv
        )
        .is_err());
}
