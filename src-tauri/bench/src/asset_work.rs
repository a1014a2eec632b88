//! The IT inventory's licences with their seats, and the maintenance plans with their work
//! log, written on the days `asset_plan` gives them.

use crate::asset_plan::KINDS;
use crate::asset_rows::{AssetRows, IT_MANAGER};
use crate::rng::Rng;
use backoffice_core::domain::assets::licence::{LicenceInput, LicenceKind};
use backoffice_core::domain::assets::maintenance::{PlanInput, Target};
use backoffice_core::domain::assets::maintenance_log::{Outcome, ValidLog};
use backoffice_core::domain::assets::seat::ValidSeat;
use backoffice_core::domain::schedule::{Anchor, Schedule, Unit};
use backoffice_core::store::assets::maintenance_log::DoneBy;
use backoffice_core::store::assets::{licences, maintenance, maintenance_log, seats};
use backoffice_core::store::WriteTx;
use chrono::{Months, NaiveDate};

type Result<T> = backoffice_core::Result<T>;

const CHECKLIST: [&str; 3] = [
    "Controllo visivo e pulizia",
    "Aggiornamenti installati",
    "Verifica funzionamento",
];

impl AssetRows {
    /// A licence bought on `day`, most of its seats handed out the same day.
    pub(crate) fn licence(
        &mut self,
        w: &WriteTx,
        i: usize,
        day: NaiveDate,
        emp_ids: &[i64],
    ) -> Result<()> {
        let mut r = Rng::new(i as u64).fork(63);
        let kind = *r.weighted(&[
            (45, LicenceKind::PerSeat),
            (20, LicenceKind::PerDevice),
            (5, LicenceKind::Site),
            (30, LicenceKind::Subscription),
        ]);
        let seats = if kind == LicenceKind::Site {
            1
        } else {
            r.range(1, 30)
        };
        let expiry = match kind {
            LicenceKind::Subscription => Some(day + Months::new(12 * r.range(1, 3) as u32)),
            _ if r.chance(0.3) => Some(day + Months::new(36)),
            _ => None,
        };
        let v = LicenceInput {
            product_id: self.fixed.products[i % self.fixed.products.len()],
            licence_key: Some(format!("{}-{}-{}", r.digits(5), r.digits(5), r.digits(5))),
            kind,
            seats,
            purchase_date: Some(day),
            expiry_date: expiry,
            cost_cents: Some(seats * r.range(30, 400) * 100),
            currency: None,
            supplier_name: Some("Licenze Italia Srl".into()),
            order_number: Some(format!("LIC-{}-{:05}", day.format("%Y"), i + 1)),
            notes: None,
        }
        .validate(day)?;
        let id = licences::save(w, None, &v)?;
        self.counts[3] += 1;
        let held = match kind {
            LicenceKind::Site => 0,
            _ => seats * 7 / 10,
        };
        // Distinct holders: a stride through the pool from a random start.
        let start = r.below(1 << 30) as usize;
        for k in 0..held as usize {
            let (employee_id, asset_id) = if kind == LicenceKind::PerDevice {
                let written: Vec<usize> = (0..8)
                    .map(|t| (start + k * 7919 + t) % self.asset_ids.len())
                    .filter(|&a| self.asset_ids[a] > 0)
                    .collect();
                match written.first() {
                    Some(&a) => (None, Some(self.asset_ids[a])),
                    None => continue,
                }
            } else {
                let h = (start + k * 104_729) % self.holders.len().max(1);
                (Some(self.holder(h, emp_ids)?), None)
            };
            let seat = ValidSeat {
                employee_id,
                asset_id,
                assigned_on: day,
                note: None,
            };
            if !seats::already_held(w.conn(), id, &seat)? {
                seats::insert(w, id, &seat)?;
                self.counts[4] += 1;
            }
        }
        Ok(())
    }

