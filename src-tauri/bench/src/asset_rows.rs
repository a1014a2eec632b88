//! Writes the IT inventory planned in `asset_plan` through core's store functions, one
//! transaction per day, so every row has its history entry: the assets with their addresses,
//! each hand-over and return with the holder kept on the asset, repairs and retirements, the
//! licences with their seats, the maintenance plans and their work log. The generator calls it
//! day by day between its staff batches and the audits, so history stays in date order.

use crate::asset_plan::{self, End, Plan, Step, KINDS};
use crate::asset_setup::{self, Address, Fixed};
use crate::rng::Rng;
use backoffice_core::domain::assets::asset::{AssetInput, AssetStatus};
use backoffice_core::domain::assets::checkout::ValidCheckout;
use backoffice_core::domain::assets::network::InterfaceInput;
use backoffice_core::domain::permissions::Role;
use backoffice_core::domain::schedule::Schedule;
use backoffice_core::domain::users::{NewUserInput, UserUpdateInput};
use backoffice_core::services::{Backoffice, Ctx};
use backoffice_core::store::assets::{asset, checkouts, interfaces};
use backoffice_core::store::WriteTx;
use backoffice_core::{Error, ErrorCode};
use chrono::{DateTime, Duration, Months, NaiveDate, NaiveTime, TimeZone, Utc};
use std::collections::HashMap;
use std::time::Instant;

type Result<T> = backoffice_core::Result<T>;

/// The IT manager, who writes the inventory, and the technician who does most maintenance.
pub const IT_MANAGER: (&str, &str) = ("it.esposito", "Gennaro Esposito");
pub const TECHNICIAN: (&str, &str) = ("it.romano", "Davide Romano");
/// Addresses at full size, and how many of them are in the busy /16.
pub const ADDRESSES: usize = 60_000;
pub const BUSY: usize = 20_000;
pub const SUBNETS: usize = 500;

/// A written maintenance plan: its id, assignee, asset, current due date and schedule.
pub(crate) type PlanRow = (i64, Option<i64>, Option<i64>, NaiveDate, Schedule);

pub struct AssetRows {
    pub(crate) plan: Plan,
    pub(crate) next: usize,
    /// Hire indices of the holder pool, then of the leavers.
    pub(crate) holders: Vec<usize>,
    pub(crate) leavers: Vec<usize>,
    pub(crate) cidrs: Vec<String>,
    /// Addresses by asset index.
    pub(crate) addresses: HashMap<usize, Vec<Address>>,
    pub(crate) consumables: usize,
    pub(crate) fixed: Fixed,
    pub(crate) categories: HashMap<&'static str, i64>,
    pub(crate) asset_ids: Vec<i64>,
    pub(crate) checkout_ids: HashMap<(usize, usize), i64>,
    /// Each plan's id, assignee, asset, and current due date.
    pub(crate) plan_rows: HashMap<usize, PlanRow>,
    pub(crate) counts: [usize; 6],
    pub technician_user: i64,
    pub seconds: f64,
}

fn ts(d: NaiveDate, seconds: i64) -> DateTime<Utc> {
    Utc.from_utc_datetime(&d.and_time(NaiveTime::MIN)) + Duration::seconds(seconds)
}

impl AssetRows {
    /// `people`: each hire's first and (if any) last day; who holds assets is drawn from them.
    pub fn new(seed: u64, as_of: NaiveDate, people: &[(NaiveDate, Option<NaiveDate>)]) -> Self {
        let start = as_of - Months::new(96);
        let holders: Vec<usize> = (0..people.len())
            .filter(|&i| people[i].0 < start && people[i].1.is_none())
            .collect();
        let leavers: Vec<usize> = (0..people.len())
            .filter(|&i| {
                people[i].0 < start && people[i].1.is_some_and(|l| l > start + Months::new(12))
            })
            .collect();
        let leave_days: Vec<NaiveDate> = leavers.iter().filter_map(|&i| people[i].1).collect();
        let employees = people.len();
        let plan = asset_plan::plan(seed, employees, as_of, holders.len(), &leave_days);
        let total = asset_plan::scaled(ADDRESSES, employees);
        let (cidrs, list) = asset_setup::address_plan(
            asset_plan::scaled(SUBNETS, employees),
            total,
            asset_plan::scaled(BUSY, employees),
        );
        // Addresses go round the assets still in service at the end, a few getting two.
        let serving: Vec<usize> = (0..plan.assets.len())
            .filter(|&i| !matches!(plan.assets[i].end, End::Retired | End::Lost))
            .collect();
        let mut addresses: HashMap<usize, Vec<Address>> = HashMap::new();
        let mut r = Rng::new(seed).fork(61);
        for a in list {
            let who = serving[r.below(serving.len().max(1) as u64) as usize];
            addresses.entry(who).or_default().push(a);
        }
        Self {
            asset_ids: vec![0; plan.assets.len()],
            consumables: asset_plan::scaled(300, employees),
            plan,
            next: 0,
            holders,
            leavers,
            cidrs,
            addresses,
            fixed: Fixed::default(),
            categories: HashMap::new(),
            checkout_ids: HashMap::new(),
            plan_rows: HashMap::new(),
            counts: [0; 6],
            technician_user: 0,
            seconds: 0.0,
        }
    }

