pub mod export;
pub mod import;

use crate::domain::department::{Department, DepartmentInput, DepartmentQuery};
use crate::domain::page::Page;
use crate::domain::permissions::{Action, Area};
use crate::error::Error;
use crate::services::{Backoffice, Ctx};
use crate::store::departments;

impl Backoffice {
    pub fn list_departments(
        &self,
        ctx: &Ctx,
        q: &DepartmentQuery,
    ) -> crate::Result<Page<Department>> {
        self.require(ctx, Area::Departments, Action::Read)?;
        self.store.read(|c| departments::list(c, q))
    }

    pub fn department(&self, ctx: &Ctx, id: i64) -> crate::Result<Department> {
        self.require(ctx, Area::Departments, Action::Read)?;
        self.store
            .read(|c| departments::get(c, id))?
            .ok_or_else(|| Error::not_found("department"))
    }

    pub fn create_department(
        &self,
        ctx: &Ctx,
        input: &DepartmentInput,
    ) -> crate::Result<Department> {
        self.require(ctx, Area::Departments, Action::Write)?;
        let valid = input.validate()?;
        self.store
            .write(&ctx.actor, |w| departments::insert(w, &valid))
    }

    pub fn update_department(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        input: &DepartmentInput,
    ) -> crate::Result<Department> {
        self.require(ctx, Area::Departments, Action::Write)?;
        let valid = input.validate()?;
        self.store
            .write(&ctx.actor, |w| departments::update(w, id, version, &valid))
    }

    pub fn set_department_active(
        &self,
        ctx: &Ctx,
        id: i64,
        version: i64,
        active: bool,
    ) -> crate::Result<Department> {
        self.require(ctx, Area::Departments, Action::Write)?;
        self.store.write(&ctx.actor, |w| {
            departments::set_active(w, id, version, active)
        })
    }
}
