//! A table changing shape keeps its history verifiable: a database made by this release, then
//! migrations that add a column to employees and rename one, as a later release would ship them.

use crate::staff::{person, staff_app};
use crate::support::TestApp;
use backoffice_core::domain::history::ProblemKind;
use backoffice_core::domain::permissions::Area;
use backoffice_core::store::history::{self, hash_of};
use backoffice_core::store::migrations::{self, Migration, Reshape, MIGRATIONS};
use backoffice_core::store::reshape::SYSTEM_ACTOR;
use backoffice_core::store::tracked::{Guard, Naming, Snapshot, Tracked, TRACKED};
use chrono::{TimeZone, Utc};
use rusqlite::Connection;

/// The employees declaration with `columns` instead of its own.
fn employees_with(columns: Vec<&'static str>) -> &'static Tracked {
    let real = backoffice_core::store::staff::employees::TRACKED.references;
    Box::leak(Box::new(Tracked {
        entity: "employees",
        guard: Guard::Area(Area::Staff),
        columns: Box::leak(columns.into_boxed_slice()),
        references: real,
        naming: Naming::Words(&["last_name", "first_name"]),
        dates: &[],
        instants: &[],
        personal: true,
        snapshot: Snapshot::new(),
    }))
}

/// Every real declaration, with employees replaced by `employees`.
fn tables(employees: &'static Tracked) -> Vec<&'static Tracked> {
    TRACKED
        .iter()
        .map(|t| {
            if t.entity == "employees" {
                employees
            } else {
                *t
            }
        })
        .collect()
}

fn real_columns() -> Vec<&'static str> {
    backoffice_core::store::staff::employees::TRACKED
        .columns
        .to_vec()
}

const ADD_PRIVATE_EMAIL: &[Reshape] = &[Reshape {
    entity: "employees",
    renamed: &[],
    retyped: &[],
}];
const RENAME_PHONE: &[Reshape] = &[Reshape {
    entity: "employees",
    renamed: &[("phone", "work_phone")],
    retyped: &[],
}];

/// The real migrations plus the two a later release would add.
fn later_release() -> Vec<Migration> {
    let mut all: Vec<Migration> = MIGRATIONS
        .iter()
        .map(|m| Migration {
            sql: m.sql,
            step: m.step,
            reshapes: m.reshapes,
        })
        .collect();
    all.push(Migration {
        sql: "ALTER TABLE employees ADD COLUMN home_email TEXT;",
        step: Some(|tx| {
            // A Rust step: the new field starts from the work address's mailbox at home.
            tx.execute(
                "UPDATE employees SET home_email = 'home.' || email WHERE email IS NOT NULL",
                [],
            )?;
            Ok(())
        }),
        reshapes: ADD_PRIVATE_EMAIL,
    });
    all.push(Migration {
        sql: "ALTER TABLE employees RENAME COLUMN phone TO work_phone;",
        step: None,
        reshapes: RENAME_PHONE,
    });
    all
}

fn upgraded_columns() -> Vec<&'static str> {
    let mut cols: Vec<&'static str> = real_columns()
        .into_iter()
        .map(|c| if c == "phone" { "work_phone" } else { c })
        .collect();
    let at = cols.iter().position(|c| *c == "email").unwrap() + 1;
    cols.insert(at, "home_email");
    cols
}

/// A company made by this release: three employees, one renamed since.
fn made_by_this_release() -> (TestApp, Vec<i64>) {
    let t = staff_app();
    let ids: Vec<i64> = (1..=3)
        .map(|n| {
            t.app
                .create_employee(&t.ctx, &person(n))
                .unwrap()
                .employee
                .id
        })
        .collect();
    let mut input = person(2);
    input.first_name = "Giulia".into();
    t.app.update_employee(&t.ctx, ids[1], 1, &input).unwrap();
    (t, ids)
}

fn upgrade(conn: &mut Connection, tables: &[&Tracked]) {
    let now = Utc.with_ymd_and_hms(2027, 1, 4, 8, 0, 0).unwrap();
    migrations::apply_with(conn, &later_release(), tables, now).unwrap();
}

fn verify(
    conn: &Connection,
    tables: &[&Tracked],
) -> backoffice_core::domain::history::VerifyReport {
    history::verify_with(conn, tables, Utc::now(), &mut |_| true).unwrap()
}

