//! The IT inventory's plan: eight years of purchases, hand-overs, returns, repairs and
//! retirements of the assets, the licences bought and the maintenance plans with their work,
//! as dated steps. Pure data from the seed; `asset_rows` writes it.

use crate::rng::Rng;
use chrono::{Duration, Months, NaiveDate};

/// Sizes at full size (100,000 employees); a smaller company gets proportionally fewer.
pub const ASSETS: usize = 50_000;
pub const LICENCES: usize = 5_000;
pub const PLANS: usize = 3_000;
const FULL_STAFF: usize = 100_000;

/// (category code, share in ‰, names, manufacturer and models, cost range in euros).
pub type Kind = (
    &'static str,
    u32,
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    (i64, i64),
);
pub const KINDS: [Kind; 9] = [
    (
        "laptop",
        360,
        &["Portatile", "Notebook"],
        &[
            ("Lenovo", "ThinkPad T14"),
            ("Dell", "Latitude 5440"),
            ("HP", "EliteBook 840"),
        ],
        (700, 1800),
    ),
    (
        "desktop",
        180,
        &["Computer fisso", "Postazione"],
        &[
            ("Dell", "OptiPlex 7010"),
            ("HP", "ProDesk 400"),
            ("Lenovo", "ThinkCentre M70"),
        ],
        (500, 1200),
    ),
    (
        "monitor",
        200,
        &["Monitor"],
        &[("Dell", "P2422H"), ("LG", "27BN65"), ("Samsung", "S24R650")],
        (120, 400),
    ),
    (
        "phone",
        120,
        &["Telefono", "Smartphone"],
        &[
            ("Apple", "iPhone 14"),
            ("Samsung", "Galaxy A54"),
            ("Yealink", "T54W"),
        ],
        (150, 900),
    ),
    (
        "printer",
        40,
        &["Stampante", "Multifunzione"],
        &[
            ("HP", "LaserJet M507"),
            ("Kyocera", "ECOSYS M3145"),
            ("Brother", "MFC-L8900"),
        ],
        (300, 2500),
    ),
    (
        "network",
        40,
        &["Switch", "Access point", "Firewall"],
        &[
            ("Cisco", "C9200-48P"),
            ("Ubiquiti", "U6-Pro"),
            ("Fortinet", "FG-60F"),
        ],
        (150, 4000),
    ),
    (
        "server",
        20,
        &["Server"],
        &[
            ("Dell", "PowerEdge R650"),
            ("HPE", "ProLiant DL380"),
            ("Lenovo", "ThinkSystem SR650"),
        ],
        (3000, 15000),
    ),
    (
        "other",
        40,
        &["Tablet", "Proiettore", "Scanner"],
        &[
            ("Apple", "iPad 10"),
            ("Epson", "EB-W51"),
            ("Fujitsu", "fi-8170"),
        ],
        (200, 1200),
    ),
    ("software", 0, &[], &[], (0, 0)),
];

/// The state an asset ends in on the "as of" day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    /// In use, out to a person.
    WithPerson,
    /// In use, checked out to a room.
    InRoom,
    /// In use where it stands, never checked out (servers, printers, switches).
    Installed,
    InStock,
    InRepair,
    Retired,
    Lost,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Handover {
    /// Index into the holder pool given to `plan`, or `None` for a room.
    pub holder: Option<usize>,
    pub out: NaiveDate,
    pub back: Option<NaiveDate>,
    pub expected: Option<NaiveDate>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedAsset {
    pub kind: usize,
    pub number: usize,
    pub bought: NaiveDate,
    pub end: End,
    /// When it was retired, lost or sent to repair.
    pub end_day: Option<NaiveDate>,
    pub handovers: Vec<Handover>,
    pub seed: u64,
}

/// What happens on a day; the order of the variants is their order within the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Setup,
    Licence(usize),
    Buy(usize),
    Plan(usize),
    Back { asset: usize, k: usize },
    Out { asset: usize, k: usize },
    End(usize),
    Work { plan: usize, n: usize },
}

pub struct Plan {
    pub start: NaiveDate,
    pub assets: Vec<PlannedAsset>,
    /// Each licence's purchase day.
    pub licences: Vec<NaiveDate>,
    /// Each maintenance plan's start and its interval in days, and its completions.
    pub plans: Vec<(NaiveDate, u16, Vec<NaiveDate>)>,
    /// Every step up to the "as of" day, sorted.
    pub steps: Vec<(NaiveDate, Step)>,
}

pub fn scaled(full: usize, employees: usize) -> usize {
    ((full as f64 * (employees as f64 / FULL_STAFF as f64).min(1.0)).round() as usize).max(20)
}

fn day_in(r: &mut Rng, from: NaiveDate, to: NaiveDate) -> NaiveDate {
    from + Duration::days(r.range(0, (to - from).num_days().max(0)))
}

fn end_state(r: &mut Rng, kind: &str) -> End {
    let fixed = matches!(kind, "server" | "printer" | "network");
    match r.below(1000) {
        0..=119 => End::InStock,
        120..=149 => End::InRepair,
        150..=279 => End::Retired,
        280..=299 => End::Lost,
        _ if fixed => End::Installed,
        // Of the assets in use, 60 % are out to a person.
        n if n < 300 + 420 => End::WithPerson,
        n if n < 300 + 560 => End::InRoom,
        _ => End::Installed,
    }
}

