//! Departments table: paged search, insert, update, (de)activate.

use crate::domain::department::{
    ActiveFilter, Department, DepartmentQuery, DepartmentSort, ValidDepartment,
};
use crate::domain::history::ChangeOp;
use crate::domain::page::Page;
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::{Error, FieldError};
use crate::store::paged::count_rows;
use crate::store::tracked::{Guard, Naming, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::versioned::at_version;
use crate::store::{like_pattern, ts_parse};
use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "departments",
    guard: Guard::Area(Area::Departments),
    columns: &[
        "id",
        "name",
        "name_key",
        "code",
        "code_key",
        "head",
        "cost_centre",
        "active",
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

const COLUMNS: &str = "id, name, code, head, cost_centre, active, version, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Department> {
    Ok(Department {
        id: r.get(0)?,
        name: r.get(1)?,
        code: r.get(2)?,
        head: r.get(3)?,
        cost_centre: r.get(4)?,
        active: r.get(5)?,
        version: r.get(6)?,
        created_at: ts_parse(&r.get::<_, String>(7)?)?,
        updated_at: ts_parse(&r.get::<_, String>(8)?)?,
    })
}

pub fn get(conn: &Connection, id: i64) -> crate::Result<Option<Department>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM departments WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The WHERE and ORDER BY of the list's filter and sort, with the filter's arguments.
fn filtered(q: &DepartmentQuery) -> (String, String, Vec<Value>) {
    let mut filter = String::from(" WHERE 1=1");
    let mut args: Vec<Value> = Vec::new();
    match q.status {
        ActiveFilter::All => {}
        ActiveFilter::Active => filter.push_str(" AND active = 1"),
        ActiveFilter::Inactive => filter.push_str(" AND active = 0"),
    }
    if let Some(s) = q.search.as_deref().map(fold_key).filter(|s| !s.is_empty()) {
        filter.push_str(
            " AND (name_key LIKE ?1 ESCAPE '\\' OR code_key LIKE ?1 ESCAPE '\\'
                   OR lower(head) LIKE ?1 ESCAPE '\\' OR lower(cost_centre) LIKE ?1 ESCAPE '\\')",
        );
        args.push(Value::Text(like_pattern(&s)));
    }
    // Sort keys come from a closed enum, never from user text; id breaks ties so paging is stable.
    let key = match q.sort {
        DepartmentSort::Name => "name_key",
        DepartmentSort::Code => "code_key",
        DepartmentSort::Head => "lower(head)",
        DepartmentSort::CostCentre => "lower(cost_centre)",
        DepartmentSort::UpdatedAt => "updated_at",
    };
    let dir = q.dir.sql();
    let order = format!(" ORDER BY {key} IS NULL, {key} {dir}, id {dir}");
    (filter, order, args)
}

pub fn list(conn: &Connection, q: &DepartmentQuery) -> crate::Result<Page<Department>> {
    let (offset, limit) = q.page.clamped();
    let (filter, order, mut args) = filtered(q);
    let total = count_rows(conn, "departments", &filter, &args)?;
    let n = args.len();
    let sql = format!(
        "SELECT {COLUMNS} FROM departments{filter}{order} LIMIT ?{} OFFSET ?{}",
        n + 1,
        n + 2
    );
    args.push(Value::Integer(limit));
    args.push(Value::Integer(offset));
    let mut stmt = conn.prepare(&sql)?;
    let items = stmt
        .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Page { items, total })
}

/// Every department the list's filter matches, in its order, one at a time (an export), without
/// the page.
pub fn for_each(
    conn: &Connection,
    q: &DepartmentQuery,
    f: &mut dyn FnMut(&Department) -> crate::Result<()>,
) -> crate::Result<()> {
    let (filter, order, args) = filtered(q);
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM departments{filter}{order}"))?;
    let mut rows = stmt.query(rusqlite::params_from_iter(args.iter()))?;
    while let Some(r) = rows.next()? {
        f(&from_row(r)?)?;
    }
    Ok(())
}

pub fn count_active(conn: &Connection) -> crate::Result<i64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM departments WHERE active = 1",
        [],
        |r| r.get(0),
    )?)
}

/// Name and code must be unique ignoring case; checked inside the write so no race slips by.
fn check_unique(w: &WriteTx, v: &ValidDepartment, own_id: i64) -> crate::Result<()> {
    let mut errors = Vec::new();
    let taken = |col: &str, key: &str| -> crate::Result<bool> {
        Ok(w.conn()
            .query_row(
                &format!("SELECT 1 FROM departments WHERE {col} = ?1 AND id <> ?2"),
                params![key, own_id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    if taken("name_key", &fold_key(&v.name))? {
        errors.push(FieldError::new("name", "duplicate"));
    }
    if let Some(code) = &v.code {
        if taken("code_key", &fold_key(code))? {
            errors.push(FieldError::new("code", "duplicate"));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

pub fn insert(w: &WriteTx, v: &ValidDepartment) -> crate::Result<Department> {
    check_unique(w, v, 0)?;
    let now = w.now_text();
    w.conn().execute(
        "INSERT INTO departments (name, name_key, code, code_key, head, cost_centre, active, version,
                                  created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, 1, ?7, ?7)",
        params![
            v.name,
            fold_key(&v.name),
            v.code,
            v.code.as_deref().map(fold_key),
            v.head,
            v.cost_centre,
            now
        ],
    )?;
    let id = w.conn().last_insert_rowid();
    w.record(&TRACKED, id, ChangeOp::Insert, None)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("department"))
}

pub fn update(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    v: &ValidDepartment,
) -> crate::Result<Department> {
    let d = at_version(get(w.conn(), id)?, "department", expected_version)?;
    check_unique(w, v, id)?;
    let unchanged =
        d.name == v.name && d.code == v.code && d.head == v.head && d.cost_centre == v.cost_centre;
    if unchanged {
        return Ok(d);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE departments SET name = ?1, name_key = ?2, code = ?3, code_key = ?4, head = ?5,
                cost_centre = ?6, version = version + 1, updated_at = ?7
         WHERE id = ?8",
        params![
            v.name,
            fold_key(&v.name),
            v.code,
            v.code.as_deref().map(fold_key),
            v.head,
            v.cost_centre,
            w.now_text(),
            id
        ],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("department"))
}

pub fn set_active(
    w: &WriteTx,
    id: i64,
    expected_version: i64,
    active: bool,
) -> crate::Result<Department> {
    let d = at_version(get(w.conn(), id)?, "department", expected_version)?;
    if d.active == active {
        return Ok(d);
    }
    let before = w.snapshot(&TRACKED, id)?;
    w.conn().execute(
        "UPDATE departments SET active = ?1, version = version + 1, updated_at = ?2 WHERE id = ?3",
        params![active, w.now_text(), id],
    )?;
    w.record(&TRACKED, id, ChangeOp::Update, before)?;
    get(w.conn(), id)?.ok_or_else(|| Error::not_found("department"))
}

/// A department as an import matches it: id, name key, code key, active.
pub type DepartmentKey = (i64, String, Option<String>, bool);

/// Every department's keys: what an import matches its department column against (a few
/// hundred rows; capped all the same).
pub fn keys(conn: &Connection) -> crate::Result<Vec<DepartmentKey>> {
    let mut stmt =
        conn.prepare("SELECT id, name_key, code_key, active FROM departments LIMIT 100000")?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}