#[test]
fn adding_and_renaming_columns_keeps_history_verifiable_and_proofs_valid() {
    let (t, ids) = made_by_this_release();
    let proof = t.app.history_head(&t.ctx).unwrap();
    let path = t.app.store().path().to_owned();
    let before_count = t.app.history_status(&t.ctx).unwrap().count;
    let TestApp { _dir, app, .. } = t;
    drop(app);

    let upgraded = tables(employees_with(upgraded_columns()));
    let mut conn = Connection::open(&path).unwrap();
    upgrade(&mut conn, &upgraded);
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, migrations::LATEST + 2);

    let report = verify(&conn, &upgraded);
    assert!(report.ok, "{:?}", report.problem);
    // One system entry per employee, marked as an upgrade, naming the version and the fields.
    let entries: Vec<(i64, String, String, String)> = conn
        .prepare(
            "SELECT row_id, actor, op, detail FROM changes WHERE detail IS NOT NULL ORDER BY id",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        entries.iter().map(|e| e.0).collect::<Vec<_>>(),
        ids,
        "one entry per employee"
    );
    for (_, actor, op, detail) in &entries {
        assert_eq!(actor, SYSTEM_ACTOR);
        assert_eq!(op, "update");
        let d: serde_json::Value = serde_json::from_str(detail).unwrap();
        assert_eq!(d["kind"], "schema_upgrade");
        assert_eq!(d["version"], migrations::LATEST + 2);
        assert_eq!(d["added"], serde_json::json!(["home_email"]));
        assert_eq!(d["renamed"], serde_json::json!([["phone", "work_phone"]]));
        assert_eq!(d["removed"], serde_json::json!([]));
    }
    // The Rust step ran and its value is what history recorded.
    let after: String = conn
        .query_row(
            "SELECT after FROM changes WHERE detail IS NOT NULL AND row_id = ?1",
            [ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    let after: serde_json::Value = serde_json::from_str(&after).unwrap();
    assert_eq!(after["home_email"], "home.persona1@example.it");
    assert_eq!(after["work_phone"], "06 1234567");

    // The proof saved before the upgrade still holds: history was only appended to.
    assert_eq!(
        hash_of(&conn, proof.count).unwrap().as_deref(),
        Some(proof.head_hash.as_str())
    );
    assert!(history::status(&conn).unwrap().count > before_count);

    // A row edited by hand after the upgrade is still caught.
    conn.execute(
        "UPDATE employees SET work_phone = '000' WHERE id = ?1",
        [ids[2]],
    )
    .unwrap();
    let report = verify(&conn, &upgraded);
    assert!(!report.ok);
    let problem = report.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::RowModified);
    assert_eq!(problem.row_id, Some(ids[2].to_string()));
}

#[test]
fn without_its_upgrade_entries_a_reshaped_table_fails_verify() {
    let (t, _) = made_by_this_release();
    let path = t.app.store().path().to_owned();
    let TestApp { _dir, app, .. } = t;
    drop(app);
    let mut conn = Connection::open(&path).unwrap();
    let undeclared: Vec<Migration> = later_release()
        .into_iter()
        .map(|m| Migration { reshapes: &[], ..m })
        .collect();
    let upgraded = tables(employees_with(upgraded_columns()));
    let now = Utc.with_ymd_and_hms(2027, 1, 4, 8, 0, 0).unwrap();
    migrations::apply_with(&mut conn, &undeclared, &upgraded, now).unwrap();
    let report = verify(&conn, &upgraded);
    assert_eq!(report.problem.unwrap().kind, ProblemKind::RowModified);
}