/// The hand-overs of an asset bought on `bought`: a person holds it for months or years, it
/// comes back, goes out again; the last one stays open when the asset ends with a person.
fn handovers(
    r: &mut Rng,
    bought: NaiveDate,
    end: End,
    as_of: NaiveDate,
    holders: usize,
    leavers: &[NaiveDate],
) -> (Vec<Handover>, Option<NaiveDate>) {
    let mut out = Vec::new();
    let mut day = bought + Duration::days(r.range(1, 20));
    let movable = !matches!(end, End::Installed);
    while movable && day < as_of {
        let loan = r.chance(0.1);
        let len = if loan {
            r.range(5, 60)
        } else {
            r.range(60, 640)
        };
        let back = day + Duration::days(len);
        let expected = loan.then(|| day + Duration::days(r.range(7, 45)));
        out.push(Handover {
            holder: Some(r.below(holders as u64) as usize),
            out: day,
            back: Some(back),
            expected,
        });
        day = back + Duration::days(r.range(1, 45));
    }
    // The last one: open at the end for an asset in use, closed before the end otherwise.
    let end_day = match end {
        End::WithPerson | End::InRoom => {
            if let Some(last) = out.last_mut() {
                if last.out >= as_of {
                    last.out = as_of - Duration::days(1);
                }
                last.back = None;
                last.holder = match end {
                    End::InRoom => None,
                    // A few are held by someone who has since left.
                    _ if !leavers.is_empty() && r.chance(0.01) => {
                        let k = r.below(leavers.len() as u64) as usize;
                        (leavers[k] > last.out + Duration::days(30))
                            .then_some(holders + k)
                            .or(last.holder)
                    }
                    _ => last.holder,
                };
            }
            None
        }
        _ => {
            out.retain(|h| h.out < as_of - Duration::days(3));
            if let Some(last) = out.last_mut() {
                if last.back.is_some_and(|b| b >= as_of) {
                    last.back = Some(day_in(
                        r,
                        last.out + Duration::days(1),
                        as_of - Duration::days(1),
                    ));
                }
            }
            let after = out.last().and_then(|h| h.back).unwrap_or(bought) + Duration::days(1);
            match end {
                End::InRepair | End::Retired | End::Lost if after < as_of => {
                    Some(day_in(r, after, as_of))
                }
                End::InRepair | End::Retired | End::Lost => Some(as_of),
                _ => None,
            }
        }
    };
    (out, end_day)
}

/// Plans the inventory of a company of `employees` people over the eight years before `as_of`;
/// `holders` people may hold assets throughout; the people of `leavers` (their last days) have
/// left by the end.
pub fn plan(
    seed: u64,
    employees: usize,
    as_of: NaiveDate,
    holders: usize,
    leavers: &[NaiveDate],
) -> Plan {
    let mut r = Rng::new(seed).fork(60);
    let start = as_of - Months::new(96);
    let shares: Vec<(u32, usize)> = KINDS
        .iter()
        .enumerate()
        .filter(|(_, k)| k.1 > 0)
        .map(|(i, k)| (k.1, i))
        .collect();
    let mut numbers = [0usize; KINDS.len()];
    let mut assets = Vec::new();
    for _ in 0..scaled(ASSETS, employees) {
        let kind = *r.weighted(&shares);
        numbers[kind] += 1;
        let bought = day_in(&mut r, start + Duration::days(1), as_of - Duration::days(2));
        let end = end_state(&mut r, KINDS[kind].0);
        let (handovers, end_day) = handovers(&mut r, bought, end, as_of, holders.max(1), leavers);
        assets.push(PlannedAsset {
            kind,
            number: numbers[kind],
            bought,
            end,
            end_day,
            handovers,
            seed: r.next_u64(),
        });
    }
    let licences: Vec<NaiveDate> = (0..scaled(LICENCES, employees))
        .map(|_| day_in(&mut r, start + Duration::days(1), as_of))
        .collect();
    let mut plans = Vec::new();
    for _ in 0..scaled(PLANS, employees) {
        let begin = day_in(&mut r, start + Duration::days(1), as_of - Months::new(24));
        let every: u16 = *r.weighted(&[(16, 7), (35, 14), (34, 28), (15, 91)]);
        let mut done = Vec::new();
        let mut due = begin;
        while due < as_of {
            // Mostly on time, sometimes late; one in twenty is still open.
            let on = due + Duration::days(r.range(-2, 6));
            if on >= as_of || (due + Duration::days(i64::from(every)) >= as_of && r.chance(0.05)) {
                break;
            }
            done.push(on.max(begin));
            due = on.max(begin) + Duration::days(i64::from(every));
        }
        plans.push((begin, every, done));
    }
    let mut steps = vec![(start, Step::Setup)];
    for (i, l) in licences.iter().enumerate() {
        steps.push((*l, Step::Licence(i)));
    }
    for (i, a) in assets.iter().enumerate() {
        steps.push((a.bought, Step::Buy(i)));
        for (k, h) in a.handovers.iter().enumerate() {
            steps.push((h.out, Step::Out { asset: i, k }));
            if let Some(b) = h.back.filter(|b| *b <= as_of) {
                steps.push((b, Step::Back { asset: i, k }));
            }
        }
        if let Some(d) = a.end_day {
            steps.push((d, Step::End(i)));
        }
    }
    for (i, (begin, _, done)) in plans.iter().enumerate() {
        steps.push((*begin, Step::Plan(i)));
        for (n, d) in done.iter().enumerate() {
            steps.push((*d, Step::Work { plan: i, n }));
        }
    }
    steps.retain(|(d, _)| *d <= as_of);
    steps.sort();
    Plan {
        start,
        assets,
        licences,
        plans,
        steps,
    }
}
