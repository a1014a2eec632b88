//! Where each row of a locations file goes in the tree, worked out for the whole file before
//! the first row is checked: a parent may come later in the file than its children, so each
//! row's parent is found among the file's rows first and then among the places on file, and the
//! rows are written parents first. A row whose parent chain comes back to it is a cycle; its
//! path is what a re-import matches on.

use super::import_lookups::path_key;
use crate::domain::assets::catalog::{Location, MAX_DEPTH};
use crate::domain::text::{clean, fold_key};
use crate::import::{param, Input};
use std::collections::{BTreeMap, HashMap};

/// Where a row's place hangs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Parent {
    Root,
    Place(i64),
    /// Another row of the file, which creates it.
    Row(usize),
}

/// A problem found on the whole file, reported at its row.
pub(super) type Found = (&'static str, &'static str, BTreeMap<String, String>);

/// One row's place in the tree.
pub(super) struct Planned {
    pub(super) name: String,
    /// Its parts from the top, as the file spells them.
    pub(super) path: Vec<String>,
    pub(super) parent: Parent,
    /// The place on file with the same path: the row updates it.
    pub(super) existing: Option<i64>,
    pub(super) problems: Vec<Found>,
}

/// What the row says about its parent.
enum Spec {
    Root,
    Path(Vec<String>),
    Name(String),
}

fn parts(path: &str) -> Vec<String> {
    path.split(['›', '>'])
        .map(clean)
        .filter(|s| !s.is_empty())
        .collect()
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    New,
    Visiting,
    Done(bool),
}

struct Planner<'a> {
    specs: Vec<Spec>,
    rows: Vec<Planned>,
    state: Vec<State>,
    names: HashMap<String, Vec<usize>>,
    places: &'a [Location],
    by_name: HashMap<String, Vec<usize>>,
}

impl Planner<'_> {
    /// Works out row `i`'s path; `false` when it cannot be (reported). `stack` holds the rows
    /// whose parent is being looked for, so a chain back to one of them is a cycle.
    fn resolve(&mut self, i: usize, stack: &mut Vec<usize>) -> bool {
        match self.state[i] {
            State::Done(ok) => return ok,
            State::Visiting => {
                let from = stack.iter().position(|&k| k == i).unwrap_or(0);
                for &k in &stack[from..] {
                    let parent = self.rows[k].name.clone();
                    self.rows[k]
                        .problems
                        .push(("parent", "cycle", param("name", parent)));
                    self.state[k] = State::Done(false);
                }
                return false;
            }
            State::New => {}
        }
        if stack.len() > MAX_DEPTH as usize {
            self.rows[i]
                .problems
                .push(("parent", "too_deep", param("max", MAX_DEPTH)));
            self.state[i] = State::Done(false);
            return false;
        }
        self.state[i] = State::Visiting;
        stack.push(i);
        let ok = self.resolve_spec(i, stack);
        stack.pop();
        if self.state[i] == State::Visiting {
            self.state[i] = State::Done(ok);
        }
        matches!(self.state[i], State::Done(true))
    }

    fn resolve_spec(&mut self, i: usize, stack: &mut Vec<usize>) -> bool {
        let name = self.rows[i].name.clone();
        let spec = std::mem::replace(&mut self.specs[i], Spec::Root);
        let ok = match &spec {
            Spec::Root => {
                self.rows[i].path = vec![name];
                true
            }
            Spec::Path(p) => {
                let mut path = p.clone();
                path.push(name);
                self.rows[i].path = path;
                true
            }
            Spec::Name(parent) if fold_key(parent) == fold_key(&name) => {
                self.rows[i]
                    .problems
                    .push(("parent", "cycle", param("name", parent)));
                false
            }
            Spec::Name(parent) => self.by_parent_name(i, parent, stack),
        };
        self.specs[i] = spec;
        ok
    }

    fn by_parent_name(&mut self, i: usize, parent: &str, stack: &mut Vec<usize>) -> bool {
        let key = fold_key(parent);
        let in_file = self.names.get(&key).cloned().unwrap_or_default();
        let (parent_path, link) = match in_file.as_slice() {
            [j] => {
                if !self.resolve(*j, stack) {
                    if !matches!(self.state[i], State::Done(false)) {
                        self.rows[i].problems.push((
                            "parent",
                            "parent_invalid",
                            param("name", parent),
                        ));
                    }
                    return false;
                }
                (self.rows[*j].path.clone(), Parent::Row(*j))
            }
            [_, _, ..] => {
                self.rows[i]
                    .problems
                    .push(("parent", "ambiguous_parent", param("value", parent)));
                return false;
            }
            [] => match self.by_name.get(&key).map(Vec::as_slice) {
                Some([k]) => {
                    let l = &self.places[*k];
                    (parts(&l.path), Parent::Place(l.id))
                }
                Some([_, _, ..]) => {
                    self.rows[i].problems.push((
                        "parent",
                        "ambiguous_parent",
                        param("value", parent),
                    ));
                    return false;
                }
                _ => {
                    self.rows[i].problems.push((
                        "parent",
                        "unknown_parent",
                        param("value", parent),
                    ));
                    return false;
                }
            },
        };
        let mut path = parent_path;
        path.push(self.rows[i].name.clone());
        self.rows[i].path = path;
        self.rows[i].parent = link;
        true
    }
}

