//! Importing a template's checklist from a CSV or xlsx file, on the import pipeline
//! (`crate::import`).
//!
//! A row is a checklist item: section, code, requirement, reference, guidance, evidence expected
//! and weight. Rows are matched to the template's newest items on their code, ignoring case: a
//! matching row updates its item, a new code is added after the existing items in file order, and
//! items the file does not name stay as they are. An empty cell keeps what the item holds (as in
//! the other imports). The whole file is written with one `save_items`, so the import lands on the
//! editable version: a version an audit started with is never touched, a copy takes the change.

use super::checklist_fields::{parse_whole, CHECKLIST_FIELDS, DEFAULT_WEIGHT};
use crate::domain::audits::template::{ChecklistItem, ChecklistItemInput, ValidItem, MAX_ITEMS};
use crate::domain::permissions::Area;
use crate::domain::text::Checks;
use crate::error::Error;
use crate::import::{
    param, Begun, Cells, Change, Field, Importer, Input, Problems, Progress, RowChecker, RowWriter,
    SeenKeys,
};
use crate::store::audits::templates;
use crate::store::WriteTx;
use rusqlite::Connection;
use serde::Deserialize;
use std::collections::HashMap;

/// The checklist import.
pub struct ChecklistImport;

/// The template the wizard imports into, sent as `{"template_id": 5}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct ChecklistOptions {
    pub template_id: i64,
}

/// The template's newest checklist, by code.
pub struct Prep {
    items: HashMap<String, ChecklistItem>,
}

fn prep(conn: &Connection, template_id: i64) -> crate::Result<Prep> {
    let t = templates::get(conn, template_id)?.ok_or_else(|| Error::not_found("audit template"))?;
    let items = templates::items(conn, t.current_version_id)?
        .into_iter()
        .map(|i| (i.code.to_uppercase(), i))
        .collect();
    Ok(Prep { items })
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

impl Importer for ChecklistImport {
    type Options = ChecklistOptions;
    type Prep = Prep;
    type Row = ValidItem;

    fn area(&self) -> Area {
        Area::Audits
    }

    fn fields(&self) -> &'static [Field] {
        CHECKLIST_FIELDS
    }

    fn known(&self, conn: &Connection, input: Input<'_, ChecklistOptions>) -> crate::Result<Prep> {
        prep(conn, input.options.template_id)
    }

    fn checker<'a>(
        &'a self,
        _: &'a Connection,
        input: Input<'a, ChecklistOptions>,
        prep: &'a Prep,
    ) -> crate::Result<Box<dyn RowChecker<ValidItem> + 'a>> {
        Ok(Box::new(Checker {
            prep,
            codes: SeenKeys::with_capacity(input.table.rows.len()),
            total: prep.items.len(),
        }))
    }

    fn begin<'a>(
        &'a self,
        w: &'a WriteTx<'_>,
        input: Input<'a, ChecklistOptions>,
    ) -> crate::Result<Begun<'a, Prep, ValidItem>> {
        let template_id = input.options.template_id;
        Ok(Begun {
            prep: prep(w.conn(), template_id)?,
            writer: Box::new(Writer {
                w,
                template_id,
                rows: Vec::new(),
            }),
            references: Vec::new(),
        })
    }
}

struct Checker<'a> {
    prep: &'a Prep,
    codes: SeenKeys,
    /// Items the checklist holds with the rows read so far.
    total: usize,
}

impl Checker<'_> {
    /// The row's weight: its cell, else the item's, else the default. `None` when the cell holds
    /// no whole number (reported).
    fn weight(
        &self,
        cells: &Cells<'_>,
        on_record: Option<&ChecklistItem>,
        p: &mut Problems<'_>,
    ) -> Option<i64> {
        match cells.get("weight") {
            None => Some(on_record.map_or(DEFAULT_WEIGHT, |i| i.weight)),
            Some(v) => {
                let w = parse_whole(v);
                if w.is_none() {
                    p.bad_value("weight", "invalid_weight", v);
                }
                w
            }
        }
    }
}

impl RowChecker<ValidItem> for Checker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, ValidItem)>> {
        let code_key = cells.get("code").map(str::to_uppercase);
        let on_record = code_key.as_ref().and_then(|c| self.prep.items.get(c));
        let keep = |key: &str, held: Option<&String>| cells.text(key).or_else(|| held.cloned());
        let weight = self.weight(cells, on_record, p);
        let input = ChecklistItemInput {
            section: cells.text("section").unwrap_or_default(),
            code: cells.text("code").unwrap_or_default(),
            requirement: cells.text("requirement").unwrap_or_default(),
            reference: keep("reference", on_record.and_then(|i| i.reference.as_ref())),
            guidance: keep("guidance", on_record.and_then(|i| i.guidance.as_ref())),
            evidence_expected: keep(
                "evidence_expected",
                on_record.and_then(|i| i.evidence_expected.as_ref()),
            ),
            // A weight that could not be read is reported once, not again as out of range.
            weight: weight.unwrap_or(DEFAULT_WEIGHT),
        };
        let mut c = Checks::default();
        let valid = input.check(&mut c, "");
        for f in c.errors {
            p.add(&f.field, &f.code, f.params);
        }
        if let Some(key) = code_key {
            let first = self.codes.first(key, "code", p);
            if first && on_record.is_none() {
                self.total += 1;
                if self.total > MAX_ITEMS {
                    p.add("code", "too_many", param("max", MAX_ITEMS));
                }
            }
        }
        if weight.is_none() || !p.is_empty() {
            return Ok(None);
        }
        let change = match on_record {
            None => Change::Create,
            Some(i) if valid_of(i) == valid => Change::Unchanged,
            Some(_) => Change::Update,
        };
        Ok(Some((change, valid)))
    }
}

/// Holds the rows back and writes the whole checklist once at the end: one new version at most.
struct Writer<'w, 'c> {
    w: &'w WriteTx<'c>,
    template_id: i64,
    rows: Vec<ValidItem>,
}

impl RowWriter<ValidItem> for Writer<'_, '_> {
    fn write(&mut self, _: Change, row: ValidItem, progress: &mut Progress) -> crate::Result<()> {
        self.rows.push(row);
        progress.step()
    }

    fn finish(self: Box<Self>, _: &mut Progress) -> crate::Result<()> {
        // Nothing to change: no copy of a frozen version, no history.
        if self.rows.is_empty() {
            return Ok(());
        }
        let (version_id, _, _) = templates::newest(self.w.conn(), self.template_id)?
            .ok_or_else(|| Error::not_found("audit template"))?;
        let mut rows: HashMap<String, ValidItem> = HashMap::with_capacity(self.rows.len());
        let mut added = Vec::new();
        for row in self.rows {
            added.push(row.code.clone());
            rows.insert(row.code.clone(), row);
        }
        let mut list = Vec::new();
        for item in templates::items(self.w.conn(), version_id)? {
            let row = rows.remove(&item.code.to_uppercase());
            list.push(row.unwrap_or_else(|| valid_of(&item)));
        }
        // What is left is new, in file order.
        list.extend(added.iter().filter_map(|code| rows.remove(code)));
        templates::save_items(self.w, self.template_id, &list)?;
        Ok(())
    }
}
