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
use super::import_fields::{category_code, fold_words, ASSET_FIELDS, OPTIONS};
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
use std::collections::{HashMap, HashSet};

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

/// What a found name stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Found {
    One(i64),
    Many,
    None,
}

/// What the rows of an asset file are checked against.
pub struct Prep {
    /// Italian or English name or code, folded → id.
    categories: HashMap<String, i64>,
    /// Full path, each part folded → id.
    paths: HashMap<String, i64>,
    /// Name folded → the places with it.
    places: HashMap<String, Vec<i64>>,
    /// Name or code key → id.
    departments: HashMap<String, i64>,
    /// Number, e-mail, username, "surname name" or "name surname" → (id, active), each once.
    people: HashMap<String, Vec<(i64, bool)>>,
    /// Tag key → asset id.
    pub(super) tags: HashMap<String, i64>,
    /// Whether unknown categories and locations are created first (no error then).
    pub(super) create_categories: bool,
    pub(super) create_locations: bool,
}

/// "Milano › Sala server", "Milano > Sala server" (GLPI) and "milano›sala server" all read the
/// same.
fn path_key(path: &str) -> String {
    path.split(['›', '>'])
        .map(fold_key)
        .collect::<Vec<_>>()
        .join("›")
}

impl Prep {
    pub(super) fn category(&self, name: &str) -> Option<i64> {
        let found = self.categories.get(&fold_words(name)).copied();
        found.or_else(|| self.categories.get(category_code(name)?).copied())
    }

    pub(super) fn location(&self, name: &str) -> Found {
        if let Some(&id) = self.paths.get(&path_key(name)) {
            return Found::One(id);
        }
        if name.contains(['›', '>']) {
            return Found::None;
        }
        match self.places.get(&fold_key(name)).map(Vec::as_slice) {
            Some([id]) => Found::One(*id),
            Some([_, _, ..]) => Found::Many,
            _ => Found::None,
        }
    }

    pub(super) fn department(&self, name: &str) -> Option<i64> {
        self.departments.get(&fold_key(name)).copied()
    }

    /// The employee a holder cell names: `Some(active)` with the id when one person matches.
    pub(super) fn person(&self, who: &str) -> Result<(i64, bool), Found> {
        match self.people.get(&fold_key(who)).map(Vec::as_slice) {
            Some([one]) => Ok(*one),
            Some([_, _, ..]) => Err(Found::Many),
            _ => Err(Found::None),
        }
    }
}

fn people(conn: &Connection) -> crate::Result<HashMap<String, Vec<(i64, bool)>>> {
    let mut out: HashMap<String, Vec<(i64, bool)>> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT e.id, e.status = 'active', e.employee_number, e.email, e.first_name, e.last_name,
                (SELECT group_concat(u.username, char(10)) FROM users u WHERE u.employee_id = e.id)
         FROM employees e",
    )?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        let active: bool = r.get(1)?;
        let (first, last): (String, String) = (r.get(4)?, r.get(5)?);
        let mut keys: Vec<String> = vec![
            fold_key(&format!("{last} {first}")),
            fold_key(&format!("{first} {last}")),
        ];
        for col in [2, 3] {
            keys.extend(r.get::<_, Option<String>>(col)?.map(|s| fold_key(&s)));
        }
        if let Some(names) = r.get::<_, Option<String>>(6)? {
            keys.extend(names.lines().map(fold_key));
        }
        keys.sort();
        keys.dedup();
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            out.entry(k).or_default().push((id, active));
        }
    }
    Ok(out)
}

fn prep(conn: &Connection, options: &AssetImportOptions) -> crate::Result<Prep> {
    let mut categories = HashMap::new();
    for c in retired_list::list::<AssetCategory>(conn, true)? {
        for name in [
            Some(c.name_it.as_str()),
            c.name_en.as_deref(),
            c.code.as_deref(),
        ]
        .into_iter()
        .flatten()
        {
            categories.entry(fold_words(name)).or_insert(c.id);
        }
    }
    let mut paths = HashMap::new();
    let mut places: HashMap<String, Vec<i64>> = HashMap::new();
    for l in locations::list(conn, true)? {
        paths.insert(path_key(&l.path), l.id);
        places.entry(fold_key(&l.name)).or_default().push(l.id);
    }
    let mut departments = HashMap::new();
    for (id, name_key, code_key, _) in crate::store::departments::keys(conn)? {
        departments.insert(fold_key(&name_key), id);
        if let Some(code) = code_key {
            departments.entry(fold_key(&code)).or_insert(id);
        }
    }
    let tags = conn
        .prepare("SELECT tag_key, id FROM assets")?
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(Prep {
        categories,
        paths,
        places,
        departments,
        people: people(conn)?,
        tags,
        create_categories: options.create_missing_categories,
        create_locations: options.create_missing_locations,
    })
}

/// The values of `key`'s column that `known` does not find, each once, in file order.
fn unknown_in<O>(input: Input<'_, O>, key: &str, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for row in &input.table.rows {
        if let Some(v) = input.cell(row, key) {
            if !known(v) && seen.insert(fold_key(v)) {
                out.push(clean(v));
            }
        }
    }
    out
}

/// Creates the place `path` names, and the places above it that are missing: the top one a
/// site, the others plain places inside it.
fn create_path(w: &WriteTx, prep: &Prep, path: &str) -> crate::Result<()> {
    let parts: Vec<&str> = path.split(['›', '>']).map(str::trim).collect();
    let mut parent: Option<i64> = None;
    for (i, part) in parts.iter().enumerate() {
        let key = path_key(&parts[..=i].join("›"));
        if let Some(&id) = prep.paths.get(&key) {
            parent = Some(id);
            continue;
        }
        let found = match parent {
            None => None,
            Some(p) => locations::list(w.conn(), true)?
                .into_iter()
                .find(|l| l.parent_id == Some(p) && fold_key(&l.name) == fold_key(part))
                .map(|l| l.id),
        };
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
                locations::insert(w, &v)?
            }
        };
        parent = Some(id);
    }
    Ok(())
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
            let names = unknown_in(input, "category", |v| first.category(v).is_some());
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
            let paths = unknown_in(input, "location", |v| first.location(v) != Found::None);
            for path in &paths {
                create_path(w, &first, path)?;
            }
            references.push(("location", paths.len()));
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
