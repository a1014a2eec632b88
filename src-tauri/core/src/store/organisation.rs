//! The single organisation row (id 1).

use super::tracked::{Guard, Naming, Snapshot, Tracked};
use super::ts_parse;
use super::tx::WriteTx;
use crate::domain::history::ChangeOp;
use crate::domain::organisation::{Organisation, ValidOrganisation};
use crate::domain::permissions::Area;
use crate::error::{Error, ErrorCode};
use rusqlite::{params, Connection, OptionalExtension, Row};

pub static TRACKED: Tracked = Tracked {
    entity: "organisation",
    guard: Guard::Area(Area::Settings),
    columns: &[
        "id",
        "name",
        "vat_number",
        "street",
        "postal_code",
        "city",
        "province",
        "country",
        "currency",
        "locale",
        "auto_lock_minutes",
        "logo_sha256",
        "version",
        "updated_at",
    ],
    references: &[],
    naming: Naming::Field("name"),
    dates: &[],
    instants: &[],
    personal: false,
    snapshot: Snapshot::new(),
};

const COLUMNS: &str = "name, vat_number, street, postal_code, city, province, country, currency,
    locale, auto_lock_minutes, version, updated_at, logo_sha256";

fn from_row(r: &Row) -> rusqlite::Result<Organisation> {
    Ok(Organisation {
        name: r.get(0)?,
        vat_number: r.get(1)?,
        street: r.get(2)?,
        postal_code: r.get(3)?,
        city: r.get(4)?,
        province: r.get(5)?,
        country: r.get(6)?,
        currency: r.get(7)?,
        locale: r.get(8)?,
        auto_lock_minutes: r.get(9)?,
        version: r.get(10)?,
        updated_at: Some(ts_parse(&r.get::<_, String>(11)?)?),
        logo_sha256: r.get(12)?,
    })
}

/// The saved organisation, or the defaults of a new installation.
pub fn get(conn: &Connection) -> crate::Result<Organisation> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM organisation WHERE id = 1"),
            [],
            from_row,
        )
        .optional()?
        .unwrap_or_else(Organisation::unset))
}

/// Inserts or updates the row; refuses when the form was loaded at another version.
pub fn save(
    w: &WriteTx,
    v: &ValidOrganisation,
    expected_version: i64,
) -> crate::Result<Organisation> {
    let current = get(w.conn())?;
    if current.version != expected_version {
        return Err(Error::new(
            ErrorCode::Conflict,
            "organisation changed since it was loaded",
        ));
    }
    let before = w.snapshot(&TRACKED, 1)?;
    let op = if before.is_some() {
        ChangeOp::Update
    } else {
        ChangeOp::Insert
    };
    w.conn().execute(
        "INSERT INTO organisation (id, name, vat_number, street, postal_code, city, province, country,
                                   currency, locale, auto_lock_minutes, version, updated_at)
         VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, vat_number = excluded.vat_number,
           street = excluded.street, postal_code = excluded.postal_code, city = excluded.city,
           province = excluded.province, country = excluded.country, currency = excluded.currency,
           locale = excluded.locale, auto_lock_minutes = excluded.auto_lock_minutes,
           version = excluded.version, updated_at = excluded.updated_at",
        params![
            v.name,
            v.vat_number,
            v.street,
            v.postal_code,
            v.city,
            v.province,
            v.country,
            v.currency,
            v.locale,
            v.auto_lock_minutes,
            expected_version + 1,
            w.now_text()
        ],
    )?;
    w.record(&TRACKED, 1, op, before)?;
    get(w.conn())
}

/// Sets or clears the logo's SHA-256; the row must exist (the details are saved first).
pub fn set_logo(w: &WriteTx, sha256: Option<&str>) -> crate::Result<Organisation> {
    let before = w.snapshot(&TRACKED, 1)?;
    if before.is_none() {
        return Err(Error::new(
            ErrorCode::BadTransition,
            "the organisation's details are saved before its logo",
        )
        .with("reason", "organisation_unset"));
    }
    w.conn().execute(
        "UPDATE organisation SET logo_sha256 = ?1, version = version + 1, updated_at = ?2
         WHERE id = 1",
        params![sha256, w.now_text()],
    )?;
    w.record(&TRACKED, 1, ChangeOp::Update, before)?;
    get(w.conn())
}

/// Whether the logo uses this stored content (so the file store keeps it).
pub fn logo_uses(conn: &Connection, sha256: &str) -> crate::Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM organisation WHERE id = 1 AND logo_sha256 = ?1",
            [sha256],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
