//! The IT reports: the inventory counted by status, category, site, place and department on a
//! small known inventory, what a manager and an employee see of it, the cost of ownership with
//! maintenance, and what expires soon.

use super::{input, shop, Shop};
use crate::audits::date;
use backoffice_core::domain::assets::asset::AssetStatus::{self, InStock, InUse, Lost};
use backoffice_core::domain::assets::checkout::CheckoutInput;
use backoffice_core::domain::assets::maintenance_log::{LogInput, Outcome};
use backoffice_core::domain::assets::report::{Grouping, ReportGroup, TcoQuery, TcoSort};
use backoffice_core::domain::page::SortDir;
use backoffice_core::services::Ctx;

/// The report's figures per group: name, count, counts per status, costs per currency.
type Figures = Vec<(String, i64, Vec<(AssetStatus, i64)>, Vec<(String, i64)>)>;

fn figures(groups: Vec<ReportGroup>) -> Figures {
    groups
        .into_iter()
        .map(|g| {
            (
                g.status.map_or(g.name, |s| s.as_str().to_owned()),
                g.count,
                g.by_status.iter().map(|s| (s.status, s.count)).collect(),
                g.costs
                    .iter()
                    .map(|c| (c.currency.clone(), c.cost_cents))
                    .collect(),
            )
        })
        .collect()
}

fn eur(cents: i64) -> Vec<(String, i64)> {
    vec![("EUR".to_owned(), cents)]
}

/// Ids of the known inventory.
pub struct Inventory {
    pub s: Shop,
    pub held_by_boss: i64,
    pub held_by_clerk: i64,
    pub monitor: i64,
    pub lost: i64,
}

fn hand_to(s: &Shop, id: i64, employee: i64) {
    let app = &s.o.t.app;
    let a = app.asset(&s.it, id).unwrap();
    app.checkout_asset(
        &s.it,
        a.id,
        a.version,
        &CheckoutInput {
            employee_id: Some(employee),
            location_id: None,
            out_on: None,
            expected_return: None,
            condition: None,
            note: None,
        },
    )
    .unwrap();
}

/// Four assets: a laptop of the store in the server room held by the boss (1,000.00 €), a
/// laptop of the office at the site held by the clerk (500.00 €), a monitor in stock with no
/// place, department or cost, and a lost laptop of the store in the server room bought in
/// dollars (200.00 $).
pub fn inventory() -> Inventory {
    let s = shop();
    let app = &s.o.t.app;
    let monitor_cat = app
        .list_asset_categories(&s.it, false)
        .unwrap()
        .into_iter()
        .find(|c| c.code.as_deref() == Some("monitor"))
        .unwrap();
    let mut v = input("NB-00001", "Portatile del magazzino", s.laptop.id);
    v.cost_cents = Some(100_000);
    v.department_id = Some(s.o.store_dept);
    v.location_id = Some(s.room);
    let held_by_boss = app.create_asset(&s.it, &v).unwrap().id;
    hand_to(&s, held_by_boss, s.o.boss);
    let mut v = input("NB-00002", "Portatile dell'amministrazione", s.laptop.id);
    v.cost_cents = Some(50_000);
    v.department_id = Some(s.o.office_dept);
    v.location_id = Some(s.site);
    let held_by_clerk = app.create_asset(&s.it, &v).unwrap().id;
    hand_to(&s, held_by_clerk, s.o.clerk);
    let mut v = input("MON-00001", "Monitor 27\"", monitor_cat.id);
    v.cost_cents = None;
    v.warranty_end = Some(date(2026, 3, 20));
    let monitor = app.create_asset(&s.it, &v).unwrap().id;
    let mut v = input("NB-00003", "Portatile perso", s.laptop.id);
    v.cost_cents = Some(20_000);
    v.currency = Some("USD".into());
    v.status = Lost;
    v.status_date = Some(app.today());
    v.department_id = Some(s.o.store_dept);
    v.location_id = Some(s.room);
    let lost = app.create_asset(&s.it, &v).unwrap().id;
    Inventory {
        s,
        held_by_boss,
        held_by_clerk,
        monitor,
        lost,
    }
}