/// Plans every row of the file against the places on file.
pub(super) fn plan<O>(input: Input<'_, O>, places: &[Location]) -> Vec<Planned> {
    let mut specs = Vec::with_capacity(input.table.rows.len());
    let mut rows = Vec::with_capacity(input.table.rows.len());
    for row in &input.table.rows {
        let mut problems = Vec::new();
        let (name, spec) = match input.cell(row, "path").map(parts) {
            Some(mut p) if !p.is_empty() => {
                let name = p.pop().unwrap_or_default();
                (
                    name,
                    if p.is_empty() {
                        Spec::Root
                    } else {
                        Spec::Path(p)
                    },
                )
            }
            _ => {
                let name = input.cell(row, "name").map(clean).unwrap_or_default();
                if name.is_empty() {
                    problems.push(("name", "required", BTreeMap::new()));
                }
                let spec = match input.cell(row, "parent") {
                    None => Spec::Root,
                    Some(p) if p.contains(['›', '>']) => Spec::Path(parts(p)),
                    Some(p) => Spec::Name(clean(p)),
                };
                (name, spec)
            }
        };
        specs.push(spec);
        rows.push(Planned {
            name,
            path: Vec::new(),
            parent: Parent::Root,
            existing: None,
            problems,
        });
    }
    let mut names: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| !r.name.is_empty()) {
        names.entry(fold_key(&r.name)).or_default().push(i);
    }
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    for (k, l) in places.iter().enumerate() {
        by_name.entry(fold_key(&l.name)).or_default().push(k);
    }
    let n = rows.len();
    let mut p = Planner {
        specs,
        rows,
        state: vec![State::New; n],
        names,
        places,
        by_name,
    };
    for i in 0..n {
        if !p.rows[i].name.is_empty() {
            p.resolve(i, &mut Vec::new());
        }
    }
    link_paths(p.specs, p.rows, places)
}

/// Links the rows that name their parent by its path, now that every row's path is known, and
/// finds the place on file each row's path already names.
fn link_paths(specs: Vec<Spec>, mut rows: Vec<Planned>, places: &[Location]) -> Vec<Planned> {
    let on_file: HashMap<String, i64> = places.iter().map(|l| (path_key(&l.path), l.id)).collect();
    let mut in_file: HashMap<String, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate().filter(|(_, r)| !r.path.is_empty()) {
        in_file.entry(path_key(&r.path.join("›"))).or_insert(i);
    }
    for (i, spec) in specs.iter().enumerate() {
        let r = &rows[i];
        if r.path.is_empty() {
            continue;
        }
        let existing = on_file.get(&path_key(&r.path.join("›"))).copied();
        let depth = r.path.len() - 1;
        let mut problems = Vec::new();
        let mut parent = r.parent;
        if let Spec::Path(p) = spec {
            let key = path_key(&p.join("›"));
            match (in_file.get(&key), on_file.get(&key)) {
                (Some(&j), _) if j != i => parent = Parent::Row(j),
                (_, Some(&id)) => parent = Parent::Place(id),
                _ => problems.push(("parent", "unknown_parent", param("value", p.join(" › ")))),
            }
        }
        if depth >= MAX_DEPTH as usize {
            problems.push(("parent", "too_deep", param("max", MAX_DEPTH)));
        }
        let r = &mut rows[i];
        r.existing = existing;
        r.parent = parent;
        r.problems.extend(problems);
    }
    // A parent that is already on file is linked by its id: only new rows wait for another.
    let existing: Vec<Option<i64>> = rows.iter().map(|r| r.existing).collect();
    for r in &mut rows {
        if let Parent::Row(j) = r.parent {
            if let Some(id) = existing[j] {
                r.parent = Parent::Place(id);
            }
        }
    }
    rows
}
