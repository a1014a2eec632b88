//! What the names in an asset file stand for: categories (also by the words Snipe-IT and GLPI
//! use), locations by path or name, departments, employees by number, e-mail, username, name
//! or a username another system gave them (`person_aliases`), and the tags already on file.

use super::import::AssetImportOptions;
use super::import_words::{category_code, fold_words};
use crate::domain::assets::catalog::AssetCategory;
use crate::domain::text::fold_key;
use crate::store::assets::{asset, checkouts, locations, person_aliases};
use crate::store::retired_list;
use rusqlite::Connection;
use std::collections::HashMap;

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
    pub(super) paths: HashMap<String, i64>,
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
pub(super) fn path_key(path: &str) -> String {
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
    let mut active = HashMap::new();
    for p in checkouts::holder_names(conn)? {
        active.insert(p.id, p.active);
        let (first, last) = (&p.first_name, &p.last_name);
        let mut keys: Vec<String> = vec![
            fold_key(&format!("{last} {first}")),
            fold_key(&format!("{first} {last}")),
        ];
        let others = [p.employee_number.as_deref(), p.email.as_deref()];
        keys.extend(others.into_iter().flatten().map(fold_key));
        keys.extend(p.usernames.iter().map(|u| fold_key(u)));
        keys.sort();
        keys.dedup();
        for k in keys.into_iter().filter(|k| !k.is_empty()) {
            out.entry(k).or_default().push((p.id, p.active));
        }
    }
    // The usernames a users import matched to employees (Snipe-IT's "Checked Out To:
    // Username"); one that is also someone's own key stays ambiguous rather than picking.
    for a in person_aliases::all(conn)? {
        let Some(&on) = active.get(&a.employee_id) else {
            continue;
        };
        let list = out.entry(fold_key(&a.alias)).or_default();
        if !list.iter().any(|(id, _)| *id == a.employee_id) {
            list.push((a.employee_id, on));
        }
    }
    Ok(out)
}

pub(super) fn prep(conn: &Connection, options: &AssetImportOptions) -> crate::Result<Prep> {
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
    let tags = asset::ids_by_tag(conn)?;
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
