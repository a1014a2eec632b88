//! One supplier: its card, the categories it sells, whether it is blocked.

use crate::domain::permissions::Area;
use crate::domain::purchasing::supplier::{CategoryName, Supplier, SupplierStatus, ValidSupplier};
use crate::error::{Error, FieldError};
use crate::store::dates::{date_text, opt_date_at};
use crate::store::tracked::{Guard, Naming, Part, Snapshot, Tracked};
use crate::store::tx::WriteTx;
use crate::store::{recorded, ts_parse};
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, ToSql};

pub static TRACKED: Tracked = Tracked {
    entity: "suppliers",
    guard: Guard::Area(Area::Purchasing),
    columns: &[
        "id",
        "name",
        "name_key",
        "vat_number",
        "fiscal_code",
        "street",
        "postcode",
        "city",
        "province",
        "country",
        "email",
        "pec",
        "sdi_code",
        "phone",
        "website",
        "iban",
        "payment_terms",
        "rating",
        "status",
        "blocked_reason",
        "blocked_on",
        "notes",
        "version",
        "created_at",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Field("name"),
    dates: &["blocked_on"],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

/// Which categories a supplier sells, one row each.
pub static CATEGORIES: Tracked = Tracked {
    entity: "supplier_categories",
    guard: Guard::Area(Area::Purchasing),
    columns: &["id", "supplier_id", "category_id", "version", "created_at"],
    references: &[
        ("supplier_id", "suppliers"),
        ("category_id", "purchase_categories"),
    ],
    naming: Naming::Parts(&[Part::Ref("supplier_id"), Part::Ref("category_id")]),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "id, name, vat_number, fiscal_code, street, postcode, city, province,
    country, email, pec, sdi_code, phone, website, iban, payment_terms, rating, status,
    blocked_reason, blocked_on, notes, version, created_at, updated_at";

fn bad_status() -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(
        17,
        rusqlite::types::Type::Text,
        "unknown supplier status".into(),
    )
}

fn from_row(r: &Row) -> rusqlite::Result<Supplier> {
    Ok(Supplier {
        id: r.get(0)?,
        name: r.get(1)?,
        vat_number: r.get(2)?,
        fiscal_code: r.get(3)?,
        street: r.get(4)?,
        postcode: r.get(5)?,
        city: r.get(6)?,
        province: r.get(7)?,
        country: r.get(8)?,
        email: r.get(9)?,
        pec: r.get(10)?,
        sdi_code: r.get(11)?,
        phone: r.get(12)?,
        website: r.get(13)?,
        iban: r.get(14)?,
        payment_terms: r.get(15)?,
        rating: r.get(16)?,
        status: SupplierStatus::parse(&r.get::<_, String>(17)?).ok_or_else(bad_status)?,
        blocked_reason: r.get(18)?,
        blocked_on: opt_date_at(r, 19)?,
        notes: r.get(20)?,
        categories: Vec::new(),
        version: r.get(21)?,
        created_at: ts_parse(&r.get::<_, String>(22)?)?,
        updated_at: ts_parse(&r.get::<_, String>(23)?)?,
    })
}

fn categories(c: &Connection, supplier_id: i64) -> crate::Result<Vec<CategoryName>> {
    Ok(c.prepare_cached(
        "SELECT p.id, p.name_it, p.name_en FROM supplier_categories s
         JOIN purchase_categories p ON p.id = s.category_id
         WHERE s.supplier_id = ?1 ORDER BY p.name_key LIMIT 200",
    )?
    .query_map([supplier_id], |r| {
        Ok(CategoryName {
            id: r.get(0)?,
            name_it: r.get(1)?,
            name_en: r.get(2)?,
        })
    })?
    .collect::<rusqlite::Result<Vec<_>>>()?)
}

pub fn get(c: &Connection, id: i64) -> crate::Result<Option<Supplier>> {
    let Some(mut s) = c
        .prepare_cached(&format!("SELECT {COLUMNS} FROM suppliers WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?
    else {
        return Ok(None);
    };
    s.categories = categories(c, id)?;
    Ok(Some(s))
}

pub fn require(c: &Connection, id: i64) -> crate::Result<Supplier> {
    get(c, id)?.ok_or_else(|| Error::not_found("supplier"))
}

/// The supplier with this VAT number (as stored: `IT00488410010`), if any.
pub fn id_by_vat(c: &Connection, vat_number: &str) -> crate::Result<Option<i64>> {
    Ok(
        c.prepare_cached("SELECT id FROM suppliers WHERE vat_number = ?1")?
            .query_row([vat_number], |r| r.get(0))
            .optional()?,
    )
}

pub fn exists(c: &Connection, id: i64) -> crate::Result<bool> {
    Ok(c.prepare_cached("SELECT 1 FROM suppliers WHERE id = ?1")?
        .exists([id])?)
}

fn check(w: &WriteTx, v: &ValidSupplier, own: i64) -> crate::Result<()> {
    let c = w.conn();
    let mut errors = Vec::new();
    if let Some(vat) = &v.vat_number {
        if c.prepare_cached("SELECT 1 FROM suppliers WHERE vat_number = ?1 AND id <> ?2")?
            .exists(rusqlite::params![vat, own])?
        {
            errors.push(FieldError::new("vat_number", "duplicate"));
        }
    }
    for id in &v.category_ids {
        let active = c
            .prepare_cached("SELECT active FROM purchase_categories WHERE id = ?1")?
            .query_row([id], |r| r.get::<_, bool>(0))
            .optional()?;
        let kept = own != 0
            && c.prepare_cached(
                "SELECT 1 FROM supplier_categories WHERE supplier_id = ?1 AND category_id = ?2",
            )?
            .exists([own, *id])?;
        match active {
            None => errors.push(FieldError::new("category_ids", "not_found").with("id", id)),
            // A retired category stays where it is; nothing new gets it.
            Some(false) if !kept => {
                errors.push(FieldError::new("category_ids", "retired").with("id", id));
            }
            _ => {}
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::validation(errors))
    }
}

fn form_values(v: &ValidSupplier) -> Vec<(&'static str, &dyn ToSql)> {
    vec![
        ("name", &v.name as &dyn ToSql),
        ("name_key", &v.name_key),
        ("vat_number", &v.vat_number),
        ("fiscal_code", &v.fiscal_code),
        ("street", &v.street),
        ("postcode", &v.postcode),
        ("city", &v.city),
        ("province", &v.province),
        ("country", &v.country),
        ("email", &v.email),
        ("pec", &v.pec),
        ("sdi_code", &v.sdi_code),
        ("phone", &v.phone),
        ("website", &v.website),
        ("iban", &v.iban),
        ("payment_terms", &v.payment_terms),
        ("rating", &v.rating),
        ("notes", &v.notes),
    ]
}

/// Makes the supplier's categories exactly `ids`, one history entry per change.
fn set_categories(w: &WriteTx, supplier_id: i64, ids: &[i64]) -> crate::Result<()> {
    let current: Vec<(i64, i64)> = w
        .conn()
        .prepare_cached(
            "SELECT id, category_id FROM supplier_categories WHERE supplier_id = ?1 LIMIT 1000",
        )?
        .query_map([supplier_id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    for (row, category) in &current {
        if !ids.contains(category) {
            recorded::delete(w, &CATEGORIES, *row)?;
        }
    }
    for id in ids {
        if !current.iter().any(|(_, c)| c == id) {
            recorded::insert(
                w,
                &CATEGORIES,
                &vec![
                    ("supplier_id", &supplier_id as &dyn ToSql),
                    ("category_id", id),
                ],
            )?;
        }
    }
    Ok(())
}

pub fn insert(w: &WriteTx, v: &ValidSupplier) -> crate::Result<i64> {
    check(w, v, 0)?;
    let status = SupplierStatus::Active.as_str().to_owned();
    let mut values = form_values(v);
    values.push(("status", &status));
    let id = recorded::insert(w, &TRACKED, &values)?;
    set_categories(w, id, &v.category_ids)?;
    Ok(id)
}

pub fn update(w: &WriteTx, id: i64, v: &ValidSupplier) -> crate::Result<()> {
    check(w, v, id)?;
    recorded::update(w, &TRACKED, id, &form_values(v))?;
    set_categories(w, id, &v.category_ids)
}

/// Blocks the supplier with `reason` from `on`, or lifts the block (`reason` `None`).
pub fn set_blocked(w: &WriteTx, id: i64, reason: Option<&str>, on: NaiveDate) -> crate::Result<()> {
    let status = if reason.is_some() {
        SupplierStatus::Blocked
    } else {
        SupplierStatus::Active
    }
    .as_str()
    .to_owned();
    let reason = reason.map(str::to_owned);
    let on = reason.as_ref().map(|_| date_text(on));
    recorded::update(
        w,
        &TRACKED,
        id,
        &vec![
            ("status", &status as &dyn ToSql),
            ("blocked_reason", &reason),
            ("blocked_on", &on),
        ],
    )?;
    Ok(())
}
