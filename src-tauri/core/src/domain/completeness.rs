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

use super::codice_fiscale;
use super::employee::{Employee, EmployeeStatus};
use super::iban;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Low,
    Medium,
    High,
    Critical,
}

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
    pub page: super::page::PageRequest,
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

// Urgency bases. Expiring items add the days saved by acting now, so the soonest comes first.
const U_CONTRACT_PAST_END: i64 = 490;
const U_EXPIRED_REQUIRED_DOCUMENT: i64 = 480;
const U_EXPIRED_REQUIRED_COURSE: i64 = 470;
const U_INVALID_TAX_CODE: i64 = 460;
const U_MISSING_DOCUMENT: i64 = 380;
const U_MISSING_COURSE: i64 = 370;
const U_FIXED_TERM_WITHOUT_END: i64 = 360;
const U_INVALID_IBAN: i64 = 350;
/// + (30 - days left): 300-330.
const U_EXPIRING_30: i64 = 300;
const U_EXPIRED_EXTRA: i64 = 250;
/// + (60 - days left): 200-229.
const U_EXPIRING_60: i64 = 200;
const U_MISSING_IMPORTANT_FIELD: i64 = 210;
const U_TAX_CODE_MISMATCH: i64 = 160;
/// + (90 - days left): 100-129.
const U_EXPIRING_90: i64 = 100;
const U_MISSING_FIELD: i64 = 90;

const DATA_POINTS: f64 = 50.0;
const CONTRACT_POINTS: f64 = 10.0;
const REQUIREMENT_POINTS: f64 = 40.0;
const TAX_CODE_POINTS: f64 = 10.0;
const TAX_CODE_MISMATCH_POINTS: f64 = 2.0;
const IBAN_POINTS: f64 = 6.0;
const EXTRA_EXPIRED_POINTS: f64 = 2.0;
const EXTRA_EXPIRED_MAX: f64 = 10.0;
/// Share of a requirement kept while it expires within 30 days.
const EXPIRING_SHARE_KEPT: f64 = 0.75;

/// Optional fields with their points, their tab, and whether a missing one is "important"
/// (medium rather than low urgency: needed for payroll or for the safety rules).
const FIELDS: &[(&str, f64, FixTab, bool)] = &[
    ("birth_date", 4.0, FixTab::Details, true),
    ("birth_place", 3.0, FixTab::Details, false),
    ("sex", 3.0, FixTab::Details, false),
    ("address", 4.0, FixTab::Details, true),
    ("email", 3.0, FixTab::Details, false),
    ("phone", 2.0, FixTab::Details, false),
    ("department_id", 4.0, FixTab::Contract, true),
    ("job_title", 4.0, FixTab::Contract, true),
    ("contract_type_id", 4.0, FixTab::Contract, true),
    ("ccnl", 2.0, FixTab::Contract, false),
    ("level", 1.0, FixTab::Contract, false),
];

fn present(e: &Employee, field: &str) -> bool {
    match field {
        "birth_date" => e.birth_date.is_some(),
        "birth_place" => e.birth_place.is_some(),
        "sex" => e.sex.is_some(),
        "address" => e.address.is_some(),
        "email" => e.email.is_some(),
        "phone" => e.phone.is_some(),
        "department_id" => e.department_id.is_some(),
        "job_title" => e.job_title.is_some(),
        "contract_type_id" => e.contract_type_id.is_some(),
        "ccnl" => e.ccnl.is_some(),
        "level" => e.level.is_some(),
        _ => true,
    }
}

/// Where a date stands: already past, or within 30/60/90 days, or further.
enum Due {
    Expired,
    Within(i64, i64),
    Later,
}

fn due(date: NaiveDate, today: NaiveDate) -> Due {
    let days = (date - today).num_days();
    match days {
        d if d < 0 => Due::Expired,
        d if d <= 30 => Due::Within(30, d),
        d if d <= 60 => Due::Within(60, d),
        d if d <= 90 => Due::Within(90, d),
        _ => Due::Later,
    }
}

fn expiring_urgency(bucket: i64, days_left: i64) -> (Severity, i64) {
    match bucket {
        30 => (Severity::High, U_EXPIRING_30 + (30 - days_left)),
        60 => (Severity::Medium, U_EXPIRING_60 + (60 - days_left)),
        _ => (Severity::Low, U_EXPIRING_90 + (90 - days_left)),
    }
}

