use super::{Backoffice, Ctx};
use crate::domain::organisation::{Organisation, OrganisationInput};
use crate::store::organisation;

impl Backoffice {
    pub fn organisation(&self) -> crate::Result<Organisation> {
        self.store.read(organisation::get)
    }

    pub fn save_organisation(
        &self,
        ctx: &Ctx,
        input: &OrganisationInput,
    ) -> crate::Result<Organisation> {
        let valid = input.validate()?;
        self.store
            .write(&ctx.actor, |w| organisation::save(w, &valid, input.version))
    }
}
