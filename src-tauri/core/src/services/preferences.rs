use super::{Backoffice, Ctx};
use crate::domain::organisation::LANGUAGES;
use crate::error::Error;
use crate::store::preferences;
use serde::Serialize;
use ts_rs::TS;

const LANGUAGE: &str = "ui.language";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preferences {
    /// The chosen interface language; `None` until the person picks one.
    pub language: Option<String>,
}

impl Backoffice {
    pub fn preferences(&self, ctx: &Ctx) -> crate::Result<Preferences> {
        let language = self
            .store
            .read(|c| preferences::get(c, &ctx.actor, LANGUAGE))?;
        Ok(Preferences { language })
    }

    pub fn set_language(&self, ctx: &Ctx, language: &str) -> crate::Result<Preferences> {
        if !LANGUAGES.contains(&language) {
            return Err(Error::field("language", "invalid_language"));
        }
        self.store.write(&ctx.actor, |w| {
            preferences::set(w, &ctx.actor, LANGUAGE, language)
        })?;
        self.preferences(ctx)
    }
}