/// Compares expiries with "never" as the latest.
fn later(a: Option<NaiveDate>, b: Option<NaiveDate>) -> bool {
    match (a, b) {
        (None, Some(_)) => true,
        (Some(_), None) => false,
        (Some(x), Some(y)) => x > y,
        (None, None) => false,
    }
}

fn fix(tab: FixTab, field: Option<&str>) -> FixTarget {
    FixTarget {
        tab,
        field: field.map(str::to_owned),
    }
}

#[expect(
    clippy::too_many_lines,
    reason = "written before the limit; to be split by stage"
)]
pub fn completeness(f: &EmployeeFacts) -> Completeness {
    let e = f.employee;
    let active = e.status == EmployeeStatus::Active;
    let mut issues: Vec<Issue> = Vec::new();
    let mut push = |issue: IssueKind, severity: Severity, urgency: i64, fix: FixTarget| {
        issues.push(Issue {
            issue,
            severity,
            urgency,
            fix,
        })
    };

    // Data block.
    let mut data = DATA_POINTS;
    if codice_fiscale::check(&e.tax_code).is_err() {
        data -= TAX_CODE_POINTS;
        push(
            IssueKind::InvalidTaxCode,
            Severity::Critical,
            U_INVALID_TAX_CODE,
            fix(FixTab::Details, Some("tax_code")),
        );
    } else {
        let mismatches = codice_fiscale::cross_check(&e.tax_code, e.birth_date, e.sex, f.today);
        if let Some(m) = mismatches.first() {
            data -= TAX_CODE_MISMATCH_POINTS;
            push(
                IssueKind::TaxCodeMismatch {
                    code: m.code().to_owned(),
                },
                Severity::Low,
                U_TAX_CODE_MISMATCH,
                fix(FixTab::Details, Some("tax_code")),
            );
        }
    }
    match e.iban.as_deref() {
        None => {
            data -= IBAN_POINTS;
            push(
                IssueKind::MissingField {
                    field: "iban".into(),
                },
                Severity::Medium,
                U_MISSING_IMPORTANT_FIELD,
                fix(FixTab::Details, Some("iban")),
            );
        }
        Some(i) if iban::normalise(i).is_none() => {
            data -= IBAN_POINTS;
            push(
                IssueKind::InvalidIban,
                Severity::High,
                U_INVALID_IBAN,
                fix(FixTab::Details, Some("iban")),
            );
        }
        Some(_) => {}
    }
    for &(field, points, tab, important) in FIELDS {
        if !present(e, field) {
            data -= points;
            let (severity, urgency) = if important {
                (Severity::Medium, U_MISSING_IMPORTANT_FIELD)
            } else {
                (Severity::Low, U_MISSING_FIELD)
            };
            push(
                IssueKind::MissingField {
                    field: field.to_owned(),
                },
                severity,
                urgency,
                fix(tab, Some(field)),
            );
        }
    }

    let mut contract = CONTRACT_POINTS;
    let mut required = REQUIREMENT_POINTS;
    let mut extras = 0.0f64;
    let mut next_expiry: Option<NaiveDate> = None;
    let mut note_expiry = |d: Option<NaiveDate>| {
        if let Some(d) = d {
            next_expiry = Some(next_expiry.map_or(d, |n| n.min(d)));
        }
    };

    if active {
        // Contract block.
        if f.fixed_term == Some(true) && e.contract_end.is_none() {
            contract = 0.0;
            push(
                IssueKind::FixedTermWithoutEnd,
                Severity::High,
                U_FIXED_TERM_WITHOUT_END,
                fix(FixTab::Contract, Some("contract_end")),
            );
        }
        if let Some(end) = e.contract_end {
            note_expiry(Some(end));
            match due(end, f.today) {
                Due::Expired => {
                    contract = 0.0;
                    push(
                        IssueKind::ContractPastEnd { ended_on: end },
                        Severity::Critical,
                        U_CONTRACT_PAST_END,
                        fix(FixTab::Contract, Some("contract_end")),
                    );
                }
                Due::Within(bucket, days) => {
                    let (severity, urgency) = expiring_urgency(bucket, days);
                    push(
                        IssueKind::ContractEnding {
                            ends_on: end,
                            within_days: bucket,
                        },
                        severity,
                        urgency,
                        fix(FixTab::Contract, Some("contract_end")),
                    );
                }
                Due::Later => {}
            }
        }

        // The best current document per type and the best training per course: the one that
        // expires last (never, if any never does).
        let mut best_doc: BTreeMap<i64, DocFact> = BTreeMap::new();
        for d in f.documents {
            let keep = best_doc
                .get(&d.type_id)
                .is_none_or(|b| later(d.expires_on, b.expires_on));
            if keep {
                best_doc.insert(d.type_id, *d);
            }
        }
        let mut best_course: BTreeMap<i64, TrainingFact> = BTreeMap::new();
        for t in f.training {
            let keep = best_course.get(&t.course_id).is_none_or(|b| {
                later(t.expires_on, b.expires_on)
                    || (t.expires_on == b.expires_on && t.completed_on > b.completed_on)
            });
            if keep {
                best_course.insert(t.course_id, *t);
            }
        }
        let mut needs: Vec<Need> = f.requirements.to_vec();
        needs.sort();
        needs.dedup();
        let share = if needs.is_empty() {
            0.0
        } else {
            REQUIREMENT_POINTS / needs.len() as f64
        };
        for need in &needs {
            match *need {
                Need::Document(type_id) => {
                    if !best_doc.contains_key(&type_id) {
                        required -= share;
                        push(
                            IssueKind::MissingDocument {
                                document_type_id: type_id,
                            },
                            Severity::High,
                            U_MISSING_DOCUMENT,
                            fix(FixTab::Documents, None),
                        );
                    }
                }
                Need::Course(course_id) => {
                    if !best_course.contains_key(&course_id) {
                        required -= share;
                        push(
                            IssueKind::MissingCourse { course_id },
                            Severity::High,
                            U_MISSING_COURSE,
                            fix(FixTab::Training, None),
                        );
                    }
                }
            }
        }
        for d in best_doc.values() {
            note_expiry(d.expires_on);
            let is_required = needs.contains(&Need::Document(d.type_id));
            let Some(exp) = d.expires_on else { continue };
            match due(exp, f.today) {
                Due::Expired => {
                    let (severity, urgency) = if is_required {
                        required -= share;
                        (Severity::Critical, U_EXPIRED_REQUIRED_DOCUMENT)
                    } else {
                        extras += EXTRA_EXPIRED_POINTS;
                        (Severity::Medium, U_EXPIRED_EXTRA)
                    };
                    push(
                        IssueKind::ExpiredDocument {
                            document_id: d.id,
                            document_type_id: d.type_id,
                            expired_on: exp,
                            required: is_required,
                        },
                        severity,
                        urgency,
                        fix(FixTab::Documents, None),
                    );
                }
                Due::Within(bucket, days) => {
                    if is_required && bucket == 30 {
                        required -= share * (1.0 - EXPIRING_SHARE_KEPT);
                    }
                    let (severity, urgency) = expiring_urgency(bucket, days);
                    push(
                        IssueKind::ExpiringDocument {
                            document_id: d.id,
                            document_type_id: d.type_id,
                            expires_on: exp,
                            within_days: bucket,
                        },
                        severity,
                        urgency,
                        fix(FixTab::Documents, None),
                    );
                }
                Due::Later => {}
            }
        }
        for t in best_course.values() {
            note_expiry(t.expires_on);
            let is_required = needs.contains(&Need::Course(t.course_id));
            let Some(exp) = t.expires_on else { continue };
            match due(exp, f.today) {
                Due::Expired => {
                    let (severity, urgency) = if is_required {
                        required -= share;
                        (Severity::Critical, U_EXPIRED_REQUIRED_COURSE)
                    } else {
                        extras += EXTRA_EXPIRED_POINTS;
                        (Severity::Medium, U_EXPIRED_EXTRA)
                    };
                    push(
                        IssueKind::ExpiredCourse {
                            training_id: t.id,
                            course_id: t.course_id,
                            expired_on: exp,
                            required: is_required,
                        },
                        severity,
                        urgency,
                        fix(FixTab::Training, None),
                    );
                }
                Due::Within(bucket, days) => {
                    if is_required && bucket == 30 {
                        required -= share * (1.0 - EXPIRING_SHARE_KEPT);
                    }
                    let (severity, urgency) = expiring_urgency(bucket, days);
                    push(
                        IssueKind::ExpiringCourse {
                            training_id: t.id,
                            course_id: t.course_id,
                            expires_on: exp,
                            within_days: bucket,
                        },
                        severity,
                        urgency,
                        fix(FixTab::Training, None),
                    );
                }
                Due::Later => {}
            }
        }
    }

    let total = data + contract + required.max(0.0) - extras.min(EXTRA_EXPIRED_MAX);
    // Stable: equal urgencies keep the order the rules above produced them in.
    issues.sort_by_key(|i| std::cmp::Reverse(i.urgency));
    Completeness {
        score: (total.round() as i64).clamp(0, 100),
        issues,
        next_expiry,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::codice_fiscale::Sex;
    use chrono::Utc;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn today() -> NaiveDate {
        d(2026, 3, 2)
    }

    /// An employee with every field filled and valid.
    fn complete() -> Employee {
        Employee {
            id: 1,
            employee_number: Some("000123".into()),
            first_name: "Mario".into(),
            last_name: "Rossi".into(),
            tax_code: "RSSMRA80A01H501U".into(),
            birth_date: Some(d(1980, 1, 1)),
            birth_place: Some("Roma".into()),
            sex: Some(Sex::M),
            email: Some("mario.rossi@example.it".into()),
            phone: Some("06 1234567".into()),
            address: Some("Via Roma 1".into()),
            iban: Some("IT60X0542811101000000123456".into()),
            department_id: Some(1),
            job_title: Some("Impiegato".into()),
            manager_id: None,
            hire_date: d(2010, 3, 15),
            contract_type_id: Some(1),
            contract_end: None,
            ccnl: Some("Commercio".into()),
            level: Some("3".into()),
            status: EmployeeStatus::Active,
            termination_date: None,
            termination_reason: None,
            completeness: 0,
            next_expiry: None,
            version: 1,
            created_at: Utc::now(),
            updated_at: Utc::now(),
        }
    }

    struct Case {
        e: Employee,
        fixed_term: Option<bool>,
        docs: Vec<DocFact>,
        training: Vec<TrainingFact>,
        needs: Vec<Need>,
    }

    impl Case {
        fn new(e: Employee) -> Self {
            Case {
                e,
                fixed_term: Some(false),
                docs: vec![],
                training: vec![],
                needs: vec![],
            }
        }

        fn run(&self) -> Completeness {
            completeness(&EmployeeFacts {
                employee: &self.e,
                fixed_term: self.fixed_term,
                documents: &self.docs,
                training: &self.training,
                requirements: &self.needs,
                today: today(),
            })
        }
    }

    fn kinds(c: &Completeness) -> Vec<IssueKind> {
        c.issues.iter().map(|i| i.issue.clone()).collect()
    }

    fn doc(id: i64, type_id: i64, expires_on: Option<NaiveDate>) -> DocFact {
        DocFact {
            id,
            type_id,
            expires_on,
        }
    }

    fn course(id: i64, course_id: i64, done: NaiveDate, exp: Option<NaiveDate>) -> TrainingFact {
        TrainingFact {
            id,
            course_id,
            completed_on: done,
            expires_on: exp,
        }
    }

    #[test]
    fn a_complete_file_scores_100_with_no_issues() {
        let c = Case::new(complete()).run();
        assert_eq!((c.score, c.issues.len(), c.next_expiry), (100, 0, None));
        assert_eq!(c.urgency(), 0);
    }

    #[test]
    fn each_missing_field_costs_its_points() {
        let mut e = complete();
        e.birth_place = None;
        e.level = None;
        let c = Case::new(e).run();
        assert_eq!(c.score, 96);
        assert_eq!(
            kinds(&c),
            [
                IssueKind::MissingField {
                    field: "birth_place".into()
                },
                IssueKind::MissingField {
                    field: "level".into()
                },
            ]
        );
        assert!(c.issues.iter().all(|i| i.severity == Severity::Low));
        assert_eq!(c.issues[0].fix, fix(FixTab::Details, Some("birth_place")));
        assert_eq!(c.issues[1].fix, fix(FixTab::Contract, Some("level")));

        let mut e = complete();
        e.department_id = None;
        e.iban = None;
        let c = Case::new(e).run();
        assert_eq!(c.score, 90);
        assert!(c.issues.iter().all(|i| i.severity == Severity::Medium));
    }

    #[test]
    fn a_bare_minimum_file_keeps_the_other_blocks() {
        let mut e = complete();
        for f in FIELDS {
            match f.0 {
                "birth_date" => e.birth_date = None,
                "birth_place" => e.birth_place = None,
                "sex" => e.sex = None,
                "address" => e.address = None,
                "email" => e.email = None,
                "phone" => e.phone = None,
                "department_id" => e.department_id = None,
                "job_title" => e.job_title = None,
                "contract_type_id" => e.contract_type_id = None,
                "ccnl" => e.ccnl = None,
                "level" => e.level = None,
                _ => unreachable!(),
            }
        }
        e.iban = None;
        let mut case = Case::new(e);
        case.fixed_term = None;
        let c = case.run();
        // Tax code 10 + contract 10 + requirements 40.
        assert_eq!(c.score, 60);
        assert_eq!(c.issues.len(), FIELDS.len() + 1);
    }

    #[test]
    fn invalid_tax_code_and_iban_are_urgent() {
        let mut e = complete();
        e.tax_code = "RSSMRA80A01H501X".into();
        e.iban = Some("IT60X0542811101000000123457".into());
        let c = Case::new(e).run();
        assert_eq!(c.score, 84);
        assert_eq!(
            kinds(&c),
            [IssueKind::InvalidTaxCode, IssueKind::InvalidIban]
        );
        assert_eq!(c.issues[0].severity, Severity::Critical);
        assert_eq!(c.issues[1].severity, Severity::High);
    }

    #[test]
    fn tax_code_disagreeing_with_birth_date_is_a_small_issue() {
        let mut e = complete();
        e.birth_date = Some(d(1980, 1, 2));
        let c = Case::new(e).run();
        assert_eq!(c.score, 98);
        assert_eq!(
            kinds(&c),
            [IssueKind::TaxCodeMismatch {
                code: "tax_code_birth_date_mismatch".into()
            }]
        );
    }

    #[test]
    fn fixed_term_contracts_need_an_end_and_not_a_past_one() {
        let mut case = Case::new(complete());
        case.fixed_term = Some(true);
        let c = case.run();
        assert_eq!(c.score, 90);
        assert_eq!(kinds(&c), [IssueKind::FixedTermWithoutEnd]);
        assert_eq!(c.issues[0].fix, fix(FixTab::Contract, Some("contract_end")));

        case.e.contract_end = Some(d(2026, 3, 1));
        let c = case.run();
        assert_eq!(c.score, 90);
        assert_eq!(
            kinds(&c),
            [IssueKind::ContractPastEnd {
                ended_on: d(2026, 3, 1)
            }]
        );
        assert_eq!(c.next_expiry, Some(d(2026, 3, 1)));

        case.e.contract_end = Some(d(2026, 4, 15));
        let c = case.run();
        assert_eq!(c.score, 100);
        assert_eq!(
            kinds(&c),
            [IssueKind::ContractEnding {
                ends_on: d(2026, 4, 15),
                within_days: 60
            }]
        );
    }

    #[test]
    fn required_documents_and_courses_share_40_points() {
        let mut case = Case::new(complete());
        case.needs = vec![Need::Document(5), Need::Course(9), Need::Document(5)];
        let c = case.run();
        // Two distinct requirements, both missing: 20 points each.
        assert_eq!(c.score, 60);
        assert_eq!(
            kinds(&c),
            [
                IssueKind::MissingDocument {
                    document_type_id: 5
                },
                IssueKind::MissingCourse { course_id: 9 },
            ]
        );
        assert_eq!(c.issues[0].fix.tab, FixTab::Documents);
        assert_eq!(c.issues[1].fix.tab, FixTab::Training);

        case.docs = vec![doc(1, 5, None)];
        case.training = vec![course(1, 9, d(2025, 1, 10), None)];
        let c = case.run();
        assert_eq!((c.score, c.issues.len()), (100, 0));
    }

    #[test]
    fn expired_required_items_lose_their_share_and_come_first() {
        let mut case = Case::new(complete());
        case.needs = vec![Need::Document(5), Need::Course(9)];
        case.docs = vec![doc(11, 5, Some(d(2026, 3, 1)))];
        case.training = vec![course(21, 9, d(2023, 3, 1), Some(d(2026, 2, 1)))];
        let c = case.run();
        assert_eq!(c.score, 60);
        assert_eq!(
            kinds(&c),
            [
                IssueKind::ExpiredDocument {
                    document_id: 11,
                    document_type_id: 5,
                    expired_on: d(2026, 3, 1),
                    required: true
                },
                IssueKind::ExpiredCourse {
                    training_id: 21,
                    course_id: 9,
                    expired_on: d(2026, 2, 1),
                    required: true
                },
            ]
        );
        assert!(c.issues.iter().all(|i| i.severity == Severity::Critical));
        assert_eq!(c.next_expiry, Some(d(2026, 2, 1)));
        // A newer record of the same course replaces the expired one.
        case.training
            .push(course(22, 9, d(2026, 2, 20), Some(d(2029, 2, 20))));
        let c = case.run();
        assert_eq!(c.score, 80);
        assert_eq!(c.next_expiry, Some(d(2026, 3, 1)));
    }

    #[test]
    fn expiring_items_fall_in_30_60_90_day_buckets() {
        let mut case = Case::new(complete());
        case.needs = vec![Need::Document(1)];
        // Expiring today is still valid: the 30-day bucket.
        for (exp, bucket, severity) in [
            (d(2026, 3, 2), 30, Severity::High),
            (d(2026, 4, 1), 30, Severity::High),
            (d(2026, 4, 2), 60, Severity::Medium),
            (d(2026, 5, 1), 60, Severity::Medium),
            (d(2026, 5, 31), 90, Severity::Low),
        ] {
            case.docs = vec![doc(3, 1, Some(exp))];
            let c = case.run();
            assert_eq!(
                kinds(&c),
                [IssueKind::ExpiringDocument {
                    document_id: 3,
                    document_type_id: 1,
                    expires_on: exp,
                    within_days: bucket
                }],
                "{exp}"
            );
            assert_eq!(c.issues[0].severity, severity, "{exp}");
            // Only the 30-day bucket costs a quarter of the share (10 points).
            let expected = if bucket == 30 { 90 } else { 100 };
            assert_eq!(c.score, expected, "{exp}");
            assert_eq!(c.next_expiry, Some(exp));
        }
        case.docs = vec![doc(3, 1, Some(d(2026, 6, 1)))];
        let c = case.run();
        assert_eq!((c.score, c.issues.len()), (100, 0));
    }

    #[test]
    fn sooner_expiries_are_more_urgent() {
        let mut case = Case::new(complete());
        case.docs = vec![
            doc(1, 1, Some(d(2026, 3, 20))),
            doc(2, 2, Some(d(2026, 3, 5))),
        ];
        case.training = vec![course(3, 7, d(2025, 1, 1), Some(d(2026, 5, 20)))];
        let c = case.run();
        let order: Vec<_> = c
            .issues
            .iter()
            .map(|i| match &i.issue {
                IssueKind::ExpiringDocument { document_id, .. } => *document_id,
                IssueKind::ExpiringCourse { training_id, .. } => *training_id,
                other => panic!("{other:?}"),
            })
            .collect();
        assert_eq!(order, [2, 1, 3]);
        assert!(c.issues[0].urgency > c.issues[1].urgency);
    }

    #[test]
    fn expired_extras_cost_a_little_and_at_most_ten() {
        let mut case = Case::new(complete());
        case.docs = (1..=7).map(|i| doc(i, i, Some(d(2025, 1, 1)))).collect();
        let c = case.run();
        assert_eq!(c.score, 90);
        assert_eq!(c.issues.len(), 7);
        assert!(c.issues.iter().all(|i| i.severity == Severity::Medium));
        case.docs.truncate(2);
        assert_eq!(case.run().score, 96);
        // Of two current documents of one type, the one that expires last counts.
        case.docs = vec![
            doc(1, 1, Some(d(2025, 1, 1))),
            doc(2, 1, Some(d(2030, 1, 1))),
        ];
        let c = case.run();
        assert_eq!((c.score, c.issues.len()), (100, 0));
        assert_eq!(c.next_expiry, Some(d(2030, 1, 1)));
    }

    #[test]
    fn terminated_staff_are_scored_on_data_only() {
        let mut case = Case::new(complete());
        case.e.status = EmployeeStatus::Terminated;
        case.e.email = None;
        case.needs = vec![Need::Document(5)];
        case.docs = vec![doc(1, 1, Some(d(2025, 1, 1)))];
        case.fixed_term = Some(true);
        let c = case.run();
        assert_eq!(c.score, 97);
        assert_eq!(
            kinds(&c),
            [IssueKind::MissingField {
                field: "email".into()
            }]
        );
        assert_eq!(c.next_expiry, None);
    }
}
