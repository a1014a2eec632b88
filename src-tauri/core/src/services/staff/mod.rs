//! Employee files: create, edit, terminate, open (a recorded read), the staff list, and the
//! completeness roll-ups.

pub(crate) mod attention;
mod catalog;
pub(crate) mod documents;
pub(crate) mod export;
pub mod fields;
pub mod import;

use crate::domain::history::ChangeOp;
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::ContractType;
use crate::domain::staff::completeness::{CompanyCompleteness, FixQuery, FixRow};
use crate::domain::staff::document::EMPLOYEES;
use crate::domain::staff::employee::{
    Employee, EmployeeFile, EmployeeInput, EmployeeRules, EmployeeSaved, StaffQuery, StaffRow,
    TerminationInput, ValidEmployee,
};
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::retired_list;
use crate::store::{
    attachments, departments, staff::employees, staff::list, staff::requirements, staff::scores,
    staff::training, WriteTx,
};
use chrono::NaiveDate;
use rusqlite::Connection;

/// Validates the form against the contract type it names (fixed-term needs an end date).
pub(crate) fn validate_employee(
    conn: &Connection,
    input: &EmployeeInput,
    today: NaiveDate,
) -> crate::Result<ValidEmployee> {
    let fixed_term = match input.contract_type_id {
        Some(id) => retired_list::get::<ContractType>(conn, id)?.map(|t| t.fixed_term),
        None => None,
    };
    input.validate(&EmployeeRules { fixed_term, today })
}

/// Rescores one employee inside the write that changed it.
pub(crate) fn rescore(w: &WriteTx, id: i64, today: NaiveDate) -> crate::Result<()> {
    let reqs = requirements::list(w.conn())?;
    scores::recompute(w.conn(), id, &reqs, today)?;
    Ok(())
}

