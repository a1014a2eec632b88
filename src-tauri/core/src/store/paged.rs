//! One page of a list, as every list reads it: the count under the filter, then the page's ids
//! from the sort's index (`LIMIT`/`OFFSET` after the filter's arguments) and only then their
//! rows, joined to what they show. The list gives its table, filter, order and columns.

use super::filter::NO_FILTER;
use super::id_set::{IdSet, IN_IDS};
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
        (filter, args): (String, Vec<Value>),
        order: &str,
        request: PageRequest,
        from_row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> crate::Result<Page<T>> {
        let total = count_rows(c, self.table, &filter, &args)?;
        self.page_counted(
            c,
            self.table,
            (filter, args),
            total,
            order,
            request,
            from_row,
        )
    }

    /// [`Listing::page`] among the rows whose ids are in `ids` (what a full-text search found),
    /// as well as under `filter`. Few ids are read one by one and sorted; many are tested row
    /// by row along the sort's index (`in_ids`), which stops once the page is full: the cheaper
    /// of the two by the rows each would read.
    pub fn page_among<T>(
        &self,
        c: &Connection,
        (filter, mut args): (String, Vec<Value>),
        ids: &IdSet,
        order: &str,
        request: PageRequest,
        from_row: impl FnMut(&Row) -> rusqlite::Result<T>,
    ) -> crate::Result<Page<T>> {
        if ids.is_empty() {
            return Ok(Page {
                items: Vec::new(),
                total: 0,
            });
        }
        let unfiltered = filter == NO_FILTER;
        let (offset, limit) = request.clamped();
        // Rows of the table, from the largest id: an estimate read from the key's index.
        let rows: i64 = c
            .prepare_cached(&format!(
                "SELECT coalesce(max(rowid), 0) FROM {}",
                self.table
            ))?
            .query_row([], |r| r.get(0))?;
        let matches = ids.len() as i64;
        // Reading a row by its id costs about eight steps along an index.
        let walked = rows.min((offset + limit).saturating_mul(rows) / matches);
        if matches.saturating_mul(8) < walked {
            args.push(Value::Text(ids.json()));
            let from = format!(
                "json_each(?{}) m CROSS JOIN {} ON {}.id = m.value",
                args.len(),
                self.table,
                self.alias
            );
            let total = match unfiltered {
                true => matches,
                false => count_rows(c, &from, &filter, &args)?,
            };
            return self.page_counted(c, &from, (filter, args), total, order, request, from_row);
        }
        args.push(Value::Blob(ids.blob()));
        let filter = format!("{filter} AND {IN_IDS}({}.id, ?{})", self.alias, args.len());
        let total = match unfiltered {
            true => matches,
            false => count_rows(c, self.table, &filter, &args)?,
        };
        self.page_counted(
            c,
            self.table,
            (filter, args),
            total,
            order,
            request,
            from_row,
        )
    }

    /// The page's rows, `total` already counted; their ids read `from` the table (or from a
    /// set of ids joined to it).
    #[allow(clippy::too_many_arguments)] // the page's parts, each from the caller's own query
    fn page_counted<T>(
        &self,
        c: &Connection,
        from: &str,
        (filter, mut args): (String, Vec<Value>),
        total: i64,
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
        let n = args.len();
        args.push(Value::Integer(limit));
        args.push(Value::Integer(offset));
        // CROSS JOIN keeps the page's ids as the outer loop: with a plain join SQLite walks the
        // whole table in the sort's order to spare sorting one page (100,000 orders read for 50).
        let items = c
            .prepare_cached(&format!(
                "WITH page AS (SELECT {alias}.id FROM {from}{filter} ORDER BY {order}
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
