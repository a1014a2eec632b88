//! Writes the audit history planned in `audit_plan` through core's audit store functions, so
//! every row has its history entry: templates from the starter checklists, audits with their
//! scope, results, evidence with its small file, findings and corrective actions. The generator
//! calls it between its staff batches, so history stays in date order.

use crate::audit_plan::{self, Plan, Step, SAFETY_150, TEMPLATES};
use crate::company::Dept;
use backoffice_core::blobs::Blobs;
use backoffice_core::domain::attachment::ValidMeta;
use backoffice_core::domain::audits::audit::{AuditStatus, ValidAudit};
use backoffice_core::domain::audits::evidence::ValidEvidence;
use backoffice_core::domain::audits::finding::{ActionStatus, Severity, ValidAction, ValidFinding};
use backoffice_core::domain::audits::result::Outcome;
use backoffice_core::domain::audits::score::by_section;
use backoffice_core::domain::audits::starter::starter;
use backoffice_core::domain::audits::template::{ValidItem, ValidTemplate};
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::text::fold_key;
use backoffice_core::domain::users::NewUserInput;
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::attachments::{self, Owner, StoredFile};
use backoffice_core::store::audits::actions::{self, ActionProgress};
use backoffice_core::store::audits::audit::{self as audit_store, StatusChange};
use backoffice_core::store::audits::{evidence, findings, results, templates};
use backoffice_core::store::{recorded, WriteTx};
use backoffice_core::{Error, ErrorCode};
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use rusqlite::ToSql;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::time::Instant;

/// The auditors (accounting & audit role); the first leads two series in five.
pub const AUDITORS: [(&str, &str); 4] = [
    ("a.ferri", "Alessandra Ferri"),
    ("l.gallo", "Luca Gallo"),
    ("s.conti", "Sara Conti"),
    ("r.marino", "Roberto Marino"),
];

type Result<T> = backoffice_core::Result<T>;

/// A template as written: its name, newest version and items (id, code, requirement).
struct Written {
    name: String,
    id: i64,
    version: i64,
    items: Vec<(i64, String, String)>,
}

pub struct AuditHistory {
    plan: Plan,
    next: usize,
    depts: Vec<Dept>,
    /// Hire indices of the people who own actions and evidence and are audited.
    owners: Vec<usize>,
    leads: Vec<(i64, &'static str)>,
    templates: Vec<Written>,
    audit_ids: Vec<i64>,
    series_ids: HashMap<usize, i64>,
    result_ids: HashMap<(usize, usize), i64>,
    finding_ids: HashMap<(usize, usize), i64>,
    action_ids: HashMap<(usize, usize, usize), i64>,
    files: u64,
    blobs: Option<Blobs>,
    pub seconds: f64,
}

fn ts(d: NaiveDate, seconds: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)) + Duration::seconds(seconds)
}

fn io(e: std::io::Error) -> Error {
    Error::new(ErrorCode::DbIo, e.to_string())
}

/// The template's items: the starter's own, or its sections repeated under new codes until
/// `count` items (a site-by-site version of the same checklist).
fn template_items(key: &str, count: Option<usize>) -> Result<Vec<ValidItem>> {
    let s = starter(key).ok_or_else(|| Error::not_found("starter checklist"))?;
    let base: Vec<ValidItem> = s
        .sections
        .iter()
        .flat_map(|sec| {
            sec.items.iter().map(move |i| ValidItem {
                section: sec.title.it.clone(),
                code: i.code.clone(),
                requirement: i.requirement.it.clone(),
                reference: Some(i.reference.it.clone()),
                guidance: Some(i.guidance.it.clone()),
                evidence_expected: Some(i.evidence.it.clone()),
                weight: i64::from(i.weight),
            })
        })
        .collect();
    let Some(count) = count else {
        return Ok(base);
    };
    let areas = [
        "Produzione",
        "Magazzino",
        "Logistica",
        "Manutenzione",
        "Uffici",
        "Cantieri",
    ];
    let mut out = Vec::with_capacity(count);
    for (round, area) in areas.iter().enumerate() {
        for i in &base {
            if out.len() == count {
                return Ok(out);
            }
            // "SAF-3.2" becomes "SAF-13.2", "SAF-23.2"… in the later rounds.
            let (prefix, rest) = i.code.split_once('-').unwrap_or(("SAF", "1.1"));
            let (major, minor) = rest.split_once('.').unwrap_or((rest, "1"));
            let major: usize = major.parse().unwrap_or(1);
            out.push(ValidItem {
                section: format!("{}: {}", area, i.section),
                code: format!("{prefix}-{}.{minor}", major + 10 * round),
                ..i.clone()
            });
        }
    }
    Ok(out)
}

