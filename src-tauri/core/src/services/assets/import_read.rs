//! The plain values of an asset row: dates, the cost and the warranty, each read from its cell
//! or kept from the asset the row updates; and the asset's own fields as its form holds them.

use super::import_words::{parse_cents, parse_months, BadAmount};
use crate::domain::assets::asset::{Asset, ValidAsset};
use crate::domain::assets::tag::tag_key;
use crate::domain::text::fold_key;
use crate::import::dates::TWO_DIGIT_PIVOT;
use crate::import::{param, Cells, Problems};
use chrono::{Months, NaiveDate};

/// What the row's plain cells hold, merged with the asset it updates.
pub(super) struct Plain {
    pub(super) purchase_date: Option<NaiveDate>,
    pub(super) warranty_end: Option<NaiveDate>,
    pub(super) cost_cents: Option<i64>,
    pub(super) status_date: Option<NaiveDate>,
    /// Whether a date could not be read (reported): the row is not written.
    pub(super) unreadable: bool,
}

/// Reads the row's dates, cost and warranty; an empty cell keeps what `held` has.
pub(super) fn plain(cells: &Cells<'_>, held: Option<&Asset>, p: &mut Problems<'_>) -> Plain {
    let mut unreadable = false;
    let mut or_held = |r: Result<Option<NaiveDate>, ()>, old: Option<NaiveDate>| match r {
        Ok(d) => d.or(old),
        Err(()) => {
            unreadable = true;
            None
        }
    };
    let purchase_date = or_held(
        date(cells, "purchase_date", p),
        held.and_then(|a| a.purchase_date),
    );
    let warranty_end = or_held(
        warranty_end(cells, purchase_date, p),
        held.and_then(|a| a.warranty_end),
    );
    let status_date = or_held(
        date(cells, "status_date", p),
        held.and_then(|a| a.status_date),
    );
    let kept = held.and_then(|a| a.cost_cents);
    Plain {
        purchase_date,
        warranty_end,
        cost_cents: cost(cells, kept, p).or(kept),
        status_date,
        unreadable,
    }
}

/// The asset's fields as its form holds them, to tell an unchanged row.
pub(super) fn valid_of(a: &Asset) -> ValidAsset {
    ValidAsset {
        tag: a.tag.clone(),
        tag_key: tag_key(&a.tag),
        name: a.name.clone(),
        name_key: fold_key(&a.name),
        category_id: a.category_id,
        manufacturer: a.manufacturer.clone(),
        model: a.model.clone(),
        serial: a.serial.clone(),
        supplier_name: a.supplier_name.clone(),
        order_number: a.order_number.clone(),
        purchase_date: a.purchase_date,
        cost_cents: a.cost_cents,
        currency: a.currency.clone(),
        warranty_end: a.warranty_end,
        location_id: a.location_id,
        department_id: a.department_id,
        status: a.status,
        status_date: a.status_date,
        notes: a.notes.clone(),
    }
}

/// The date in `key`'s column: `Ok(None)` when empty, `Err` when unreadable (reported).
pub(super) fn date(
    cells: &Cells<'_>,
    key: &str,
    p: &mut Problems<'_>,
) -> Result<Option<NaiveDate>, ()> {
    match cells.date(key, TWO_DIGIT_PIVOT, p) {
        None => Ok(None),
        Some(Some(d)) => Ok(Some(d)),
        Some(None) => Err(()),
    }
}

/// The cost in cents: the cell's, else what the asset holds.
pub(super) fn cost(cells: &Cells<'_>, held: Option<i64>, p: &mut Problems<'_>) -> Option<i64> {
    let v = cells.get("cost")?;
    match parse_cents(v) {
        Ok(c) => Some(c),
        Err(BadAmount::Negative) => {
            p.bad_value("cost", "negative_cost", v);
            held
        }
        Err(BadAmount::Unreadable) => {
            p.bad_value("cost", "invalid_cost", v);
            held
        }
    }
}

/// The warranty's end: its own column, else the months after the purchase date.
pub(super) fn warranty_end(
    cells: &Cells<'_>,
    purchase: Option<NaiveDate>,
    p: &mut Problems<'_>,
) -> Result<Option<NaiveDate>, ()> {
    if let Some(d) = date(cells, "warranty_end", p)? {
        return Ok(Some(d));
    }
    let Some(v) = cells.get("warranty_months") else {
        return Ok(None);
    };
    let Some(months) = parse_months(v) else {
        p.bad_value("warranty_months", "invalid_months", v);
        return Err(());
    };
    let Some(bought) = purchase else {
        p.add("warranty_months", "needs_purchase_date", param("value", v));
        return Err(());
    };
    Ok(bought.checked_add_months(Months::new(months)))
}
