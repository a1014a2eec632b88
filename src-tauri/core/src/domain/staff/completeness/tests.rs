//! The scoring rules, one by one, without a database.

use super::score::{fix, FIELDS};
use super::*;
use crate::domain::codice_fiscale::Sex;
use crate::domain::staff::employee::EmployeeStatus;
use chrono::Utc;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn today() -> NaiveDate {
    d(2026, 3, 2)
}

/// An employee with every field filled and valid (a field added later starts empty here).
#[allow(clippy::needless_update)]
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
        ..Default::default()
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
