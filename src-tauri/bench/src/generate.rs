//! The data generator: a realistic Italian company written through the real services and store
//! functions, so every row has its history row, its search entry and its index entries.
//!
//! The company's life is a list of dated events (hires, documents and their renewals, training,
//! address changes, terminations, files opened), replayed in date order in large transactions on
//! a clock that follows the events; history timestamps therefore run from the first hire to the
//! "as of" day. Everything random comes from one seed.

use crate::asset_rows::AssetRows;
use crate::audit_history::AuditHistory;
use crate::company::{self, Dept, HEAD_JOB};
use crate::people::{People, Person};
use crate::purchase_rows::PurchaseRows;
use crate::rng::Rng;
use backoffice_core::domain::attachment::ValidMeta;
use backoffice_core::domain::department::DepartmentInput;
use backoffice_core::domain::history::ChangeOp;
use backoffice_core::domain::organisation::OrganisationInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::staff::catalog::{add_months, Required, RequirementInput};
use backoffice_core::domain::staff::catalog::{ContractType, Course, DocumentType};
use backoffice_core::domain::staff::document::ValidTraining;
use backoffice_core::domain::staff::employee::{EmployeeInput, EmployeeRules, ValidEmployee};
use backoffice_core::domain::users::{NewUserInput, SetupInput};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::attachments::{self, Owner, StoredFile};
use backoffice_core::store::retired_list;
use backoffice_core::store::{
    departments, staff::employees, staff::requirements, staff::scores, staff::training, Clock,
    WriteTx, DB_FILE_NAME,
};
use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::Instant;

pub struct Options {
    pub employees: usize,
    /// Records in total: employees + documents + training records.
    pub records: usize,
    pub seed: u64,
    pub data_dir: PathBuf,
    /// The day the company's history ends (expiries are relative to it).
    pub as_of: NaiveDate,
    /// Purchase orders over the last four years (suppliers, receipts and invoices in
    /// proportion, see `purchase_plan`); none when 0.
    pub orders: usize,
}

/// What was written, and how long it took.
#[derive(Debug, Clone)]
pub struct Summary {
    pub admin_username: String,
    pub admin_password: String,
    pub departments: i64,
    pub requirements: i64,
    pub users: i64,
    pub employees: i64,
    pub terminated: i64,
    pub documents: i64,
    pub training: i64,
    pub changes: i64,
    pub suppliers: i64,
    pub orders: i64,
    pub order_lines: i64,
    pub receipts: i64,
    pub invoices: i64,
    pub file_bytes: u64,
    pub seconds: f64,
}

impl Summary {
    /// Rows in the business tables (history not counted).
    pub fn records(&self) -> i64 {
        self.employees + self.documents + self.training + self.departments + self.requirements
    }
}

/// Parses `1m`, `250k`, `1000000`.
pub fn parse_scale(s: &str) -> Option<usize> {
    let s = s.trim().to_lowercase();
    let (num, mult) = match s.chars().last()? {
        'k' => (&s[..s.len() - 1], 1_000),
        'm' => (&s[..s.len() - 1], 1_000_000),
        _ => (&s[..], 1),
    };
    num.parse::<f64>()
        .ok()
        .filter(|n| *n > 0.0)
        .map(|n| (n * mult as f64).round() as usize)
}

/// The password of the generated administrator (printed, and reproducible from the seed).
pub fn admin_password(seed: u64) -> String {
    format!("Bench-{seed}-Segreta!")
}

pub const ADMIN: &str = "admin";
/// The HR officer whose name the generated history carries.
pub const HR: &str = "hr.bianchi";

fn ts(d: NaiveDate, seconds: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_hms_opt(8, 0, 0).expect("valid time")) + Duration::seconds(seconds)
}

/// A clock the generator sets to each batch's day.
#[derive(Clone)]
struct SimClock(Arc<AtomicI64>);

impl SimClock {
    fn set(&self, t: DateTime<Utc>) {
        self.0.store(t.timestamp_millis(), Ordering::Relaxed);
    }

    fn clock(&self) -> Clock {
        let ms = self.0.clone();
        Arc::new(move || {
            Utc.timestamp_millis_opt(ms.load(Ordering::Relaxed))
                .single()
                .expect("valid instant")
        })
    }
}

