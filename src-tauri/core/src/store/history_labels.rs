//! Names for the records a page of history mentions, so the History screen can say "Antincendio"
//! instead of "Corso: 4". Read-only: what history stores is never touched.
//!
//! A record is named from its current row; a record since deleted is named from its last
//! snapshot in history, and so is a row of a renamed table under its old name (the name it had
//! then). A row of a table guarded by its owners is named only for those who see its owner. Lookups are batched: one query per table for current rows and one per
//! table for the rows that are gone, whatever the page size, and never a whole table.

use super::tracked::{declaration, Naming, Part, Tracked};
use crate::domain::history::{Change, ChangeOp, RecordName};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Ids per `IN (...)` list; a page holds at most a few hundred, so this only guards SQLite's limit.
const CHUNK: usize = 500;

/// The names found for a page, keyed `"entity:id"`, and how many queries finding them took.
pub struct Resolved {
    pub labels: BTreeMap<String, RecordName>,
    pub queries: usize,
}

type Wanted = BTreeMap<&'static str, BTreeSet<i64>>;

fn referenced(entity: &str, field: &str) -> Option<&'static str> {
    declaration(entity)?.referenced(field)
}

fn tracked(entity: &str) -> Option<&'static str> {
    declaration(entity).map(|t| t.entity)
}

/// Names the records of `changes` and the records their fields point at, limited to `visible`
/// entities (a name from an area the person may not read stays a bare id).
pub fn resolve(conn: &Connection, changes: &[Change], visible: &[&str]) -> crate::Result<Resolved> {
    let mut r = Resolver {
        conn,
        visible,
        snaps: HashMap::new(),
        queries: 0,
    };
    let mut wanted = Wanted::new();
    for ch in changes {
        if matches!(ch.op, ChangeOp::Event) {
            continue;
        }
        let Some(entity) = tracked(&ch.entity) else {
            continue;
        };
        if let Ok(id) = ch.row_id.parse() {
            wanted.entry(entity).or_default().insert(id);
        }
        for snap in [&ch.before, &ch.after].into_iter().flatten() {
            refs_of(entity, snap, &mut wanted, |_| true);
        }
    }
    r.fetch(wanted)?;
    // Second round: the records whose names compose another's (a training record is named by
    // its course and employee).
    let mut more = Wanted::new();
    for ((entity, _), snap) in &r.snaps {
        let Some(t) = declaration(entity) else {
            continue;
        };
        let fields = t.naming.referenced_fields();
        if !fields.is_empty() {
            refs_of(entity, snap, &mut more, |f| fields.contains(&f));
        }
        if let (true, Some((owner, id))) = (t.naming.names_owner(), owner_of(t, snap)) {
            more.entry(owner).or_default().insert(id);
        }
    }
    r.fetch(more)?;
    let labels = r
        .snaps
        .keys()
        .filter_map(|&(entity, id)| Some((format!("{entity}:{id}"), r.name(entity, id)?)))
        .collect();
    Ok(Resolved {
        labels,
        queries: r.queries,
    })
}

/// The table and id of the record that owns `snap`, for a table guarded by its owners.
fn owner_of(t: &Tracked, snap: &Json) -> Option<(&'static str, i64)> {
    let (entity, id) = t.owner_columns()?;
    let owner = super::tracked::table(snap.get(entity)?.as_str()?)?.entity;
    Some((owner, snap.get(id)?.as_i64()?))
}

fn refs_of(entity: &str, snap: &Json, wanted: &mut Wanted, keep: impl Fn(&str) -> bool) {
    let Json::Object(m) = snap else { return };
    for (field, v) in m {
        if !keep(field) {
            continue;
        }
        if let (Some(to), Some(id)) = (referenced(entity, field), v.as_i64()) {
            wanted.entry(to).or_default().insert(id);
        }
    }
}

struct Resolver<'a> {
    conn: &'a Connection,
    visible: &'a [&'a str],
    snaps: HashMap<(&'static str, i64), Json>,
    queries: usize,
}

