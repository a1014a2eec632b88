//! How complete and correct an employee's file is: a 0-100 score and the list of what is missing
//! or wrong, each item with its urgency and the place in the file where it is fixed.
//!
//! A pure function of the employee, its current documents, its training, the requirements that
//! apply to it and the date, so every rule is tested without a database.
//!
//! # Weights
//!
//! The score adds three blocks (100 in all), then takes off a little for expired extras:
//!
//! | block | points | lost when |
//! |---|---|---|
//! | data | 50 | tax code 10 (invalid: all 10; disagreeing with birth date or sex: 2), IBAN 6 (missing or invalid), birth date 4, address 4, department 4, job title 4, contract type 4, birth place 3, sex 3, e-mail 3, phone 2, CCNL 2, level 1 — each lost when missing |
//! | contract | 10 | a fixed-term contract without an end date, or a contract past its end |
//! | requirements | 40 | shared evenly by the documents and courses required of the person's job title and department: a missing or expired one loses its whole share, one expiring within 30 days a quarter of it. With no requirements the block is full |
//! | extras | −2 each, at most −10 | an expired document or course that is not required |
//!
//! Items expiring in 31-90 days are listed (so they can be renewed in time) but cost nothing.
//! A terminated employee is scored on the data block only (the others count as full): nobody
//! renews the ID card of someone who left.

use crate::domain::staff::employee::Employee;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// A current (not superseded) document, as completeness sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocFact {
    pub id: i64,
    pub type_id: i64,
    pub expires_on: Option<NaiveDate>,
}

/// A training record, as completeness sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrainingFact {
    pub id: i64,
    pub course_id: i64,
    pub completed_on: NaiveDate,
    pub expires_on: Option<NaiveDate>,
}

/// Something an employee is required to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Need {
    Document(i64),
    Course(i64),
}

/// Everything the score depends on.
#[derive(Debug, Clone, Copy)]
pub struct EmployeeFacts<'a> {
    pub employee: &'a Employee,
    /// Whether the employee's contract type is fixed-term; `None` without a contract type.
    pub fixed_term: Option<bool>,
    /// Current documents only.
    pub documents: &'a [DocFact],
    pub training: &'a [TrainingFact],
    /// The requirements that apply to the employee's job title and department.
    pub requirements: &'a [Need],
    pub today: NaiveDate,
}

/// Issues rank by the attention list's urgency, shared by every area.
pub use crate::domain::attention::Severity;

/// The tab of the employee file where an issue is fixed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FixTab {
    Details,
    Contract,
    Documents,
    Training,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FixTarget {
    pub tab: FixTab,
    /// The input to focus, as the employee DTO names it.
    pub field: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum IssueKind {
    MissingField {
        field: String,
    },
    InvalidTaxCode,
    /// The tax code disagrees with the birth date or sex (`code` is the warning code).
    TaxCodeMismatch {
        code: String,
    },
    InvalidIban,
    FixedTermWithoutEnd,
    ContractPastEnd {
        ended_on: NaiveDate,
    },
    ContractEnding {
        ends_on: NaiveDate,
        within_days: i64,
    },
    MissingDocument {
        document_type_id: i64,
    },
    ExpiredDocument {
        document_id: i64,
        document_type_id: i64,
        expired_on: NaiveDate,
        required: bool,
    },
    /// Within 30, 60 or 90 days (`within_days` is the bucket).
    ExpiringDocument {
        document_id: i64,
        document_type_id: i64,
        expires_on: NaiveDate,
        within_days: i64,
    },
    MissingCourse {
        course_id: i64,
    },
    ExpiredCourse {
        training_id: i64,
        course_id: i64,
        expired_on: NaiveDate,
        required: bool,
    },
    ExpiringCourse {
        training_id: i64,
        course_id: i64,
        expires_on: NaiveDate,
        within_days: i64,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Issue {
    pub issue: IssueKind,
    pub severity: Severity,
    /// Sort key across the company: higher is more urgent (see the constants below).
    pub urgency: i64,
    pub fix: FixTarget,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Completeness {
    pub score: i64,
    /// Most urgent first.
    pub issues: Vec<Issue>,
    /// Earliest expiry among documents, training and the contract's end (past ones included).
    pub next_expiry: Option<NaiveDate>,
}

impl Completeness {
    /// The urgency of the most urgent issue, 0 with none.
    pub fn urgency(&self) -> i64 {
        self.issues.first().map_or(0, |i| i.urgency)
    }
}

impl Severity {
    /// The lowest urgency of an issue of this severity: "what needs fixing" filters on it.
    pub fn floor(self) -> i64 {
        match self {
            Severity::Low => 1,
            Severity::Medium => 200,
            Severity::High => 300,
            Severity::Critical => 400,
        }
    }
}

/// Scores of a group of active employees (a department, or everyone).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompletenessRollup {
    /// `None` with `department` `None`: the employees without a department (or, in `overall`,
    /// everyone).
    pub department_id: Option<i64>,
    pub department: Option<String>,
    pub employees: i64,
    /// Mean score, rounded.
    pub average: i64,
    pub lowest: i64,
    /// Employees scoring 100.
    pub complete: i64,
    pub with_issues: i64,
    /// Employees with at least one critical issue.
    pub critical: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompanyCompleteness {
    pub overall: CompletenessRollup,
    /// By department name; the employees without a department last.
    pub departments: Vec<CompletenessRollup>,
}

#[derive(Debug, Clone, Serialize, Deserialize, TS)]
pub struct FixQuery {
    pub department_id: Option<i64>,
    /// Only employees whose most urgent issue is at least this severe.
    pub min_severity: Option<Severity>,
    pub page: crate::domain::page::PageRequest,
}

/// One employee on the "what needs fixing" screen, with its issues most urgent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FixRow {
    pub employee_id: i64,
    pub last_name: String,
    pub first_name: String,
    pub department_id: Option<i64>,
    pub department: Option<String>,
    pub completeness: i64,
    pub urgency: i64,
    pub issues: Vec<Issue>,
}

mod score;
#[cfg(test)]
mod tests;

pub use score::completeness;
