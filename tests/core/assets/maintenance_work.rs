//! Who may complete a maintenance task and what a completion must say; the attention list,
//! the month calendar and the on-time figures. The clock stands on Monday 2 March 2026.

use super::maintenance::{plans, work};
use super::shop;
use crate::audits::date;
use backoffice_core::domain::assets::maintenance_log::{CalendarKind, Outcome};
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::permissions::Area;
use backoffice_core::error::ErrorCode;
use backoffice_core::services::Ctx;

#[test]
fn the_assignee_completes_their_own_task_and_bad_completions_are_refused() {
    let s = shop();
    let app = &s.o.t.app;
    let p = plans(&s);
    let today = date(2026, 3, 2);
    let log_rows = || s.o.t.count("SELECT count(*) FROM maintenance_log");

    let mut failed = work(today, 2);
    failed.outcome = Outcome::Failed;
    let e = app
        .complete_maintenance(&s.it, p.os.id, p.os.version, &failed)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Validation);
    assert!(e
        .fields
        .iter()
        .any(|f| f.field == "reason" && f.code == "required"));
    let e = app
        .complete_maintenance(&s.it, p.os.id, p.os.version, &work(date(2026, 3, 3), 2))
        .unwrap_err();
    assert!(e
        .fields
        .iter()
        .any(|f| f.field == "done_on" && f.code == "date_in_future"));
    // The checklist has two items: one tick per item.
    let e = app
        .complete_maintenance(&s.it, p.os.id, p.os.version, &work(today, 1))
        .unwrap_err();
    assert_eq!(e.fields[0].field, "ticks");
    assert_eq!(log_rows(), 0);

    // A failed attempt is logged and the task stays due.
    failed.reason = Some("Disco pieno".into());
    app.complete_maintenance(&s.it, p.os.id, p.os.version, &failed)
        .unwrap();
    let os = app.maintenance_plan(&s.it, p.os.id).unwrap();
    assert_eq!(os.next_due_on, date(2026, 2, 1));
    assert_eq!(os.last_done_on, None);

    // The viewer's account is linked to the clerk, the plan's assignee: a viewer may not write
    // in assets, yet completes their own task.
    let e = app
        .complete_maintenance(&s.viewer, os.id, os.version, &work(today, 2))
        .unwrap();
    assert_eq!(e.done_by_employee_id, Some(s.o.clerk));
    assert_eq!(e.done_by, "impiegato");
    assert_eq!(e.asset_id, Some(p.laptop));
    // The entry takes files like any record of the area (a report, a photo of the label).
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("rapporto.pdf");
    std::fs::write(&pdf, b"%PDF-1.4 rapporto aggiornamenti").unwrap();
    let file = app
        .attach(&s.it, "maintenance_log", e.id, &Default::default(), &pdf)
        .unwrap();
    assert_eq!(
        (file.entity.as_str(), file.record_id),
        ("maintenance_log", e.id)
    );
    // Not someone else's: the firmware is the boss's, the UPS the clerk's.
    let fw = &p.firmware;
    let e = app
        .complete_maintenance(&s.viewer, fw.id, fw.version, &work(today, 0))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    let e = app
        .complete_maintenance(&s.o.manager, p.ups.id, p.ups.version, &work(today, 0))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);
    // Nor edit the plan.
    let e = app
        .set_maintenance_plan_active(&s.viewer, os.id, os.version + 1, false)
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::Forbidden);

    // A retired plan is not done any more.
    let fire = app
        .set_maintenance_plan_active(&s.it, p.fire.id, p.fire.version, false)
        .unwrap();
    let e = app
        .complete_maintenance(&s.it, fire.id, fire.version, &work(today, 0))
        .unwrap_err();
    assert_eq!(e.code, ErrorCode::BadTransition);
    assert_eq!(log_rows(), 2);
    let log = app
        .maintenance_log_of_asset(&s.it, p.laptop, 0, 50)
        .unwrap();
    assert_eq!(log.total, 2);
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

#[test]
fn attention_lists_overdue_and_due_soon_tasks_for_their_assignee() {
    let s = shop();
    let app = &s.o.t.app;
    let p = plans(&s);
    let mine = |ctx: &Ctx| {
        let a = app.attention(ctx, Severity::Low, 100).unwrap();
        let mut items: Vec<(i64, Severity)> = a
            .items
            .iter()
            .filter(|i| i.area == Area::Assets)
            .map(|i| (i.record_id, i.severity))
            .collect();
        items.sort();
        let count: i64 = a
            .counts
            .iter()
            .filter(|c| c.area == Area::Assets)
            .map(|c| c.count)
            .sum();
        (items, count)
    };
    // The clerk's: the OS updates 29 days late, the UPS due on Thursday.
    assert_eq!(
        mine(&s.viewer),
        (
            vec![(p.os.id, Severity::High), (p.ups.id, Severity::Medium)],
            2
        )
    );
    // The boss's: the firmware, late since 5 January.
    assert_eq!(
        mine(&s.o.manager),
        (vec![(p.firmware.id, Severity::Critical)], 1)
    );
    // IT sees every plan's; the fire extinguishers (15 March) are not due within a week.
    let (items, count) = mine(&s.it);
    assert_eq!(count, 3);
    assert!(!items.iter().any(|(id, _)| *id == p.fire.id));
    // Done, the task leaves the list.
    app.complete_maintenance(
        &s.viewer,
        p.ups.id,
        p.ups.version,
        &work(date(2026, 3, 2), 0),
    )
    .unwrap();
    assert_eq!(mine(&s.viewer), (vec![(p.os.id, Severity::High)], 1));
}

