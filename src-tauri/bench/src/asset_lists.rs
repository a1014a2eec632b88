//! B9's lines for the maintenance, licence and consumables lists and the maintenance calendar,
//! each on its first page as IT opens it.

use crate::asset_bench::{ms, page, timed, Lister};
use crate::suite::Row;
use backoffice_core::domain::assets::consumable::ConsumableQuery;
use backoffice_core::domain::assets::licence::{LicenceQuery, LicenceSort};
use backoffice_core::domain::assets::maintenance::{DueFilter, PlanQuery, PlanSort};
use backoffice_core::domain::page::SortDir;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::Result;
use chrono::Datelike;

pub fn rows(app: &Backoffice, it: &Ctx, today: chrono::NaiveDate) -> Result<Vec<Row>> {
    let plans = |due, sort| PlanQuery {
        search: None,
        assignee_employee_id: None,
        target: None,
        due,
        include_retired: false,
        sort,
        dir: SortDir::Asc,
        page: page(0),
    };
    let licences = |expiring, sort| LicenceQuery {
        search: None,
        product_id: None,
        kind: None,
        expiring_within_days: expiring,
        seat_use: None,
        include_retired: false,
        sort,
        dir: SortDir::Asc,
        page: page(0),
    };
    let cons = |low_only| ConsumableQuery {
        search: None,
        category: None,
        low_only,
        include_inactive: false,
        page: page(0),
    };
    let mut rows = Vec::new();
    let shapes: Vec<(String, Lister<'_>)> = vec![
        (
            "maintenance plans by next due".into(),
            Box::new(|| {
                Ok(app
                    .list_maintenance_plans(it, &plans(DueFilter::All, PlanSort::NextDue))?
                    .total)
            }),
        ),
        (
            "maintenance plans overdue".into(),
            Box::new(|| {
                Ok(app
                    .list_maintenance_plans(it, &plans(DueFilter::Overdue, PlanSort::NextDue))?
                    .total)
            }),
        ),
        (
            "maintenance plans by title".into(),
            Box::new(|| {
                Ok(app
                    .list_maintenance_plans(it, &plans(DueFilter::All, PlanSort::Title))?
                    .total)
            }),
        ),
        (
            "maintenance calendar, this month".into(),
            Box::new(|| {
                Ok(app
                    .maintenance_calendar(it, today.year(), today.month())?
                    .len() as i64)
            }),
        ),
        (
            "maintenance calendar, last month".into(),
            Box::new(move || {
                let d = today - chrono::Months::new(1);
                Ok(app.maintenance_calendar(it, d.year(), d.month())?.len() as i64)
            }),
        ),
        (
            "licences by product".into(),
            Box::new(|| {
                Ok(app
                    .list_licences(it, &licences(None, LicenceSort::Product))?
                    .total)
            }),
        ),
        (
            "licences expiring within 90 days".into(),
            Box::new(|| {
                Ok(app
                    .list_licences(it, &licences(Some(90), LicenceSort::Expiry))?
                    .total)
            }),
        ),
        (
            "consumables".into(),
            Box::new(|| Ok(app.list_consumables(it, &cons(false))?.total)),
        ),
        (
            "consumables below minimum".into(),
            Box::new(|| Ok(app.list_consumables(it, &cons(true))?.total)),
        ),
    ];
    for (name, f) in &shapes {
        let total = f()?;
        let s = timed(&mut || f().map(|_| ()))?;
        rows.push(Row::new("B9", &format!("{name}: first page of {total}")).timed(&s, ms(10)));
    }
    Ok(rows)
}
