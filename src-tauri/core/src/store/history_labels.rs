//! Names for the records a page of history mentions, so the History screen can say "Antincendio"
//! instead of "Corso: 4". Read-only: what history stores is never touched.
//!
//! A record is named from its current row; a record since deleted is named from its last
//! snapshot in history. Lookups are batched: one query per table for current rows and one per
//! table for the rows that are gone, whatever the page size, and never a whole table.

use super::tracked::TRACKED;
use crate::domain::history::{Change, ChangeOp, RecordName};
use rusqlite::types::Value;
use rusqlite::{params_from_iter, Connection};
use serde_json::Value as Json;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Snapshot fields that hold the id of another record: (entity, field, referenced entity).
/// The UI keeps the same list to know which fields to show by name.
pub const REFERENCES: &[(&str, &str, &str)] = &[
    ("employees", "department_id", "departments"),
    ("employees", "manager_id", "employees"),
    ("employees", "contract_type_id", "contract_types"),
    ("documents", "employee_id", "employees"),
    ("documents", "type_id", "document_types"),
    ("documents", "superseded_by", "documents"),
    ("training_records", "employee_id", "employees"),
    ("training_records", "course_id", "courses"),
    ("training_records", "certificate_document_id", "documents"),
    ("requirements", "department_id", "departments"),
    ("requirements", "document_type_id", "document_types"),
    ("requirements", "course_id", "courses"),
];

/// Fields whose names make up another record's name (a training record is named by its course
/// and employee, a requirement by what it asks for and of whom).
const NAMED_BY: &[(&str, &[&str])] = &[
    ("training_records", &["course_id", "employee_id"]),
    (
        "requirements",
        &["document_type_id", "course_id", "department_id"],
    ),
];

/// Ids per `IN (...)` list; a page holds at most a few hundred, so this only guards SQLite's limit.
const CHUNK: usize = 500;

/// The names found for a page, keyed `"entity:id"`, and how many queries finding them took.
pub struct Resolved {
    pub labels: BTreeMap<String, RecordName>,
    pub queries: usize,
}

type Wanted = BTreeMap<&'static str, BTreeSet<i64>>;

fn referenced(entity: &str, field: &str) -> Option<&'static str> {
    REFERENCES
        .iter()
        .find(|(e, f, _)| *e == entity && *f == field)
        .map(|(_, _, to)| *to)
}

fn tracked(entity: &str) -> Option<&'static str> {
    TRACKED.iter().map(|t| t.entity).find(|e| *e == entity)
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
    // Second round: the records whose names compose a training record's or requirement's name.
    let mut more = Wanted::new();
    for ((entity, _), snap) in &r.snaps {
        if let Some((_, fields)) = NAMED_BY.iter().find(|(e, _)| e == entity) {
            refs_of(entity, snap, &mut more, |f| fields.contains(&f));
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
            let Some(t) = TRACKED.iter().find(|t| t.entity == entity) else {
                continue;
            };
            let ids: Vec<i64> = ids
                .into_iter()
                .filter(|id| !self.snaps.contains_key(&(entity, *id)))
                .collect();
            for chunk in ids.chunks(CHUNK) {
                let marks = vec!["?"; chunk.len()].join(", ");
                let current = format!(
                    "SELECT id, {snap} FROM {entity} WHERE id IN ({marks})",
                    snap = t.snapshot_sql
                );
                self.load(&current, chunk.iter().map(|&id| Value::Integer(id)), entity)?;
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
        match entity {
            "employees" => {
                let parts: Vec<String> = [t("last_name"), t("first_name")]
                    .into_iter()
                    .flatten()
                    .collect();
                (!parts.is_empty()).then(|| same(parts.join(" ")))
            }
            "contract_types" | "document_types" | "courses" => {
                let it = t("name_it").or_else(|| t("name_en"))?;
                let en = t("name_en").unwrap_or_else(|| it.clone());
                Some(RecordName { it, en })
            }
            "users" => {
                let username = t("username")?;
                Some(same(match t("full_name") {
                    Some(full) => format!("{full} ({username})"),
                    None => username,
                }))
            }
            "departments" | "organisation" => t("name").map(same),
            "documents" => t("title").map(same),
            "preferences" => t("key").map(same),
            "training_records" => joined(vec![
                self.reference(entity, id, "course_id"),
                self.reference(entity, id, "employee_id"),
            ]),
            "requirements" => joined(vec![
                self.reference(entity, id, "document_type_id")
                    .or_else(|| self.reference(entity, id, "course_id")),
                t("job_title").map(same),
                self.reference(entity, id, "department_id"),
            ]),
            _ => None,
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