impl AuditHistory {
    /// Plans the history for a company of `employees` people; `owners` are hire indices of
    /// people employed through the whole history.
    pub fn new(
        seed: u64,
        employees: usize,
        as_of: NaiveDate,
        depts: &[Dept],
        owners: Vec<usize>,
    ) -> Result<Self> {
        let mut items = [0usize; 4];
        for (n, (key, count)) in items.iter_mut().zip(TEMPLATES) {
            *n = template_items(key, count)?.len();
        }
        let plan = audit_plan::plan(
            seed,
            employees,
            as_of,
            items,
            depts.len(),
            owners.len().max(1),
            AUDITORS.len(),
        );
        Ok(Self {
            audit_ids: vec![0; plan.audits.len()],
            plan,
            next: 0,
            depts: depts.to_vec(),
            owners,
            leads: Vec::new(),
            templates: Vec::new(),
            series_ids: HashMap::new(),
            result_ids: HashMap::new(),
            finding_ids: HashMap::new(),
            action_ids: HashMap::new(),
            files: 0,
            blobs: None,
            seconds: 0.0,
        })
    }

    /// The auditors' accounts, made by the administrator.
    pub fn accounts(&mut self, app: &Backoffice, admin: &Ctx, seed: u64) -> Result<()> {
        for (username, name) in AUDITORS {
            let u = app.create_user(
                admin,
                &NewUserInput {
                    username: username.into(),
                    full_name: name.into(),
                    password: format!("{username}-password-{seed}"),
                    roles: vec![Role::Accounting],
                },
            )?;
            self.leads.push((u.id, username));
        }
        Ok(())
    }

    /// Writes every step dated before `until`: one transaction per day and auditor, at a time
    /// of that day after the staff batch that ended before it.
    pub fn write_before(
        &mut self,
        app: &Backoffice,
        set_clock: &dyn Fn(DateTime<Utc>),
        until: NaiveDate,
        emp_ids: &[i64],
        dept_ids: &[i64],
    ) -> Result<()> {
        if self.owners.is_empty() || self.leads.is_empty() {
            return Ok(());
        }
        if self.blobs.is_none() {
            self.blobs = Some(app.blobs());
        }
        let started = Instant::now();
        let mut k = 0i64;
        let mut last_day = None;
        while self.next < self.plan.steps.len() && self.plan.steps[self.next].day < until {
            let first = self.plan.steps[self.next];
            let end = self.plan.steps[self.next..]
                .iter()
                .position(|s| s.day != first.day || s.lead != first.lead)
                .map_or(self.plan.steps.len(), |p| self.next + p);
            if last_day != Some(first.day) {
                k = 0;
                last_day = Some(first.day);
            }
            set_clock(ts(first.day, 10 * 3600 + k));
            k += 1;
            let (user_id, actor) = self.leads[first.lead];
            let steps = self.plan.steps[self.next..end].to_vec();
            app.store().write(actor, |w| {
                if self.templates.is_empty() {
                    self.write_templates(w)?;
                }
                for s in &steps {
                    self.step(w, s.audit, s.step, s.day, user_id, emp_ids, dept_ids)
                        .map_err(|e| {
                            Error::new(
                                ErrorCode::Internal,
                                format!(
                                    "audit history, {:?} of audit {} on {}: {e}",
                                    s.step, s.audit, s.day
                                ),
                            )
                        })?;
                }
                Ok(())
            })?;
            self.next = end;
        }
        self.seconds += started.elapsed().as_secs_f64();
        Ok(())
    }

    fn write_templates(&mut self, w: &WriteTx) -> Result<()> {
        for (key, count) in TEMPLATES {
            let s = starter(key).ok_or_else(|| Error::not_found("starter checklist"))?;
            let name = match count {
                Some(n) => format!("{}: tutte le aree ({n} punti)", s.name.it),
                None => s.name.it.clone(),
            };
            let v = ValidTemplate {
                name_key: fold_key(&name),
                name: name.clone(),
                description: Some(s.description.it.clone()),
                language: "it".into(),
            };
            let id = templates::insert(w, &v, Some(key))?;
            let version = templates::save_items(w, id, &template_items(key, count)?)?;
            let items = templates::items(w.conn(), version)?
                .into_iter()
                .map(|i| (i.id, i.code, i.requirement))
                .collect();
            self.templates.push(Written {
                name,
                id,
                version,
                items,
            });
        }
        Ok(())
    }

