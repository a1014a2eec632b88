//! Maintenance plans per asset, category and place; completing them late and early; the work
//! log in history; who may complete; attention, calendar and compliance. The clock stands on
//! Monday 2 March 2026.

use super::{shop, Shop};
use crate::audits::date;
use backoffice_core::domain::assets::maintenance::{
    DueFilter, Plan, PlanInput, PlanQuery, PlanSort, Target,
};
use backoffice_core::domain::assets::maintenance_log::{LogInput, Outcome};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::schedule::{Anchor, FixedRule, Nth, Schedule, Unit, Weekday};
use backoffice_core::error::ErrorCode;
use chrono::NaiveDate;

/// A change's id, time, table, and next due date before and after.
type Change = (i64, String, String, Option<String>, Option<String>);

fn every(n: u16, unit: Unit, anchor: Anchor) -> Schedule {
    Schedule {
        every: n,
        unit,
        anchor,
    }
}

fn plan(title: &str, target: Target, schedule: Schedule, start: NaiveDate) -> PlanInput {
    PlanInput {
        title: title.into(),
        description: None,
        target,
        schedule,
        start_on: Some(start),
        assignee_employee_id: None,
        checklist: vec![],
    }
}

pub fn work(done_on: NaiveDate, ticks: usize) -> LogInput {
    LogInput {
        done_on: Some(done_on),
        work: "Fatto".into(),
        ticks: vec![true; ticks],
        outcome: Outcome::Done,
        reason: None,
        minutes: Some(30),
        cost_cents: None,
        currency: None,
        asset_id: None,
    }
}

/// The four plans: OS updates on a laptop (clerk, from completion, due 1 Feb: overdue),
/// firmware of every laptop (boss, quarterly on the first Monday from 5 Jan: overdue), the
/// server room's UPS battery (clerk, every 24 months from 5 Mar: due soon), the site's fire
/// extinguishers (nobody, every 6 months from 15 Sep 2025: 15 Mar).
pub struct Plans {
    pub laptop: i64,
    pub os: Plan,
    pub firmware: Plan,
    pub ups: Plan,
    pub fire: Plan,
}

pub fn plans(s: &Shop) -> Plans {
    let app = &s.o.t.app;
    let laptop = s.asset("NB-00001", "Portatile");
    let mut os = plan(
        "OS and security updates",
        Target::Asset(laptop.id),
        every(1, Unit::Months, Anchor::FromCompletion),
        date(2026, 2, 1),
    );
    os.assignee_employee_id = Some(s.o.clerk);
    os.checklist = vec!["Aggiornamenti OS".into(), "Antivirus".into()];
    let first_monday = FixedRule::NthWeekday {
        nth: Nth::First,
        weekday: Weekday::Mon,
    };
    let mut firmware = plan(
        "Firmware",
        Target::Category(s.laptop.id),
        every(
            3,
            Unit::Months,
            Anchor::Fixed {
                start: date(2026, 1, 5),
                rule: first_monday,
            },
        ),
        date(2026, 1, 1),
    );
    firmware.assignee_employee_id = Some(s.o.boss);
    let mut ups = plan(
        "UPS battery",
        Target::Location(s.room),
        every(24, Unit::Months, Anchor::FromCompletion),
        date(2026, 3, 5),
    );
    ups.assignee_employee_id = Some(s.o.clerk);
    let fire = plan(
        "Fire-extinguisher check",
        Target::Location(s.site),
        every(
            6,
            Unit::Months,
            Anchor::Fixed {
                start: date(2025, 9, 15),
                rule: FixedRule::SameDay,
            },
        ),
        date(2026, 3, 2),
    );
    let make = |p: &PlanInput| app.create_maintenance_plan(&s.it, p).unwrap();
    Plans {
        laptop: laptop.id,
        os: make(&os),
        firmware: make(&firmware),
        ups: make(&ups),
        fire: make(&fire),
    }
}

