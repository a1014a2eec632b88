//! Loops of managers an import would make: found once every row is read, on the links of the
//! file over the ones on record.

use crate::store::staff::keys;
use rusqlite::Connection;
use std::collections::HashMap;

/// Someone in the manager chains an import would leave: a file on record (by id) or a new
/// employee of the file (by tax code).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) enum Person {
    OnFile(i64),
    New(String),
}

/// One person of the file and the manager the import would leave them.
pub(super) struct ManagerLink {
    /// The row's index among the file's rows, and its line.
    pub(super) row: usize,
    pub(super) line: usize,
    pub(super) who: Person,
    pub(super) manager: Option<Person>,
    /// The manager differs from the one on file (or the person is new and has one).
    pub(super) changed: bool,
    /// The row already has a problem with its manager.
    pub(super) manager_reported: bool,
}

/// Lookups of one manager on file each before the loop check reads every link at once instead.
/// At 100,000 employees (release build) a lookup by id takes about 2 µs and reading every
/// `id, manager_id` into a map about 20-35 ms: a walk that has cost as much as the one query is
/// likely to go on, so the check switches.
pub(super) const MANAGER_LOOKUPS_BEFORE_SCAN: usize = 10_000;

/// The lines a loop's problem names; a longer loop ends in "…".
pub(super) const LOOP_LINES_SHOWN: usize = 10;

/// "4, 9, 12": the file lines of a loop's rows, in order, the first [`LOOP_LINES_SHOWN`] of a
/// longer loop followed by "…".
fn loop_lines(links: &[ManagerLink], rows: &[usize]) -> String {
    let mut lines: Vec<usize> = rows.iter().map(|&i| links[i].line).collect();
    lines.sort_unstable();
    let mut shown: Vec<String> = lines
        .iter()
        .take(LOOP_LINES_SHOWN)
        .map(usize::to_string)
        .collect();
    if lines.len() > LOOP_LINES_SHOWN {
        shown.push("…".to_owned());
    }
    shown.join(", ")
}

/// The people of the file who would take part in a loop of managers: the links of the file
/// over the ones on record, new people with the managers they name. Only loops the file makes
/// count (at least one manager in them set or changed by the file). Returns the index of each
/// link in a loop, in file order, with the lines of that loop's rows ("4, 9, 12", the first
/// [`LOOP_LINES_SHOWN`] of a longer loop).
///
/// Each chain is walked up once: a person on record not in the file is read by id (the primary
/// key), and after [`MANAGER_LOOKUPS_BEFORE_SCAN`] such reads the rest comes from one query of
/// every manager on record, which is cheaper than more reads one by one.
pub(super) fn manager_loops(
    conn: &Connection,
    links: &[ManagerLink],
) -> crate::Result<Vec<(usize, String)>> {
    #[derive(Clone, Copy, PartialEq, Eq, Hash)]
    enum Node {
        Link(usize),
        Record(i64),
    }
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;

    let mut on_file: HashMap<i64, usize> = HashMap::new();
    let mut new: HashMap<&str, usize> = HashMap::new();
    for (i, l) in links.iter().enumerate() {
        match &l.who {
            Person::OnFile(id) => on_file.insert(*id, i),
            Person::New(code) => new.insert(code.as_str(), i),
        };
    }
    let node_of = |p: &Person| -> Option<Node> {
        match p {
            Person::OnFile(id) => Some(
                on_file
                    .get(id)
                    .map_or(Node::Record(*id), |&i| Node::Link(i)),
            ),
            // A new person without a row of their own here (a row with an unreadable tax code)
            // ends the chain.
            Person::New(code) => new.get(code.as_str()).map(|&i| Node::Link(i)),
        }
    };

    let mut lookups = 0;
    let mut all: Option<HashMap<i64, i64>> = None;
    let mut manager_on_record = |id: i64| -> crate::Result<Option<i64>> {
        if all.is_none() && lookups >= MANAGER_LOOKUPS_BEFORE_SCAN {
            all = Some(keys::manager_links(conn)?);
        }
        if let Some(all) = &all {
            return Ok(all.get(&id).copied());
        }
        lookups += 1;
        keys::manager_of(conn, id)
    };

    let mut link_state = vec![NEW; links.len()];
    let mut record_state: HashMap<i64, u8> = HashMap::new();
    let mut looped: Vec<(usize, String)> = Vec::new();
    let mut path: Vec<Node> = Vec::new();
    for start in 0..links.len() {
        if link_state[start] != NEW {
            continue;
        }
        path.clear();
        let mut at = Some(Node::Link(start));
        while let Some(node) = at {
            let state = match node {
                Node::Link(i) => link_state[i],
                Node::Record(id) => record_state.get(&id).copied().unwrap_or(NEW),
            };
            if state == DONE {
                break;
            }
            if state == ON_PATH {
                // Back at someone of this walk: everyone from there on is in a loop.
                let from = path.iter().rposition(|&n| n == node).unwrap_or(0);
                let rows: Vec<usize> = path[from..]
                    .iter()
                    .filter_map(|n| match n {
                        Node::Link(i) => Some(*i),
                        Node::Record(_) => None,
                    })
                    .collect();
                if rows.iter().any(|&i| links[i].changed) {
                    let lines = loop_lines(links, &rows);
                    looped.extend(rows.iter().map(|&i| (i, lines.clone())));
                }
                break;
            }
            match node {
                Node::Link(i) => link_state[i] = ON_PATH,
                Node::Record(id) => {
                    record_state.insert(id, ON_PATH);
                }
            }
            path.push(node);
            at = match node {
                Node::Link(i) => links[i].manager.as_ref().and_then(node_of),
                Node::Record(id) => manager_on_record(id)?
                    .map(Person::OnFile)
                    .as_ref()
                    .and_then(node_of),
            };
        }
        for &node in &path {
            match node {
                Node::Link(i) => link_state[i] = DONE,
                Node::Record(id) => {
                    record_state.insert(id, DONE);
                }
            }
        }
    }
    looped.sort_unstable_by_key(|&(i, _)| i);
    Ok(looped)
}
