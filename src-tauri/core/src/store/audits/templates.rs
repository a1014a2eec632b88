//! Checklist templates, their versions and items. A version is frozen when the first audit
//! starts from it; editing a template whose newest version is frozen first copies that version.

use crate::domain::audits::template::{
    ChecklistItem, Template, TemplateVersion, ValidItem, ValidTemplate, MAX_ITEMS,
};
use crate::domain::page::{Page, PageRequest};
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::paged::count_rows;
use crate::store::recorded;
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use crate::store::{like_pattern, ts_parse};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql};
use std::collections::HashMap;

pub static TRACKED: Tracked = Tracked {
    entity: "audit_templates",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "name",
        "name_key",
        "description",
        "language",
        "starter",
        "retired",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Field("name"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static VERSIONS: Tracked = Tracked {
    entity: "audit_template_versions",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "template_id",
        "number",
        "frozen_at",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("template_id", "audit_templates")],
    naming: Naming::Parts(&[Part::Ref("template_id"), Part::Text("number")]),
    dates: &[],
    instants: &["frozen_at"],
    personal: false,
    snapshot: Snapshot::new(),
};

pub static ITEMS: Tracked = Tracked {
    entity: "audit_checklist_items",
    guard: Guard::Area(Area::Audits),
    columns: &[
        "id",
        "version_id",
        "position",
        "section",
        "code",
        "requirement",
        "reference",
        "guidance",
        "evidence_expected",
        "weight",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[("version_id", "audit_template_versions")],
    naming: Naming::Parts(&[Part::Text("code"), Part::Ref("version_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "t.id, t.name, t.description, t.language, t.starter, t.retired, t.version,
    t.created_at, t.updated_at, v.id, v.number, v.frozen_at IS NOT NULL,
    (SELECT count(*) FROM audit_checklist_items i WHERE i.version_id = v.id),
    (SELECT count(*) FROM audits a JOIN audit_template_versions av ON av.id = a.template_version_id
      WHERE av.template_id = t.id)";

/// A template joined with its newest version.
const FROM: &str = "FROM audit_templates t JOIN audit_template_versions v ON v.template_id = t.id
    AND v.number = (SELECT max(number) FROM audit_template_versions WHERE template_id = t.id)";

fn from_row(r: &Row) -> rusqlite::Result<Template> {
    Ok(Template {
        id: r.get(0)?,
        name: r.get(1)?,
        description: r.get(2)?,
        language: r.get(3)?,
        starter: r.get(4)?,
        retired: r.get(5)?,
        version: r.get(6)?,
        created_at: ts_parse(&r.get::<_, String>(7)?)?,
        updated_at: ts_parse(&r.get::<_, String>(8)?)?,
        current_version_id: r.get(9)?,
        current_number: r.get(10)?,
        current_frozen: r.get(11)?,
        item_count: r.get(12)?,
        audit_count: r.get(13)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Template>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} {FROM} WHERE t.id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Templates by name; retired ones only when asked for.
pub fn list(
    conn: &Connection,
    search: Option<&str>,
    with_retired: bool,
    page: PageRequest,
) -> crate::Result<Page<Template>> {
    let (offset, limit) = page.clamped();
    let mut filter = String::from(" WHERE 1=1");
    let mut args: Vec<Value> = Vec::new();
    if !with_retired {
        filter.push_str(" AND t.retired = 0");
    }
    if let Some(s) = search.map(fold_key).filter(|s| !s.is_empty()) {
        filter.push_str(" AND t.name_key LIKE ?1 ESCAPE '\\'");
        args.push(Value::Text(like_pattern(&s)));
    }
    let total = count_rows(conn, "audit_templates t", &filter, &args)?;
    let n = args.len();
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} {FROM}{filter} ORDER BY t.name_key, t.id LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    ))?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

fn check_unique(w: &WriteTx, name_key: &str, own_id: i64) -> crate::Result<()> {
    let taken = w
        .conn()
        .prepare_cached("SELECT 1 FROM audit_templates WHERE name_key = ?1 AND id <> ?2")?
        .query_row(params![name_key, own_id], |_| Ok(()))
        .optional()?
        .is_some();
    if taken {
        return Err(Error::validation(vec![FieldError::new(
            "name",
            "duplicate",
        )]));
    }
    Ok(())
}

/// A new template with an empty first version.
pub fn insert(w: &WriteTx, v: &ValidTemplate, starter: Option<&str>) -> crate::Result<i64> {
    check_unique(w, &v.name_key, 0)?;
    let retired = false;
    let id = recorded::insert(
        w,
        &TRACKED,
        &vec![
            ("name", &v.name as &dyn ToSql),
            ("name_key", &v.name_key),
            ("description", &v.description),
            ("language", &v.language),
            ("starter", &starter),
            ("retired", &retired),
        ],
    )?;
    new_version(w, id, 1)?;
    Ok(id)
}

fn new_version(w: &WriteTx, template_id: i64, number: i64) -> crate::Result<i64> {
    let frozen: Option<String> = None;
    recorded::insert(
        w,
        &VERSIONS,
        &vec![
            ("template_id", &template_id as &dyn ToSql),
            ("number", &number),
            ("frozen_at", &frozen),
        ],
    )
}

pub fn update(w: &WriteTx, id: i64, expected: i64, v: &ValidTemplate) -> crate::Result<Template> {
    at_version(get(w.conn(), id)?, "audit template", expected)?;
    check_unique(w, &v.name_key, id)?;
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("name", &v.name as &dyn ToSql),
            ("name_key", &v.name_key),
            ("description", &v.description),
            ("language", &v.language),
        ],
    )?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("audit template"))
}

pub fn set_retired(w: &WriteTx, id: i64, expected: i64, retired: bool) -> crate::Result<Template> {
    at_version(get(w.conn(), id)?, "audit template", expected)?;
    recorded::update(w, &TRACKED, id, &vec![("retired", &retired as &dyn ToSql)])?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("audit template"))
}

fn version_from_row(r: &Row) -> rusqlite::Result<TemplateVersion> {
    Ok(TemplateVersion {
        id: r.get(0)?,
        template_id: r.get(1)?,
        number: r.get(2)?,
        frozen_at: r
            .get::<_, Option<String>>(3)?
            .map(|s| ts_parse(&s))
            .transpose()?,
        created_at: ts_parse(&r.get::<_, String>(4)?)?,
    })
}

const VERSION_COLUMNS: &str = "id, template_id, number, frozen_at, created_at";

pub fn version(conn: &Connection, id: i64) -> crate::Result<Option<TemplateVersion>> {
    Ok(conn
        .query_row(
            &format!("SELECT {VERSION_COLUMNS} FROM audit_template_versions WHERE id = ?1"),
            [id],
            version_from_row,
        )
        .optional()?)
}

/// Every version of a template, newest first.
pub fn versions(conn: &Connection, template_id: i64) -> crate::Result<Vec<TemplateVersion>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {VERSION_COLUMNS} FROM audit_template_versions WHERE template_id = ?1
         ORDER BY number DESC LIMIT 1000"
    ))?;
    let rows = stmt.query_map([template_id], version_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

const ITEM_COLUMNS: &str = "id, version_id, position, section, code, requirement, reference,
    guidance, evidence_expected, weight, version";

fn item_from_row(r: &Row) -> rusqlite::Result<ChecklistItem> {
    Ok(ChecklistItem {
        id: r.get(0)?,
        version_id: r.get(1)?,
        position: r.get(2)?,
        section: r.get(3)?,
        code: r.get(4)?,
        requirement: r.get(5)?,
        reference: r.get(6)?,
        guidance: r.get(7)?,
        evidence_expected: r.get(8)?,
        weight: r.get(9)?,
        version: r.get(10)?,
    })
}

/// A version's items in checklist order.
pub fn items(conn: &Connection, version_id: i64) -> crate::Result<Vec<ChecklistItem>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {ITEM_COLUMNS} FROM audit_checklist_items WHERE version_id = ?1
         ORDER BY position, id LIMIT {MAX_ITEMS}"
    ))?;
    let rows = stmt.query_map([version_id], item_from_row)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

