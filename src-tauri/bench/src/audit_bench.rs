//! B8: audits at real sizes: the audits, findings and actions lists (first and deep pages, a
//! filter, a sort), one audit's page with its 150 items and their evidence, and Home's
//! attention list for the auditor who leads the most audits.

use crate::audit_history::AUDITORS;
use crate::stats::{repeat, Samples};
use crate::suite::{self, Row};
use backoffice_core::domain::attention::Severity;
use backoffice_core::domain::audits::audit::{AuditQuery, AuditSort, AuditStatus};
use backoffice_core::domain::audits::finding::{
    ActionQuery, ActionSort, FindingQuery, FindingSort, FindingStatus,
};
use backoffice_core::domain::page::{PageRequest, SortDir};
use backoffice_core::domain::permissions::Role;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::DB_FILE_NAME;
use backoffice_core::{Error, ErrorCode, Result};
use std::time::Duration;

/// A list page as the audits screens ask for it.
const PAGE: i64 = 50;
const RUNS: usize = 30;

fn page(offset: i64) -> PageRequest {
    PageRequest {
        offset: offset.max(0),
        limit: PAGE,
    }
}

/// Where a shape's page is read: the first, the last, or the middle one.
#[derive(Clone, Copy)]
enum At {
    First,
    Last,
    Middle,
}

impl At {
    fn offset(self, total: i64) -> i64 {
        match self {
            At::First => 0,
            At::Last => total - PAGE,
            At::Middle => total / 2 - PAGE / 2,
        }
    }

    fn name(self) -> &'static str {
        match self {
            At::First => "first page",
            At::Last => "last page",
            At::Middle => "the page in the middle",
        }
    }
}

/// One list shape: its name, where its page is read, and a function listing the page at an
/// offset and returning the list's total.
type Shape<'a> = (&'a str, At, Box<dyn Fn(i64) -> Result<i64> + 'a>);

/// Measures each shape and returns the list's summary row and one row per shape.
fn list_rows(what: &str, shapes: Vec<Shape<'_>>) -> Result<Vec<Row>> {
    let goal = Some(Duration::from_millis(10));
    let mut all = Samples::default();
    let mut rows = Vec::new();
    for (name, at, list) in &shapes {
        let total = list(0)?;
        let offset = at.offset(total).max(0);
        list(offset)?;
        let s = repeat(RUNS, || {
            list(offset).expect("list page");
        });
        all.extend(&s);
        rows.push(Row::new("B8", &format!("… {name}: {} of {total}", at.name())).timed(&s, goal));
    }
    let mut out = vec![Row::new(
        "B8",
        &format!(
            "{what} list, page of {PAGE}, {} list shapes × {RUNS}",
            shapes.len()
        ),
    )
    .timed(&all, goal)];
    out.extend(rows);
    Ok(out)
}

