//! Reading one row of a licences file into the licence form, merged with the licence it
//! updates (an empty cell keeps what is on record), checked by the form's rules plus what only
//! an import can get wrong: an unknown product, fewer seats than are handed out, a cost or kind
//! it cannot read. Rows are written through the licence store, which keeps keys out of history.

use super::import_read::{cost, date};
use super::licence_import::{new_product, product_key, LicenceImportOptions, LicencePrep};
use crate::domain::assets::licence::{KeyChange, Licence, LicenceInput, LicenceKind, ValidLicence};
use crate::domain::text::{clean, fold_key};
use crate::error::Error;
use crate::import::report::UnknownValues;
use crate::import::SeenKeys;
use crate::import::{param, Cells, Change, Input, Problems, Progress, RowChecker, RowWriter};
use crate::store::assets::licences;
use crate::store::WriteTx;
use rusqlite::Connection;
use std::collections::HashSet;

/// A row that passed its checks.
pub struct LicenceRow {
    id: Option<i64>,
    valid: ValidLicence,
}

/// The kind of licence in either language, or as stored.
fn parse_kind(s: &str) -> Option<LicenceKind> {
    let k = fold_key(s).replace(['-', '_'], " ");
    Some(match k.as_str() {
        "per seat" | "per posto" | "per utente" | "per user" | "seat" | "utente" => {
            LicenceKind::PerSeat
        }
        "per device" | "per dispositivo" | "device" | "dispositivo" => LicenceKind::PerDevice,
        "site" | "sito" | "site licence" | "site license" | "aziendale" => LicenceKind::Site,
        "subscription" | "abbonamento" | "subscription licence" => LicenceKind::Subscription,
        _ => return None,
    })
}

/// The licence's fields as its form holds them, the key kept, to tell an unchanged row.
fn valid_of(l: &Licence) -> ValidLicence {
    ValidLicence {
        product_id: l.product_id,
        key: KeyChange::Keep,
        kind: l.kind,
        seats: l.seats,
        purchase_date: l.purchase_date,
        expiry_date: l.expiry_date,
        cost_cents: l.cost_cents,
        currency: l.currency.clone(),
        supplier_name: l.supplier_name.clone(),
        order_number: l.order_number.clone(),
        notes: l.notes.clone(),
    }
}

pub(super) struct LicenceChecker<'a> {
    conn: &'a Connection,
    input: Input<'a, LicenceImportOptions>,
    prep: &'a LicencePrep,
    seen: SeenKeys,
    unknown: (Vec<String>, HashSet<(String, String)>),
}

impl<'a> LicenceChecker<'a> {
    pub(super) fn new(
        conn: &'a Connection,
        input: Input<'a, LicenceImportOptions>,
        prep: &'a LicencePrep,
    ) -> Self {
        LicenceChecker {
            conn,
            input,
            prep,
            seen: SeenKeys::with_capacity(input.table.rows.len()),
            unknown: Default::default(),
        }
    }

    /// The product's id; 0 for one the commit creates first; `None` when reported.
    fn product(&mut self, name: &str, cells: &Cells<'_>, p: &mut Problems<'_>) -> Option<i64> {
        let version = cells.get("product_version");
        let key = product_key(name, version);
        if let Some(&id) = self.prep.products.get(&key) {
            return Some(id);
        }
        if self.unknown.1.insert(key) {
            let shown = match version {
                Some(v) => format!("{} {}", clean(name), clean(v)),
                None => clean(name),
            };
            self.unknown.0.push(shown);
        }
        if self.prep.create_products {
            if let Err(e) = new_product(name, version, cells.get("publisher")) {
                for f in e.fields {
                    let field = if f.field == "name" {
                        "product"
                    } else {
                        &f.field
                    };
                    p.add(field, &f.code, f.params);
                }
                return None;
            }
            return Some(0);
        }
        p.bad_value("product", "unknown_product", name);
        None
    }

    /// The licence the row stands for, by the natural key (see [`super::licence_import`]), and
    /// whether the row's key is the one it holds.
    fn find(
        &self,
        product: i64,
        key: Option<&str>,
        order: &str,
        p: &mut Problems<'_>,
    ) -> (Option<i64>, bool) {
        let mut pick = |ids: Vec<i64>| match ids.as_slice() {
            [one] => Some(*one),
            [_, _, ..] => {
                p.add("product", "ambiguous_licence", Default::default());
                None
            }
            [] => None,
        };
        let by_order = self.prep.by_order.get(&(product, fold_key(order)));
        let ordered = |keyless: bool| -> Vec<i64> {
            by_order
                .into_iter()
                .flatten()
                .filter(|(_, has_key)| !keyless || !has_key)
                .map(|(id, _)| *id)
                .collect()
        };
        match key {
            Some(k) => {
                let digest = licences::digest(k);
                match self.prep.by_key.get(&(product, digest)) {
                    Some(ids) => (pick(ids.clone()), true),
                    None => (pick(ordered(true)), false),
                }
            }
            None => (pick(ordered(false)), false),
        }
    }
}