    /// A maintenance plan starting on `day`: of one asset already bought, of a category or of
    /// a room; a quarter of them given to the technician.
    pub(crate) fn maintenance_plan(
        &mut self,
        w: &WriteTx,
        i: usize,
        day: NaiveDate,
        emp_ids: &[i64],
    ) -> Result<()> {
        let mut r = Rng::new(i as u64).fork(64);
        let every = self.plan.plans[i].1;
        let schedule = Schedule {
            every: every / 7,
            unit: Unit::Weeks,
            anchor: Anchor::FromCompletion,
        };
        let bought = self.asset_ids.iter().filter(|&&a| a > 0).count();
        let (target, title, asset) = match r.below(10) {
            0 => {
                let k = &KINDS[r.below(8) as usize];
                let id = self.categories.get(k.0).copied().unwrap_or(0);
                (
                    Target::Category(id),
                    format!("Manutenzione periodica: {}", k.2[0]),
                    None,
                )
            }
            1 => {
                let id = self.fixed.rooms[r.below(self.fixed.rooms.len() as u64) as usize];
                (
                    Target::Location(id),
                    "Controllo locale tecnico".to_owned(),
                    None,
                )
            }
            _ if bought > 0 => {
                let nth = r.below(bought as u64) as usize;
                let id = self
                    .asset_ids
                    .iter()
                    .copied()
                    .filter(|&a| a > 0)
                    .nth(nth)
                    .unwrap_or(0);
                (
                    Target::Asset(id),
                    format!("Manutenzione programmata {}", i + 1),
                    Some(id),
                )
            }
            _ => (
                Target::Location(self.fixed.rooms[0]),
                "Controllo CED".to_owned(),
                None,
            ),
        };
        let assignee = match r.chance(0.25) {
            true => self.holder(0, emp_ids)?,
            false => self.holder(r.below(self.holders.len().max(1) as u64) as usize, emp_ids)?,
        };
        let v = PlanInput {
            title,
            description: None,
            target,
            schedule,
            start_on: Some(day),
            assignee_employee_id: Some(assignee),
            checklist: CHECKLIST.iter().map(|s| (*s).to_owned()).collect(),
        }
        .validate(day)?;
        let due = schedule.next_due(None, None, day);
        let id = maintenance::insert(w, &v, due)?;
        self.plan_rows
            .insert(i, (id, Some(assignee), asset, due, schedule));
        Ok(())
    }

    /// One completion of plan `p`: its log entry, and the plan's next due date.
    pub(crate) fn work(&mut self, w: &WriteTx, p: usize, n: usize, day: NaiveDate) -> Result<()> {
        let (id, assignee, asset, due, schedule) = *self
            .plan_rows
            .get(&p)
            .ok_or_else(|| backoffice_core::Error::internal("work before its plan"))?;
        let partly = (p + n).is_multiple_of(29);
        let v = ValidLog {
            done_on: day,
            work: if partly {
                "Eseguita in parte: ricambio da ordinare".into()
            } else {
                "Eseguita secondo la lista di controllo".into()
            },
            ticks: vec![true, !partly, true],
            outcome: if partly {
                Outcome::Partly
            } else {
                Outcome::Done
            },
            reason: None,
            minutes: Some(15 + ((p * 7 + n * 13) % 90) as i64),
            cost_cents: None,
            currency: "EUR".into(),
            asset_id: asset,
        };
        let by = DoneBy {
            employee_id: assignee,
            name: IT_MANAGER.0,
        };
        maintenance_log::insert(w, Some(id), Some(due), &by, &v)?;
        let start = self.plan.plans[p].0;
        let next = schedule.next_due(Some(day), Some(due), start);
        maintenance::set_done(w, id, day, due, next)?;
        if let Some(row) = self.plan_rows.get_mut(&p) {
            row.3 = next;
        }
        self.counts[5] += 1;
        Ok(())
    }

    /// Counts of what was written, for the generator's log.
    pub fn summary(&self) -> String {
        format!(
            "{} assets, {} addresses in {} subnets, {} hand-overs, {} licences with {} seats, {} maintenance plans with {} work-log entries, {} consumables: {:.1} s",
            self.counts[0],
            self.counts[1],
            self.fixed.subnets.len(),
            self.counts[2],
            self.counts[3],
            self.counts[4],
            self.plan_rows.len(),
            self.counts[5],
            self.fixed.consumables,
            self.seconds
        )
    }
}
