//! Reading one row of an asset file into the asset form, merged with the asset it updates, and
//! checking it by the form's own rules plus what only an import can get wrong (a status or cost
//! it cannot read, a holder who is not an employee, a retired asset someone holds).

use super::import::AssetImportOptions;
use super::import_lookups::{path_key, Found, Prep};
use super::import_read::{date, plain, valid_of};
use super::import_words::parse_status;
use crate::domain::assets::asset::{Asset, AssetInput, AssetStatus, ValidAsset};
use crate::domain::assets::tag::tag_key;
use crate::domain::text::fold_key;
use crate::import::report::UnknownValues;
use crate::import::{param, Cells, Change, Input, Problems, RowChecker, SeenKeys};
use crate::store::assets::{asset, checkouts};
use chrono::NaiveDate;
use rusqlite::Connection;
use std::collections::HashSet;

/// A check-out the row asks for: to `employee` on `on`, after closing check-out `close`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HolderMove {
    pub(super) employee: i64,
    pub(super) on: NaiveDate,
    pub(super) close: Option<i64>,
}

/// A row that passed its checks.
pub struct AssetRow {
    /// The asset it updates.
    pub(super) id: Option<i64>,
    pub(super) valid: ValidAsset,
    /// Whether the asset's own fields change (an update may only move the holder).
    pub(super) changed: bool,
    pub(super) holder: Option<HolderMove>,
}

pub(super) struct AssetChecker<'a> {
    conn: &'a Connection,
    input: Input<'a, AssetImportOptions>,
    prep: &'a Prep,
    tags: SeenKeys,
    unknown: [(Vec<String>, HashSet<String>); 2],
}

impl<'a> AssetChecker<'a> {
    pub(super) fn new(
        conn: &'a Connection,
        input: Input<'a, AssetImportOptions>,
        prep: &'a Prep,
    ) -> Self {
        AssetChecker {
            conn,
            input,
            prep,
            tags: SeenKeys::with_capacity(input.table.rows.len()),
            unknown: Default::default(),
        }
    }

    /// Notes a category (0) or location (1) that is not on file, each once.
    fn note_unknown(&mut self, which: usize, value: &str) {
        let (list, seen) = &mut self.unknown[which];
        let key = if which == 1 {
            path_key(value)
        } else {
            fold_key(value)
        };
        if seen.insert(key) {
            list.push(crate::domain::text::clean(value));
        }
    }

    /// The category's id; 0 for one the commit creates first. `None` when reported.
    fn category(&mut self, v: &str, p: &mut Problems<'_>) -> Option<i64> {
        if let Some(id) = self.prep.category(v) {
            return Some(id);
        }
        self.note_unknown(0, v);
        if self.prep.create_categories {
            return Some(0);
        }
        p.bad_value("category", "unknown_category", v);
        None
    }

    fn location(&mut self, v: &str, p: &mut Problems<'_>) -> Option<i64> {
        match self.prep.location(v) {
            Found::One(id) => Some(id),
            Found::Many => {
                p.bad_value("location", "ambiguous_location", v);
                None
            }
            Found::None => {
                self.note_unknown(1, v);
                if !self.prep.create_locations {
                    p.bad_value("location", "unknown_location", v);
                }
                None
            }
        }
    }

    /// The employee the holder cell names, if any and usable.
    fn holder(&self, v: &str, p: &mut Problems<'_>) -> Option<i64> {
        match self.prep.person(v) {
            Ok((id, true)) => Some(id),
            Ok((_, false)) => {
                p.bad_value("holder", "holder_not_active", v);
                None
            }
            Err(Found::Many) => {
                p.bad_value("holder", "ambiguous_holder", v);
                None
            }
            Err(_) if self.input.options.import_unassigned => {
                p.warn("holder", "holder_not_found", param("value", v));
                None
            }
            Err(_) => {
                p.bad_value("holder", "unknown_holder", v);
                None
            }
        }
    }
}