/// The row's seats (never below those held) and kind, each kept from `h` when empty; `None`
/// when reported.
fn seats_and_kind(
    cells: &Cells<'_>,
    h: Option<&Licence>,
    p: &mut Problems<'_>,
) -> (Option<i64>, Option<LicenceKind>) {
    let seats = match cells.get("seats") {
        Some(v) => {
            let n = v.parse::<i64>().ok();
            if n.is_none() {
                p.bad_value("seats", "invalid_number", v);
            }
            n
        }
        None => h.map(|l| l.seats).or(Some(1)),
    };
    if let (Some(n), Some(l)) = (seats, h) {
        if n < l.seats_used {
            p.add(
                "seats",
                "seats_below_assigned",
                param("assigned", l.seats_used),
            );
        }
    }
    let kind = match cells.get("kind") {
        Some(v) => {
            let k = parse_kind(v);
            if k.is_none() {
                p.bad_value("kind", "invalid_licence_kind", v);
            }
            k
        }
        None => Some(h.map_or(LicenceKind::PerSeat, |l| l.kind)),
    };
    (seats, kind)
}

impl LicenceChecker<'_> {
    /// The form's own checks; a field already reported (an unreadable cell) is not reported
    /// again.
    fn validate(&self, input: &LicenceInput, p: &mut Problems<'_>) -> Option<ValidLicence> {
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

impl RowChecker<LicenceRow> for LicenceChecker<'_> {
    fn check(
        &mut self,
        cells: &Cells<'_>,
        p: &mut Problems<'_>,
    ) -> crate::Result<Option<(Change, LicenceRow)>> {
        let Some(name) = cells.get("product") else {
            p.add("product", "required", Default::default());
            return Ok(None);
        };
        let product = self.product(name, cells, p);
        let key = cells.get("licence_key");
        let order = cells.get("order_number").unwrap_or("");
        let (pname, pversion) = product_key(name, cells.get("product_version"));
        let natural = match key {
            Some(k) => format!("{pname}|{pversion}|key|{k}"),
            None => format!("{pname}|{pversion}|order|{}", fold_key(order)),
        };
        self.seen.first(natural, "product", p);
        let (id, same_key) = match product {
            Some(pid) if pid != 0 => self.find(pid, key, order, p),
            _ => (None, false),
        };
        let held = match id {
            Some(id) => {
                Some(licences::get(self.conn, id)?.ok_or_else(|| Error::not_found("licence"))?)
            }
            None => None,
        };
        let h = held.as_ref();
        let (seats, kind) = seats_and_kind(cells, h, p);
        let mut unreadable = false;
        let mut day =
            |k: &str, old: Option<chrono::NaiveDate>, p: &mut Problems<'_>| match date(cells, k, p)
            {
                Ok(d) => d.or(old),
                Err(()) => {
                    unreadable = true;
                    None
                }
            };
        let purchase_date = day("purchase_date", h.and_then(|l| l.purchase_date), p);
        let expiry_date = day("expiry_date", h.and_then(|l| l.expiry_date), p);
        let kept_cost = h.and_then(|l| l.cost_cents);
        let cost_cents = cost(cells, kept_cost, p).or(kept_cost);
        let keep = |k: &str, old: Option<&Option<String>>| {
            cells.text(k).or_else(|| old.cloned().flatten())
        };
        let input = LicenceInput {
            product_id: product.unwrap_or(0),
            // The key that found the licence is the one it holds: nothing to write.
            licence_key: key.filter(|_| !same_key).map(str::to_owned),
            kind: kind.unwrap_or(LicenceKind::PerSeat),
            seats: seats.unwrap_or(1),
            purchase_date,
            expiry_date,
            cost_cents,
            currency: cells
                .text("currency")
                .or_else(|| h.map(|l| l.currency.clone())),
            supplier_name: keep("supplier_name", h.map(|l| &l.supplier_name)),
            order_number: keep("order_number", h.map(|l| &l.order_number)),
            notes: keep("notes", h.map(|l| &l.notes)),
        };
        let valid = self.validate(&input, p);
        let (Some(valid), false, true) = (valid, unreadable, p.is_empty()) else {
            return Ok(None);
        };
        let change = match h {
            None => Change::Create,
            Some(l) if valid_of(l) == valid => Change::Unchanged,
            Some(_) => Change::Update,
        };
        Ok(Some((change, LicenceRow { id, valid })))
    }

    fn unknown(&self) -> Vec<UnknownValues> {
        if self.unknown.0.is_empty() {
            return Vec::new();
        }
        vec![UnknownValues {
            field: "product".to_owned(),
            values: self.unknown.0.clone(),
        }]
    }
}

pub(super) struct LicenceWriter<'w, 'c> {
    w: &'w WriteTx<'c>,
}

impl<'w, 'c> LicenceWriter<'w, 'c> {
    pub(super) fn new(w: &'w WriteTx<'c>) -> Self {
        LicenceWriter { w }
    }
}

impl RowWriter<LicenceRow> for LicenceWriter<'_, '_> {
    fn write(
        &mut self,
        change: Change,
        row: LicenceRow,
        progress: &mut Progress,
    ) -> crate::Result<()> {
        if row.valid.product_id == 0 || (change == Change::Update) != row.id.is_some() {
            return Err(Error::internal(
                "licence import: a row without its product or licence",
            ));
        }
        licences::save(self.w, row.id, &row.valid)?;
        progress.step()
    }

    fn finish(self: Box<Self>, _: &mut Progress) -> crate::Result<()> {
        Ok(())
    }
}