/// The B8 lines on an open copy of a generated company.
pub fn rows(app: &Backoffice, log: &mut dyn FnMut(&str)) -> Result<Vec<Row>> {
    let admin = Ctx::new(1, "admin", vec![Role::Admin]);
    let ctx = &admin;
    log("B8 audits");
    let audits = |status, overdue, sort, dir| {
        move |offset| -> Result<i64> {
            let q = AuditQuery {
                search: None,
                status,
                department_id: None,
                lead_user_id: None,
                overdue,
                sort,
                dir,
                page: page(offset),
            };
            Ok(app.list_audits(ctx, &q)?.total)
        }
    };
    let mut rows = list_rows(
        "audits",
        vec![
            (
                "all by planned start, newest first",
                At::First,
                Box::new(audits(None, false, AuditSort::PlannedStart, SortDir::Desc)),
            ),
            (
                "all by planned start, newest first",
                At::Last,
                Box::new(audits(None, false, AuditSort::PlannedStart, SortDir::Desc)),
            ),
            (
                "closed by title",
                At::Middle,
                Box::new(audits(
                    Some(AuditStatus::Closed),
                    false,
                    AuditSort::Title,
                    SortDir::Asc,
                )),
            ),
            (
                "all by score",
                At::Last,
                Box::new(audits(None, false, AuditSort::Score, SortDir::Asc)),
            ),
            (
                "overdue by planned start",
                At::First,
                Box::new(audits(None, true, AuditSort::PlannedStart, SortDir::Asc)),
            ),
        ],
    )?;

    let findings = |status, sort, dir, search: Option<&'static str>| {
        move |offset| -> Result<i64> {
            let q = FindingQuery {
                search: search.map(str::to_owned),
                status,
                severity: None,
                audit_id: None,
                department_id: None,
                sort,
                dir,
                page: page(offset),
            };
            Ok(app.list_findings(ctx, &q)?.total)
        }
    };
    rows.extend(list_rows(
        "findings",
        vec![
            (
                "all, newest first",
                At::First,
                Box::new(findings(None, FindingSort::CreatedAt, SortDir::Desc, None)),
            ),
            (
                "all, newest first",
                At::Last,
                Box::new(findings(None, FindingSort::CreatedAt, SortDir::Desc, None)),
            ),
            (
                "open by severity",
                At::First,
                Box::new(findings(
                    Some(FindingStatus::Open),
                    FindingSort::Severity,
                    SortDir::Asc,
                    None,
                )),
            ),
            (
                "all by title",
                At::Middle,
                Box::new(findings(None, FindingSort::Title, SortDir::Asc, None)),
            ),
            (
                "search \"formazione\", by audit",
                At::First,
                Box::new(findings(
                    None,
                    FindingSort::Audit,
                    SortDir::Desc,
                    Some("formazione"),
                )),
            ),
        ],
    )?);

    let actions = |overdue, sort, dir| {
        move |offset| -> Result<i64> {
            let q = ActionQuery {
                search: None,
                status: None,
                owner_employee_id: None,
                audit_id: None,
                department_id: None,
                overdue,
                mine: false,
                sort,
                dir,
                page: page(offset),
            };
            Ok(app.list_audit_actions(ctx, &q)?.total)
        }
    };
    rows.extend(list_rows(
        "corrective actions",
        vec![
            (
                "all by due date",
                At::First,
                Box::new(actions(false, ActionSort::DueOn, SortDir::Asc)),
            ),
            (
                "all by due date",
                At::Last,
                Box::new(actions(false, ActionSort::DueOn, SortDir::Asc)),
            ),
            (
                "overdue by due date",
                At::First,
                Box::new(actions(true, ActionSort::DueOn, SortDir::Asc)),
            ),
            (
                "all by owner",
                At::Middle,
                Box::new(actions(false, ActionSort::Owner, SortDir::Asc)),
            ),
            (
                "all by status",
                At::Last,
                Box::new(actions(false, ActionSort::Status, SortDir::Desc)),
            ),
        ],
    )?);

    // The audit with the most evidence among those on the largest checklist.
    let (audit_id, evidence): (i64, i64) = app.store().read(|c| {
        Ok(c.query_row(
            "SELECT r.audit_id, count(*) FROM audit_results r
             JOIN audit_evidence l ON l.result_id = r.id
             GROUP BY r.audit_id ORDER BY count(DISTINCT r.id) DESC, count(*) DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })?;
    let items = app.audit(ctx, audit_id)?.items.len();
    let s = repeat(40, || {
        app.audit(ctx, audit_id).expect("audit");
    });
    rows.push(
        Row::new(
            "B8",
            &format!(
                "one audit's page: {items} items with their results, {evidence} evidence files and findings, scores by section, the series' trend"
            ),
        )
        .timed(&s, Some(Duration::from_millis(50))),
    );

    // Home for the auditor who leads the most audits.
    let lead = AUDITORS[0].0;
    let (user_id, led): (i64, i64) = app.store().read(|c| {
        Ok(c.query_row(
            "SELECT u.id, (SELECT count(*) FROM audits WHERE lead_user_id = u.id)
             FROM users u WHERE u.username = ?1",
            [lead],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?)
    })?;
    let auditor = Ctx::new(user_id, lead, vec![Role::Accounting]);
    let shown = app.attention(&auditor, Severity::Low, 30)?;
    let s = repeat(40, || {
        app.attention(&auditor, Severity::Low, 30)
            .expect("attention");
    });
    rows.push(
        Row::new(
            "B8",
            &format!(
                "Home's needs-attention list for an auditor who leads {led} audits (counts and the 30 most urgent; {} shown)",
                shown.items.len()
            ),
        )
        .timed(&s, Some(Duration::from_millis(50))),
    );
    Ok(rows)
}

/// B8 alone (`run --only b8`): on a copy of the generated data dir.
pub fn only(o: &suite::Options, log: &mut dyn FnMut(&str)) -> Result<Vec<Row>> {
    let copy = o.work.join("data");
    let _ = std::fs::remove_dir_all(&copy);
    log("copying the data dir");
    suite::copy_dir(&o.data_dir, &copy).map_err(|e| Error::new(ErrorCode::DbIo, e.to_string()))?;
    let day = suite::as_of(&copy.join(DB_FILE_NAME));
    let app = Backoffice::open(&copy, suite::clock_at(day))?;
    let rows = rows(&app, log);
    drop(app);
    let _ = std::fs::remove_dir_all(&copy);
    rows
}