/// One person's employment, decided up front.
struct Hire {
    person: Person,
    dept: usize,
    job: &'static str,
    contract: &'static str,
    hired: NaiveDate,
    contract_end: Option<NaiveDate>,
    /// When and why the employment ends (before `as_of`).
    left: Option<(NaiveDate, &'static str)>,
    level: String,
    head: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
enum DocKind {
    Contract,
    Privacy,
    IdCard,
    Medical,
    Residence,
    Certificate,
    Other,
}

impl DocKind {
    fn code(self) -> &'static str {
        match self {
            DocKind::Contract => "contract",
            DocKind::Privacy => "privacy_consent",
            DocKind::IdCard => "id_card",
            DocKind::Medical => "medical_fitness",
            DocKind::Residence => "residence_permit",
            DocKind::Certificate => "certificate",
            DocKind::Other => "other",
        }
    }

    const ALL: [DocKind; 7] = [
        DocKind::Contract,
        DocKind::Privacy,
        DocKind::IdCard,
        DocKind::Medical,
        DocKind::Residence,
        DocKind::Certificate,
        DocKind::Other,
    ];
}

const COURSE_CODES: [&str; 5] = [
    "safety_general",
    "safety_specific_low",
    "fire_fighting",
    "first_aid",
    "rls",
];

/// Something that happens to employee `emp` on `date`. The order of the variants is the order of
/// events on the same day: a hire before anything about the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum What {
    Hire,
    /// A document; `renews` when it replaces the current one of the same kind; `expires` its end.
    Doc {
        kind: DocKind,
        renews: bool,
        issued: NaiveDate,
        expires: Option<NaiveDate>,
    },
    Training {
        course: usize,
    },
    Moved,
    Opened,
    Leave,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Event {
    date: NaiveDate,
    what: What,
    emp: u32,
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

fn days_between(r: &mut Rng, from: NaiveDate, until: NaiveDate) -> NaiveDate {
    let span = (until - from).num_days().max(0);
    from + Duration::days(r.range(0, span))
}

/// The versions of something renewed every `months` while employed, oldest first: (issued,
/// expires). `lapse`: the last renewal was missed (the current one has expired).
fn chain(
    r: &mut Rng,
    first: NaiveDate,
    end: NaiveDate,
    months: i64,
    lapse: bool,
) -> Vec<(NaiveDate, NaiveDate)> {
    let mut v = Vec::new();
    let mut issued = first;
    loop {
        let expires = add_months(issued, months);
        v.push((issued, expires));
        // Renewed a few weeks before expiry.
        let next = expires - Duration::days(r.range(5, 45));
        if next > end {
            break;
        }
        issued = next.max(issued + Duration::days(1));
    }
    if lapse && v.len() > 1 {
        v.pop();
    }
    v
}

/// The versions of one series: (issued, expires), oldest first.
type Versions = Vec<(NaiveDate, Option<NaiveDate>)>;

/// Plans the company: people, employments and every dated event, within `budget` documents and
/// training records in total.
fn plan(o: &Options, depts: &[Dept]) -> (Vec<Hire>, Vec<Event>) {
    let root = Rng::new(o.seed);
    let mut people = People::new(root.fork(1), "tessiture-adriatiche.it");
    let mut r = root.fork(2);
    let weights = company::department_weights(depts);
    let founded = d(2016, 1, 4);
    let n = o.employees.max(depts.len());
    let mut hires = Vec::with_capacity(n);
    for i in 0..n {
        let person = people.next(d(1958, 1, 1), d(2005, 12, 31));
        let head = i < depts.len();
        let dept = if head { i } else { *r.weighted(&weights) };
        let f = depts[dept].function;
        let job = if head { HEAD_JOB } else { *r.weighted(f.jobs) };
        let contract = if head {
            "permanent"
        } else {
            *r.weighted(company::CONTRACTS)
        };
        let adult = person.birth_date + Duration::days(18 * 366);
        // A third of the staff were already employed when the company started using the app.
        let hired = if head {
            days_between(
                &mut r,
                adult.max(d(1995, 1, 1)),
                founded - Duration::days(1),
            )
        } else if r.chance(0.33) {
            days_between(
                &mut r,
                adult.max(d(1990, 1, 1)),
                founded - Duration::days(1),
            )
        } else {
            days_between(&mut r, adult.max(founded), o.as_of - Duration::days(1))
        };
        let hired = hired.max(adult);
        let contract_end = (contract == "fixed_term")
            .then(|| add_months(hired, *r.pick(&[6, 12, 12, 18, 24, 36])));
        let mut left = None;
        let first_day_counted = hired.max(founded);
        if !head && r.chance(0.1) && first_day_counted + Duration::days(60) < o.as_of {
            let date = days_between(&mut r, first_day_counted + Duration::days(30), o.as_of);
            let reason = *r.pick(&[
                "Dimissioni volontarie",
                "Fine contratto a termine",
                "Pensionamento",
                "Licenziamento per giustificato motivo oggettivo",
                "Risoluzione consensuale",
            ]);
            left = Some((date.max(hired + Duration::days(1)), reason));
        }
        let level = company::level(&mut r, f.ccnl, head);
        hires.push(Hire {
            person,
            dept,
            job,
            contract,
            hired,
            contract_end,
            left,
            level,
            head,
        });
    }

    // Documents and training: each person's most recent ones within their share of the budget.
    let budget = o.records.saturating_sub(n);
    let per = budget as f64 / n as f64;
    let mut events = Vec::with_capacity(budget + 3 * n);
    for (i, h) in hires.iter().enumerate() {
        let mut r = root.fork(1000 + i as u64);
        let emp = i as u32;
        let start = h.hired.max(founded);
        let end = h.left.map_or(o.as_of, |(d, _)| d);
        events.push(Event {
            date: start,
            what: What::Hire,
            emp,
        });
        let share = ((i + 1) as f64 * per).floor() as usize - (i as f64 * per).floor() as usize;
        let f = depts[h.dept].function;
        let foreign = h.person.birth_place.len() < 12
            && crate::people::PLACES
                .iter()
                .any(|p| p.0 == h.person.birth_place && p.2.is_none());
        // Candidate series, most important first; each oldest first.
        let mut series: Vec<(What, Versions)> = Vec::new();
        let once = |k: DocKind, date: NaiveDate| {
            (
                What::Doc {
                    kind: k,
                    renews: false,
                    issued: date,
                    expires: None,
                },
                vec![(date, None)],
            )
        };
        series.push(once(DocKind::Contract, start));
        series.push(once(DocKind::Privacy, start));
        let id_first = start - Duration::days(r.range(0, 9 * 365));
        let ids = chain(&mut r, id_first, end, 120, false)
            .into_iter()
            .map(|(a, b)| (a, Some(b)))
            .collect();
        series.push((
            What::Doc {
                kind: DocKind::IdCard,
                renews: true,
                issued: start,
                expires: None,
            },
            ids,
        ));
        series.push((What::Training { course: 0 }, vec![(start, None)]));
        let mut timed = |what: What, months: i64, first: NaiveDate, lapse: bool| {
            let v = chain(&mut r, first, end, months, lapse)
                .into_iter()
                .map(|(a, b)| (a, Some(b)))
                .collect::<Vec<_>>();
            series.push((what, v));
        };
        let doc = |kind| What::Doc {
            kind,
            renews: true,
            issued: start,
            expires: None,
        };
        if f.operational {
            timed(doc(DocKind::Medical), 12, start, i % 23 == 0);
            timed(What::Training { course: 1 }, 60, start, false);
        }
        if foreign {
            timed(doc(DocKind::Residence), 24, start, i % 17 == 0);
        }
        if h.job == "Carrellista" || i % 4 == 0 {
            timed(What::Training { course: 2 }, 60, start, false);
        }
        if h.head || i % 10 == 0 {
            timed(What::Training { course: 3 }, 36, start, i % 7 == 0);
        }
        if h.job == "RSPP" || i % 97 == 0 {
            timed(What::Training { course: 4 }, 12, start, false);
        }
        // The current version of each series first (most important first), then older versions,
        // newest first, while this person's share of the budget lasts.
        let mut take = vec![0usize; series.len()];
        let mut left_over = share;
        for (t, (_, versions)) in take.iter_mut().zip(&series) {
            if left_over > 0 && !versions.is_empty() {
                *t = 1;
                left_over -= 1;
            }
        }
        for (t, (_, versions)) in take.iter_mut().zip(&series) {
            let more = (versions.len() - *t).min(left_over);
            *t += more;
            left_over -= more;
        }
        for ((what, versions), take) in series.into_iter().zip(take) {
            // The most recent `take` versions; the first of them is not a renewal.
            let kept = &versions[versions.len() - take..];
            for (k, &(issued, expires)) in kept.iter().enumerate() {
                let when = issued.max(start).min(end);
                let what = match what {
                    What::Doc { kind, renews, .. } => What::Doc {
                        kind,
                        renews: renews && k > 0,
                        issued,
                        expires,
                    },
                    w => w,
                };
                events.push(Event {
                    date: when,
                    what,
                    emp,
                });
            }
        }
        // Whatever is left: certificates and other papers filed over the years.
        for _ in 0..left_over {
            let kind = if r.chance(0.5) {
                DocKind::Certificate
            } else {
                DocKind::Other
            };
            let date = days_between(&mut r, start, end);
            events.push(Event {
                date,
                what: What::Doc {
                    kind,
                    renews: false,
                    issued: date,
                    expires: None,
                },
                emp,
            });
        }
        if r.chance(0.05) && start + Duration::days(30) < end {
            events.push(Event {
                date: days_between(&mut r, start + Duration::days(1), end),
                what: What::Moved,
                emp,
            });
        }
        if r.chance(0.03) {
            events.push(Event {
                date: days_between(&mut r, start, end),
                what: What::Opened,
                emp,
            });
        }
        if let Some((date, _)) = h.left {
            events.push(Event {
                date,
                what: What::Leave,
                emp,
            });
        }
    }
    // Heads first on the company's first day, so everyone else can report to them.
    events.sort_by_key(|e| {
        (
            e.date,
            e.what != What::Hire || !hires[e.emp as usize].head,
            *e,
        )
    });
    (hires, events)
}

/// A tiny valid PDF: every document row points at one of these (one per document type).
fn tiny_pdf(title: &str) -> Vec<u8> {
    format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n\
         2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n\
         % {title}\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )
    .into_bytes()
}

fn slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            'a'..='z' | '0'..='9' => out.push(c),
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            'à' | 'á' => out.push('a'),
            'è' | 'é' => out.push('e'),
            'ì' => out.push('i'),
            'ò' => out.push('o'),
            'ù' => out.push('u'),
            _ if !out.ends_with('_') => out.push('_'),
            _ => {}
        }
    }
    out.trim_matches('_').to_owned()
}

