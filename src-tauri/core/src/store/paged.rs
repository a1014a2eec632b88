//! One page of a list, as every list reads it: the count under the filter, then the page's ids
//! from the sort's index (`LIMIT`/`OFFSET` after the filter's arguments) and only then their
//! rows, joined to what they show. The list gives its table, filter, order and columns.

use crate::domain::page::{Page, PageRequest};
use rusqlite::types::Value;
use rusqlite::{Connection, Row};

/// How many rows of `table` ("purchase_orders o") `filter` keeps, its arguments `args`: the
/// total every list shows under its rows.
pub fn count_rows(c: &Connection, table: &str, filter: &str, args: &[Value]) -> crate::Result<i64> {
    Ok(c.query_row(
        &format!("SELECT count(*) FROM {table}{filter}"),
        rusqlite::params_from_iter(args.iter()),
        |r| r.get(0),
    )?)
}

/// What a list reads: its table, the columns a row shows and the joins they need.
pub struct Listing<'a> {
    /// The table and its alias, as in `FROM`: "purchase_orders o".
    pub table: &'a str,
    /// The alias alone: "o" (the page's ids are `o.id`).
    pub alias: &'a str,
    /// The row's columns, in the order `from_row` reads them.
    pub columns: &'a str,
    /// Joins after the table ("JOIN suppliers s ON s.id = o.supplier_id"); may be empty.
    pub joins: &'a str,
}

impl Listing<'_> {
    /// The page `request` asks for under `filter` (" WHERE 1=1 AND …" and its arguments, as
    /// `Where::into_parts` gives them) sorted by `order`, which must end with a unique key so
    /// paging is stable.
    pub fn page<T>(
        &self,
        c: &Connection,
        (filter, mut args): (String, Vec<Value>),
        order: &str,
        request: PageRequest,
        from_row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> crate::Result<Page<T>> {
        let Listing {
            table,
            alias,
            columns,
            joins,
        } = self;
        let (offset, limit) = request.clamped();
        let total = count_rows(c, table, &filter, &args)?;
        let n = args.len();
        args.push(Value::Integer(limit));
        args.push(Value::Integer(offset));
        // CROSS JOIN keeps the page's ids as the outer loop: with a plain join SQLite walks the
        // whole table in the sort's order to spare sorting one page (100,000 orders read for 50).
        let items = c
            .prepare_cached(&format!(
                "WITH page AS (SELECT {alias}.id FROM {table}{filter} ORDER BY {order}
                               LIMIT ?{} OFFSET ?{})
                 SELECT {columns}
                 FROM page CROSS JOIN {table} ON {alias}.id = page.id {joins} ORDER BY {order}",
                n + 1,
                n + 2
            ))?
            .query_map(rusqlite::params_from_iter(args.iter()), from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Page { items, total })
    }
}