impl AssetChecker<'_> {
    /// The references the row names (category, location, department), each found or
    /// reported; an empty cell keeps what `h` has.
    fn references(
        &mut self,
        cells: &Cells<'_>,
        h: Option<&Asset>,
        p: &mut Problems<'_>,
    ) -> (Option<i64>, Option<i64>, Option<i64>) {
        let category_id = match cells.get("category") {
            Some(v) => self.category(v, p),
            None => {
                if h.is_none() {
                    p.add("category", "required", Default::default());
                }
                h.map(|a| a.category_id)
            }
        };
        let location_id = match cells.get("location") {
            Some(v) => self.location(v, p),
            None => h.and_then(|a| a.location_id),
        };
        let department_id = match cells.get("department") {
            Some(v) => {
                let d = self.prep.department(v);
                if d.is_none() {
                    p.bad_value("department", "unknown_department", v);
                }
                d
            }
            None => h.and_then(|a| a.department_id),
        };
        (category_id, location_id, department_id)
    }

    /// The check-out the row asks for, and the status the asset ends with: someone holds an
    /// asset in use or in repair, nobody holds one in stock, retired or lost.
    fn holder_and_status(
        &self,
        cells: &Cells<'_>,
        h: Option<&Asset>,
        p: &mut Problems<'_>,
    ) -> crate::Result<(Option<HolderMove>, AssetStatus)> {
        let today = self.input.today;
        let file_status = cells.get("status").and_then(|v| {
            let s = parse_status(v);
            if s.is_none() {
                p.bad_value("status", "invalid_asset_status", v);
            }
            s
        });
        let newcomer = cells.get("holder").and_then(|v| self.holder(v, p));
        let out_on = date(cells, "checkout_date", p)
            .ok()
            .flatten()
            .unwrap_or(today);
        if out_on > today {
            p.add("checkout_date", "date_in_future", Default::default());
        }
        let open = match h {
            Some(a) if a.holder_employee_id.is_some() || a.holder_location_id.is_some() => {
                checkouts::open_of(self.conn, a.id, today)?
            }
            _ => None,
        };
        let holder = match (newcomer, &open) {
            (Some(e), Some(o)) if o.employee_id == Some(e) => None,
            (Some(e), o) => {
                if let Some(o) = o.as_ref().filter(|o| out_on < o.out_on) {
                    p.add(
                        "checkout_date",
                        "checkout_before_current",
                        param("date", o.out_on),
                    );
                }
                Some(HolderMove {
                    employee: e,
                    on: out_on,
                    close: o.as_ref().map(|o| o.id),
                })
            }
            (None, _) => None,
        };
        let mut status = file_status
            .or(h.map(|a| a.status))
            .unwrap_or(AssetStatus::InStock);
        if newcomer.is_some() || open.is_some() {
            if status.is_gone() {
                p.add(
                    "status",
                    "gone_with_holder",
                    param("value", status.as_str()),
                );
            } else if status == AssetStatus::InRepair && holder.is_some() {
                p.add("status", "holder_in_repair", Default::default());
            } else if status == AssetStatus::InStock {
                status = AssetStatus::InUse;
            }
        } else if status == AssetStatus::InUse {
            // Nobody holds it: in use would say otherwise.
            p.warn("status", "in_use_without_holder", Default::default());
            status = AssetStatus::InStock;
        }
        Ok((holder, status))
    }

    /// The form's own checks; a field already reported (an unreadable cell) is not reported
    /// again.
    fn validate(&self, input: &AssetInput, p: &mut Problems<'_>) -> Option<ValidAsset> {
        match input.validate(self.input.today) {
            Ok(v) => Some(v),
            Err(e) => {
                for f in e.fields {
                    let k = self.input.key_of(&f.field).to_owned();
                    if !p.errors().iter().any(|x| self.input.key_of(&x.field) == k) {
                        p.add(&f.field, &f.code, f.params);
                    }
                }
                None
            }
        }
    }
}

impl RowChecker<AssetRow> for AssetChecker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, AssetRow)>> {
        // GLPI leaves the inventory number empty on many items: their name is their tag.
        let Some(tag) = cells.get("tag").or_else(|| cells.get("name")) else {
            p.add("tag", "required", Default::default());
            return Ok(None);
        };
        let key = tag_key(tag);
        self.tags.first(key.clone(), "tag", p);
        let id = self.prep.tags.get(&key).copied();
        let held = match id {
            Some(id) => Some(asset::require(self.conn, id)?),
            None => None,
        };
        let h = held.as_ref();
        let keep = |k: &str, old: Option<&Option<String>>| {
            cells.text(k).or_else(|| old.cloned().flatten())
        };
        let (category_id, location_id, department_id) = self.references(cells, h, p);
        let v = plain(cells, h, p);
        let (holder, status) = self.holder_and_status(cells, h, p)?;
        let name = cells
            .text("name")
            .or_else(|| h.map(|a| a.name.clone()))
            .or_else(|| cells.text("model"))
            .unwrap_or_else(|| tag.to_owned());
        let input = AssetInput {
            tag: tag.to_owned(),
            name,
            category_id: category_id.unwrap_or(0),
            manufacturer: keep("manufacturer", h.map(|a| &a.manufacturer)),
            model: keep("model", h.map(|a| &a.model)),
            serial: keep("serial", h.map(|a| &a.serial)),
            supplier_name: keep("supplier_name", h.map(|a| &a.supplier_name)),
            order_number: keep("order_number", h.map(|a| &a.order_number)),
            purchase_date: v.purchase_date,
            cost_cents: v.cost_cents,
            currency: cells
                .text("currency")
                .or_else(|| h.map(|a| a.currency.clone())),
            warranty_end: v.warranty_end,
            location_id,
            department_id,
            status,
            // A file that says an asset is gone without saying when: the day of the import.
            status_date: v
                .status_date
                .or(status.is_gone().then_some(self.input.today)),
            notes: keep("notes", h.map(|a| &a.notes)),
        };
        let valid = self.validate(&input, p);
        let (Some(valid), false, true) = (valid, v.unreadable, p.is_empty()) else {
            return Ok(None);
        };
        let changed = h.is_none_or(|a| valid_of(a) != valid);
        let change = match (id, changed || holder.is_some()) {
            (None, _) => Change::Create,
            (Some(_), true) => Change::Update,
            (Some(_), false) => Change::Unchanged,
        };
        Ok(Some((
            change,
            AssetRow {
                id,
                valid,
                changed,
                holder,
            },
        )))
    }

    fn unknown(&self) -> Vec<UnknownValues> {
        ["category", "location"]
            .into_iter()
            .zip(&self.unknown)
            .filter(|(_, (list, _))| !list.is_empty())
            .map(|(field, (list, _))| UnknownValues {
                field: field.to_owned(),
                values: list.clone(),
            })
            .collect()
    }
}
