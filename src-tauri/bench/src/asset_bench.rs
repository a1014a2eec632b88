//! B9: the IT area at real size, as IT reads it: the asset list in every sort and direction
//! (first and last page) and every filter, the next free address in a busy /16, a /24 and a
//! /16 almost full, a subnet's addresses page, the review of a 10,000-host scan, Home's
//! attention items, and the maintenance, licence and consumables lists.

use crate::asset_rows::IT_MANAGER;
use crate::asset_scan;
use crate::stats::{repeat, Samples};
use crate::suite::{self, Row};
use backoffice_core::domain::assets::asset::{AssetQuery, AssetSort, AssetStatus};
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::DB_FILE_NAME;
use backoffice_core::{Error, ErrorCode, Result};
use std::time::Duration;

const PAGE: i64 = 50;

/// A list read once, returning its total.
pub(crate) type Lister<'a> = Box<dyn Fn() -> Result<i64> + 'a>;
const RUNS: usize = 20;

pub(crate) fn page(offset: i64) -> PageRequest {
    PageRequest {
        offset: offset.max(0),
        limit: PAGE,
    }
}

pub(crate) fn ms(n: u64) -> Option<Duration> {
    Some(Duration::from_millis(n))
}

/// Times `f` RUNS times after one warm-up call.
pub(crate) fn timed(f: &mut dyn FnMut() -> Result<()>) -> Result<Samples> {
    f()?;
    let mut err = None;
    let s = repeat(RUNS, || {
        if let Err(e) = f() {
            err = Some(e);
        }
    });
    err.map_or(Ok(s), Err)
}

fn base() -> AssetQuery {
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
        page: page(0),
    }
}

const SORTS: [(AssetSort, &str); 9] = [
    (AssetSort::Tag, "tag"),
    (AssetSort::Name, "name"),
    (AssetSort::Category, "category"),
    (AssetSort::Status, "status"),
    (AssetSort::Location, "location"),
    (AssetSort::Holder, "holder"),
    (AssetSort::WarrantyEnd, "warranty end"),
    (AssetSort::PurchaseDate, "purchase date"),
    (AssetSort::UpdatedAt, "last change"),
];

fn one(c: &rusqlite::Connection, sql: &str) -> Result<i64> {
    Ok(c.query_row(sql, [], |r| r.get(0))?)
}

fn asset_rows(app: &Backoffice, it: &Ctx) -> Result<Vec<Row>> {
    let goal = ms(10);
    let mut shapes: Vec<(String, AssetQuery, bool)> = Vec::new();
    for (sort, name) in SORTS {
        for dir in [SortDir::Asc, SortDir::Desc] {
            let d = if dir == SortDir::Asc {
                "ascending"
            } else {
                "descending"
            };
            for last in [false, true] {
                let q = AssetQuery {
                    sort,
                    dir,
                    ..base()
                };
                shapes.push((format!("by {name}, {d}"), q, last));
            }
        }
    }
    let (category, site, dept, holder, serial) = app.store().read(|c| {
        Ok((
            one(c, "SELECT id FROM asset_categories WHERE code = 'laptop'")?,
            one(c, "SELECT id FROM locations WHERE parent_id IS NULL ORDER BY id LIMIT 1")?,
            one(c, "SELECT department_id FROM assets GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")?,
            one(c, "SELECT holder_employee_id FROM assets WHERE holder_employee_id IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")?,
            c.query_row("SELECT serial FROM assets ORDER BY id LIMIT 1 OFFSET 777", [], |r| r.get::<_, String>(0))?,
        ))
    })?;
    let filters: Vec<(String, AssetQuery)> = vec![
        (
            "category laptops".into(),
            AssetQuery {
                category_id: Some(category),
                ..base()
            },
        ),
        (
            "status in repair".into(),
            AssetQuery {
                status: Some(AssetStatus::InRepair),
                ..base()
            },
        ),
        (
            "status in use, by name".into(),
            AssetQuery {
                status: Some(AssetStatus::InUse),
                sort: AssetSort::Name,
                ..base()
            },
        ),
        (
            "a site with its buildings and rooms".into(),
            AssetQuery {
                location_id: Some(site),
                ..base()
            },
        ),
        (
            "a department".into(),
            AssetQuery {
                department_id: Some(dept),
                ..base()
            },
        ),
        (
            "a holder".into(),
            AssetQuery {
                holder_employee_id: Some(holder),
                ..base()
            },
        ),
        (
            "warranty ending within 90 days".into(),
            AssetQuery {
                warranty_within_days: Some(90),
                sort: AssetSort::WarrantyEnd,
                ..base()
            },
        ),
        (
            "search tag prefix \"NB-012\"".into(),
            AssetQuery {
                search: Some("NB-012".into()),
                ..base()
            },
        ),
        (
            "search name fragment \"thinkpad\"".into(),
            AssetQuery {
                search: Some("thinkpad".into()),
                sort: AssetSort::Name,
                ..base()
            },
        ),
        (
            format!("search serial \"{serial}\""),
            AssetQuery {
                search: Some(serial.clone()),
                ..base()
            },
        ),
    ];
    for (name, q) in filters {
        shapes.push((format!("filter: {name}"), q, false));
    }
    let mut all = Samples::default();
    let mut rows = Vec::new();
    for (name, q, last) in &shapes {
        let total = app.list_assets(it, q)?.total;
        let offset = if *last { total - PAGE } else { 0 };
        let q = AssetQuery {
            page: page(offset),
            ..q.clone()
        };
        let s = timed(&mut || app.list_assets(it, &q).map(|_| ()))?;
        all.extend(&s);
        let at = if *last { "last page" } else { "first page" };
        rows.push(Row::new("B9", &format!("… {name}: {at} of {total}")).timed(&s, goal));
    }
    let mut out = vec![Row::new(
        "B9",
        &format!(
            "asset list as IT, page of {PAGE}, {} shapes × {RUNS}",
            shapes.len()
        ),
    )
    .timed(&all, goal)];
    out.extend(rows);
    Ok(out)
}

