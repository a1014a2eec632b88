//! Importing places: Snipe-IT's locations export (`Name`, `Parent`, address columns) or our own
//! (a full path "Milano › Piano 2 › Sala server", or a name and its parent) into the locations
//! tree. Parents may come after their children in the file ([`super::location_import_plan`]
//! works the tree out first and the writer creates parents first); a cycle, a parent nobody
//! knows and two rows for one place are row errors. A row matches the place on file with the
//! same full path: it updates its kind and address, an empty cell keeping what it holds.
//!
//! Snipe-IT's Address, Address2, Zip, City, State and Country make our one address line.
//! Its Manager, Currency, Company, Phone, Fax, LDAP OU and Image columns are not fields: a
//! place here has no manager or company of its own, and currency belongs to amounts.

pub use super::location_import_fields::LOCATION_FIELDS;
use super::location_import_fields::{address, parse_kind};
use super::location_import_plan::{plan, Parent, Planned};
use crate::domain::assets::catalog::{Location, LocationInput, LocationKind, ValidLocation};
use crate::domain::permissions::Area;
use crate::domain::text::fold_key;
use crate::error::Error;
use crate::import::{Begun, Cells, Change, Field, Importer, Input, NoOptions};
use crate::import::{Problems, Progress, RowChecker, RowWriter, SeenKeys};
use crate::store::assets::locations;
use crate::store::WriteTx;
use rusqlite::Connection;
use std::collections::HashMap;

/// The locations import.
pub struct LocationImport;

/// The file's plan and the places on file.
pub struct LocationPrep {
    rows: Vec<Planned>,
    places: HashMap<i64, Location>,
}

fn prep<O>(conn: &Connection, input: Input<'_, O>) -> crate::Result<LocationPrep> {
    let places = locations::list(conn, true)?;
    let rows = plan(input, &places);
    Ok(LocationPrep {
        rows,
        places: places.into_iter().map(|l| (l.id, l)).collect(),
    })
}

/// A row that passed its checks: the place it updates, or where a new one goes.
pub struct LocationRow {
    index: usize,
    id: Option<i64>,
    parent: Parent,
    depth: usize,
    valid: ValidLocation,
}

struct LocationChecker<'a> {
    prep: &'a LocationPrep,
    input: Input<'a, NoOptions>,
    seen: SeenKeys,
}

impl RowChecker<LocationRow> for LocationChecker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, LocationRow)>> {
        let Some(planned) = self.prep.rows.get(cells.index) else {
            return Err(Error::internal(
                "location import: a row the plan does not have",
            ));
        };
        for (field, code, params) in &planned.problems {
            p.add(field, code, params.clone());
        }
        if planned.path.is_empty() {
            return Ok(None);
        }
        let field = if self.input.is_mapped("path") {
            "path"
        } else {
            "name"
        };
        self.seen.first(fold_key(&planned.path.join("›")), field, p);
        let held = planned.existing.and_then(|id| self.prep.places.get(&id));
        let kind = match cells.get("kind") {
            Some(v) => parse_kind(v).or_else(|| {
                p.bad_value("kind", "invalid_location_kind", v);
                None
            }),
            None => Some(held.map_or(
                if planned.parent == Parent::Root {
                    LocationKind::Site
                } else {
                    LocationKind::Other
                },
                |l| l.kind,
            )),
        };
        let parent_id = match planned.parent {
            Parent::Root => None,
            Parent::Place(id) => Some(id),
            // Made by the commit before this row is written.
            Parent::Row(_) => Some(0),
        };
        let input = LocationInput {
            parent_id: held.map_or(parent_id, |l| l.parent_id),
            kind: kind.unwrap_or(LocationKind::Other),
            name: planned.name.clone(),
            address: address(cells).or_else(|| held.and_then(|l| l.address.clone())),
        };
        let valid = match input.validate() {
            Ok(v) => Some(v),
            Err(e) => {
                for f in e.fields {
                    p.add(&f.field, &f.code, f.params);
                }
                None
            }
        };
        let (Some(valid), Some(_), true) = (valid, kind, p.is_empty()) else {
            return Ok(None);
        };
        let change = match held {
            None => Change::Create,
            Some(l)
                if l.name == valid.name && l.kind == valid.kind && l.address == valid.address =>
            {
                Change::Unchanged
            }
            Some(_) => Change::Update,
        };
        Ok(Some((
            change,
            LocationRow {
                index: cells.index,
                id: planned.existing,
                parent: planned.parent,
                depth: planned.path.len(),
                valid,
            },
        )))
    }
}

/// Holds the rows back and writes them parents first, once every row passed.
struct LocationWriter<'w, 'c> {
    w: &'w WriteTx<'c>,
    rows: Vec<LocationRow>,
}

impl RowWriter<LocationRow> for LocationWriter<'_, '_> {
    fn write(&mut self, _: Change, row: LocationRow, _: &mut Progress) -> crate::Result<()> {
        self.rows.push(row);
        Ok(())
    }

    fn finish(mut self: Box<Self>, progress: &mut Progress) -> crate::Result<()> {
        self.rows.sort_by_key(|r| r.depth);
        let mut made: HashMap<usize, i64> = HashMap::new();
        for mut row in std::mem::take(&mut self.rows) {
            if let Some(id) = row.id {
                locations::update(self.w, id, &row.valid)?;
            } else {
                row.valid.parent_id = match row.parent {
                    Parent::Root => None,
                    Parent::Place(id) => Some(id),
                    Parent::Row(j) => Some(*made.get(&j).ok_or_else(|| {
                        Error::internal("location import: a parent not written first")
                    })?),
                };
                made.insert(row.index, locations::insert(self.w, &row.valid)?);
            }
            progress.step()?;
        }
        Ok(())
    }
}

impl Importer for LocationImport {
    type Options = NoOptions;
    type Prep = LocationPrep;
    type Row = LocationRow;

    fn area(&self) -> Area {
        Area::Assets
    }

    fn fields(&self) -> &'static [Field] {
        LOCATION_FIELDS
    }

    fn known(&self, conn: &Connection, input: Input<'_, NoOptions>) -> crate::Result<LocationPrep> {
        prep(conn, input)
    }

    fn checker<'a>(
        &'a self,
        _: &'a Connection,
        input: Input<'a, NoOptions>,
        prep: &'a LocationPrep,
    ) -> crate::Result<Box<dyn RowChecker<LocationRow> + 'a>> {
        Ok(Box::new(LocationChecker {
            prep,
            input,
            seen: SeenKeys::with_capacity(input.table.rows.len()),
        }))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, NoOptions>,
    ) -> crate::Result<Begun<'a, LocationPrep, LocationRow>> {
        Ok(Begun {
            prep: prep(w.conn(), input)?,
            writer: Box::new(LocationWriter {
                w,
                rows: Vec::new(),
            }),
            references: Vec::new(),
        })
    }
}