    /// The IT accounts, made by the administrator.
    pub fn accounts(&mut self, app: &Backoffice, admin: &Ctx, seed: u64) -> Result<()> {
        for (username, name) in [IT_MANAGER, TECHNICIAN] {
            let u = app.create_user(
                admin,
                &NewUserInput {
                    username: username.into(),
                    full_name: name.into(),
                    password: format!("{username}-password-{seed}"),
                    roles: vec![Role::It],
                },
            )?;
            self.technician_user = u.id;
        }
        Ok(())
    }

    /// The technician's account is linked to their staff record once it exists.
    pub fn link_technician(&self, app: &Backoffice, admin: &Ctx, emp_ids: &[i64]) -> Result<()> {
        let Some(&h) = self.holders.first() else {
            return Ok(());
        };
        let u = app
            .list_users(admin)?
            .into_iter()
            .find(|u| u.id == self.technician_user)
            .ok_or_else(|| Error::not_found("user"))?;
        let input = UserUpdateInput {
            full_name: u.full_name.clone(),
            roles: u.roles.clone(),
            active: true,
            employee_id: Some(emp_ids[h]),
        };
        app.update_user(admin, u.id, u.version, &input)?;
        Ok(())
    }

    /// The day of the next step not written yet.
    pub fn next_day(&self) -> Option<NaiveDate> {
        self.plan.steps.get(self.next).map(|s| s.0)
    }

    /// Writes the steps of the next day in one transaction, at 11:00 of that day.
    pub fn write_day(
        &mut self,
        app: &Backoffice,
        set_clock: &dyn Fn(DateTime<Utc>),
        emp_ids: &[i64],
        dept_ids: &[i64],
    ) -> Result<()> {
        let Some(day) = self.next_day() else {
            return Ok(());
        };
        let started = Instant::now();
        set_clock(ts(day, 11 * 3600));
        let end = self.plan.steps[self.next..]
            .iter()
            .position(|s| s.0 != day)
            .map_or(self.plan.steps.len(), |p| self.next + p);
        let steps = self.plan.steps[self.next..end].to_vec();
        if steps.iter().any(|s| s.1 == Step::Setup) {
            // The default categories, as the app makes them the first time IT opens the list.
            let it = Ctx::new(self.technician_user, TECHNICIAN.0, vec![Role::It]);
            for c in app.list_asset_categories(&it, true)? {
                if let Some(k) = KINDS.iter().find(|k| Some(k.0) == c.code.as_deref()) {
                    self.categories.insert(k.0, c.id);
                }
            }
        }
        app.store().write(IT_MANAGER.0, |w| {
            for (_, s) in &steps {
                self.step(w, *s, day, emp_ids, dept_ids).map_err(|e| {
                    Error::new(
                        ErrorCode::Internal,
                        format!("IT inventory, {s:?} on {day}: {e}"),
                    )
                })?;
            }
            Ok(())
        })?;
        self.next = end;
        self.seconds += started.elapsed().as_secs_f64();
        Ok(())
    }

    pub(crate) fn holder(&self, h: usize, emp_ids: &[i64]) -> Result<i64> {
        let hire = if h < self.holders.len() {
            self.holders[h]
        } else {
            self.leavers[h - self.holders.len()]
        };
        match emp_ids[hire] {
            0 => Err(Error::internal("a holder not hired yet")),
            id => Ok(id),
        }
    }