const PROVIDERS: &[&str] = &[
    "Formazione Sicura S.r.l.",
    "Ente Bilaterale Territoriale",
    "Centro Formazione Professionale",
    "Croce Rossa Italiana",
    "Studio Tecnico Sicurezza Lavoro",
    "Associazione Industriali - servizi formativi",
];

/// Writes the company into `o.data_dir`; refuses a directory that already holds a database.
pub fn generate(o: &Options, log: &mut dyn FnMut(&str)) -> backoffice_core::Result<Summary> {
    let started = Instant::now();
    if o.data_dir.join(DB_FILE_NAME).exists() {
        return Err(backoffice_core::Error::new(
            backoffice_core::ErrorCode::Validation,
            format!(
                "{} already holds a database; generate into a new directory",
                o.data_dir.display()
            ),
        ));
    }
    std::fs::create_dir_all(&o.data_dir).map_err(|e| {
        backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
    })?;
    let sim = SimClock(Arc::new(AtomicI64::new(0)));
    let founded = d(2016, 1, 4);
    sim.set(ts(founded, 0));
    let app = Backoffice::open(&o.data_dir, sim.clock())?;
    let mut r = Rng::new(o.seed).fork(3);

    // The organisation and its administrator, through first-run setup (which also creates the
    // default contract types, document types and courses), then the HR officer.
    let password = admin_password(o.seed);
    let session = app.setup(&SetupInput {
        organisation: OrganisationInput {
            name: "Tessiture Adriatiche S.p.A.".into(),
            vat_number: Some(company::vat_number(&mut r)),
            street: Some("Via dell'Industria 42".into()),
            postal_code: Some("20126".into()),
            city: Some("Milano".into()),
            province: Some("MI".into()),
            country: "IT".into(),
            currency: "EUR".into(),
            locale: "it".into(),
            auto_lock_minutes: 15,
            version: 0,
        },
        admin: NewUserInput {
            username: ADMIN.into(),
            full_name: "Anna Amministratrice".into(),
            password: password.clone(),
            roles: vec![],
        },
    })?;
    let admin = Ctx::new(session.user.id, ADMIN, session.user.roles.clone());
    for (username, name, role) in [
        (HR, "Beatrice Bianchi", Role::Hr),
        ("m.verdi", "Marco Verdi", Role::Manager),
        ("c.neri", "Carla Neri", Role::Accounting),
    ] {
        app.create_user(
            &admin,
            &NewUserInput {
                username: username.into(),
                full_name: name.into(),
                password: format!("{username}-password-{}", o.seed),
                roles: vec![role],
            },
        )?;
    }
    log(&format!(
        "setup and accounts: {:.1} s",
        started.elapsed().as_secs_f64()
    ));

    let depts = company::departments();
    let (hires, events) = plan(o, &depts);
    // Audits run over the last five years: who owns actions and evidence was employed before
    // the company started using the app and never left.
    let owners = (0..hires.len())
        .filter(|&i| hires[i].hired < founded && hires[i].left.is_none())
        .collect();
    let mut audits = AuditHistory::new(o.seed, hires.len(), o.as_of, &depts, owners)?;
    audits.accounts(&app, &admin, o.seed)?;
    let people: Vec<(NaiveDate, Option<NaiveDate>)> = hires
        .iter()
        .map(|h| (h.hired, h.left.map(|l| l.0)))
        .collect();
    let mut assets = AssetRows::new(o.seed, o.as_of, &people);
    assets.accounts(&app, &admin, o.seed)?;
    let mut purchases = PurchaseRows::new(o.seed, o.orders, o.as_of, depts.len());
    if o.orders > 0 {
        let manager = app
            .list_users(&admin)?
            .into_iter()
            .find(|u| u.username == "m.verdi")
            .map_or(0, |u| u.id);
        purchases.accounts(&app, &admin, manager, o.seed)?;
    }
    log(&format!(
        "planned {} people and {} events: {:.1} s",
        hires.len(),
        events.len(),
        started.elapsed().as_secs_f64()
    ));

    // Blobs: one small PDF per document type, shared by every document of that type.
    let files_dir = o.data_dir.join("generator-files");
    std::fs::create_dir_all(&files_dir).map_err(|e| {
        backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
    })?;
    let mut stored: Vec<StoredFile> = Vec::new();
    for k in DocKind::ALL {
        let p = files_dir.join(format!("{}.pdf", k.code()));
        std::fs::write(&p, tiny_pdf(k.code())).map_err(|e| {
            backoffice_core::Error::new(backoffice_core::ErrorCode::DbIo, e.to_string())
        })?;
        stored.push(app.blobs().put_file(&p)?);
    }
    let _ = std::fs::remove_dir_all(&files_dir);

    // Departments (with their heads' names) and what each requires.
    let store = app.store();
    let (dept_ids, doc_types, course_ids) = store.write(HR, |w| {
        let mut ids = Vec::new();
        for (i, dep) in depts.iter().enumerate() {
            let head = &hires[i].person;
            let v = DepartmentInput {
                name: dep.name.clone(),
                code: Some(dep.code.clone()),
                head: Some(format!("{} {}", head.first_name, head.last_name)),
                cost_centre: Some(dep.cost_centre.clone()),
            }
            .validate()?;
            ids.push(departments::insert(w, &v)?.id);
        }
        let c = w.conn();
        let mut doc_types = Vec::new();
        for k in DocKind::ALL {
            doc_types.push(
                retired_list::by_code::<DocumentType>(c, k.code())?
                    .ok_or_else(|| backoffice_core::Error::not_found("document type"))?,
            );
        }
        let mut course_list = Vec::new();
        for code in COURSE_CODES {
            course_list.push(
                retired_list::by_code::<Course>(c, code)?
                    .ok_or_else(|| backoffice_core::Error::not_found("course"))?,
            );
        }
        let doc = |k: DocKind| Required::Document {
            document_type_id: doc_types[DocKind::ALL.iter().position(|x| *x == k).unwrap_or(0)].id,
        };
        let course = |i: usize| Required::Course {
            course_id: course_list[i].id,
        };
        let mut reqs = vec![
            (None, None, doc(DocKind::Contract)),
            (None, None, doc(DocKind::IdCard)),
            (None, None, doc(DocKind::Privacy)),
            (None, None, course(0)),
            (Some("Carrellista"), None, course(2)),
            (Some(HEAD_JOB), None, course(3)),
            (Some("RSPP"), None, course(4)),
        ];
        for (i, dep) in depts.iter().enumerate() {
            if dep.function.operational {
                reqs.push((None, Some(ids[i]), doc(DocKind::Medical)));
                reqs.push((None, Some(ids[i]), course(1)));
            }
        }
        for (job, dept, required) in reqs {
            let v = RequirementInput {
                job_title: job.map(str::to_owned),
                department_id: dept,
                required,
            }
            .validate()?;
            requirements::insert(w, &v)?;
        }
        Ok((ids, doc_types, course_list))
    })?;

    // The company's life, in date order, a few thousand events per transaction.
    let contract_types = app.list_contract_types(&admin, true)?;
    let contract_id = |code: &str| {
        contract_types
            .iter()
            .find(|t| t.code.as_deref() == Some(code))
            .map(|t| (t.id, t.fixed_term))
    };
    let mut emp_ids = vec![0i64; hires.len()];
    let mut emp_versions = vec![0i64; hires.len()];
    let mut current_doc: std::collections::HashMap<(u32, DocKind), (i64, i64)> =
        std::collections::HashMap::new();
    // A few thousand events per transaction at full size; a small company's batches stay a few
    // weeks long, so the people who hold assets are written before their first hand-over.
    let events_per_tx = (events.len() / 400).clamp(10, 5000);
    let mut written = 0usize;
    let mut next_report = 100_000;
    for (b, batch) in events.chunks(events_per_tx).enumerate() {
        let last = batch.last().map_or(o.as_of, |e| e.date);
        let mut h = (&mut audits, &mut assets, &mut purchases);
        history_before(&app, &sim, &mut h, last, &emp_ids, &dept_ids)?;
        // Early on the batch's last day: the audits (10:00) and the IT inventory (11:00) of that
        // day are written after it.
        sim.set(ts(last, b as i64));
        let today = last;
        store.write(HR, |w| {
            for e in batch {
                let i = e.emp as usize;
                let h = &hires[i];
                let mut r = Rng::new(o.seed).fork(5_000_000 + written as u64);
                written += 1;
                match e.what {
                    What::Hire => {
                        let (ct, fixed) = contract_id(h.contract).unzip();
                        let p = &h.person;
                        // Fields added later start empty here, so this list does not grow with them.
                        #[allow(clippy::needless_update)]
                        let input = EmployeeInput {
                            employee_number: Some(format!("M{:06}", i + 1)),
                            first_name: p.first_name.clone(),
                            last_name: p.last_name.clone(),
                            tax_code: p.tax_code.clone(),
                            birth_date: Some(p.birth_date),
                            birth_place: Some(p.birth_place.clone()),
                            sex: Some(p.sex),
                            email: Some(p.email.clone()),
                            phone: Some(p.phone.clone()),
                            address: Some(p.address.clone()),
                            iban: Some(p.iban.clone()),
                            department_id: Some(dept_ids[h.dept]),
                            job_title: Some(h.job.to_owned()),
                            manager_id: (!h.head).then(|| emp_ids[h.dept]).filter(|&m| m > 0),
                            hire_date: Some(h.hired),
                            contract_type_id: ct,
                            contract_end: h.contract_end,
                            ccnl: Some(depts[h.dept].function.ccnl.to_owned()),
                            level: Some(h.level.clone()),
                            ..EmployeeInput::default()
                        };
                        let v = input.validate(&EmployeeRules {
                            fixed_term: fixed,
                            today: today.max(h.hired),
                        })?;
                        let emp = employees::insert(w, &v)?;
                        emp_ids[i] = emp.id;
                        emp_versions[i] = emp.version;
                    }
                    What::Doc {
                        kind,
                        renews,
                        issued,
                        expires,
                    } => {
                        let k = DocKind::ALL.iter().position(|x| *x == kind).unwrap_or(0);
                        let title = doc_title(&mut r, kind, &h.person, issued);
                        let file = StoredFile {
                            file_name: format!("{}.pdf", slug(&title)),
                            ..stored[k].clone()
                        };
                        let meta = ValidMeta {
                            title,
                            issued_on: Some(issued),
                            expires_on: expires,
                        };
                        let owner = Owner {
                            table: &employees::TRACKED,
                            record_id: emp_ids[i],
                        };
                        let doc =
                            attachments::insert(w, owner, Some(doc_types[k].id), &meta, &file)?;
                        if renews {
                            if let Some(&(old, version)) = current_doc.get(&(e.emp, kind)) {
                                attachments::supersede(w, old, version, doc.id)?;
                            }
                        }
                        current_doc.insert((e.emp, kind), (doc.id, doc.version));
                    }
                    What::Training { course } => {
                        let c = &course_ids[course];
                        let v = ValidTraining {
                            course_id: c.id,
                            completed_on: e.date,
                            provider: Some((*r.pick(PROVIDERS)).to_owned()),
                            certificate_document_id: None,
                            expires_on: c.validity_months.map(|m| add_months(e.date, m)),
                            notes: None,
                        };
                        training::insert(w, emp_ids[i], &v)?;
                    }
                    What::Moved => {
                        move_house(w, &mut r, emp_ids[i], &mut emp_versions[i], today)?;
                    }
                    What::Opened => {
                        w.record(&employees::TRACKED, emp_ids[i], ChangeOp::Read, None)?;
                    }
                    What::Leave => {
                        let (date, reason) = h.left.unwrap_or((e.date, "Dimissioni volontarie"));
                        let emp = employees::terminate(
                            w,
                            emp_ids[i],
                            emp_versions[i],
                            date,
                            Some(reason),
                        )?;
                        emp_versions[i] = emp.version;
                    }
                }
            }
            Ok(())
        })?;
        if written >= next_report {
            log(&format!(
                "{written} of {} events written: {:.1} s",
                events.len(),
                started.elapsed().as_secs_f64()
            ));
            next_report += 100_000;
        }
    }

    let mut h = (&mut audits, &mut assets, &mut purchases);
    history_before(
        &app,
        &sim,
        &mut h,
        o.as_of + Duration::days(1),
        &emp_ids,
        &dept_ids,
    )?;
    log(&format!("audit history: {}", audits.summary()));
    log(&format!("IT inventory: {}", assets.summary()));
    log(&format!("purchasing: {}", purchases.summary()));
    sim.set(ts(o.as_of, 16 * 3600));
    assets.link_technician(&app, &admin, &emp_ids)?;

    // Scores as of the last day, every employee.
    sim.set(ts(o.as_of, 17 * 3600));
    let t = Instant::now();
    store.write(HR, |w| {
        scores::recompute_where(w.conn(), "1=1", &[], o.as_of)?;
        scores::set_as_of(w.conn(), o.as_of)
    })?;
    log(&format!(
        "scores of everyone as of {}: {:.1} s",
        o.as_of,
        t.elapsed().as_secs_f64()
    ));
    let summary = store.read(|c| {
        let n =
            |sql: &str| -> backoffice_core::Result<i64> { Ok(c.query_row(sql, [], |r| r.get(0))?) };
        Ok(Summary {
            admin_username: ADMIN.to_owned(),
            admin_password: password.clone(),
            departments: n("SELECT count(*) FROM departments")?,
            requirements: n("SELECT count(*) FROM requirements")?,
            users: n("SELECT count(*) FROM users")?,
            employees: n("SELECT count(*) FROM employees")?,
            terminated: n("SELECT count(*) FROM employees WHERE status = 'terminated'")?,
            documents: n("SELECT count(*) FROM attachments WHERE entity <> 'evidence'")?,
            training: n("SELECT count(*) FROM training_records")?,
            changes: n("SELECT count(*) FROM changes")?,
            suppliers: n("SELECT count(*) FROM suppliers")?,
            orders: n("SELECT count(*) FROM purchase_orders")?,
            order_lines: n("SELECT count(*) FROM purchase_order_lines")?,
            receipts: n("SELECT count(*) FROM purchase_receipts")?,
            invoices: n("SELECT count(*) FROM supplier_invoices")?,
            file_bytes: 0,
            seconds: 0.0,
        })
    })?;
    drop(app);
    // Fold the WAL into the file, so the app opens what a long-used installation looks like.
    if let Ok(c) = rusqlite::Connection::open(o.data_dir.join(DB_FILE_NAME)) {
        let _ = c.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
    let file_bytes = std::fs::metadata(o.data_dir.join(DB_FILE_NAME)).map_or(0, |m| m.len());
    Ok(Summary {
        file_bytes,
        seconds: started.elapsed().as_secs_f64(),
        ..summary
    })
}

/// The three day-by-day writers: audits, the IT inventory and purchasing.
type DayWriters<'a> = (
    &'a mut AuditHistory,
    &'a mut AssetRows,
    &'a mut PurchaseRows,
);