    #[allow(clippy::too_many_arguments)]
    fn step(
        &mut self,
        w: &WriteTx,
        i: usize,
        step: Step,
        day: NaiveDate,
        lead: i64,
        emp_ids: &[i64],
        dept_ids: &[i64],
    ) -> Result<()> {
        let a = &self.plan.audits[i];
        let t = &self.templates[a.template];
        let emp = |o: usize| emp_ids[self.owners[o % self.owners.len()]];
        let id = self.audit_ids[i];
        let version = t.version;
        let status =
            |s: AuditStatus, ended: Option<NaiveDate>, closed: Option<String>| StatusChange {
                status: s,
                started_on: Some(a.start),
                ended_on: ended,
                closed_at: closed,
                reopen_reason: None,
            };
        match step {
            Step::Create => {
                let dept = &self.depts[a.department];
                let short = if a.template == SAFETY_150 {
                    "Sicurezza sul lavoro"
                } else {
                    t.name.split(':').next().unwrap_or(&t.name)
                };
                let title = format!("{short} — {}", dept.name);
                let v = ValidAudit {
                    title_key: fold_key(&title),
                    title,
                    template_id: t.id,
                    scope_note: Some(format!("Reparto {} ({})", dept.name, dept.code)),
                    lead_user_id: lead,
                    planned_start: a.start,
                    planned_end: a.end,
                    recurrence: a.recurrence,
                    department_ids: vec![dept_ids[a.department]],
                    auditee_ids: a.auditees.iter().map(|&o| emp(o)).collect(),
                    asset_ids: vec![],
                    supplier_ids: vec![],
                };
                let series = a
                    .previous
                    .map(|p| (self.series_ids[&a.series], self.audit_ids[p]));
                let new = audit_store::insert(w, &v, t.version, series)?;
                self.series_ids.entry(a.series).or_insert(new);
                self.audit_ids[i] = new;
            }
            Step::Start => {
                templates::freeze(w, t.version)?;
                audit_store::set_status(w, id, &status(AuditStatus::InProgress, None, None))?;
            }
            Step::Assess { from, to } => {
                for ri in from..to {
                    self.assess(w, i, ri, day, emp_ids)?;
                }
                let rows = results::scoring(w.conn(), id, version)?;
                audit_store::set_score(w, id, by_section(&rows).1.score)?;
            }
            Step::Review => {
                audit_store::set_status(w, id, &status(AuditStatus::InReview, None, None))?;
                for (ri, r) in a.results.iter().enumerate() {
                    let Some(&finding) = self.finding_ids.get(&(i, ri)) else {
                        continue;
                    };
                    for (ai, act) in r.actions.iter().enumerate() {
                        let code = &t.items[r.item].1;
                        let v = ValidAction {
                            description: format!(
                                "Azione correttiva {} per {code}: ripristinare il requisito e \
                                 formare il personale coinvolto",
                                ai + 1
                            ),
                            owner_employee_id: emp(act.owner),
                            due_on: act.due,
                            subject: None,
                        };
                        let x = actions::insert(w, finding, &v)?;
                        self.action_ids.insert((i, ri, ai), x);
                    }
                }
            }
            Step::Close => {
                let s = status(AuditStatus::Closed, Some(day), Some(w.now_text()));
                audit_store::set_status(w, id, &s)?;
            }
            Step::ActionDone { result, action } => {
                if let Some(&x) = self.action_ids.get(&(i, result, action)) {
                    let p = ActionProgress {
                        status: ActionStatus::Done,
                        done_on: Some(day),
                        done_note: Some("Eseguita come pianificato".into()),
                        verified_by_user_id: None,
                        verified_on: None,
                        effectiveness: None,
                    };
                    actions::progress(w, x, &p)?;
                }
            }
            Step::ActionVerified { result, action } => {
                let act = a.results[result].actions[action];
                if let (Some(&x), Some(&f)) = (
                    self.action_ids.get(&(i, result, action)),
                    self.finding_ids.get(&(i, result)),
                ) {
                    let p = ActionProgress {
                        status: ActionStatus::Verified,
                        done_on: act.done,
                        done_note: Some("Eseguita come pianificato".into()),
                        verified_by_user_id: Some(lead),
                        verified_on: Some(day),
                        effectiveness: Some(
                            "Verificata a campione: il requisito è rispettato".into(),
                        ),
                    };
                    actions::progress(w, x, &p)?;
                    findings::settle(w, f, day)?;
                }
            }
        }
        Ok(())
    }