fn report(i: &Inventory, who: &Ctx, by: Grouping) -> Figures {
    figures(i.s.o.t.app.asset_report(who, by).unwrap())
}

fn usd(cents: i64) -> (String, i64) {
    ("USD".to_owned(), cents)
}

#[test]
fn the_inventory_is_counted_per_group_with_statuses_and_costs_per_currency() {
    let i = inventory();
    let it = &i.s.it;
    let s = |x: &str| x.to_owned();
    assert_eq!(
        report(&i, it, Grouping::Status),
        vec![
            (s("in_use"), 2, vec![(InUse, 2)], eur(150_000)),
            (s("in_stock"), 1, vec![(InStock, 1)], vec![]),
            (s("lost"), 1, vec![(Lost, 1)], vec![usd(20_000)]),
        ]
    );
    assert_eq!(
        report(&i, it, Grouping::Category),
        vec![
            (
                s("Portatile"),
                3,
                vec![(InUse, 2), (Lost, 1)],
                vec![("EUR".into(), 150_000), usd(20_000)]
            ),
            (s("Monitor"), 1, vec![(InStock, 1)], vec![]),
        ]
    );
    assert_eq!(
        report(&i, it, Grouping::Site),
        vec![
            (
                s("Sede di Milano"),
                3,
                vec![(InUse, 2), (Lost, 1)],
                vec![("EUR".into(), 150_000), usd(20_000)]
            ),
            (s(""), 1, vec![(InStock, 1)], vec![]),
        ]
    );
    assert_eq!(
        report(&i, it, Grouping::Room),
        vec![
            (
                s("Sede di Milano › Sala server"),
                2,
                vec![(InUse, 1), (Lost, 1)],
                vec![("EUR".into(), 100_000), usd(20_000)]
            ),
            (s("Sede di Milano"), 1, vec![(InUse, 1)], eur(50_000)),
            (s(""), 1, vec![(InStock, 1)], vec![]),
        ]
    );
    assert_eq!(
        report(&i, it, Grouping::Department),
        vec![
            (
                s("Magazzino"),
                2,
                vec![(InUse, 1), (Lost, 1)],
                vec![("EUR".into(), 100_000), usd(20_000)]
            ),
            (s("Amministrazione"), 1, vec![(InUse, 1)], eur(50_000)),
            (s(""), 1, vec![(InStock, 1)], vec![]),
        ]
    );
    // Accounting sees the whole inventory too.
    assert_eq!(
        report(&i, &i.s.o.auditor, Grouping::Status),
        report(&i, it, Grouping::Status)
    );
}

#[test]
fn a_manager_counts_their_departments_and_an_employee_what_they_hold() {
    let i = inventory();
    let s = |x: &str| x.to_owned();
    // The manager heads the store: its two laptops, nothing of the office's.
    assert_eq!(
        report(&i, &i.s.o.manager, Grouping::Department),
        vec![(
            s("Magazzino"),
            2,
            vec![(InUse, 1), (Lost, 1)],
            vec![("EUR".into(), 100_000), usd(20_000)]
        )]
    );
    assert_eq!(
        report(&i, &i.s.o.manager, Grouping::Status),
        vec![
            (s("in_use"), 1, vec![(InUse, 1)], eur(100_000)),
            (s("lost"), 1, vec![(Lost, 1)], vec![usd(20_000)]),
        ]
    );
    // The clerk's account sees the laptop they hold and nothing else.
    assert_eq!(
        report(&i, &i.s.viewer, Grouping::Category),
        vec![(s("Portatile"), 1, vec![(InUse, 1)], eur(50_000))]
    );
    let tco =
        i.s.o
            .t
            .app
            .asset_tco(&i.s.viewer, &TcoQuery::default())
            .unwrap();
    assert_eq!(tco.total, 1);
    assert_eq!(tco.items[0].id, i.held_by_clerk);
    // Nor does the employee see licences or the book values.
    let soon = i.s.o.t.app.it_expiring(&i.s.viewer, 30).unwrap();
    assert!(soon.warranties.is_empty() && soon.licences.is_empty());
    assert!(i.s.o.t.app.book_values(&i.s.viewer, None).is_err());
}