/// Writes the audits', the IT inventory's and purchasing's steps dated before `until`, day by
/// day so that their history entries stay in date order with each other.
fn history_before(
    app: &Backoffice,
    sim: &SimClock,
    h: &mut DayWriters<'_>,
    until: NaiveDate,
    emp_ids: &[i64],
    dept_ids: &[i64],
) -> backoffice_core::Result<()> {
    loop {
        let next = [h.1.next_day(), h.2.next_day()]
            .into_iter()
            .flatten()
            .min()
            .filter(|d| *d < until);
        let Some(day) = next else { break };
        h.0.write_before(
            app,
            &|t| sim.set(t),
            day + Duration::days(1),
            emp_ids,
            dept_ids,
        )?;
        if h.1.next_day() == Some(day) {
            h.1.write_day(app, &|t| sim.set(t), emp_ids, dept_ids)?;
        }
        if h.2.next_day() == Some(day) {
            h.2.write_day(app, &|t| sim.set(t), dept_ids)?;
        }
    }
    h.0.write_before(app, &|t| sim.set(t), until, emp_ids, dept_ids)
}

fn doc_title(r: &mut Rng, kind: DocKind, p: &Person, issued: NaiveDate) -> String {
    let name = format!("{} {}", p.last_name, p.first_name);
    let year = issued.format("%Y");
    match kind {
        DocKind::Contract => format!("Contratto di assunzione {name}"),
        DocKind::Privacy => format!("Informativa privacy firmata {name}"),
        DocKind::IdCard => format!(
            "Carta d'identità C{}{} {name}",
            char::from(b'A' + r.below(26) as u8),
            r.digits(7)
        ),
        DocKind::Medical => format!("Giudizio di idoneità {year} {name}"),
        DocKind::Residence => format!("Permesso di soggiorno {year} {name}"),
        DocKind::Certificate => format!(
            "{} {year} {name}",
            r.pick(&[
                "Attestato corso aggiornamento",
                "Certificato di servizio",
                "Attestato patentino carrellista",
                "Certificato competenze linguistiche",
                "Attestato corso Excel avanzato",
            ])
        ),
        DocKind::Other => format!(
            "{} {year} {name}",
            r.pick(&[
                "Modulo detrazioni fiscali",
                "Richiesta congedo parentale",
                "Comunicazione variazione IBAN",
                "Lettera di encomio",
                "Richiesta anticipo TFR",
                "Autorizzazione trattamento dati immagine",
            ])
        ),
    }
}