    /// One item's result, with its evidence (a small file in the files store) and its finding.
    fn assess(
        &mut self,
        w: &WriteTx,
        i: usize,
        ri: usize,
        day: NaiveDate,
        emp_ids: &[i64],
    ) -> Result<()> {
        let a = &self.plan.audits[i];
        let r = &a.results[ri];
        let t = &self.templates[a.template];
        let (item_id, code, requirement) = &t.items[r.item];
        let audit_id = self.audit_ids[i];
        let outcome = r.outcome.as_str().to_owned();
        let na = (r.outcome == Outcome::NotApplicable)
            .then(|| "Nessuna attività di questo tipo nel periodo".to_owned());
        let notes = (r.outcome != Outcome::Compliant && na.is_none()).then(|| {
            format!(
                "Rilevato durante il sopralluogo del {}",
                day.format("%d/%m/%Y")
            )
        });
        let (actor, now) = (w.actor().to_owned(), w.now_text());
        let result_id = recorded::insert(
            w,
            &results::TRACKED,
            &vec![
                ("audit_id", &audit_id as &dyn ToSql),
                ("item_id", item_id),
                ("result", &outcome),
                ("na_reason", &na),
                ("notes", &notes),
                ("assessed_by", &actor),
                ("assessed_at", &now),
            ],
        )?;
        self.result_ids.insert((i, ri), result_id);
        if let Some((owner, expires)) = r.evidence {
            let dept = &self.depts[a.department];
            let title = format!(
                "Verbale {code} — {} — {}",
                dept.name,
                day.format("%d/%m/%Y")
            );
            let owner_id = emp_ids[self.owners[owner % self.owners.len()]];
            let ev = evidence::insert(
                w,
                &ValidEvidence {
                    title_key: fold_key(&title),
                    title: title.clone(),
                    owner_employee_id: Some(owner_id),
                    notes: None,
                },
            )?;
            self.files += 1;
            let file = self.put_file(w, &title, self.files)?;
            let meta = ValidMeta {
                title,
                issued_on: Some(day),
                expires_on: expires.then(|| day + Months::new(12)),
            };
            let owner = Owner {
                table: &evidence::TRACKED,
                record_id: ev,
            };
            attachments::insert(w, owner, None, &meta, &file)?;
            evidence::link(w, result_id, ev)?;
        }
        let severity = match r.outcome {
            Outcome::Major => Severity::Major,
            Outcome::Minor => Severity::Minor,
            Outcome::Observation => Severity::Observation,
            _ => return Ok(()),
        };
        let short: String = requirement.chars().take(150).collect();
        let title = format!("{code}: {short}");
        let v = ValidFinding {
            title_key: fold_key(&title),
            title,
            severity,
            description: notes,
            root_cause: (severity != Severity::Observation)
                .then(|| "Procedura non aggiornata e formazione insufficiente".to_owned()),
            whys: None,
            subject: None,
        };
        let f = findings::insert(w, audit_id, Some(result_id), &v)?;
        self.finding_ids.insert((i, ri), f);
        Ok(())
    }

    /// A small PDF of a few hundred bytes, unique to this evidence, put in the files store under
    /// its SHA-256 as the app stores attachments. Written without syncing each one: the
    /// generator's whole output is thrown away if it stops half way.
    fn put_file(&self, w: &WriteTx, title: &str, n: u64) -> Result<StoredFile> {
        let bytes = format!(
            "%PDF-1.4\n% Backoffice evidence {n}\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
             2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% {title}\n% {} {}\n\
             trailer << /Root 1 0 R >>\n%%EOF\n",
            w.actor(),
            w.now_text()
        )
        .into_bytes();
        let sha256 = hex::encode(Sha256::digest(&bytes));
        let blobs = self
            .blobs
            .as_ref()
            .ok_or_else(|| Error::internal("no files store"))?;
        let path = blobs.path(&sha256)?;
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
        std::fs::write(&path, &bytes).map_err(io)?;
        Ok(StoredFile {
            sha256,
            size: bytes.len() as i64,
            mime: "application/pdf".into(),
            file_name: format!("verbale_{n}.pdf"),
        })
    }

    /// Counts of what was written, for the generator's log.
    pub fn summary(&self) -> String {
        format!(
            "{} audits, {} results, {} findings, {} actions, {} evidence files: {:.1} s",
            self.audit_ids.iter().filter(|&&id| id > 0).count(),
            self.result_ids.len(),
            self.finding_ids.len(),
            self.action_ids.len(),
            self.files,
            self.seconds
        )
    }
}