/// The newest version of a template: (id, number, frozen).
pub fn newest(conn: &Connection, template_id: i64) -> crate::Result<Option<(i64, i64, bool)>> {
    Ok(conn
        .prepare_cached(
            "SELECT id, number, frozen_at IS NOT NULL FROM audit_template_versions
             WHERE template_id = ?1 ORDER BY number DESC LIMIT 1",
        )?
        .query_row([template_id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?)
}

/// Marks a version as used by an audit: it never changes again.
pub fn freeze(w: &WriteTx, version_id: i64) -> crate::Result<()> {
    let frozen: Option<String> = w
        .conn()
        .query_row(
            "SELECT frozen_at FROM audit_template_versions WHERE id = ?1",
            [version_id],
            |r| r.get(0),
        )
        .optional()?
        .flatten();
    if frozen.is_none() {
        let now = w.now_text();
        recorded::update(
            w,
            &VERSIONS,
            version_id,
            &vec![("frozen_at", &now as &dyn ToSql)],
        )?;
    }
    Ok(())
}

/// The version an edit of the template may change: the newest, or a copy of it when an audit
/// has started from it.
fn editable(w: &WriteTx, template_id: i64) -> crate::Result<i64> {
    let (id, number, frozen) =
        newest(w.conn(), template_id)?.ok_or_else(|| Error::not_found("audit template"))?;
    if !frozen {
        return Ok(id);
    }
    let copy = new_version(w, template_id, number + 1)?;
    for item in items(w.conn(), id)? {
        insert_item(w, copy, item.position, &valid_of(&item))?;
    }
    Ok(copy)
}

fn valid_of(i: &ChecklistItem) -> ValidItem {
    ValidItem {
        section: i.section.clone(),
        code: i.code.clone(),
        requirement: i.requirement.clone(),
        reference: i.reference.clone(),
        guidance: i.guidance.clone(),
        evidence_expected: i.evidence_expected.clone(),
        weight: i.weight,
    }
}

fn item_values<'a>(position: &'a i64, v: &'a ValidItem) -> Vec<(&'static str, &'a dyn ToSql)> {
    vec![
        ("position", position as &dyn ToSql),
        ("section", &v.section),
        ("code", &v.code),
        ("requirement", &v.requirement),
        ("reference", &v.reference),
        ("guidance", &v.guidance),
        ("evidence_expected", &v.evidence_expected),
        ("weight", &v.weight),
    ]
}

fn insert_item(w: &WriteTx, version_id: i64, position: i64, v: &ValidItem) -> crate::Result<i64> {
    let mut values = item_values(&position, v);
    values.insert(0, ("version_id", &version_id));
    recorded::insert(w, &ITEMS, &values)
}

/// Makes the template's checklist exactly `list`, in that order: items matched by code are
/// updated where they differ, new codes inserted, missing codes removed. Works on the editable
/// version (a copy when the newest is in use), so no started audit sees the change. Returns
/// the version written.
pub fn save_items(w: &WriteTx, template_id: i64, list: &[ValidItem]) -> crate::Result<i64> {
    let version_id = editable(w, template_id)?;
    let existing: HashMap<String, i64> = items(w.conn(), version_id)?
        .into_iter()
        .map(|i| (i.code, i.id))
        .collect();
    let keep: std::collections::HashSet<&str> = list.iter().map(|v| v.code.as_str()).collect();
    for (code, id) in &existing {
        if !keep.contains(code.as_str()) {
            recorded::delete(w, &ITEMS, *id)?;
        }
    }
    for (i, v) in list.iter().enumerate() {
        let position = i as i64 + 1;
        match existing.get(&v.code) {
            Some(id) => {
                recorded::update(w, &ITEMS, *id, &item_values(&position, v))?;
            }
            None => {
                insert_item(w, version_id, position, v)?;
            }
        }
    }
    Ok(version_id)
}