/// A change of address and phone, through the employee form's own rules.
fn move_house(
    w: &WriteTx,
    r: &mut Rng,
    id: i64,
    version: &mut i64,
    today: NaiveDate,
) -> backoffice_core::Result<()> {
    let Some(e) = employees::get(w.conn(), id)? else {
        return Ok(());
    };
    let mut input = e.to_input();
    input.address = Some(format!(
        "Via {} {}, {} {}",
        r.pick(&["Nuova", "dei Tigli", "delle Rose", "Milano", "Roma"]),
        r.range(1, 90),
        r.digits(5),
        r.pick(&[
            "Sesto San Giovanni",
            "Rho",
            "Moncalieri",
            "Casalecchio di Reno"
        ])
    ));
    input.phone = Some(format!("+39 34{} {}", r.below(10), r.digits(7)));
    let fixed = match e.contract_type_id {
        Some(t) => retired_list::get::<ContractType>(w.conn(), t)?.map(|t| t.fixed_term),
        None => None,
    };
    let v: ValidEmployee = input.validate(&EmployeeRules {
        fixed_term: fixed,
        today: today.max(e.hire_date),
    })?;
    let (e, _) = employees::update(w, id, e.version, &v)?;
    *version = e.version;
    Ok(())
}

/// The directory's database path.
pub fn db_path(dir: &Path) -> PathBuf {
    dir.join(DB_FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::*;
    use backoffice_core::domain::codice_fiscale::Sex;

    #[test]
    fn scales() {
        assert_eq!(parse_scale("1m"), Some(1_000_000));
        assert_eq!(parse_scale("250k"), Some(250_000));
        assert_eq!(parse_scale("1500"), Some(1500));
        assert_eq!(parse_scale("x"), None);
        assert_eq!(
            slug("Carta d'identità CA1 Rossi"),
            "carta_d_identita_ca1_rossi"
        );
    }

    #[test]
    fn chains_cover_the_employment() {
        let mut r = Rng::new(1);
        let c = chain(&mut r, d(2020, 1, 1), d(2023, 6, 1), 12, false);
        assert!(c.len() >= 3);
        assert!(c.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(c.last().unwrap().1 > d(2023, 6, 1));
    }

    #[test]
    fn plans_are_deterministic_and_on_budget() {
        let o = Options {
            employees: 300,
            records: 3000,
            seed: 9,
            data_dir: PathBuf::new(),
            as_of: d(2026, 3, 2),
            orders: 0,
        };
        let depts = company::departments();
        let (h1, e1) = plan(&o, &depts);
        let (h2, e2) = plan(&o, &depts);
        assert_eq!(e1, e2);
        assert_eq!(h1.len(), 300);
        assert!(h1
            .iter()
            .zip(&h2)
            .all(|(a, b)| a.person.tax_code == b.person.tax_code));
        let records = e1
            .iter()
            .filter(|e| matches!(e.what, What::Doc { .. } | What::Training { .. }))
            .count();
        assert_eq!(records + 300, 3000);
        assert!(h1
            .iter()
            .all(|h| h.person.sex == Sex::M || h.person.sex == Sex::F));
    }
}
