//! The audit history's plan: recurring series of audits over the five years before the "as of"
//! day, each audit's results, evidence, findings and corrective actions, and the dated steps
//! that write them. Pure data from the seed; `audit_history` writes it.

use crate::rng::Rng;
use backoffice_core::domain::audits::audit::Recurrence;
use backoffice_core::domain::audits::result::Outcome;
use chrono::{Duration, Months, NaiveDate};

/// Templates by index: three starters as shipped and the safety starter grown to 150 items.
pub const SAFETY_150: usize = 0;
/// (starter key, items) of each template; `None` items: the starter's own list.
pub const TEMPLATES: [(&str, Option<usize>); 4] = [
    ("safety", Some(150)),
    ("gdpr", None),
    ("purchasing", None),
    ("it_access_backup", None),
];

/// Series at full size (100,000 employees): quarterly ones on the 150-item checklist,
/// half-yearly and yearly ones on the others, about 2,000 audits in all.
const SERIES: [(Recurrence, usize); 3] = [
    (Recurrence::Quarterly, 60),
    (Recurrence::HalfYearly, 50),
    (Recurrence::Yearly, 45),
];
const FULL_STAFF: usize = 100_000;
/// Share of the assessed results that get an evidence record.
const EVIDENCE_SHARE: f64 = 0.25;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlannedAction {
    /// Index into the owner pool.
    pub owner: usize,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub verified: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedResult {
    /// Position in the checklist (0-based).
    pub item: usize,
    pub outcome: Outcome,
    /// Evidence: (owner pool index, expires a year after it was given).
    pub evidence: Option<(usize, bool)>,
    /// Corrective actions of the finding a non-conformity or observation raises.
    pub actions: Vec<PlannedAction>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAudit {
    pub series: usize,
    pub previous: Option<usize>,
    pub template: usize,
    pub lead: usize,
    pub department: usize,
    /// Auditees (owner pool indices).
    pub auditees: Vec<usize>,
    pub recurrence: Recurrence,
    pub created: NaiveDate,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub review: NaiveDate,
    pub close: NaiveDate,
    pub results: Vec<PlannedResult>,
}

/// What happens on a day; the order of the variants is their order within the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    /// First, so that an occurrence that closes on the day the next one starts (its start plus
    /// the interval) plans the next before it starts.
    Close,
    Create,
    Start,
    /// Results `from..to` of the audit, with their evidence and findings.
    Assess {
        from: usize,
        to: usize,
    },
    /// In review: the findings' actions are planned.
    Review,
    ActionDone {
        result: usize,
        action: usize,
    },
    ActionVerified {
        result: usize,
        action: usize,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Dated {
    pub day: NaiveDate,
    pub lead: usize,
    pub step: Step,
    pub audit: usize,
}

pub struct Plan {
    pub audits: Vec<PlannedAudit>,
    /// Every step up to the "as of" day, in the order they are written.
    pub steps: Vec<Dated>,
}

/// The outcome of one assessed item: mostly compliant, about one in ten raising a finding.
fn outcome(r: &mut Rng) -> Outcome {
    match r.below(1000) {
        0..=39 => Outcome::Observation,
        40..=84 => Outcome::Minor,
        85..=99 => Outcome::Major,
        100..=119 => Outcome::NotApplicable,
        _ => Outcome::Compliant,
    }
}

fn actions(r: &mut Rng, review: NaiveDate, as_of: NaiveDate, owners: usize) -> Vec<PlannedAction> {
    let n = 1 + usize::from(r.chance(0.5));
    (0..n)
        .map(|_| {
            let due = review + Duration::days(r.range(30, 120));
            // A few are never done and stay overdue; a few done ones are never verified.
            let done = (!r.chance(0.04))
                .then(|| (due - Duration::days(r.range(0, 25))).max(review + Duration::days(1)))
                .filter(|d| *d <= as_of);
            let verified = done
                .filter(|_| !r.chance(0.03))
                .map(|d| d + Duration::days(r.range(5, 30)))
                .filter(|d| *d <= as_of);
            PlannedAction {
                owner: r.below(owners as u64) as usize,
                due,
                done,
                verified,
            }
        })
        .collect()
}

/// Plans the audits of a company of `employees` people: full size at 100,000, fewer series for
/// a smaller company. `items[t]`: the number of items of template `t`; `owners`: the size of the
/// pool of people who own actions and evidence; `leads`: auditors (the first leads the most).
pub fn plan(
    seed: u64,
    employees: usize,
    as_of: NaiveDate,
    items: [usize; 4],
    departments: usize,
    owners: usize,
    leads: usize,
) -> Plan {
    let mut r = Rng::new(seed).fork(40);
    let scale = (employees as f64 / FULL_STAFF as f64).min(1.0);
    let history_start = as_of - Months::new(60);
    let mut audits: Vec<PlannedAudit> = Vec::new();
    let mut series = 0usize;
    for (recurrence, count) in SERIES {
        let months = recurrence.months().unwrap_or(12);
        for k in 0..((count as f64 * scale).round() as usize).max(1) {
            let template = if recurrence == Recurrence::Quarterly {
                SAFETY_150
            } else {
                1 + (k % 3)
            };
            // The first auditor leads two series in five; the others share the rest.
            let lead = if series % 5 < 2 || leads < 2 {
                0
            } else {
                1 + series % (leads - 1)
            };
            let department = (series * 7 + k) % departments;
            let auditees: Vec<usize> = (0..r.range(0, 3))
                .map(|_| r.below(owners as u64) as usize)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect();
            let mut start = history_start + Duration::days(r.range(0, i64::from(months) * 30));
            let mut created = start - Duration::days(r.range(14, 40));
            let mut previous = None;
            loop {
                let end = start + Duration::days(r.range(5, 20));
                // Most close within days of the planned end; some run weeks late.
                let close = if r.chance(0.85) {
                    end + Duration::days(r.range(0, 10))
                } else {
                    end + Duration::days(r.range(20, 90))
                };
                let review = (close - Duration::days(r.range(1, 4))).max(start + Duration::days(1));
                let mut results = Vec::new();
                for item in 0..items[template] {
                    let o = outcome(&mut r);
                    let evidence = (o != Outcome::NotApplicable && r.chance(EVIDENCE_SHARE))
                        .then(|| (r.below(owners as u64) as usize, r.chance(0.2)));
                    let acts = match o {
                        Outcome::Minor | Outcome::Major | Outcome::Observation => {
                            actions(&mut r, review, as_of, owners)
                        }
                        _ => Vec::new(),
                    };
                    results.push(PlannedResult {
                        item,
                        outcome: o,
                        evidence,
                        actions: acts,
                    });
                }
                audits.push(PlannedAudit {
                    series,
                    previous,
                    template,
                    lead,
                    department,
                    auditees: auditees.clone(),
                    recurrence,
                    created,
                    start,
                    end,
                    review,
                    close,
                    results,
                });
                previous = Some(audits.len() - 1);
                // The next occurrence is planned when this one closes, as the app does.
                let Some((next, _)) = recurrence.next(start, end, close) else {
                    break;
                };
                if close > as_of {
                    break;
                }
                created = close;
                start = next;
            }
            series += 1;
        }
    }
    let steps = steps(&audits, as_of);
    Plan { audits, steps }
}

/// The dated steps of every audit up to `as_of`, sorted.
fn steps(audits: &[PlannedAudit], as_of: NaiveDate) -> Vec<Dated> {
    let mut out = Vec::new();
    for (i, a) in audits.iter().enumerate() {
        let mut push = |day: NaiveDate, step: Step| {
            if day <= as_of {
                out.push(Dated {
                    day,
                    lead: a.lead,
                    step,
                    audit: i,
                });
            }
        };
        push(a.created, Step::Create);
        push(a.start, Step::Start);
        // Three sittings between the start and the planned end.
        let n = a.results.len();
        let span = (a.end - a.start).num_days().max(3);
        for k in 0..3 {
            let day = (a.start + Duration::days(span * k as i64 / 3)).min(a.review);
            push(
                day,
                Step::Assess {
                    from: n * k / 3,
                    to: n * (k + 1) / 3,
                },
            );
        }
        push(a.review, Step::Review);
        push(a.close, Step::Close);
        for (ri, res) in a.results.iter().enumerate() {
            for (ai, act) in res.actions.iter().enumerate() {
                if let Some(d) = act.done {
                    push(
                        d,
                        Step::ActionDone {
                            result: ri,
                            action: ai,
                        },
                    );
                }
                if let Some(v) = act.verified {
                    push(
                        v,
                        Step::ActionVerified {
                            result: ri,
                            action: ai,
                        },
                    );
                }
            }
        }
    }
    out.sort_by_key(|d| (d.day, d.lead, d.step, d.audit));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn full_size_is_about_two_thousand_audits_and_deterministic() {
        let p = plan(42, 100_000, d(2026, 3, 2), [150, 28, 26, 29], 40, 5000, 5);
        let q = plan(42, 100_000, d(2026, 3, 2), [150, 28, 26, 29], 40, 5000, 5);
        assert_eq!(p.audits, q.audits);
        assert!((1800..2300).contains(&p.audits.len()), "{}", p.audits.len());
        let results: usize = p.audits.iter().map(|a| a.results.len()).sum();
        assert!((180_000..240_000).contains(&results), "{results}");
        // The last audit of each series is not closed by the "as of" day.
        assert!(p.audits.iter().any(|a| a.start > d(2026, 3, 2)));
        // Every audit is created before anything else happens to it, and closes last.
        let mut created = vec![false; p.audits.len()];
        for s in &p.steps {
            if s.step == Step::Create {
                created[s.audit] = true;
            }
            assert!(created[s.audit], "{s:?}");
        }
    }
}
