//! The maintenance plans and the work log as CSV or Excel. Both name people (a plan's assignee,
//! who did the work), so each export is recorded in history as an export of personal data.

use super::export_words::{money, outcome_word};
use super::list_exports::{each_page, Out, Personal};
use crate::domain::assets::maintenance::PlanQuery;
use crate::domain::permissions::{Action, Area};
use crate::error::Error;
use crate::export::{Column, Format, Kind, Language, Sheet, Value};
use crate::services::exports::filter_of;
use crate::services::{Backoffice, Ctx};
use crate::store::assets::{maintenance_list, maintenance_log};
use chrono::NaiveDate;
use std::path::Path;

/// Work-log entries in one export at most: years of an office's maintenance.
const MAX_LOG_ROWS: i64 = 200_000;

const PLAN_COLUMNS: &[Column] = &[
    Column::new("title", "Attività", "Task", Kind::Text),
    Column::new("target", "Oggetto", "Target", Kind::Text),
    Column::new("assignee", "Assegnata a", "Assignee", Kind::Text),
    Column::new("next_due", "Prossima scadenza", "Next due", Kind::Date),
    Column::new("last_done", "Ultima esecuzione", "Last done", Kind::Date),
    Column::new("overdue", "In ritardo", "Overdue", Kind::Bool),
    Column::new("active", "Attiva", "Active", Kind::Bool),
];

const LOG_COLUMNS: &[Column] = &[
    Column::new("done_on", "Data", "Date", Kind::Date),
    Column::new("plan", "Piano", "Plan", Kind::Text),
    Column::new("asset", "Bene", "Asset", Kind::Text),
    Column::new("done_by", "Eseguito da", "Done by", Kind::Text),
    Column::new("work", "Lavoro", "Work", Kind::Text),
    Column::new("outcome", "Esito", "Outcome", Kind::Text),
    Column::new("reason", "Motivo", "Reason", Kind::Text),
    Column::new("due_on", "Scadenza", "Due on", Kind::Date),
    Column::new("minutes", "Minuti", "Minutes", Kind::Integer),
    Column::new("cost", "Costo", "Cost", Kind::Money),
];

impl Backoffice {
    /// The maintenance plans matching `q` (every page), with next due date and assignee:
    /// recorded as an export of personal data.
    pub fn export_maintenance_plans(
        &self,
        ctx: &Ctx,
        q: &PlanQuery,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::Assets, Action::Read)?;
        let today = self.today();
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Piani di manutenzione",
            name_en: "Maintenance plans",
            columns: PLAN_COLUMNS,
        };
        let personal = Personal {
            kind: "maintenance_plans",
            filter: filter_of(q, &["page", "sort", "dir"]),
        };
        self.save_it_list(
            ctx,
            Out {
                path,
                format,
                language,
            },
            &sheet,
            Some(personal),
            |c, out| {
                let mut q = q.clone();
                each_page(
                    |page| {
                        q.page = page;
                        maintenance_list::list(c, &q, today)
                    },
                    |p| {
                        out.row(&[
                            Value::text(&p.title),
                            Value::text(&p.target_name),
                            Value::opt_text(p.assignee_name.as_deref()),
                            Value::Date(p.next_due_on),
                            Value::opt_date(p.last_done_on),
                            Value::Bool(p.overdue),
                            Value::Bool(p.active),
                        ])
                    },
                )
            },
        )
    }

    /// The work log of `from..=to`, in date order, with who did each job: recorded as an
    /// export of personal data.
    pub fn export_maintenance_log(
        &self,
        ctx: &Ctx,
        from: NaiveDate,
        to: NaiveDate,
        path: &Path,
        language: &str,
        format: Format,
    ) -> crate::Result<u64> {
        self.require(ctx, Area::Assets, Action::Read)?;
        if from > to {
            return Err(Error::field("to", "before_start"));
        }
        let language = Language::from_code(language);
        let sheet = Sheet {
            name_it: "Registro interventi",
            name_en: "Work log",
            columns: LOG_COLUMNS,
        };
        let personal = Personal {
            kind: "maintenance_log",
            filter: serde_json::json!({ "from": from, "to": to }),
        };
        self.save_it_list(
            ctx,
            Out {
                path,
                format,
                language,
            },
            &sheet,
            Some(personal),
            |c, out| {
                for e in maintenance_log::between(c, from, to, MAX_LOG_ROWS)? {
                    out.row(&[
                        Value::Date(e.done_on),
                        Value::opt_text(e.plan_title.as_deref()),
                        Value::opt_text(e.asset_name.as_deref()),
                        Value::text(&e.done_by),
                        Value::text(&e.work),
                        Value::text(outcome_word(e.outcome, language)),
                        Value::opt_text(e.reason.as_deref()),
                        Value::opt_date(e.due_on),
                        e.minutes.map_or(Value::Empty, Value::Integer),
                        money(e.cost_cents, &e.currency),
                    ])?;
                }
                Ok(())
            },
        )
    }
}
