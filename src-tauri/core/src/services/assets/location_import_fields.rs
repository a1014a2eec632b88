//! The columns of a places file: our own (a path, or a name and its parent; kind; address) and
//! Snipe-IT's locations export (`Name`, `Parent`, `Address`, `Address2`, `City`, `State`,
//! `Country`, `Zip`), whose address columns make our one address line.

use crate::domain::assets::catalog::LocationKind;
use crate::domain::text::fold_key;
use crate::import::{Cells, Field, FieldKind};

pub const LOCATION_FIELDS: &[Field] = &[
    Field::new(
        "path",
        "Percorso",
        "Path",
        &["Full path", "Percorso completo", "Ubicazione completa"],
    )
    .required_unless("name"),
    Field::new(
        "name",
        "Nome",
        "Name",
        &[
            "Location",
            "Location name",
            "Ubicazione",
            "Luogo",
            "Nome luogo",
        ],
    )
    .required_unless("path"),
    Field::new(
        "parent",
        "Contenuto in",
        "Parent",
        &[
            "Parent location",
            "Luogo superiore",
            "Ubicazione superiore",
            "Padre",
        ],
    )
    .kind(FieldKind::Reference)
    .also(&["parent_id"]),
    Field::new(
        "kind",
        "Tipo",
        "Kind",
        &["Type", "Tipo luogo", "Location type"],
    )
    .kind(FieldKind::Choice),
    Field::new(
        "address",
        "Indirizzo",
        "Address",
        &["Via", "Street", "Address 1"],
    ),
    Field::new("address2", "Indirizzo 2", "Address 2", &["Address2"]),
    Field::new(
        "zip",
        "CAP",
        "Zip",
        &["Postal code", "Postcode", "ZIP code", "Codice postale"],
    ),
    Field::new("city", "Città", "City", &["Comune", "Località"]),
    Field::new(
        "state",
        "Provincia",
        "State",
        &["Region", "Regione", "County"],
    ),
    Field::new("country", "Paese", "Country", &["Nazione"]),
];

/// The kind of place in either language, or as stored.
pub(super) fn parse_kind(s: &str) -> Option<LocationKind> {
    Some(match fold_key(s).as_str() {
        "site" | "sede" => LocationKind::Site,
        "building" | "edificio" | "palazzina" => LocationKind::Building,
        "floor" | "piano" => LocationKind::Floor,
        "room" | "stanza" | "locale" | "ufficio" | "office" => LocationKind::Room,
        "other" | "altro" => LocationKind::Other,
        _ => return None,
    })
}

/// The address line the row's address columns make ("Via Roma 1, 20121 Milano (MI), Italia").
pub(super) fn address(cells: &Cells<'_>) -> Option<String> {
    let town = [cells.get("zip"), cells.get("city")]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let town = match cells.get("state") {
        Some(s) if !town.is_empty() => format!("{town} ({s})"),
        Some(s) => s.to_owned(),
        None => town,
    };
    let line: Vec<&str> = [cells.get("address"), cells.get("address2")]
        .into_iter()
        .flatten()
        .chain([town.as_str()].into_iter().filter(|t| !t.is_empty()))
        .chain(cells.get("country"))
        .collect();
    (!line.is_empty()).then(|| line.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::headers::ambiguous_titles;

    #[test]
    fn no_title_names_two_fields_and_kinds_read() {
        assert_eq!(ambiguous_titles(LOCATION_FIELDS), []);
        assert_eq!(parse_kind("Piano"), Some(LocationKind::Floor));
        assert_eq!(parse_kind("Room"), Some(LocationKind::Room));
        assert_eq!(parse_kind("Cantina"), None);
    }
}