impl Resolver<'_> {
    fn fetch(&mut self, wanted: Wanted) -> crate::Result<()> {
        for (entity, ids) in wanted {
            if !self.visible.contains(&entity) {
                continue;
            }
            let Some(t) = declaration(entity) else {
                continue;
            };
            // A renamed table's old name has no rows of its own: only history names them.
            let current_table = super::tracked::table(entity).is_some();
            let ids: Vec<i64> = ids
                .into_iter()
                .filter(|id| !self.snaps.contains_key(&(entity, *id)))
                .collect();
            for chunk in ids.chunks(CHUNK) {
                let marks = vec!["?"; chunk.len()].join(", ");
                if current_table {
                    let current = format!(
                        "SELECT id, {snap} FROM {entity} WHERE id IN ({marks})",
                        snap = t.snapshot_sql()
                    );
                    self.load(&current, chunk.iter().map(|&id| Value::Integer(id)), entity)?;
                }
                let gone: Vec<i64> = chunk
                    .iter()
                    .copied()
                    .filter(|id| !self.snaps.contains_key(&(entity, *id)))
                    .collect();
                if gone.is_empty() {
                    continue;
                }
                // The newest snapshot of each row that is gone: "before" of its deletion.
                let rows = vec!["(?)"; gone.len()].join(", ");
                let last = format!(
                    "WITH ids(id) AS (VALUES {rows})
                     SELECT ids.id, (SELECT coalesce(c.after, c.before) FROM changes c
                                     WHERE c.entity = ? AND c.row_id = ids.id
                                       AND c.op IN ('insert', 'update', 'delete')
                                     ORDER BY c.id DESC LIMIT 1)
                     FROM ids"
                );
                let args = gone
                    .iter()
                    .map(|&id| Value::Integer(id))
                    .chain([Value::Text(entity.to_owned())]);
                self.load(&last, args, entity)?;
            }
            if let Some((owner, _)) = t.owner_columns() {
                // Rows whose owner the person may not read stay bare ids.
                let visible = self.visible;
                self.snaps.retain(|(e, _), snap| {
                    *e != entity
                        || snap
                            .get(owner)
                            .and_then(Json::as_str)
                            .is_some_and(|o| visible.contains(&o))
                });
            }
        }
        Ok(())
    }

    fn load(
        &mut self,
        sql: &str,
        args: impl Iterator<Item = Value>,
        entity: &'static str,
    ) -> crate::Result<()> {
        self.queries += 1;
        let mut stmt = self.conn.prepare(sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        while let Some(row) = rows.next()? {
            let id: i64 = row.get(0)?;
            let snap: Option<String> = row.get(1)?;
            if let Some(v) = snap.and_then(|s| serde_json::from_str(&s).ok()) {
                self.snaps.insert((entity, id), v);
            }
        }
        Ok(())
    }

    fn text(&self, entity: &str, id: i64, field: &str) -> Option<String> {
        let snap = self.snaps.get(&(tracked(entity)?, id))?;
        snap.get(field)
            .and_then(Json::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    fn reference(&self, entity: &str, id: i64, field: &str) -> Option<RecordName> {
        let snap = self.snaps.get(&(tracked(entity)?, id))?;
        let to = referenced(entity, field)?;
        self.name(to, snap.get(field)?.as_i64()?)
    }

    fn name(&self, entity: &str, id: i64) -> Option<RecordName> {
        let t = |f: &str| self.text(entity, id, f);
        let same = |s: String| RecordName {
            it: s.clone(),
            en: s,
        };
        match &declaration(entity)?.naming {
            Naming::Field(f) => t(f).map(same),
            Naming::Words(fields) => {
                let parts: Vec<String> = fields.iter().filter_map(|f| t(f)).collect();
                (!parts.is_empty()).then(|| same(parts.join(" ")))
            }
            Naming::Bilingual { it, en } => {
                let name_it = t(it).or_else(|| t(en))?;
                let name_en = t(en).unwrap_or_else(|| name_it.clone());
                Some(RecordName {
                    it: name_it,
                    en: name_en,
                })
            }
            Naming::Account { full, user } => {
                let username = t(user)?;
                Some(same(match t(full) {
                    Some(full) => format!("{full} ({username})"),
                    None => username,
                }))
            }
            Naming::Parts(parts) => joined(
                parts
                    .iter()
                    .map(|p| match p {
                        Part::Text(f) => t(f).map(same),
                        Part::Ref(f) => self.reference(entity, id, f),
                        Part::FirstRef(fs) => fs.iter().find_map(|f| self.reference(entity, id, f)),
                        Part::Owner => {
                            let snap = self.snaps.get(&(tracked(entity)?, id))?;
                            let (owner, owner_id) = owner_of(declaration(entity)?, snap)?;
                            self.name(owner, owner_id)
                        }
                    })
                    .collect(),
            ),
        }
    }
}

/// "Antincendio · Rossi Mario": the known parts, in order, in each language.
fn joined(parts: Vec<Option<RecordName>>) -> Option<RecordName> {
    let parts: Vec<RecordName> = parts.into_iter().flatten().collect();
    if parts.is_empty() {
        return None;
    }
    let join = |f: fn(&RecordName) -> &str| parts.iter().map(f).collect::<Vec<_>>().join(" · ");
    Some(RecordName {
        it: join(|n| &n.it),
        en: join(|n| &n.en),
    })
}