#[test]
fn the_calendar_shows_work_done_and_dates_due_and_compliance_counts_on_time_work() {
    let s = shop();
    let app = &s.o.t.app;
    let p = plans(&s);
    // Done on 10 February for 1 February: late; next due 10 March.
    app.complete_maintenance(&s.it, p.os.id, p.os.version, &work(date(2026, 2, 10), 2))
        .unwrap();
    let feb = app.maintenance_calendar(&s.viewer, 2026, 2).unwrap();
    assert_eq!(feb.len(), 1);
    assert_eq!(feb[0].date, date(2026, 2, 10));
    assert_eq!(feb[0].plan_id, Some(p.os.id));
    assert!(matches!(
        feb[0].kind,
        CalendarKind::Done {
            outcome: Outcome::Done,
            ..
        }
    ));
    let march = app.maintenance_calendar(&s.viewer, 2026, 3).unwrap();
    let due: Vec<_> = march.iter().map(|e| (e.date, e.plan_id.unwrap())).collect();
    assert_eq!(
        due,
        vec![
            (date(2026, 3, 5), p.ups.id),
            (date(2026, 3, 10), p.os.id),
            (date(2026, 3, 15), p.fire.id),
        ]
    );
    assert!(march
        .iter()
        .all(|e| e.kind == CalendarKind::Due { overdue: false }));
    // A fixed plan's later dates: the firmware falls due on 6 April.
    let april = app.maintenance_calendar(&s.viewer, 2026, 4).unwrap();
    assert!(april
        .iter()
        .any(|e| e.plan_id == Some(p.firmware.id) && e.date == date(2026, 4, 6)));
    assert_eq!(
        app.maintenance_calendar(&s.viewer, 2026, 13)
            .unwrap_err()
            .code,
        ErrorCode::Validation
    );

    // Early for 10 March, and the UPS early for 5 March after a failed attempt.
    let today = date(2026, 3, 2);
    let os = app.maintenance_plan(&s.it, p.os.id).unwrap();
    app.complete_maintenance(&s.it, os.id, os.version, &work(today, 2))
        .unwrap();
    let mut failed = work(today, 0);
    failed.outcome = Outcome::Failed;
    failed.reason = Some("Batteria non arrivata".into());
    app.complete_maintenance(&s.it, p.ups.id, p.ups.version, &failed)
        .unwrap();
    app.complete_maintenance(&s.it, p.ups.id, p.ups.version, &work(today, 0))
        .unwrap();
    let c = app.maintenance_compliance(&s.viewer).unwrap();
    assert_eq!(c.from, date(2025, 4, 1));
    let months: Vec<_> = c
        .months
        .iter()
        .map(|m| {
            (
                m.plan_id,
                m.month.as_str(),
                m.completions,
                m.on_time,
                m.percent,
            )
        })
        .collect();
    assert_eq!(
        months,
        vec![
            (p.os.id, "2026-02", 1, 0, 0),
            (p.os.id, "2026-03", 1, 1, 100),
            (p.ups.id, "2026-03", 1, 1, 100),
        ]
    );
    let plans: Vec<_> = c.plans.iter().map(|m| (m.plan_id, m.percent)).collect();
    assert_eq!(plans, vec![(p.os.id, 50), (p.ups.id, 100)]);
    let report = app.verify_history(&s.o.t.admin, &mut |_| true).unwrap();
    assert!(report.ok, "{report:?}");
}

/// The attention list and the calendar read plans through the index on the due date or on
/// the assignee, whatever the number of plans.
#[test]
fn due_plans_are_read_from_an_index() {
    let s = shop();
    plans(&s);
    let c = s.o.t.raw();
    let plan = |sql: &str| -> String {
        c.prepare(&format!("EXPLAIN QUERY PLAN {sql}"))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(3))
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap()
            .join("; ")
    };
    let mine = plan(
        "SELECT p.id FROM maintenance_plans p WHERE p.next_due_on <= '2026-03-09'
         AND p.assignee_employee_id = 3 AND p.active = 1 ORDER BY p.next_due_on, p.id LIMIT 100",
    );
    assert!(mine.contains("maintenance_plans_by_assignee"), "{mine}");
    let all = plan(
        "SELECT p.id FROM maintenance_plans p WHERE p.next_due_on <= '2026-03-09'
         AND p.active = 1 ORDER BY p.next_due_on, p.id LIMIT 100",
    );
    assert!(all.contains("maintenance_plans_by_due"), "{all}");
}