#[test]
fn plans_start_on_their_first_due_date_and_every_0_months_is_refused() {
    let s = shop();
    let p = plans(&s);
    assert_eq!(p.os.next_due_on, date(2026, 2, 1));
    assert_eq!(p.firmware.next_due_on, date(2026, 1, 5));
    assert_eq!(p.ups.next_due_on, date(2026, 3, 5));
    assert_eq!(p.fire.next_due_on, date(2026, 3, 15));
    assert_eq!(p.os.target_name, "NB-00001 Portatile");
    assert_eq!(p.os.checklist.len(), 2);

    let before = s.o.t.count("SELECT count(*) FROM changes");
    let zero = plan(
        "Mai",
        Target::Location(s.room),
        every(0, Unit::Months, Anchor::FromCompletion),
        date(2026, 3, 2),
    );
    let e = s.o.t.app.create_maintenance_plan(&s.it, &zero).unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert_eq!(e.fields[0].field, "every");
    assert_eq!(e.fields[0].code, "min");
    assert_eq!(s.o.t.count("SELECT count(*) FROM maintenance_plans"), 4);
    assert_eq!(s.o.t.count("SELECT count(*) FROM changes"), before);

    // A reader of assets lists them; overdue first when sorted by next due.
    let q = PlanQuery {
        search: None,
        assignee_employee_id: None,
        target: None,
        due: DueFilter::Overdue,
        include_retired: false,
        sort: PlanSort::NextDue,
        dir: SortDir::Asc,
        page: PageRequest::default(),
    };
    let page = s.o.t.app.list_maintenance_plans(&s.viewer, &q).unwrap();
    let ids: Vec<i64> = page.items.iter().map(|r| r.id).collect();
    assert_eq!(ids, vec![p.firmware.id, p.os.id]);
    assert!(page.items.iter().all(|r| r.overdue));
    let within = PlanQuery {
        due: DueFilter::Within { days: 7 },
        assignee_employee_id: Some(s.o.clerk),
        ..q
    };
    let page =
        s.o.t
            .app
            .list_maintenance_plans(&s.viewer, &within)
            .unwrap();
    assert_eq!(page.total, 2);
    // Only IT writes plans.
    let e =
        s.o.t
            .app
            .create_maintenance_plan(&s.viewer, &zero)
            .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
}

#[test]
fn late_and_early_completions_move_fixed_and_from_completion_plans_differently() {
    let s = shop();
    let app = &s.o.t.app;
    let p = plans(&s);
    let today = date(2026, 3, 2);
    // Late, from completion: a month after the day it was done.
    app.complete_maintenance(&s.it, p.os.id, p.os.version, &work(today, 2))
        .unwrap();
    let os = app.maintenance_plan(&s.it, p.os.id).unwrap();
    assert_eq!(os.next_due_on, date(2026, 4, 2));
    assert_eq!(os.last_done_on, Some(today));
    assert_eq!(os.last_due_on, Some(date(2026, 2, 1)));
    // Late, fixed: the series goes on from the date it was for (first Monday of April).
    let e = app
        .complete_maintenance(&s.it, p.firmware.id, p.firmware.version, &work(today, 0))
        .unwrap();
    assert_eq!(e.due_on, Some(date(2026, 1, 5)));
    let fw = app.maintenance_plan(&s.it, p.firmware.id).unwrap();
    assert_eq!(fw.next_due_on, date(2026, 4, 6));
    // Early, fixed: done today for 6 April; July's first Monday is next, nothing skipped.
    app.complete_maintenance(&s.it, fw.id, fw.version, &work(today, 0))
        .unwrap();
    let fw = app.maintenance_plan(&s.it, p.firmware.id).unwrap();
    assert_eq!(fw.next_due_on, date(2026, 7, 6));
    // Early, from completion: 24 months from the day it was done, not from the due date.
    app.complete_maintenance(&s.it, p.ups.id, p.ups.version, &work(today, 0))
        .unwrap();
    let ups = app.maintenance_plan(&s.it, p.ups.id).unwrap();
    assert_eq!(ups.next_due_on, date(2028, 3, 2));

    // The plan's history row moves the due date in the transaction of the log row.
    let c = s.o.t.raw();
    let rows: Vec<Change> = c
        .prepare(
            "SELECT id, at, entity, json_extract(before, '$.next_due_on'),
                    json_extract(after, '$.next_due_on')
             FROM changes WHERE (entity = 'maintenance_log' AND op = 'insert')
                 OR (entity = 'maintenance_plans' AND op = 'update')
             ORDER BY id LIMIT 2",
        )
        .unwrap()
        .query_map([], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(rows[0].2, "maintenance_log");
    assert_eq!(rows[1].2, "maintenance_plans");
    assert_eq!(rows[1].0, rows[0].0 + 1);
    assert_eq!(rows[0].1, rows[1].1, "one transaction, one time");
    assert_eq!(rows[1].3.as_deref(), Some("2026-02-01"));
    assert_eq!(rows[1].4.as_deref(), Some("2026-04-02"));

    // A schedule change recomputes the next due date from the last completion.
    let mut input = plan(
        "OS and security updates",
        Target::Asset(p.laptop),
        every(2, Unit::Weeks, Anchor::FromCompletion),
        date(2026, 2, 1),
    );
    input.checklist = os.checklist.clone();
    let os = app
        .update_maintenance_plan(&s.it, os.id, os.version, &input)
        .unwrap();
    assert_eq!(os.next_due_on, date(2026, 3, 16));
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}
