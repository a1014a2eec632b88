//! An employee's documents and training. Documents are attachments (`services::attachments`)
//! with the staff area's rules: every file has a document type from the staff list (which gives
//! its expiry), a change rescores the employee in the same transaction, and a certificate a
//! training record cites cannot be removed. Training records: record, correct, remove, each
//! rescoring the employee.

use super::rescore;
use crate::domain::attachment::{Attachment, ExpiryRule};
use crate::domain::permissions::{Action, Area};
use crate::domain::staff::catalog::{Course, DocumentType};
use crate::domain::staff::document::{
    expiry_rule, TrainingInput, TrainingRecord, ValidTraining, EMPLOYEES,
};
use crate::error::{Error, FieldError};
use crate::services::attachments::OwnerRules;
use crate::services::{Backoffice, Ctx};
use crate::store::retired_list;
use crate::store::{staff::employees, staff::training, WriteTx};
use chrono::NaiveDate;
use rusqlite::Connection;

/// The staff area's rules for employees' files.
pub(crate) struct EmployeeDocuments;

pub(crate) static EMPLOYEE_DOCUMENTS: EmployeeDocuments = EmployeeDocuments;

impl OwnerRules for EmployeeDocuments {
    fn entity(&self) -> &'static str {
        EMPLOYEES
    }

    /// Every document of an employee has a type: completeness counts documents by type.
    fn kind(
        &self,
        conn: &Connection,
        type_id: Option<i64>,
        attaching: bool,
    ) -> crate::Result<ExpiryRule> {
        let id = type_id.ok_or_else(|| Error::field("type_id", "required"))?;
        let t = retired_list::get::<DocumentType>(conn, id)?
            .ok_or_else(|| Error::field("type_id", "not_found"))?;
        // A retired type stays on the documents that have it, renewed or corrected.
        if attaching && !t.active {
            return Err(Error::field("type_id", "inactive"));
        }
        Ok(expiry_rule(&t))
    }

    fn changed(&self, w: &WriteTx, record_id: i64, today: NaiveDate) -> crate::Result<()> {
        rescore(w, record_id, today)
    }

    fn before_delete(&self, w: &WriteTx, a: &Attachment) -> crate::Result<()> {
        if a.superseded_by.is_none() && training::cites(w.conn(), a.id)? {
            return Err(Error::validation(vec![FieldError::new("id", "in_use")]));
        }
        Ok(())
    }
}

fn employee_exists(w: &WriteTx, id: i64) -> crate::Result<()> {
    employees::get(w.conn(), id)?
        .map(drop)
        .ok_or_else(|| Error::not_found("employee"))
}

impl Backoffice {
    fn valid_training(
        &self,
        w: &WriteTx,
        input: &TrainingInput,
        old_course: Option<i64>,
    ) -> crate::Result<ValidTraining> {
        let course = retired_list::get::<Course>(w.conn(), input.course_id)?
            .ok_or_else(|| Error::field("course_id", "not_found"))?;
        if !course.active && old_course != Some(course.id) {
            return Err(Error::validation(vec![FieldError::new(
                "course_id",
                "inactive",
            )]));
        }
        input.validate(&course, self.today())
    }

    pub fn add_training(
        &self,
        ctx: &Ctx,
        employee_id: i64,
        input: &TrainingInput,
    ) -> crate::Result<TrainingRecord> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            employee_exists(w, employee_id)?;
            let v = self.valid_training(w, input, None)?;
            let t = training::insert(w, employee_id, &v)?;
            rescore(w, employee_id, today)?;
            Ok(t)
        })
    }

    pub fn update_training(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &TrainingInput,
    ) -> crate::Result<TrainingRecord> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let old =
                training::get(w.conn(), id)?.ok_or_else(|| Error::not_found("training record"))?;
            let v = self.valid_training(w, input, Some(old.course_id))?;
            let t = training::update(w, id, version, &v)?;
            rescore(w, t.employee_id, today)?;
            Ok(t)
        })
    }

    pub fn delete_training(&self, ctx: &Ctx, id: i64, version: i64) -> crate::Result<()> {
        self.require(ctx, Area::Staff, Action::Write)?;
        let today = self.today();
        self.store.write(&ctx.actor, |w| {
            let t = training::delete(w, id, version)?;
            rescore(w, t.employee_id, today)
        })
    }
}