    fn input(&self, i: usize, today: NaiveDate, dept_ids: &[i64]) -> AssetInput {
        let a = &self.plan.assets[i];
        let (code, _, names, models, (lo, hi)) = KINDS[a.kind];
        let mut r = Rng::new(a.seed);
        let (maker, model) = *r.pick(models);
        let pattern = match code {
            "laptop" => "NB-",
            "desktop" => "PC-",
            "monitor" => "MON-",
            "phone" => "TEL-",
            "printer" => "PRN-",
            "network" => "NET-",
            "server" => "SRV-",
            _ => "AST-",
        };
        let width = if matches!(code, "laptop" | "desktop" | "monitor" | "other") {
            5
        } else {
            4
        };
        let (status, status_date) = match (a.end, a.end_day) {
            (End::Installed, _) => (AssetStatus::InUse, None),
            (End::Retired, Some(d)) if d <= today => (AssetStatus::Retired, Some(d)),
            (End::Lost, Some(d)) if d <= today => (AssetStatus::Lost, Some(d)),
            (End::InRepair, Some(d)) if d <= today => (AssetStatus::InRepair, None),
            _ => (AssetStatus::InStock, None),
        };
        AssetInput {
            tag: format!("{pattern}{:0width$}", a.number),
            name: format!("{} {maker} {model}", r.pick(names)),
            category_id: self.categories.get(code).copied().unwrap_or(0),
            manufacturer: Some(maker.into()),
            model: Some(model.into()),
            serial: Some(format!("{}{}", &maker[..2].to_uppercase(), r.digits(9))),
            supplier_name: Some(
                (*r.pick(&["Computer Gross", "Esprinet", "Ingram Micro", "Bechtle"])).into(),
            ),
            order_number: Some(format!("ODA-{}-{:05}", a.bought.format("%Y"), i + 1)),
            purchase_date: Some(a.bought),
            cost_cents: Some(r.range(lo, hi) * 100),
            currency: None,
            warranty_end: Some(a.bought + Months::new(if r.chance(0.5) { 24 } else { 36 })),
            location_id: Some(self.fixed.rooms[r.below(self.fixed.rooms.len() as u64) as usize]),
            department_id: Some(dept_ids[r.below(dept_ids.len() as u64) as usize]),
            status,
            status_date,
            notes: None,
        }
    }

    fn step(
        &mut self,
        w: &WriteTx,
        s: Step,
        day: NaiveDate,
        emp_ids: &[i64],
        dept_ids: &[i64],
    ) -> Result<()> {
        match s {
            Step::Setup => {
                let mut r = Rng::new(self.plan.assets.len() as u64).fork(62);
                self.fixed = asset_setup::write(w, &mut r, &self.cidrs, self.consumables)?;
            }
            Step::Buy(i) => {
                let v = self.input(i, day, dept_ids).validate(day)?;
                let id = asset::insert(w, &v)?;
                self.asset_ids[i] = id;
                self.counts[0] += 1;
                for (n, (subnet, ip)) in self
                    .addresses
                    .get(&i)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .enumerate()
                {
                    let v = InterfaceInput {
                        asset_id: id,
                        subnet_id: Some(self.fixed.subnets[subnet]),
                        name: Some(format!("eth{n}")),
                        ip: Some(ip.to_string()),
                        mac: Some({
                            let o = ip.octets();
                            format!("00-1B-{:02X}-{:02X}-{:02X}-{:02X}", o[0], o[1], o[2], o[3])
                        }),
                        hostname: Some(format!("{}-{n}", v.tag.to_lowercase())),
                    }
                    .validate()?;
                    interfaces::save(w, None, &v)?;
                    self.counts[1] += 1;
                }
            }
            Step::Out { asset: i, k } => {
                let h = &self.plan.assets[i].handovers[k];
                let employee = h.holder.map(|h| self.holder(h, emp_ids)).transpose()?;
                let location = match employee {
                    Some(_) => None,
                    None => Some(self.fixed.rooms[i % self.fixed.rooms.len()]),
                };
                let v = ValidCheckout {
                    employee_id: employee,
                    location_id: location,
                    out_on: day,
                    expected_return: h.expected,
                    condition: Some("Buone condizioni".into()),
                    note: None,
                };
                let id = checkouts::insert(w, self.asset_ids[i], &v)?;
                asset::set_holder(w, self.asset_ids[i], employee, location, AssetStatus::InUse)?;
                self.checkout_ids.insert((i, k), id);
                self.counts[2] += 1;
            }
            Step::Back { asset: i, k } => {
                let id = self
                    .checkout_ids
                    .remove(&(i, k))
                    .ok_or_else(|| Error::internal("return before hand-over"))?;
                checkouts::close(w, id, day, &Some("Buone condizioni".into()), &None)?;
                asset::set_holder(w, self.asset_ids[i], None, None, AssetStatus::InStock)?;
            }
            Step::End(i) => {
                let v = self.input(i, day, dept_ids).validate(day)?;
                asset::update(w, self.asset_ids[i], &v)?;
            }
            Step::Licence(i) => self.licence(w, i, day, emp_ids)?,
            Step::Plan(i) => self.maintenance_plan(w, i, day, emp_ids)?,
            Step::Work { plan, n } => self.work(w, plan, n, day)?,
        }
        Ok(())
    }
}