impl Backoffice {
    pub fn create_employee(
        &self,
        ctx: &Ctx,
        input: &EmployeeInput,
    ) -> crate::Result<EmployeeSaved> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let v = validate_employee(w.conn(), input, today)?;
            let e = employees::insert(w, &v)?;
            rescore(w, e.id, today)?;
            Ok(EmployeeSaved {
                employee: employees::get(w.conn(), e.id)?.unwrap_or(e),
                warnings: v.warnings,
            })
        })
    }

    /// Saves the form over the version it was loaded at; a stale form gets `conflict`.
    pub fn update_employee(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &EmployeeInput,
    ) -> crate::Result<EmployeeSaved> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let v = validate_employee(w.conn(), input, today)?;
            let (e, changed) = employees::update(w, id, version, &v)?;
            if changed {
                rescore(w, id, today)?;
            }
            Ok(EmployeeSaved {
                employee: employees::get(w.conn(), e.id)?.unwrap_or(e),
                warnings: v.warnings,
            })
        })
    }

    pub fn terminate_employee(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &TerminationInput,
    ) -> crate::Result<Employee> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let e = employees::get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))?;
            let (date, reason) = input.validate(e.hire_date)?;
            employees::terminate(w, id, version, date, reason.as_deref())?;
            rescore(w, id, today)?;
            employees::get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))
        })
    }

    pub fn reactivate_employee(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<Employee> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            employees::reactivate(w, id, version)?;
            rescore(w, id, today)?;
            employees::get(w.conn(), id)?.ok_or_else(|| Error::not_found("employee"))
        })
    }

    /// Opens an employee's file. Personal data: the read itself is recorded in history.
    pub fn employee(&self, ctx: &Ctx, id: i64) -> crate::Result<EmployeeFile> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.refresh_scores_if_stale(ctx)?;
        let today = self.today();
        let file = self.store.write(&ctx.actor, |w| {
            let c = w.conn();
            let e = employees::get(c, id)?.ok_or_else(|| Error::not_found("employee"))?;
            w.record(&employees::TRACKED, id, ChangeOp::Read, None)?;
            employee_file(c, e, today)
        })?;
        self.sessions.note_opened(ctx.user_id, id);
        Ok(file)
    }

    /// Reads again a file the person has open, e.g. to show its new completeness after they
    /// saved it. History answers "who saw this person's data, and when": an opening is recorded
    /// when the person opens the file, and the screen that opening put in front of them being
    /// brought up to date is not a second one. The rule is kept here, not left to the caller:
    /// the read goes unrecorded only when this same person's opening of this same file is
    /// already in history during the current session (since sign-in or the last unlock). A
    /// re-read of a file not opened in this session, by someone else, or after sign-out or the
    /// idle lock is recorded as an opening, so a front end asking for re-reads cannot hide one.
    /// No time window: a window long enough for a long edit would also swallow genuine
    /// re-openings, and the UI asks for an opening each time the file is opened anyway.
    pub fn reread_employee(&self, ctx: &Ctx, id: i64) -> crate::Result<EmployeeFile> {
        if !self.sessions.has_opened(ctx.user_id, id) {
            return self.employee(ctx, id);
        }
        self.require(ctx, Area::Staff, Action::Read)?;
        self.refresh_scores_if_stale(ctx)?;
        let today = self.today();
        self.store.read(|c| {
            let e = employees::get(c, id)?.ok_or_else(|| Error::not_found("employee"))?;
            employee_file(c, e, today)
        })
    }

    /// One page of the staff list.
    pub fn list_staff(&self, ctx: &Ctx, q: &StaffQuery) -> crate::Result<Page<StaffRow>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.refresh_scores_if_stale(ctx)?;
        let today = self.today();
        self.store.read(|c| list::list(c, q, today))
    }

    /// Average, lowest and counts of scores, overall and per department (active staff).
    pub fn company_completeness(&self, ctx: &Ctx) -> crate::Result<CompanyCompleteness> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.refresh_scores_if_stale(ctx)?;
        self.store.read(scores::company)
    }

    /// Employees with something to fix, most urgent first, each with its issues.
    pub fn what_needs_fixing(&self, ctx: &Ctx, q: &FixQuery) -> crate::Result<Page<FixRow>> {
        self.require(ctx, Area::Staff, Action::Read)?;
        self.refresh_scores_if_stale(ctx)?;
        let today = self.today();
        self.store.read(|c| scores::needs_fixing(c, q, today))
    }

    /// Brings the cached scores up to today (the app may call it at start, off the UI thread;
    /// the staff reads call it too). Returns how many employees were rescored.
    pub fn refresh_staff_scores(&self, ctx: &Ctx) -> crate::Result<usize> {
        self.require(ctx, Area::Staff, Action::Read)?;
        let today = self.today();
        self.store
            .write(&ctx.actor, |w| scores::refresh(w.conn(), today))
    }

    pub(crate) fn refresh_scores_if_stale(&self, ctx: &Ctx) -> crate::Result<()> {
        let today = self.today();
        if self.store.read(|c| scores::is_stale(c, today))? {
            self.store.write(&ctx.actor, |w| {
                // Checked again under the write lock: another caller may have just done it.
                if scores::is_stale(w.conn(), today)? {
                    scores::refresh(w.conn(), today)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }
}

/// The file screen's data for `e`.
pub(crate) fn employee_file(
    c: &Connection,
    e: Employee,
    today: NaiveDate,
) -> crate::Result<EmployeeFile> {
    let department = match e.department_id {
        Some(d) => departments::get(c, d)?.map(|d| d.name),
        None => None,
    };
    let manager = match e.manager_id {
        Some(m) => employees::get(c, m)?.map(|m| m.full_name()),
        None => None,
    };
    let reqs = requirements::list(c)?;
    let completeness = scores::assess(c, &e, &reqs, today)?;
    Ok(EmployeeFile {
        documents: attachments::for_record(c, EMPLOYEES, e.id)?,
        training: training::for_employee(c, e.id)?,
        employee: e,
        department,
        manager,
        completeness,
    })
}
