use super::{Backoffice, Ctx};
use crate::domain::organisation::{Organisation, OrganisationInput};
use crate::domain::permissions::{Action, Area};
use crate::store::organisation;

impl Backoffice {
    pub fn organisation(&self, ctx: &Ctx) -> crate::Result<Organisation> {
        self.require(ctx, Area::Settings, Action::Read)?;
        self.store.read(organisation::get)
    }

    pub fn save_organisation(
        &self,
        ctx: &Ctx,
        input: &OrganisationInput,
    ) -> crate::Result<Organisation> {
        self.require(ctx, Area::Settings, Action::Write)?;
        let valid = input.validate()?;
        self.store
            .write(&ctx.actor, |w| organisation::save(w, &valid, input.version))
    }
}
