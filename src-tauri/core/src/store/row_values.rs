//! A row's stored values named by their columns. A table keeps one such list per kind of write
//! (what a form sets, what a new row adds), and its INSERT, its UPDATE and, for bulk writes, its
//! history snapshot are all made from it: a new column is named once, next to its value, instead
//! of in a column list, a placeholder list, a bind list and a snapshot builder that must agree.

use super::tracked::Tracked;
use crate::error::Error;
use rusqlite::types::{ToSqlOutput, ValueRef};
use rusqlite::{Statement, ToSql};
use std::fmt::Write;

/// Column names with the values a write stores in them, in the statement's order.
pub type Values<'a> = Vec<(&'static str, &'a dyn ToSql)>;

/// The names of `values`, in order.
pub fn names(values: &Values) -> Vec<&'static str> {
    values.iter().map(|(n, _)| *n).collect()
}

/// `INSERT INTO table (a, b, …) VALUES (?1, ?2, …)` over `names`, then `tail` (a `RETURNING`).
pub fn insert_sql(table: &str, names: &[&str], tail: &str) -> String {
    let marks: Vec<String> = (1..=names.len()).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO {table} ({}) VALUES ({}) {tail}",
        names.join(", "),
        marks.join(", ")
    )
}

/// `UPDATE table SET a = ?1, b = ?2, … , <extra> WHERE id = ?N`: `extra` may use `?{last}`
/// (the parameter after the named values) and the id is the one after it.
pub fn update_sql(table: &str, names: &[&str], extra: &str) -> String {
    let sets: Vec<String> = names
        .iter()
        .enumerate()
        .map(|(i, n)| format!("{n} = ?{}", i + 1))
        .collect();
    let last = names.len() + 1;
    format!(
        "UPDATE {table} SET {}, {} WHERE id = ?{}",
        sets.join(", "),
        extra.replace("?{last}", &format!("?{last}")),
        last + 1
    )
}

/// Binds `values` to `stmt` from parameter `first` on.
pub fn bind(stmt: &mut Statement<'_>, first: usize, values: &Values) -> rusqlite::Result<()> {
    for (i, (_, value)) in values.iter().enumerate() {
        stmt.raw_bind_parameter(first + i, value)?;
    }
    Ok(())
}

/// Where each of `t`'s snapshot columns is in a list named `names`. Every snapshot column must
/// be there: a write that leaves one to the table's default could not build its snapshot.
pub fn snapshot_order(t: &Tracked, names: &[&str]) -> crate::Result<Vec<usize>> {
    t.columns
        .iter()
        .map(|c| {
            names.iter().position(|n| n == c).ok_or_else(|| {
                Error::internal(format!("{}: the write does not name {c}", t.entity))
            })
        })
        .collect()
}

/// The history snapshot of a row about to be written with `values`, as SQLite's `json_object`
/// over the table's snapshot columns would give it once stored, byte for byte (verify compares
/// the two). `order` comes from [`snapshot_order`] for the same list.
pub fn snapshot_json(t: &Tracked, order: &[usize], values: &Values) -> crate::Result<String> {
    let mut out = String::with_capacity(64 * order.len());
    out.push('{');
    for (column, &at) in t.columns.iter().zip(order) {
        if out.len() > 1 {
            out.push(',');
        }
        out.push('"');
        out.push_str(column);
        out.push_str("\":");
        let (_, value) = values
            .get(at)
            .ok_or_else(|| Error::internal("snapshot: a value list changed its shape"))?;
        let value = value.to_sql()?;
        let value = match &value {
            ToSqlOutput::Borrowed(v) => *v,
            ToSqlOutput::Owned(v) => ValueRef::from(v),
            _ => return Err(Error::internal("snapshot: an unsupported value")),
        };
        match value {
            ValueRef::Null => out.push_str("null"),
            ValueRef::Integer(n) => {
                let _ = write!(out, "{n}");
            }
            ValueRef::Text(t) => push_json_str(
                &mut out,
                std::str::from_utf8(t).map_err(|_| Error::internal("snapshot: text not UTF-8"))?,
            ),
            // No tracked column holds these: SQLite's float and blob text is not reproduced.
            ValueRef::Real(_) | ValueRef::Blob(_) => {
                return Err(Error::internal(format!(
                    "snapshot: {column} is not text or integer"
                )))
            }
        }
    }
    out.push('}');
    Ok(out)
}

