//! A record's numbered lines (an order's, a requisition's) rewritten from the form, position by
//! position: a line kept in its place keeps its id (and so its history), a new place is a new
//! row, and the places past the new last one go. Every write is recorded like any other.

use super::recorded;
use super::row_values::Values;
use super::tracked::Tracked;
use super::tx::WriteTx;
use rusqlite::ToSql;

pub struct PositionedLines<'w, 'c> {
    w: &'w WriteTx<'c>,
    t: &'static Tracked,
    /// The column naming the record the lines belong to ("order_id").
    parent: &'static str,
    parent_id: i64,
    /// The stored lines: (id, position).
    current: Vec<(i64, i64)>,
    /// How many lines were put so far.
    put: i64,
}

impl<'w, 'c> PositionedLines<'w, 'c> {
    /// The lines of `parent_id` as stored (a record has at most a thousand).
    pub fn open(
        w: &'w WriteTx<'c>,
        t: &'static Tracked,
        parent: &'static str,
        parent_id: i64,
    ) -> crate::Result<Self> {
        let current = w
            .conn()
            .prepare_cached(&format!(
                "SELECT id, position FROM {} WHERE {parent} = ?1 LIMIT 1000",
                t.entity
            ))?
            .query_map([parent_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Self {
            w,
            t,
            parent,
            parent_id,
            current,
            put: 0,
        })
    }

    /// The next line's values: the line stored in its place takes them, or a new one is made.
    pub fn put(&mut self, values: &Values) -> crate::Result<()> {
        self.put += 1;
        let position = self.put;
        match self.current.iter().find(|(_, p)| *p == position) {
            Some((line_id, _)) => {
                recorded::update(self.w, self.t, *line_id, values)?;
            }
            None => {
                let mut values = values.clone();
                values.push((self.parent, &self.parent_id as &dyn ToSql));
                values.push(("position", &position));
                recorded::insert(self.w, self.t, &values)?;
            }
        }
        Ok(())
    }

    /// Removes the stored lines past the last one put.
    pub fn finish(self) -> crate::Result<()> {
        for (line_id, position) in &self.current {
            if *position > self.put {
                recorded::delete(self.w, self.t, *line_id)?;
            }
        }
        Ok(())
    }
}
