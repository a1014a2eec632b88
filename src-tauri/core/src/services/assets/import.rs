//! Importing IT assets from a CSV or xlsx file on the import pipeline (`crate::import`): our own
//! columns, a Snipe-IT export or a GLPI export of computers and network equipment
//! ([`super::import_fields`]), checked row by row ([`super::import_check`]) and written through
//! the asset store functions with their history ([`super::import_write`]).
//!
//! Rows are matched to assets on the tag (a GLPI file without inventory numbers is matched on
//! the name): a known tag updates the asset, a new one creates it. In an update an empty cell
//! keeps what the asset holds, holder included: exports leave out what they do not know, and
//! checking an asset in is a decision an import should not take from a blank cell. A holder in
//! the file checks the asset out to them, first back from whoever held it.
//!
//! Categories, locations and departments are found by name; the options may create the
//! categories and locations the file names that do not exist. Manufacturers are text on the
//! asset, so there is no list of them to complete.

use super::import_check::AssetChecker;
pub use super::import_check::AssetRow;
use super::import_fields::{ASSET_FIELDS, OPTIONS};
use super::import_lookups::{path_key, prep, Found, Prep};
use super::import_write::AssetWriter;
use crate::domain::assets::catalog::{
    AssetCategory, AssetCategoryInput, LocationInput, LocationKind,
};
use crate::domain::depreciation::default_rate_bp;
use crate::domain::permissions::Area;
use crate::domain::text::{clean, fold_key};
use crate::import::{Begun, Field, ImportOption, Importer, Input, RowChecker};
use crate::store::assets::locations;
use crate::store::{retired_list, WriteTx};
use rusqlite::Connection;
use serde::Deserialize;
use std::collections::HashSet;

/// The asset import.
pub struct AssetImport;

/// The person's choices, as the wizard sends them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct AssetImportOptions {
    pub create_missing_categories: bool,
    pub create_missing_locations: bool,
    /// A holder who is not among the employees leaves the asset unassigned (a warning) instead
    /// of failing the row.
    pub import_unassigned: bool,
}

/// The values of `key`'s column that `known` does not find, each once (the same by `same`),
/// in file order.
fn unknown_in<O>(
    input: Input<'_, O>,
    key: &str,
    same: fn(&str) -> String,
    known: impl Fn(&str) -> bool,
) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in &input.table.rows {
        if let Some(v) = input.cell(row, key) {
            if !known(v) && seen.insert(same(v)) {
                out.push(clean(v));
            }
        }
    }
    out
}

/// Creates the place `path` names, and the places above it that are missing: the top one a
/// site, the others plain places inside it. Returns how many it created.
fn create_path(w: &WriteTx, prep: &Prep, path: &str) -> crate::Result<usize> {
    let mut created = 0;
    let parts: Vec<&str> = path.split(['›', '>']).map(str::trim).collect();
    let mut parent: Option<i64> = None;
    for (i, part) in parts.iter().enumerate() {
        let key = path_key(&parts[..=i].join("›"));
        if let Some(&id) = prep.paths.get(&key) {
            parent = Some(id);
            continue;
        }
        // Made by an earlier path of the file ("Roma › A" then "Roma › B").
        let found = locations::list(w.conn(), true)?
            .into_iter()
            .find(|l| l.parent_id == parent && fold_key(&l.name) == fold_key(part))
            .map(|l| l.id);
        let id = match found {
            Some(id) => id,
            None => {
                let v = LocationInput {
                    parent_id: parent,
                    kind: if parent.is_none() {
                        LocationKind::Site
                    } else {
                        LocationKind::Other
                    },
                    name: (*part).to_owned(),
                    address: None,
                }
                .validate()?;
                created += 1;
                locations::insert(w, &v)?
            }
        };
        parent = Some(id);
    }
    Ok(created)
}

impl Importer for AssetImport {
    type Options = AssetImportOptions;
    type Prep = Prep;
    type Row = AssetRow;

    fn area(&self) -> Area {
        Area::Assets
    }

    fn fields(&self) -> &'static [Field] {
        ASSET_FIELDS
    }

    fn options(&self) -> &'static [ImportOption] {
        OPTIONS
    }

    fn known(
        &self,
        conn: &Connection,
        input: Input<'_, AssetImportOptions>,
    ) -> crate::Result<Prep> {
        prep(conn, input.options)
    }

    fn checker<'a>(
        &'a self,
        conn: &'a Connection,
        input: Input<'a, AssetImportOptions>,
        prep: &'a Prep,
    ) -> crate::Result<Box<dyn RowChecker<AssetRow> + 'a>> {
        Ok(Box::new(AssetChecker::new(conn, input, prep)))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, AssetImportOptions>,
    ) -> crate::Result<Begun<'a, Prep, AssetRow>> {
        let mut references = Vec::new();
        let first = prep(w.conn(), input.options)?;
        if input.options.create_missing_categories {
            let names = unknown_in(input, "category", fold_key, |v| first.category(v).is_some());
            for name in &names {
                let v = AssetCategoryInput {
                    name_it: name.clone(),
                    name_en: None,
                    tag_pattern: "AST-#####".to_owned(),
                    depreciation_bp: default_rate_bp("other").map_or(0, i64::from),
                }
                .validate()?;
                retired_list::insert::<AssetCategory>(w, None, &v)?;
            }
            references.push(("category", names.len()));
        }
        if input.options.create_missing_locations {
            let paths = unknown_in(input, "location", path_key, |v| {
                first.location(v) != Found::None
            });
            let mut created = 0;
            for path in &paths {
                created += create_path(w, &first, path)?;
            }
            references.push(("location", created));
        }
        let mut prep = prep(w.conn(), input.options)?;
        // Everything the file names exists now: what is still unknown is an error.
        prep.create_categories = false;
        prep.create_locations = false;
        Ok(Begun {
            prep,
            writer: Box::new(AssetWriter::new(w)),
            references,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_are_the_fields_of_the_options_type() {
        let value: serde_json::Value = OPTIONS
            .iter()
            .map(|o| (o.key.to_owned(), serde_json::Value::Bool(!o.default)))
            .collect::<serde_json::Map<_, _>>()
            .into();
        let options: AssetImportOptions = serde_json::from_value(value).unwrap();
        assert!(options.create_missing_categories && options.import_unassigned);
        assert_eq!(
            path_key("Milano > Sala  server"),
            path_key("milano › sala server")
        );
    }
}