fn repair(i: &Inventory, asset: i64, cents: i64) {
    i.s.o
        .t
        .app
        .log_asset_work(
            &i.s.it,
            asset,
            &LogInput {
                done_on: None,
                work: "Riparazione".into(),
                ticks: vec![],
                outcome: Outcome::Done,
                reason: None,
                minutes: Some(60),
                cost_cents: Some(cents),
                currency: None,
                asset_id: Some(asset),
            },
        )
        .unwrap();
}

#[test]
fn the_cost_of_ownership_adds_maintenance_and_pages_in_sql_order() {
    let i = inventory();
    let app = &i.s.o.t.app;
    // The office's laptop costs 500 € and 600 € of repairs: more than the store's 1,000 €.
    repair(&i, i.held_by_clerk, 45_000);
    repair(&i, i.held_by_clerk, 15_000);
    repair(&i, i.monitor, 2_500);
    let page = app.asset_tco(&i.s.it, &TcoQuery::default()).unwrap();
    assert_eq!(page.total, 4);
    let rows: Vec<(i64, Option<i64>, i64, i64)> = page
        .items
        .iter()
        .map(|r| (r.id, r.cost_cents, r.maintenance_cents, r.total_cents))
        .collect();
    assert_eq!(
        rows,
        vec![
            (i.held_by_clerk, Some(50_000), 60_000, 110_000),
            (i.held_by_boss, Some(100_000), 0, 100_000),
            (i.lost, Some(20_000), 0, 20_000),
            (i.monitor, None, 2_500, 2_500),
        ]
    );
    // The asset page says the same.
    let value = app.asset_value(&i.s.it, i.held_by_clerk, None).unwrap();
    assert_eq!(value.total_cost_cents, 110_000);
    // Paged, by maintenance, one category.
    let mut q = TcoQuery {
        sort: TcoSort::Maintenance,
        ..TcoQuery::default()
    };
    q.page.limit = 1;
    q.page.offset = 1;
    let second = app.asset_tco(&i.s.it, &q).unwrap();
    assert_eq!((second.total, second.items[0].id), (4, i.monitor));
    q.category_id = Some(i.s.laptop.id);
    q.dir = SortDir::Asc;
    q.page.offset = 0;
    let laptops = app.asset_tco(&i.s.it, &q).unwrap();
    assert_eq!(laptops.total, 3);
    // Equal maintenance (none): the id breaks the tie.
    assert_eq!(laptops.items[0].id, i.held_by_boss);
}

#[test]
fn warranties_and_licences_ending_soon_are_listed_soonest_first() {
    let i = inventory();
    let app = &i.s.o.t.app;
    let product = super::licences::product(&i.s, "Office", "2021");
    let mut soon = super::licences::licence_input(product, 5);
    soon.expiry_date = Some(date(2026, 3, 31));
    let soon = app.save_licence(&i.s.it, None, 0, &soon).unwrap();
    // 2 April 2027: outside the month.
    app.save_licence(
        &i.s.it,
        None,
        0,
        &super::licences::licence_input(product, 5),
    )
    .unwrap();
    let r = app.it_expiring(&i.s.it, 30).unwrap();
    // Today is 2 March 2026: the monitor's warranty ends on the 20th.
    assert_eq!(
        r.warranties.iter().map(|a| a.id).collect::<Vec<_>>(),
        vec![i.monitor]
    );
    assert_eq!(r.warranties_total, 1);
    assert_eq!(
        r.licences.iter().map(|l| l.id).collect::<Vec<_>>(),
        vec![soon.id]
    );
    // A manager sees the warranties of their assets only, and no licences.
    let m = app.it_expiring(&i.s.o.manager, 30).unwrap();
    assert!(m.warranties.is_empty() && m.licences.is_empty());
}