#[test]
fn an_upgrade_does_not_launder_a_row_edited_by_hand_before_it() {
    let (t, ids) = made_by_this_release();
    let path = t.app.store().path().to_owned();
    let TestApp { _dir, app, .. } = t;
    drop(app);
    let mut conn = Connection::open(&path).unwrap();
    // Someone changes an IBAN with a SQLite tool, then the app is upgraded.
    conn.execute(
        "UPDATE employees SET iban = 'IT02L1234512345123456789012' WHERE id = ?1",
        [ids[0]],
    )
    .unwrap();
    let upgraded = tables(employees_with(upgraded_columns()));
    upgrade(&mut conn, &upgraded);
    let report = verify(&conn, &upgraded);
    assert!(!report.ok, "the edit must not be explained away");
    let problem = report.problem.unwrap();
    assert_eq!(problem.kind, ProblemKind::RowModified);
    assert_eq!(problem.row_id, Some(ids[0].to_string()));
    let explained: i64 = conn
        .query_row(
            "SELECT count(*) FROM changes WHERE detail IS NOT NULL AND row_id = ?1",
            [ids[0]],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(explained, 0);
}

#[test]
fn a_failed_upgrade_step_leaves_the_file_as_it_was() {
    let (t, _) = made_by_this_release();
    let path = t.app.store().path().to_owned();
    let count = t.app.history_status(&t.ctx).unwrap().count;
    let TestApp { _dir, app, .. } = t;
    drop(app);
    let mut conn = Connection::open(&path).unwrap();
    let mut broken = later_release();
    broken.push(Migration {
        sql: "SELECT 1;",
        step: Some(|_| Err(backoffice_core::Error::internal("step failed"))),
        reshapes: &[],
    });
    let upgraded = tables(employees_with(upgraded_columns()));
    let now = Utc.with_ymd_and_hms(2027, 1, 4, 8, 0, 0).unwrap();
    assert!(migrations::apply_with(&mut conn, &broken, &upgraded, now).is_err());
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(version, migrations::LATEST);
    assert_eq!(history::status(&conn).unwrap().count, count);
    let has_column: i64 = conn
        .query_row(
            "SELECT count(*) FROM pragma_table_info('employees') WHERE name = 'home_email'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(has_column, 0);
}

#[test]
fn every_table_of_the_schema_is_declared_or_knowingly_left_out() {
    let t = staff_app();
    let conn = t.raw();
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    use backoffice_core::store::tracked::{table, UNTRACKED};
    let fts: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema WHERE sql LIKE 'CREATE VIRTUAL TABLE % USING fts5%'",
        )
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for name in &names {
        // FTS5 keeps its own shadow tables beside each index.
        let shadow = fts.iter().any(|f| name.starts_with(&format!("{f}_")));
        let known = table(name).is_some() || UNTRACKED.iter().any(|(n, _)| n == name);
        assert!(
            known || shadow,
            "table {name} is neither tracked nor listed as untracked"
        );
    }
    // And every declared table exists.
    for t in TRACKED {
        assert!(
            names.iter().any(|n| n == t.entity),
            "{} not in schema",
            t.entity
        );
    }
}

#[test]
fn every_history_entity_has_an_area_and_an_unknown_one_has_none() {
    use backoffice_core::store::tracked::{area_of, declaration, history_entities, table};
    // Every entity is guarded: by an area, or row by row by its owner, whose table has one.
    for e in history_entities() {
        let owned = declaration(e).and_then(|t| t.owner_columns()).is_some();
        assert!(area_of(e).is_some() || owned, "{e}");
    }
    assert_eq!(area_of("attachments"), None);
    assert_eq!(area_of("documents"), Some(Area::Staff));
    assert!(
        table("documents").is_none(),
        "a renamed table is not a table any more"
    );
    assert_eq!(area_of("employees"), Some(Area::Staff));
    assert_eq!(area_of("security"), Some(Area::Users));
    assert_eq!(area_of("audit_findings"), None);
    // Every reference points at a declared table.
    for t in TRACKED {
        for (field, to) in t.references {
            assert!(
                backoffice_core::store::tracked::table(to).is_some(),
                "{}.{field} points at undeclared {to}",
                t.entity
            );
            assert!(t.columns.contains(field), "{}.{field}", t.entity);
        }
        for f in t.dates.iter().chain(t.instants) {
            assert!(t.columns.contains(f), "{}.{f}", t.entity);
        }
    }
}

/// SQL lives in the store: a service that wrote its own query would escape the store's rules
/// (LIMITs, indexes checked by plan tests, history in the same transaction).
#[test]
fn services_hold_no_sql() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/services");
    let mut offenders = Vec::new();
    let mut dirs = vec![root];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            for (n, line) in text.lines().enumerate() {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                let sql = [
                    ".prepare(",
                    ".prepare_cached(",
                    ".execute(",
                    ".query_row(",
                    "\"SELECT ",
                ]
                .iter()
                .any(|p| code.contains(p));
                if sql {
                    offenders.push(format!("{}:{}: {code}", path.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "SQL outside the store:\n{}",
        offenders.join("\n")
    );
}