/// Appends `s` as a JSON string the way SQLite's `json_object` writes text: `"` and `\` escaped
/// with a backslash, control characters as `\b \t \n \f \r` or `\u00XX`, everything else (the
/// apostrophe, DEL, any non-ASCII character) as is.
fn push_json_str(out: &mut String, s: &str) {
    out.push('"');
    let mut from = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc: Option<&str> = match b {
            b'"' => Some("\\\""),
            b'\\' => Some("\\\\"),
            0x08 => Some("\\b"),
            b'\t' => Some("\\t"),
            b'\n' => Some("\\n"),
            0x0c => Some("\\f"),
            b'\r' => Some("\\r"),
            0..=0x1f => None,
            _ => continue,
        };
        out.push_str(&s[from..i]);
        match esc {
            Some(e) => out.push_str(e),
            None => {
                let _ = write!(out, "\\u{:04x}", b);
            }
        }
        from = i + 1;
    }
    out.push_str(&s[from..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::tracked::Snapshot;

    #[test]
    fn json_strings_escape_as_sqlite_does() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        let samples = [
            "",
            "plain",
            "d'Amico",
            "quote \" and \\ backslash",
            "tab\tnew\nline\rcr\u{8}bs\u{c}ff",
            "\u{1}\u{1f}\u{7f} control and DEL",
            "àèìòù ß € 日本 🙂",
            "\\u0041 not an escape",
        ];
        for s in samples {
            let mut mine = String::new();
            push_json_str(&mut mine, s);
            let theirs: String = c
                .query_row("SELECT json_object('k', ?1)", [s], |r| r.get(0))
                .unwrap();
            assert_eq!(format!("{{\"k\":{mine}}}"), theirs, "{s:?}");
        }
    }

    static T: Tracked = Tracked {
        entity: "t",
        guard: crate::store::tracked::Guard::Area(crate::domain::permissions::Area::Staff),
        columns: &["id", "name", "n", "gone"],
        references: &[],
        naming: crate::store::tracked::Naming::Field("name"),
        dates: &[],
        instants: &[],
        personal: false,
        snapshot: Snapshot::new(),
    };

    #[test]
    fn statements_and_snapshot_follow_one_list() {
        let c = rusqlite::Connection::open_in_memory().unwrap();
        c.execute_batch("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, n INTEGER, gone TEXT, extra TEXT, version INTEGER)")
            .unwrap();
        let (id, name, n, gone, extra) = (7_i64, "Anna \"d'A\"", Some(3_i64), None::<String>, "x");
        let values: Values = vec![
            ("extra", &extra),
            ("gone", &gone),
            ("n", &n),
            ("name", &name),
            ("id", &id),
        ];
        let names = names(&values);
        let order = snapshot_order(&T, &names).unwrap();
        let mine = snapshot_json(&T, &order, &values).unwrap();
        let sql = insert_sql("t", &names, &format!("RETURNING {}", T.snapshot_sql()));
        let mut stmt = c.prepare(&sql).unwrap();
        bind(&mut stmt, 1, &values).unwrap();
        let theirs: String = {
            let mut rows = stmt.raw_query();
            rows.next().unwrap().unwrap().get(0).unwrap()
        };
        assert_eq!(mine, theirs);

        let sql = update_sql("t", &["name"], "version = ?{last}");
        assert_eq!(sql, "UPDATE t SET name = ?1, version = ?2 WHERE id = ?3");
        assert_eq!(c.execute(&sql, rusqlite::params!["Bea", 2, 7]).unwrap(), 1);

        // A list that leaves a snapshot column out cannot make the snapshot.
        assert!(snapshot_order(&T, &["id", "name", "n"]).is_err());
    }
}
