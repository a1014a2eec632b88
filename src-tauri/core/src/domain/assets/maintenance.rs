//! Maintenance plans: recurring work on an asset, on every asset of a category or at a place
//! ("OS and security updates monthly", "UPS battery every 24 months"), who does it and when it
//! is next due. The dates follow `domain::schedule`.

use crate::domain::page::{PageRequest, SortDir};
use crate::domain::schedule::Schedule;
use crate::domain::text::{clean, fold_key, Checks};
use crate::error::{Error, FieldError};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Items a checklist may have, and characters per item.
pub const MAX_CHECKLIST: usize = 50;
pub const MAX_CHECKLIST_ITEM: usize = 300;

/// What a plan is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[ts(rename = "MaintenanceTarget")]
pub enum Target {
    Asset(i64),
    /// Every asset of the category (the plan is done once for all of them).
    Category(i64),
    Location(i64),
}

impl Target {
    /// (asset_id, category_id, location_id), one of them set.
    pub fn columns(self) -> (Option<i64>, Option<i64>, Option<i64>) {
        match self {
            Self::Asset(id) => (Some(id), None, None),
            Self::Category(id) => (None, Some(id), None),
            Self::Location(id) => (None, None, Some(id)),
        }
    }

    pub fn from_columns(
        asset: Option<i64>,
        category: Option<i64>,
        location: Option<i64>,
    ) -> Option<Self> {
        match (asset, category, location) {
            (Some(a), None, None) => Some(Self::Asset(a)),
            (None, Some(c), None) => Some(Self::Category(c)),
            (None, None, Some(l)) => Some(Self::Location(l)),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenancePlanInput")]
pub struct PlanInput {
    pub title: String,
    pub description: Option<String>,
    pub target: Target,
    pub schedule: Schedule,
    /// The day the plan begins to count; today when not given.
    pub start_on: Option<NaiveDate>,
    pub assignee_employee_id: Option<i64>,
    pub checklist: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidPlan {
    pub title: String,
    pub title_key: String,
    pub description: Option<String>,
    pub target: Target,
    pub schedule: Schedule,
    pub start_on: NaiveDate,
    pub assignee_employee_id: Option<i64>,
    pub checklist: Vec<String>,
}

impl PlanInput {
    pub fn validate(&self, today: NaiveDate) -> crate::Result<ValidPlan> {
        let mut c = Checks::default();
        let title = c.required("title", &self.title, 200);
        let description = c.optional_text("description", &self.description, 4000);
        if let Err(e) = self.schedule.validate() {
            c.errors.extend(Error::from(e).fields);
        }
        let checklist: Vec<String> = self
            .checklist
            .iter()
            .map(|s| clean(s))
            .filter(|s| !s.is_empty())
            .collect();
        if checklist.len() > MAX_CHECKLIST {
            c.add(FieldError::new("checklist", "too_many").with("max", MAX_CHECKLIST));
        }
        if checklist
            .iter()
            .any(|s| s.chars().count() > MAX_CHECKLIST_ITEM)
        {
            c.add(FieldError::new("checklist", "too_long").with("max", MAX_CHECKLIST_ITEM));
        }
        c.finish()?;
        Ok(ValidPlan {
            title_key: fold_key(&title),
            title,
            description,
            target: self.target,
            schedule: self.schedule,
            start_on: self.start_on.unwrap_or(today),
            assignee_employee_id: self.assignee_employee_id,
            checklist,
        })
    }
}

impl ValidPlan {
    /// The first due date of a plan never done.
    pub fn first_due(&self) -> NaiveDate {
        self.schedule.next_due(None, None, self.start_on)
    }
}

/// A plan as its page shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenancePlan")]
pub struct Plan {
    pub id: i64,
    pub title: String,
    pub description: Option<String>,
    pub target: Target,
    /// The asset's tag and name, the category's name or the place's path.
    pub target_name: String,
    pub schedule: Schedule,
    pub start_on: NaiveDate,
    pub assignee_employee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub checklist: Vec<String>,
    pub next_due_on: NaiveDate,
    pub last_done_on: Option<NaiveDate>,
    pub last_due_on: Option<NaiveDate>,
    pub active: bool,
    pub version: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// A plan as the list shows it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenancePlanRow")]
pub struct PlanRow {
    pub id: i64,
    pub title: String,
    pub target: Target,
    pub target_name: String,
    pub schedule: Schedule,
    pub assignee_employee_id: Option<i64>,
    pub assignee_name: Option<String>,
    pub next_due_on: NaiveDate,
    pub last_done_on: Option<NaiveDate>,
    pub overdue: bool,
    pub active: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[ts(rename = "MaintenanceDue")]
pub enum DueFilter {
    All,
    /// Past their due date.
    Overdue,
    /// Due within this many days, overdue ones included.
    Within {
        days: u32,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(rename = "MaintenanceSort")]
pub enum PlanSort {
    NextDue,
    Title,
    LastDone,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(rename = "MaintenancePlanQuery")]
pub struct PlanQuery {
    /// Matches the title.
    pub search: Option<String>,
    pub assignee_employee_id: Option<i64>,
    pub target: Option<Target>,
    pub due: DueFilter,
    pub include_retired: bool,
    pub sort: PlanSort,
    pub dir: SortDir,
    pub page: PageRequest,
}
