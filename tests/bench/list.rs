//! The staff list read through its list indexes (migration 0005), forwards and, for the second
//! half, backwards, gives exactly the order the export streams forwards, page after page; and
//! rescoring many employees at once gives the same scores as rescoring them one by one. On a
//! generated company of 2,500 employees.

use backoffice_bench::generate::{generate, Options};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::employee::{StaffQuery, StaffSort, StatusFilter};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::{staff::list, staff::requirements, staff::scores, Clock};
use chrono::{NaiveDate, TimeZone, Utc};
use std::sync::Arc;

fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

fn company() -> (tempfile::TempDir, Backoffice) {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    generate(
        &Options {
            employees: 2_500,
            records: 20_000,
            seed: 7,
            data_dir: data.clone(),
            as_of: day(),
            orders: 0,
        },
        &mut |_| {},
    )
    .unwrap();
    let t = Utc.from_utc_datetime(&day().and_hms_opt(10, 0, 0).unwrap());
    let clock: Clock = Arc::new(move || t);
    let app = Backoffice::open(&data, clock).unwrap();
    (dir, app)
}

fn ctx() -> Ctx {
    Ctx::new(1, "admin", vec![Role::Admin])
}

#[test]
fn every_page_of_every_shape_matches_the_forward_order() {
    let (_dir, app) = company();
    let ctx = ctx();
    let dept = app
        .store()
        .read(|c| Ok(c.query_row("SELECT min(id) FROM departments", [], |r| r.get(0))?))
        .unwrap();
    let sorts = [
        StaffSort::Name,
        StaffSort::EmployeeNumber,
        StaffSort::Department,
        StaffSort::HireDate,
        StaffSort::Completeness,
        StaffSort::NextExpiry,
    ];
    let filters: Vec<StaffQuery> = vec![
        StaffQuery::default(),
        StaffQuery {
            status: StatusFilter::All,
            ..StaffQuery::default()
        },
        StaffQuery {
            status: StatusFilter::Terminated,
            ..StaffQuery::default()
        },
        StaffQuery {
            department_id: Some(dept),
            ..StaffQuery::default()
        },
        StaffQuery {
            contract_type_id: Some(1),
            completeness_below: Some(100),
            ..StaffQuery::default()
        },
        StaffQuery {
            expiring_within_days: Some(60),
            status: StatusFilter::All,
            ..StaffQuery::default()
        },
        StaffQuery {
            search: Some("ross".into()),
            status: StatusFilter::All,
            ..StaffQuery::default()
        },
        // Searches with several pages of matches, through the trigram index and through the
        // substring scan of short words.
        StaffQuery {
            search: Some("mar".into()),
            ..StaffQuery::default()
        },
        StaffQuery {
            search: Some("ri".into()),
            status: StatusFilter::All,
            ..StaffQuery::default()
        },
    ];
    let mut checked = 0;
    for f in &filters {
        for sort in sorts {
            for dir in [SortDir::Asc, SortDir::Desc] {
                let q = StaffQuery {
                    sort,
                    dir,
                    ..f.clone()
                };
                let mut expected = Vec::new();
                app.store()
                    .read(|c| {
                        list::for_each(c, &q, day(), &mut |e, _| {
                            expected.push(e.id);
                            Ok(())
                        })
                    })
                    .unwrap();
                let mut got = Vec::new();
                let mut offset = 0;
                loop {
                    let page = app
                        .list_staff(
                            &ctx,
                            &StaffQuery {
                                page: PageRequest { offset, limit: 97 },
                                ..q.clone()
                            },
                        )
                        .unwrap();
                    assert_eq!(page.total as usize, expected.len(), "{q:?}");
                    if page.items.is_empty() {
                        break;
                    }
                    got.extend(page.items.iter().map(|r| r.id));
                    offset += 97;
                }
                assert_eq!(got, expected, "{sort:?} {dir:?} {f:?}");
                if f.search.as_deref() != Some("ross") && f.search.is_some() {
                    assert!(expected.len() > 97, "{f:?}: {}", expected.len());
                }
                // A window straddling the middle, and one past the end.
                let mid = (expected.len() / 2).saturating_sub(20) as i64;
                let page = app
                    .list_staff(
                        &ctx,
                        &StaffQuery {
                            page: PageRequest {
                                offset: mid,
                                limit: 40,
                            },
                            ..q.clone()
                        },
                    )
                    .unwrap();
                let ids: Vec<i64> = page.items.iter().map(|r| r.id).collect();
                let end = (mid as usize + 40).min(expected.len());
                assert_eq!(ids, expected[mid as usize..end], "middle {sort:?} {dir:?}");
                checked += 1;
            }
        }
    }
    assert_eq!(checked, filters.len() * 12);
}

#[test]
fn rescoring_many_at_once_equals_one_by_one() {
    let (_dir, app) = company();
    // A day later some documents expire or come within a horizon: scores move.
    let later = day() + chrono::Duration::days(200);
    let scores = |app: &Backoffice| -> Vec<(i64, i64, i64, i64, Option<String>)> {
        app.store()
            .read(|c| {
                let mut s = c.prepare(
                    "SELECT id, completeness, issue_count, urgency, next_expiry FROM employees
                     ORDER BY id",
                )?;
                let v = s
                    .query_map([], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
                    })?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                Ok(v)
            })
            .unwrap()
    };
    let before = scores(&app);
    let n = app
        .store()
        .write("test", |w| {
            scores::recompute_where(w.conn(), "1=1", &[], later)
        })
        .unwrap();
    assert_eq!(n, 2_500);
    let bulk = scores(&app);
    assert_ne!(before, bulk, "200 days later some scores change");
    // Scramble, then one by one.
    app.store()
        .write("test", |w| {
            w.conn()
                .execute("UPDATE employees SET completeness = 0, issue_count = 0, urgency = 0, next_expiry = NULL", [])?;
            let reqs = requirements::list(w.conn())?;
            for (id, ..) in &bulk {
                scores::recompute(w.conn(), *id, &reqs, later)?;
            }
            Ok(())
        })
        .unwrap();
    assert_eq!(scores(&app), bulk);
}
