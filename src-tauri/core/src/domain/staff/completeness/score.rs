//! The score itself, block by block (data, contract, requirements, expired extras), each
//! adding its issues to one tally.

use super::{
    Completeness, DocFact, EmployeeFacts, FixTab, FixTarget, Issue, IssueKind, Need, Severity,
    TrainingFact,
};
use crate::domain::codice_fiscale;
use crate::domain::iban;
use crate::domain::staff::employee::{Employee, EmployeeStatus};
use chrono::NaiveDate;
use std::collections::BTreeMap;

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
pub(super) const FIELDS: &[(&str, f64, FixTab, bool)] = &[
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

pub(super) fn fix(tab: FixTab, field: Option<&str>) -> FixTarget {
    FixTarget {
        tab,
        field: field.map(str::to_owned),
    }
}

/// The issues found so far, the nearest expiry and the points lost to expired extras.
#[derive(Default)]
struct Tally {
    issues: Vec<Issue>,
    next_expiry: Option<NaiveDate>,
    extras: f64,
}

impl Tally {
    fn push(&mut self, issue: IssueKind, severity: Severity, urgency: i64, fix: FixTarget) {
        self.issues.push(Issue {
            issue,
            severity,
            urgency,
            fix,
        });
    }

    fn note_expiry(&mut self, d: Option<NaiveDate>) {
        if let Some(d) = d {
            self.next_expiry = Some(self.next_expiry.map_or(d, |n| n.min(d)));
        }
    }
}

pub fn completeness(f: &EmployeeFacts) -> Completeness {
    let mut tally = Tally::default();
    let data = data_block(f, &mut tally);
    // A terminated employee is scored on the data block only: the others count as full.
    let (contract, required) = if f.employee.status == EmployeeStatus::Active {
        (
            contract_block(f, &mut tally),
            requirements_block(f, &mut tally),
        )
    } else {
        (CONTRACT_POINTS, REQUIREMENT_POINTS)
    };
    let total = data + contract + required.max(0.0) - tally.extras.min(EXTRA_EXPIRED_MAX);
    let mut issues = tally.issues;
    // Stable: equal urgencies keep the order the rules above produced them in.
    issues.sort_by_key(|i| std::cmp::Reverse(i.urgency));
    Completeness {
        score: (total.round() as i64).clamp(0, 100),
        issues,
        next_expiry: tally.next_expiry,
    }
}

/// The data block's points: tax code, IBAN and the optional fields.
fn data_block(f: &EmployeeFacts, tally: &mut Tally) -> f64 {
    let e = f.employee;
    let mut data = DATA_POINTS - tax_code_loss(e, f.today, tally);
    match e.iban.as_deref() {
        None => {
            data -= IBAN_POINTS;
            tally.push(
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
            tally.push(
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
            tally.push(
                IssueKind::MissingField {
                    field: field.to_owned(),
                },
                severity,
                urgency,
                fix(tab, Some(field)),
            );
        }
    }
    data
}

/// Points lost by the tax code: all of them when invalid, a few when it disagrees with the
/// birth date or sex.
fn tax_code_loss(e: &Employee, today: NaiveDate, tally: &mut Tally) -> f64 {
    if codice_fiscale::check(&e.tax_code).is_err() {
        tally.push(
            IssueKind::InvalidTaxCode,
            Severity::Critical,
            U_INVALID_TAX_CODE,
            fix(FixTab::Details, Some("tax_code")),
        );
        return TAX_CODE_POINTS;
    }
    let mismatches = codice_fiscale::cross_check(&e.tax_code, e.birth_date, e.sex, today);
    let Some(m) = mismatches.first() else {
        return 0.0;
    };
    tally.push(
        IssueKind::TaxCodeMismatch {
            code: m.code().to_owned(),
        },
        Severity::Low,
        U_TAX_CODE_MISMATCH,
        fix(FixTab::Details, Some("tax_code")),
    );
    TAX_CODE_MISMATCH_POINTS
}

/// The contract block's points: a fixed-term contract needs an end, and the end not past.
fn contract_block(f: &EmployeeFacts, tally: &mut Tally) -> f64 {
    let e = f.employee;
    let mut contract = CONTRACT_POINTS;
    let at = || fix(FixTab::Contract, Some("contract_end"));
    if f.fixed_term == Some(true) && e.contract_end.is_none() {
        contract = 0.0;
        tally.push(
            IssueKind::FixedTermWithoutEnd,
            Severity::High,
            U_FIXED_TERM_WITHOUT_END,
            at(),
        );
    }
    let Some(end) = e.contract_end else {
        return contract;
    };
    tally.note_expiry(Some(end));
    match due(end, f.today) {
        Due::Expired => {
            contract = 0.0;
            tally.push(
                IssueKind::ContractPastEnd { ended_on: end },
                Severity::Critical,
                U_CONTRACT_PAST_END,
                at(),
            );
        }
        Due::Within(bucket, days) => {
            let (severity, urgency) = expiring_urgency(bucket, days);
            let issue = IssueKind::ContractEnding {
                ends_on: end,
                within_days: bucket,
            };
            tally.push(issue, severity, urgency, at());
        }
        Due::Later => {}
    }
    contract
}

/// The requirements block's points: each required document or course missing or expired loses
/// its share; held ones that expire are listed, and expired extras counted.
fn requirements_block(f: &EmployeeFacts, tally: &mut Tally) -> f64 {
    let mut needs: Vec<Need> = f.requirements.to_vec();
    needs.sort();
    needs.dedup();
    let share = if needs.is_empty() {
        0.0
    } else {
        REQUIREMENT_POINTS / needs.len() as f64
    };
    let held = held(f);
    let mut required = REQUIREMENT_POINTS;
    for need in &needs {
        if held.iter().any(|h| h.need == *need) {
            continue;
        }
        required -= share;
        match *need {
            Need::Document(type_id) => tally.push(
                IssueKind::MissingDocument {
                    document_type_id: type_id,
                },
                Severity::High,
                U_MISSING_DOCUMENT,
                fix(FixTab::Documents, None),
            ),
            Need::Course(course_id) => tally.push(
                IssueKind::MissingCourse { course_id },
                Severity::High,
                U_MISSING_COURSE,
                fix(FixTab::Training, None),
            ),
        }
    }
    for h in &held {
        required -= expiry_loss(h, needs.contains(&h.need), share, f.today, tally);
    }
    required
}

/// The best current document of a type or training of a course.
struct Held {
    need: Need,
    id: i64,
    expires_on: Option<NaiveDate>,
}

/// The best current document per type and the best training per course: the one that expires
/// last (never, if any never does); documents first, each kind in id order.
fn held(f: &EmployeeFacts) -> Vec<Held> {
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
    let docs = best_doc.values().map(|d| Held {
        need: Need::Document(d.type_id),
        id: d.id,
        expires_on: d.expires_on,
    });
    let courses = best_course.values().map(|t| Held {
        need: Need::Course(t.course_id),
        id: t.id,
        expires_on: t.expires_on,
    });
    docs.chain(courses).collect()
}

/// Lists a held item that is expired or expiring; returns the requirement points it loses
/// (an expired extra costs the extras instead).
fn expiry_loss(h: &Held, required: bool, share: f64, today: NaiveDate, tally: &mut Tally) -> f64 {
    tally.note_expiry(h.expires_on);
    let Some(exp) = h.expires_on else { return 0.0 };
    let (tab, expired_base) = match h.need {
        Need::Document(_) => (FixTab::Documents, U_EXPIRED_REQUIRED_DOCUMENT),
        Need::Course(_) => (FixTab::Training, U_EXPIRED_REQUIRED_COURSE),
    };
    match due(exp, today) {
        Due::Expired => {
            let (severity, urgency, lost) = if required {
                (Severity::Critical, expired_base, share)
            } else {
                tally.extras += EXTRA_EXPIRED_POINTS;
                (Severity::Medium, U_EXPIRED_EXTRA, 0.0)
            };
            tally.push(
                expired_issue(h, exp, required),
                severity,
                urgency,
                fix(tab, None),
            );
            lost
        }
        Due::Within(bucket, days) => {
            let (severity, urgency) = expiring_urgency(bucket, days);
            tally.push(
                expiring_issue(h, exp, bucket),
                severity,
                urgency,
                fix(tab, None),
            );
            if required && bucket == 30 {
                share * (1.0 - EXPIRING_SHARE_KEPT)
            } else {
                0.0
            }
        }
        Due::Later => 0.0,
    }
}

fn expired_issue(h: &Held, expired_on: NaiveDate, required: bool) -> IssueKind {
    match h.need {
        Need::Document(type_id) => IssueKind::ExpiredDocument {
            document_id: h.id,
            document_type_id: type_id,
            expired_on,
            required,
        },
        Need::Course(course_id) => IssueKind::ExpiredCourse {
            training_id: h.id,
            course_id,
            expired_on,
            required,
        },
    }
}

fn expiring_issue(h: &Held, expires_on: NaiveDate, within_days: i64) -> IssueKind {
    match h.need {
        Need::Document(type_id) => IssueKind::ExpiringDocument {
            document_id: h.id,
            document_type_id: type_id,
            expires_on,
            within_days,
        },
        Need::Course(course_id) => IssueKind::ExpiringCourse {
            training_id: h.id,
            course_id,
            expires_on,
            within_days,
        },
    }
}
