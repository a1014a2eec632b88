//! The words and amounts the IT area's exports write: the same in every list, in the export's
//! language.

use crate::domain::assets::asset::AssetStatus;
use crate::domain::assets::consumable::ConsumableCategory;
use crate::domain::assets::licence::LicenceKind;
use crate::domain::assets::maintenance_log::Outcome;
use crate::export::{Currency, Language, Value};

fn currency(code: &str) -> Option<Currency> {
    [Currency::EUR, Currency::USD, Currency::GBP, Currency::CHF]
        .into_iter()
        .find(|c| c.code == code)
}

/// An amount as a money cell; empty without one or in a currency exports do not know.
pub(super) fn money(cents: Option<i64>, code: &str) -> Value {
    match (cents, currency(code)) {
        (Some(minor), Some(currency)) => Value::Money { minor, currency },
        _ => Value::Empty,
    }
}

/// The words the asset import reads back for a status.
pub(super) fn status_word(s: AssetStatus, language: Language) -> &'static str {
    use AssetStatus as S;
    match s {
        S::InUse => language.pick("In uso", "In use"),
        S::InStock => language.pick("In magazzino", "In stock"),
        S::InRepair => language.pick("In riparazione", "In repair"),
        S::Retired => language.pick("Dismesso", "Retired"),
        S::Lost => language.pick("Smarrito o rubato", "Lost or stolen"),
    }
}

pub(super) fn licence_kind_word(k: LicenceKind, language: Language) -> &'static str {
    match k {
        LicenceKind::PerSeat => language.pick("Per utente", "Per seat"),
        LicenceKind::PerDevice => language.pick("Per dispositivo", "Per device"),
        LicenceKind::Site => language.pick("Per sede", "Site"),
        LicenceKind::Subscription => language.pick("Abbonamento", "Subscription"),
    }
}

pub(super) fn consumable_word(c: ConsumableCategory, language: Language) -> &'static str {
    match c {
        ConsumableCategory::Toner => language.pick("Toner", "Toner"),
        ConsumableCategory::Cable => language.pick("Cavi", "Cables"),
        ConsumableCategory::Peripheral => language.pick("Periferiche", "Peripherals"),
        ConsumableCategory::Other => language.pick("Altro", "Other"),
    }
}

pub(super) fn outcome_word(o: Outcome, language: Language) -> &'static str {
    match o {
        Outcome::Done => language.pick("Eseguito", "Done"),
        Outcome::Partly => language.pick("In parte", "Partly"),
        Outcome::Failed => language.pick("Non eseguito", "Not done"),
    }
}

/// A category's name in the export's language (Italian when it has no English one).
pub(super) fn category_name<'a>(it: &'a str, en: Option<&'a str>, language: Language) -> &'a str {
    match language {
        Language::En => en.unwrap_or(it),
        Language::It => it,
    }
}