fn network_rows(app: &Backoffice, it: &Ctx) -> Result<Vec<Row>> {
    let (busy, small, full) = app.store().read(|c| {
        Ok((
            one(c, "SELECT id FROM subnets WHERE cidr = '10.100.0.0/16'")?,
            one(c, "SELECT subnet_id FROM interfaces WHERE subnet_id > 4 GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")?,
            one(c, "SELECT id FROM subnets WHERE cidr = '10.101.0.0/16'")?,
        ))
    })?;
    let used = |id: i64| app.subnet_addresses(it, id, 0, 1).map(|a| a.used_total);
    let mut rows = Vec::new();
    // The goal is for a busy /16 and a /24; a /16 used to its last few hundred addresses is
    // shown beside them.
    for (what, id, goal) in [
        ("a busy /16", busy, ms(5)),
        ("a /24", small, ms(5)),
        ("a /16 almost full", full, None),
    ] {
        let n = used(id)?;
        let mut next = None;
        let s = timed(&mut || {
            next = app.next_free_address(it, id)?;
            Ok(())
        })?;
        let next = next.unwrap_or_else(|| "none".into());
        rows.push(
            Row::new(
                "B9",
                &format!("next free address in {what} ({n} used): {next}"),
            )
            .timed(&s, goal),
        );
    }
    for (what, offset) in [("first", 0), ("last", used(busy)? - 100)] {
        let s = timed(&mut || app.subnet_addresses(it, busy, offset, 100).map(|_| ()))?;
        rows.push(
            Row::new(
                "B9",
                &format!("a busy /16's addresses page ({what} 100 used, free runs, next free)"),
            )
            .timed(&s, ms(10)),
        );
    }
    Ok(rows)
}

/// A /16 almost full: 65,000 of its 65,534 hosts.
pub const ALMOST_FULL: u32 = 65_000;

/// The B9 lines on an open copy of a generated company; it fills a /16 with `almost_full`
/// addresses first.
pub fn rows(
    app: &Backoffice,
    work: &std::path::Path,
    almost_full: u32,
    log: &mut dyn FnMut(&str),
) -> Result<Vec<Row>> {
    let admin = Ctx::new(1, "admin", vec![Role::Admin]);
    let user = |name: &str| {
        app.store().read(|c| {
            Ok(
                c.query_row("SELECT id FROM users WHERE username = ?1", [name], |r| {
                    r.get::<_, i64>(0)
                })?,
            )
        })
    };
    let it = Ctx::new(user(IT_MANAGER.0)?, IT_MANAGER.0, vec![Role::It]);
    log("B9 IT inventory: filling a /16 almost full");
    asset_scan::fill_almost_full(app, almost_full)?;
    log("B9 asset list");
    let mut rows = asset_rows(app, &it)?;
    log("B9 addresses");
    rows.extend(network_rows(app, &it)?);
    log("B9 scan");
    rows.push(asset_scan::scan_row(app, &it, work)?);
    log("B9 attention and lists");
    let assignee = asset_scan::assignee(app, &admin)?;
    for (who, ctx) in [
        ("IT", &it),
        ("a maintenance assignee (no IT role)", &assignee),
    ] {
        let shown = app.attention(ctx, Severity::Low, 30)?;
        let s = timed(&mut || app.attention(ctx, Severity::Low, 30).map(|_| ()))?;
        rows.push(
            Row::new(
                "B9",
                &format!(
                    "Home's needs-attention list for {who} ({} waiting, {} shown)",
                    shown.total,
                    shown.items.len()
                ),
            )
            .timed(&s, ms(50)),
        );
    }
    rows.extend(crate::asset_lists::rows(app, &it, app.today())?);
    Ok(rows)
}

/// B9 alone (`run --only b9`): on a copy of the generated data dir.
pub fn only(o: &suite::Options, log: &mut dyn FnMut(&str)) -> Result<Vec<Row>> {
    let copy = o.work.join("data");
    let _ = std::fs::remove_dir_all(&copy);
    log("copying the data dir");
    suite::copy_dir(&o.data_dir, &copy).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    let day = suite::as_of(&copy.join(DB_FILE_NAME));
    let app = Backoffice::open(&copy, suite::clock_at(day))?;
    let tidied = suite::tidy(&app, log)?;
    let rows = rows(&app, &o.work, ALMOST_FULL, log).map(|mut rows| {
        rows.insert(0, tidied);
        rows
    });
    drop(app);
    let _ = std::fs::remove_dir_all(&copy);
    rows
}
