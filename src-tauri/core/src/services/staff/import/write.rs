//! Writing a staff file's checked rows inside the import's one transaction. New files go to the
//! bulk insert as they come, in file order, each with its id, scores and history snapshot made
//! by the checking thread (`store/employee_bulk.rs`, which drops and rebuilds the indexes for a
//! large import). Everything else a row asks for (updates, status changes, managers named in the
//! file) waits until every new file is written.

use super::check::{RowPlan, StaffRow};
use crate::domain::staff::catalog::Requirement;
use crate::domain::staff::employee::{Employee, EmployeeStatus};
use crate::error::Error;
use crate::import::{Change, Progress, RowWriter};
use crate::store::staff::bulk::{Bulk, NewEmployee, REBUILD_INDEXES_FROM};
use crate::store::staff::{employees, keys, scores};
use crate::store::WriteTx;
use chrono::NaiveDate;
use std::collections::HashMap;

pub(super) struct StaffWriter<'w, 'c> {
    pub(super) w: &'w WriteTx<'c>,
    pub(super) bulk: Bulk<'w, 'c>,
    /// Rows for the end: updates (no id), and new files with a status or a manager from the
    /// file (their id).
    pub(super) rest: Vec<(Option<i64>, RowPlan)>,
    pub(super) reqs: Vec<Requirement>,
    pub(super) today: NaiveDate,
}

impl RowWriter<StaffRow> for StaffWriter<'_, '_> {
    fn write(
        &mut self,
        change: Change,
        row: StaffRow,
        progress: &mut Progress,
    ) -> crate::Result<()> {
        let StaffRow { plan, new } = row;
        let Some(new) = new else {
            if change != Change::Update || plan.target.is_none() {
                return Err(Error::internal("staff import: a new file without its id"));
            }
            self.rest.push((None, plan));
            return Ok(());
        };
        // A new file with a status or a manager from the file comes back later.
        let follow_up = plan.status.is_some() || plan.manager_in_file.is_some();
        let valid = if follow_up {
            let valid = plan.valid.clone();
            self.rest.push((Some(new.id), plan));
            valid
        } else {
            plan.valid
        };
        self.bulk.push(NewEmployee {
            valid,
            scores: new.scores,
            id: new.id,
            snapshot: new.snapshot,
        })?;
        progress.step()
    }

    fn spent(&mut self) -> Option<Box<dyn Send>> {
        Some(Box::new(self.bulk.take_spent()))
    }

    fn finish(self: Box<Self>, progress: &mut Progress) -> crate::Result<()> {
        let StaffWriter {
            w,
            bulk,
            rest,
            reqs,
            today,
        } = *self;
        let first_id = bulk.first_id();
        let created = bulk.finish()?;
        let mut ids: HashMap<String, i64> = HashMap::new();
        let mut later: Vec<(i64, usize)> = Vec::new();
        let after = After {
            w,
            reqs: &reqs,
            today,
        };
        for (i, (new_id, row)) in rest.iter().enumerate() {
            let e = after.apply(*new_id, row)?;
            ids.insert(e.tax_code.clone(), e.id);
            if row.manager_in_file.is_some() {
                later.push((e.id, i));
            }
            if new_id.is_none() {
                progress.step()?;
            }
        }
        if !later.is_empty() {
            // Managers who are new employees of the same file: every new file is known by its
            // tax code from the history snapshots' ids.
            ids.extend(keys::created_from(w.conn(), first_id)?);
        }
        for (id, i) in later {
            after.link_manager(id, &rest[i].1, &ids)?;
        }
        // The big write is WAL pages now; copying them into the file can follow the answer.
        if created >= REBUILD_INDEXES_FROM {
            w.checkpoint_in_background();
        }
        Ok(())
    }
}

/// What follows the new files: updates, status changes and managers, each with its history.
struct After<'a, 'w, 'c> {
    w: &'w WriteTx<'c>,
    reqs: &'a [Requirement],
    today: NaiveDate,
}

impl After<'_, '_, '_> {
    /// Updates a file on record, or sets the status of a new one; rescored either way.
    fn apply(&self, new_id: Option<i64>, row: &RowPlan) -> crate::Result<Employee> {
        let (w, c) = (self.w, self.w.conn());
        let e = match (new_id, row.target) {
            (Some(id), _) => {
                let mut e = employees::new_employee(&row.valid, w.now());
                e.id = id;
                e
            }
            (None, Some((id, version))) => employees::update(w, id, version, &row.valid)?.0,
            (None, None) => return Err(Error::internal("staff import: an update without a file")),
        };
        // The row as written, unless a status change below rewrites it.
        let mut at_hand = true;
        match row.status {
            Some((EmployeeStatus::Terminated, Some(d))) => {
                employees::terminate(w, e.id, e.version, d, e.termination_reason.as_deref())?;
                at_hand = false;
            }
            Some((EmployeeStatus::Active, _)) if e.status == EmployeeStatus::Terminated => {
                employees::reactivate(w, e.id, e.version)?;
                at_hand = false;
            }
            _ => {}
        }
        match (at_hand, new_id) {
            // A new file was scored before it was written.
            (true, Some(_)) => {}
            (true, None) => {
                scores::recompute_employee(c, &e, self.reqs, self.today)?;
            }
            (false, _) => {
                scores::recompute(c, e.id, self.reqs, self.today)?;
            }
        }
        Ok(e)
    }

    /// Sets the manager a row names who is a new employee of the same file (who exists now).
    fn link_manager(
        &self,
        id: i64,
        row: &RowPlan,
        ids: &HashMap<String, i64>,
    ) -> crate::Result<()> {
        let Some(manager) = row.manager_in_file.as_ref().and_then(|m| ids.get(m)) else {
            return Ok(());
        };
        let c = self.w.conn();
        let current = employees::get(c, id)?.ok_or_else(|| Error::not_found("employee"))?;
        let mut v = row.valid.clone();
        v.manager_id = Some(*manager);
        employees::update(self.w, id, current.version, &v)?;
        Ok(())
    }
}
